"""The playbook format: a typed, frozen model of what a municipality writes.

Every field is documented where it is declared, in Finnish and Swedish, because these
descriptions become the JSON Schema that editors show on hover (``sky schema``). Unknown keys
are rejected. Rules that need more than one field (roles known, thresholds rising, languages
complete...) live in :mod:`generator.rules`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

Language = Literal["fi", "sv"]
LANGUAGES: tuple[Language, ...] = ("fi", "sv")
LANGUAGE_NAMES = {"fi": "Finnish", "sv": "Swedish"}

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_ID = re.compile(r"^[a-z0-9]+(?:[_-][a-z0-9]+)*$")
_PHONE = re.compile(r"^\+[1-9][0-9]{0,2}(?: [0-9]{1,5})+$")
_EMAIL = re.compile(r"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
_CRITERION = re.compile(r"^[1-4]\.[0-9]{1,2}\.[0-9]{1,2}$")


def _check(pattern: re.Pattern[str], kind: str, expected: str) -> AfterValidator:
    def validate(value: str) -> str:
        if not pattern.fullmatch(value):
            raise PydanticCustomError(kind, f"expected {expected}, got '{{got}}'", {"got": value})
        return value

    return AfterValidator(validate)


def _https_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme != "https" or not parts.netloc or " " in value:
        raise PydanticCustomError(
            "url",
            "expected a web address starting with https://, got '{got}'",
            {"got": value},
        )
    return value


def _phone_digits(value: str) -> str:
    digits = sum(ch.isdigit() for ch in value)
    if not 7 <= digits <= 15:
        raise PydanticCustomError(
            "phone",
            "expected an international number like '+358 40 123 4567', got '{got}'",
            {"got": value},
        )
    return value


def _schema_version_one(value: int) -> int:
    if value != 1:
        raise PydanticCustomError(
            "schema_version",
            "expected 1 (the only playbook format so far), got '{got}'",
            {"got": value},
        )
    return value


Slug = Annotated[
    str, _check(_SLUG, "slug", "lowercase letters a-z, digits and '-', like 'rantala'")
]
Identifier = Annotated[
    str, _check(_ID, "identifier", "lowercase letters a-z, digits, '_' or '-', like 'keskuskoulu'")
]
Phone = Annotated[
    str,
    _check(_PHONE, "phone", "an international number like '+358 40 123 4567'"),
    AfterValidator(_phone_digits),
]
Email = Annotated[str, _check(_EMAIL, "email", "an e-mail address like 'kuraattori@kunta.fi'")]
HttpsUrl = Annotated[str, AfterValidator(_https_url)]
Color = Annotated[str, _check(_COLOR, "color", "a colour like '#0b5394'")]
Hours = Annotated[float, Field(ge=0)]
Percent = Annotated[float, Field(ge=0, le=100)]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class LocalText(_Frozen):
    """Teksti suomeksi ja ruotsiksi. — Text på finska och svenska."""

    fi: str | None = Field(default=None, description="Suomeksi. — På finska.")
    sv: str | None = Field(default=None, description="Ruotsiksi. — På svenska.")

    def get(self, language: str) -> str:
        return (self.fi if language == "fi" else self.sv) or ""


class Municipality(_Frozen):
    slug: Slug = Field(
        description="Tunnus verkko-osoitteessa, sama kuin tiedoston nimi. — Kortnamn i "
        "webbadressen, samma som filens namn.",
        examples=["rantala"],
    )
    code: Annotated[str, _check(re.compile(r"^[0-9]{3}$"), "code", "three digits like '091'")] | (
        None
    ) = Field(
        default=None,
        description="Kolminumeroinen kuntanumero. — Kommunnumret med tre siffror.",
        examples=["999"],
    )
    name: LocalText = Field(description="Kunnan nimi. — Kommunens namn.")
    provider: LocalText = Field(
        description="Opetuksen järjestäjä. — Utbildningsanordnaren.",
    )
    wellbeing_county: LocalText | None = Field(
        default=None,
        description="Hyvinvointialue, jonka kuraattorit, psykologit ja terveydenhoitajat "
        "toimivat kouluissa. — Välfärdsområdet vars kuratorer, psykologer och hälsovårdare "
        "arbetar i skolorna.",
    )
    languages: list[Language] = Field(
        default_factory=lambda: list(LANGUAGES),
        min_length=1,
        max_length=2,
        description="Julkaisukielet; ensimmäinen on pääkieli. — Publiceringsspråk; det "
        "första är huvudspråket.",
        examples=[["fi", "sv"]],
    )
    site_url: HttpsUrl | None = Field(
        default=None,
        description="Sivuston osoite (https). — Webbplatsens adress (https).",
        examples=["https://www.rantala.example/poissaolot/"],
    )
    logo: str | None = Field(
        default=None,
        description="Logotiedosto (SVG tai PNG) suhteessa tähän tiedostoon. — Logotypfil (SVG "
        "eller PNG) i förhållande till den här filen.",
        examples=["logos/rantala.svg"],
    )
    color: Color | None = Field(
        default=None,
        description="Otsikkopalkin väri. — Färgen på sidhuvudet.",
        examples=["#0b5394"],
    )

    @model_validator(mode="after")
    def _languages_unique(self) -> Municipality:
        if len(set(self.languages)) != len(self.languages):
            raise PydanticCustomError(
                "languages", "each language may be listed once, got {got}", {"got": self.languages}
            )
        return self


class Approval(_Frozen):
    body: LocalText = Field(
        description="Päättävä toimielin, esim. sivistyslautakunta. — Organet som beslutat, "
        "t.ex. bildningsnämnden."
    )
    date: dt.date = Field(description="Päätöksen päivä. — Beslutsdatum.", examples=["2026-06-10"])
    section: str | None = Field(default=None, description="Pykälä. — Paragraf.", examples=["§ 42"])
    effective_from: dt.date = Field(
        description="Voimassa alkaen. — Gäller från.", examples=["2026-08-01"]
    )
    version: str = Field(min_length=1, description="Versio. — Version.", examples=["2026.1"])
    changes: LocalText | None = Field(
        default=None, description="Mitä tässä versiossa muuttui. — Vad som ändrats i versionen."
    )


class Monitoring(_Frozen):
    system: str = Field(
        min_length=1,
        description="Järjestelmä, johon poissaolot merkitään. — Systemet där frånvaron antecknas.",
        examples=["Wilma"],
    )
    unit: Literal["hours", "percent"] = Field(
        description="Portaiden rajat tunteina (hours) tai prosentteina (percent). — "
        "Trappans gränser i timmar (hours) eller procent (percent)."
    )
    window: LocalText = Field(description="Laskentajakso sanoin. — Perioden som räknas, i ord.")
    review: LocalText = Field(
        description="Kuka seuraa poissaoloja ja kuinka usein. — Vem som följer upp frånvaron "
        "och hur ofta."
    )


class LeaveRule(_Frozen):
    up_to_days: int | None = Field(
        default=None,
        ge=1,
        description="Enintään näin monta koulupäivää; viimeiseltä voi jättää pois. — Högst "
        "så många skoldagar; kan lämnas bort i den sista.",
        examples=[3],
    )
    granted_by: Identifier = Field(
        description="Kuka myöntää (roolin tunnus). — Vem som beviljar (rollens id).",
        examples=["class_teacher"],
    )


class Guardians(_Frozen):
    report_absence: LocalText = Field(
        description="Miten ja mihin mennessä huoltaja ilmoittaa poissaolosta. — Hur och när "
        "vårdnadshavaren meddelar frånvaro."
    )
    leave: list[LeaveRule] = Field(
        min_length=1,
        description="Kuka myöntää vapaata, lyhimmästä pisimpään. — Vem som beviljar "
        "ledighet, från kortast till längst.",
    )
    leave_instructions: LocalText = Field(
        description="Miten vapaata haetaan. — Hur man anhåller om ledighet."
    )


class GradeSplit(_Frozen):
    grades_1_6: float = Field(ge=0, description="Vuosiluokat 1–6. — Årskurs 1–6.")
    grades_7_9: float = Field(ge=0, description="Vuosiluokat 7–9. — Årskurs 7–9.")


class Threshold(_Frozen):
    hours: Hours | GradeSplit | None = Field(
        default=None,
        description="Raja tunteina; 0 = ensimmäisestä huolestuttavasta poissaolosta. — "
        "Gränsen i timmar; 0 = från den första oroväckande frånvaron.",
        examples=[30, {"grades_1_6": 30, "grades_7_9": 40}],
    )
    percent: Percent | GradeSplit | None = Field(
        default=None,
        description="Raja prosentteina koulun ajasta. — Gränsen i procent av skoltiden.",
        examples=[10],
    )
    absences: Literal["all", "unauthorised"] = Field(
        default="all",
        description="Mitkä poissaolot lasketaan: kaikki (all) tai luvattomat (unauthorised). "
        "— Vilken frånvaro som räknas: all (all) eller olovlig (unauthorised).",
    )

    @model_validator(mode="after")
    def _one_unit(self) -> Threshold:
        if (self.hours is None) == (self.percent is None):
            raise PydanticCustomError(
                "threshold",
                "write exactly one of 'hours:' or 'percent:'",
            )
        return self

    @property
    def unit(self) -> Literal["hours", "percent"]:
        return "hours" if self.hours is not None else "percent"

    @property
    def value(self) -> float | GradeSplit:
        value = self.hours if self.hours is not None else self.percent
        assert value is not None  # guaranteed by _one_unit
        return value


class Step(_Frozen):
    role: Identifier = Field(
        description="Kuka toimii (roolin tunnus). — Vem som agerar (rollens id).",
        examples=["class_teacher"],
    )
    action: LocalText = Field(description="Mitä tehdään. — Vad som görs.")
    within_school_days: int | None = Field(
        default=None,
        ge=0,
        description="Määräaika koulupäivinä. — Tidsfrist i skoldagar.",
        examples=[2],
    )


class Stage(_Frozen):
    id: Identifier = Field(
        description="Portaan tunnus (yksilöllinen). — Stegets id (unikt).", examples=["concern"]
    )
    title: LocalText = Field(description="Portaan nimi. — Stegets namn.")
    sky_tier: int = Field(
        ge=1,
        le=3,
        description="SKY-mallin taso 1–3. — Nivå 1–3 i SKY-modellen.",
        examples=[1],
    )
    threshold: Threshold = Field(description="Milloin porras alkaa. — När steget börjar.")
    description: LocalText | None = Field(
        default=None, description="Lyhyt kuvaus. — Kort beskrivning."
    )
    steps: list[Step] = Field(min_length=1, description="Toimet. — Åtgärder.")
    record: LocalText | None = Field(
        default=None,
        description="Mitä kirjataan ja minne. — Vad som dokumenteras och var.",
    )


class Role(_Frozen):
    id: Identifier = Field(description="Roolin tunnus. — Rollens id.", examples=["coordinator"])
    name: LocalText = Field(description="Roolin nimi. — Rollens namn.")


class School(_Frozen):
    id: Identifier = Field(description="Koulun tunnus. — Skolans id.", examples=["keskuskoulu"])
    name: LocalText = Field(description="Koulun nimi. — Skolans namn.")
    language: Language = Field(description="Opetuskieli. — Undervisningsspråk.")
    grades: tuple[Annotated[int, Field(ge=1, le=9)], Annotated[int, Field(ge=1, le=9)]] = Field(
        description="Vuosiluokat: ensimmäinen ja viimeinen. — Årskurser: första och sista.",
        examples=[[1, 9]],
    )
    url: HttpsUrl | None = Field(default=None, description="Verkkosivu. — Webbsida.")


class Contact(_Frozen):
    role: Identifier = Field(
        description="Rooli (tunnus). — Roll (id).", examples=["school_social_worker"]
    )
    name: LocalText | str | None = Field(
        default=None,
        description="Tiimi tai henkilö. — Team eller person.",
    )
    phone: Phone | None = Field(
        default=None, description="Puhelin. — Telefon.", examples=["+358 40 123 4567"]
    )
    email: Email | None = Field(
        default=None, description="Sähköposti. — E-post.", examples=["kuraattori@kunta.fi"]
    )
    hours: LocalText | None = Field(default=None, description="Tavoitettavuus. — Nås (tider).")
    schools: list[Identifier] | None = Field(
        default=None,
        description="Koulut (tunnukset); puuttuu = kaikki. — Skolor (id); saknas = alla.",
    )

    @model_validator(mode="after")
    def _reachable(self) -> Contact:
        if self.phone is None and self.email is None:
            raise PydanticCustomError(
                "contact", "a contact needs a 'phone:' or an 'email:' (or both)"
            )
        return self


class Service(_Frozen):
    name: LocalText = Field(description="Palvelun nimi. — Tjänstens namn.")
    description: LocalText | None = Field(default=None, description="Kuvaus. — Beskrivning.")
    phone: Phone | None = Field(default=None, description="Puhelin. — Telefon.")
    url: HttpsUrl | None = Field(default=None, description="Verkkosivu. — Webbsida.")


class KnownIssue(_Frozen):
    what: LocalText = Field(
        description="Mikä ei ole saavutettavaa. — Vad som inte är tillgängligt."
    )
    why: LocalText = Field(description="Miksi. — Varför.")
    criterion: Annotated[
        str, _check(_CRITERION, "criterion", "a WCAG success criterion like '1.4.3'")
    ] = Field(description="WCAG-kriteeri. — WCAG-kriterium.", examples=["1.4.3"])


class Accessibility(_Frozen):
    feedback_email: Email = Field(
        description="Saavutettavuuspalautteen osoite. — Adress för respons om tillgänglighet."
    )
    assessed: dt.date = Field(
        description="Milloin saavutettavuus arvioitiin. — När tillgängligheten bedömdes."
    )
    method: Literal["self", "external"] = Field(
        description="Itsearvio (self) vai ulkoinen arvio (external). — Egen bedömning (self) "
        "eller extern (external)."
    )
    known_issues: list[KnownIssue] = Field(
        default_factory=list,
        description="Tunnetut puutteet. — Kända brister.",
    )


class Playbook(_Frozen):
    """Poissaolojen pelisäännöt. — Spelregler för frånvaro."""

    schema_version: Annotated[int, AfterValidator(_schema_version_one)] = Field(
        description="Muodon versio: 1. — Formatets version: 1.", examples=[1]
    )
    municipality: Municipality
    approval: Approval
    monitoring: Monitoring
    guardians: Guardians
    stages: list[Stage] = Field(
        min_length=1, description="Puuttumisen portaat järjestyksessä. — Trappans steg i ordning."
    )
    roles: list[Role] = Field(
        default_factory=list,
        description="Paikalliset roolit kansallisten lisäksi. — Lokala roller utöver de "
        "nationella.",
    )
    schools: list[School] = Field(default_factory=list, description="Koulut. — Skolor.")
    contacts: list[Contact] = Field(min_length=1, description="Yhteystiedot. — Kontaktuppgifter.")
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
