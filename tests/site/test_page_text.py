"""The words readers see on every built page of the shipped examples and the portal."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

DOUBLED_BRACKETS = re.compile(r".{0,40}(?:\(\(|\)\)).{0,20}")


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
