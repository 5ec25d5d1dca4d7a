"""Build a staged site with MkDocs, in this process. The only module that imports MkDocs."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup, escape

from generator.messages import msg
from generator.problems import Location, Problem
from generator.stage import StagedSite


@dataclass(frozen=True)
class SiteResult:
    slug: str
    language: str
    site_dir: Path
    problems: tuple[Problem, ...]


class _Collector(logging.Handler):
    """Keeps MkDocs' warnings so they can be reported as problems instead of log lines."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def build_site(staged: StagedSite, site_dir: Path) -> SiteResult:
    """Build ``staged`` into ``site_dir``; MkDocs warnings come back as problems."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    logger = logging.getLogger("mkdocs")
    collector = _Collector()
    logger.addHandler(collector)
    # MkDocs would also print its warnings; the problems are reported once, by our reporter.
    previous_propagate = logger.propagate
    logger.propagate = False
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
        if not collector.messages:
            collector.messages.append(str(error))
    finally:
        logger.removeHandler(collector)
        logger.propagate = previous_propagate
    problems = tuple(
        Problem.of(
            "site-build",
            Location(staged.config_file.parent / "docs"),
            staged.language,
            msg("site-build", detail=message),
        )
        for message in collector.messages
    )
    return SiteResult(staged.slug, staged.language, site_dir, problems)
