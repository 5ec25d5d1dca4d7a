"""``sky check --online`` follows links only to public web addresses, hop by hop.

The server is on this machine; the injected resolver makes its name look public, as the
internet's DNS would for a real site. Nothing here leaves 127.0.0.1.
"""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

from generator.checks.online import Answer, ExternalLink, check_online, fetch
from generator.problems import Location

WHERE = Location(Path("pikkula/fi/index.html"), 3, 5)
PUBLIC = "93.184.216.34"  # any address on the public internet
NAMES = {"localhost": [PUBLIC], "intranet.test": ["10.1.2.3"], "router.test": ["169.254.1.1"]}


def _resolve(host: str) -> list[str]:
    return NAMES.get(host, [host])


class _Redirecting(http.server.BaseHTTPRequestHandler):
    requests: ClassVar[list[str]] = []
    routes: ClassVar[dict[str, tuple[int, str]]] = {}

    def do_HEAD(self) -> None:
        _Redirecting.requests.append(self.path)
        status, location = _Redirecting.routes.get(self.path, (404, ""))
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        self.end_headers()

    do_GET = do_HEAD

    def log_message(self, *_args: object) -> None:
        return


@pytest.fixture
def server() -> Iterator[str]:
    """``http://localhost:<port>``: on this machine, public to the injected resolver."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Redirecting)
    port = httpd.server_address[1]
    base = f"http://localhost:{port}"
    _Redirecting.requests = []
    _Redirecting.routes = {
        "/ok": (200, ""),
        "/moved": (301, f"{base}/ok"),
        "/twice": (302, f"{base}/moved"),
        "/to-loopback": (302, f"http://127.0.0.1:{port}/ok"),
        "/to-intranet": (302, f"http://intranet.test:{port}/ok"),
        "/to-link-local": (302, f"http://router.test:{port}/ok"),
        "/to-ipv6-loopback": (302, f"http://[::1]:{port}/ok"),
        "/to-file": (302, "file:///etc/passwd"),
        "/to-ftp": (302, "ftp://localhost/x"),
        "/loop": (302, f"{base}/loop"),
        **{f"/chain{n}": (302, f"{base}/chain{n + 1}") for n in range(10)},
    }
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield base
    httpd.shutdown()


def _check(links: list[str], tmp_path: Path) -> list[str]:
    found = check_online(
        [ExternalLink(url, WHERE) for url in links], tmp_path / "cache.json", resolve=_resolve
    )
    return [problem.render() for problem in found]


def test_each_redirect_is_reported_and_a_good_target_is_fine(server: str, tmp_path: Path) -> None:
    assert _check([f"{server}/ok", f"{server}/twice"], tmp_path) == [
        f"pikkula/fi/index.html:3:5: warning: {server}/twice: the address redirects to "
        f"{server}/moved; link to that address directly [external-redirect]",
        f"pikkula/fi/index.html:3:5: warning: {server}/twice: the address redirects to "
        f"{server}/ok; link to that address directly [external-redirect]",
    ]


@pytest.mark.parametrize(
    ("path", "target", "address"),
    [
        ("/to-loopback", "http://127.0.0.1:{port}/ok", "127.0.0.1"),
        ("/to-intranet", "http://intranet.test:{port}/ok", "10.1.2.3"),
        ("/to-link-local", "http://router.test:{port}/ok", "169.254.1.1"),
        ("/to-ipv6-loopback", "http://[::1]:{port}/ok", "::1"),
    ],
)
def test_a_redirect_to_a_local_or_private_network_is_refused_unrequested(
    server: str, tmp_path: Path, path: str, target: str, address: str
) -> None:
    port = server.rpartition(":")[2]
    target = target.format(port=port)
    assert _check([server + path], tmp_path) == [
        f"pikkula/fi/index.html:3:5: {server}{path}: the address leads to {target}, which is "
        f"on a local or private network ({address}); link only to public web pages "
        "[external-refused]"
    ]
    assert _Redirecting.requests == [path], "the private address was never requested"


@pytest.mark.parametrize("path", ["/to-file", "/to-ftp"])
def test_a_redirect_to_anything_but_the_web_is_refused(
    server: str, tmp_path: Path, path: str
) -> None:
    target = _Redirecting.routes[path][1]
    assert _check([server + path], tmp_path) == [
        f"pikkula/fi/index.html:3:5: {server}{path}: the address leads to {target}, which is "
        "not a web page (only http and https are followed); link to a web page "
        "[external-refused]"
    ]


def test_a_link_to_a_private_address_is_not_requested_at_all(tmp_path: Path) -> None:
    assert _check(["https://intranet.test/secret"], tmp_path) == [
        "pikkula/fi/index.html:3:5: https://intranet.test/secret: the address leads to "
        "https://intranet.test/secret, which is on a local or private network (10.1.2.3); "
        "link only to public web pages [external-refused]"
    ]


@pytest.mark.parametrize("path", ["/loop", "/chain0"])
def test_a_redirect_loop_or_a_long_chain_is_an_error(
    server: str, tmp_path: Path, path: str
) -> None:
    problems = _check([server + path], tmp_path)
    assert problems[-1] == (
        f"pikkula/fi/index.html:3:5: {server}{path}: the address redirects more than 5 times, "
        "or in a circle; open it in a browser and link to the page it finally shows "
        "[external-redirect-loop]"
    )
    assert len(_Redirecting.requests) <= 12  # HEAD, then GET, each stopped after 5 hops


def test_a_downgrade_from_https_to_http_is_reported(tmp_path: Path) -> None:
    hops = (("https://a.example/", "http://a.example/"), ("http://a.example/", "http://b.example/"))

    def fetcher(_url: str, _timeout: float) -> Answer:  # the network is the only thing mocked
        return Answer(200, redirects=hops)

    links = [ExternalLink("https://a.example/", WHERE)]
    found = check_online(links, tmp_path / "cache.json", fetcher=fetcher)
    assert [problem.render("fi") for problem in found] == [
        "pikkula/fi/index.html:3:5: varoitus: https://a.example/: osoite ohjaa salatusta "
        "https-osoitteesta salaamattomaan osoitteeseen http://a.example/; linkitä osoitteeseen, "
        "joka alkaa https:// [external-downgrade]",
        "pikkula/fi/index.html:3:5: varoitus: https://a.example/: osoite ohjaa osoitteeseen "
        "http://b.example/; linkitä suoraan siihen [external-redirect]",
    ]
    # The answer is cached with its redirects: the next check reports the same.
    assert check_online(links, tmp_path / "cache.json", fetcher=_never) == found


def _never(url: str, _timeout: float) -> Answer:
    raise AssertionError(f"{url} should have come from the cache")


@pytest.mark.parametrize(
    "cache",
    [
        "{not json",
        "[1, 2]",
        '{"https://a.example/": 5}',
        '{"https://a.example/": {"status": "200", "error": "", "checked": 1}}',
        '{"https://a.example/": {"status": 200, "error": "", "checked": 1, "redirects": [1]}}',
        "[" * 100_000,
    ],
)
def test_a_corrupt_link_cache_is_asked_again(tmp_path: Path, cache: str) -> None:
    (tmp_path / "cache.json").write_text(cache, encoding="utf-8")
    asked = []

    def fetcher(url: str, _timeout: float) -> Answer:
        asked.append(url)
        return Answer(200)

    links = [ExternalLink("https://a.example/", WHERE)]
    assert check_online(links, tmp_path / "cache.json", fetcher=fetcher, now=2.0) == []
    assert asked == ["https://a.example/"]
    assert (
        json.loads((tmp_path / "cache.json").read_text(encoding="utf-8"))["https://a.example/"][
            "status"
        ]
        == 200
    )


def test_the_default_fetcher_refuses_this_machine() -> None:
    answer = fetch("http://127.0.0.1:9/", 1.0)
    assert (answer.refused, answer.refused_address) == ("private", "127.0.0.1")
