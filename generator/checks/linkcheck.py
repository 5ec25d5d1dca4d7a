"""Check every link and asset reference in built sites, without a network.

MkDocs validates the links it writes from Markdown, but not those in raw HTML or in the theme
(the language selector, scripts, styles, icons). This checker reads the built HTML and CSS and
reports, as problems: links to pages or files that do not exist, anchors missing from their
page, references that leave the site, assets loaded from another host, and external addresses
that are not well formed. External addresses are fetched only by :mod:`generator.checks.online`.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from generator.checks.online import ExternalLink
from generator.messages import Msg, msg
from generator.problems import Location, Problem, Severity

# Link relations that make the browser load the target as part of the page.
_LOADED_RELS = {"stylesheet", "icon", "preload", "modulepreload", "manifest", "prefetch"}
_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")
_PHONE = re.compile(r"^\+?[0-9]{5,15}$")


@dataclass(frozen=True)
class Reference:
    url: str
    line: int
    column: int
    loads: bool  # an asset the page loads (script, style, image, font), not a link to follow


@dataclass
class ParsedPage:
    ids: set[str] = field(default_factory=set)
    references: list[Reference] = field(default_factory=list)


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = ParsedPage()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if "id" in values:
            self.page.ids.add(values["id"])
        if tag == "a" and "name" in values:
            self.page.ids.add(values["name"])
        line, column = self.getpos()
        for url, loads in _references(tag, values):
            self.page.references.append(Reference(url, line, column + 1, loads))


def _references(tag: str, values: dict[str, str]) -> Iterator[tuple[str, bool]]:
    if tag in {"a", "area"} and "href" in values:
        yield values["href"], False
    elif tag == "link" and "href" in values:
        loads = bool(_LOADED_RELS & set(values.get("rel", "").lower().split()))
        if loads:
            yield values["href"], True
    elif tag in {"script", "img", "iframe", "audio", "video", "source", "track", "embed"}:
        if values.get("src"):
            yield values["src"], True
        for candidate in values.get("srcset", "").split(","):
            if candidate.strip():
                yield candidate.strip().split()[0], True
    elif tag == "object" and values.get("data"):
        yield values["data"], True


def parse_page(path: Path) -> ParsedPage:
    parser = _PageParser()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    parser.close()
    return parser.page


def external_links(
    root: Path, pages: dict[Path, ParsedPage] | None = None
) -> Iterator[tuple[Path, Reference]]:
    """Every http(s) link in the site's pages, for the online check (``pages``: those parsed
    already)."""
    parsed = pages if pages is not None else _Pages()
    for page in sorted(root.rglob("*.html")):
        for reference in parsed[page].references:
            if urlsplit(reference.url).scheme in {"http", "https"} and not reference.loads:
                yield page, reference


@dataclass(frozen=True)
class Site:
    """A published folder and the URL path it is served at (``/`` when at the host's root)."""

    root: Path
    url_path: str = "/"
    # Where the site will be published among others (the portal links to municipal sites):
    # a link to a page the site itself lacks is looked up there.
    published: Path | None = None


class _Pages(dict[Path, ParsedPage]):
    """Parsed pages, read when first needed: a link's target may lie outside what is checked."""

    def __missing__(self, path: Path) -> ParsedPage:
        page = parse_page(path) if path.suffix == ".html" and path.is_file() else ParsedPage()
        self[path] = page
        return page


def check_site(
    site: Site, folders: tuple[str, ...] = ("",), pages: dict[Path, ParsedPage] | None = None
) -> list[Problem]:
    """Check every HTML and CSS file of a site (a published folder such as site/<slug>).

    ``folders`` limits the check to the pages under those subfolders of the root; links from
    them are still followed anywhere in the root (the portal's pages link to every site).
    ``pages`` are the pages parsed already, shared with :func:`external_links`.
    """
    pages = pages if pages is not None else _Pages()
    problems: list[Problem] = []
    for folder in folders:
        for path in sorted((site.root / folder).rglob("*.html")):
            for reference in pages[path].references:
                problems += _check_reference(site, path, reference, pages)
        for stylesheet in sorted((site.root / folder).rglob("*.css")):
            problems += _check_stylesheet(site, stylesheet, pages)
    return problems


def _check_reference(
    site: Site, page: Path, reference: Reference, pages: dict[Path, ParsedPage]
) -> list[Problem]:
    root = site.root
    location = Location(page, reference.line, reference.column)
    url = reference.url.strip()
    parts = urlsplit(url)
    scheme = parts.scheme.lower()

    def problem(code: str, message: Msg) -> list[Problem]:
        return [Problem.of(code, location, url, message)]

    if scheme == "data" and reference.loads:
        return []
    if scheme or parts.netloc:
        if reference.loads:
            return problem("third-party-asset", msg("third-party-asset"))
        return _check_external(url, scheme, parts.netloc, location)
    if not parts.path:
        if parts.fragment and unquote(parts.fragment) not in pages[page].ids:
            return problem("broken-anchor", msg("broken-anchor"))
        return []
    target = _resolve(site, page.parent, parts.path)
    if target is None:
        return problem("outside-site", msg("outside-site"))
    if not target.exists() and not _published_elsewhere(site, target):
        return problem("broken-link", msg("broken-link"))
    if (
        parts.fragment
        and target.suffix == ".html"
        and unquote(parts.fragment) not in pages[target].ids
    ):
        return problem("broken-anchor", msg("broken-anchor.page", page=target.relative_to(root)))
    return []


def _published_elsewhere(site: Site, target: Path) -> bool:
    return site.published is not None and (site.published / target.relative_to(site.root)).exists()


def _resolve(site: Site, folder: Path, path: str) -> Path | None:
    root = site.root
    if path.startswith("/"):
        # An absolute path (the theme writes them on 404 pages) counts from where the site is
        # served.
        base = site.url_path.rstrip("/") + "/"
        if not path.startswith(base):
            return None
        joined = posixpath.normpath(unquote(path[len(base) :]) or ".")
    else:
        relative = folder.relative_to(root).as_posix()
        joined = posixpath.normpath(posixpath.join(relative, unquote(path)))
    if joined == ".." or joined.startswith("../"):
        return None
    target = root / joined
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target


def _check_external(url: str, scheme: str, host: str, location: Location) -> list[Problem]:
    message = None
    severity = Severity.ERROR
    if scheme in {"http", "https"}:
        if not host or " " in url:
            message = msg("bad-url.web")
        elif scheme == "http":
            message, severity = msg("insecure-link"), Severity.WARNING
    elif scheme == "mailto":
        message = None if "@" in url else msg("bad-url.mailto")
    elif scheme == "tel":
        message = None if _PHONE.match(url.removeprefix("tel:")) else msg("bad-url.tel")
    else:
        message = msg("bad-url.scheme", scheme=scheme)
    if message is None:
        return []
    code = "insecure-link" if severity is Severity.WARNING else "bad-url"
    return [Problem.of(code, location, url, message, severity)]


def _check_stylesheet(site: Site, stylesheet: Path, pages: dict[Path, ParsedPage]) -> list[Problem]:
    problems = []
    text = stylesheet.read_text(encoding="utf-8", errors="replace")
    for match in _CSS_URL.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        reference = Reference(match.group(1).split("#")[0], line, 1, loads=True)
        if reference.url and not reference.url.startswith("data:"):
            problems += _check_reference(site, stylesheet, reference, pages)
    return problems


def check_built_site(
    root: Path, url_path: str, outside: Path | None
) -> tuple[list[Problem], list[ExternalLink]]:
    """Problems of the built site in ``root`` and its links to other hosts, each named as it is
    published (``<slug>/<lang>/<page>``); ``outside`` as for :class:`Site`."""
    pages = _Pages()  # each page is parsed once for both
    problems = [
        replace(p, location=_as_published(root, p.location))
        for p in check_site(Site(root, url_path, outside), pages=pages)
    ]
    external = [
        ExternalLink(ref.url, _as_published(root, Location(page, ref.line, ref.column)))
        for page, ref in external_links(root, pages)
    ]
    return problems, external


def _as_published(root: Path, location: Location) -> Location:
    """A place in a built page, named as it is published: <slug>/<lang>/<page>."""
    return replace(location, path=Path(root.name) / location.path.relative_to(root))
