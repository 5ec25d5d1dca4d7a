"""Lay out a printed document with Typst and get a tagged PDF/UA-1 file. The only module that
imports ``typst``.

The layout is the fixed template ``templates/print.typ``; what a document says reaches it as
JSON through ``sys.inputs``, never as markup. The template folder is not Typst's root: the root
is an empty folder, so nothing in a document (an SVG logo's reference to another file, say) can
read any file. The logo travels as its bytes. The fonts are the six TrueType faces of the pinned
``font-source-sans-pro`` package (SIL OFL), and only they: no system font, no Typst font, no
fallback, so a PDF looks the same on every machine.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import metadata, resources
from pathlib import Path
from typing import Any

import typst

from generator.printout.link_texts import UnexpectedPdf, describe_links

TEMPLATE = Path(__file__).parent / "templates" / "print.typ"
# PDF/UA-1: tagged, /Lang, title shown, no random document id (two runs give the same bytes).
PDF_STANDARDS: list[Any] = ["ua-1"]
FONT_FILES = tuple(
    f"SourceSansPro-{face}.ttf"
    for face in ("Regular", "It", "Semibold", "SemiboldIt", "Bold", "BoldIt")
)
_PAGE_COUNT = re.compile(rb"/Type\s*/Pages\b.*?/Count\s+(\d+)", re.S)


@dataclass(frozen=True)
class RenderedPdf:
    """A laid-out document: its page count is known before anything is written."""

    page_count: int
    warnings: tuple[str, ...]
    data: bytes


class PdfFailed(Exception):
    """Typst refused the document (a logo it cannot read, say); the message says why."""


def render_pdf(data: Mapping[str, Any], logo: bytes | None, date: dt.date) -> RenderedPdf:
    """Lay out the document ``data`` describes; ``logo`` is the logo file's bytes, ``date`` the
    PDF's creation date (the approval date: the same input, the same bytes)."""
    inputs = {"data": json.dumps(data, ensure_ascii=False, sort_keys=True)}
    if logo is not None:
        # Typst has no base64: the bytes go as a JSON array of numbers.
        inputs["logo"] = json.dumps(list(logo))
    try:
        pdf, warnings = _compiler().compile_with_warnings(
            input=_template(),
            sys_inputs=inputs,
            pdf_standards=PDF_STANDARDS,
            timestamp=dt.datetime(date.year, date.month, date.day, tzinfo=dt.UTC),
        )
    except typst.TypstError as error:
        raise PdfFailed(str(error.message)) from error
    assert isinstance(pdf, bytes)
    try:
        pdf = describe_links(pdf, data.get("link_texts", {}))
    except UnexpectedPdf as error:
        raise PdfFailed(f"the links could not be described: {error}") from error
    return RenderedPdf(_page_count(pdf), tuple(str(w.message) for w in warnings), pdf)


def _page_count(pdf: bytes) -> int:
    match = _PAGE_COUNT.search(pdf)
    assert match is not None, "Typst wrote a PDF without a page tree"
    return int(match.group(1))


def _compiler() -> typst.Compiler:
    """One compiler per process (never one inherited through ``fork``): the fonts are read
    once, and Typst reuses what it laid out before."""
    return _compiler_of_process(os.getpid())


@cache
def _compiler_of_process(_pid: int) -> typst.Compiler:  # the process id: the cache's key
    fonts = typst.Fonts(
        include_system_fonts=False, include_embedded_fonts=False, font_paths=[str(_font_folder())]
    )
    return typst.Compiler(
        root=str(_empty_root()),
        font_paths=fonts,
        ignore_system_fonts=True,
    )


@cache
def _template() -> bytes:
    return TEMPLATE.read_bytes()


@cache
def _empty_root() -> Path:
    """An empty folder in the cache, the same for every process (a fresh temporary one if
    anything has been put into it)."""
    folder = _cache_home() / "sky-playbooks" / "empty-root"
    folder.mkdir(parents=True, exist_ok=True)
    if folder.is_symlink() or any(folder.iterdir()):
        return Path(tempfile.mkdtemp(prefix="sky-typst-root-"))
    return folder


def _cache_home() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")


def _font_folder() -> Path:
    """A folder holding only links to the six TrueType faces of the pinned font package (the
    package also has OpenType copies, which Typst would mix in), made once per user and version
    in the cache folder."""
    source = Path(str(resources.files("font_source_sans_pro") / "files")).resolve()
    version = metadata.version("font-source-sans-pro")
    folder = _cache_home() / "sky-playbooks" / f"fonts-{version}"
    if _holds_the_fonts(folder, source):
        return folder
    folder.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(dir=folder.parent, prefix=".fonts-"))
    for name in FONT_FILES:
        (fresh / name).symlink_to(source / name)
    try:
        fresh.rename(folder)
    except OSError:  # another process was first, or an old folder is in the way
        if not _holds_the_fonts(folder, source):
            return fresh
        for link in fresh.iterdir():
            link.unlink()
        fresh.rmdir()
    return folder


def _holds_the_fonts(folder: Path, source: Path) -> bool:
    """Whether ``folder`` holds exactly the links to the package's six faces."""
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return False
    return [entry.name for entry in entries] == sorted(FONT_FILES) and all(
        entry.is_symlink() and entry.resolve() == source / entry.name for entry in entries
    )
