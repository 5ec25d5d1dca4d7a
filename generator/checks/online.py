"""``sky check --online``: request every external link once, politely, with an on-disk cache.

Only this module touches the network, and only when the user asks for it: builds and the
ordinary check never do. Each address is requested with a timeout, a few at a time, and the
answer is remembered for a day in a cache file so that repeated checks stay fast and light on
the servers they point to.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TypedDict

from generator import clock
from generator.messages import msg
from generator.problems import Location, Problem, Severity

CACHE_SECONDS = 24 * 60 * 60
USER_AGENT = "sky-playbooks link checker"


@dataclass(frozen=True)
class ExternalLink:
    url: str
    location: Location


@dataclass(frozen=True)
class Answer:
    status: int | None  # the HTTP status, or None when no answer came
    error: str = ""


Fetch = Callable[[str, float], Answer]


class CacheEntry(TypedDict):
    status: int | None
    error: str
    checked: float


def fetch(url: str, timeout: float) -> Answer:
    """HEAD the address; servers that refuse HEAD get a GET."""
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return Answer(response.status)
        except urllib.error.HTTPError as error:
            if method == "HEAD" and error.code in {403, 405, 501}:
                continue
            return Answer(error.code)
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            reason = getattr(error, "reason", error)
            return Answer(None, str(reason))
    return Answer(None, "no answer")


def check_online(
    links: list[ExternalLink],
    cache_file: Path,
    *,
    timeout: float = 10.0,
    workers: int = 8,
    now: float | None = None,
    fetcher: Fetch = fetch,
) -> list[Problem]:
    moment = clock.now() if now is None else now
    cache = _read_cache(cache_file)
    stale = sorted(
        {
            link.url
            for link in links
            if link.url not in cache or moment - cache[link.url]["checked"] > CACHE_SECONDS
        }
    )
    with ThreadPoolExecutor(max_workers=workers) as pool:
        for url, answer in zip(stale, pool.map(lambda u: fetcher(u, timeout), stale), strict=True):
            cache[url] = {"status": answer.status, "error": answer.error, "checked": moment}
    _write_cache(cache_file, cache)
    problems = []
    for link in links:
        entry = cache[link.url]
        problem = _problem(link, entry["status"], entry["error"])
        if problem is not None:
            problems.append(problem)
    return problems


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


def _read_cache(path: Path) -> dict[str, CacheEntry]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_cache(path: Path, cache: dict[str, CacheEntry]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(cache, indent=1, sort_keys=True), encoding="utf-8")
    temporary.replace(path)
