"""PDFs that need no new layout: a document whose input has not changed since the published
site's copy was printed is that copy, byte for byte (Typst gives the same bytes for the same
input), so a rebuild copies it instead of laying it out again.

A document's input is everything its bytes depend on: the data handed to the template (every
word it prints, worded in its language), the logo's bytes, the date written into the PDF, and
the printing itself: this package's code and template, the Typst that lays them out and the
pinned fonts. The published site's build state (:mod:`generator.publish.fingerprint`) keeps a
:class:`PrintRecord` of each document: the hash of that input, the layout that fitted and the
hash of the file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

_PRINTING = Path(__file__).parent


@dataclass(frozen=True)
class PrintRecord:
    """What one printed document was made from, and what came of it."""

    input: str  # the hash of its input (input_hash)
    layout: str  # the layout it fitted in
    pages: int
    sha256: str  # of the PDF file


@dataclass(frozen=True)
class EarlierPrints:
    """The PDFs of one language of the published site, and what each was printed from."""

    folder: Path | None = None  # the published language's downloads folder
    records: Mapping[str, PrintRecord] = field(default_factory=dict)  # by file name

    def copy_of(self, name: str, input_hash: str) -> bytes | None:
        """The published PDF ``name`` if it was printed from this input and is still the file
        that was printed then (it may have been removed or edited since)."""
        record = self.records.get(name)
        if self.folder is None or record is None or record.input != input_hash:
            return None
        try:
            data = (self.folder / name).read_bytes()
        except OSError:
            return None
        return data if hashlib.sha256(data).hexdigest() == record.sha256 else None

    def layout_of(self, name: str, input_hash: str) -> str | None:
        """The layout that fitted when ``name`` was printed from this same input."""
        record = self.records.get(name)
        return record.layout if record is not None and record.input == input_hash else None


NOTHING_EARLIER = EarlierPrints()


def input_hash(data: Mapping[str, Any], logo: bytes | None, date: dt.date) -> str:
    """The hash of a document's input (its data in its first layout: the other layouts' data
    differ from it only as this package's code makes them, and the code is hashed too)."""
    digest = hashlib.sha256(printing_fingerprint().encode())
    digest.update(json.dumps(data, ensure_ascii=False, sort_keys=True).encode())
    digest.update(b"\0logo\0" if logo is None else b"\0logo:" + logo)
    digest.update(b"\0" + date.isoformat().encode())
    return digest.hexdigest()


def record_of(input_hash: str, layout: str, pages: int, pdf: bytes) -> PrintRecord:
    return PrintRecord(input_hash, layout, pages, hashlib.sha256(pdf).hexdigest())


@cache
def printing_fingerprint() -> str:
    """The printing itself: the code and the template of this package, and the versions of
    Typst and of the font package (pinned: a version names the fonts' bytes)."""
    digest = hashlib.sha256()
    for package in ("typst", "font-source-sans-pro"):
        digest.update(f"{package}=={metadata.version(package)}\0".encode())
    for path in sorted(_PRINTING.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(_PRINTING).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()
