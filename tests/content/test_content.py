"""The national content: both languages say the same things in the same shape."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import REPO
from generator.content.national import load_content
from generator.project import AUTHORS_GUIDE, NATIONAL_CONTENT

CONTENT = NATIONAL_CONTENT
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
        assert 4000 <= words <= 8000, (language, words)


# Plain language on the guardian and pupil pages: sentences measured in words.
PLAIN_PAGES = ("guardians.md", "pupils.md")
LANGUAGES = ("fi", "sv")
_ABBREVIATIONS = (
    "esim.",
    "mm.",
    "ym.",
    "yms.",
    "ns.",
    "ks.",
    "jne.",
    "klo.",
    "n.",
    "s.",
    "t.",
    "vrt.",
    "fr.o.m.",
    "t.o.m.",
    "t.ex.",
    "bl.a.",
    "m.m.",
    "o.s.v.",
    "osv.",
    "ca.",
    "kl.",
    "s.k.",
    "resp.",
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[^\s])")
_WORD = re.compile(r"\S*\w\S*")


def _plain_text_lines(markdown: str) -> list[str]:
    """The page's text without Markdown markup: each heading, list item and paragraph is one
    line, link targets and heading ids are dropped."""
    markdown = re.sub(r"```.*?```", "", markdown, flags=re.DOTALL)
    lines: list[str] = []
    paragraph: list[str] = []
    for raw in markdown.splitlines():
        line = raw.strip()
        block = re.match(r"^(#{1,6} |[-*+] |\d+\. |\|)", line)
        if not line or block:
            if paragraph:
                lines.append(" ".join(paragraph))
                paragraph = []
            if block and not line.startswith("|"):
                lines.append(line[block.end() :])
            elif line.startswith("|") and not re.fullmatch(r"[|\s:-]+", line):
                lines.extend(cell for cell in line.strip("|").split("|"))
            continue
        paragraph.append(line)
    if paragraph:
        lines.append(" ".join(paragraph))
    cleaned = []
    for line in lines:
        line = re.sub(r"\{#[a-z0-9-]+\}", "", line)
        line = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", line)
        line = re.sub(r"[*_`]+", "", line)
        if line.strip():
            cleaned.append(line.strip())
    return cleaned


def _sentences(markdown: str) -> list[str]:
    sentences: list[str] = []
    for line in _plain_text_lines(markdown):
        protected = line
        for abbreviation in sorted(_ABBREVIATIONS, key=len, reverse=True):
            protected = re.sub(
                rf"(?<!\w){re.escape(abbreviation)}",
                lambda match: match.group(0).replace(".", "\0"),
                protected,
                flags=re.IGNORECASE,
            )
        for sentence in _SENTENCE_END.split(protected):
            if _WORD.search(sentence):
                sentences.append(sentence.replace("\0", "."))
    return sentences


def _words(sentence: str) -> int:
    return len(_WORD.findall(sentence))


def test_the_sentence_splitter_knows_abbreviations_dates_and_lists() -> None:
    text = "# Otsikko {#id}\n\nEsim. Wilma toimii 1.8.2023 alkaen. Toinen lause!\n\n- kohta [linkki](https://a.b/c.d)\n"
    assert _sentences(text) == [
        "Otsikko",
        "Esim. Wilma toimii 1.8.2023 alkaen.",
        "Toinen lause!",
        "kohta linkki",
    ]
    assert _sentences("Gäller fr.o.m. 1.8.2023. Sedan t.ex. Wilma.") == [
        "Gäller fr.o.m. 1.8.2023.",
        "Sedan t.ex. Wilma.",
    ]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", PLAIN_PAGES)
def test_guardian_and_pupil_pages_are_plain_language(language: str, name: str) -> None:
    sentences = _sentences((CONTENT / language / name).read_text(encoding="utf-8"))
    lengths = [_words(sentence) for sentence in sentences]
    average = sum(lengths) / len(lengths)
    too_long = [sentence for sentence in sentences if _words(sentence) > 20]
    assert too_long == [], too_long
    assert average <= 12, (language, name, round(average, 1))


def _rejected(language: str) -> list[str]:
    glossary = load_content(CONTENT).glossary
    return [variant for term in glossary.terms for variant in term.text(language).reject]


def _whole_word(variant: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(variant)}(?!\w)", re.IGNORECASE)


def test_rejected_variants_match_whole_words_only() -> None:
    assert _whole_word("giltig frånvaro").search("ogiltig frånvaro") is None
    assert _whole_word("giltig frånvaro").search("Giltig frånvaro följs upp.") is not None
    assert _whole_word("koulukuraattori").search("Koulukuraattori auttaa") is not None
    assert _whole_word("kuraattori").search("koulukuraattori") is None


def test_the_glossary_rejects_the_known_bad_variants() -> None:
    assert {"koulukuraattori", "kouluterveydenhoitaja", "koulupsykologi", "yleinen tuki"} <= set(
        _rejected("fi")
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_content_and_guide_use_no_rejected_variant(language: str) -> None:
    pages = sorted((CONTENT / language).glob("*.md")) + sorted(
        (AUTHORS_GUIDE / language).glob("*.md")
    )
    found = [
        (page.relative_to(REPO).as_posix(), variant)
        for variant in _rejected(language)
        for page in pages
        if _whole_word(variant).search(page.read_text(encoding="utf-8"))
    ]
    assert found == []


def _section(markdown: str, anchor: str) -> str | None:
    match = re.search(
        rf"^## .*\{{#{anchor}\}}[ \t]*$(.*?)(?=^#{{1,2}} |\Z)", markdown, re.MULTILINE | re.DOTALL
    )
    return match.group(1) if match else None


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_guardian_page_has_an_easy_to_read_summary(language: str) -> None:
    markdown = (CONTENT / language / "guardians.md").read_text(encoding="utf-8")
    section = _section(markdown, "easy-to-read")
    assert section is not None and section.strip(), "## ... {#easy-to-read} is missing"
    assert len(re.findall(r"\w+", section)) <= 150
    assert _outline(CONTENT / language / "guardians.md")[1] == (2, "easy-to-read"), "first section"
