"""Every page of the shipped examples and of the portal, in both languages, is valid HTML: the
W3C Nu HTML Checker (vnu, from the npm package vnu-jar that ``scripts/install`` installs) finds
no error in any of them, those Material's own templates would bring included."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import EXAMPLES, REPO

pytestmark = pytest.mark.slow

VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def validate(pages: list[Path]) -> list[dict[str, object]]:
    """vnu's errors in ``pages``, all checked in one run of the validator (one Java start)."""
    java = shutil.which("java")
    if java is None or not VNU.is_file():
        pytest.fail(f"Java or the Nu HTML Checker ({VNU}) is not installed: run scripts/install")
    result = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, pages)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    # vnu writes its report to standard error, and exits 1 when it found an error.
    messages: list[dict[str, object]] = json.loads(result.stderr)["messages"]
    return messages


def describe(errors: list[dict[str, object]], root: Path) -> str:
    """One line per error: file:line:column, vnu's message."""
    return "\n".join(
        f"{_relative(str(error.get('url', '')), root)}:{error.get('lastLine', '?')}:"
        f"{error.get('firstColumn', error.get('lastColumn', '?'))}: {error.get('message')}"
        for error in errors
    )


def _relative(url: str, root: Path) -> str:
    path = Path(url.removeprefix("file:")).resolve()
    return str(path.relative_to(root.resolve())) if path.is_relative_to(root.resolve()) else url


def test_every_page_is_valid_html(example_sites: Path) -> None:
    pages = sorted(example_sites.rglob("*.html"))
    # Both languages of every example and of the portal, and every page kind, are in the run.
    for site in [*EXAMPLES, ""]:
        for language in ("fi", "sv"):
            assert (example_sites / site / language / "index.html") in pages
            assert (example_sites / site / language / "404.html") in pages
    assert len(pages) > 100
    errors = validate(pages)
    assert errors == [], describe(errors, example_sites)


def test_the_checker_finds_an_error_where_there_is_one(tmp_path: Path) -> None:
    page = tmp_path / "index.html"
    page.write_text(
        '<!doctype html><html lang="fi"><head><meta charset="utf-8"><title>T</title></head>'
        '<body>\n<input type="checkbox" id="t" autocomplete="off">\n</body></html>\n',
        encoding="utf-8",
    )
    errors = validate([page])
    assert describe(errors, tmp_path) == (
        "index.html:2:1: Attribute “autocomplete” is only allowed when the input type is "
        "“color”, “date”, “datetime-local”, “email”, “hidden”, “month”, “number”, "
        "“password”, “range”, “search”, “tel”, “text”, “time”, “url”, or “week”."
    )
