"""The words the generated pages use in Finnish and Swedish, and how numbers and dates read."""

from __future__ import annotations

import datetime as dt
from typing import Final

from generator.playbook.model import GradeSplit, Playbook, Threshold
from generator.playbook.roles import NATIONAL_ROLES, national_role_name

UI: Final[dict[str, dict[str, str]]] = {
    "fi": {
        "language_name": "Suomi",
        "site_title": "poissaolojen pelisäännöt",
        "home": "Etusivu",
        "ladder": "Puuttumisen portaat",
        "guardians": "Huoltajille",
        "teachers": "Opettajille",
        "downloads": "Tulosteet (PDF)",
        "calculator": "Poissaololaskuri",
        "accessibility_statement": "Saavutettavuusseloste",
        "contacts": "Yhteystiedot",
        "about": "Päätös ja versio",
        "national_model": "Kansallinen SKY-malli",
        "glossary": "Sanasto",
        "stage": "Porras",
        "threshold": "Raja",
        "sky_tier": "SKY-taso",
        "tier": "Taso",
        "who_acts": "Kuka toimii",
        "deadline": "Määräaika",
        "action": "Toimi",
        "record": "Mitä kirjataan",
        "role": "Rooli",
        "name": "Nimi",
        "phone": "Puhelin",
        "email": "Sähköposti",
        "reachable": "Tavoitettavissa",
        "schools": "Koulut",
        "all_schools": "kaikki koulut",
        "school": "Koulu",
        "grades": "Vuosiluokat",
        "school_language": "Opetuskieli",
        "lang_fi": "suomi",
        "lang_sv": "ruotsi",
        "all_absences": "kaikki poissaolot",
        "unauthorised_absences": "luvattomat poissaolot",
        "from_first": "ensimmäisestä huolestuttavasta poissaolosta",
        "hours_unit": "tuntia",
        "hour_unit": "tunti",
        "percent_of_time": "koulun ajasta",
        "grades_1_6": "vuosiluokat 1–6",
        "grades_7_9": "vuosiluokat 7–9",
        "same_day": "samana koulupäivänä",
        "no_deadline": "–",
        "leave_up_to": "enintään {days} koulupäivää",
        "leave_longer": "pidemmät vapaat",
        "granted_by": "Myöntää",
        "length": "Vapaan pituus",
        "services": "Apua koulun ulkopuolelta",
        "approved_by": "Hyväksynyt",
        "approval_date": "Päätöksen päivä",
        "section": "Pykälä",
        "effective_from": "Voimassa alkaen",
        "version": "Versio",
        "changes": "Muutokset tässä versiossa",
        "version_history": "Versiot ja muutokset",
        "version_history_intro": "Tällä sivulla ovat pelisääntöjen kaikki julkaistut versiot "
        "uusimmasta vanhimpaan: milloin kukin versio tuli voimaan ja mitä siinä muuttui.",
        "in_force": "voimassa nyt",
        "no_release_note": "Tästä versiosta ei ole kirjattu muutoksia.",
        "all_versions": "Kaikki versiot ja niiden muutokset",
        "provider": "Opetuksen järjestäjä",
        "wellbeing_county": "Hyvinvointialue",
        "recording_system": "Poissaolot merkitään",
        "window": "Laskentajakso",
        "review": "Seuranta",
        "local_role": "paikallinen rooli",
        "portal_title": "Poissaolojen pelisäännöt kunnittain",
        "portal_municipalities": "Kuntien pelisäännöt",
        "portal_compare": "Vertailu",
        "portal_data": "Avoin data",
        "portal_guide": "Ohjeet pelisääntöjen laatijoille",
        "portal_your_municipality": "kuntasi",
        "portal_your_provider": "opetuksen järjestäjä",
        "unit_hours": "tunnit",
        "unit_percent": "prosentit",
        "unauthorised_short": "luvattomat",
    },
    "sv": {
        "language_name": "Svenska",
        "site_title": "spelregler för frånvaro",
        "home": "Startsida",
        "ladder": "Trappan för ingripande",
        "guardians": "För vårdnadshavare",
        "teachers": "För lärare",
        "downloads": "Utskrifter (PDF)",
        "calculator": "Frånvaroräknare",
        "accessibility_statement": "Tillgänglighetsutlåtande",
        "contacts": "Kontaktuppgifter",
        "about": "Beslut och version",
        "national_model": "Den nationella SKY-modellen",
        "glossary": "Ordlista",
        "stage": "Steg",
        "threshold": "Gräns",
        "sky_tier": "SKY-nivå",
        "tier": "Nivå",
        "who_acts": "Vem gör vad",
        "deadline": "Tidsfrist",
        "action": "Åtgärd",
        "record": "Vad som dokumenteras",
        "role": "Roll",
        "name": "Namn",
        "phone": "Telefon",
        "email": "E-post",
        "reachable": "Nås",
        "schools": "Skolor",
        "all_schools": "alla skolor",
        "school": "Skola",
        "grades": "Årskurser",
        "school_language": "Undervisningsspråk",
        "lang_fi": "finska",
        "lang_sv": "svenska",
        "all_absences": "all frånvaro",
        "unauthorised_absences": "olovlig frånvaro",
        "from_first": "från den första oroväckande frånvaron",
        "hours_unit": "timmar",
        "hour_unit": "timme",
        "percent_of_time": "av skoltiden",
        "grades_1_6": "årskurs 1–6",
        "grades_7_9": "årskurs 7–9",
        "same_day": "samma skoldag",
        "no_deadline": "–",
        "leave_up_to": "högst {days} skoldagar",
        "leave_longer": "längre ledighet",
        "granted_by": "Beviljas av",
        "length": "Ledighetens längd",
        "services": "Hjälp utanför skolan",
        "approved_by": "Godkänt av",
        "approval_date": "Beslutsdatum",
        "section": "Paragraf",
        "effective_from": "Gäller från",
        "version": "Version",
        "changes": "Ändringar i denna version",
        "version_history": "Versioner och ändringar",
        "version_history_intro": "Här finns alla publicerade versioner av spelreglerna från den "
        "nyaste till den äldsta: när varje version trädde i kraft och vad som ändrades i den.",
        "in_force": "gäller nu",
        "no_release_note": "För den här versionen har inga ändringar antecknats.",
        "all_versions": "Alla versioner och deras ändringar",
        "provider": "Utbildningsanordnare",
        "wellbeing_county": "Välfärdsområde",
        "recording_system": "Frånvaron antecknas i",
        "window": "Period som räknas",
        "review": "Uppföljning",
        "local_role": "lokal roll",
        "portal_title": "Spelregler för frånvaro kommunvis",
        "portal_municipalities": "Kommunernas spelregler",
        "portal_compare": "Jämförelse",
        "portal_data": "Öppna data",
        "portal_guide": "Guide för dem som skriver spelreglerna",
        "portal_your_municipality": "din kommun",
        "portal_your_provider": "utbildningsanordnaren",
        "unit_hours": "timmar",
        "unit_percent": "procent",
        "unauthorised_short": "olovlig",
    },
}


def text(language: str, key: str) -> str:
    return UI[language][key]


def number(value: float, language: str) -> str:
    """``12.5`` → ``12,5`` (Finnish and Swedish use a decimal comma)."""
    return f"{value:g}".replace(".", ",")


def date(value: dt.date, language: str) -> str:
    return f"{value.day}.{value.month}.{value.year}"


def _amount(value: float, unit: str, language: str) -> str:
    if unit == "percent":
        return f"{number(value, language)} % {text(language, 'percent_of_time')}"
    word = text(language, "hour_unit" if value == 1 else "hours_unit")
    return f"{number(value, language)} {word}"


def threshold(value: Threshold, language: str) -> str:
    """A threshold in words: '30 tuntia', 'vuosiluokat 1–6: 30 tuntia; 7–9: 40 tuntia'."""
    amount = value.value
    if isinstance(amount, GradeSplit):
        return "; ".join(
            f"{text(language, group)}: {_threshold_amount(getattr(amount, group), value, language)}"
            for group in ("grades_1_6", "grades_7_9")
        )
    return _threshold_amount(amount, value, language)


def _threshold_amount(amount: float, value: Threshold, language: str) -> str:
    if amount == 0:
        return text(language, "from_first")
    return _amount(amount, value.unit, language)


def absences_kind(value: Threshold, language: str) -> str:
    key = "unauthorised_absences" if value.absences == "unauthorised" else "all_absences"
    return text(language, key)


def deadline(days: int | None, language: str) -> str:
    if days is None:
        return text(language, "no_deadline")
    if days == 0:
        return text(language, "same_day")
    if language == "fi":
        return f"{days} koulupäivän kuluessa"
    return "inom en skoldag" if days == 1 else f"inom {days} skoldagar"


def role_name(role_id: str, playbook: Playbook, language: str) -> str:
    if role_id in NATIONAL_ROLES:
        return national_role_name(role_id, language)
    for role in playbook.roles:
        if role.id == role_id:
            return role.name.get(language)
    return role_id


def tier_name(tier: int, language: str) -> str:
    return f"{text(language, 'tier')} {tier}"
