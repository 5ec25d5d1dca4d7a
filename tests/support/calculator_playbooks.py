"""Format-2 playbooks for the calculator's tests: between them, every kind of ladder and
threshold the calculator handles.

- ``kalliola`` (Finnish first): a ladder of all absences counted in hours over the school year
  *and* in percent per period (100 h = 10 %), with a stage that starts on warning signs alone,
  an "over" threshold, thresholds split by grade level and a range; a ladder of unauthorised
  absences in hours per term, from 0 and with a range; a lateness ladder counted in times over
  a rolling six weeks, with "at", "over" plus warning signs, and a last stage of warning signs.
- ``strandvik`` (Swedish first): all absences in hours and percent over the same term (one
  field of absent hours serves both), starting with a percent range; repeated sickness absence
  in school days; unexplained absences in lessons, with no window named, or as a share of the
  term's lessons.
"""

from __future__ import annotations

from pathlib import Path

from conftest import write_playbook

_COMMON = """
contacts:
  - role: class_teacher
    name: {fi: Koulun kanslia, sv: Skolans kansli}
    phone: "+358 40 123 4567"
  - role: principal
    email: rehtori@example.org
  - role: school_social_worker
    email: kuraattori@example.org
  - role: school_nurse
    email: terveydenhoitaja@example.org
accessibility:
  feedback_email: palaute@example.org
  assessed: 2026-09-01
  method: self
"""

KALLIOLA = (
    """# yaml-language-server: $schema=../schema/playbook.schema.json
schema_version: 2
municipality:
  slug: kalliola
  name: {fi: Kalliola, sv: Bergby}
  provider: {fi: Kalliolan kaupunki, sv: Bergby stad}
  languages: [fi, sv]
approval:
  body: {fi: Sivistyslautakunta, sv: Bildningsnämnden}
  date: 2026-05-20
  section: "§ 12"
  effective_from: 2026-08-01
  version: "2026.1"
monitoring:
  system: Wilma
  review: {fi: Luokanopettaja viikoittain, sv: Klassläraren varje vecka}
ladders:
  - id: poissaolot
    counts: all
    measures:
      - {unit: hours, per: school_year}
      - {unit: percent, per: period}
    equivalence: {hours: 100, percent: 10}
  - id: luvattomat
    counts: unauthorised
    measures:
      - {unit: hours, per: term}
  - id: myohastymiset
    counts: lateness
    measures:
      - {unit: times, per: rolling_weeks, weeks: 6}
guardians:
  report_absence: {fi: Ilmoita Wilmassa aamulla., sv: Meddela i Wilma på morgonen.}
stages:
  - id: huoli
    title: {fi: Huoli puheeksi, sv: Ta upp oron}
    ladder: poissaolot
    sky_tier: 1
    triggers: [single_worrying_absence, same_weekday_or_lesson]
    for_guardians: {fi: Opettaja soittaa sinulle., sv: Läraren ringer dig.}
    steps:
      - role: class_teacher
        action: {fi: Soita kotiin., sv: Ring hem.}
        within_school_days: 1
  - id: yhteys
    title: {fi: Yhteys kotiin, sv: Kontakt med hemmet}
    ladder: poissaolot
    sky_tier: 1
    threshold:
      hours: {over: 30}
    responsible: class_teacher
    for_guardians: {fi: Opettaja kutsuu sinut keskustelemaan., sv: Läraren bjuder in dig till ett samtal.}
    steps:
      - roles: [class_teacher, school_social_worker]
        action: {fi: Keskustele huoltajan kanssa., sv: Tala med vårdnadshavaren.}
        deadline: same_day
      - role: school_nurse
        action: {fi: Kutsu oppilas terveystarkastukseen., sv: Kalla eleven till hälsokontroll.}
        condition: {fi: jos syy liittyy terveyteen, sv: om orsaken gäller hälsan}
        within_school_days: 5
    record: {fi: Merkintä Wilmaan., sv: Anteckning i Wilma.}
  - id: suunnitelma
    title: {fi: Suunnitelma, sv: Plan}
    ladder: poissaolot
    sky_tier: 2
    threshold:
      hours: {grades_1_6: 60, grades_7_9: {over: 80}}
      percent: 10
    for_guardians: {fi: Teette yhdessä suunnitelman., sv: Ni gör en plan tillsammans.}
    steps:
      - role: principal
        action: {fi: Kutsu koolle tapaaminen., sv: Kalla till ett möte.}
  - id: verkosto
    title: {fi: Verkosto, sv: Nätverket}
    ladder: poissaolot
    sky_tier: 3
    threshold:
      hours: {from: 100, to: 120}
      percent: {over: 20}
    for_guardians: {fi: Rehtori kutsuu sinut tapaamiseen., sv: Rektorn bjuder in dig till ett möte.}
    steps:
      - action: {fi: Kokoa asiantuntijaryhmä., sv: Samla expertgruppen.}
        deadline: before_next_stage
  - id: luvaton
    title: {fi: Luvaton poissaolo, sv: Olovlig frånvaro}
    ladder: luvattomat
    threshold: {hours: 0}
    for_guardians: {fi: Koulu ilmoittaa sinulle samana päivänä., sv: Skolan meddelar dig samma dag.}
    steps:
      - role: class_teacher
        action: {fi: Ilmoita huoltajalle., sv: Meddela vårdnadshavaren.}
        deadline: same_day
  - id: luvaton-toistuu
    title: {fi: Luvattomat toistuvat, sv: Olovlig frånvaro upprepas}
    ladder: luvattomat
    threshold:
      hours: {from: 10, to: 15}
    for_guardians: {fi: Rehtori ottaa sinuun yhteyttä., sv: Rektorn kontaktar dig.}
    steps:
      - role: principal
        action: {fi: Soita huoltajalle., sv: Ring vårdnadshavaren.}
        within_school_days: 2
  - id: myohastely
    title: {fi: Myöhästelyä, sv: Förseningar}
    ladder: myohastymiset
    threshold: {times: 3}
    for_guardians: {fi: Opettaja kertoo sinulle myöhästymisistä., sv: Läraren berättar för dig om förseningarna.}
    steps:
      - role: class_teacher
        action: {fi: Lähetä viesti kotiin., sv: Skicka ett meddelande hem.}
        deadline: same_day
  - id: myohastely-jatkuu
    title: {fi: Myöhästely jatkuu, sv: Förseningarna fortsätter}
    ladder: myohastymiset
    threshold:
      times: {over: 5.5}
    triggers: [repeated_lateness]
    for_guardians: {fi: Teillä on tapaaminen koululla., sv: Ni har ett möte i skolan.}
    steps:
      - role: class_teacher
        action: {fi: Sovi tapaaminen., sv: Kom överens om ett möte.}
        within_school_days: 3
  - id: myohastely-huoli
    title: {fi: Myöhästymisten syyt, sv: Orsakerna till förseningarna}
    ladder: myohastymiset
    triggers: [leaving_during_the_day, vague_explanations]
    for_guardians: {fi: Kuraattori ottaa sinuun yhteyttä., sv: Kuratorn kontaktar dig.}
    steps:
      - role: school_social_worker
        action: {fi: Selvitä syyt., sv: Red ut orsakerna.}
"""
    + _COMMON
)

STRANDVIK = (
    """# yaml-language-server: $schema=../schema/playbook.schema.json
schema_version: 2
municipality:
  slug: strandvik
  name: {fi: Rantalahti, sv: Strandvik}
  provider: {fi: Rantalahden kunta, sv: Strandviks kommun}
  languages: [sv, fi]
approval:
  body: {fi: Sivistyslautakunta, sv: Bildningsnämnden}
  date: 2026-05-20
  section: "§ 7"
  effective_from: 2026-08-01
  version: "2026.1"
monitoring:
  system: Wilma
  review: {fi: Luokanvalvoja viikoittain, sv: Klassföreståndaren varje vecka}
ladders:
  - id: franvaro
    counts: all
    measures:
      - {unit: hours, per: term}
      - {unit: percent, per: term}
  - id: sjukfranvaro
    counts: sickness
    measures:
      - {unit: days, per: school_year}
  - id: oforklarad
    counts: unexplained
    name: {fi: Selvittämättömät tunnit, sv: Oförklarade lektioner}
    measures:
      - {unit: lessons}
      - {unit: percent, per: term}
guardians:
  report_absence: {fi: Ilmoita Wilmassa aamulla., sv: Meddela i Wilma på morgonen.}
stages:
  - id: tidig
    title: {fi: Varhainen tuki, sv: Tidigt stöd}
    ladder: franvaro
    sky_tier: 1
    threshold:
      percent: {from: 5, to: 10}
    for_guardians: {fi: Opettaja soittaa sinulle., sv: Läraren ringer dig.}
    steps:
      - role: class_teacher
        action: {fi: Soita kotiin., sv: Ring hem.}
        within_school_days: 2
  - id: plan
    title: {fi: Suunnitelma, sv: Plan}
    ladder: franvaro
    sky_tier: 2
    threshold:
      hours: {over: 50}
      percent: 15
    for_guardians: {fi: Teette suunnitelman., sv: Ni gör en plan.}
    steps:
      - role: principal
        action: {fi: Kutsu koolle tapaaminen., sv: Kalla till ett möte.}
  - id: sjuk
    title: {fi: Toistuva sairastelu, sv: Upprepad sjukfrånvaro}
    ladder: sjukfranvaro
    threshold: {days: 5}
    for_guardians: {fi: Terveydenhoitaja soittaa sinulle., sv: Hälsovårdaren ringer dig.}
    steps:
      - role: school_nurse
        action: {fi: Soita huoltajalle., sv: Ring vårdnadshavaren.}
  - id: sjuk-mer
    title: {fi: Sairastelu jatkuu, sv: Sjukfrånvaron fortsätter}
    ladder: sjukfranvaro
    threshold:
      days: {over: 10}
    for_guardians: {fi: Sovitte tapaamisen., sv: Ni kommer överens om ett möte.}
    steps:
      - role: school_nurse
        action: {fi: Sovi tapaaminen., sv: Kom överens om ett möte.}
  - id: oforklarad
    title: {fi: Selvittämätön poissaolo, sv: Oförklarad frånvaro}
    ladder: oforklarad
    threshold:
      lessons: {over: 4}
    for_guardians: {fi: Koulu kysyy sinulta syytä., sv: Skolan frågar dig om orsaken.}
    steps:
      - role: class_teacher
        action: {fi: Selvitä syy., sv: Red ut orsaken.}
  - id: oforklarad-mer
    title: {fi: Selvittämättömiä on paljon, sv: Mycket oförklarad frånvaro}
    ladder: oforklarad
    threshold:
      lessons: 12
      percent: {over: 2.5}
    for_guardians: {fi: Rehtori kutsuu sinut tapaamiseen., sv: Rektorn bjuder in dig till ett möte.}
    steps:
      - role: principal
        action: {fi: Kutsu koolle tapaaminen., sv: Kalla till ett möte.}
"""
    + _COMMON
)

PLAYBOOKS = {"kalliola": KALLIOLA, "strandvik": STRANDVIK}


def write_calculator_playbook(folder: Path, slug: str) -> Path:
    return write_playbook(folder, PLAYBOOKS[slug], name=slug)
