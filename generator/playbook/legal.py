"""The statutes that municipal absence models cite, as one catalogue of provisions cited by id.

A stage or a step of a playbook names the law it rests on by an id such as
``basic_education_act_26``, never by free text. So the citation reads the same on every site and
in both languages, it cannot point at a section that does not exist, and when an amendment
renames a section the heading is corrected here, once, for every municipality.

Every act's name and every section's number and heading is written as Finlex gives it, in
Finnish and in Swedish, as of February 2025. A heading is the one the most recent amending act
gave the section, or the original act's when none has changed it: that is the heading Finlex's
consolidated text shows.

Where a comment names a file ``asdYYYYNNNN.xml``, it is Finlex's own text of the statute YYYY/NNNN
as published in the statute book, from https://data.finlex.fi/download/xml/asd/asd-fi.zip
(``asd-sv.zip`` for the Swedish text), read in the copy of 21 February 2025 kept at
https://github.com/eliask/finlex-data (``data/asd/<fi|sv>/<year>/``). The consolidated pages on
finlex.fi open with each act's name and number, which is what the comments cite them for.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final, Literal

# The playbook languages. Spelled out here so that the catalogue depends on no other module.
Language = Literal["fi", "sv"]

# Finlex keeps its consolidated texts under these paths; the pages under /laki/ajantasa/ were
# last brought up to date in 2023. The stored pages confirm no section anchors on the new pages,
# so every address is the act's page rather than the section's.
_FINNISH_ADDRESS: Final = "https://www.finlex.fi/fi/lainsaadanto/{year}/{number}"
_SWEDISH_ADDRESS: Final = "https://www.finlex.fi/sv/lagstiftning/{year}/{number}"

_ACT_NUMBER: Final = re.compile(r"(?P<number>[1-9][0-9]*)/(?P<year>[0-9]{4})")


@dataclass(frozen=True)
class Act:
    """An act of the Finnish statute book, named as Finlex names it."""

    number: str
    """Its number in the statute book, e.g. ``628/1998``."""
    name_fi: str
    name_sv: str
    """Finlex's Swedish title, e.g. ``Lag om grundläggande utbildning``."""
    cited_name_sv: str
    """The title as Finland-Swedish text cites the act, in the definite form:
    ``Lagen om grundläggande utbildning``, ``Barnskyddslagen``. Finnish cites the title as is."""

    def __post_init__(self) -> None:
        # A mistyped number would give a Finlex address that leads nowhere.
        if _ACT_NUMBER.fullmatch(self.number) is None:
            raise ValueError(f"not a statute number: {self.number!r}")

    def name(self, language: Language) -> str:
        return self.name_fi if language == "fi" else self.name_sv

    def cited_name(self, language: Language) -> str:
        return self.name_fi if language == "fi" else self.cited_name_sv

    def address(self, language: Language) -> str:
        """The act's consolidated text on Finlex, in that language."""
        match = _ACT_NUMBER.fullmatch(self.number)
        assert match is not None  # checked when the act was made
        template = _FINNISH_ADDRESS if language == "fi" else _SWEDISH_ADDRESS
        return template.format(year=match["year"], number=match["number"])


@dataclass(frozen=True)
class LegalProvision:
    """One section of an act, as a stage or a step of a playbook cites it."""

    id: str
    """Part of the playbook format: an id, once published, is never renamed."""
    act: Act
    section: str
    """``26 §``, or ``25 a §`` for a section inserted between two others."""
    subject_fi: str
    """The section's heading in the Finnish text, exactly as Finlex gives it."""
    subject_sv: str
    """The section's heading in the Swedish text, exactly as Finlex gives it."""

    def subject(self, language: Language) -> str:
        return self.subject_fi if language == "fi" else self.subject_sv

    def address(self, language: Language) -> str:
        return self.act.address(language)

    def citation(self, language: Language) -> str:
        """``Perusopetuslaki (628/1998) 26 §`` or ``Lagen om grundläggande utbildning
        (628/1998) 26 §``: the act, its number and the section, in that language."""
        return f"{self.act.cited_name(language)} ({self.act.number}) {self.section}"


# The consolidated pages https://finlex.fi/fi/laki/ajantasa/1998/19980628 ("21.8.1998/628
# Perusopetuslaki") and https://finlex.fi/sv/laki/ajantasa/1998/19980628 ("21.8.1998/628 Lag om
# grundläggande utbildning"); the same titles in asd19980628.xml.
BASIC_EDUCATION_ACT: Final = Act(
    number="628/1998",
    name_fi="Perusopetuslaki",
    name_sv="Lag om grundläggande utbildning",
    cited_name_sv="Lagen om grundläggande utbildning",
)

# The consolidated page https://www.finlex.fi/fi/laki/ajantasa/2013/20131287 ("30.12.2013/1287
# Oppilas- ja opiskelijahuoltolaki"); asd20131287.xml gives "Oppilas- ja opiskelijahuoltolaki"
# and "Lag om elev- och studerandevård".
PUPIL_AND_STUDENT_WELFARE_ACT: Final = Act(
    number="1287/2013",
    name_fi="Oppilas- ja opiskelijahuoltolaki",
    name_sv="Lag om elev- och studerandevård",
    cited_name_sv="Lagen om elev- och studerandevård",
)

# asd20070417.xml gives "Lastensuojelulaki" and "Barnskyddslag".
CHILD_WELFARE_ACT: Final = Act(
    number="417/2007",
    name_fi="Lastensuojelulaki",
    name_sv="Barnskyddslag",
    cited_name_sv="Barnskyddslagen",
)

# The consolidated page https://www.finlex.fi/fi/laki/ajantasa/2014/20141301 ("30.12.2014/1301
# Sosiaalihuoltolaki"); asd20141301.xml gives "Sosiaalihuoltolaki" and "Socialvårdslag".
SOCIAL_WELFARE_ACT: Final = Act(
    number="1301/2014",
    name_fi="Sosiaalihuoltolaki",
    name_sv="Socialvårdslag",
    cited_name_sv="Socialvårdslagen",
)

# asd20201214.xml gives "Oppivelvollisuuslaki" and "Läropliktslag".
COMPULSORY_EDUCATION_ACT: Final = Act(
    number="1214/2020",
    name_fi="Oppivelvollisuuslaki",
    name_sv="Läropliktslag",
    cited_name_sv="Läropliktslagen",
)


PROVISIONS: Final[tuple[LegalProvision, ...]] = (
    # asd20220947.xml (947/2022, the latest act to amend the section, in force 1 August 2023):
    # "26 § Perusopetuksen suorittaminen" / "26 § Fullgörande av den grundläggande
    # utbildningen". asd20201216.xml (1216/2020), which gave the section this heading, reads the
    # same. The section obliges the education provider to prevent, follow and address absences.
    LegalProvision(
        id="basic_education_act_26",
        act=BASIC_EDUCATION_ACT,
        section="26 §",
        subject_fi="Perusopetuksen suorittaminen",
        subject_sv="Fullgörande av den grundläggande utbildningen",
    ),
    # https://www.finlex.fi/fi/laki/alkup/2014/20141040 and
    # https://www.finlex.fi/sv/laki/alkup/2014/20141040 (1040/2014): "35 § Oppilaan
    # velvollisuudet" / "35 § Elevens skyldigheter"; asd20220163.xml (163/2022, the latest to
    # amend the section) reads the same. Its first subsection is the leave from school: a pupil
    # attends "jollei hänelle ole erityisestä syystä tilapäisesti myönnetty vapautusta". The act
    # has no section of its own on leave.
    LegalProvision(
        id="basic_education_act_35",
        act=BASIC_EDUCATION_ACT,
        section="35 §",
        subject_fi="Oppilaan velvollisuudet",
        subject_sv="Elevens skyldigheter",
    ),
    # asd20161501.xml (1501/2016, the latest to amend the section): "14 § Opiskeluhuoltoryhmät"
    # / "14 § Elevhälsogrupper". Its fourth subsection, unchanged since asd20131287.xml, sets up
    # the multi-professional expert group and lets experts join it only with the pupil's or the
    # guardian's consent.
    LegalProvision(
        id="pupil_and_student_welfare_act_14",
        act=PUPIL_AND_STUDENT_WELFARE_ACT,
        section="14 §",
        subject_fi="Opiskeluhuoltoryhmät",
        subject_sv="Elevhälsogrupper",
    ),
    # asd20220377.xml (377/2022, the latest to amend the section): "16 § Yhteydenotto
    # opiskeluhuoltopalvelujen saamiseksi" / "16 § Kontakt för att få elevhälsotjänster". It is
    # the school staff's duty to contact the student welfare services together with the pupil.
    LegalProvision(
        id="pupil_and_student_welfare_act_16",
        act=PUPIL_AND_STUDENT_WELFARE_ACT,
        section="16 §",
        subject_fi="Yhteydenotto opiskeluhuoltopalvelujen saamiseksi",
        subject_sv="Kontakt för att få elevhälsotjänster",
    ),
    # asd20131287.xml, never amended since: "18 § Opiskelijan ja hänen laillisen edustajansa
    # asema opiskeluhuollossa" / "18 § De studerandes och deras lagliga företrädares ställning
    # inom elevhälsan".
    LegalProvision(
        id="pupil_and_student_welfare_act_18",
        act=PUPIL_AND_STUDENT_WELFARE_ACT,
        section="18 §",
        subject_fi="Opiskelijan ja hänen laillisen edustajansa asema opiskeluhuollossa",
        subject_sv="De studerandes och deras lagliga företrädares ställning inom elevhälsan",
    ),
    # asd20141409.xml (1409/2014, the latest to amend the section): "19 § Yksittäistä
    # opiskelijaa koskevan opiskeluhuoltoasian käsittely" / "19 § Behandling av
    # elevhälsoärenden som gäller enskilda studerande". Its first subsection, unchanged since
    # asd20131287.xml, is where consent is required: handling a pupil's matter in the
    # multi-professional expert group rests on the pupil's or the guardian's consent.
    LegalProvision(
        id="pupil_and_student_welfare_act_19",
        act=PUPIL_AND_STUDENT_WELFARE_ACT,
        section="19 §",
        subject_fi="Yksittäistä opiskelijaa koskevan opiskeluhuoltoasian käsittely",
        subject_sv="Behandling av elevhälsoärenden som gäller enskilda studerande",
    ),
    # asd20220377.xml (377/2022, the latest to amend the section, in force 1 January 2023):
    # "20 § Tietojen kirjaaminen yksilökohtaisessa opiskeluhuollossa" / "20 § Anteckning av
    # uppgifter inom den individuellt inriktade elevhälsan". The heading until then,
    # "Opiskeluhuollon kertomukset" / "Elevhälsans journaler", no longer applies.
    LegalProvision(
        id="pupil_and_student_welfare_act_20",
        act=PUPIL_AND_STUDENT_WELFARE_ACT,
        section="20 §",
        subject_fi="Tietojen kirjaaminen yksilökohtaisessa opiskeluhuollossa",
        subject_sv="Anteckning av uppgifter inom den individuellt inriktade elevhälsan",
    ),
    # asd20220610.xml (610/2022, the latest to amend the section): "25 § Ilmoitusvelvollisuus"
    # / "25 § Anmälningsskyldighet", the same heading as in asd20070417.xml.
    LegalProvision(
        id="child_welfare_act_25",
        act=CHILD_WELFARE_ACT,
        section="25 §",
        subject_fi="Ilmoitusvelvollisuus",
        subject_sv="Anmälningsskyldighet",
    ),
    # asd20141302.xml (1302/2014, the latest to amend the section): "25 a § Yhteydenotto
    # sosiaalihuoltoon tuen tarpeen arvioimiseksi" / "25 a § Kontakt med socialvården för
    # bedömning av stödbehovet". The heading the section had when asd20100088.xml (88/2010)
    # inserted it, "Pyyntö lastensuojelutarpeen arvioimiseksi", no longer applies.
    LegalProvision(
        id="child_welfare_act_25a",
        act=CHILD_WELFARE_ACT,
        section="25 a §",
        subject_fi="Yhteydenotto sosiaalihuoltoon tuen tarpeen arvioimiseksi",
        subject_sv="Kontakt med socialvården för bedömning av stödbehovet",
    ),
    # asd20230416.xml (416/2023, the latest to amend the section): "35 § Yhteydenotto
    # sosiaalihuoltoon tuen tarpeen arvioimiseksi" / "35 § Kontakt med socialvården för
    # bedömning av stödbehovet", the same heading as in asd20141301.xml.
    LegalProvision(
        id="social_welfare_act_35",
        act=SOCIAL_WELFARE_ACT,
        section="35 §",
        subject_fi="Yhteydenotto sosiaalihuoltoon tuen tarpeen arvioimiseksi",
        subject_sv="Kontakt med socialvården för bedömning av stödbehovet",
    ),
    # asd20241091.xml (1091/2024, the latest to amend the section): "2 § Oppivelvollisuuden
    # alkaminen ja päättyminen" / "2 § När läroplikten börjar och upphör", the same heading as in
    # asd20201214.xml.
    LegalProvision(
        id="compulsory_education_act_2",
        act=COMPULSORY_EDUCATION_ACT,
        section="2 §",
        subject_fi="Oppivelvollisuuden alkaminen ja päättyminen",
        subject_sv="När läroplikten börjar och upphör",
    ),
    # asd20241091.xml (1091/2024, the latest to amend the section): "3 § Oppivelvollisuuden
    # suorittaminen perusopetuksessa" / "3 § Fullgörande av läroplikten i den grundläggande
    # utbildningen", the same heading as in asd20201214.xml.
    LegalProvision(
        id="compulsory_education_act_3",
        act=COMPULSORY_EDUCATION_ACT,
        section="3 §",
        subject_fi="Oppivelvollisuuden suorittaminen perusopetuksessa",
        subject_sv="Fullgörande av läroplikten i den grundläggande utbildningen",
    ),
    # asd20220715.xml (715/2022, the latest to amend the section): "7 § Oppivelvollisuuden
    # suorittamisen keskeyttäminen" / "7 § Avbrytande av fullgörandet av läroplikten", the same
    # heading as in asd20201214.xml. Models turn to it when an absence is to last long.
    LegalProvision(
        id="compulsory_education_act_7",
        act=COMPULSORY_EDUCATION_ACT,
        section="7 §",
        subject_fi="Oppivelvollisuuden suorittamisen keskeyttäminen",
        subject_sv="Avbrytande av fullgörandet av läroplikten",
    ),
    # asd20201214.xml, never amended since: "9 § Huoltajan valvontavastuu" / "9 §
    # Vårdnadshavarens tillsynsansvar".
    LegalProvision(
        id="compulsory_education_act_9",
        act=COMPULSORY_EDUCATION_ACT,
        section="9 §",
        subject_fi="Huoltajan valvontavastuu",
        subject_sv="Vårdnadshavarens tillsynsansvar",
    ),
    # asd20201214.xml, never amended since: "22 § Oppivelvollisen valvonnan laiminlyönti" /
    # "22 § Försummelse av tillsyn av den läropliktige".
    LegalProvision(
        id="compulsory_education_act_22",
        act=COMPULSORY_EDUCATION_ACT,
        section="22 §",
        subject_fi="Oppivelvollisen valvonnan laiminlyönti",
        subject_sv="Försummelse av tillsyn av den läropliktige",
    ),
)


def _by_id(provisions: tuple[LegalProvision, ...]) -> Mapping[str, LegalProvision]:
    by_id: dict[str, LegalProvision] = {}
    for entry in provisions:
        # A second entry under the same id would silently replace the first in every citation.
        if entry.id in by_id:
            raise ValueError(f"two legal provisions have the id {entry.id!r}")
        by_id[entry.id] = entry
    return MappingProxyType(by_id)


PROVISIONS_BY_ID: Final[Mapping[str, LegalProvision]] = _by_id(PROVISIONS)
PROVISION_IDS: Final[tuple[str, ...]] = tuple(entry.id for entry in PROVISIONS)


def provision(provision_id: str) -> LegalProvision:
    """The provision with that id; a ``KeyError`` that lists the known ids if there is none."""
    try:
        return PROVISIONS_BY_ID[provision_id]
    except KeyError:
        known = ", ".join(PROVISION_IDS)
        raise KeyError(f"no legal provision {provision_id!r}; the known ones: {known}") from None
