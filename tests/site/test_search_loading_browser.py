"""Search loads when the reader first uses it, in Chromium: a first visit to a municipality's
home fetches no search index, no search worker and no sitemap, and at most 60 KiB in all
(gzip-compressed, as web servers send it); search still finds pages once the reader types, and
the language text link leads to the same page in the other language."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import pytest
from playwright.sync_api import Browser, Page, Response

from conftest import EXAMPLES
from support.browser import guarded_context

pytestmark = [pytest.mark.browser, pytest.mark.slow]

FIRST_VISIT_LIMIT = 60 * 1024
SEARCH_FILES = ("/search/search_index.json", "/assets/javascripts/workers/search.")


@dataclass
class Visit:
    page: Page
    responses: list[Response] = field(default_factory=list)

    def paths(self) -> list[str]:
        return [response.url.split("?")[0] for response in self.responses]

    def compressed_bytes(self) -> int:
        """What the page fetched, each file once, each counted at its gzip size (level 6)."""
        bodies = {response.url: response.body() for response in self.responses}
        return sum(len(gzip.compress(body, compresslevel=6)) for body in bodies.values())


@contextmanager
def visit(browser: Browser, **options: object) -> Iterator[Visit]:
    """A first visit: a fresh browser context (nothing cached), every response recorded."""
    guarded = guarded_context(browser, **options)
    page = guarded.context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    recorded = Visit(page)
    guarded.context.on("response", lambda response: recorded.responses.append(response))
    yield recorded
    guarded.context.close()
    assert guarded.blocked == [], f"requests to other hosts were attempted: {guarded.blocked}"
    assert errors == []


def _search_files(paths: list[str]) -> list[str]:
    return [path for path in paths if any(part in path for part in SEARCH_FILES)]


@pytest.mark.parametrize("language", ["fi", "sv"])
@pytest.mark.parametrize("slug", EXAMPLES)
def test_a_first_visit_to_the_home_page_is_light(
    browser: Browser, site_urls: dict[str, str], slug: str, language: str
) -> None:
    with visit(browser) as home:
        home.page.goto(f"{site_urls[slug]}{language}/", wait_until="networkidle")
        paths = home.paths()
        assert _search_files(paths) == []
        assert [path for path in paths if path.endswith("sitemap.xml") or "/lunr/" in path] == []
        weight = home.compressed_bytes()
        assert weight <= FIRST_VISIT_LIMIT, f"{slug} {language}: {weight:,} bytes compressed"
        # The page is the whole page all the same: its scripts and styles did load.
        assert any("/assets/javascripts/bundle." in path for path in paths)
        assert home.page.evaluate("document.documentElement.classList.contains('js')")


def test_search_loads_on_first_use_and_finds_pages(
    browser: Browser, site_urls: dict[str, str]
) -> None:
    with visit(browser) as reading:
        reading.page.goto(f"{site_urls['rantala']}fi/guardians/", wait_until="networkidle")
        assert _search_files(reading.paths()) == []
        reading.page.click(".md-search__input")
        reading.page.keyboard.type("poissaolo")
        first = reading.page.locator(".md-search-result__item").first
        first.wait_for()
        assert "oissaolo" in first.inner_text().lower()
        loaded = _search_files(reading.paths())
        assert loaded[0].endswith("/fi/search/search_index.json")
        assert any("/assets/javascripts/workers/search." in path for path in loaded)


def test_the_keyboard_shortcut_opens_search_and_loads_it(
    browser: Browser, site_urls: dict[str, str]
) -> None:
    with visit(browser) as reading:
        reading.page.goto(f"{site_urls['tervaharju']}sv/", wait_until="networkidle")
        assert _search_files(reading.paths()) == []
        reading.page.keyboard.press("/")
        assert reading.page.evaluate("document.activeElement.classList[0]") == "md-search__input"
        reading.page.keyboard.type("frånvaro")
        reading.page.locator(".md-search-result__item").first.wait_for()
        assert reading.page.is_checked("#__search")


def test_a_phone_reader_opens_search_with_the_button(
    browser: Browser, site_urls: dict[str, str]
) -> None:
    phone = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
    with visit(browser, **phone) as reading:
        reading.page.goto(f"{site_urls['fjardskar']}sv/", wait_until="networkidle")
        assert _search_files(reading.paths()) == []
        reading.page.click("header label[for=__search]")
        reading.page.keyboard.type("frånvaro")
        reading.page.locator(".md-search-result__item").first.wait_for()
        assert _search_files(reading.paths())


def test_a_search_address_opens_search_at_once(page: Page, site_urls: dict[str, str]) -> None:
    page.goto(f"{site_urls['rantala']}sv/?q=frånvaro")
    page.locator(".md-search-result__item").first.wait_for()
    assert page.input_value(".md-search__input") == "frånvaro"


def test_the_menu_drawer_opens_and_closes_on_a_phone(
    browser: Browser, site_urls: dict[str, str]
) -> None:
    phone = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
    with visit(browser, **phone) as reading:
        reading.page.goto(f"{site_urls['rantala']}fi/", wait_until="networkidle")
        drawer = reading.page.locator(".md-sidebar--primary")
        assert not reading.page.is_checked("#__drawer")
        reading.page.click("header label[for=__drawer]")
        assert reading.page.is_checked("#__drawer")
        reading.page.wait_for_function(
            "document.querySelector('.md-sidebar--primary').getBoundingClientRect().left >= 0"
        )
        assert drawer.bounding_box() is not None
        reading.page.click("label.md-overlay", position={"x": 380, "y": 400})
        assert not reading.page.is_checked("#__drawer")


def test_the_text_link_leads_to_the_same_page_in_swedish(
    page: Page, site_urls: dict[str, str]
) -> None:
    page.goto(f"{site_urls['rantala']}fi/teachers/")
    link = page.locator("header a.sky-language-link")
    assert (link.inner_text(), link.get_attribute("lang")) == ("På svenska", "sv")
    box = link.bounding_box()
    assert link.is_visible() and box is not None and box["height"] >= 24  # a finger's target
    link.click()
    page.wait_for_url("**/sv/teachers/")
    assert page.evaluate("document.documentElement.lang") == "sv"
    assert page.locator("header a.sky-language-link").inner_text() == "Suomeksi"


def test_a_search_result_page_highlights_the_words_searched_for(
    page: Page, site_urls: dict[str, str]
) -> None:
    # A search result leads to its page with ?h=; the page loads the index to mark the words.
    page.goto(f"{site_urls['rantala']}fi/guardians/?h=poissaolosta")
    marked = page.locator("article mark[data-md-highlight]").first
    marked.wait_for()
    assert marked.inner_text().lower() == "poissaolosta"
