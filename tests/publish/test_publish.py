"""Publishing never damages what is online: link checks gate it, interruptions leave it be."""

from __future__ import annotations

import datetime as dt
import http.server
import signal
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

from conftest import (
    FIXTURES,
    REPO,
    VALID_PLAYBOOK,
    run_sky,
    sky_command,
    sky_environment,
    snapshot,
    vary,
    without_format_notice,
    write_playbook,
)
from generator import clock
from generator.checks.online import ExternalLink, check_online
from generator.pipeline import Failure, build
from generator.playbook.loader import load_playbook
from generator.problems import Location
from generator.project import Project


@pytest.mark.slow
def test_a_broken_link_in_raw_html_stops_publication(project: Path) -> None:
    write_playbook(project / "playbooks", VALID_PLAYBOOK)
    assert build([project / "playbooks/pikkula.yml"], Project.at(project), project / "site", 1).ok
    before = snapshot(project / "site/pikkula")
    for language in ("fi", "sv"):
        page = project / "content" / language / "pupils.md"
        page.write_text(page.read_text() + '\n<a href="../missing/">x</a>\n', encoding="utf-8")
    outcome = build([project / "playbooks/pikkula.yml"], Project.at(project), project / "site", 1)
    # The portal shows the same national page, so it is held back too.
    assert outcome.failed == [Failure("playbook", "pikkula"), Failure("portal", "portal")]
    problems = without_format_notice(outcome.problems)
    assert [(p.code, str(p.location.path), p.field) for p in problems] == [
        ("broken-link", f"{site}/{lang}/sky/pupils/index.html", "../missing/")
        for site in ("pikkula", "_portal")
        for lang in ("fi", "sv")
    ]
    assert problems[0].message == "the linked page or file does not exist"
    assert 'href="../missing/"' not in (project / "site/fi/sky/pupils/index.html").read_text()
    assert snapshot(project / "site/pikkula") == before
    assert not (project / "site/.staging/pikkula").exists()


@pytest.mark.slow
def test_an_interrupted_build_leaves_the_published_site_intact(project: Path) -> None:
    playbooks = project / "playbooks"
    write_playbook(playbooks, VALID_PLAYBOOK)
    assert run_sky(project, "build", "--jobs", "1").returncode == 0
    before = snapshot(project / "site/pikkula")
    write_playbook(playbooks, vary("Nätverket", "Nätverket 2"))
    process = subprocess.Popen(
        sky_command("build", "--jobs", "1"),
        cwd=project,
        env=sky_environment(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    staging = project / "site/.staging/pikkula/fi"
    deadline = time.monotonic() + 30
    while not any(staging.rglob("*.html")) and time.monotonic() < deadline:
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert any(staging.rglob("*.html")), "the build was killed while it was writing"
    assert snapshot(project / "site/pikkula") == before
    # The next build cleans up after the interrupted one and publishes.
    assert run_sky(project, "build", "--jobs", "1").returncode == 0
    assert "Nätverket 2" in (project / "site/pikkula/sv/stages/network/index.html").read_text()
    assert snapshot(project / "site/.previous/pikkula") == before


def test_an_old_accessibility_statement_is_a_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    loaded = load_playbook(FIXTURES / "pikkula.yml", today=dt.date(2027, 10, 1))
    assert [p.render() for p in without_format_notice(loaded.warnings)] == [
        "tests/fixtures/pikkula.yml:50:3: warning: accessibility.assessed: the accessibility "
        "statement was assessed on 2026-09-01, over a year ago; review it at least once a year "
        "and update the date [statement-old]"
    ]


class _Handler(http.server.BaseHTTPRequestHandler):
    requests: ClassVar[list[str]] = []

    def do_HEAD(self) -> None:
        _Handler.requests.append(self.path)
        self.send_response(200 if self.path == "/ok" else 404)
        self.end_headers()

    def log_message(self, *_args: object) -> None:
        return


@pytest.fixture
def local_server() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _Handler.requests = []
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def _looks_public(_host: str) -> list[str]:
    """The local server's address as the internet's DNS would give a real site's."""
    return ["93.184.216.34"]


def test_online_check_reports_broken_links_and_caches_answers(
    tmp_path: Path, local_server: str
) -> None:
    where = Location(Path("pikkula/fi/index.html"), 3, 5)
    links = [ExternalLink(f"{local_server}/ok", where), ExternalLink(f"{local_server}/gone", where)]
    cache = tmp_path / "cache.json"
    problems = check_online(links, cache, timeout=5, resolve=_looks_public)
    assert [p.render() for p in problems] == [
        f"pikkula/fi/index.html:3:5: {local_server}/gone: the address answers 404; fix or "
        "remove the link [external-broken]"
    ]
    assert check_online(links, cache, timeout=5, resolve=_looks_public) == problems
    assert sorted(_Handler.requests) == ["/gone", "/ok"], "the second check answers from the cache"
    check_online(links, cache, timeout=5, resolve=_looks_public, now=clock.now() + 2 * 24 * 3600)
    assert len(_Handler.requests) == 4, "answers older than a day are asked again"
