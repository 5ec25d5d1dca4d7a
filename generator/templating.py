"""Jinja2 environments for every template the toolkit renders. The only module that builds one.

Templates live beside the stage that renders them (``plan/templates``, ``portal/templates``,
``authoring/templates``) and are named by prefix: ``pages/…``, ``portal/…``, ``starter/…``, so
a portal page can use the page macros. The printed documents are Typst, not Jinja
(``printout/templates/print.typ``).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import Environment

__all__ = ["Environment", "bytecode_cache", "environment", "template_folder"]

_PACKAGE = Path(__file__).parent
_TEMPLATE_FOLDERS = {
    "pages": _PACKAGE / "plan" / "templates",
    "portal": _PACKAGE / "portal" / "templates",
    "starter": _PACKAGE / "authoring" / "templates",
}


@cache
def bytecode_cache() -> jinja2.BytecodeCache:
    """Compiled templates kept between builds, for the theme's templates that MkDocs loads anew
    for every site: compiling them was a fifth of a site's build. Jinja checks each template's
    source against its entry, so a changed theme is compiled again."""
    folder = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "sky-playbooks"
    folder = folder / "jinja"
    folder.mkdir(parents=True, exist_ok=True)
    return jinja2.FileSystemBytecodeCache(str(folder))


def template_folder(prefix: str) -> Path:
    """Where the templates named ``<prefix>/…`` are kept (e.g. for the print stylesheet)."""
    return _TEMPLATE_FOLDERS[prefix]


def environment(
    *,
    html: bool,
    filters: Mapping[str, Callable[..., Any]] | None = None,
    finalize: Callable[[Any], Any] | None = None,
    markdown: bool = False,
) -> Environment:
    """A strict environment: unknown names fail, blocks trim their own line breaks.

    ``html`` autoescapes every value; ``markdown`` keeps trailing newlines and moves Jinja's
    comments to ``{## … ##}``, since Markdown heading ids are written ``{#id}``.
    """
    options: dict[str, Any] = {}
    if markdown:
        options = {"comment_start_string": "{##", "comment_end_string": "##}"}
    if finalize is not None:
        options["finalize"] = finalize
    built = Environment(
        loader=jinja2.PrefixLoader(
            {
                prefix: jinja2.FileSystemLoader(folder)
                for prefix, folder in _TEMPLATE_FOLDERS.items()
            }
        ),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=not html,
        autoescape=html,
        **options,
    )
    built.filters.update(filters or {})
    return built
