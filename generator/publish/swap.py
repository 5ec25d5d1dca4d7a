"""Swap a freshly built site into the output folder, keeping the previous one for rollback.

A site is built aside, under ``<out>/.staging/``, and only moved into ``<out>/<slug>/`` once
every language has built without problems. The move is a rename on the same file system, so
readers never see a half-written site; the version it replaces moves to ``<out>/.previous/``.
"""

from __future__ import annotations

import hashlib
import html
import os
import shutil
from collections.abc import Mapping
from pathlib import Path

from generator.publish.fingerprint import BuildState, read_state

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


PORTAL_SLUG = "_portal"


def published_states(out_dir: Path) -> dict[str, BuildState]:
    """The build state of every municipality's site published in ``out_dir``, by slug."""
    states = {}
    for folder in sorted(out_dir.iterdir()) if out_dir.is_dir() else []:
        if folder.is_dir() and not folder.name.startswith((".", "_")):
            state = read_state(folder)
            if state is not None and state.record:
                states[folder.name] = state
    return states


def portal_fingerprint(shared: str, states: Mapping[str, BuildState]) -> str:
    digest = hashlib.sha256(shared.encode())
    for slug, state in sorted(states.items()):
        digest.update(f"\0{slug}:{state.fingerprint}".encode())
    return digest.hexdigest()


def publish_portal(out_dir: Path) -> None:
    """Move each of the staged portal's entries (fi/, sv/, index.html...) into ``out_dir``."""
    staged = staging_root(out_dir, PORTAL_SLUG)
    previous = out_dir / PREVIOUS / PORTAL_SLUG
    for entry in sorted(staged.iterdir()):
        target = out_dir / entry.name
        if target.exists():
            kept = previous / entry.name
            _remove(kept)
            kept.parent.mkdir(parents=True, exist_ok=True)
            os.replace(target, kept)
        os.replace(entry, target)
    staged.rmdir()


def rollback(out_dir: Path, slug: str) -> bool:
    """Swap the published site of ``slug`` with the one it replaced; False if there is none."""
    current, previous = out_dir / slug, out_dir / PREVIOUS / slug
    if not previous.is_dir() or not current.is_dir():
        return False
    swap = out_dir / STAGING / f"rollback-{slug}"
    _remove(swap)
    swap.parent.mkdir(parents=True, exist_ok=True)
    os.replace(current, swap)
    os.replace(previous, current)
    os.replace(swap, previous)
    return True


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    elif path.exists():
        path.unlink()
