"""Version history: earlier versions under ``history:``, checked for order, and listed with
their effective dates and release notes on every site's "changes" page."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import EXAMPLE_PLAYBOOKS, vary, without_format_notice, write_playbook
from generator.plan.render import render_page
from generator.playbook.history import versions
from generator.playbook.loader import PlaybookInvalid, load_playbook

_HISTORY = """  version: "2026.1"
history:
  - version: "2025.2"
    effective_from: 2025-01-07
    changes: {fi: "Yhteystiedot *päivitettiin*.", sv: Kontaktuppgifterna uppdaterades.}
  - version: "2024.1"
    effective_from: 2024-08-01
    changes: {fi: Ensimmäinen versio., sv: Den första versionen.}
"""


def test_the_changes_page_lists_every_version_newest_first(tmp_path: Path) -> None:
    loaded = load_playbook(write_playbook(tmp_path, vary('  version: "2026.1"\n', _HISTORY)))
    listed = versions(loaded.playbook)
    assert [(v.version, v.effective_from.isoformat(), v.current) for v in listed] == [
        ("2026.1", "2026-08-01", True),
        ("2025.2", "2025-01-07", False),
        ("2024.1", "2024-08-01", False),
    ]
    page = render_page("changes.md.j2", loaded.playbook, "fi", versions=listed)
    assert page.splitlines()[4:] == [
        "## Versio 2026\\.1 {#version-1}",
        "",
        "**Voimassa alkaen:** 1\\.8\\.2026 \\(voimassa nyt\\)",
        "",
        "Tästä versiosta ei ole kirjattu muutoksia\\.",
        "",
        "## Versio 2025\\.2 {#version-2}",
        "",
        "**Voimassa alkaen:** 7\\.1\\.2025",
        "",
        "Yhteystiedot \\*päivitettiin\\*\\.",
        "",
        "## Versio 2024\\.1 {#version-3}",
        "",
        "**Voimassa alkaen:** 1\\.8\\.2024",
        "",
        "Ensimmäinen versio\\.",
        "",
    ]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            'version: "2025.2"',
            'version: "2026.1"',
            "history[1].version: the version '2026.1' is already used by approval.version; "
            "each version must have its own number [duplicate-version]",
        ),
        (
            'version: "2024.1"',
            'version: "2025.2"',
            "history[2].version: the version '2025.2' is already used by history[1].version; "
            "each version must have its own number [duplicate-version]",
        ),
        (
            "effective_from: 2024-08-01",
            "effective_from: 2025-09-01",
            "history[2].effective_from: this version took effect on 2025-09-01, not before the "
            "version after it (2025.2, 2025-01-07); list earlier versions from the newest to the "
            "oldest [history-order]",
        ),
        (
            "effective_from: 2025-01-07",
            "effective_from: 2026-08-01",
            "history[1].effective_from: this version took effect on 2026-08-01, not before the "
            "version after it (2026.1, 2026-08-01); list earlier versions from the newest to the "
            "oldest [history-order]",
        ),
    ],
)
def test_versions_are_unique_and_listed_newest_first(
    tmp_path: Path, old: str, new: str, expected: str
) -> None:
    text = vary(old, new, vary('  version: "2026.1"\n', _HISTORY))
    with pytest.raises(PlaybookInvalid) as caught:
        load_playbook(write_playbook(tmp_path, text))
    assert [p.render().split(": ", 1)[1] for p in without_format_notice(caught.value.problems)] == [
        expected
    ]


@pytest.mark.slow
def test_every_example_has_a_history_on_its_site(example_sites: Path) -> None:
    for path in EXAMPLE_PLAYBOOKS:
        playbook = load_playbook(path).playbook
        assert 1 <= len(playbook.history) <= 3
        for language in playbook.languages:
            site = example_sites / playbook.slug / language
            page = BeautifulSoup((site / "changes" / "index.html").read_text(), "html.parser")
            headings = [h.get_text() for h in page.select("article h2")]
            assert len(headings) == len(playbook.history) + 1
            assert playbook.approval.version in headings[0]
            about = (site / "about" / "index.html").read_text(encoding="utf-8")
            assert 'href="../changes/"' in about
