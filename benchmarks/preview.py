"""The author's loop: how soon `sky serve` shows the first page, and a saved change.

    .venv/bin/python -m benchmarks.preview [--rounds 3]

Starts `sky serve rantala` on a copy of the example, times the first answer of its Finnish home
page, then, each round, changes one text of the playbook and times how long the page takes to
show it, and how long until the whole site (the Swedish pages and the PDFs, built in the
background) is in place: the page no longer says that the PDFs are being updated. Everything is
on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SLUG = "rantala"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _page(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as answer:
            return str(answer.read().decode("utf-8"))
    except (urllib.error.URLError, OSError):
        return None


NOTICE = 'class="sky-notice"'  # the quick build's pages say that the PDFs are being updated


def _until(
    condition: str | None, url: str, started: float, limit: float = 300, absent: str = ""
) -> float:
    """Seconds from ``started`` until the page at ``url`` holds ``condition`` (any page, for
    None) and not ``absent``."""
    while time.perf_counter() - started < limit:
        page = _page(url)
        shown = page is not None and (condition is None or condition in page)
        if shown and not (absent and absent in str(page)):
            return time.perf_counter() - started
        time.sleep(0.02)
    raise SystemExit(f"{url} did not show {condition!r} within {limit} s")


def _renamed(text: str, name: str) -> str:
    """The playbook with the municipality's Finnish name changed (shown on every page)."""
    old = "  name:\n    fi: "
    start = text.index(old) + len(old)
    return text[:start] + name + text[text.index("\n", start) :]


def run(rounds: int) -> tuple[float, list[float], list[float]]:
    with tempfile.TemporaryDirectory(prefix="sky-preview-") as folder:
        project = Path(folder)
        (project / "playbooks").mkdir()
        shutil.copy(REPO / "playbooks" / f"{SLUG}.yml", project / "playbooks")
        shutil.copytree(REPO / "playbooks" / "logos", project / "playbooks" / "logos")
        port = _free_port()
        url = f"http://127.0.0.1:{port}/{SLUG}/fi/"
        command = [sys.executable, "-m", "generator.cli", "serve", SLUG, "--port", str(port)]
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        started = time.perf_counter()
        server = subprocess.Popen(
            command, cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        try:
            first = _until(None, url, started)
            _until(None, url, started, absent=NOTICE)  # the first whole build is in place
            playbook = project / "playbooks" / f"{SLUG}.yml"
            changes, wholes = [], []
            for number in range(rounds):
                name = f"Rantala {number}"
                text = playbook.read_text(encoding="utf-8")
                saved = time.perf_counter()
                playbook.write_text(_renamed(text, name), encoding="utf-8")
                changes.append(_until(name, url, saved))
                wholes.append(_until(name, url, saved, absent=NOTICE))
                time.sleep(1)
        finally:
            server.terminate()
            server.wait(timeout=30)
    return first, changes, wholes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    first, changes, wholes = run(args.rounds)
    print(f"first page after {first:.2f} s")
    for what, times in (("a saved change visible", changes), ("the whole site in place", wholes)):
        each = ", ".join(f"{seconds:.2f}" for seconds in times)
        print(f"{what} after {statistics.median(times):.2f} s (median; {each})")


if __name__ == "__main__":
    main()
