"""The national content: both languages say the same things in the same shape."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import REPO
from generator.content import load_content

CONTENT = REPO / "content"
PAGES = sorted(p.name for p in (CONTENT / "fi").glob("*.md"))
SWEDEN_ONLY_TERMS = ("ogiltig frånvaro", "huvudman", "mentor", "elevhälsoteam", "skolsköterska")
_HEADING = re.compile(r"^(#{1,6}) +(.+?)(?: +\{#([a-z0-9-]+)\})? *$")
_LINK = re.compile(r"\]\(([^)\s]+)\)")


def _outline(path: Path) -> list[tuple[int, str | None]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [
        (len(m.group(1)), m.group(3)) for line in lines if (m := _HEADING.match(line)) is not None
    ]


def _internal_links(path: Path) -> list[str]:
    links = _LINK.findall(path.read_text(encoding="utf-8"))
    return [link for link in links if not link.startswith(("https://", "http://", "mailto:"))]


def test_the_same_pages_exist_in_both_languages() -> None:
    assert sorted(p.name for p in (CONTENT / "sv").glob("*.md")) == PAGES
    assert len(PAGES) >= 12
    load_content(CONTENT)  # no missing pages, no unknown template values, a valid glossary


@pytest.mark.parametrize("name", PAGES)
def test_page_pairs_have_the_same_headings(name: str) -> None:
    fi, sv = _outline(CONTENT / "fi" / name), _outline(CONTENT / "sv" / name)
    assert fi == sv
    assert fi[0][0] == 1 and [level for level, _ in fi].count(1) == 1, "one H1, first"
    assert all(anchor for _, anchor in fi[1:]), "every heading below the title has an {#id}"


@pytest.mark.parametrize("name", PAGES)
def test_page_pairs_have_the_same_internal_links(name: str) -> None:
    assert _internal_links(CONTENT / "fi" / name) == _internal_links(CONTENT / "sv" / name)


@pytest.mark.parametrize("name", PAGES)
def test_swedish_uses_finland_swedish_terms(name: str) -> None:
    text = (CONTENT / "sv" / name).read_text(encoding="utf-8").lower()
    assert [t for t in SWEDEN_ONLY_TERMS if re.search(rf"\b{t}", text)] == []


def _uses(text: str, stems: list[str]) -> bool:
    return any(stem.lower() in text for stem in stems)


@pytest.mark.parametrize("name", PAGES)
def test_glossary_terms_have_counterparts_in_the_paired_page(name: str) -> None:
    glossary = load_content(CONTENT).glossary
    fi = (CONTENT / "fi" / name).read_text(encoding="utf-8").lower()
    sv = (CONTENT / "sv" / name).read_text(encoding="utf-8").lower()
    one_sided = [
        term.id for term in glossary.terms if _uses(fi, term.fi.match) != _uses(sv, term.sv.match)
    ]
    assert one_sided == []


def test_glossary_covers_the_domain_terms() -> None:
    glossary = load_content(CONTENT).glossary
    ids = [term.id for term in glossary.terms]
    assert len(ids) == len(set(ids)) >= 35
    swedish = {term.sv.term for term in glossary.terms}
    assert {"olovlig frånvaro", "vårdnadshavare", "skolvägran", "välfärdsområde"} <= swedish
    for term in glossary.terms:
        assert term.fi.definition.strip() and term.sv.definition.strip(), term.id


def test_content_is_substantial_in_both_languages() -> None:
    for language in ("fi", "sv"):
        words = sum(
            len(re.findall(r"\w+", p.read_text(encoding="utf-8")))
            for p in (CONTENT / language).glob("*.md")
        )
        assert 4000 <= words <= 9000, (language, words)
