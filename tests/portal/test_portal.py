"""The national portal, open data, incremental builds, rollback and reproducible output."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest
from bs4 import BeautifulSoup

from conftest import (
    EXAMPLE_PLAYBOOKS,
    EXAMPLES,
    VALID_PLAYBOOK,
    run_sky,
    snapshot,
    vary,
    without_format_notice,
    write_playbook,
)
from generator.messages.ladder_words import ladder_name, threshold_words
from generator.pipeline import build
from generator.playbook.loader import load_playbook
from generator.portal.opendata import record_of
from generator.project import Project

pytestmark = pytest.mark.slow


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_portal_lists_every_municipality_by_both_names(example_sites: Path) -> None:
    assert [a["href"] for a in _soup(example_sites / "index.html").select("a")] == ["fi/", "sv/"]
    for language in ("fi", "sv"):
        rows = _soup(example_sites / language / "municipalities/index.html").select(
            "#sky-municipalities tbody tr"
        )
        assert len(rows) == len(EXAMPLES)
        for row in rows:
            link = row.select_one("a")
            assert link is not None
            target = (example_sites / language / "municipalities" / str(link["href"])).resolve()
            assert (target / "index.html").is_file()
    names = [
        str(row["data-sky-names"])
        for row in _soup(example_sites / "sv/municipalities/index.html").select("tbody tr")
    ]
    assert "Strandby Rantala" in names and "Fjärdskär Selkäluoto" in names


def test_comparison_shows_each_ladder_and_stage_as_the_sites_word_them(
    example_sites: Path,
) -> None:
    table = _soup(example_sites / "fi/compare/index.html").select_one("#sky-compare")
    assert table is not None
    rows = {
        row.select_one("th").get_text(strip=True): row  # type: ignore[union-attr]
        for row in table.select("tbody tr")
    }
    for path in EXAMPLE_PLAYBOOKS:
        playbook = load_playbook(path).playbook
        row = rows[playbook.municipality.name.get("fi")]
        headings = [p.get_text() for p in row.select("p.sky-compare__ladder")]
        assert [heading.split(":")[0] for heading in headings] == [
            ladder_name(ladder, "fi") for ladder in playbook.ladders
        ]
        shown = [[li.get_text() for li in ol.select("li")] for ol in row.select("td ol")]
        expected = [
            [threshold_words(stage, ladder, "fi") for stage in playbook.stages_of(ladder)]
            for ladder in playbook.ladders
        ]
        # Each item is the stage's start as its site words it, then notes and the SKY tier.
        for items, starts in zip(shown, expected, strict=True):
            assert len(items) == len(starts)
            for item, start in zip(items, starts, strict=True):
                assert item.startswith(start), (item, start)
    first_header = table.select_one("thead th")
    assert first_header is not None and first_header.get("aria-sort") == "ascending"


def test_open_data_matches_its_schema_and_the_playbooks(example_sites: Path) -> None:
    for language in ("fi", "sv"):
        folder = example_sites / language / "data"
        data = json.loads((folder / "sky-playbooks.json").read_text(encoding="utf-8"))
        schema = json.loads((folder / "sky-playbooks.schema.json").read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator(schema).validate(data)
        assert data["format_version"] == 2
        assert sorted(m["slug"] for m in data["municipalities"]) == EXAMPLES
        rows = list(csv.DictReader(io.StringIO((folder / "sky-playbooks.csv").read_text())))
        thresholds = sum(
            max(1, len(stage["thresholds"]))
            for m in data["municipalities"]
            for stage in m["stages"]
        )
        assert len(rows) == thresholds
    published = {m["slug"]: m for m in data["municipalities"]}
    for path in EXAMPLE_PLAYBOOKS:
        assert published[path.stem] == record_of(load_playbook(path).playbook)


def _build(project: Path, force: bool = False) -> list[str]:
    outcome = build(
        sorted((project / "playbooks").glob("*.yml")),
        Project.at(project),
        project / "site",
        1,
        force=force,
    )
    assert outcome.ok, outcome.problems
    return outcome.published


def test_only_what_changed_is_rebuilt(project: Path) -> None:
    playbooks = project / "playbooks"
    write_playbook(playbooks, VALID_PLAYBOOK)
    write_playbook(playbooks, VALID_PLAYBOOK.replace("slug: pikkula", "slug: toinen"), "toinen")
    assert _build(project) == ["pikkula", "toinen"]
    before = snapshot(project / "site")
    assert _build(project) == []
    assert snapshot(project / "site") == before
    write_playbook(playbooks, vary("Nätverket", "Nätverket 2"))
    assert _build(project) == ["pikkula"]
    portal = (project / "site/sv/compare/index.html").read_text(encoding="utf-8")
    assert portal.count("Nätverket 2") == 0  # the comparison shows thresholds, not titles
    data = json.loads((project / "site/fi/data/sky-playbooks.json").read_text())
    titles = [s["title"]["sv"] for m in data["municipalities"] for s in m["stages"]]
    assert titles.count("Nätverket 2") == 1, "the portal was rebuilt with the change"
    page = project / "content/fi/pupils.md"
    page.write_text(page.read_text() + "\nLisäys.\n", encoding="utf-8")
    assert _build(project) == ["pikkula", "toinen"], "new national content rebuilds every site"
    assert _build(project, force=True) == ["pikkula", "toinen"]


def test_rollback_puts_back_the_previous_version(project: Path) -> None:
    write_playbook(project / "playbooks", VALID_PLAYBOOK)
    assert run_sky(project, "build", "--jobs", "1").returncode == 0
    first = snapshot(project / "site/pikkula")
    write_playbook(project / "playbooks", vary("Nätverket", "Nätverket 2"))
    assert run_sky(project, "build", "--jobs", "1").returncode == 0
    second = snapshot(project / "site/pikkula")
    result = run_sky(project, "rollback", "pikkula")
    assert result.returncode == 0, result.stderr
    assert snapshot(project / "site/pikkula") == first
    assert snapshot(project / "site/.previous/pikkula") == second
    missing = run_sky(project, "rollback", "toinen")
    assert missing.returncode == 1
    assert missing.stderr == (
        "sky rollback: there is no earlier version of 'toinen' in site/.previous/ (a version "
        "is kept there each time a build replaces a site)\n"
    )


def test_the_same_inputs_give_byte_identical_output(project: Path) -> None:
    write_playbook(project / "playbooks", VALID_PLAYBOOK)
    playbooks = [project / "playbooks/pikkula.yml"]
    for out in ("one", "two"):
        assert build(playbooks, Project.at(project), project / out, 2).ok
    one, two = snapshot(project / "one"), snapshot(project / "two")
    assert sorted(one) == sorted(two)
    assert [name for name in one if one[name] != two[name]] == []
    assert any(name.endswith(".pdf") for name in one)


def test_a_municipality_cannot_take_a_portal_name(project: Path) -> None:
    write_playbook(project / "playbooks", vary("slug: pikkula", "slug: data"), "data")
    outcome = build([project / "playbooks/data.yml"], Project.at(project), project / "site", 1)
    problems = without_format_notice(outcome.problems)
    assert [p.render().split(": ", 1)[1] for p in problems] == [
        "municipality.slug: 'data' is reserved for the national portal; use the municipality's "
        "name, like 'rantala' [reserved-slug]"
    ]


def test_portal_has_its_statement_and_the_authors_guide(example_sites: Path) -> None:
    for language, feedback in (("fi", "Palautteen käsittelee"), ("sv", "Responsen behandlas av")):
        root = example_sites / language
        statement = _soup(root / "accessibility/index.html").get_text(" ", strip=True)
        assert "saavutettavuus@portaali.example" in statement
        assert feedback in statement
        footer = _soup(root / "compare/index.html").select_one("a.sky-footer__link")
        assert footer is not None and footer["href"] == "../accessibility/"
        guide = sorted(p.parent.name for p in (root / "guide").glob("*/index.html"))
        assert "fields" in guide and len(guide) >= 5
