"""The playbook format: a typed, frozen model of what a municipality writes.

Every field is documented where it is declared, in Finnish and Swedish, because these
descriptions become the JSON Schema that editors show on hover (``sky schema``). Unknown keys
are rejected. Rules that need more than one field (roles known, thresholds rising, languages
complete...) live in :mod:`generator.playbook.rules`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

Language = Literal["fi", "sv"]
LANGUAGES: tuple[Language, ...] = ("fi", "sv")
LANGUAGE_NAMES = {"fi": "Finnish", "sv": "Swedish"}
# Names in the output folder that belong to the national portal, never to a municipality.
RESERVED_SLUGS = frozenset({*LANGUAGES, "assets", "data", "guide", "search"})

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SLUG_PATTERN = _SLUG
_ID = re.compile(r"^[a-z0-9]+(?:[_-][a-z0-9]+)*$")
_PHONE = re.compile(r"^\+[1-9][0-9]{0,2}(?: [0-9]{1,5})+$")
_EMAIL = re.compile(r"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
_CRITERION = re.compile(r"^[1-4]\.[0-9]{1,2}\.[0-9]{1,2}$")
_CODE = re.compile(r"^[0-9]{3}$")


def _check(pattern: re.Pattern[str], kind: str, expected: str) -> AfterValidator:
    def validate(value: str) -> str:
        if not pattern.fullmatch(value):
            raise PydanticCustomError(kind, f"expected {expected}, got '{{got}}'", {"got": value})
        return value

    return AfterValidator(validate)


MAX_URL_CHARACTERS = 500
# Characters that a web address never holds as they are: they would end an HTML attribute or
# break a link, so an address with them is refused (percent-encode them: %22, %3C...).
_URL_FORBIDDEN = re.compile(r"[\s\"'<>`\\{}|^\x00-\x1f\x7f]")
_HOST_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")


def _https_url(value: str) -> str:
    if len(value) > MAX_URL_CHARACTERS:
        raise PydanticCustomError(
            "url_length",
            "the address is {length} characters long; a web address may be at most {limit} "
            "(link to a shorter address, such as the site's front page)",
            {"length": len(value), "limit": MAX_URL_CHARACTERS},
        )
    parts = urlsplit(value)
    if parts.scheme != "https" or not parts.netloc or " " in value:
        raise PydanticCustomError(
            "url",
            "expected a web address starting with https://, got '{got}'",
            {"got": value},
        )
    if _URL_FORBIDDEN.search(value):
        raise PydanticCustomError(
            "url_characters",
            "expected a web address without spaces, quotes, angle brackets or backslashes (copy "
            "it from the browser's address bar), got '{got}'",
            {"got": value},
        )
    if not _valid_host(parts.netloc):
        raise PydanticCustomError(
            "url_host",
            "expected a web address with a host name like 'https://www.kunta.fi/', got '{got}'",
            {"got": value},
        )
    return value


def _valid_host(netloc: str) -> bool:
    """A public host name (``www.kunta.fi``, with an optional port); no user name, no IP."""
    host, _, port = netloc.partition(":")
    if "@" in netloc or (port and not (port.isdigit() and 0 < int(port) < 65536)):
        return False
    try:
        ascii_host = host.encode("idna").decode("ascii").lower()
    except UnicodeError:
        return False
    labels = ascii_host.removesuffix(".").split(".")
    return (
        len(ascii_host) <= 253
        and len(labels) >= 2
        and all(_HOST_LABEL.fullmatch(label) for label in labels)
        and labels[-1].isalpha()
    )


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


def _shown(pattern: re.Pattern[str], **extra: str | int) -> WithJsonSchema:
    """The pattern for editors (JSON Schema); the friendly message comes from ``_check``."""
    return WithJsonSchema({"type": "string", "pattern": pattern.pattern, **extra})


MAX_SLUG_CHARACTERS = 63


def _slug_length(value: str) -> str:
    if len(value) > MAX_SLUG_CHARACTERS:
        raise PydanticCustomError(
            "slug_length",
            "expected a short slug of at most {limit} characters, like 'rantala', got one of "
            "{length}",
            {"limit": MAX_SLUG_CHARACTERS, "length": len(value)},
        )
    return value


Slug = Annotated[
    str,
    AfterValidator(_slug_length),
    _check(_SLUG, "slug", "lowercase letters a-z, digits and '-', like 'rantala'"),
    _shown(_SLUG, maxLength=MAX_SLUG_CHARACTERS),
]
Identifier = Annotated[
    str,
    _check(_ID, "identifier", "lowercase letters a-z, digits, '_' or '-', like 'keskuskoulu'"),
    _shown(_ID),
]
Phone = Annotated[
    str,
    _check(_PHONE, "phone", "an international number like '+358 40 123 4567'"),
    AfterValidator(_phone_digits),
    _shown(_PHONE),
]
Email = Annotated[
    str,
    _check(_EMAIL, "email", "an e-mail address like 'kuraattori@kunta.fi'"),
    _shown(_EMAIL, format="email"),
]
HttpsUrl = Annotated[
    str, AfterValidator(_https_url), _shown(re.compile(r"^https://[^\s/]+\S*$"), format="uri")
]
_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def _written_as_date(value: object) -> object:
    # Pydantic would read '1767225600' (or 0) as seconds since 1970: a date must be written out.
    if not isinstance(value, dt.date) and not (
        isinstance(value, str) and _ISO_DATE.fullmatch(value.strip())
    ):
        raise PydanticCustomError("date_written", "expected a date written as YYYY-MM-DD")
    return value


Date = Annotated[dt.date, BeforeValidator(_written_as_date)]
Color = Annotated[str, _check(_COLOR, "color", "a colour like '#0b5394'"), _shown(_COLOR)]
MunicipalityCode = Annotated[str, _check(_CODE, "code", "three digits like '091'"), _shown(_CODE)]
# More hours than a school year has lessons (about 190 days of at most 7): no threshold is
# higher. The calculator compares thresholds to two decimals, so none may have more.
MAX_HOURS = 1500
MAX_SCHOOL_DAYS = 190


def _two_decimals(value: float) -> float:
    if abs(value * 100 - round(value * 100)) > 1e-6:
        raise PydanticCustomError(
            "decimals",
            "write at most two decimals, like 12.5 or 12.25, got '{got}'",
            {"got": f"{value:g}"},
        )
    return value


Hours = Annotated[
    float, Field(ge=0, le=MAX_HOURS, allow_inf_nan=False), AfterValidator(_two_decimals)
]
Percent = Annotated[float, Field(ge=0, le=100, allow_inf_nan=False), AfterValidator(_two_decimals)]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class LocalText(_Frozen):
    """Teksti suomeksi ja ruotsiksi. — Text på finska och svenska."""

    fi: str | None = Field(
        default=None,
        description="Teksti suomeksi. — Texten på finska.",
        examples=["Huoli puheeksi"],
    )
    sv: str | None = Field(
        default=None, description="Teksti ruotsiksi. — Texten på svenska.", examples=["Ta upp oron"]
    )

    def get(self, language: str) -> str:
        return (self.fi if language == "fi" else self.sv) or ""


class Municipality(_Frozen):
    slug: Slug = Field(
        description="Lyhyt tunnus verkko-osoitteeseen: pienet kirjaimet a–z, numerot ja '-'; "
        "sama kuin tiedoston nimi ilman päätettä .yml. — Kort namn för webbadressen: små "
        "bokstäver a–z, siffror och '-'; samma som filens namn utan .yml.",
        examples=["rantala"],
    )
    code: MunicipalityCode | None = Field(
        default=None,
        description="Kunnan kolminumeroinen kuntanumero lainausmerkeissä (vapaaehtoinen). — "
        "Kommunens kommunnummer med tre siffror inom citattecken (frivilligt).",
        examples=["091"],
    )
    name: LocalText = Field(
        description="Kunnan nimi kummallakin kielellä. — Kommunens namn på båda språken.",
        examples=[{"fi": "Rantala", "sv": "Strandby"}],
    )
    provider: LocalText = Field(
        description="Opetuksen järjestäjä, jonka suunnitelma nämä pelisäännöt ovat, yleensä kunnan "
        "sivistystoimi. — Utbildningsanordnaren vars plan spelreglerna är, oftast kommunens "
        "bildningsväsende.",
        examples=[{"fi": "Rantalan kunnan sivistystoimi", "sv": "Bildningsväsendet i Strandby"}],
    )
    wellbeing_county: LocalText | None = Field(
        default=None,
        description="Hyvinvointialue, jonka kuraattorit, psykologit ja terveydenhoitajat "
        "toimivat kouluissa (vapaaehtoinen). — Välfärdsområdet vars kuratorer, psykologer och "
        "hälsovårdare arbetar i skolorna (frivilligt).",
        examples=[{"fi": "Kolmen järven hyvinvointialue", "sv": "Tre sjöars välfärdsområde"}],
    )
    languages: list[Language] = Field(
        default_factory=lambda: list(LANGUAGES),
        min_length=1,
        max_length=2,
        description="Julkaisukielet: [fi, sv], [sv, fi], [fi] tai [sv]; ensimmäinen on pääkieli. "
        "— Publiceringsspråk: [fi, sv], [sv, fi], [fi] eller [sv]; det första är huvudspråket.",
        examples=[["fi", "sv"]],
    )
    site_url: HttpsUrl | None = Field(
        default=None,
        description="Osoite, jossa sivuston kansio julkaistaan, alkaa https:// (vapaaehtoinen). "
        "— Adressen där webbplatsens mapp publiceras, börjar med https:// (frivilligt).",
        examples=["https://www.rantala.example/poissaolot/"],
    )
    logo: str | None = Field(
        default=None,
        description="Logotiedosto (SVG tai PNG) tämän tiedoston kansiossa tai sen alla "
        "(vapaaehtoinen). — Logotypfil (SVG eller PNG) i den här filens mapp eller under den "
        "(frivilligt).",
        examples=["logos/rantala.svg"],
    )
    color: Color | None = Field(
        default=None,
        description="Otsikkopalkin väri muodossa #rrggbb; valkoisen tekstin on erotuttava siitä "
        "selvästi. — Färgen på sidhuvudet som #rrggbb; vit text måste synas tydligt mot den.",
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
        description="Toimielin, joka hyväksyi pelisäännöt, esim. sivistyslautakunta. — Organet "
        "som godkände spelreglerna, t.ex. bildningsnämnden.",
        examples=[{"fi": "Sivistyslautakunta", "sv": "Bildningsnämnden"}],
    )
    date: Date = Field(
        description="Päätöksen päivä muodossa VVVV-KK-PP. — Beslutsdatum i formen ÅÅÅÅ-MM-DD.",
        examples=["2026-06-10"],
    )
    section: str | None = Field(
        default=None,
        description="Päätöksen pykälä pöytäkirjassa (vapaaehtoinen). — Beslutets paragraf i "
        "protokollet (frivilligt).",
        examples=["§ 42"],
    )
    effective_from: Date = Field(
        description="Päivä, josta alkaen pelisäännöt ovat voimassa, usein lukuvuoden alku. — "
        "Dagen från vilken spelreglerna gäller, ofta läsårets början.",
        examples=["2026-08-01"],
    )
    version: str = Field(
        min_length=1,
        description="Version numero, esim. vuosi ja järjestysnumero; vaihda se aina, kun "
        "julkaisette muuttuneet pelisäännöt. — Versionens nummer, t.ex. året och ett löpnummer; "
        "byt det varje gång ni publicerar ändrade spelregler.",
        examples=["2026.1"],
    )
    changes: LocalText | None = Field(
        default=None,
        description="Lyhyesti, mitä tässä versiossa muuttui edelliseen verrattuna. — Kort vad "
        "som ändrades i den här versionen jämfört med den föregående.",
        examples=[
            {
                "fi": "Rajat porrastettiin vuosiluokittain.",
                "sv": "Gränserna är nu olika för olika årskurser.",
            }
        ],
    )


class EarlierVersion(_Frozen):
    """Aiemmin julkaistu versio. — En tidigare publicerad version."""

    version: str = Field(
        min_length=1,
        description="Aiemman version numero. — Den tidigare versionens nummer.",
        examples=["2025.1"],
    )
    effective_from: Date = Field(
        description="Milloin tämä versio tuli voimaan. — När den här versionen trädde i kraft.",
        examples=["2025-08-01"],
    )
    changes: LocalText = Field(
        description="Mitä tässä versiossa muuttui edelliseen verrattuna. — Vad som ändrades i "
        "den här versionen jämfört med den föregående.",
        examples=[{"fi": "Ensimmäinen versio.", "sv": "Den första versionen."}],
    )


class Monitoring(_Frozen):
    system: str = Field(
        min_length=1,
        description="Järjestelmä, johon poissaolot merkitään, esim. Wilma tai Helmi. — Systemet "
        "där frånvaron antecknas, t.ex. Wilma eller Helmi.",
        examples=["Wilma"],
    )
    unit: Literal["hours", "percent"] = Field(
        description="Portaiden rajat tunteina (hours) tai prosentteina koulun ajasta (percent). "
        "— Trappans gränser i timmar (hours) eller i procent av skoltiden (percent).",
        examples=["hours"],
    )
    window: LocalText = Field(
        description="Miten poissaolot lasketaan: millä jaksolla (lukukausi, liukuva jakso) ja "
        "mitkä poissaolot. — Hur frånvaron räknas: under vilken period (termin, rullande "
        "period) och vilken frånvaro.",
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


class LeaveRule(_Frozen):
    up_to_days: int | None = Field(
        default=None,
        ge=1,
        le=MAX_SCHOOL_DAYS,
        description="Enintään näin monta koulupäivää; viimeiseltä voi jättää pois. — Högst "
        "så många skoldagar; kan lämnas bort i den sista.",
        examples=[3],
    )
    granted_by: Identifier = Field(
        description="Kuka myöntää vapaan: roolin tunnus. — Vem som beviljar ledigheten: rollens "
        "id.",
        examples=["class_teacher"],
    )


class Guardians(_Frozen):
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
        min_length=1,
        description="Kuka myöntää vapaata, lyhimmästä pisimpään. — Vem som beviljar "
        "ledighet, från kortast till längst.",
    )
    leave_instructions: LocalText = Field(
        description="Miten ja milloin huoltaja hakee lapselleen vapaata. — Hur och när "
        "vårdnadshavaren anhåller om ledighet för sitt barn.",
        examples=[
            {
                "fi": "Hae vapaata Wilmassa kaksi viikkoa etukäteen.",
                "sv": "Anhåll om ledighet i Wilma två veckor i förväg.",
            }
        ],
    )


class GradeSplit(_Frozen):
    grades_1_6: Hours = Field(
        description="Raja vuosiluokilla 1–6. — Gränsen i årskurs 1–6.", examples=[30]
    )
    grades_7_9: Hours = Field(
        description="Raja vuosiluokilla 7–9. — Gränsen i årskurs 7–9.", examples=[40]
    )


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
        examples=["all"],
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
        description="Kuka toimii: kansallinen rooli tai kohdassa roles: kuvattu. — Vem som "
        "agerar: en nationell roll eller en som beskrivs under roles:.",
        examples=["class_teacher"],
    )
    action: LocalText = Field(
        description="Mitä rooli tekee, käskymuodossa. — Vad rollen gör, i uppmaningsform.",
        examples=[{"fi": "Ota yhteyttä huoltajaan.", "sv": "Kontakta vårdnadshavaren."}],
    )
    within_school_days: int | None = Field(
        default=None,
        ge=0,
        le=MAX_SCHOOL_DAYS,
        description="Määräaika koulupäivinä; 0 = samana koulupäivänä; puuttuu = ei määräaikaa. "
        "— Tidsfrist i skoldagar; 0 = samma skoldag; saknas = ingen tidsfrist.",
        examples=[2],
    )


class Stage(_Frozen):
    id: Identifier = Field(
        description="Portaan tunnus verkko-osoitteessa; jokaisella portaalla eri. — Stegets id "
        "i webbadressen; olika för varje steg.",
        examples=["huoli-puheeksi"],
    )
    title: LocalText = Field(
        description="Portaan nimi. — Stegets namn.",
        examples=[{"fi": "Huoli puheeksi", "sv": "Ta upp oron"}],
    )
    sky_tier: int = Field(
        ge=1,
        le=3,
        description="SKY-mallin taso 1–3, johon porras kuuluu; taso ei laske portaalta toiselle. "
        "— Nivå 1–3 i SKY-modellen som steget hör till; nivån sjunker inte längs trappan.",
        examples=[1],
    )
    threshold: Threshold = Field(
        description="Milloin porras alkaa: hours: tai percent: sen mukaan, mikä on "
        "monitoring.unit. — När steget börjar: hours: eller percent: enligt monitoring.unit."
    )
    description: LocalText | None = Field(
        default=None,
        description="Lyhyt kuvaus portaasta. — En kort beskrivning av steget.",
        examples=[
            {
                "fi": "Yksikin huolestuttava poissaolo riittää.",
                "sv": "En enda oroväckande frånvaro räcker.",
            }
        ],
    )
    steps: list[Step] = Field(
        min_length=1,
        description="Toimet järjestyksessä: kuka tekee mitä ja missä ajassa. — Åtgärderna i "
        "ordning: vem gör vad och inom vilken tid.",
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


class Role(_Frozen):
    id: Identifier = Field(
        description="Paikallisen roolin tunnus kohtiin role: ja granted_by:. — Den lokala "
        "rollens id för role: och granted_by:.",
        examples=["attendance_coordinator"],
    )
    name: LocalText = Field(
        description="Roolin nimi. — Rollens namn.",
        examples=[{"fi": "Poissaolokoordinaattori", "sv": "Frånvarokoordinator"}],
    )


class School(_Frozen):
    id: Identifier = Field(
        description="Koulun tunnus, jota yhteystietojen schools: käyttää. — Skolans id, som "
        "kontakternas schools: använder.",
        examples=["keskuskoulu"],
    )
    name: LocalText = Field(
        description="Koulun nimi. — Skolans namn.",
        examples=[{"fi": "Kirkonkylän koulu", "sv": "Kyrkbyns skola"}],
    )
    language: Language = Field(
        description="Koulun opetuskieli: fi tai sv. — Skolans undervisningsspråk: fi eller sv.",
        examples=["fi"],
    )
    grades: tuple[Annotated[int, Field(ge=1, le=9)], Annotated[int, Field(ge=1, le=9)]] = Field(
        description="Vuosiluokat: ensimmäinen ja viimeinen. — Årskurser: första och sista.",
        examples=[[1, 9]],
    )
    url: HttpsUrl | None = Field(
        default=None,
        description="Koulun verkkosivu (vapaaehtoinen). — Skolans webbsida (frivilligt).",
        examples=["https://www.rantala.example/kirkonkylan-koulu"],
    )


class Contact(_Frozen):
    role: Identifier = Field(
        description="Rooli, jota yhteystieto palvelee (tunnus). — Rollen som kontakten gäller "
        "(id).",
        examples=["school_social_worker"],
    )
    name: LocalText | str | None = Field(
        default=None,
        description="Tiimi tai henkilö kummallakin kielellä, tai yksi nimi. — Team eller person "
        "på båda språken, eller ett namn.",
        examples=[{"fi": "Koulukuraattorit", "sv": "Skolkuratorerna"}, "Maija Esimerkki"],
    )
    phone: Phone | None = Field(
        default=None,
        description="Puhelinnumero kansainvälisessä muodossa; puhelin tai sähköposti tarvitaan. "
        "— Telefonnummer i internationell form; telefon eller e-post behövs.",
        examples=["+358 40 123 4567"],
    )
    email: Email | None = Field(
        default=None,
        description="Sähköpostiosoite. — E-postadress.",
        examples=["kuraattori@kunta.fi"],
    )
    hours: LocalText | None = Field(
        default=None,
        description="Milloin tavoittaa. — När man når kontakten.",
        examples=[{"fi": "ma–pe klo 8–16", "sv": "mån–fre kl. 8–16"}],
    )
    schools: list[Identifier] | None = Field(
        default=None,
        description="Koulut, joita yhteystieto palvelee (tunnukset); puuttuu = kaikki koulut. — "
        "Skolorna som kontakten betjänar (id); saknas = alla skolor.",
        examples=[["keskuskoulu"]],
    )

    @model_validator(mode="after")
    def _reachable(self) -> Contact:
        if self.phone is None and self.email is None:
            raise PydanticCustomError(
                "contact", "a contact needs a 'phone:' or an 'email:' (or both)"
            )
        return self


class Service(_Frozen):
    name: LocalText = Field(
        description="Palvelun nimi. — Tjänstens namn.",
        examples=[{"fi": "Perheneuvola", "sv": "Familjerådgivningen"}],
    )
    description: LocalText | None = Field(
        default=None,
        description="Keille palvelu on ja miten sen saa. — För vem tjänsten är och hur man får "
        "den.",
        examples=[{"fi": "Keskusteluapua lapsiperheille.", "sv": "Samtalshjälp för barnfamiljer."}],
    )
    phone: Phone | None = Field(
        default=None,
        description="Puhelinnumero kansainvälisessä muodossa. — Telefonnummer i internationell "
        "form.",
        examples=["+358 44 736 5200"],
    )
    url: HttpsUrl | None = Field(
        default=None,
        description="Palvelun verkkosivu. — Tjänstens webbsida.",
        examples=["https://www.rantala.example/perheneuvola"],
    )


class KnownIssue(_Frozen):
    what: LocalText = Field(
        description="Mikä ei ole saavutettavaa. — Vad som inte är tillgängligt.",
        examples=[
            {
                "fi": "Loma-anomus on skannattu PDF.",
                "sv": "Blanketten för ledighet är en skannad PDF.",
            }
        ],
    )
    why: LocalText = Field(
        description="Miksi, ja milloin ja miten puute korjataan. — Varför, och när och hur "
        "bristen åtgärdas.",
        examples=[
            {"fi": "Lomake korvataan sähköisellä.", "sv": "Blanketten ersätts med en elektronisk."}
        ],
    )
    criterion: Annotated[
        str,
        _check(_CRITERION, "criterion", "a WCAG success criterion like '1.4.3'"),
        _shown(_CRITERION),
    ] = Field(
        description="WCAG-onnistumiskriteeri, jota puute koskee. — Det framgångskriterium i "
        "WCAG som bristen gäller.",
        examples=["1.4.3"],
    )


class Accessibility(_Frozen):
    feedback_email: Email = Field(
        description="Sähköpostiosoite, johon saavutettavuuspalaute lähetetään. — E-postadressen "
        "dit respons om tillgängligheten skickas.",
        examples=["saavutettavuus@kunta.fi"],
    )
    assessed: Date = Field(
        description="Milloin saavutettavuus arvioitiin ja seloste laadittiin. — När "
        "tillgängligheten bedömdes och utlåtandet upprättades.",
        examples=["2026-08-20"],
    )
    updated: Date | None = Field(
        default=None,
        description="Milloin selostetta viimeksi päivitettiin; puuttuu = arviointipäivä. — När "
        "utlåtandet senast uppdaterades; saknas = bedömningsdagen.",
        examples=["2027-01-15"],
    )
    method: Literal["self", "external"] = Field(
        description="Itsearvio (self) vai ulkoinen arvio (external). — Egen bedömning (self) "
        "eller extern (external).",
        examples=["self"],
    )
    known_issues: list[KnownIssue] = Field(
        default_factory=list,
        description="Tunnetut saavutettavuuspuutteet; tyhjä, jos niitä ei ole. — Kända brister "
        "i tillgängligheten; tom om det inte finns några.",
    )


class Playbook(_Frozen):
    """Poissaolojen pelisäännöt. — Spelregler för frånvaro."""

    schema_version: Annotated[int, AfterValidator(_schema_version_one)] = Field(
        description="Muodon versio: 1. — Formatets version: 1.", examples=[1]
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
    guardians: Guardians = Field(
        description="Huoltajille: poissaolosta ilmoittaminen ja vapaat. — För vårdnadshavare: "
        "att meddela frånvaro och ledighet."
    )
    stages: list[Stage] = Field(
        min_length=1,
        description="Puuttumisen portaat järjestyksessä, rajat nousevat. — Trappans steg i "
        "ordning, gränserna stiger.",
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
