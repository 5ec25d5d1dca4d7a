"""Lighthouse (mobile) over the pages readers open first: accessibility 100, SEO at least 95,
best practices 100.

The pinned Lighthouse CLI (``node_modules``, from package-lock.json) drives Debian's Chromium,
headless, at pages served from 127.0.0.1; every other host fails to resolve, so nothing is
fetched from the network. A failing score names the audits that cost it.
"""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import REPO
from support.browser import CHROMIUM, LOCAL_HOST, serve_site

LIGHTHOUSE = REPO / "node_modules" / ".bin" / "lighthouse"
# Each page (under the output folder) and the site it belongs to.
PAGES = {
    "home": "rantala/fi/",
    "guardians": "rantala/fi/guardians/",
    "teachers": "rantala/fi/teachers/",
    "calculator": "rantala/fi/calculator/",
    "portal-compare": "fi/compare/",
    "home-sv": "fjardskar/sv/",  # a site whose first language is Swedish
}
MINIMUM_SCORES = {"accessibility": 1.0, "seo": 0.95, "best-practices": 1.0}
CHROME_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    f"--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE {LOCAL_HOST}",
)


def lighthouse_report(url: str, output: Path) -> dict[str, Any]:
    """Lighthouse's JSON report of one page, mobile (its default form factor)."""
    command = [
        str(LIGHTHOUSE),
        url,
        f"--only-categories={','.join(MINIMUM_SCORES)}",
        "--output=json",
        f"--output-path={output}",
        "--quiet",
        "--no-enable-error-reporting",
        "--throttling-method=provided",
        "--disable-full-page-screenshot",
        f"--chrome-flags={' '.join(CHROME_FLAGS)}",
    ]
    environment = {**os.environ, "CHROME_PATH": str(CHROMIUM)}
    done = subprocess.run(
        command, env=environment, capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    report: dict[str, Any] = json.loads(output.read_text(encoding="utf-8"))
    return report


def failing_audits(report: dict[str, Any], category: str) -> list[str]:
    """The audits that lower a category's score: 'id (score): title'."""
    audits = report["audits"]
    return [
        f"{ref['id']} ({audits[ref['id']]['score']}): {audits[ref['id']]['title']}"
        for ref in report["categories"][category]["auditRefs"]
        if ref["weight"] > 0
        and audits[ref["id"]]["score"] is not None
        and audits[ref["id"]]["score"] < 1
    ]


def test_failing_audits_are_the_weighed_ones_below_full_score() -> None:
    report = {
        "categories": {
            "seo": {
                "auditRefs": [
                    {"id": "meta-description", "weight": 1},
                    {"id": "hreflang", "weight": 1},
                    {"id": "structured-data", "weight": 0},
                    {"id": "robots-txt", "weight": 1},
                ]
            }
        },
        "audits": {
            "meta-description": {"score": 0, "title": "Document does not have a meta description"},
            "hreflang": {"score": 1, "title": "Document has a valid hreflang"},
            "structured-data": {"score": 0, "title": "Structured data is valid"},
            "robots-txt": {"score": None, "title": "robots.txt is valid"},
        },
    }

    assert failing_audits(report, "seo") == [
        "meta-description (0): Document does not have a meta description"
    ]


@pytest.fixture(scope="module")
def served(example_sites: Path) -> Iterator[str]:
    with serve_site(example_sites) as url:
        yield url


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.parametrize("kind", PAGES)
def test_lighthouse_scores(served: str, tmp_path: Path, kind: str) -> None:
    if not LIGHTHOUSE.is_file() or not CHROMIUM.is_file():
        pytest.fail(f"Lighthouse ({LIGHTHOUSE}) or Chromium ({CHROMIUM}): run scripts/install")
    report = lighthouse_report(served + PAGES[kind], tmp_path / "report.json")

    assert "runtimeError" not in report, report.get("runtimeError")
    scores = {name: report["categories"][name]["score"] for name in MINIMUM_SCORES}
    low = {
        name: (scores[name], failing_audits(report, name))
        for name, minimum in MINIMUM_SCORES.items()
        if scores[name] < minimum
    }
    assert low == {}, f"{PAGES[kind]}: {low}"


@pytest.mark.slow
@pytest.mark.browser
def test_lighthouse_finds_what_a_page_lacks(tmp_path: Path) -> None:
    """The harness itself: a page without a language, a description or an image's alt text
    scores below the minimums, and the audits that cost it are named."""
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text(
        '<!doctype html><title>x</title><meta name="viewport" content="width=device-width">'
        '<p>Poissaolot</p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="40"'
        ' height="40">',
        encoding="utf-8",
    )
    with serve_site(tmp_path / "site") as url:
        report = lighthouse_report(url, tmp_path / "report.json")

    assert report["categories"]["accessibility"]["score"] < 1
    assert report["categories"]["seo"]["score"] < MINIMUM_SCORES["seo"]
    failing = failing_audits(report, "accessibility") + failing_audits(report, "seo")
    assert {line.split(" ")[0] for line in failing} >= {
        "image-alt",
        "html-has-lang",
        "meta-description",
    }
