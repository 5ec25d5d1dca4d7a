"""The catalogue of legal provisions: exact citations in both languages, and entries that a
playbook can cite by id without ever meeting a duplicate, a blank name or a foreign address."""

from __future__ import annotations

import re

import pytest

from generator.playbook.legal import (
    BASIC_EDUCATION_ACT,
    PROVISION_IDS,
    PROVISIONS,
    PROVISIONS_BY_ID,
    Act,
    Language,
    provision,
)

LANGUAGES: tuple[Language, ...] = ("fi", "sv")


@pytest.mark.parametrize(
    ("provision_id", "finnish", "swedish"),
    [
        (
            "basic_education_act_26",
            "Perusopetuslaki (628/1998) 26 §",
            "Lagen om grundläggande utbildning (628/1998) 26 §",
        ),
        (
            "basic_education_act_35",
            "Perusopetuslaki (628/1998) 35 §",
            "Lagen om grundläggande utbildning (628/1998) 35 §",
        ),
        (
            "pupil_and_student_welfare_act_19",
            "Oppilas- ja opiskelijahuoltolaki (1287/2013) 19 §",
            "Lagen om elev- och studerandevård (1287/2013) 19 §",
        ),
        (
            "child_welfare_act_25a",
            "Lastensuojelulaki (417/2007) 25 a §",
            "Barnskyddslagen (417/2007) 25 a §",
        ),
        (
            "social_welfare_act_35",
            "Sosiaalihuoltolaki (1301/2014) 35 §",
            "Socialvårdslagen (1301/2014) 35 §",
        ),
        (
            "compulsory_education_act_9",
            "Oppivelvollisuuslaki (1214/2020) 9 §",
            "Läropliktslagen (1214/2020) 9 §",
        ),
    ],
)
def test_the_citation_in_each_language(provision_id: str, finnish: str, swedish: str) -> None:
    entry = provision(provision_id)
    assert (entry.citation("fi"), entry.citation("sv")) == (finnish, swedish)


def test_the_headings_are_finlex_s_current_ones() -> None:
    # Both were renamed by amendments; the earlier headings must not come back.
    assert provision("basic_education_act_26").subject("fi") == "Perusopetuksen suorittaminen"
    assert provision("basic_education_act_26").subject("sv") == (
        "Fullgörande av den grundläggande utbildningen"
    )
    assert provision("child_welfare_act_25a").subject("fi") == (
        "Yhteydenotto sosiaalihuoltoon tuen tarpeen arvioimiseksi"
    )
    assert provision("child_welfare_act_25a").subject("sv") == (
        "Kontakt med socialvården för bedömning av stödbehovet"
    )


def test_the_sections_that_municipal_models_cite_are_all_there() -> None:
    required = {
        "basic_education_act_26",
        "basic_education_act_35",
        "pupil_and_student_welfare_act_18",
        "pupil_and_student_welfare_act_19",
        "pupil_and_student_welfare_act_20",
        "child_welfare_act_25",
        "child_welfare_act_25a",
        "social_welfare_act_35",
    }
    assert required <= set(PROVISION_IDS)


def test_ids_are_unique_snake_case_and_listed_in_catalogue_order() -> None:
    assert len(set(PROVISION_IDS)) == len(PROVISION_IDS) == len(PROVISIONS)
    assert tuple(entry.id for entry in PROVISIONS) == PROVISION_IDS
    assert list(PROVISIONS_BY_ID) == list(PROVISION_IDS)
    for provision_id in PROVISION_IDS:
        assert re.fullmatch(r"[a-z]+(_[a-z0-9]+)*", provision_id), provision_id
        assert provision(provision_id).id == provision_id


def test_every_address_is_the_act_s_page_on_finlex_in_its_language() -> None:
    for entry in PROVISIONS:
        number, year = entry.act.number.split("/")
        assert entry.address("fi") == f"https://www.finlex.fi/fi/lainsaadanto/{year}/{number}"
        assert entry.address("sv") == f"https://www.finlex.fi/sv/lagstiftning/{year}/{number}"
        for language in LANGUAGES:
            assert entry.address(language).startswith("https://www.finlex.fi/")


def test_names_subjects_and_sections_are_filled_in_both_languages() -> None:
    for entry in PROVISIONS:
        for language in LANGUAGES:
            for text in (entry.act.name(language), entry.act.cited_name(language)):
                assert text.strip() == text != "", (entry.id, language)
            assert entry.subject(language).strip() == entry.subject(language) != ""
        assert re.fullmatch(r"[1-9][0-9]*( [a-z])? §", entry.section), entry.id
        # An id names its section, so that a reader of a playbook sees which one is cited.
        assert entry.id.endswith("_" + entry.section.removesuffix(" §").replace(" ", ""))


def test_finnish_cites_the_title_and_swedish_its_definite_form() -> None:
    assert BASIC_EDUCATION_ACT.cited_name("fi") == BASIC_EDUCATION_ACT.name("fi")
    assert BASIC_EDUCATION_ACT.name("sv") == "Lag om grundläggande utbildning"
    assert BASIC_EDUCATION_ACT.cited_name("sv") == "Lagen om grundläggande utbildning"


def test_an_unknown_id_names_the_known_ones() -> None:
    with pytest.raises(KeyError, match="basic_education_act_26"):
        provision("basic_education_act_99")


def test_a_mistyped_act_number_is_refused() -> None:
    with pytest.raises(ValueError, match="not a statute number"):
        Act(number="628-1998", name_fi="Perusopetuslaki", name_sv="Lag", cited_name_sv="Lagen")
