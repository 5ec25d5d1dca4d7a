"""Every page of the shipped examples and the portal, laid out by Chromium at a laptop's and a
phone's width: tables fit their column, narrow screens show tables as labelled lists without
sideways scrolling, phone numbers stay on one line, titles are heavier than the text, and the
header's logo adds nothing to its link's name.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from conftest import EXAMPLES
from support.browser import guarded_context, serve_site

pytestmark = [pytest.mark.slow, pytest.mark.browser]

LANGUAGES = ("fi", "sv")
SITES = [*EXAMPLES, "portal"]
LAPTOP, PHONE = 1280, 390

# For each table: how wide its content is against the width of the column it stands in.
TABLE_WIDTHS = """() => [...document.querySelectorAll('.md-content table')].map((table, index) => {
  const column = table.closest('.md-content__inner');
  const style = getComputedStyle(column);
  const inner = column.getBoundingClientRect();
  const right = inner.right - parseFloat(style.paddingRight);
  let overflowing = null;
  for (let box = table; box && box !== column; box = box.parentElement) {
    if (box.scrollWidth > box.clientWidth + 1) { overflowing = box.tagName; break; }
  }
  return {
    index,
    right: Math.round(table.getBoundingClientRect().right),
    column_right: Math.round(right),
    overflowing,
  };
})"""

# Each body cell of every table as narrow screens show it: its display and the label before it.
STACKED_CELLS = """() => [...document.querySelectorAll('.md-content table')].flatMap(table => {
  const headers = [...table.querySelectorAll('thead th')].map(th => th.textContent.trim());
  return [...table.querySelectorAll('tbody tr')].flatMap(row =>
    [...row.children].map((cell, column) => ({
      header: headers[column] || '',
      display: getComputedStyle(cell).display,
      label: getComputedStyle(cell, '::before').content,
    })));
})"""

# Each phone link: how many line boxes it takes, its height and its line's height.
PHONE_LINKS = """() => [...document.querySelectorAll('.md-content a[href^="tel:"]')]
  .filter(link => link.getClientRects().length > 0)
  .map(link => ({
    text: link.textContent,
    lines: link.getClientRects().length,
    height: link.getBoundingClientRect().height,
    line: parseFloat(getComputedStyle(link).lineHeight),
  }))"""

TYPOGRAPHY = """() => {
  const weight = selector => {
    const element = document.querySelector(selector);
    return element ? Number(getComputedStyle(element).fontWeight) : null;
  };
  return {h1: weight('.md-content h1'), body: weight('.md-content p')};
}"""


@pytest.fixture(scope="module")
def served(example_sites: Path) -> Iterator[str]:
    """The output folder served at the root: the portal at /fi/, a municipality at /<slug>/fi/."""
    with serve_site(example_sites) as url:
        yield url


def pages_of(example_sites: Path, site: str, language: str) -> list[str]:
    """The address (under the output folder) of every page of one site's language."""
    folder = example_sites / language if site == "portal" else example_sites / site / language
    return [
        page.parent.relative_to(example_sites).as_posix() + "/"
        for page in sorted(folder.rglob("index.html"))
    ]


def _each_page(
    browser: Browser, base: str, addresses: list[str], width: int
) -> Iterator[tuple[str, Page]]:
    guarded = guarded_context(browser, viewport={"width": width, "height": 900})
    tab = guarded.context.new_page()
    try:
        for address in addresses:
            response = tab.goto(base + address)
            assert response is not None and response.status == 200, address
            yield address, tab
    finally:
        guarded.context.close()
    assert guarded.blocked == []


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("site", SITES)
def test_tables_fit_their_column_at_laptop_width(
    browser: Browser, served: str, example_sites: Path, site: str, language: str
) -> None:
    too_wide: dict[str, list[dict[str, Any]]] = {}
    measured = 0
    for address, tab in _each_page(
        browser, served, pages_of(example_sites, site, language), LAPTOP
    ):
        tables = tab.evaluate(TABLE_WIDTHS)
        measured += len(tables)
        wide = [t for t in tables if t["overflowing"] or t["right"] > t["column_right"] + 1]
        if wide:
            too_wide[address] = wide
    assert measured > 0
    assert too_wide == {}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("site", SITES)
def test_phones_show_tables_as_labelled_lists_without_sideways_scrolling(
    browser: Browser, served: str, example_sites: Path, site: str, language: str
) -> None:
    problems: dict[str, list[str]] = {}
    cells_seen = 0
    for address, tab in _each_page(browser, served, pages_of(example_sites, site, language), PHONE):
        found: list[str] = []
        page_width = tab.evaluate("document.documentElement.scrollWidth")
        if page_width > PHONE:
            found.append(f"the page is {page_width} px wide")
        for cell in tab.evaluate(STACKED_CELLS):
            cells_seen += 1
            if cell["display"] != "block":
                found.append(f"a cell under {cell['header']!r} is shown as {cell['display']}")
            elif cell["header"] and cell["label"] != f'"{cell["header"]}: "':
                found.append(f"a cell under {cell['header']!r} is labelled {cell['label']}")
        for link in tab.evaluate(PHONE_LINKS):
            if link["lines"] != 1 or link["height"] > 1.5 * link["line"]:
                found.append(f"the phone number {link['text']} takes {link['lines']} lines")
        if found:
            problems[address] = found
    assert cells_seen > 0
    assert problems == {}


@pytest.mark.parametrize("site", SITES)
def test_titles_are_bold_and_the_logo_adds_nothing_to_its_links_name(
    browser: Browser, served: str, site: str
) -> None:
    home = "fi/" if site == "portal" else f"{site}/fi/"
    for _, tab in _each_page(browser, served, [home], LAPTOP):
        weights = tab.evaluate(TYPOGRAPHY)
        assert weights["h1"] >= 700 and weights["body"] <= 400, weights
        logo_link = tab.locator(".md-header a.md-logo")
        assert logo_link.get_attribute("aria-label")
        for image in logo_link.locator("img").all():
            assert image.get_attribute("alt") == ""
        # The two doors of a municipality's home, each a link named for its reader.
        if site != "portal":
            doors = tab.locator(".sky-entry a")
            assert doors.all_text_contents() == ["Olen huoltaja", "Olen opettaja"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_portals_comparison_takes_the_windows_whole_width(
    browser: Browser, served: str, language: str
) -> None:
    for _, tab in _each_page(browser, served, [f"{language}/compare/"], LAPTOP):
        width = tab.evaluate("document.querySelector('#sky-compare').getBoundingClientRect().width")
        # Material's column beside the contents would leave it 688 px of the 1280.
        assert width >= 0.75 * LAPTOP
        assert not tab.locator(".md-sidebar--secondary").is_visible()


@pytest.mark.parametrize("slug", EXAMPLES)
def test_a_phones_first_screen_shows_both_doors(browser: Browser, served: str, slug: str) -> None:
    guarded = guarded_context(browser, viewport={"width": PHONE, "height": 844})
    tab = guarded.context.new_page()
    tab.goto(f"{served}{slug}/sv/")
    doors = tab.locator(".sky-entry a")
    assert doors.all_text_contents() == ["Jag är vårdnadshavare", "Jag är lärare"]
    boxes = [door.bounding_box() for door in doors.all()]
    guarded.context.close()
    bottoms = [box["y"] + box["height"] for box in boxes if box is not None]
    assert len(bottoms) == 2 and max(bottoms) < 844, bottoms
