"""The authors' guide: the same pages in Finnish and Swedish, a field reference generated from
the schema, and each language building as an MkDocs project of its own in strict mode."""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.authoring.field_reference import FIELD_REFERENCE_FILE, render_field_reference
from generator.authoring.schema import playbook_schema
from generator.cli.main import _parser
from generator.plan.markdown_text import escape_markdown
from generator.portal.guide import GUIDE_PAGES, guide_pages
from generator.project import AUTHORS_GUIDE

GUIDE = AUTHORS_GUIDE
LANGUAGES = ("fi", "sv")
_LINK = re.compile(r"\]\(([^)\s]+)\)")
_HEADING_ID = re.compile(r"^#+ .*\{#([a-z0-9-]+)\}\s*$", re.MULTILINE)
# Sweden's terms that Finland-Swedish does not use for these things.
_SWEDEN_TERMS = ("ogiltig frånvaro", "huvudman", "mentor", "elevhälsoteam")


def _written(language: str) -> list[str]:
    return sorted(path.name for path in (GUIDE / language).glob("*.md"))


def test_both_languages_have_the_same_pages_and_the_reference_is_not_committed() -> None:
    expected = sorted(name for name in GUIDE_PAGES if name != FIELD_REFERENCE_FILE)
    assert _written("fi") == _written("sv") == expected
    assert not any(GUIDE.rglob(FIELD_REFERENCE_FILE))


@pytest.mark.parametrize("name", [n for n in GUIDE_PAGES if n != FIELD_REFERENCE_FILE])
def test_page_pairs_have_the_same_sections(name: str) -> None:
    finnish, swedish = ((GUIDE / lang / name).read_text(encoding="utf-8") for lang in LANGUAGES)
    assert _HEADING_ID.findall(finnish) == _HEADING_ID.findall(swedish)
    assert finnish.count("```") == swedish.count("```")


@pytest.mark.parametrize("language", LANGUAGES)
def test_links_stay_inside_the_guide_and_commands_exist(language: str) -> None:
    commands = set(
        next(a for a in _parser()._actions if isinstance(a, argparse._SubParsersAction)).choices
    )
    for page in guide_pages(GUIDE, language):
        for target in _LINK.findall(page.markdown):
            assert not target.startswith(("http:", "https:", "/", "..")), (page.path, target)
            assert target.split("#")[0] in GUIDE_PAGES or target.startswith("#"), target
        for command in re.findall(r"`sky ([a-z]+)", page.markdown):
            assert command in commands, (page.path, command)


def test_swedish_is_finland_swedish() -> None:
    for path in (GUIDE / "sv").glob("*.md"):
        text = path.read_text(encoding="utf-8").lower()
        assert [term for term in _SWEDEN_TERMS if term in text] == [], path.name


def _keys(properties: dict[str, object], prefix: str = "") -> list[str]:
    return [f"{prefix}{name}" for name in properties]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_field_reference_has_every_key_with_its_explanation(language: str) -> None:
    reference = render_field_reference(language)
    schema = playbook_schema()
    for section, definition in schema["$defs"].items():
        if section in {"LocalText", "Playbook"}:
            continue
        for name, prop in definition.get("properties", {}).items():
            assert f".{name}` |" in reference, (section, name)
            words = prop["description"].split(" — ")[0 if language == "fi" else 1]
            assert f"| {escape_markdown(words)}" in reference, (section, name)
    assert "| `stages[].threshold.hours` |" in reference
    assert "| `class_teacher` | Luokanopettaja tai luokanohjaaja |" in reference


def _mkdocs_project(folder: Path, language: str) -> Path:
    docs = folder / "docs"
    for page in guide_pages(GUIDE, language):
        (docs / page.path).parent.mkdir(parents=True, exist_ok=True)
        (docs / page.path).write_text(page.markdown, encoding="utf-8")
    config = {
        "site_name": "Opas" if language == "fi" else "Handledning",
        "docs_dir": "docs",
        "site_dir": "site",
        "strict": True,
        "theme": {"name": "material", "language": language, "font": False},
        "nav": list(GUIDE_PAGES),
        "markdown_extensions": ["toc", "attr_list", "admonition", "tables", "def_list"],
        "validation": {
            "nav": {"omitted_files": "warn", "not_found": "warn"},
            "links": {"not_found": "warn", "anchors": "warn", "unrecognized_links": "warn"},
        },
    }
    (folder / "mkdocs.yml").write_text(json.dumps(config), encoding="utf-8")
    return folder / "mkdocs.yml"


@pytest.mark.slow
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_guide_builds_in_strict_mode(tmp_path: Path, language: str) -> None:
    config = _mkdocs_project(tmp_path, language)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    fields = (tmp_path / "site" / "fields" / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(fields, "html.parser")
    title = "Kenttäviittaus" if language == "fi" else "Fältreferens"
    assert soup.h1 is not None and soup.h1.get_text() == title
    keys = [code.get_text() for code in soup.select("table td:first-child code")]
    assert "history[].effective_from" in keys and "municipality.site_url" in keys
    writing = (tmp_path / "site" / "writing" / "index.html").read_text(encoding="utf-8")
    assert 'href="../fields/#national-roles"' in writing
