"""Shared fixtures: a tiny valid playbook to vary, a project folder to build in, and the
example sites built once and served to a real browser."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Playwright, sync_playwright

from generator import clock
from generator.pipeline import Project, build
from support.browser import guarded_context, launch, serve_site

# Every date rule in the tests, and in every ``sky`` they start, compares with this day: the
# suite gives the same answers on any date the machine shows.
TODAY = dt.date(2026, 11, 26)
os.environ[clock.TODAY_VARIABLE] = TODAY.isoformat()

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
FIXTURES = TESTS / "fixtures"
VALID_PLAYBOOK = (FIXTURES / "pikkula.yml").read_text(encoding="utf-8")
EXAMPLES = sorted(path.stem for path in (REPO / "playbooks").glob("*.yml"))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project folder with the real national content and base config, and no playbooks."""
    shutil.copytree(REPO / "content", tmp_path / "content")
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "playbooks").mkdir()
    return tmp_path


def write_playbook(folder: Path, text: str, name: str = "pikkula") -> Path:
    path = folder / f"{name}.yml"
    path.write_text(text, encoding="utf-8")
    return path


def run_sky(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``sky ARGS`` as a user runs it, in ``project``, with no terminal attached."""
    return subprocess.run(
        [sys.executable, "-m", "generator.cli", *args],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        stdin=subprocess.DEVNULL,
        check=False,
    )


def vary(old: str, new: str, text: str = VALID_PLAYBOOK) -> str:
    """The valid playbook with one exact piece replaced (fails loudly if it is not there)."""
    assert old in text, f"fixture does not contain {old!r}"
    return text.replace(old, new, 1)


@pytest.fixture(scope="session")
def example_sites(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project as shipped (examples, content, guide, portal settings), built and published
    once per session for every test that inspects built sites, PDFs or the portal."""
    work = tmp_path_factory.mktemp("example-sites")
    for name in ("content", "playbooks", "guide"):
        shutil.copytree(REPO / name, work / name)
    for name in ("mkdocs.yml", "portal.yml"):
        shutil.copy(REPO / name, work / name)
    project = Project(work)
    outcome = build(sorted(project.playbooks_dir.glob("*.yml")), project, work / "site", jobs=2)
    assert outcome.problems == [] and sorted(outcome.published) == EXAMPLES
    return work / "site"


@pytest.fixture(scope="session")
def site_urls(example_sites: Path) -> Iterator[dict[str, str]]:
    """Each example site served from 127.0.0.1 at the root, as from its own host: slug → URL."""
    with ExitStack() as stack:
        yield {slug: stack.enter_context(serve_site(example_sites / slug)) for slug in EXAMPLES}


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as instance:
        yield instance


@pytest.fixture(scope="module")
def browser(playwright: Playwright) -> Iterator[Browser]:
    """Debian's Chromium, one per test module."""
    chromium = launch(playwright)
    yield chromium
    chromium.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh page that may load only from 127.0.0.1; the test fails if it tried any other
    host or if a script on the page failed."""
    guarded = guarded_context(browser)
    tab = guarded.context.new_page()
    script_errors: list[str] = []
    tab.on("pageerror", lambda error: script_errors.append(str(error)))
    yield tab
    guarded.context.close()
    assert guarded.blocked == [], f"requests to other hosts were attempted: {guarded.blocked}"
    assert guarded.requested, "the page loaded nothing through the guard"
    assert script_errors == []
