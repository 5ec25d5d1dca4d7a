"""The generated Markdown pages, compared with reviewed golden files.

After an intended change, rewrite them with ``scripts/update-goldens`` and review the difference
before committing; the test itself only compares.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURES, vary, write_playbook
from generator.content.national import load_content
from generator.plan.markdown_text import escape_markdown, escape_paragraphs
from generator.plan.merge import NATIONAL_DIR, plan_site
from generator.playbook.loader import load_playbook
from generator.project import NATIONAL_CONTENT
from support.golden import generated_pages, golden_pages


def test_generated_pages_match_golden_files() -> None:
    pages, expected = generated_pages(), golden_pages()
    assert sorted(pages) == sorted(expected), "pages were added or removed: scripts/update-goldens"
    for name, markdown in pages.items():
        assert markdown == expected[name], f"{name} differs from its golden file"


def test_national_pages_are_included_unchanged() -> None:
    plan = plan_site(load_playbook(FIXTURES / "pikkula.yml"), load_content(NATIONAL_CONTENT))
    for site in plan.sites:
        pages = {page.path: page.markdown for page in site.pages}
        source = NATIONAL_CONTENT / site.language / "tier-2.md"
        assert pages[f"{NATIONAL_DIR}/tier-2.md"] == source.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "markdown"),
    [
        ("<script>alert(1)</script>", "&lt;script&gt;alert\\(1\\)&lt;/script&gt;"),
        ("[x](javascript:alert(1))", "\\[x\\]\\(javascript:alert\\(1\\)\\)"),
        (
            "**bold** _i_ `c` # h | p {: .x}",
            "\\*\\*bold\\*\\* \\_i\\_ \\`c\\` \\# h \\| p \\{: \\.x\\}",
        ),
        ("{{ 7*7 }}", "\\{\\{ 7\\*7 \\}\\}"),
        ("rivi\ntoinen  rivi", "rivi toinen rivi"),
        ("1. kohta", "1\\. kohta"),
        ("A & B", "A &amp; B"),
    ],
)
def test_playbook_text_is_escaped_for_markdown(text: str, markdown: str) -> None:
    assert escape_markdown(text) == markdown


def test_paragraphs_keep_the_authors_breaks() -> None:
    assert escape_paragraphs("Yksi.\nKaksi <b>.") == "Yksi\\.\n\nKaksi &lt;b&gt;\\."


def test_threshold_and_deadline_wording(tmp_path: Path) -> None:
    text = vary("threshold: {hours: 50}", "threshold: {hours: {grades_1_6: 12.5, grades_7_9: 40}}")
    text = vary("within_school_days: 1", "within_school_days: 0", text)
    pages = generated_pages(write_playbook(tmp_path, text))
    assert "vuosiluokat 1–6: 12,5 tuntia; vuosiluokat 7–9: 40 tuntia" in pages["fi/ladder.md"]
    assert "årskurs 1–6: 12,5 timmar; årskurs 7–9: 40 timmar" in pages["sv/ladder.md"]
    assert "| samana koulupäivänä |" in pages["fi/stages/concern.md"]
    assert "| samma skoldag |" in pages["sv/stages/concern.md"]
