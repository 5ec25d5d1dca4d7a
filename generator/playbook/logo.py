"""Check a municipality's logo before anything is built from it.

The logo is copied into every site and drawn into every PDF, so it is never trusted: it must be
of a sane size, and an SVG must be a plain image. An SVG is a program as much as a picture: a
``<script>`` in it runs when the file is opened from the site, and an ``<image href="file:…">``
pulls another file of the machine into the PDFs. Such logos are refused with a message, not
silently changed, so that what is published is what the municipality sent.
"""

from __future__ import annotations

import re
import struct
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from generator.messages import Msg, msg

# A real logo is some hundred kilobytes and a few hundred pixels wide.
MAX_LOGO_BYTES = 1_000_000
MAX_LOGO_PIXELS = 4_000
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# Elements that run code or embed other documents.
_ACTIVE_ELEMENTS = {"script", "foreignobject", "iframe", "embed", "object", "audio", "video"}
_HREF = {"href", "{http://www.w3.org/1999/xlink}href"}
# url(...) in a style that points elsewhere than into the SVG itself (url(#gradient) is fine).
_OUTSIDE_URL = re.compile(r"url\(\s*['\"]?\s*(?!#)[^)]*\)|@import", re.IGNORECASE)


def logo_problem(path: Path, written: str) -> tuple[str, Msg] | None:
    """The code and message for what is wrong with the logo at ``path``; None if it is fine."""
    size = path.stat().st_size
    if size > MAX_LOGO_BYTES:
        return "logo-too-large", msg(
            "logo-too-large",
            logo=written,
            size=size // 1000,
            limit=MAX_LOGO_BYTES // 1000,
        )
    data = path.read_bytes()
    if path.suffix.lower() == ".png":
        return _png_problem(data, written)
    return _svg_problem(data, written)


def _png_problem(data: bytes, written: str) -> tuple[str, Msg] | None:
    if not data.startswith(_PNG_SIGNATURE) or len(data) < 24:
        return "logo-unsafe", msg("logo-unsafe.not-png", logo=written)
    width, height = struct.unpack(">II", data[16:24])
    if max(width, height) > MAX_LOGO_PIXELS:
        return "logo-too-large", msg(
            "logo-too-large.pixels",
            logo=written,
            width=width,
            height=height,
            limit=MAX_LOGO_PIXELS,
        )
    return None


def _svg_problem(data: bytes, written: str) -> tuple[str, Msg] | None:
    # Entities are how an XML file grows without bound ("billion laughs") or reads other files;
    # no logo needs a document type declaration.
    if b"<!DOCTYPE" in data.upper() or b"<!ENTITY" in data.upper():
        return "logo-unsafe", msg("logo-unsafe", logo=written, what="<!DOCTYPE>")
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        return "logo-unsafe", msg("logo-unsafe.unreadable", logo=written, detail=error)
    for element in root.iter():
        what = _unsafe_part(element)
        if what is not None:
            return "logo-unsafe", msg("logo-unsafe", logo=written, what=what)
    return None


def _unsafe_part(element: ElementTree.Element) -> str | None:
    name = str(element.tag).rpartition("}")[2]
    if name.lower() in _ACTIVE_ELEMENTS:
        return f"<{name}>"
    if name.lower() == "style" and _OUTSIDE_URL.search(element.text or ""):
        return "<style> url(…)"
    for attribute, value in element.attrib.items():
        local = attribute.rpartition("}")[2]
        if local.lower().startswith("on"):
            return f"{local}=…"
        if attribute in _HREF and not value.strip().startswith("#"):
            return f"href='{value[:60]}'"
        if _OUTSIDE_URL.search(value):
            return f"{local}='url(…)'"
    return None
