"""The page templates hold no words of their own: every word comes from the catalogues.

A sentence written into a template exists in one language only, or in two branches that drift
apart; in the catalogues it is one entry with a text in each language (tests/test_catalogue.py).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import vary, write_playbook
from generator.content.national import load_content
from generator.plan.merge import plan_site
from generator.playbook.loader import load_playbook
from generator.project import NATIONAL_CONTENT
from generator.templating import template_folder

# Every Markdown template of the sites and the portal (a new one must be added here).
PAGE_TEMPLATES = (
    "pages/_macros.md.j2",
    "pages/about.md.j2",
    "pages/accessibility.md.j2",
    "pages/calculator.md.j2",
    "pages/changes.md.j2",
    "pages/contacts.md.j2",
    "pages/downloads.md.j2",
    "pages/glossary.md.j2",
    "pages/guardians.md.j2",
    "pages/index.md.j2",
    "pages/ladder.md.j2",
    "pages/stage.md.j2",
    "pages/teachers.md.j2",
    "portal/compare.md.j2",
    "portal/data.md.j2",
    "portal/index.md.j2",
    "portal/municipalities.md.j2",
)

_LANGUAGE_BRANCH = re.compile(r"\blang\s*[!=]=")
_COMMENT = re.compile(r"\{##.*?##\}", re.DOTALL)
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)
_STRING_LITERAL = re.compile(r"\"[^\"]*\"|'[^']*'")
# What is left outside Jinja that is Markdown or HTML syntax, not words: heading ids {#id},
# link targets (…), inline code `…` and HTML tags with their attributes.
_SYNTAX = re.compile(r"\{#[^}]*\}|\]\([^)]*\)|`[^`]*`|<[^>]*>")
_THREE_WORDS = re.compile(r"[^\W\d_]+(?:[ \t]+[^\W\d_]+){2,}")


def words_in_template(source: str) -> list[str]:
    """Language branches and runs of three or more words a template writes itself."""
    found = [match.group() for match in _LANGUAGE_BRANCH.finditer(source)]
    source = _COMMENT.sub(" ", source)
    for block in _JINJA.findall(source):
        for literal in _STRING_LITERAL.findall(block):
            found += _THREE_WORDS.findall(literal)
    outside = _SYNTAX.sub(" ", _JINJA.sub(" ", source))
    return found + _THREE_WORDS.findall(outside)


def _path(name: str) -> Path:
    prefix, file = name.split("/")
    return template_folder(prefix) / file


def test_every_page_template_is_checked() -> None:
    present = {
        f"{prefix}/{path.name}"
        for prefix in ("pages", "portal")
        for path in template_folder(prefix).glob("*.md.j2")
    }
    assert present == set(PAGE_TEMPLATES)


@pytest.mark.parametrize("name", PAGE_TEMPLATES)
def test_a_page_template_has_no_words_of_its_own(name: str) -> None:
    assert words_in_template(_path(name).read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    ("source", "found"),
    [
        ('{% if lang == "fi" %}Hei{% else %}Hej{% endif %}', ["lang =="]),
        ("{{ ('Kunta' if lang == 'fi' else 'Kommun') | h }}", ["lang =="]),
        ('{% if lang != "sv" %}{% endif %}', ["lang !="]),
        (
            '{{ link("Kansallinen malli huoltajille", "sky/guardians.md") }}',
            ["Kansallinen malli huoltajille"],
        ),
        ("Laskuri tarvitsee JavaScriptin. Portaat", ["Laskuri tarvitsee JavaScriptin"]),
        ('!!! info "Lukuja ei lähetetä"', ["Lukuja ei lähetetä"]),
        ('<p class="x">Räknaren behöver JavaScript.</p>', ["Räknaren behöver JavaScript"]),
        ("- [Avoin data](data.md): samat tiedot JSON", ["samat tiedot JSON"]),
        ("| **{{ t('provider') }}** | {{ lt(pb.municipality.provider) }} |", []),
        ("## {{ t('about.basis_heading') }} {#basis-of-the-rules}", []),
        ('<div class="sky-checklist sky-wide" markdown>', []),
        ("{## The playbook's own pages, with 'quoted' words. ##}", []),
        ("| `{{ name | safe }}` | `format version of file` |", []),
        ("| **{{ t('toolkit_version') }}** | sky-playbooks {{ toolkit_version }} |", []),
    ],
)
def test_the_rule_finds_words_and_branches(source: str, found: list[str]) -> None:
    assert words_in_template(source) == found


def _pages(tmp_path: Path, provider: str) -> dict[str, str]:
    text = vary(
        "provider: {fi: Pikkulan kunta, sv: Småby kommun}",
        f"provider: {{fi: '{provider}', sv: '{provider}'}}",
    )
    playbook = load_playbook(write_playbook(tmp_path, text))
    plan = plan_site(playbook, load_content(NATIONAL_CONTENT))
    return {
        f"{site.language}/{page.path}": page.markdown for site in plan.sites for page in site.pages
    }


def test_a_catalogue_sentence_keeps_its_markdown_and_escapes_the_playbook_value_once(
    tmp_path: Path,
) -> None:
    pages = _pages(tmp_path, "Kunta *7* <b>")
    assert (
        "Näissä pelisäännöissä Kunta \\*7\\* &lt;b&gt; kertoo, miten poissaoloja "
        "ennaltaehkäistään, seurataan ja miten niihin puututaan käytännössä. Pelisäännöt "
        "perustuvat kansalliseen [sitouttavan kouluyhteisötyön malliin](sky/index.md) ja "
        "[lainsäädäntöön](sky/law.md)."
    ) in pages["fi/about.md"]
    assert (
        "I de här spelreglerna beskriver Kunta \\*7\\* &lt;b&gt; hur frånvaro i praktiken"
    ) in pages["sv/about.md"]
    assert (
        "Kerro siitä meille sähköpostilla: [palaute@pikkula\\.example]"
        "(mailto:palaute@pikkula.example). Palautteen käsittelee Kunta \\*7\\* &lt;b&gt;."
    ) in pages["fi/accessibility.md"]
    everything = "".join(pages.values())
    assert "<b>" not in everything and "&amp;lt;" not in everything
    assert "\\\\*" not in everything


def test_a_plain_catalogue_text_is_escaped_like_any_value(tmp_path: Path) -> None:
    pages = _pages(tmp_path, "Pikkulan kunta")
    assert "## Saavutettavuuden tila {#status}" in pages["fi/accessibility.md"]
    assert "- [PDF\\-tiedosto: " in pages["fi/downloads.md"]
