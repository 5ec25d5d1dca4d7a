"""Readable descriptions of a PDF's web, phone and e-mail links.

A screen reader announces a link annotation by its ``/Contents``. Typst writes there the link's
address ("https://www.rantala.example/lomakkeet/loma-anomus", "Puhelin +358407182201") and has
no way to say more, so after Typst has written the PDF each link to an address gets the
description the document's data gives for that address ("Soita koulun kansliaan,
040 718 2201 (Kirkonkylän koulu)"). A link to a labelled place in the document (the contents'
entries) is named after that place ("1. Huoli puheeksi, sivu 3", not Typst's "Osio, sivu 3").

Typst writes a PDF as plain numbered objects followed by one cross-reference table, and a link
annotation is a small dictionary object without a stream. Only those objects are rewritten; the
others are copied byte for byte and the table is written again with the new offsets.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_XREF_ENTRY = re.compile(rb"(\d{10}) (\d{5}) ([nf])")
_LINK = re.compile(rb"/Subtype\s*/Link\b")
_URI = re.compile(rb"/URI\s*\(")
_CONTENTS = re.compile(rb"/Contents\s*(?=[(<])")
_DEST = re.compile(rb"/Dest\s*\(")


class UnexpectedPdf(Exception):
    """The PDF is not laid out as Typst writes it (a cross-reference stream, say)."""


def describe_links(pdf: bytes, descriptions: Mapping[str, str]) -> bytes:
    """``pdf`` with each link to an address in ``descriptions`` described by its text."""
    if not descriptions:
        return pdf
    xref_at, count = _xref_table(pdf)
    offsets = _offsets(pdf, xref_at, count)
    if not offsets:
        return pdf
    order = sorted(offsets.items(), key=lambda item: item[1])
    ends = [offset for _, offset in order[1:]] + [xref_at]
    out = bytearray(pdf[: order[0][1]])
    moved: dict[int, int] = {}
    for (number, start), end in zip(order, ends, strict=True):
        moved[number] = len(out)
        out += _described(pdf[start:end], descriptions)
    new_xref = len(out)
    out += _table(moved, count)
    trailer_at = pdf.index(b"trailer", xref_at)
    trailer = pdf[trailer_at : pdf.index(b"startxref", trailer_at)]
    out += trailer + b"startxref\n" + str(new_xref).encode() + b"\n%%EOF"
    return bytes(out)


def _xref_table(pdf: bytes) -> tuple[int, int]:
    found = _STARTXREF.search(pdf[-64:])
    if found is None:
        raise UnexpectedPdf("no startxref at the end")
    xref_at = int(found.group(1))
    head = re.match(rb"xref\s+0\s+(\d+)\s", pdf[xref_at : xref_at + 32])
    if head is None:
        raise UnexpectedPdf("no cross-reference table at startxref")
    return xref_at, int(head.group(1))


def _offsets(pdf: bytes, xref_at: int, count: int) -> dict[int, int]:
    """Object number → offset of every object in use."""
    table = pdf[xref_at : pdf.index(b"trailer", xref_at)]
    entries = _XREF_ENTRY.findall(table)
    if len(entries) != count:
        raise UnexpectedPdf("the cross-reference table is not one section")
    return {number: int(offset) for number, (offset, _, kind) in enumerate(entries) if kind == b"n"}


def _table(moved: Mapping[int, int], count: int) -> bytes:
    lines = [b"xref\n0 " + str(count).encode() + b"\n"]
    for number in range(count):
        if number in moved:
            lines.append(b"%010d 00000 n\r\n" % moved[number])
        else:
            lines.append(b"0000000000 65535 f\r\n")
    return b"".join(lines)


def _described(obj: bytes, descriptions: Mapping[str, str]) -> bytes:
    """A link annotation object with the description of its address, else ``obj`` as it is."""
    if b"stream" in obj or not _LINK.search(obj):
        return obj
    contents = _CONTENTS.search(obj)
    if contents is None:
        return obj
    value_at = contents.end()
    if obj[value_at : value_at + 1] == b"(":
        typst_text, value_end = _literal_string(obj, value_at)
    else:
        value_end = obj.index(b">", value_at) + 1
        typst_text = bytes.fromhex(obj[value_at + 1 : value_end - 1].decode()).decode("utf-16")
    text = _description(obj, typst_text, descriptions)
    if text is None:
        return obj
    return obj[:value_at] + _text_string(text) + obj[value_end:]


def _description(obj: bytes, typst_text: str, descriptions: Mapping[str, str]) -> str | None:
    """What a link to an address does; for a link to a labelled place in the document, the
    place's name instead of Typst's "Osio" ("Section"), and the page Typst gives."""
    uri = _URI.search(obj)
    if uri is not None:
        return descriptions.get(_literal_string(obj, uri.end() - 1)[0])
    dest = _DEST.search(obj)
    if dest is None:
        return None
    name = descriptions.get("#" + _literal_string(obj, dest.end() - 1)[0])
    _, comma, page = typst_text.partition(", ")
    return None if name is None else f"{name}, {page}" if comma else name


def _literal_string(data: bytes, start: int) -> tuple[str, int]:
    """The PDF literal string that opens at ``start`` (a '('), decoded, and where it ends (a
    text string in UTF-16 starts with its byte order mark; an address is UTF-8)."""
    depth, index, value = 0, start, bytearray()
    while index < len(data):
        char = data[index : index + 1]
        if char == b"\\":
            escaped = data[index + 1 : index + 2]
            value += {b"n": b"\n", b"r": b"\r", b"t": b"\t"}.get(escaped, escaped)
            index += 2
            continue
        if char == b"(":
            depth += 1
            if depth > 1:
                value += char
        elif char == b")":
            depth -= 1
            if depth == 0:
                if value.startswith(b"\xfe\xff"):
                    return value[2:].decode("utf-16-be", "replace"), index + 1
                return value.decode("utf-8", "replace"), index + 1
            value += char
        else:
            value += char
        index += 1
    raise UnexpectedPdf("a string that does not end")


def _text_string(text: str) -> bytes:
    """A PDF text string in UTF-16BE with its byte order mark, as hex (no escaping needed)."""
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode() + b">"
