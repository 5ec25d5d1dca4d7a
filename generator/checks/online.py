"""``sky check --online``: request every external link once, politely, with an on-disk cache.

Only this module touches the network, and only when the user asks for it: builds and the
ordinary check never do. Each address is requested with a timeout, a few at a time, and the
answer is remembered for a day in a cache file so that repeated checks stay fast and light on
the servers they point to.
"""

from __future__ import annotations

import ipaddress
import json
import socket
import urllib.error
import urllib.request
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from http.client import HTTPMessage
from pathlib import Path
from typing import IO, Any, TypedDict
from urllib.parse import urljoin, urlsplit

from generator import clock
from generator.messages import msg
from generator.problems import Location, Problem, Severity

CACHE_SECONDS = 24 * 60 * 60
USER_AGENT = "sky-playbooks link checker"
# More hops than any real site needs; a loop stops here too.
MAX_REDIRECTS = 5


@dataclass(frozen=True)
class ExternalLink:
    url: str
    location: Location


@dataclass(frozen=True)
class Answer:
    status: int | None  # the HTTP status, or None when no answer came
    error: str = ""
    # Each redirect followed, as (from, to); and why the next one was not ("" if none was
    # refused): "private" (a local or private network), "scheme" (not http or https), "loop".
    redirects: tuple[tuple[str, str], ...] = ()
    refused: str = ""
    refused_url: str = ""
    refused_address: str = ""


Fetch = Callable[[str, float], Answer]
# A host name → the addresses it stands for (by default, DNS). Injected in tests.
Resolve = Callable[[str], list[str]]


class CacheEntry(TypedDict, total=False):
    status: int | None
    error: str
    checked: float
    redirects: list[list[str]]
    refused: str
    refused_url: str
    refused_address: str


def resolve_host(host: str) -> list[str]:
    """Every address ``host`` stands for (an address written as such stands for itself)."""
    try:
        return sorted({str(info[4][0]) for info in socket.getaddrinfo(host, None)})
    except (OSError, UnicodeError):
        return []  # the request itself will say that the host is unknown


class _Refused(Exception):
    def __init__(self, reason: str, url: str, address: str = "") -> None:
        super().__init__(f"{reason}: {url}")
        self.reason, self.url, self.address = reason, url, address


def refusal(url: str, resolve: Resolve) -> _Refused | None:
    """Why ``url`` must not be requested: not a web address, or one on a local network.

    A link checker that follows any address can be sent to the machine itself or to the
    network behind it; only addresses that every name of the host resolves to publicly are
    requested.
    """
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        return _Refused("scheme", url)
    for address in resolve(parts.hostname):
        try:
            ip = ipaddress.ip_address(address.split("%")[0])
        except ValueError:
            return _Refused("private", url, address)
        if not ip.is_global:
            return _Refused("private", url, address)
    return None


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    """Follows a redirect only to a public web address, and records each one it follows."""

    max_redirections = MAX_REDIRECTS

    def __init__(self, resolve: Resolve) -> None:
        self.resolve = resolve
        self.hops: list[tuple[str, str]] = []

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        refused = refusal(newurl, self.resolve)
        if refused is not None:
            raise refused
        self.hops.append((req.full_url, newurl))
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(url: str, timeout: float, resolve: Resolve = resolve_host) -> Answer:
    """HEAD the address; servers that refuse HEAD get a GET. Redirects are checked hop by hop."""
    refused = refusal(url, resolve)
    if refused is not None:
        return _refused_answer(refused, ())
    for method in ("HEAD", "GET"):
        redirects = _CheckedRedirects(resolve)
        opener = urllib.request.build_opener(redirects)
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with opener.open(request, timeout=timeout) as response:
                return Answer(response.status, redirects=tuple(redirects.hops))
        except _Refused as hop_refused:
            return _refused_answer(hop_refused, tuple(redirects.hops))
        except urllib.error.HTTPError as error:
            if 300 <= error.code < 400:
                # urllib gave up: a target it will not follow (file:), too many hops, a loop.
                return _stopped_redirect(error, url, tuple(redirects.hops), resolve)
            if method == "HEAD" and error.code in {403, 405, 501}:
                continue
            return Answer(error.code, redirects=tuple(redirects.hops))
        except (urllib.error.URLError, TimeoutError, OSError, ValueError) as error:
            reason = getattr(error, "reason", error)
            return Answer(None, str(reason), redirects=tuple(redirects.hops))
    return Answer(None, "no answer")


def _stopped_redirect(
    error: urllib.error.HTTPError,
    url: str,
    hops: tuple[tuple[str, str], ...],
    resolve: Resolve,
) -> Answer:
    location = error.headers.get("Location", "") if error.headers else ""
    target = urljoin(hops[-1][1] if hops else url, location)
    refused = refusal(target, resolve) if location else None
    if refused is not None:
        return _refused_answer(refused, hops)
    return Answer(None, redirects=hops, refused="loop")


def _refused_answer(refused: _Refused, hops: tuple[tuple[str, str], ...]) -> Answer:
    return Answer(
        None,
        redirects=hops,
        refused=refused.reason,
        refused_url=refused.url,
        refused_address=refused.address,
    )


def check_online(
    links: list[ExternalLink],
    cache_file: Path,
    *,
    timeout: float = 10.0,
    workers: int = 8,
    now: float | None = None,
    fetcher: Fetch | None = None,
    resolve: Resolve = resolve_host,
) -> list[Problem]:
    moment = clock.now() if now is None else now
    ask: Fetch = fetcher or (lambda url, seconds: fetch(url, seconds, resolve))
    cache = _read_cache(cache_file)
    stale = sorted(
        {
            link.url
            for link in links
            if link.url not in cache or moment - cache[link.url]["checked"] > CACHE_SECONDS
        }
    )
    with ThreadPoolExecutor(max_workers=workers) as pool:
        for url, answer in zip(stale, pool.map(lambda u: ask(u, timeout), stale), strict=True):
            cache[url] = _entry(answer, moment)
    _write_cache(cache_file, cache)
    problems = []
    for link in links:
        problems += _problems(link, _answer(cache[link.url]))
    return problems


def _entry(answer: Answer, moment: float) -> CacheEntry:
    return {
        "status": answer.status,
        "error": answer.error,
        "checked": moment,
        "redirects": [list(hop) for hop in answer.redirects],
        "refused": answer.refused,
        "refused_url": answer.refused_url,
        "refused_address": answer.refused_address,
    }


def _answer(entry: CacheEntry) -> Answer:
    return Answer(
        entry["status"],
        entry["error"],
        tuple((hop[0], hop[1]) for hop in entry.get("redirects", [])),
        entry.get("refused", ""),
        entry.get("refused_url", ""),
        entry.get("refused_address", ""),
    )


def _problems(link: ExternalLink, answer: Answer) -> list[Problem]:
    problems = []
    for source, target in answer.redirects:
        downgrade = source.startswith("https:") and target.startswith("http:")
        key = "external-downgrade" if downgrade else "external-redirect"
        problems.append(
            Problem.of(key, link.location, link.url, msg(key, target=target), Severity.WARNING)
        )
    problem = _refused_problem(link, answer) if answer.refused else None
    problem = problem or _problem(link, answer.status, answer.error)
    return [*problems, problem] if problem is not None else problems


def _refused_problem(link: ExternalLink, answer: Answer) -> Problem:
    if answer.refused == "loop":
        text = msg("external-redirect-loop", limit=MAX_REDIRECTS)
        return Problem.of("external-redirect-loop", link.location, link.url, text)
    if answer.refused == "scheme":
        text = msg("external-refused.scheme", target=answer.refused_url)
    else:
        text = msg("external-refused", target=answer.refused_url, address=answer.refused_address)
    return Problem.of("external-refused", link.location, link.url, text)


def _problem(link: ExternalLink, status: int | None, error: str) -> Problem | None:
    if status is None:
        return Problem.of(
            "external-unreachable",
            link.location,
            link.url,
            msg("external-unreachable", error=error),
            Severity.WARNING,
        )
    if status >= 400:
        return Problem.of(
            "external-broken",
            link.location,
            link.url,
            msg("external-broken", status=status),
            Severity.ERROR if status in {404, 410} else Severity.WARNING,
        )
    return None


def _valid_entry(entry: Any) -> bool:
    """Whether a cached answer has the shape this version writes (a cache may be corrupt)."""
    if not isinstance(entry, dict):
        return False
    status, checked = entry.get("status"), entry.get("checked")
    redirects = entry.get("redirects", [])
    return (
        (status is None or (isinstance(status, int) and not isinstance(status, bool)))
        and isinstance(entry.get("error"), str)
        and isinstance(checked, int | float)
        and not isinstance(checked, bool)
        and isinstance(redirects, list)
        and all(
            isinstance(hop, list) and len(hop) == 2 and all(isinstance(u, str) for u in hop)
            for hop in redirects
        )
        and all(
            isinstance(entry.get(name, ""), str)
            for name in ("refused", "refused_url", "refused_address")
        )
    )


def _read_cache(path: Path) -> dict[str, CacheEntry]:
    """The cached answers; a missing, unreadable or corrupt cache (or entry) is asked again."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(url): entry for url, entry in data.items() if _valid_entry(entry)}


def _write_cache(path: Path, cache: dict[str, CacheEntry]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(cache, indent=1, sort_keys=True), encoding="utf-8")
    temporary.replace(path)
