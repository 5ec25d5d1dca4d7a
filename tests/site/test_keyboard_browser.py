"""Keyboard alone, in Chromium: the skip link, a visible focus on every stop, the calculator and
the language selector; and the calculator on a phone-sized screen."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from support.browser import guarded_context

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# What the focused element looks like: enough to tell whether a reader can see where focus is.
_FOCUSED = """() => {
  const e = document.activeElement;
  const style = getComputedStyle(e);
  const box = e.getBoundingClientRect();
  return {tag: e.tagName, id: e.id, cls: e.className, text: (e.innerText || '').trim(),
          lang: e.lang, outline: style.outlineStyle, width: parseFloat(style.outlineWidth),
          visible: box.width > 1 && box.height > 1 && style.visibility !== 'hidden'
                   && box.bottom > 0 && box.top < innerHeight};
}"""


def _tab(page: Page, key: str = "Tab") -> dict[str, Any]:
    page.keyboard.press(key)
    focused: dict[str, Any] = page.evaluate(_FOCUSED)
    return focused


def _tab_to(page: Page, predicate: Any, limit: int = 40) -> dict[str, Any]:
    for _ in range(limit):
        focused = _tab(page)
        if predicate(focused):
            return focused
    raise AssertionError("not reached with Tab")


def test_every_tab_stop_shows_where_the_focus_is(page: Page, site_urls: dict[str, str]) -> None:
    page.goto(f"{site_urls['rantala']}fi/calculator/")
    stops: list[dict[str, Any]] = []
    while len(stops) < 60:
        focused = _tab(page)
        if focused["tag"] == "BODY":  # past the last stop, back to the browser
            break
        stops.append(focused)
    assert 15 < len(stops) < 60
    for focused in stops:
        assert focused["visible"], focused
        assert focused["outline"] == "solid" and focused["width"] >= 2, focused
    # One stop for the group of ladders (its chosen one), then the chosen ladder's fields.
    assert [stop["id"] for stop in stops if stop["id"].startswith("sky-calc")] == [
        "sky-calc-ladder-poissaolot",
        "sky-calc-poissaolot-amount",
        "sky-calc-poissaolot-school",
        "sky-calc-grades_1_6",
    ]


def test_skip_link_leads_past_the_navigation_to_the_calculator(
    page: Page, site_urls: dict[str, str]
) -> None:
    page.goto(f"{site_urls['tervaharju']}sv/calculator/")
    skip = _tab(page)
    assert (skip["cls"].split()[0], skip["text"], skip["visible"]) == (
        "md-skip",
        "Gå till innehållet",
        True,
    )
    page.keyboard.press("Enter")
    page.wait_for_url("**/sv/calculator/#franvaroraknare")
    # First how the calculator counts (a summary that opens it), then the form.
    how = _tab(page)
    assert (how["tag"], how["text"], how["visible"]) == ("SUMMARY", "Så räknar räknaren", True)
    assert _tab(page)["id"] == "sky-calc-ladder-kaikki"


def test_calculator_by_keyboard_alone(page: Page, site_urls: dict[str, str]) -> None:
    page.goto(f"{site_urls['rantala']}fi/calculator/")
    _tab_to(page, lambda focused: focused["id"] == "sky-calc-poissaolot-amount")
    page.keyboard.type("42,5")
    assert _tab(page)["id"] == "sky-calc-poissaolot-school"
    page.keyboard.type("300")
    assert _tab(page)["id"] == "sky-calc-grades_1_6"
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")  # arrows move within the radio group
    assert page.is_checked("#sky-calc-grades_7_9")
    button = _tab(page)
    assert (button["tag"], button["text"]) == ("BUTTON", "Laske")
    page.keyboard.press("Enter")
    result = page.locator("#sky-calc-result")
    assert (result.get_attribute("role"), result.get_attribute("aria-live")) == ("status", "polite")
    # Grades 7-9: 42,5 hours is past the range 35-40 of the second stage.
    assert "Porras nyt: 2. Poissaolot kasvavat – keskustelu kodin kanssa" in (
        result.inner_text().splitlines()
    )
    assert page.get_attribute("#sky-calc-result", "data-stage") == "yhteys-kotiin"
    # Enter in a field calculates too.
    page.focus("#sky-calc-poissaolot-amount")
    page.keyboard.press("Control+A")
    page.keyboard.type("60")
    page.keyboard.press("Enter")
    assert page.get_attribute("#sky-calc-result", "data-stage") == "toimintasuunnitelma"
    # The stage's steps follow the result, reachable by Tab.
    link = _tab_to(page, lambda focused: focused["tag"] == "A" and "Porras nyt" in focused["text"])
    assert link["visible"]


def test_language_selector_by_keyboard(page: Page, site_urls: dict[str, str]) -> None:
    page.goto(f"{site_urls['fjardskar']}fi/calculator/")
    assert page.evaluate("document.documentElement.lang") == "fi"
    selector = _tab_to(page, lambda focused: focused["tag"] == "BUTTON")
    assert page.get_attribute(".md-select button", "aria-label") == "Valitse kieli"
    assert selector["visible"]
    swedish = _tab_to(page, lambda focused: focused["text"] == "Svenska", limit=3)
    assert (swedish["lang"], swedish["visible"]) == ("sv", True)
    page.keyboard.press("Enter")
    page.wait_for_url("**/sv/calculator/")
    assert page.evaluate("document.documentElement.lang") == "sv"
    assert page.locator("article h1").inner_text() == "Frånvaroräknare"


def test_calculator_fits_a_phone(browser: Browser, site_urls: dict[str, str]) -> None:
    guarded = guarded_context(browser, viewport={"width": 390, "height": 844}, is_mobile=True)
    page = guarded.context.new_page()
    page.goto(f"{site_urls['tervaharju']}fi/calculator/")
    page.fill("#sky-calc-kaikki-amount", "52")
    page.click("#sky-calculator button[type=submit]")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    fields = ("#sky-calc-kaikki-amount", "#sky-calc-kaikki-school", "#sky-calculator button")
    for selector in fields:
        box = page.locator(selector).bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390, selector
        assert box["height"] >= 24, selector  # a target a finger can hit
    assert page.get_attribute("#sky-calc-result", "data-stage") == "kaikki-50"
    guarded.context.close()
    assert guarded.blocked == []


def test_requests_to_other_hosts_are_blocked_and_reported(browser: Browser) -> None:
    guarded = guarded_context(browser)
    page = guarded.context.new_page()
    page.set_content(
        '<img src="https://fonts.example/x.png"><script src="http://cdn.example/a.js"></script>'
    )
    guarded.context.close()
    assert sorted(guarded.blocked) == ["http://cdn.example/a.js", "https://fonts.example/x.png"]
