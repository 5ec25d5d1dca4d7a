"""Swap a freshly built site into the output folder, keeping the previous one for rollback.

A site is built aside, under ``<out>/.staging/``, and only moved into ``<out>/<slug>/`` once
every language has built without problems. The version it replaces moves to
``<out>/.previous/``. Three rules keep what is in the output folder safe:

- A folder is replaced only if it is ours: every folder published here carries a marker file
  (:data:`MARKER`). A folder without it (a project's ``scripts/``, a folder of the author's own)
  is never replaced or deleted; :class:`NotOurs` is raised instead.
- Nothing is deleted or moved through a symbolic link: a link where one of our folders should
  be is removed as a link, and a published site that is a link is not ours.
- Publishing can be interrupted at any point without losing a version: on Linux the new and
  the old site trade places in one atomic exchange, so ``<out>/<slug>/`` always exists;
  elsewhere, or on file systems without the exchange, :func:`recover` finishes or undoes an
  interrupted swap the next time the site is built, published or rolled back.
"""

from __future__ import annotations

import ctypes
import errno
import hashlib
import html
import os
import re
import shutil
from collections.abc import Collection, Mapping
from pathlib import Path

from generator.publish.fingerprint import BUILD_STATE, BuildState, read_state

STAGING = ".staging"
PREVIOUS = ".previous"
MARKER = ".sky-site"
# Put into the old version just before the exchange: wherever it is found afterwards, that
# folder is the version being replaced, on its way to .previous/.
REPLACED = ".sky-replaced"
MARKER_TEXT = (
    "This folder was published by sky-playbooks. 'sky build' replaces it with a new version\n"
    "and keeps this one in .previous/; it never replaces a folder without this file.\n"
)
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
PORTAL_SLUG = "_portal"


class NotOurs(Exception):
    """``folder`` would be replaced or deleted, but this toolkit did not publish it."""

    def __init__(self, folder: Path) -> None:
        super().__init__(f"{folder} was not published by sky-playbooks (no {MARKER} in it)")
        self.folder = folder


def is_ours(folder: Path) -> bool:
    """Whether ``folder`` is a site published here (or, before markers, by an older version)."""
    if folder.is_symlink() or not folder.is_dir():
        return False
    if (folder / MARKER).is_file():
        return True
    return not (folder / BUILD_STATE).is_symlink() and read_state(folder) is not None


def _own_folder(out_dir: Path, name: str) -> Path:
    """``<out>/<name>`` (``.staging``, ``.previous``) as a real folder, never through a link."""
    folder = out_dir / name
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        folder.unlink()
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _remove(path: Path) -> None:
    """Delete ``path``; a link is removed as a link, never followed."""
    if path.is_symlink() or (path.exists() and not path.is_dir()):
        path.unlink()
    elif path.is_dir():
        shutil.rmtree(path)


def staging_root(out_dir: Path, slug: str) -> Path:
    return out_dir / STAGING / slug


def clean_staging_dir(out_dir: Path, slug: str) -> Path:
    """Empty (or make) the folder in which ``slug`` is built before it is published."""
    _check_slug(slug)
    recover(out_dir, slug)
    folder = _own_folder(out_dir, STAGING) / slug
    _remove(folder)
    folder.mkdir()
    return folder


def discard(out_dir: Path, slug: str) -> None:
    staging = out_dir / STAGING
    if staging.is_dir() and not staging.is_symlink():
        _remove(staging / slug)


def _check_slug(slug: str) -> None:
    # Slugs come from validated playbooks and from the command line; a path such as '../x'
    # or '.' would name a folder outside the output folder.
    if slug != PORTAL_SLUG and not _SLUG.fullmatch(slug):
        raise ValueError(f"not a slug: {slug!r}")


def publish(out_dir: Path, slug: str) -> Path:
    """Move the staged site of ``slug`` into place; return its published folder."""
    _check_slug(slug)
    staged = staging_root(out_dir, slug)
    target = out_dir / slug
    if (target.exists() or target.is_symlink()) and not is_ours(target):
        raise NotOurs(target)
    (staged / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
    recover(out_dir, slug)
    if not target.exists():
        os.replace(staged, target)
        return target
    (target / REPLACED).write_text("", encoding="utf-8")
    previous = _own_folder(out_dir, PREVIOUS) / slug
    _remove(previous)
    if _exchange(staged, target):
        _settle_replaced(staged, previous)
    else:
        # Without an atomic exchange, <out>/<slug> is missing between these two renames;
        # recover() puts the old version back if the build is stopped in between.
        os.replace(target, previous)
        os.replace(staged, target)
        (previous / REPLACED).unlink()
    return target


def _settle_replaced(old: Path, previous: Path) -> None:
    os.replace(old, previous)
    (previous / REPLACED).unlink(missing_ok=True)


def recover(out_dir: Path, slug: str) -> None:
    """Finish or undo a publish or rollback of ``slug`` that was stopped halfway."""
    target, previous = out_dir / slug, out_dir / PREVIOUS / slug
    if not target.exists() and not target.is_symlink() and is_ours(previous):
        os.replace(previous, target)  # stopped between two renames: the old version goes back
    if (target / REPLACED).is_file() and is_ours(target):
        (target / REPLACED).unlink()  # stopped before the exchange: nothing was replaced
    for folder in (staging_root(out_dir, slug), _rollback_swap(out_dir, slug)):
        replaced = (folder / REPLACED).is_file() and is_ours(folder)
        if replaced and not previous.exists() and not previous.is_symlink():
            _settle_replaced(folder, _own_folder(out_dir, PREVIOUS) / slug)


def _rollback_swap(out_dir: Path, slug: str) -> Path:
    return out_dir / STAGING / f"rollback-{slug}"


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(first: Path, second: Path) -> bool:
    """Trade the names of two folders in one step (Linux ``renameat2``); False if unsupported."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p]
    renameat2.argtypes += [ctypes.c_uint]
    result = renameat2(
        _AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE
    )
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in {errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EXDEV}:
        return False
    raise OSError(code, os.strerror(code), str(first), None, str(second))


def link_published(source: Path, target: Path, leave_out: Collection[str] = ()) -> None:
    """Put what the published site ``source`` holds into ``target`` (a staged site) as hard
    links, or copies where links cannot be made, except ``leave_out`` and the files that
    publishing writes anew. Sharing is safe: a published file is never written in place, every
    build writes new files aside."""
    skipped = {MARKER, REPLACED, *leave_out}
    for entry in sorted(source.iterdir()):
        if entry.name in skipped or entry.is_symlink():
            continue
        if entry.is_dir():
            shutil.copytree(entry, target / entry.name, symlinks=True, copy_function=link_or_copy)
        else:
            link_or_copy(entry, target / entry.name)


def link_or_copy(source: str | Path, target: str | Path) -> None:
    try:
        os.link(source, target)
    except OSError:  # another file system, or one without hard links
        shutil.copy2(source, target)


def withdraw(out_dir: Path, slug: str) -> None:
    """Remove the published site of ``slug`` (only if it is ours)."""
    _check_slug(slug)
    if is_ours(out_dir / slug):
        _remove(out_dir / slug)


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


def published_states(out_dir: Path) -> dict[str, BuildState]:
    """The build state of every municipality's site published in ``out_dir``, by slug."""
    for stopped in _stopped_swaps(out_dir):
        recover(out_dir, stopped)
    states = {}
    for folder in sorted(out_dir.iterdir()) if out_dir.is_dir() else []:
        if folder.is_dir() and not folder.name.startswith((".", "_")):
            state = read_state(folder)
            if state is not None and state.record:
                states[folder.name] = state
    return states


def _stopped_swaps(out_dir: Path) -> set[str]:
    """Slugs that a stopped publish or rollback may have left half-swapped."""
    slugs = set()
    for name in (STAGING, PREVIOUS):
        folder = out_dir / name
        if folder.is_dir() and not folder.is_symlink():
            slugs |= {p.name.removeprefix("rollback-") for p in folder.iterdir()}
    return {slug for slug in slugs if _SLUG.fullmatch(slug)}


def portal_fingerprint(shared: str, states: Mapping[str, BuildState]) -> str:
    digest = hashlib.sha256(shared.encode())
    for slug, state in sorted(states.items()):
        digest.update(f"\0{slug}:{state.fingerprint}".encode())
    return digest.hexdigest()


def publish_portal(out_dir: Path) -> None:
    """Move each of the staged portal's entries (fi/, sv/, index.html...) into ``out_dir``.

    The portal shares the output folder with the sites, so each entry it replaces must be
    ours: a folder with the marker, or a file in an output folder that has the marker.
    """
    staged = staging_root(out_dir, PORTAL_SLUG)
    for entry in staged.iterdir():
        if entry.is_dir():
            (entry / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
    out_is_ours = is_ours(out_dir)
    for entry in sorted(staged.iterdir()):
        target = out_dir / entry.name
        exists = target.exists() or target.is_symlink()
        if exists and not (out_is_ours or is_ours(target)):
            raise NotOurs(target)
    (staged / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
    previous = _own_folder(_own_folder(out_dir, PREVIOUS), PORTAL_SLUG)
    for entry in sorted(staged.iterdir()):
        target = out_dir / entry.name
        if target.exists() or target.is_symlink():
            kept = previous / entry.name
            _remove(kept)
            os.replace(target, kept)
        os.replace(entry, target)
    staged.rmdir()


def rollback(out_dir: Path, slug: str) -> bool:
    """Swap the published site of ``slug`` with the one it replaced; False if there is none.

    A site that a stopped build left missing is put back from ``.previous/`` too.
    """
    _check_slug(slug)
    current, previous = out_dir / slug, out_dir / PREVIOUS / slug
    if (current.exists() or current.is_symlink()) and not is_ours(current):
        raise NotOurs(current)
    if not current.exists() and is_ours(previous):
        recover(out_dir, slug)
        return True
    recover(out_dir, slug)
    if not is_ours(previous) or not is_ours(current):
        return False
    if _exchange(current, previous):
        return True
    swap = _own_folder(out_dir, STAGING) / f"rollback-{slug}"
    _remove(swap)
    (current / REPLACED).write_text("", encoding="utf-8")
    os.replace(current, swap)  # stopped here: recover() puts .previous/ in place, this there
    os.replace(previous, current)
    _settle_replaced(swap, previous)
    return True
