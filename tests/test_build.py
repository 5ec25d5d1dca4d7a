"""End to end: every shipped example built for real with MkDocs, then its HTML inspected."""

from __future__ import annotations

import json
import posixpath
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from conftest import EXAMPLE_PLAYBOOKS, EXAMPLES, REPO, vary, write_playbook
from generator.pipeline import build
from generator.plan.calculator import has_grade_split
from generator.playbook.loader import load_playbook
from generator.project import Project

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built(example_sites: Path) -> Path:
    """The examples, built once per session (conftest) and shared with the browser tests."""
    return example_sites


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _text_of(soup: BeautifulSoup, selector: str, strip: bool = False) -> str:
    element = soup.select_one(selector)
    assert element is not None, f"the page has no {selector}"
    return element.get_text(strip=strip)


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_the_examples_cover_every_kind_of_ladder_and_both_first_languages() -> None:
    """The browser and PDF tests run over the examples: without a percent ladder, a separate
    ladder for unauthorised absences, thresholds split by grade level or a Swedish-first site
    among them, those paths would go untested."""
    playbooks = [load_playbook(path).playbook for path in EXAMPLE_PLAYBOOKS]
    ladders = [ladder for playbook in playbooks for ladder in playbook.ladders]
    units = {measure.unit for ladder in ladders for measure in ladder.measures}
    assert {"hours", "percent", "times", "days"} <= units
    assert {"all", "unauthorised", "lateness"} <= {ladder.counts for ladder in ladders}
    assert any(len(ladder.measures) == 2 for ladder in ladders)
    assert any(has_grade_split(playbook) for playbook in playbooks)
    assert {playbook.languages[0] for playbook in playbooks} == {"fi", "sv"}


@pytest.mark.parametrize("slug", EXAMPLES)
def test_every_page_declares_its_language(built: Path, slug: str) -> None:
    languages = load_playbook(REPO / "playbooks" / f"{slug}.yml").playbook.languages
    for language in languages:
        pages = _pages(built / slug / language)
        assert len(pages) > 20
        for page in pages:
            assert _soup(page).html["lang"] == language, page  # type: ignore[index]


@pytest.mark.parametrize("slug", EXAMPLES)
def test_language_selector_leads_to_the_same_page(built: Path, slug: str) -> None:
    languages = load_playbook(REPO / "playbooks" / f"{slug}.yml").playbook.languages
    for language in languages:
        root = built / slug / language
        for page in _pages(root):
            if page.name == "404.html":
                continue
            links = _soup(page).select("a.md-select__link")
            assert [a["lang"] for a in links] == languages, page
            for link in links:
                target = posixpath.normpath(
                    posixpath.join(page.parent.relative_to(built).as_posix(), str(link["href"]))
                )
                other = link["lang"]
                expected = (
                    page.relative_to(built)
                    .as_posix()
                    .replace(f"{slug}/{language}/", f"{slug}/{other}/", 1)
                )
                assert f"{target}/index.html".lstrip("./") == expected, (page, link["href"])


@pytest.mark.parametrize("slug", EXAMPLES)
def test_each_language_has_its_own_search_and_404(built: Path, slug: str) -> None:
    for language in ("fi", "sv"):
        index = json.loads((built / slug / language / "search/search_index.json").read_text())
        assert index["config"]["lang"] == [language]
        assert _soup(built / slug / language / "404.html").html["lang"] == language  # type: ignore[index]


def test_ladder_page_lists_every_stage_in_its_language(built: Path) -> None:
    playbook = load_playbook(REPO / "playbooks" / "rantala.yml").playbook
    for language in ("fi", "sv"):
        table = _soup(built / "rantala" / language / "ladder/index.html").select_one(
            "article table"
        )
        assert table is not None
        rows = [
            [cell.get_text(" ", strip=True) for cell in tr.select("td")]
            for tr in table.select("tbody tr")
        ]
        first_ladder = playbook.stages_of(playbook.ladders[0])
        assert [row[1] for row in rows] == [stage.title.get(language) for stage in first_ladder]
    # The table leads with the short threshold; the stage's section below says it in full,
    # with its window.
    fi_page = _soup(built / "rantala/fi/ladder/index.html")
    fi_rows = fi_page.select("article table tbody tr")
    assert fi_rows[1].select("td")[0].get_text() == "25–30 h (vuosiluokat 1–6) / 35–40 h (7–9)"
    assert "vuosiluokat 1–6: 25–30 tuntia; vuosiluokat 7–9: 35–40 tuntia lukukaudessa" in (
        fi_page.get_text()
    )
    sv_page = _soup(built / "rantala/sv/ladder/index.html")
    sv_rows = sv_page.select("article table tbody tr")
    assert sv_rows[1].select("td")[0].get_text() == "25–30 h (årskurs 1–6) / 35–40 h (7–9)"
    assert "årskurs 1–6: 25–30 timmar; årskurs 7–9: 35–40 timmar per termin" in (sv_page.get_text())


def test_header_carries_the_municipality(built: Path) -> None:
    page = _soup(built / "fjardskar/sv/index.html")
    assert _text_of(page, ".md-header__topic", strip=True).startswith("Fjärdskär")
    logo = page.select_one(".md-header__button.md-logo img")
    assert logo is not None and (built / "fjardskar/sv" / str(logo["src"])).is_file()
    css = (built / "fjardskar/sv/assets/stylesheets/municipality.css").read_text()
    color = load_playbook(REPO / "playbooks/fjardskar.yml").playbook.municipality.color
    assert f"--md-primary-fg-color: {color};" in css


_LOADED_RELS = {"stylesheet", "icon", "preload", "modulepreload", "manifest", "prefetch"}


_LOADED_RELS = {"stylesheet", "icon", "preload", "modulepreload", "manifest", "prefetch"}


def test_no_page_loads_anything_from_another_host(built: Path) -> None:
    for page in _pages(built):
        soup = _soup(page)
        for tag, attribute in (
            ("script", "src"),
            ("link", "href"),
            ("img", "src"),
            ("iframe", "src"),
        ):
            for element in soup.find_all(tag):
                if tag == "link" and not _LOADED_RELS & set(element.get("rel") or []):
                    continue  # canonical and alternate links name pages; they load nothing
                value = element.get(attribute)
                if value:
                    assert not urlsplit(str(value)).netloc, (page, tag, value)
        assert "fonts.googleapis.com" not in page.read_text(encoding="utf-8")


def test_published_site_has_a_language_choice(built: Path) -> None:
    page = _soup(built / "fjardskar/index.html")
    assert [a["href"] for a in page.select("a")] == ["sv/", "fi/"]


def test_text_from_yaml_is_shown_literally(project: Path) -> None:
    hostile = vary(
        "title: {fi: Huoli puheeksi, sv: Ta upp oron}",
        'title: {fi: "<script>alert(1)</script> {{ 7*7 }}", '
        'sv: "[klick](javascript:alert(2)) <img src=x onerror=alert(3)>"}',
    )
    hostile = vary(
        "name: {fi: Pikkula, sv: Småby}",
        'name: {fi: "Pikkula</title><script>x()</script>", sv: Småby}',
        hostile,
    )
    write_playbook(project / "playbooks", hostile)
    outcome = build(
        [project / "playbooks/pikkula.yml"], Project.at(project), project / "site", jobs=1
    )
    assert outcome.ok, outcome.problems
    for page in _pages(project / "site"):
        html = page.read_text(encoding="utf-8")
        assert "<script>alert" not in html and "<script>x()" not in html
        assert "<img src=x" not in html and 'src="x"' not in html
        assert 'href="javascript:' not in html
    stage_fi = _soup(project / "site/pikkula/fi/stages/concern/index.html")
    assert _text_of(stage_fi, "article h1") == (
        "Ensimmäinen huolestuttava poissaolo: <script>alert(1)</script> {{ 7*7 }}"
    )
    assert _text_of(stage_fi, "title").startswith(
        "<script>alert(1)</script> {{ 7*7 }} - Pikkula</title>"
    )
    stage_sv = _soup(project / "site/pikkula/sv/stages/concern/index.html")
    assert _text_of(stage_sv, "article h1") == (
        "Den första oroväckande frånvaron: [klick](javascript:alert(2)) <img src=x onerror=alert(3)>"
    )
