"""Build a staged site with MkDocs, in this process. The only module that imports MkDocs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from generator.log_warnings import collected_warnings
from generator.messages import msg
from generator.problems import Location, Problem
from generator.site.staging import StagedSite


@dataclass(frozen=True)
class SiteResult:
    slug: str
    language: str
    site_dir: Path
    problems: tuple[Problem, ...]


def build_site(staged: StagedSite, site_dir: Path) -> SiteResult:
    """Build ``staged`` into ``site_dir``; MkDocs warnings come back as problems."""
    with collected_warnings("mkdocs", silence=True) as messages:
        _build(staged, site_dir, messages)
    problems = tuple(
        Problem.of(
            "site-build",
            Location(staged.config_file.parent / "docs"),
            staged.language,
            msg("site-build", detail=message),
        )
        for message in messages
    )
    return SiteResult(staged.slug, staged.language, site_dir, problems)


def relative_url(path: str, base: str) -> str:
    """MkDocs' own way of making an asset's address relative to a page at ``base``."""
    from mkdocs.utils import normalize_url

    return str(normalize_url(path, None, base))


def live_reload_server(builder: Callable[[], None], host: str, port: int, root: Path) -> Any:
    """MkDocs' development server for ``sky serve``: serves ``root``, reloads open pages."""
    from mkdocs.livereload import LiveReloadServer

    class PreviewServer(LiveReloadServer):
        def _serve_request(self, environ: dict[str, Any], start_response: Any) -> Any:
            # A NUL in the path ('/%00') makes open() raise ValueError, which MkDocs answers
            # with a 500 and a traceback in the author's terminal: it names no file, so 404.
            if "\x00" in environ.get("PATH_INFO", ""):
                return None
            return super()._serve_request(environ, start_response)

    return PreviewServer(builder=builder, host=host, port=port, root=str(root))


def _build(staged: StagedSite, site_dir: Path, messages: list[str]) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    try:
        # The theme prints site_name unescaped in places: hand it over as escaped Markup.
        config = load_config(
            config_file=str(staged.config_file),
            site_name=Markup(escape(staged.site_name)),
            site_dir=str(site_dir.resolve()),
        )
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    except MkDocsException as error:
        if not messages:
            messages.append(str(error))
