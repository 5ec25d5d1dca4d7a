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
    """MkDocs' development server for ``sky serve``: serves ``root``, reloads open pages.

    Besides MkDocs' own, it knows the address of the last page asked for (``viewed``: the
    preview rebuilds that page's language first) and can reload open pages without a build of
    its own (``reload``: the rest of the site was built in the background).
    """
    from mkdocs.livereload import LiveReloadServer, _timestamp

    class PreviewServer(LiveReloadServer):
        viewed = ""

        def _serve_request(self, environ: dict[str, Any], start_response: Any) -> Any:
            path = environ.get("PATH_INFO", "")
            # A NUL in the path ('/%00') makes open() raise ValueError, which MkDocs answers
            # with a 500 and a traceback in the author's terminal: it names no file, so 404.
            if "\x00" in path:
                return None
            if path.endswith(("/", ".html")):
                self.viewed = path
            return super()._serve_request(environ, start_response)

        def reload(self) -> None:
            """Have open pages load again, unless a build is under way (its end reloads them).

            MkDocs (1.6) reloads a page when its version of the site (an epoch) is older than
            the visible one, and holds every request while the wanted epoch is newer (a build
            is running). Both conditions are held, in MkDocs' order, so that the build loop
            cannot start a build between the test and the change."""
            with self._rebuild_cond, self._epoch_cond:
                if self._visible_epoch == self._wanted_epoch:
                    self._visible_epoch = self._wanted_epoch = _timestamp()
                    self._epoch_cond.notify_all()

    # A save is noticed within a fifth of a second (MkDocs polls every half second by default).
    return PreviewServer(
        builder=builder, host=host, port=port, root=str(root), polling_interval=0.2
    )


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
