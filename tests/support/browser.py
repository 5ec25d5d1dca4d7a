"""Built sites in a real browser: Debian's Chromium driven by Playwright, offline.

The only module that imports Playwright (a development dependency: the browser tests and the
page weight benchmark use it). It serves built sites from 127.0.0.1 as a web host would (each
at the path of its address, with its language's 404 page for unknown addresses), launches
Chromium without any background traffic, blocks every request to another host and records it,
and runs axe-core (installed from the npm registry by ``scripts/install``) in pages.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import Browser, BrowserContext, Page, Playwright, Route

CHROMIUM = Path("/usr/bin/chromium")
REPO = Path(__file__).resolve().parents[2]  # tests/support/browser.py → the repository
AXE_SCRIPT = REPO / "node_modules" / "axe-core" / "axe.min.js"
LOCAL_HOST = "127.0.0.1"
WCAG_A_AA_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Nothing but this machine resolves, even for a request that escaped the blocking below.
    f"--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE {LOCAL_HOST}",
)


class BrowserMissing(RuntimeError):
    """Chromium or axe-core is not installed; ``scripts/install`` installs both."""


def launch(playwright: Playwright) -> Browser:
    """Debian's Chromium, headless; never a browser downloaded by Playwright."""
    for path, what in (
        (CHROMIUM, "Chromium (Debian package 'chromium')"),
        (AXE_SCRIPT, "axe-core"),
    ):
        if not path.is_file():
            raise BrowserMissing(f"{what} is not installed at {path}: run scripts/install")
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS))


@dataclass
class Guarded:
    """A browser context whose requests to other hosts are blocked, and remembered."""

    context: BrowserContext
    blocked: list[str] = field(default_factory=list)
    requested: list[str] = field(default_factory=list)


def guarded_context(browser: Browser, **options: Any) -> Guarded:
    """A new context that lets through only requests to 127.0.0.1."""
    context = browser.new_context(service_workers="block", **options)
    guarded = Guarded(context)

    def route(route: Route) -> None:
        url = route.request.url
        guarded.requested.append(url)
        if urlsplit(url).hostname == LOCAL_HOST:
            route.continue_()
        else:
            guarded.blocked.append(url)
            route.abort("blockedbyclient")

    context.route("**/*", route)
    return guarded


def run_axe(page: Page) -> list[dict[str, Any]]:
    """axe-core's violations of the WCAG 2.0 and 2.1 level A and AA rules in the page as shown."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(path=str(AXE_SCRIPT))
    result: dict[str, Any] = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
        " resultTypes: ['violations']})",
        list(WCAG_A_AA_TAGS),
    )
    violations: list[dict[str, Any]] = result["violations"]
    return violations


def describe_violations(violations: list[dict[str, Any]]) -> str:
    """One line per failing element: rule, what to fix, where."""
    return "\n".join(
        f"{violation['id']}: {violation['help']} at {node['target']}: "
        f"{' '.join(node['failureSummary'].split())}"
        for violation in violations
        for node in violation["nodes"]
    )


class _SiteHandler(SimpleHTTPRequestHandler):
    """Serves one built site; an unknown address gets its language's 404 page, as on a host."""

    def __init__(self, *args: Any, root: Path, **kwargs: Any) -> None:
        self.root = root
        super().__init__(*args, directory=str(root), **kwargs)

    def log_message(self, format: str, *args: Any) -> None:
        del format, args  # the tests' server keeps quiet

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        language = urlsplit(self.path).path.strip("/").split("/")[0]
        error_page = self.root / language / "404.html"
        if code != 404 or not language or not error_page.is_file():
            super().send_error(code, message, explain)
            return
        body = error_page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@contextmanager
def serve_site(site_dir: Path) -> Iterator[str]:
    """Serve ``site_dir`` (a published ``<out>/<slug>/``) at the root of a local address."""
    handler = functools.partial(_SiteHandler, root=site_dir)
    server = ThreadingHTTPServer((LOCAL_HOST, 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{LOCAL_HOST}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
