"""One concept, one name: no rejected variant of a glossary term appears in what readers see.

``content/glossary.yml`` lists per language the variants a term replaces (``reject:``). They are
searched as whole words, case-insensitively, in the national content, the authors' guide, the
page and print templates, the catalogues, the national role names and the shipped examples;
each language's rejects only in that language's text. The national role names are the
glossary's preferred terms.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from babel.messages.pofile import read_po

from conftest import REPO
from generator.messages import catalogue
from generator.playbook.roles import NATIONAL_ROLES, national_role_name
from generator.playbook.yamlsource import read_yaml
from generator.project import AUTHORS_GUIDE, NATIONAL_CONTENT

LANGUAGES = ("fi", "sv")
GLOSSARY: list[dict[str, Any]] = read_yaml(NATIONAL_CONTENT / "glossary.yml").data["terms"]
TEMPLATES = [
    *sorted((REPO / "generator" / "plan" / "templates").glob("*.j2")),
    *sorted((REPO / "generator" / "portal" / "templates").glob("*.j2")),
    REPO / "generator" / "printout" / "templates" / "print.typ",
    REPO / "generator" / "printout" / "print_data.py",
]


def _rejected(language: str) -> re.Pattern[str]:
    variants = sorted(
        {variant for term in GLOSSARY for variant in term[language].get("reject", [])},
        key=len,
        reverse=True,
    )
    assert variants, f"the glossary rejects no {language} variant"
    words = "|".join(re.escape(variant) for variant in variants)
    return re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.IGNORECASE)


REJECTED = {language: _rejected(language) for language in LANGUAGES}


def _yaml_texts(value: object, language: str, inside: bool = False) -> Iterator[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _yaml_texts(item, language, inside or key == language)
    elif isinstance(value, list):
        for item in value:
            yield from _yaml_texts(item, language, inside)
    elif isinstance(value, str) and inside:
        yield value


def _texts(language: str) -> Iterator[tuple[str, str]]:
    """(where, text) of everything written in ``language``."""
    for folder in (NATIONAL_CONTENT, AUTHORS_GUIDE):
        for path in sorted((folder / language).rglob("*.md")):
            yield str(path.relative_to(REPO)), path.read_text(encoding="utf-8")
    for path in TEMPLATES:  # both languages side by side
        yield str(path.relative_to(REPO)), path.read_text(encoding="utf-8")
    with catalogue.po_path(language).open("rb") as file:
        for message in read_po(file):
            if message.id and message.string:
                yield f"{language}/sky.po: {message.id}", str(message.string)
    for role_id in NATIONAL_ROLES:
        yield f"roles.py: {role_id}", national_role_name(role_id, language)
    for path in sorted((REPO / "playbooks").glob("*.yml")):
        for text in _yaml_texts(read_yaml(path).data, language):
            yield str(path.relative_to(REPO)), text


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_rejected_variant_is_used(language: str) -> None:
    found = [
        f"{where}: {match.group(0)!r}"
        for where, text in _texts(language)
        for match in REJECTED[language].finditer(text)
    ]
    assert found == []


def test_matching_respects_word_boundaries() -> None:
    assert REJECTED["sv"].search("Frånvaron är ogiltig frånvaro.")
    assert not REJECTED["sv"].search("Frånvaron är giltig frånvaro.")
    assert REJECTED["fi"].search("Soita Koulukuraattorille.")
    assert not REJECTED["fi"].search("Soita kuraattorille.")


# National roles with a glossary entry of their own (the class teacher's name joins two terms).
ROLE_TERMS = {
    "pupil": "pupil",
    "guardian": "guardian",
    "subject_teacher": "subject-teacher",
    "special_needs_teacher": "special-needs-teacher",
    "guidance_counsellor": "guidance-counsellor",
    "principal": "principal",
    "school_social_worker": "school-social-worker",
    "school_psychologist": "school-psychologist",
    "school_nurse": "school-nurse",
    "expert_group": "expert-group",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_national_role_names_are_the_glossary_terms(language: str) -> None:
    terms = {term["id"]: term[language]["term"] for term in GLOSSARY}
    for role_id, term_id in ROLE_TERMS.items():
        term = terms[term_id]
        assert national_role_name(role_id, language) == term[:1].upper() + term[1:], role_id
    class_teacher, form_teacher = terms["class-teacher"], terms["form-teacher"]
    joined = "tai" if language == "fi" else "eller"
    assert national_role_name("class_teacher", language) == (
        f"{class_teacher[:1].upper()}{class_teacher[1:]} {joined} {form_teacher}"
    )
