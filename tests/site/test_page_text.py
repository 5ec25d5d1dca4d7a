"""The words readers see on every built page of the shipped examples and the portal."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import EXAMPLES
from generator.playbook.roles import NATIONAL_ROLES

DOUBLED_BRACKETS = re.compile(r".{0,40}(?:\(\(|\)\)).{0,20}")
# A national role's name with a capital after a word in lower case: mid-sentence, where a
# common noun is written in lower case ("ota yhteyttä rehtoriin", never "Rehtoriin").
_ROLE_NAMES = sorted({name for names in NATIONAL_ROLES.values() for name in names}, key=len)
CAPITALISED_ROLE = re.compile(
    r"[a-zåäö,;] (?:" + "|".join(re.escape(name) for name in reversed(_ROLE_NAMES)) + r")\b"
)
# The pages of the home, the decision and its versions, the statement and the glossary, and
# the portal's own pages (the other pages are checked with their templates).
SENTENCE_PAGES = ("", "about/", "changes/", "accessibility/", "sky/glossary/")
PORTAL_SENTENCE_PAGES = ("", "municipalities/", "compare/", "data/", "accessibility/")


def visible_text(page: Path) -> str:
    """The text of a page as shown: no scripts, styles or templates, whitespace collapsed."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    for hidden in soup(["script", "style", "template", "noscript"]):
        hidden.decompose()
    return " ".join(soup.get_text(" ").split())


def published_pages(out: Path) -> list[Path]:
    """Every HTML page published in an output folder (not the kept or staged versions)."""
    return [
        page
        for page in sorted(out.rglob("*.html"))
        if not any(part.startswith(".") for part in page.relative_to(out).parts)
    ]


def sentences(page: Path) -> list[str]:
    """The running text of a page's article: each paragraph, list item and definition."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article")
    assert article is not None, page
    for nested in article.select("li ul, li ol, script"):
        nested.decompose()
    return [" ".join(part.get_text(" ").split()) for part in article.select("p, li, dd")]


def test_a_capitalised_role_mid_sentence_is_found() -> None:
    assert CAPITALISED_ROLE.findall(
        "Ota yhteyttä: Rehtori, Kuraattori ja Luokanopettaja tai luokanohjaaja"
    ) == [", Kuraattori", "a Luokanopettaja tai luokanohjaaja"]
    assert CAPITALISED_ROLE.findall("Rehtori päättää. Kuraattori auttaa.") == []


def test_visible_text_is_found_and_brackets_are_found_in_it(tmp_path: Path) -> None:
    page = tmp_path / "index.html"
    page.write_text(
        "<html><body><script>f((1))</script><p>kl. 8–15 (palvelu (suomeksi))</p></body></html>",
        encoding="utf-8",
    )

    assert visible_text(page) == "kl. 8–15 (palvelu (suomeksi))"
    assert DOUBLED_BRACKETS.findall(visible_text(page)) == ["kl. 8–15 (palvelu (suomeksi))"]


@pytest.mark.slow
def test_no_page_shows_doubled_brackets(example_sites: Path) -> None:
    pages = published_pages(example_sites)
    found = {
        page.relative_to(example_sites).as_posix(): DOUBLED_BRACKETS.findall(visible_text(page))
        for page in pages
    }

    assert len(pages) > 200
    assert {page: hits for page, hits in found.items() if hits} == {}


@pytest.mark.slow
def test_role_names_are_lower_case_in_running_text(example_sites: Path) -> None:
    pages = [
        example_sites / slug / language / address / "index.html"
        for slug in EXAMPLES
        for language in ("fi", "sv")
        for address in SENTENCE_PAGES
    ] + [
        example_sites / language / address / "index.html"
        for language in ("fi", "sv")
        for address in PORTAL_SENTENCE_PAGES
    ]
    found = {
        page.relative_to(example_sites).as_posix(): [
            sentence for sentence in sentences(page) if CAPITALISED_ROLE.search(sentence)
        ]
        for page in pages
    }

    assert {page: hits for page, hits in found.items() if hits} == {}
