"""Swap a freshly built site into the output folder, keeping the previous one for rollback.

A site is built aside, under ``<out>/.staging/``, and only moved into ``<out>/<slug>/`` once
every language has built without problems. The move is a rename on the same file system, so
readers never see a half-written site; the version it replaces moves to ``<out>/.previous/``.
"""

from __future__ import annotations

import html
import os
import shutil
from collections.abc import Mapping
from pathlib import Path

STAGING = ".staging"
PREVIOUS = ".previous"


def staging_root(out_dir: Path, slug: str) -> Path:
    return out_dir / STAGING / slug


def staging_dir(out_dir: Path, slug: str) -> Path:
    """A clean folder in which to build ``slug`` before it is published."""
    folder = staging_root(out_dir, slug)
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    return folder


def discard(out_dir: Path, slug: str) -> None:
    shutil.rmtree(out_dir / STAGING / slug, ignore_errors=True)


def publish(out_dir: Path, slug: str) -> Path:
    """Move the staged site of ``slug`` into place; return its published folder."""
    staged = staging_root(out_dir, slug)
    target = out_dir / slug
    previous = out_dir / PREVIOUS / slug
    if target.exists():
        if previous.exists():
            shutil.rmtree(previous)
        previous.parent.mkdir(parents=True, exist_ok=True)
        os.replace(target, previous)
    os.replace(staged, target)
    return target


def write_language_choice(
    site: Path, languages: tuple[str, ...], titles: Mapping[str, str]
) -> None:
    """``<slug>/index.html``: sends the reader on to the first language, links to all."""
    first = languages[0]
    links = "\n".join(
        f'    <li><a href="{language}/" lang="{language}" hreflang="{language}">'
        f"{html.escape(titles[language])}</a></li>"
        for language in languages
    )
    page = (
        "<!doctype html>\n"
        f'<html lang="{first}">\n<head>\n  <meta charset="utf-8">\n'
        '  <meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'  <meta http-equiv="refresh" content="0; url={first}/">\n'
        f"  <title>{html.escape(titles[first])}</title>\n"
        f'  <link rel="canonical" href="{first}/">\n</head>\n<body>\n'
        f"  <ul>\n{links}\n  </ul>\n</body>\n</html>\n"
    )
    (site / "index.html").write_text(page, encoding="utf-8")
