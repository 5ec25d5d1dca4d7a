"""The guardians page's first screen on a phone, in Chromium: 390 by 844 px, the Material header
included. It must answer how to report an absence today (every school office's phone, as a
tel: link), how to ask for leave and whom to call, before the reader scrolls."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from conftest import EXAMPLES, REPO
from generator.playbook.loader import load_playbook
from support.browser import guarded_context

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PHONE = {"width": 390, "height": 844}
LEAD_INS = {
    "fi": ("Lapsi poissa tänään?", "Vapaata?", "Huoli lapsesta?"),
    "sv": ("Är barnet borta i dag?", "Ledighet?", "Orolig för barnet?"),
}
# The text of every paragraph, list item and heading of the article that ends on the screen.
_ON_SCREEN = """height => [...document.querySelectorAll(
    'article h1, article h2, article > p, article > ul > li')]
    .filter(element => element.getBoundingClientRect().bottom <= height)
    .map(element => element.innerText.replace(/\\s+/g, ' ').trim())"""


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    guarded = guarded_context(browser, viewport=PHONE)
    tab = guarded.context.new_page()
    yield tab
    guarded.context.close()
    assert guarded.blocked == []


def _open(phone: Page, site_urls: dict[str, str], slug: str, language: str) -> list[str]:
    phone.goto(f"{site_urls[slug]}{language}/guardians/")
    on_screen: list[str] = phone.evaluate(_ON_SCREEN, PHONE["height"])
    return on_screen


def _bottom(phone: Page, selector: str) -> float:
    box = phone.locator(selector).first.bounding_box()
    assert box is not None, f"{selector} is not shown"
    return box["y"] + box["height"]


def test_rantala_in_finnish_on_the_first_screen(phone: Page, site_urls: dict[str, str]) -> None:
    on_screen = _open(phone, site_urls, "rantala", "fi")
    assert on_screen[:7] == [
        "Huoltajille",
        "Lapsi poissa tänään? Ilmoita Wilmassa tai soita koulun kansliaan. Avaa Wilma · "
        "Näin ilmoitat",
        "Kirkonkylän koulu: klo 8.00 mennessä, +358 40 718 2201",
        "Rantalan yläkoulu: klo 7.30 mennessä, +358 40 718 2301",
        "Strandby skola: klo 8.00 mennessä, +358 40 718 2401",
        "Vapaata? Luokanopettaja tai luokanohjaaja myöntää vapaata enintään 3 koulupäivää, "
        "rehtori enintään 20 koulupäivää. Näin haet vapaata",
        "Huoli lapsesta? Soita lapsesi opettajalle, kuraattorille tai terveydenhoitajalle. "
        "Yhteystiedot",
    ]


def test_fjardskar_in_swedish_on_the_first_screen(phone: Page, site_urls: dict[str, str]) -> None:
    on_screen = _open(phone, site_urls, "fjardskar", "sv")
    assert on_screen[:7] == [
        "För vårdnadshavare",
        "Är barnet borta i dag? Meddela i Helmi eller ring skolans kansli. Öppna Helmi · "
        "Så här meddelar du",
        "Centrumskolan: senast kl. 8.00, +358 50 462 1101",
        "Holmens skola: senast kl. 10.00",
        "Fjärdskärs högstadieskola: senast kl. 7.30, +358 50 462 1301",
        "Selkäluodon koulu: senast kl. 8.00, +358 50 462 1401",
        "Ledighet? Klassläraren eller klassföreståndaren beviljar ledighet för högst 5 "
        "skoldagar, rektorn längre ledighet. Så här anhåller du om ledighet",
    ]
    assert on_screen[7] == (
        "Orolig för barnet? Ring barnets lärare, kuratorn eller hälsovårdaren. Kontaktuppgifter"
    )


@pytest.mark.parametrize("language", ["fi", "sv"])
@pytest.mark.parametrize("slug", EXAMPLES)
def test_every_office_phone_and_the_three_answers_are_above_the_fold(
    phone: Page, site_urls: dict[str, str], slug: str, language: str
) -> None:
    playbook = load_playbook(REPO / "playbooks" / f"{slug}.yml").playbook
    _open(phone, site_urls, slug, language)
    offices = [school.office_phone for school in playbook.schools if school.office_phone]
    assert offices, f"{slug} has no school office phones: the test would prove nothing"
    for number in offices:
        link = f"article a[href='tel:{number.replace(' ', '')}']"
        assert phone.locator(link).first.inner_text() == number
        assert _bottom(phone, link) <= PHONE["height"], (slug, language, number)
    for lead_in in LEAD_INS[language]:
        answer = f"article > p:has(strong:text-is('{lead_in}'))"
        assert _bottom(phone, answer) <= PHONE["height"], (slug, language, lead_in)
    wide = phone.evaluate("document.documentElement.scrollWidth")
    assert wide <= PHONE["width"], f"{slug}/{language}: the page scrolls sideways ({wide} px)"


_WRAPPED_PHONES = """() => [...document.querySelectorAll("article a[href^='tel:']")]
    .filter(link => link.getClientRects().length > 1).map(link => link.innerText)"""


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("slug", EXAMPLES)
def test_no_phone_number_wraps_and_nothing_scrolls_sideways(
    browser: Browser, site_urls: dict[str, str], slug: str, width: int
) -> None:
    guarded = guarded_context(browser, viewport={"width": width, "height": 844})
    tab = guarded.context.new_page()
    for language in ("fi", "sv"):
        for page in ("guardians", "contacts"):
            tab.goto(f"{site_urls[slug]}{language}/{page}/")
            assert tab.locator("article a[href^='tel:']").count() >= 3
            assert tab.evaluate(_WRAPPED_PHONES) == [], (slug, language, page, width)
            wide = tab.evaluate("document.documentElement.scrollWidth")
            assert wide <= width, (slug, language, page, width, wide)
    guarded.context.close()
    assert guarded.blocked == []
