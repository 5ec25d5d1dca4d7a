"""What every page says about itself: its description, the same page in the other language (as
hreflang alternates in the head, absolute when the site's address is known, and as a text link
in the header), and the search dialog's name; and Material's markup made valid."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.site.page_head import (
    DESCRIPTION_LIMIT,
    page_description,
    shorten,
    without_checkbox_autocomplete,
)


def test_the_description_is_the_first_paragraph_that_says_something() -> None:
    content = (
        '<div class="admonition note"><p class="admonition-title">Lyhyesti</p></div>'
        '<p>Tulostettava tiedote: <a href="x.pdf">Tietoa huoltajille poissaoloista ja vapaista'
        " (PDF)</a></p>"
        "<p>Ilmoita lapsesi <strong>poissaolosta</strong> koululle samana päivänä, "
        "&quot;Wilmassa&quot; tai soittamalla &amp; kertomalla syyn.</p>"
        "<p>Toinen kappale.</p>"
    )
    assert page_description(content) == (
        'Ilmoita lapsesi poissaolosta koululle samana päivänä, "Wilmassa" tai soittamalla & '
        "kertomalla syyn."
    )


def test_a_page_of_short_paragraphs_is_described_by_its_first() -> None:
    assert page_description('<p class="admonition-title">Huom</p><p>Lyhyt.</p><p>B</p>') == (
        "Lyhyt."
    )
    assert page_description("<h1>Otsikko</h1><ul><li>kohta</li></ul>") is None


def test_a_long_text_is_cut_at_a_sentence_or_a_word() -> None:
    first = (
        "Koulu seuraa poissaoloja Wilmassa ja ottaa yhteyttä huoltajaan heti, kun niitä on"
        " kertynyt portaan rajan verran."
    )
    second = " Portaiden rajat ja toimet kerrotaan alla, jokainen omalla sivullaan ja taulukossa."
    assert shorten(first + second, DESCRIPTION_LIMIT) == first
    # A sentence that fills less than most of the room is not enough: the words that fit are.
    run_on = "Koulu seuraa poissaoloja. Portaiden rajat ja toimet" + " kerrotaan alla ja" * 10
    assert shorten(run_on, DESCRIPTION_LIMIT) == (
        "Koulu seuraa poissaoloja. Portaiden rajat ja toimet"
        + " kerrotaan alla ja" * 5
        + " kerrotaan…"
    )
    words = "Poissaolojen pelisäännöt " * 10
    cut = shorten(words, DESCRIPTION_LIMIT)
    assert cut == ("Poissaolojen pelisäännöt " * 6).strip() + "…"
    assert len(cut) <= DESCRIPTION_LIMIT
    assert shorten("Lyhyt teksti.", DESCRIPTION_LIMIT) == "Lyhyt teksti."


def test_materials_toggles_lose_the_attribute_html_does_not_allow_on_checkboxes() -> None:
    page = (
        '<body><input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" '
        'autocomplete="off">\n<input class="md-toggle" data-md-toggle="search" type="checkbox"'
        ' id="__search" autocomplete="off">\n<input type="text" class="md-search__input" '
        'autocomplete="off"></body>'
    )
    assert without_checkbox_autocomplete(page) == (
        '<body><input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">\n'
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search">\n'
        '<input type="text" class="md-search__input" autocomplete="off"></body>'
    )


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _alternates(page: BeautifulSoup) -> list[tuple[str, str]]:
    return [
        (str(link["hreflang"]), str(link["href"]))
        for link in page.select('head link[rel="alternate"][hreflang]')
    ]


@pytest.mark.slow
def test_the_head_names_the_same_page_in_each_language(example_sites: Path) -> None:
    guardians = _soup(example_sites / "rantala" / "sv" / "guardians" / "index.html")
    assert _alternates(guardians) == [
        ("fi", "https://www.rantala.example/fi/guardians/"),
        ("sv", "https://www.rantala.example/sv/guardians/"),
        ("x-default", "https://www.rantala.example/fi/guardians/"),
    ]
    # The default is the site's first language: Swedish in Fjärdskär.
    home = _soup(example_sites / "fjardskar" / "fi" / "index.html")
    assert _alternates(home) == [
        ("sv", "https://www.fjardskar.example/sv/"),
        ("fi", "https://www.fjardskar.example/fi/"),
        ("x-default", "https://www.fjardskar.example/sv/"),
    ]
    # The portal has no address of its own: search engines read only absolute alternates.
    assert _alternates(_soup(example_sites / "fi" / "index.html")) == []
    assert _soup(example_sites / "fi" / "index.html").select('link[rel="alternate"]') == []


@pytest.mark.slow
def test_every_page_has_a_description_from_its_own_text(example_sites: Path) -> None:
    for path in sorted(example_sites.rglob("*.html")):
        page = _soup(path)
        if page.select_one('meta[http-equiv="refresh"]'):
            continue  # a site's root, which sends the reader on to a language
        descriptions = [str(meta["content"]) for meta in page.select('meta[name="description"]')]
        assert len(descriptions) == 1 and 0 < len(descriptions[0]) <= DESCRIPTION_LIMIT, path
        article = page.select_one("article")
        if path.name != "404.html" and article is not None:
            assert _plain(descriptions[0].removesuffix("…")) in _plain(article.get_text(" ")), path
    home = _soup(example_sites / "rantala" / "fi" / "index.html")
    description = home.select_one('meta[name="description"]')
    assert description is not None
    assert str(description["content"]).startswith("Näillä sivuilla kerrotaan, miten Rantalan")


def _plain(text: str) -> str:
    """Text with its whitespace collapsed, and none before punctuation (where a tag stood)."""
    return re.sub(r" ([.,:;!?)])", r"\1", " ".join(text.split()))


@pytest.mark.slow
def test_the_header_links_to_the_same_page_in_the_other_language(example_sites: Path) -> None:
    finnish = _soup(example_sites / "rantala" / "fi" / "guardians" / "index.html")
    links = finnish.select("header a.sky-language-link")
    assert [(a.get_text(), a["href"], a["hreflang"], a["lang"]) for a in links] == [
        ("På svenska", "../../sv/guardians/", "sv", "sv")
    ]
    swedish = _soup(example_sites / "tervaharju" / "sv" / "index.html")
    links = swedish.select("header a.sky-language-link")
    assert [(a.get_text(), a["href"], a["hreflang"], a["lang"]) for a in links] == [
        ("Suomeksi", "../fi/", "fi", "fi")
    ]
    # The icon's selector stays beside it.
    assert len(swedish.select("header .md-select a.md-select__link")) == 2


@pytest.mark.slow
def test_the_search_dialog_has_a_name_in_the_pages_language(example_sites: Path) -> None:
    names = {"fi": "Sivuston haku", "sv": "Sökning på webbplatsen"}
    for site in ("rantala", "fjardskar", ""):
        for language, name in names.items():
            page = _soup(example_sites / site / language / "index.html")
            dialogs = page.select('.md-search[role="dialog"]')
            assert [dialog["aria-label"] for dialog in dialogs] == [name]
