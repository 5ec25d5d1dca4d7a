"""axe-core in Chromium over every kind of page, in both languages: no WCAG 2.0/2.1 A or AA
violation, and the language of the page (and of every passage in another language) declared.

Each page is checked as a reader sees it: the search with results on screen, the 404 page as
a host serves it for an unknown address, the calculator empty, with a result and with errors.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Page

from conftest import EXAMPLES, REPO
from generator.playbook.loader import load_playbook
from support.browser import describe_violations, run_axe, serve_site

pytestmark = pytest.mark.slow

LANGUAGES = ("fi", "sv")
SEARCH_WORDS = {"fi": "poissaolo", "sv": "frånvaro"}
# Other languages a page may quote: the glossary gives each term in English too.
QUOTED_LANGUAGES = {"fi", "sv", "en"}

MUNICIPAL_PAGES = {
    "home": "",
    "ladder": "ladder/",
    "stage": "stages/{stage}/",
    "guardians": "guardians/",
    "teachers": "teachers/",
    "contacts": "contacts/",
    "calculator": "calculator/",
    "calculator-result": "calculator/",
    "calculator-errors": "calculator/",
    "search": "?q={search}",
    "404": "no-such-page/",
    "downloads": "downloads/",
    "statement": "accessibility/",
    "about": "about/",
    "national": "sky/",
    "glossary": "sky/glossary/",
}
PORTAL_PAGES = {
    "home": "",
    "municipalities": "municipalities/",
    "compare": "compare/",
    "data": "data/",
    "search": "?q={search}",
    "404": "no-such-page/",
}


@pytest.fixture(scope="module")
def portal_url(example_sites: Path) -> Iterator[str]:
    """The national portal, at the root of the output folder beside the municipal sites."""
    with serve_site(example_sites) as url:
        yield url


def _first_stage(slug: str) -> str:
    return load_playbook(REPO / "playbooks" / f"{slug}.yml").playbook.stages[0].id


def _open(page: Page, url: str, kind: str, language: str) -> None:
    response = page.goto(url)
    assert response is not None
    assert response.status == (404 if kind == "404" else 200), url
    if kind == "search":
        # Material opens the search with the query of ?q= and lists what it found.
        page.wait_for_selector(".md-search-result__item")
        assert page.input_value(".md-search__input") == SEARCH_WORDS[language]
    elif kind == "calculator-result":
        # The chosen ladder's fields are the visible ones: its counts and, if it has them, the
        # school hours of the same window.
        for field in page.locator("#sky-calculator input[id*='-amount']:visible").all():
            field.fill("12,5")
        school = page.locator("#sky-calculator input[id$='-school']:visible")
        if school.count():
            school.first.fill("100")
        for radio in page.locator('input[name="sky-calc-grades"]').all()[:1]:
            radio.check()
        page.click("#sky-calculator button[type=submit]")
        assert page.get_attribute("#sky-calc-result", "data-state") == "result"
    elif kind == "calculator-errors":
        page.locator("#sky-calculator input[id$='-amount']:visible").first.fill("-1")
        school = page.locator("#sky-calculator input[id$='-school']:visible")
        if school.count():
            school.first.fill("x")
        page.click("#sky-calculator button[type=submit]")
        assert page.get_attribute("#sky-calc-result", "data-state") == "error"


def _check(page: Page, language: str) -> None:
    assert page.evaluate("document.documentElement.lang") == language
    quoted = page.evaluate("[...document.body.querySelectorAll('[lang]')].map(e => e.lang)")
    assert set(quoted) <= QUOTED_LANGUAGES, quoted
    for link in page.locator("a.md-select__link").all():
        assert link.get_attribute("lang") == link.get_attribute("hreflang")
    violations = run_axe(page)
    assert violations == [], describe_violations(violations)


@pytest.mark.browser
@pytest.mark.parametrize("kind", MUNICIPAL_PAGES)
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("slug", EXAMPLES)
def test_municipal_pages_have_no_violations(
    page: Page, site_urls: dict[str, str], slug: str, language: str, kind: str
) -> None:
    path = MUNICIPAL_PAGES[kind].format(stage=_first_stage(slug), search=SEARCH_WORDS[language])
    _open(page, f"{site_urls[slug]}{language}/{path}", kind, language)
    _check(page, language)


@pytest.mark.browser
@pytest.mark.parametrize("kind", PORTAL_PAGES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_portal_pages_have_no_violations(
    page: Page, portal_url: str, language: str, kind: str
) -> None:
    path = PORTAL_PAGES[kind].format(search=SEARCH_WORDS[language])
    _open(page, f"{portal_url}{language}/{path}", kind, language)
    _check(page, language)


@pytest.mark.browser
def test_glossary_marks_the_terms_in_other_languages(page: Page, site_urls: dict[str, str]) -> None:
    page.goto(f"{site_urls['rantala']}fi/sky/glossary/")
    terms = page.locator("article dt").count()
    assert terms > 20
    assert page.locator("article dt span[lang=sv]").count() == terms
    assert page.locator("article dt span[lang=en]").count() == terms


@pytest.mark.browser
def test_axe_finds_what_it_is_run_for(page: Page, site_urls: dict[str, str]) -> None:
    """The check can fail: an unlabelled field and low contrast on a real page are reported."""
    page.goto(f"{site_urls['rantala']}fi/")
    page.evaluate(
        """() => {
        const main = document.querySelector('article');
        main.insertAdjacentHTML('beforeend',
          '<input type="text"><p style="color:#bbb;background:#fff">Heikko kontrasti</p>');
    }"""
    )
    assert {violation["id"] for violation in run_axe(page)} == {"label", "color-contrast"}


def test_every_page_links_to_the_accessibility_statement(example_sites: Path) -> None:
    for slug in EXAMPLES:
        for language in LANGUAGES:
            root = example_sites / slug / language
            pages = sorted(root.rglob("*.html"))
            assert len(pages) > 25
            for path in pages:
                soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
                link = soup.select_one("footer a.sky-footer__link")
                assert link is not None, path
                title = "Saavutettavuusseloste" if language == "fi" else "Tillgänglighetsutlåtande"
                assert link.get_text(strip=True) == title
                href = str(link["href"])
                target = (path.parent / href / "index.html").resolve()
                if href.startswith("/"):  # the 404 page links from the host's root
                    target = example_sites / slug / href.lstrip("/") / "index.html"
                assert target == (root / "accessibility" / "index.html").resolve(), (path, href)


def _statement(example_sites: Path, slug: str, language: str) -> list[str]:
    path = example_sites / slug / language / "accessibility" / "index.html"
    article = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one("article")
    assert article is not None
    return [
        " ".join(element.get_text(" ", strip=True).split())
        for element in article.select("h1, h2, h3, p, li")
    ]


def test_statement_says_what_the_law_asks_in_finnish(example_sites: Path) -> None:
    text = _statement(example_sites, "rantala", "fi")
    assert text[0] == "Saavutettavuusseloste"
    assert (
        "Sivusto täyttää saavutettavuusvaatimukset osittain. Puutteet ja niiden syyt on kerrottu alla."
        in text
    )
    assert "1. WCAG 2.1 -kriteeri 1.4.5" in text
    assert (
        "Puute: Vanha loma-anomuslomake on skannattu PDF-tiedosto. Sen teksti on kuvaa, jota "
        "ruudunlukija ei pysty lukemaan."
    ) in text
    assert any(line.startswith("Syy ja vaihtoehto: Lomake korvataan Wilman") for line in text)
    assert "Seloste on laadittu 20.8.2026." in text
    assert "Selostetta on päivitetty viimeksi 5.10.2026." in text
    assert "Seloste perustuu itsearviointiin." in text
    assert any(
        "saavutettavuus@rantala.example" in line and line.endswith("Vastaamme 14 päivän kuluessa.")
        for line in text
    )
    assert text[-1].startswith("Jos et ole tyytyväinen saamaasi vastaukseen")
    assert text[-1].endswith("saavutettavuusvaatimukset.fi .")


def test_statement_says_what_the_law_asks_in_swedish(example_sites: Path) -> None:
    text = _statement(example_sites, "fjardskar", "sv")
    assert text[0] == "Tillgänglighetsutlåtande"
    assert (
        "Webbplatsen uppfyller tillgänglighetskraven. Vi känner inte till några brister i "
        "webbplatsens tillgänglighet."
    ) in text
    assert "Utlåtandet har upprättats den 15.9.2026." in text
    assert "Utlåtandet har senast uppdaterats den 15.9.2026." in text
    assert "Utlåtandet bygger på en bedömning som en extern expert har gjort." in text
    assert any(line.endswith("Vi svarar inom 14 dagar.") for line in text)
    path = example_sites / "fjardskar" / "sv" / "accessibility" / "index.html"
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    assert [a["href"] for a in soup.select("#supervisory-authority ~ p a")] == [
        "https://www.tillganglighetskrav.fi/"
    ]
    assert soup.select_one("a[href^=mailto]")["href"] == "mailto:tillganglighet@fjardskar.example"  # type: ignore[index]
