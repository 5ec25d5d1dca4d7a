"""``sky serve`` for real: a server on a free port, pages fetched over 127.0.0.1, a playbook
changed and broken while it runs."""

from __future__ import annotations

import re
import signal
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from conftest import VALID_PLAYBOOK, run_sky, sky_command, sky_environment, vary, write_playbook
from generator.messages import page_words
from generator.printout.documents import PLAYBOOK, file_name

pytestmark = pytest.mark.slow

WAIT_SECONDS = 120
NOTICE_FI = page_words.text("fi", "pdfs_updating")
PDF_FI = file_name(PLAYBOOK, "pikkula", "fi")
LATER_FI = "(muu sivusto ja PDF-tulosteet päivittyvät hetken kuluttua)"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _fetch_bytes(url: str) -> bytes:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            data: bytes = response.read()
            return data
    except (urllib.error.URLError, OSError):
        return b""


def _fetch(url: str) -> str:
    return _fetch_bytes(url).decode("utf-8")


def _wait_for(condition: Callable[[], bool], what: str, every: float = 0.3) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {WAIT_SECONDS} s for {what}")
        time.sleep(every)


class _Server:
    """``sky serve`` in its own process, with everything it prints collected."""

    def __init__(self, project: Path, *args: str) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}/pikkula/"
        self.lines: list[str] = []
        self.process = subprocess.Popen(
            sky_command("serve", *args, "--port", str(self.port)),
            cwd=project,
            stderr=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            text=True,
            env=sky_environment(),
        )
        threading.Thread(target=self._collect, daemon=True).start()

    def _collect(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.lines.append(line.rstrip("\n"))

    def page(self, path: str) -> str:
        return _fetch(f"http://127.0.0.1:{self.port}/{path}")

    def file(self, path: str) -> bytes:
        return _fetch_bytes(f"http://127.0.0.1:{self.port}/{path}")

    def stop(self) -> int:
        self.process.send_signal(signal.SIGINT)
        return self.process.wait(timeout=30)


@pytest.fixture
def served(project: Path) -> Iterator[_Server]:
    write_playbook(project / "playbooks", VALID_PLAYBOOK)
    server = _Server(project, "pikkula", "--lang", "fi")
    try:
        yield server
    finally:
        if server.process.poll() is None:
            server.process.kill()
            server.process.wait()


def test_rebuilds_on_save_and_keeps_the_last_good_site(project: Path, served: _Server) -> None:
    stage = "pikkula/fi/stages/concern/"
    _wait_for(lambda: "Soittaa kotiin." in served.page(stage), "the first build")
    assert "Pikkula" in served.page("pikkula/fi/")

    playbook = project / "playbooks" / "pikkula.yml"
    playbook.write_text(vary("Soittaa kotiin.", "Soittaa kotiin heti."), encoding="utf-8")
    _wait_for(lambda: "Soittaa kotiin heti." in served.page(stage), "the rebuilt page")

    broken = vary("unit: hours", "unit: tunnit", vary("Soittaa kotiin.", "Muuttunut."))
    playbook.write_text(broken, encoding="utf-8")
    problem = (
        "playbooks/pikkula.yml:15:9: monitoring.unit: kirjoita jokin näistä: 'hours' tai "
        "'percent' (nyt: 'tunnit') [invalid-value]"
    )
    _wait_for(lambda: problem in served.lines, "the problem to be printed")
    check = run_sky(project, "check", "pikkula")
    assert check.stdout.splitlines()[0] == problem  # the same line as sky check prints
    _wait_for(lambda: any(line.startswith("Ei rakennettu") for line in served.lines), "failure")
    assert "Soittaa kotiin heti." in served.page(stage)  # the last good site is still served
    assert "Traceback" not in "\n".join(served.lines)
    assert served.stop() == 0


def test_a_save_is_shown_before_the_pdfs_which_follow_and_reload_the_page(
    project: Path, served: _Server
) -> None:
    stage, pdf = "pikkula/fi/stages/concern/", "pikkula/fi/downloads/" + PDF_FI
    _wait_for(lambda: NOTICE_FI not in served.page(stage) and served.file(pdf) != b"", "the site")
    printed = served.file(pdf)

    playbook = project / "playbooks" / "pikkula.yml"
    playbook.write_text(vary("Soittaa kotiin.", "Soittaa kotiin heti."), encoding="utf-8")
    changed = ""

    def shown() -> bool:
        nonlocal changed
        changed = served.page(stage)
        return "Soittaa kotiin heti." in changed

    _wait_for(shown, "the changed page", every=0.02)
    # At once the change is served, the PDF is still the one printed before, and the page says
    # so (the whole build has only started: it prints both languages' PDFs).
    assert NOTICE_FI in changed
    assert served.file(pdf) == printed
    epoch = re.search(r"livereload\((\d+),", changed)
    assert epoch is not None
    _wait_for(lambda: NOTICE_FI not in served.page(stage), "the whole site again")
    assert served.file(pdf) not in (printed, b"")
    # The open page is told to load again: the poll answers at once with a newer version.
    assert int(served.page(f"livereload/{epoch[1]}/1")) > int(epoch[1])
    shown_line = f"Sivut (fi) päivitetty: {served.url}fi/ {LATER_FI}"
    built_line = f"Sivusto pikkula on rakennettu: {served.url}"
    _wait_for(lambda: served.lines.count(built_line) == 2, "the line of the second whole build")
    said = [line for line in served.lines if line in (shown_line, built_line)]
    assert said == [shown_line, built_line, shown_line, built_line]

    # Reading the Swedish pages: a save is built in Swedish first.
    assert "Ringer hem." in served.page("pikkula/sv/stages/concern/")
    playbook.write_text(vary("sv: Ringer hem.", "sv: Ringer hem genast."), encoding="utf-8")
    swedish_first = f"Sivut (sv) päivitetty: {served.url}sv/ {LATER_FI}"
    _wait_for(lambda: swedish_first in served.lines, "the Swedish pages first")
    assert "Ringer hem genast." in served.page("pikkula/sv/stages/concern/")
    assert served.stop() == 0


def test_a_taken_port_is_named_before_anything_is_built(project: Path, served: _Server) -> None:
    _wait_for(lambda: "Pikkula" in served.page("pikkula/fi/"), "the first server")
    second = run_sky(project, "serve", "pikkula", "--port", str(served.port), timeout=60)
    assert second.returncode == 1
    assert second.stderr == (
        f"sky serve: portti {served.port} on jo käytössä osoitteessa 127.0.0.1 (onko toinen "
        f"sky serve jo käynnissä?); valitse toinen, esim. --port {served.port + 1}\n"
    )
