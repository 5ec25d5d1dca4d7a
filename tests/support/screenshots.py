"""Full-page screenshots of every kind of page of the shipped examples, as readers see them.

``scripts/screenshots`` runs this (``python -m support.screenshots``): it builds the project's
playbooks (``playbooks/*.yml``) and the portal into ``site/`` with ``sky build``, as
``scripts/setup`` does (a site whose inputs have not changed is not built again), or takes an
output folder as it is (``--site DIR``, no build), serves it from 127.0.0.1 and photographs each
page in Debian's Chromium at a phone's and a laptop's width, in Finnish and Swedish, offline
(requests to any other host are blocked). The pictures go to ``build/screenshots/<slug>/<lang>-<kind>-<width>.png`` and
``build/screenshots/portal/...``: files to look at, never committed.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

from generator.playbook.loader import load_playbook
from support.browser import guarded_context, launch, serve_site

REPO = Path(__file__).resolve().parents[2]
BUILT_SITE = REPO / "site"  # where sky build publishes by default
SCREENSHOTS = REPO / "build" / "screenshots"
WIDTHS = (390, 1280)
HEIGHTS = {390: 844, 1280: 800}  # the first screen of a phone and of a laptop
LANGUAGES = ("fi", "sv")

# Each kind of municipal page and its address under the language's folder; {stage} is the
# playbook's first stage.
MUNICIPAL_PAGES = {
    "home": "",
    "guardians": "guardians/",
    "teachers": "teachers/",
    "ladder": "ladder/",
    "stage": "stages/{stage}/",
    "calculator": "calculator/",
    "contacts": "contacts/",
    "downloads": "downloads/",
    "about": "about/",
    "national": "sky/",
    "glossary": "sky/glossary/",
}
PORTAL_PAGES = {"home": "", "compare": "compare/"}


@dataclass(frozen=True)
class Shot:
    url: str
    path: Path
    width: int


def build_examples(out: Path) -> bool:
    """``sky build --out OUT`` in the repository (every example and the portal): whether every
    site was published; sky prints its own problems."""
    command = [sys.executable, "-m", "generator.cli", "build", "--out", str(out)]
    return subprocess.run(command, cwd=REPO, check=False).returncode == 0


def planned_shots(base_url: str, slugs: Sequence[str]) -> list[Shot]:
    """Every page kind of every named site, in both languages, at both widths."""
    shots: list[Shot] = []
    for slug in slugs:
        stage = load_playbook(REPO / "playbooks" / f"{slug}.yml").playbook.stages[0].id
        for language in LANGUAGES:
            for kind, address in MUNICIPAL_PAGES.items():
                url = f"{base_url}{slug}/{language}/{address.format(stage=stage)}"
                shots += _at_widths(url, SCREENSHOTS / slug, f"{language}-{kind}")
    for language in LANGUAGES:
        for kind, address in PORTAL_PAGES.items():
            shots += _at_widths(
                f"{base_url}{language}/{address}", SCREENSHOTS / "portal", f"{language}-{kind}"
            )
    return shots


def _at_widths(url: str, folder: Path, name: str) -> list[Shot]:
    return [Shot(url, folder / f"{name}-{width}.png", width) for width in WIDTHS]


def take(browser: Browser, shots: Sequence[Shot]) -> list[str]:
    """Photograph each page whole; the addresses that did not load, with their status."""
    failed: list[str] = []
    for width in WIDTHS:
        guarded = guarded_context(browser, viewport={"width": width, "height": HEIGHTS[width]})
        page = guarded.context.new_page()
        for shot in (shot for shot in shots if shot.width == width):
            response = page.goto(shot.url, wait_until="load")
            if response is None or response.status != 200:
                failed.append(f"{shot.url}: {response.status if response else 'no response'}")
                continue
            shot.path.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(shot.path), full_page=True)
        guarded.context.close()
        failed += [f"blocked request to another host: {url}" for url in guarded.blocked]
    return failed


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/screenshots", description=__doc__.split("\n")[0])
    parser.add_argument("slugs", nargs="*", help="example sites to photograph (default: all)")
    parser.add_argument(
        "--site",
        type=Path,
        help="photograph this output folder as it is; default: build the examples into site/",
    )
    options = parser.parse_args(argv)
    slugs = options.slugs or sorted(path.stem for path in (REPO / "playbooks").glob("*.yml"))
    site: Path = options.site or BUILT_SITE
    if options.site is None and not build_examples(site):
        print("scripts/screenshots: the build failed (see above); nothing photographed")
        return 1
    shutil.rmtree(SCREENSHOTS, ignore_errors=True)
    with serve_site(site) as base_url, sync_playwright() as playwright:
        browser = launch(playwright)
        shots = planned_shots(base_url, slugs)
        failed = take(browser, shots)
        browser.close()
    for line in failed:
        print(line, file=sys.stderr)
    print(f"{len(shots) - len(failed)} screenshots in {SCREENSHOTS.relative_to(REPO)}/")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
