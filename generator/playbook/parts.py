"""The parts of a playbook that both format versions write in the same way: the municipality,
its decision, earlier versions, roles, schools, contacts, services, leave rules and the
accessibility statement. Format 2 extends some of them (:mod:`generator.playbook.model`).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from generator.playbook.fields import (
    CRITERION_PATTERN,
    LANGUAGES,
    MAX_SCHOOL_DAYS,
    Color,
    Date,
    Email,
    Frozen,
    HttpsUrl,
    Identifier,
    Language,
    LocalText,
    MunicipalityCode,
    Phone,
    Slug,
    check_pattern,
    shown_pattern,
)


class Municipality(Frozen):
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


class Approval(Frozen):
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


class EarlierVersion(Frozen):
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


class LeaveRule(Frozen):
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


class Role(Frozen):
    id: Identifier = Field(
        description="Paikallisen roolin tunnus kohtiin role: ja granted_by:. — Den lokala "
        "rollens id för role: och granted_by:.",
        examples=["attendance_coordinator"],
    )
    name: LocalText = Field(
        description="Roolin nimi. — Rollens namn.",
        examples=[{"fi": "Poissaolokoordinaattori", "sv": "Frånvarokoordinator"}],
    )


class School(Frozen):
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


class Contact(Frozen):
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


class Service(Frozen):
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


class KnownIssue(Frozen):
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
        check_pattern(CRITERION_PATTERN, "criterion", "a WCAG success criterion like '1.4.3'"),
        shown_pattern(CRITERION_PATTERN),
    ] = Field(
        description="WCAG-onnistumiskriteeri, jota puute koskee. — Det framgångskriterium i "
        "WCAG som bristen gäller.",
        examples=["1.4.3"],
    )


class Accessibility(Frozen):
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
