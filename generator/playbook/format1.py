"""Playbook format 1, as it was: files that say ``schema_version: 1`` are checked against it,
so that their messages point at what the author wrote, and then read as format 2
(:mod:`generator.playbook.upgrade`). Nothing else reads this model; ``sky migrate`` rewrites
such files as format 2.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from generator.playbook.fields import (
    MAX_SCHOOL_DAYS,
    Frozen,
    Hours,
    Identifier,
    Language,
    LocalText,
    Percent,
)
from generator.playbook.parts import (
    Accessibility,
    Approval,
    Contact,
    EarlierVersion,
    LeaveRule,
    Municipality,
    Role,
    School,
    Service,
)


def _schema_version_one(value: int) -> int:
    if value != 1:
        raise PydanticCustomError(
            "schema_version",
            "expected 1 (the only playbook format so far), got '{got}'",
            {"got": value},
        )
    return value


class Monitoring(Frozen):
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


class GradeSplit(Frozen):
    grades_1_6: Hours = Field(
        description="Raja vuosiluokilla 1–6. — Gränsen i årskurs 1–6.", examples=[30]
    )
    grades_7_9: Hours = Field(
        description="Raja vuosiluokilla 7–9. — Gränsen i årskurs 7–9.", examples=[40]
    )


class Threshold(Frozen):
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


class Step(Frozen):
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


class Playbook(Frozen):
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
