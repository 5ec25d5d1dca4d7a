"""What each kind of page costs a reader to load: compressed bytes, by type, measured in Chromium.

    .venv/bin/python -m benchmarks.page_weight [--site DIR]

Builds every example playbook into a temporary folder (or reads an output folder built before,
with --site), serves each site from 127.0.0.1 and loads every kind of page in headless
Chromium, recording each file the page loads, its scripts' workers included. Each file is
counted at its gzip-compressed size (level 6, as web servers commonly send it). Prints, per
page kind, the median over the example sites and languages of HTML, CSS, JS, fonts, their
total, separately the search index and images, and everything the page fetched ("all"); then
a first visit to each municipality's home against its target (at most 60 KiB in all: the
search loads only when the reader first uses it), what a first search adds, and each site
folder's size on disk. Numbers, not a test (tests/site/test_search_loading_browser.py holds
the target): run it before and after a change to the theme or the pages.
"""

from __future__ import annotations

import argparse
import gzip
import shutil
import statistics
import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import NamedTuple
from urllib.parse import unquote, urlsplit

from playwright.sync_api import Browser, sync_playwright

from generator.pipeline import build
from generator.playbook.loader import load_playbook
from generator.playbook.model import Playbook
from generator.project import Project

REPO = Path(__file__).resolve().parent.parent
# The offline browser is test support, not part of the toolkit; this benchmark borrows it.
sys.path.insert(0, str(REPO / "tests"))
from support.browser import guarded_context, launch, serve_site  # noqa: E402

KINDS = {
    "home": "",
    "ladder": "ladder/",
    "stage": "stages/{stage}/",
    "guardians": "guardians/",
    "teachers": "teachers/",
    "contacts": "contacts/",
    "calculator": "calculator/",
    "downloads": "downloads/",
    "statement": "accessibility/",
    "national": "sky/",
    "glossary": "sky/glossary/",
    "404": "no-such-page/",
}
COLUMNS = ("html", "css", "js", "fonts")
EXTRA = ("search index", "images", "all")
FIRST_VISIT_TARGET = 60 * 1024  # bytes, compressed, everything a first visit to a home fetches
_TYPES = {
    ".html": "html",
    ".css": "css",
    ".js": "js",
    ".woff": "fonts",
    ".woff2": "fonts",
    ".ttf": "fonts",
    ".otf": "fonts",
    ".json": "search index",
    ".svg": "images",
    ".png": "images",
    ".jpg": "images",
    ".ico": "images",
    ".xml": "sitemaps",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="an output folder built before (sky build)")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="page-weight-") as folder:
        out_dir = arguments.site or _build_examples(Path(folder))
        slugs = sorted(path.stem for path in (REPO / "playbooks").glob("*.yml"))
        weights = _measure(out_dir, slugs)
        _print_weights(weights)
        _print_first_visits(out_dir, slugs)
        _print_site_sizes(out_dir, slugs)


def _build_examples(folder: Path) -> Path:
    shutil.copytree(REPO / "playbooks", folder / "playbooks")
    project = Project.at(folder)
    outcome = build(sorted(project.playbooks_dir.glob("*.yml")), project, folder / "site", jobs=2)
    if not outcome.ok:
        raise SystemExit(f"the examples did not build: {outcome.failed}")
    return folder / "site"


Weights = dict[str, list[dict[str, int]]]  # page kind → one {type: bytes} per site and language


class _Language(NamedTuple):
    """One language of one built site, served: ``url`` is its language's root."""

    slug: str
    language: str
    url: str
    playbook: Playbook


def _each_language(out_dir: Path, slugs: list[str]) -> Iterator[tuple[Browser, _Language]]:
    """Every language of every site, served from ``out_dir``, with one browser for all."""
    with ExitStack() as stack, sync_playwright() as playwright:
        browser = launch(playwright)
        for slug in slugs:
            playbook = load_playbook(REPO / "playbooks" / f"{slug}.yml").playbook
            url = stack.enter_context(serve_site(out_dir / slug))
            for language in playbook.languages:
                yield browser, _Language(slug, language, f"{url}{language}/", playbook)
        browser.close()


def _measure(out_dir: Path, slugs: list[str]) -> Weights:
    weights: Weights = defaultdict(list)
    for browser, site in _each_language(out_dir, slugs):
        for kind, path in KINDS.items():
            page_url = site.url + path.format(stage=site.playbook.stages[0].id)
            loaded = _loaded_files(browser, page_url)
            weights[kind].append(_by_type(out_dir / site.slug, loaded))
    return weights


def _loaded_files(browser: Browser, url: str, search: str | None = None) -> list[str]:
    """The URL paths of everything the page loads until the network is quiet (and, given
    ``search``, once that has been typed into the search box and the results are shown)."""
    guarded = guarded_context(browser)
    page = guarded.context.new_page()
    page.goto(url, wait_until="networkidle")
    if search is not None:
        page.click(".md-search__input")
        page.keyboard.type(search)
        page.locator(".md-search-result__item").first.wait_for()
        page.wait_for_load_state("networkidle")
    guarded.context.close()
    if guarded.blocked:
        raise SystemExit(f"{url} tried to load from other hosts: {guarded.blocked}")
    return [unquote(urlsplit(request).path) for request in guarded.requested]


def _by_type(site_dir: Path, paths: list[str]) -> dict[str, int]:
    sizes: dict[str, int] = defaultdict(int)
    for path in dict.fromkeys(paths):  # a file loaded twice comes from the cache
        file = site_dir / path.lstrip("/")
        if file.is_dir() or not file.exists():
            file = file / "index.html" if file.is_dir() else _error_page(site_dir, path)
        kind = _TYPES.get(file.suffix, "other")
        compressed = len(gzip.compress(file.read_bytes(), compresslevel=6))
        sizes[kind] += compressed
        sizes["all"] += compressed
    return sizes


def _error_page(site_dir: Path, path: str) -> Path:
    return site_dir / path.strip("/").split("/")[0] / "404.html"


def _print_weights(weights: Weights) -> None:
    header = ["page kind", *COLUMNS, "total", *EXTRA]
    print("Compressed bytes per page (median over the example sites and languages)\n")
    print("".join(f"{title:>14}" for title in header))
    for kind, samples in weights.items():
        row = [statistics.median(sample.get(column, 0) for sample in samples) for column in COLUMNS]
        extra = [statistics.median(sample.get(column, 0) for sample in samples) for column in EXTRA]
        cells = [kind, *(f"{value:,.0f}" for value in (*row, sum(row), *extra))]
        print("".join(f"{cell:>14}" for cell in cells))


_SEARCH_WORDS = {"fi": "poissaolo", "sv": "frånvaro"}


def _print_first_visits(out_dir: Path, slugs: list[str]) -> None:
    print(
        f"\nFirst visit to a municipality's home (compressed bytes; target ≤ "
        f"{FIRST_VISIT_TARGET:,} in all)\n"
    )
    print("".join(f"{title:>14}" for title in ("site", "language", "home", "target", "search")))
    for browser, site in _each_language(out_dir, slugs):
        home = _by_type(out_dir / site.slug, _loaded_files(browser, site.url))
        searched = _loaded_files(browser, site.url, _SEARCH_WORDS[site.language])
        added = _by_type(out_dir / site.slug, searched)["all"] - home["all"]
        verdict = "met" if home["all"] <= FIRST_VISIT_TARGET else "MISSED"
        cells = [site.slug, site.language, f"{home['all']:,}", verdict, f"+{added:,}"]
        print("".join(f"{cell:>14}" for cell in cells))


def _print_site_sizes(out_dir: Path, slugs: list[str]) -> None:
    print("\nSite folders on disk (uncompressed, PDF downloads apart)\n")
    for slug in slugs:
        files = [path for path in (out_dir / slug).rglob("*") if path.is_file()]
        pdfs = sum(path.stat().st_size for path in files if path.suffix == ".pdf")
        rest = sum(path.stat().st_size for path in files) - pdfs
        print(f"{slug:>14}{rest:>14,} bytes in {len(files)} files, plus {pdfs:,} bytes of PDFs")


if __name__ == "__main__":
    main()
