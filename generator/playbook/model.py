"""The playbook format (version 2): a typed, frozen model of what a municipality writes.

Version 2 is made from what real municipal absence models say: several ladders, each counting
its own absences in its own unit over a named window; thresholds that are "over" or "at" a
number, ranges, or warning signs without a number; a prevention level for every pupil; steps
with one, several or no named actor, conditions, deadlines of several kinds and a text for
guardians; automatic messages, forms, the legal basis; leave rules and the schools' own
details. Files of version 1 are read through :mod:`generator.playbook.upgrade`.

Every field is documented where it is declared, in Finnish and Swedish, because these
descriptions become the JSON Schema that editors show on hover (``sky schema``). Unknown keys
are rejected. Rules that need more than one field live in :mod:`generator.playbook.rules`.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from generator.playbook import parts
from generator.playbook.fields import (
    LANGUAGE_NAMES,
    LANGUAGES,
    MAX_HOURS,
    MAX_SCHOOL_DAYS,
    RESERVED_SLUGS,
    SLUG_PATTERN,
    Date,
    Frozen,
    HttpsUrl,
    Identifier,
    Language,
    LocalText,
    Phone,
    check_pattern,
    shown_pattern,
    two_decimals,
)
from generator.playbook.parts import (
    Accessibility,
    Contact,
    EarlierVersion,
    KnownIssue,
    Municipality,
    Role,
    Service,
)

__all__ = [
    "LANGUAGES",
    "LANGUAGE_NAMES",
    "RESERVED_SLUGS",
    "SLUG_PATTERN",
    "Accessibility",
    "Contact",
    "EarlierVersion",
    "KnownIssue",
    "Language",
    "LocalText",
    "Municipality",
    "Role",
    "Service",
]

SCHEMA_VERSION = 2


def _schema_version_two(value: int) -> int:
    if value != SCHEMA_VERSION:
        raise PydanticCustomError(
            "schema_version",
            "expected 2 (the newest playbook format; 1 is read too), got '{got}'",
            {"got": value},
        )
    return value


# --- amounts and thresholds -------------------------------------------------------------------

# One bound for every unit; percent (at most 100) and days (a school year) are checked by the
# rules, which know the unit and can say so in the author's language.
Amount = Annotated[
    float, Field(ge=0, le=MAX_HOURS, allow_inf_nan=False), AfterValidator(two_decimals)
]

Unit = Literal["hours", "lessons", "percent", "days", "times"]
UNITS: tuple[Unit, ...] = ("hours", "lessons", "percent", "days", "times")
Counts = Literal["all", "unauthorised", "unexplained", "sickness", "worrying", "lateness"]
Window = Literal["term", "school_year", "rolling_weeks", "period"]


class Limit(Frozen):
    """Raja sanallisesti: yli, vähintään tai väliltä. — Gränsen i ord: över, minst eller ett
    intervall."""

    over: Amount | None = Field(
        default=None,
        description="Porras alkaa, kun määrä on yli tämän (”yli 30 tuntia”). — Steget börjar när "
        "mängden är över detta (”över 30 timmar”).",
        examples=[30],
    )
    at: Amount | None = Field(
        default=None,
        description="Porras alkaa, kun määrä on tämä tai enemmän (”30 tuntia”). — Steget börjar "
        "när mängden är detta eller mer (”30 timmar”).",
        examples=[30],
    )
    from_: Amount | None = Field(
        default=None,
        alias="from",
        description="Välin alku: porras voi alkaa välin sisällä henkilöstön harkinnan mukaan. — "
        "Intervallets början: steget kan börja inom intervallet enligt personalens bedömning.",
        examples=[25],
    )
    to: Amount | None = Field(
        default=None,
        description="Välin loppu; viimeistään tässä porras alkaa. — Intervallets slut; senast "
        "här börjar steget.",
        examples=[30],
    )

    @model_validator(mode="after")
    def _one_form(self) -> Limit:
        forms = [self.over is not None, self.at is not None, self.from_ is not None]
        if sum(forms) != 1 or (self.from_ is None) != (self.to is None):
            raise PydanticCustomError(
                "limit",
                "write one of 'over: 30', 'at: 30' or 'from: 25' with 'to: 30'",
            )
        if self.from_ is not None and self.to is not None and self.to <= self.from_:
            raise PydanticCustomError(
                "limit_range",
                "the range must rise: 'to: {to}' is not above 'from: {low}'",
                {"to": f"{self.to:g}", "low": f"{self.from_:g}"},
            )
        return self

    @property
    def low(self) -> float:
        """Where the stage can start (the number itself; for "over" the stage starts above)."""
        value = self.over if self.over is not None else self.at
        if value is None:
            value = self.from_
        assert value is not None  # guaranteed by _one_form
        return value


Value = Amount | Limit


class ByGrades(Frozen):
    """Eri raja vuosiluokilla 1–6 ja 7–9. — Olika gränser i årskurs 1–6 och 7–9."""

    grades_1_6: Value = Field(
        description="Raja vuosiluokilla 1–6. — Gränsen i årskurs 1–6.", examples=[30]
    )
    grades_7_9: Value = Field(
        description="Raja vuosiluokilla 7–9. — Gränsen i årskurs 7–9.", examples=[{"over": 40}]
    )


ThresholdValue = Value | ByGrades

_THRESHOLD_FORMS_FI = (
    "luku (vähintään), {over: 30}, {at: 30}, {from: 25, to: 30} tai eri raja vuosiluokille "
    "(grades_1_6, grades_7_9)."
)
_THRESHOLD_FORMS_SV = (
    "ett tal (minst), {over: 30}, {at: 30}, {from: 25, to: 30} eller olika gränser för "
    "årskurserna (grades_1_6, grades_7_9)."
)


def _threshold_help(in_finnish: str, in_swedish: str) -> str:
    """Both halves name the unit: the Swedish reader sees which threshold it is too."""
    return f"{in_finnish}: {_THRESHOLD_FORMS_FI} — {in_swedish}: {_THRESHOLD_FORMS_SV}"


class Threshold(Frozen):
    """Raja yhdellä tai kahdella portaikon mittarilla; kumpi tahansa riittää. — Gränsen med en
    eller två av trappans mått; vilket som helst räcker."""

    hours: ThresholdValue | None = Field(
        default=None,
        description=_threshold_help("Raja tunteina", "Gränsen i timmar"),
        examples=[30, {"over": 30}, {"grades_1_6": 30, "grades_7_9": 40}],
    )
    lessons: ThresholdValue | None = Field(
        default=None,
        description=_threshold_help("Raja oppitunteina", "Gränsen i lektioner"),
        examples=[30],
    )
    percent: ThresholdValue | None = Field(
        default=None,
        description=_threshold_help(
            "Raja prosentteina koulun ajasta", "Gränsen i procent av skoltiden"
        ),
        examples=[10, {"over": 20}, {"from": 5, "to": 10}],
    )
    days: ThresholdValue | None = Field(
        default=None,
        description=_threshold_help("Raja koulupäivinä", "Gränsen i skoldagar"),
        examples=[5],
    )
    times: ThresholdValue | None = Field(
        default=None,
        description=_threshold_help(
            "Raja kertoina, esim. myöhästymiset", "Gränsen i gånger, t.ex. förseningar"
        ),
        examples=[{"over": 5}],
    )

    @model_validator(mode="after")
    def _some_unit(self) -> Threshold:
        if not self.measures:
            raise PydanticCustomError(
                "threshold_unit",
                "write at least one of 'hours:', 'lessons:', 'percent:', 'days:' or 'times:'",
            )
        return self

    @property
    def measures(self) -> dict[Unit, ThresholdValue]:
        """The units this threshold is given in, with their values, in the order of UNITS."""
        return {unit: value for unit in UNITS if (value := getattr(self, unit)) is not None}


class Measure(Frozen):
    """Mittari: yksikkö ja jakso, jolta poissaolot lasketaan. — Ett mått: enheten och perioden
    som frånvaron räknas under."""

    unit: Unit = Field(
        description="Yksikkö: hours (tunnit), lessons (oppitunnit), percent (osuus kouluajasta), "
        "days (koulupäivät) tai times (kerrat, esim. myöhästymiset). — Enheten: hours (timmar), "
        "lessons (lektioner), percent (andel av skoltiden), days (skoldagar) eller times "
        "(gånger, t.ex. förseningar).",
        examples=["hours"],
    )
    per: Window | None = Field(
        default=None,
        description="Jakso: term (lukukausi), school_year (koko lukuvuosi, ei nollata), "
        "rolling_weeks (liukuva jakso, ks. weeks) tai period (arviointijakso). — Perioden: term "
        "(termin), school_year (hela läsåret, nollställs inte), rolling_weeks (rullande "
        "period, se weeks) eller period (bedömningsperiod).",
        examples=["term"],
    )
    weeks: int | None = Field(
        default=None,
        ge=1,
        le=40,
        description="Liukuvan jakson pituus viikkoina (vain kun per: rolling_weeks). — Den "
        "rullande periodens längd i veckor (bara med per: rolling_weeks).",
        examples=[12],
    )

    @model_validator(mode="after")
    def _weeks_with_rolling(self) -> Measure:
        if (self.per == "rolling_weeks") != (self.weeks is not None):
            raise PydanticCustomError(
                "measure_weeks",
                "write 'weeks:' exactly when 'per: rolling_weeks' (for example 'weeks: 12')",
            )
        return self


class Equivalence(Frozen):
    """Tuntien ja prosenttien vastaavuus, esim. 100 tuntia = 10 %. — Hur timmar och procent
    motsvarar varandra, t.ex. 100 timmar = 10 %."""

    hours: Amount = Field(gt=0, description="Tunteja… — Så många timmar…", examples=[100])
    percent: Amount = Field(
        gt=0,
        le=100,
        description="…vastaa tätä prosenttia. — …motsvarar denna procent.",
        examples=[10],
    )


class Ladder(Frozen):
    """Portaikko: mitkä poissaolot lasketaan ja millä mittarilla. — En trappa: vilken frånvaro
    som räknas och med vilket mått."""

    id: Identifier = Field(
        description="Portaikon tunnus, johon portaiden ladder: viittaa. — Trappans id, som "
        "stegens ladder: hänvisar till.",
        examples=["poissaolot"],
    )
    counts: Counts = Field(
        description="Mitä lasketaan: all (kaikki poissaolot), unauthorised (luvattomat), "
        "unexplained (selvittämättömät), sickness (toistuvat sairauspoissaolot), worrying (muut "
        "huolestuttavat poissaolot, myös koulukieltäytyminen) tai lateness (myöhästymiset). — "
        "Vad som räknas: all (all frånvaro), unauthorised (olovlig), unexplained (oförklarad), "
        "sickness (upprepad sjukfrånvaro), worrying (annan oroväckande frånvaro, också "
        "skolvägran) eller lateness (förseningar).",
        examples=["all"],
    )
    name: LocalText | None = Field(
        default=None,
        description="Portaikon oma nimi (vapaaehtoinen; muuten nimi tulee kohdasta counts). — "
        "Trappans eget namn (frivilligt; annars kommer namnet från counts).",
        examples=[{"fi": "Luvattomat poissaolot", "sv": "Olovlig frånvaro"}],
    )
    measures: list[Measure] = Field(
        min_length=1,
        max_length=2,
        description="Yksi tai kaksi mittaria; kun niitä on kaksi, porras alkaa kumman tahansa "
        "rajalla. — Ett eller två mått; med två börjar steget vid vilken gräns som helst.",
        examples=[[{"unit": "hours", "per": "term"}]],
    )
    equivalence: Equivalence | None = Field(
        default=None,
        description="Tuntien ja prosenttien vastaavuus, kun mittareita on kaksi (vapaaehtoinen). "
        "— Hur timmar och procent motsvarar varandra, när det finns två mått (frivilligt).",
        examples=[{"hours": 100, "percent": 10}],
    )
    counting: LocalText | None = Field(
        default=None,
        description="Tarkemmin, miten poissaolot lasketaan tällä portaikolla (vapaaehtoinen). — "
        "Närmare hur frånvaron räknas i den här trappan (frivilligt).",
        examples=[
            {
                "fi": "Mukaan lasketaan kaikki poissaolot, myös myönnetyt vapaat.",
                "sv": "All frånvaro räknas med, också beviljad ledighet.",
            }
        ],
    )

    def unit_of(self, unit: str) -> Measure | None:
        return next((measure for measure in self.measures if measure.unit == unit), None)


# --- steps and stages -------------------------------------------------------------------------

Trigger = Literal[
    "single_worrying_absence",
    "unreported_absence",
    "repeated_lateness",
    "same_weekday_or_lesson",
    "vague_explanations",
    "falling_achievement",
    "repeated_short_absences",
    "leaving_during_the_day",
]
TRIGGERS: tuple[str, ...] = Trigger.__args__  # type: ignore[attr-defined]

Deadline = Literal["same_day", "before_next_stage", "after_follow_up", "by_threshold"]


class Step(Frozen):
    """Toimi: kuka tekee mitä, milloin ja millä ehdolla. — En åtgärd: vem gör vad, när och på
    vilket villkor."""

    role: Identifier | None = Field(
        default=None,
        description="Kuka toimii: kansallinen rooli tai kohdassa roles: kuvattu. Ilman role: ja "
        "roles: toimella ei ole nimettyä tekijää. — Vem som agerar: en nationell roll eller en "
        "som beskrivs under roles:. Utan role: och roles: har åtgärden ingen namngiven aktör.",
        examples=["class_teacher"],
    )
    roles: list[Identifier] | None = Field(
        default=None,
        min_length=2,
        description="Kuka tahansa näistä rooleista toimii (”luokanopettaja tai kuraattori”). — "
        "Vilken som helst av dessa roller agerar (”klassläraren eller kuratorn”).",
        examples=[["class_teacher", "school_social_worker"]],
    )
    action: LocalText = Field(
        description="Ohje henkilöstölle: mitä tehdään, käskymuodossa. — Anvisningen till "
        "personalen: vad som görs, i uppmaningsform.",
        examples=[{"fi": "Ota yhteyttä huoltajaan.", "sv": "Kontakta vårdnadshavaren."}],
    )
    for_guardians: LocalText | None = Field(
        default=None,
        description="Sama huoltajalle kerrottuna, sinä-muodossa. — Samma berättat för "
        "vårdnadshavaren, i du-form.",
        examples=[
            {
                "fi": "Opettaja soittaa sinulle ja sopii tapaamisen.",
                "sv": "Läraren ringer dig och kommer överens om ett möte.",
            }
        ],
    )
    condition: LocalText | None = Field(
        default=None,
        description="Milloin toimi tehdään, jos ei aina (”jos syy liittyy terveyteen”). — När "
        "åtgärden görs, om inte alltid (”om orsaken gäller hälsan”).",
        examples=[{"fi": "jos syy liittyy terveyteen", "sv": "om orsaken gäller hälsan"}],
    )
    within_school_days: int | None = Field(
        default=None,
        ge=0,
        le=MAX_SCHOOL_DAYS,
        description="Määräaika koulupäivinä; 0 = samana koulupäivänä. — Tidsfrist i skoldagar; "
        "0 = samma skoldag.",
        examples=[2],
    )
    deadline: Deadline | None = Field(
        default=None,
        description="Muu määräaika: same_day (samana päivänä), before_next_stage (ennen "
        "seuraavaa porrasta), after_follow_up (sovitun seurantajakson jälkeen) tai by_threshold "
        "(viimeistään portaan rajalla). — Annan tidsfrist: same_day (samma dag), "
        "before_next_stage (före nästa steg), after_follow_up (efter den överenskomna "
        "uppföljningstiden) eller by_threshold (senast vid stegets gräns).",
        examples=["before_next_stage"],
    )
    forms: list[Identifier] = Field(
        default_factory=list,
        description="Lomakkeet tai ohjeet, joita toimessa käytetään (kohdan forms: tunnukset). "
        "— Blanketter eller anvisningar som åtgärden använder (id under forms:).",
        examples=[["poissaolokysely"]],
    )
    legal_basis: list[Identifier] = Field(
        default_factory=list,
        description="Säännökset, joihin toimi perustuu (tunnukset, ks. sky schema). — "
        "Bestämmelserna som åtgärden grundar sig på (id, se sky schema).",
        examples=[["pupil_and_student_welfare_act_18"]],
    )

    @model_validator(mode="after")
    def _one_actor_form(self) -> Step:
        if self.role is not None and self.roles is not None:
            raise PydanticCustomError(
                "step_roles", "write 'role:' for one actor or 'roles:' for several, not both"
            )
        if self.within_school_days is not None and self.deadline is not None:
            raise PydanticCustomError(
                "step_deadline", "write 'within_school_days:' or 'deadline:', not both"
            )
        return self

    @property
    def actors(self) -> tuple[str, ...]:
        """Who may take the step: one role, any of several, or nobody named."""
        if self.roles is not None:
            return tuple(self.roles)
        return (self.role,) if self.role is not None else ()


class AutomaticMessage(Frozen):
    """Viesti, jonka järjestelmä lähettää itse. — Ett meddelande som systemet skickar själv."""

    to: list[Identifier] = Field(
        min_length=1,
        description="Kenelle viesti menee (roolien tunnukset, esim. guardian). — Vem meddelandet "
        "går till (rollernas id, t.ex. guardian).",
        examples=[["guardian", "class_teacher"]],
    )
    text: LocalText = Field(
        description="Mitä viestissä kerrotaan. — Vad meddelandet berättar.",
        examples=[
            {
                "fi": "Poissaoloja on kertynyt 30 tuntia.",
                "sv": "Frånvaron har nått 30 timmar.",
            }
        ],
    )


class Stage(Frozen):
    id: Identifier = Field(
        description="Portaan tunnus verkko-osoitteessa; jokaisella portaalla eri. — Stegets id "
        "i webbadressen; olika för varje steg.",
        examples=["huoli-puheeksi"],
    )
    title: LocalText = Field(
        description="Portaan nimi. — Stegets namn.",
        examples=[{"fi": "Huoli puheeksi", "sv": "Ta upp oron"}],
    )
    ladder: Identifier | None = Field(
        default=None,
        description="Portaikko, johon porras kuuluu (kohdan ladders: tunnus); ei tarvita, kun "
        "portaikkoja on yksi. — Trappan som steget hör till (id under ladders:); behövs inte "
        "när det finns en trappa.",
        examples=["luvattomat"],
    )
    sky_tier: int | None = Field(
        default=None,
        ge=1,
        le=3,
        description="SKY-mallin taso 1–3, johon porras kuuluu (vapaaehtoinen). — Nivå 1–3 i "
        "SKY-modellen som steget hör till (frivilligt).",
        examples=[1],
    )
    threshold: Threshold | None = Field(
        default=None,
        description="Milloin porras alkaa, portaikon mittareilla. — När steget börjar, med "
        "trappans mått.",
        examples=[{"hours": 30}, {"hours": {"over": 100}, "percent": {"over": 10}}],
    )
    triggers: list[Trigger] = Field(
        default_factory=list,
        description="Varoitusmerkit, joista porras alkaa ilman lukua: single_worrying_absence, "
        "unreported_absence, repeated_lateness, same_weekday_or_lesson, vague_explanations, "
        "falling_achievement, repeated_short_absences, leaving_during_the_day. — "
        "Varningstecken som steget börjar vid utan ett tal (samma id).",
        examples=[["repeated_lateness", "same_weekday_or_lesson"]],
    )
    responsible: Identifier | None = Field(
        default=None,
        description="Portaan vastuuhenkilö (roolin tunnus). — Stegets ansvarsperson (rollens id).",
        examples=["class_teacher"],
    )
    description: LocalText | None = Field(
        default=None,
        description="Lyhyt kuvaus portaasta henkilöstölle. — En kort beskrivning av steget för "
        "personalen.",
        examples=[
            {
                "fi": "Yksikin huolestuttava poissaolo riittää.",
                "sv": "En enda oroväckande frånvaro räcker.",
            }
        ],
    )
    for_guardians: LocalText | None = Field(
        default=None,
        description="Portaan tiivistelmä huoltajalle, sinä-muodossa. — Stegets sammanfattning "
        "för vårdnadshavaren, i du-form.",
        examples=[
            {
                "fi": "Opettaja ottaa sinuun yhteyttä, ja mietitte yhdessä, mikä auttaisi.",
                "sv": "Läraren kontaktar dig, och ni funderar tillsammans på vad som hjälper.",
            }
        ],
    )
    steps: list[Step] = Field(
        min_length=1,
        description="Toimet järjestyksessä: kuka tekee mitä ja missä ajassa. — Åtgärderna i "
        "ordning: vem gör vad och inom vilken tid.",
    )
    automatic_messages: list[AutomaticMessage] = Field(
        default_factory=list,
        description="Viestit, jotka järjestelmä lähettää tällä portaalla itse. — Meddelanden "
        "som systemet skickar själv i det här steget.",
    )
    forms: list[Identifier] = Field(
        default_factory=list,
        description="Portaalla käytettävät lomakkeet (kohdan forms: tunnukset). — Blanketterna "
        "i det här steget (id under forms:).",
        examples=[["poissaolokysely"]],
    )
    legal_basis: list[Identifier] = Field(
        default_factory=list,
        description="Säännökset, joihin porras perustuu (tunnukset). — Bestämmelserna som "
        "steget grundar sig på (id).",
        examples=[["basic_education_act_26"]],
    )
    record: LocalText | None = Field(
        default=None,
        description="Mitä kirjataan ja minne; ei koskaan oppilaiden tietoja itse pelisääntöihin. "
        "— Vad som dokumenteras och var; aldrig elevuppgifter i själva spelreglerna.",
        examples=[
            {
                "fi": "Merkintä Wilmaan: mitä sovittiin.",
                "sv": "Anteckning i Wilma: vad ni kom överens om.",
            }
        ],
    )

    @model_validator(mode="after")
    def _reached_somehow(self) -> Stage:
        if self.threshold is None and not self.triggers:
            raise PydanticCustomError(
                "stage_start",
                "write when the stage starts: 'threshold:', 'triggers:' or both",
            )
        return self


class Prevention(Frozen):
    """Kaikille oppilaille yhteinen ennaltaehkäisy, ilman rajaa. — Förebyggande arbete för alla
    elever, utan gräns."""

    title: LocalText | None = Field(
        default=None,
        description="Otsikko (vapaaehtoinen). — Rubriken (frivilligt).",
        examples=[{"fi": "Kaikille oppilaille", "sv": "För alla elever"}],
    )
    description: LocalText = Field(
        description="Mitä jokainen koulu tekee kaikkien oppilaiden hyväksi. — Vad varje skola "
        "gör för alla elever.",
        examples=[
            {
                "fi": "Jokainen oppilas tervehditään aamulla nimeltä.",
                "sv": "Varje elev hälsas med namn på morgonen.",
            }
        ],
    )
    steps: list[Step] = Field(
        default_factory=list,
        description="Toimet, joita tehdään kaikille. — Åtgärder som görs för alla.",
    )


# --- forms, leave, schools, guardians -----------------------------------------------------------


class LocalUrl(Frozen):
    """Eri osoite kummallekin kielelle. — Olika adress för de båda språken."""

    fi: HttpsUrl = Field(
        description="Suomenkielinen osoite. — Den finska adressen.",
        examples=["https://www.kunta.fi/lomake"],
    )
    sv: HttpsUrl = Field(
        description="Ruotsinkielinen osoite. — Den svenska adressen.",
        examples=["https://www.kunta.fi/sv/blankett"],
    )


def address_in(url: str | LocalUrl, language: str) -> str:
    """The address for ``language``: the one address, or that language's own."""
    if isinstance(url, LocalUrl):
        return url.fi if language == "fi" else url.sv
    return url


class Form(Frozen):
    """Lomake tai ohje verkossa. — En blankett eller anvisning på webben."""

    id: Identifier = Field(
        description="Lomakkeen tunnus, johon forms: ja form: viittaavat. — Blankettens id, som "
        "forms: och form: hänvisar till.",
        examples=["loma-anomus"],
    )
    name: LocalText = Field(
        description="Lomakkeen nimi. — Blankettens namn.",
        examples=[{"fi": "Loma-anomus", "sv": "Anhållan om ledighet"}],
    )
    url: HttpsUrl | LocalUrl = Field(
        description="Osoite, yksi tai kummallekin kielelle oma (fi, sv). — Adressen, en eller "
        "en för vart språk (fi, sv).",
        examples=["https://www.kunta.fi/loma-anomus"],
    )

    def url_in(self, language: str) -> str:
        return address_in(self.url, language)


LeaveNote = Literal["guardian_cannot_grant", "refusal_appealable"]


class LeaveRule(parts.LeaveRule):
    request: Literal["oral", "written"] | None = Field(
        default=None,
        description="Miten vapaata pyydetään: oral (suullisesti tai viestillä) tai written "
        "(kirjallisella hakemuksella). — Hur man anhåller: oral (muntligt eller med ett "
        "meddelande) eller written (med en skriftlig ansökan).",
        examples=["written"],
    )
    form: Identifier | None = Field(
        default=None,
        description="Hakemuslomake (kohdan forms: tunnus). — Ansökningsblanketten (id under "
        "forms:).",
        examples=["loma-anomus"],
    )


class LeaveException(Frozen):
    """Poikkeus siihen, kuka myöntää vapaan. — Ett undantag till vem som beviljar ledighet."""

    schools: list[Identifier] | None = Field(
        default=None,
        description="Koulut, joita poikkeus koskee (tunnukset). — Skolorna som undantaget "
        "gäller (id).",
        examples=[["keskuskoulu"]],
    )
    grades: tuple[Annotated[int, Field(ge=1, le=9)], Annotated[int, Field(ge=1, le=9)]] | None = (
        Field(
            default=None,
            description="Vuosiluokat, joita poikkeus koskee: ensimmäinen ja viimeinen. — "
            "Årskurserna som undantaget gäller: första och sista.",
            examples=[[1, 6]],
        )
    )
    up_to_days: int | None = Field(
        default=None,
        ge=1,
        le=MAX_SCHOOL_DAYS,
        description="Enintään näin monta koulupäivää. — Högst så många skoldagar.",
        examples=[5],
    )
    granted_by: Identifier = Field(
        description="Kuka myöntää näissä kouluissa tai näillä luokilla. — Vem som beviljar i "
        "dessa skolor eller årskurser.",
        examples=["vice_principal"],
    )

    @model_validator(mode="after")
    def _applies_somewhere(self) -> LeaveException:
        if self.schools is None and self.grades is None:
            raise PydanticCustomError(
                "leave_exception", "write which 'schools:' or 'grades:' the exception is for"
            )
        return self


_TIME = re.compile(r"^([01][0-9]|2[0-3])[.:][0-5][0-9]$")
ClockTime = Annotated[
    str,
    check_pattern(_TIME, "clock_time", "a time of day like '7.30' or '10.00'"),
    shown_pattern(re.compile(r"^([01][0-9]|2[0-3])[.:][0-5][0-9]$")),
]


class School(parts.School):
    report_by: ClockTime | None = Field(
        default=None,
        description="Kellonaika, johon mennessä poissaolosta ilmoitetaan tässä koulussa. — "
        "Klockslaget då frånvaron senast meddelas i den här skolan.",
        examples=["07.30"],
    )
    office_phone: Phone | None = Field(
        default=None,
        description="Koulun kanslian puhelinnumero. — Skolans kanslis telefonnummer.",
        examples=["+358 6 123 4567"],
    )


class Guardians(Frozen):
    report_absence: LocalText = Field(
        description="Miten, kenelle ja mihin mennessä huoltaja ilmoittaa poissaolosta. — Hur, "
        "till vem och när vårdnadshavaren meddelar frånvaro.",
        examples=[
            {
                "fi": "Ilmoita poissaolosta Wilmassa poissaolopäivän aamuna.",
                "sv": "Meddela frånvaron i Wilma på morgonen samma dag.",
            }
        ],
    )
    leave: list[LeaveRule] = Field(
        default_factory=list,
        description="Kuka myöntää vapaata, lyhimmästä pisimpään (vapaaehtoinen). — Vem som "
        "beviljar ledighet, från kortast till längst (frivilligt).",
    )
    leave_days_per_school_year: int | None = Field(
        default=None,
        ge=1,
        le=MAX_SCHOOL_DAYS,
        description="Enintään näin monta vapaapäivää lukuvuodessa (vapaaehtoinen). — Högst så "
        "många lediga dagar per läsår (frivilligt).",
        examples=[5],
    )
    leave_exceptions: list[LeaveException] = Field(
        default_factory=list,
        description="Kouluja tai vuosiluokkia, joilla vapaan myöntää joku muu. — Skolor eller "
        "årskurser där någon annan beviljar ledigheten.",
    )
    leave_notes: list[LeaveNote] = Field(
        default_factory=list,
        description="Vakiotekstit: guardian_cannot_grant (huoltaja ei voi myöntää vapaata), "
        "refusal_appealable (kielteiseen päätökseen voi hakea muutosta). — Standardtexter: "
        "guardian_cannot_grant (vårdnadshavaren kan inte bevilja ledighet), refusal_appealable "
        "(ett avslag kan överklagas).",
        examples=[["guardian_cannot_grant", "refusal_appealable"]],
    )
    leave_instructions: LocalText | None = Field(
        default=None,
        description="Miten ja milloin huoltaja hakee lapselleen vapaata. — Hur och när "
        "vårdnadshavaren anhåller om ledighet för sitt barn.",
        examples=[
            {
                "fi": "Hae vapaata Wilmassa kaksi viikkoa etukäteen.",
                "sv": "Anhåll om ledighet i Wilma två veckor i förväg.",
            }
        ],
    )
    explain_within_school_days: int | None = Field(
        default=None,
        ge=0,
        le=30,
        description="Monenko koulupäivän kuluessa poissaolo on selvitettävä, ettei se jää "
        "selvittämättömäksi. — Inom hur många skoldagar frånvaron ska förklaras för att den inte "
        "ska bli oförklarad.",
        examples=[3],
    )
    late_counts_as_absence_after_minutes: int | None = Field(
        default=None,
        ge=1,
        le=90,
        description="Kuinka monen minuutin myöhästyminen merkitään poissaoloksi. — Efter hur "
        "många minuter en försening antecknas som frånvaro.",
        examples=[15],
    )
    leaving_during_the_day: LocalText | None = Field(
        default=None,
        description="Mitä tehdään, kun oppilas lähtee kesken koulupäivän. — Vad som gäller när "
        "eleven går hem mitt under skoldagen.",
        examples=[
            {
                "fi": "Oppilas ilmoittaa lähtiessään opettajalle.",
                "sv": "Eleven säger till läraren innan hen går.",
            }
        ],
    )
    catching_up: LocalText | None = Field(
        default=None,
        description="Miten poissaolon tai vapaan aikana opiskellaan. — Hur eleven tar igen det "
        "hen missar under frånvaro eller ledighet.",
        examples=[
            {
                "fi": "Opettaja kertoo, mitkä tehtävät ovat tärkeimpiä.",
                "sv": "Läraren berättar vilka uppgifter som är viktigast.",
            }
        ],
    )
    long_illness: LocalText | None = Field(
        default=None,
        description="Pitkä sairaus: terveydenhoitaja, todistukset, sairaalaopetus. — Lång "
        "sjukdom: hälsovårdaren, intyg, sjukhusundervisning.",
        examples=[
            {
                "fi": "Pitkästä sairaudesta sovitaan terveydenhoitajan kanssa.",
                "sv": "Om lång sjukdom kommer ni överens med hälsovårdaren.",
            }
        ],
    )
    following_absences: LocalText | None = Field(
        default=None,
        description="Miten huoltaja seuraa lapsensa poissaoloja järjestelmässä. — Hur "
        "vårdnadshavaren följer sitt barns frånvaro i systemet.",
        examples=[
            {
                "fi": "Näet tunnit Wilman kohdasta Tuntimerkinnät.",
                "sv": "Du ser timmarna i Wilma under Lektionsanteckningar.",
            }
        ],
    )
    forms: list[Identifier] = Field(
        default_factory=list,
        description="Huoltajille tarkoitetut lomakkeet (kohdan forms: tunnukset). — Blanketter "
        "för vårdnadshavare (id under forms:).",
        examples=[["loma-anomus"]],
    )


# --- monitoring and the decision -----------------------------------------------------------------


class Monitoring(Frozen):
    system: str = Field(
        min_length=1,
        description="Järjestelmä, johon poissaolot merkitään, esim. Wilma tai Helmi. — Systemet "
        "där frånvaron antecknas, t.ex. Wilma eller Helmi.",
        examples=["Wilma"],
    )
    system_url: HttpsUrl | LocalUrl | None = Field(
        default=None,
        description="Järjestelmän kirjautumisosoite huoltajille (vapaaehtoinen; yksi tai "
        "kummallekin kielelle oma). Huoltajien sivu linkittää siihen. — Systemets "
        "inloggningsadress för vårdnadshavare (frivilligt; en eller en för vart språk). "
        "Vårdnadshavarnas sida länkar dit.",
        examples=["https://rantala.inschool.fi"],
    )
    window: LocalText | None = Field(
        default=None,
        description="Yleisesti, miten poissaoloja lasketaan (vapaaehtoinen; portaikon jakso on "
        "kohdassa ladders:). — Allmänt hur frånvaron räknas (frivilligt; trappans period står "
        "under ladders:).",
        examples=[
            {
                "fi": "Poissaolotunnit lasketaan lukukausittain.",
                "sv": "Frånvarotimmarna räknas per termin.",
            }
        ],
    )
    review: LocalText = Field(
        description="Kuka seuraa poissaoloja ja kuinka usein. — Vem som följer upp frånvaron "
        "och hur ofta.",
        examples=[
            {
                "fi": "Luokanopettaja käy poissaolot läpi joka viikko.",
                "sv": "Klassläraren går igenom frånvaron varje vecka.",
            }
        ],
    )

    def system_url_in(self, language: str) -> str | None:
        return None if self.system_url is None else address_in(self.system_url, language)


class Decision(Frozen):
    """Toisen toimielimen päätös samoista pelisäännöistä. — Ett annat organs beslut om samma
    spelregler."""

    body: LocalText = Field(
        description="Toimielin, esim. lautakunnan ruotsinkielinen jaosto. — Organet, t.ex. "
        "nämndens svenska sektion.",
        examples=[{"fi": "Ruotsinkielinen jaosto", "sv": "Svenska sektionen"}],
    )
    date: Date = Field(
        description="Päätöksen päivä. — Beslutsdatum.",
        examples=["2026-06-11"],
    )
    section: str | None = Field(
        default=None,
        description="Pykälä pöytäkirjassa (vapaaehtoinen). — Paragrafen i protokollet "
        "(frivilligt).",
        examples=["§ 33"],
    )


class CommonModel(Frozen):
    """Usean opetuksen järjestäjän yhteinen malli. — En modell som flera utbildningsanordnare
    har gemensamt."""

    name: LocalText = Field(
        description="Mallin nimi. — Modellens namn.",
        examples=[{"fi": "Pohjanmaan yhteinen malli", "sv": "Österbottens gemensamma modell"}],
    )
    origin: LocalText = Field(
        description="Kuka mallin laati ja ketkä sitä käyttävät. — Vem som utarbetade modellen "
        "och vilka som använder den.",
        examples=[
            {
                "fi": "Laadittu seudun kuntien yhteistyönä.",
                "sv": "Utarbetad av kommunerna i regionen tillsammans.",
            }
        ],
    )
    url: HttpsUrl | None = Field(
        default=None,
        description="Mallin verkkosivu (vapaaehtoinen). — Modellens webbsida (frivilligt).",
        examples=["https://www.seutu.example/malli"],
    )


class Approval(parts.Approval):
    also_approved_by: list[Decision] = Field(
        default_factory=list,
        description="Muut toimielimet, jotka hyväksyivät pelisäännöt. — Andra organ som "
        "godkände spelreglerna.",
    )
    common_model: CommonModel | None = Field(
        default=None,
        description="Kun pelisäännöt ovat usean järjestäjän yhteinen malli. — När spelreglerna "
        "är en modell som flera anordnare har gemensamt.",
    )


class Playbook(Frozen):
    """Poissaolojen pelisäännöt. — Spelregler för frånvaro."""

    schema_version: Annotated[int, AfterValidator(_schema_version_two)] = Field(
        description="Muodon versio: 2. — Formatets version: 2.", examples=[2]
    )
    municipality: Municipality = Field(
        description="Kunta ja julkaisun perustiedot. — Kommunen och publiceringens grunduppgifter."
    )
    approval: Approval = Field(
        description="Päätös, jolla voimassa oleva versio hyväksyttiin. — Beslutet som godkände "
        "den gällande versionen."
    )
    history: list[EarlierVersion] = Field(
        default_factory=list,
        description="Aiemmat versiot uusimmasta vanhimpaan; voimassa oleva versio on kohdassa "
        "approval. — Tidigare versioner från den nyaste till den äldsta; den gällande versionen "
        "står under approval.",
    )
    monitoring: Monitoring = Field(
        description="Miten poissaoloja seurataan. — Hur frånvaron följs upp."
    )
    ladders: list[Ladder] = Field(
        min_length=1,
        description="Portaikot: mitkä poissaolot kukin laskee ja millä mittarilla. — Trapporna: "
        "vilken frånvaro var och en räknar och med vilket mått.",
    )
    guardians: Guardians = Field(
        description="Huoltajille: poissaolosta ilmoittaminen, vapaat ja usein kysytyt asiat. — "
        "För vårdnadshavare: att meddela frånvaro, ledighet och vanliga frågor."
    )
    prevention: Prevention | None = Field(
        default=None,
        description="Ennaltaehkäisy kaikille oppilaille, ennen portaita. — Förebyggande arbete "
        "för alla elever, före stegen.",
    )
    stages: list[Stage] = Field(
        min_length=1,
        description="Puuttumisen portaat järjestyksessä, rajat nousevat portaikoittain. — "
        "Trappans steg i ordning, gränserna stiger inom varje trappa.",
    )
    forms: list[Form] = Field(
        default_factory=list,
        description="Lomakkeet ja ohjeet verkossa. — Blanketter och anvisningar på webben.",
    )
    roles: list[Role] = Field(
        default_factory=list,
        description="Paikalliset roolit kansallisten lisäksi. — Lokala roller utöver de "
        "nationella.",
    )
    schools: list[School] = Field(
        default_factory=list,
        description="Kunnan perusopetuksen koulut (vapaaehtoinen). — Kommunens skolor inom den "
        "grundläggande utbildningen (frivilligt).",
    )
    contacts: list[Contact] = Field(
        min_length=1,
        description="Yhteystiedot: jokaiselle portailla toimivalle roolille vähintään yksi. — "
        "Kontaktuppgifter: minst en för varje roll som agerar i trappan.",
    )
    services: list[Service] = Field(
        default_factory=list,
        description="Apua koulun ulkopuolelta. — Hjälp utanför skolan.",
    )
    accessibility: Accessibility = Field(
        description="Saavutettavuusseloste. — Tillgänglighetsutlåtande."
    )

    @property
    def languages(self) -> list[Language]:
        return list(self.municipality.languages)

    @property
    def slug(self) -> str:
        return self.municipality.slug

    def ladder_of(self, stage: Stage) -> Ladder:
        """The ladder a stage belongs to (the only one when it names none)."""
        if stage.ladder is None:
            return self.ladders[0]
        for ladder in self.ladders:
            if ladder.id == stage.ladder:
                return ladder
        return self.ladders[0]  # an unknown ladder is an error the rules report

    def stages_of(self, ladder: Ladder) -> list[Stage]:
        return [stage for stage in self.stages if self.ladder_of(stage).id == ladder.id]

    def form(self, form_id: str) -> Form | None:
        return next((form for form in self.forms if form.id == form_id), None)

    def school(self, school_id: str) -> School | None:
        return next((school for school in self.schools if school.id == school_id), None)
