"""Shared fixtures: a tiny valid playbook to vary, a project folder to build in, and the
example sites built once and served to a real browser.

Playwright is imported only when a browser test asks for a browser fixture, so the quick loop
(``pytest -m "not browser and not slow"``) neither loads nor needs it. A test that uses the
browser or the example sites must carry the matching marker; collection stops if one does not.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from generator import clock
from generator.pipeline import build
from generator.problems import Problem
from generator.project import NATIONAL_CONTENT, Project

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Playwright

# Every date rule in the tests, and in every ``sky`` they start, compares with this day: the
# suite gives the same answers on any date the machine shows.
TODAY = dt.date(2026, 11, 26)
os.environ[clock.TODAY_VARIABLE] = TODAY.isoformat()

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
FIXTURES = TESTS / "fixtures"
VALID_PLAYBOOK = (FIXTURES / "pikkula.yml").read_text(encoding="utf-8")
# The example playbooks as shipped, and their slugs: what the session-wide example sites hold.
EXAMPLE_PLAYBOOKS = sorted((REPO / "playbooks").glob("*.yml"))
EXAMPLES = [path.stem for path in EXAMPLE_PLAYBOOKS]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project folder with no playbooks that builds with its own copy of the national
    content (``content_dir`` in its sky.toml), so that a test can change the content."""
    shutil.copytree(NATIONAL_CONTENT, tmp_path / "content")
    (tmp_path / "sky.toml").write_text('content_dir = "content"\n', encoding="utf-8")
    (tmp_path / "playbooks").mkdir()
    return tmp_path


def write_playbook(folder: Path, text: str, name: str = "pikkula") -> Path:
    path = folder / f"{name}.yml"
    path.write_text(text, encoding="utf-8")
    return path


def sky_command(*args: str) -> list[str]:
    """``sky ARGS`` as a command line: this interpreter running the package of this tree."""
    return [sys.executable, "-m", "generator.cli", *args]


def sky_environment(**extra: str) -> dict[str, str]:
    """The environment every ``sky`` a test starts gets: this one (SKY_TODAY included), with
    the package of this tree importable, and ``extra`` added."""
    return {**os.environ, "PYTHONPATH": str(REPO), **extra}


def run_sky(
    project: Path, *args: str, timeout: float = 600, **extra_environment: str
) -> subprocess.CompletedProcess[str]:
    """``sky ARGS`` as a user runs it, in ``project``, with no terminal attached; a ``sky``
    that hangs fails the test after ``timeout`` seconds instead of stopping the suite."""
    return subprocess.run(
        sky_command(*args),
        cwd=project,
        capture_output=True,
        text=True,
        env=sky_environment(**extra_environment),
        stdin=subprocess.DEVNULL,
        timeout=timeout,
        check=False,
    )


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` and its bytes: equal snapshots mean nothing was changed,
    added or removed."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def without_format_notice(problems: Iterable[Problem]) -> list[Problem]:
    """The problems of a version-1 fixture without the notice that every such file gets."""
    return [problem for problem in problems if problem.code != "older-format"]


def vary(old: str, new: str, text: str = VALID_PLAYBOOK) -> str:
    """The valid playbook with one exact piece replaced (fails loudly if it is not there)."""
    assert old in text, f"fixture does not contain {old!r}"
    return text.replace(old, new, 1)


@pytest.fixture(scope="session")
def example_sites(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project as shipped (the examples and the portal's settings, with the toolkit's own
    content and guide), built and published once per session for every test that inspects
    built sites, PDFs or the portal."""
    work = tmp_path_factory.mktemp("example-sites")
    shutil.copytree(REPO / "playbooks", work / "playbooks")
    shutil.copy(REPO / "portal.yml", work / "portal.yml")
    project = Project.at(work)
    outcome = build(sorted(project.playbooks_dir.glob("*.yml")), project, work / "site", jobs=2)
    assert outcome.problems == [] and sorted(outcome.published) == EXAMPLES
    return work / "site"


# The fixtures a test may use only if it is marked so (see pytest_collection_modifyitems).
MARKED_FIXTURES = {
    "browser": {"playwright", "browser", "page", "site_urls"},
    "slow": {"example_sites", "site_urls"},
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    unmarked = [
        f"{item.nodeid} uses {', '.join(sorted(used))} but is not marked {marker!r}"
        for item in items
        for marker, fixtures in MARKED_FIXTURES.items()
        if (used := fixtures & set(getattr(item, "fixturenames", ())))
        and item.get_closest_marker(marker) is None
    ]
    if unmarked:
        raise pytest.UsageError("\n".join(unmarked))


@pytest.fixture(scope="session")
def site_urls(example_sites: Path) -> Iterator[dict[str, str]]:
    """Each example site served from 127.0.0.1 at the root, as from its own host: slug → URL."""
    from support.browser import serve_site

    with ExitStack() as stack:
        yield {slug: stack.enter_context(serve_site(example_sites / slug)) for slug in EXAMPLES}


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as instance:
        yield instance


@pytest.fixture(scope="module")
def browser(playwright: Playwright) -> Iterator[Browser]:
    """Debian's Chromium, one per test module."""
    from support.browser import launch

    chromium = launch(playwright)
    yield chromium
    chromium.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh page that may load only from 127.0.0.1; the test fails if it tried any other
    host or if a script on the page failed."""
    from support.browser import guarded_context

    guarded = guarded_context(browser)
    tab = guarded.context.new_page()
    script_errors: list[str] = []
    tab.on("pageerror", lambda error: script_errors.append(str(error)))
    yield tab
    guarded.context.close()
    assert guarded.blocked == [], f"requests to other hosts were attempted: {guarded.blocked}"
    assert guarded.requested, "the page loaded nothing through the guard"
    assert script_errors == []
