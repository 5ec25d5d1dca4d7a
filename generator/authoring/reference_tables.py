"""The closed lists of the playbook format, as tables of the field reference: how a threshold is
written and how the pages read it, the counting windows, what a ladder counts, the warning
signs, the deadlines, the legal-basis ids, the leave notes and the national roles.

Every word in the "suomeksi" and "på svenska" columns is the one the sites print, taken from
the same place the pages take it (:mod:`generator.messages.ladder_words`, the ``page.``
catalogue, :mod:`generator.playbook.legal`, :mod:`generator.playbook.roles`), so the reference
cannot promise a wording the pages do not use.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import get_args

from markupsafe import Markup

from generator.messages.ladder_words import (
    deadline_words,
    ladder_name,
    measure_words,
    trigger_words,
    value_words,
)
from generator.messages.page_words import text
from generator.plan.markdown_text import escape_markdown
from generator.playbook.legal import PROVISIONS
from generator.playbook.model import (
    TRIGGERS,
    ByGrades,
    Counts,
    Deadline,
    Ladder,
    Language,
    LeaveNote,
    Limit,
    LocalText,
    Measure,
    Step,
    ThresholdValue,
)
from generator.playbook.roles import NATIONAL_ROLES

LANGUAGES: tuple[Language, ...] = ("fi", "sv")
# Section ids: the reference's own anchors, which its key tables link to.
THRESHOLDS = "thresholds"
WINDOWS = "windows"
COUNTS = "counts"
TRIGGER_SIGNS = "triggers"
DEADLINES = "deadlines"
LEGAL_BASIS = "legal-basis"
LEAVE_NOTES = "leave-notes"
NATIONAL = "national-roles"

_WORDS = {
    "fi": {
        THRESHOLDS: "Rajat",
        f"{THRESHOLDS}.intro": "Portaan raja kirjoitetaan kohtaan threshold: portaikon "
        "mittarin yksiköllä (hours, lessons, percent, days tai times). Pelkkä luku tarkoittaa "
        "”tämä tai enemmän”. Sivuilla, PDF-tiedostoissa ja laskurissa raja näkyy näin, ja "
        "sen perässä portaikon jakso (ks. Jaksot).",
        f"{THRESHOLDS}.keys": "Rajan muotojen avaimet",
        WINDOWS: "Jaksot",
        f"{WINDOWS}.intro": "Jakso kirjoitetaan portaikon mittariin kohtaan per:. Sivuilla se "
        "näkyy jokaisen rajan perässä, esimerkiksi näin:",
        COUNTS: "Mitä portaikko laskee",
        f"{COUNTS}.intro": "Jokainen portaikko kertoo kohdassa counts:, mitkä poissaolot se "
        "laskee. Jos portaikolla ei ole omaa nimeä (name:), sivuilla näkyy tämä nimi.",
        TRIGGER_SIGNS: "Varoitusmerkit",
        f"{TRIGGER_SIGNS}.intro": "Porras voi alkaa varoitusmerkistä ilman lukua (triggers:), "
        "rajasta tai kummasta tahansa. Sivuilla varoitusmerkit näkyvät näin:",
        DEADLINES: "Määräajat",
        f"{DEADLINES}.intro": "Toimen määräaika on joko koulupäivinä (within_school_days:) tai "
        "jokin näistä (deadline:), ei molempia. Sivuilla määräaika näkyy näin:",
        LEGAL_BASIS: "Säädösperusta",
        f"{LEGAL_BASIS}.intro": "Portaan tai toimen säädösperusta (legal_basis:) kirjoitetaan "
        "näillä tunnuksilla. Sivuilla näkyy säännös, sen otsikko ja linkki Finlexiin.",
        LEAVE_NOTES: "Vapaan vakiotekstit",
        f"{LEAVE_NOTES}.intro": "Kohtaan guardians.leave_notes: valitut tekstit näkyvät "
        "huoltajien sivulla näin:",
        NATIONAL: "Kansalliset roolit",
        f"{NATIONAL}.intro": "Nämä roolien tunnukset ovat käytössä kaikissa pelisäännöissä, "
        "eikä niitä tarvitse kuvata kohdassa roles:. Sivustolla ne näkyvät näillä nimillä.",
        "id": "Tunnus",
        "written": "Kirjoitetaan",
        "means": "Tarkoittaa",
        "and": "ja",
    },
    "sv": {
        THRESHOLDS: "Gränser",
        f"{THRESHOLDS}.intro": "Stegets gräns skrivs under threshold: med enheten för trappans "
        "mått (hours, lessons, percent, days eller times). Bara ett tal betyder ”detta eller "
        "mer”. På sidorna, i PDF-filerna och i räknaren visas gränsen så här, följd av "
        "trappans period (se Perioder).",
        f"{THRESHOLDS}.keys": "Nycklarna i gränsens former",
        WINDOWS: "Perioder",
        f"{WINDOWS}.intro": "Perioden skrivs i trappans mått under per:. På sidorna står den "
        "efter varje gräns, till exempel så här:",
        COUNTS: "Vad trappan räknar",
        f"{COUNTS}.intro": "Varje trappa anger under counts: vilken frånvaro den räknar. Om "
        "trappan inte har ett eget namn (name:), visas det här namnet på sidorna.",
        TRIGGER_SIGNS: "Varningstecken",
        f"{TRIGGER_SIGNS}.intro": "Ett steg kan börja vid ett varningstecken utan ett tal "
        "(triggers:), vid en gräns eller vid vilket som helst av dem. På sidorna visas "
        "varningstecknen så här:",
        DEADLINES: "Tidsfrister",
        f"{DEADLINES}.intro": "En åtgärds tidsfrist anges antingen i skoldagar "
        "(within_school_days:) eller som något av de här (deadline:), inte båda. På sidorna "
        "visas tidsfristen så här:",
        LEGAL_BASIS: "Rättslig grund",
        f"{LEGAL_BASIS}.intro": "Den rättsliga grunden för ett steg eller en åtgärd "
        "(legal_basis:) skrivs med de här id:na. På sidorna visas bestämmelsen, dess rubrik "
        "och en länk till Finlex.",
        LEAVE_NOTES: "Standardtexter om ledighet",
        f"{LEAVE_NOTES}.intro": "Texterna som väljs under guardians.leave_notes: visas så här "
        "på vårdnadshavarnas sida:",
        NATIONAL: "Nationella roller",
        f"{NATIONAL}.intro": "De här rollernas id kan användas i alla spelregler utan att "
        "beskrivas under roles:. På webbplatsen visas de med de här namnen.",
        "id": "Id",
        "written": "Skrivs",
        "means": "Betyder",
        "and": "och",
    },
}

# How a threshold is written, what it means (in the page's language) and how pages read it.
_RANGE = Limit.model_validate({"from": 25, "to": 30})
_THRESHOLD_FORMS: tuple[tuple[str, ThresholdValue, dict[str, str]], ...] = (
    (
        "hours: 30",
        30,
        {
            "fi": "30 tai enemmän: porras alkaa, kun raja saavutetaan.",
            "sv": "30 eller mer: steget börjar när gränsen nås.",
        },
    ),
    (
        "hours: {at: 30}",
        Limit(at=30),
        {
            "fi": "Sama kuin pelkkä luku: 30 tai enemmän.",
            "sv": "Samma som bara talet: 30 eller mer.",
        },
    ),
    (
        "hours: {over: 30}",
        Limit(over=30),
        {
            "fi": "Yli 30: porras alkaa vasta, kun raja ylittyy. Kirjoita näin, kun "
            "päätöksessä lukee ”yli 30 tuntia”.",
            "sv": "Över 30: steget börjar först när gränsen överskrids. Skriv så här när det "
            "står ”över 30 timmar” i beslutet.",
        },
    ),
    (
        "hours: {from: 25, to: 30}",
        _RANGE,
        {
            "fi": "Väli: porras voi alkaa välin sisällä henkilöstön harkinnan mukaan ja alkaa "
            "viimeistään ylärajalla.",
            "sv": "Ett intervall: steget kan börja inom intervallet enligt personalens bedömning "
            "och börjar senast vid den övre gränsen.",
        },
    ),
    (
        "hours: {grades_1_6: 30, grades_7_9: {over: 40}}",
        ByGrades(grades_1_6=30, grades_7_9=Limit(over=40)),
        {
            "fi": "Eri raja vuosiluokille 1–6 ja 7–9; kumpikin voi olla mikä tahansa yllä "
            "olevista muodoista.",
            "sv": "Olika gränser för årskurs 1–6 och 7–9; var och en kan ha vilken som helst av "
            "formerna ovan.",
        },
    ),
    (
        "hours: 0",
        0,
        {
            "fi": "Porras alkaa ensimmäisestä huolestuttavasta poissaolosta.",
            "sv": "Steget börjar vid den första oroväckande frånvaron.",
        },
    ),
    (
        "times: {over: 5}",
        Limit(over=5),
        {
            "fi": "Kertoina, esimerkiksi myöhästymiset portaikossa, jonka counts on lateness.",
            "sv": "I gånger, till exempel förseningar i en trappa med counts: lateness.",
        },
    ),
)
_TWO_MEASURES = {
    "fi": "Kaksi mittaria: porras alkaa, kun kumpi tahansa raja ylittyy.",
    "sv": "Två mått: steget börjar när vilken som helst av gränserna överskrids.",
}
_WINDOW_EXAMPLES = (
    ("per: term", Measure(unit="hours", per="term")),
    ("per: school_year", Measure(unit="hours", per="school_year")),
    ("per: rolling_weeks, weeks: 12", Measure(unit="hours", per="rolling_weeks", weeks=12)),
    ("per: period", Measure(unit="hours", per="period")),
)
_DEADLINE_EXAMPLES: tuple[tuple[str, dict[str, object]], ...] = (
    ("within_school_days: 0", {"within_school_days": 0}),
    ("within_school_days: 1", {"within_school_days": 1}),
    ("within_school_days: 5", {"within_school_days": 5}),
    *((f"deadline: {kind}", {"deadline": kind}) for kind in get_args(Deadline)),
)
_ANY_ACTION = LocalText(fi="-", sv="-")


def catalogue_sections(language: str, threshold_keys: list[str]) -> list[str]:
    """Every closed list of the format, one section each, in the reference's ``language``;
    ``threshold_keys`` (the table of a threshold's keys) follows the thresholds' table."""
    lines = [*_thresholds(language), *threshold_keys]
    for section in (
        _windows,
        _counts,
        _triggers,
        _deadlines,
        _legal_basis,
        _leave_notes,
        _national_roles,
    ):
        lines += section(language)
    return lines


def title(section: str, language: str) -> str:
    """A section's heading; ``thresholds.keys`` is the heading of the thresholds' keys."""
    return _WORDS[language][section]


def _heading(section: str, language: str) -> list[str]:
    words = _WORDS[language]
    return [
        f"## {escape_markdown(words[section])} {{#{section}}}",
        "",
        escape_markdown(words[f"{section}.intro"]),
        "",
    ]


def _both(
    section: str, language: str, first: str, rows: Sequence[tuple[str, Mapping[Language, str]]]
) -> list[str]:
    """A table of ``first`` (as code) and its words in Finnish and in Swedish."""
    lines = _heading(section, language)
    lines += [f"| {first} | suomeksi | på svenska |", "|---|---|---|"]
    for written, words in rows:
        cells = " | ".join(escape_markdown(words[lang]) for lang in LANGUAGES)
        lines.append(f"| `{written}` | {cells} |")
    return [*lines, ""]


def _thresholds(language: str) -> list[str]:
    words = _WORDS[language]
    lines = _heading(THRESHOLDS, language)
    lines += [
        f"| {words['written']} | {words['means']} | suomeksi | på svenska |",
        "|---|---|---|---|",
    ]
    for written, value, meaning in _THRESHOLD_FORMS:
        unit = written.split(":")[0]
        shown = " | ".join(escape_markdown(value_words(value, unit, lang)) for lang in LANGUAGES)
        lines.append(f"| `{written}` | {escape_markdown(meaning[language])} | {shown} |")
    both = " | ".join(escape_markdown(_two_measures(lang)) for lang in LANGUAGES)
    written = f"`hours: {{over: 100}}` {words['and']} `percent: {{over: 10}}`"
    lines.append(f"| {written} | {escape_markdown(_TWO_MEASURES[language])} | {both} |")
    return [*lines, ""]


def _two_measures(language: str) -> str:
    hours = value_words(Limit(over=100), "hours", language)
    percent = value_words(Limit(over=10), "percent", language)
    return text(language, "either_measure").format(first=hours, second=percent)


def _windows(language: str) -> list[str]:
    rows = [
        (written, {lang: measure_words(30, measure, "hours", lang) for lang in LANGUAGES})
        for written, measure in _WINDOW_EXAMPLES
    ]
    return _both(WINDOWS, language, _WORDS[language]["written"], rows)


def _counts(language: str) -> list[str]:
    rows = [
        (f"counts: {counts}", {lang: ladder_name(_ladder(counts), lang) for lang in LANGUAGES})
        for counts in get_args(Counts)
    ]
    return _both(COUNTS, language, _WORDS[language]["written"], rows)


def _ladder(counts: str) -> Ladder:
    unit = "times" if counts == "lateness" else "hours"
    return Ladder.model_validate({"id": "x", "counts": counts, "measures": [{"unit": unit}]})


def _triggers(language: str) -> list[str]:
    rows = [(t, {lang: trigger_words(t, lang) for lang in LANGUAGES}) for t in TRIGGERS]
    return _both(TRIGGER_SIGNS, language, _WORDS[language]["id"], rows)


def _deadlines(language: str) -> list[str]:
    rows = [
        (written, {lang: deadline_words(_step(given), lang) for lang in LANGUAGES})
        for written, given in _DEADLINE_EXAMPLES
    ]
    return _both(DEADLINES, language, _WORDS[language]["written"], rows)


def _step(given: dict[str, object]) -> Step:
    return Step.model_validate({"action": _ANY_ACTION, **given})


def _legal_basis(language: str) -> list[str]:
    rows = [
        (entry.id, {lang: f"{entry.citation(lang)}: {entry.subject(lang)}" for lang in LANGUAGES})
        for entry in PROVISIONS
    ]
    return _both(LEGAL_BASIS, language, _WORDS[language]["id"], rows)


def _leave_notes(language: str) -> list[str]:
    rows = [
        (note, {lang: text(lang, f"leave_note.{note}") for lang in LANGUAGES})
        for note in get_args(LeaveNote)
    ]
    return _both(LEAVE_NOTES, language, _WORDS[language]["id"], rows)


def _national_roles(language: str) -> list[str]:
    rows = [
        (role, dict(zip(LANGUAGES, names, strict=True))) for role, names in NATIONAL_ROLES.items()
    ]
    return _both(NATIONAL, language, _WORDS[language]["id"], rows)


def section_link(section: str, language: str) -> Markup:
    """``[Varoitusmerkit](#triggers)``: a key's row points at the list it takes its values from."""
    return Markup(f"[{escape_markdown(title(section, language))}](#{section})")
