"""Print a playbook's documents in one language: word them, lay them out, fit them, write PDFs.

A document with a page limit has layouts from roomy to dense (the leaflet: regular, then smaller
type, then two columns; the card: always 9 pt, saying less in each) and is written in the
roomiest that fits. If none fits, nothing is written for it and the problem names the document
and what its author can shorten. A leaflet that fits on one page is laid out again on both
sides of its sheet.

A document whose input is the same as when the published copy was printed is not laid out
again: the published copy is written instead (:mod:`generator.printout.reuse`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.content.national import NationalContent
from generator.messages import msg
from generator.playbook.loader import LoadedPlaybook
from generator.printout.documents import DOCUMENTS, DocumentKind, file_name
from generator.printout.pdf import PdfFailed, RenderedPdf, render_pdf
from generator.printout.print_data import PrintJob, document_data
from generator.printout.reuse import (
    NOTHING_EARLIER,
    EarlierPrints,
    PrintRecord,
    input_hash,
    record_of,
)
from generator.problems import Location, Problem


@dataclass(frozen=True)
class PrintedDocument:
    kind: DocumentKind
    path: Path
    page_count: int
    layout: str
    record: PrintRecord  # what it was printed from, for the site's build state
    reused: bool = False  # copied from the published site instead of laid out


@dataclass(frozen=True)
class PrintResult:
    documents: tuple[PrintedDocument, ...]
    problems: tuple[Problem, ...]


def print_documents(
    loaded: LoadedPlaybook,
    content: NationalContent,
    language: str,
    out_dir: Path,
    earlier: EarlierPrints = NOTHING_EARLIER,
) -> PrintResult:
    """Write every document of ``loaded`` in ``language`` into ``out_dir``."""
    printed: list[PrintedDocument] = []
    problems: list[Problem] = []
    for kind in DOCUMENTS:
        result = print_document(loaded, content, language, kind, out_dir, earlier)
        if isinstance(result, Problem):
            problems.append(result)
        else:
            printed.append(result)
    return PrintResult(tuple(printed), tuple(problems))


def print_document(
    loaded: LoadedPlaybook,
    content: NationalContent,
    language: str,
    kind: DocumentKind,
    out_dir: Path,
    earlier: EarlierPrints = NOTHING_EARLIER,
) -> PrintedDocument | Problem:
    """Lay out one document in the most readable layout that fits; write it, or say what to
    shorten. A document printed before from the same input is copied from ``earlier``."""
    playbook = loaded.playbook
    logo = loaded.folder / playbook.municipality.logo if playbook.municipality.logo else None
    # Of the machine's files, printing reads only the logo, and hands Typst its bytes.
    logo_bytes = logo.read_bytes() if logo else None
    date = playbook.approval.date

    def data_of(layout: str) -> dict[str, Any]:
        return document_data(PrintJob(kind, playbook, content, language, layout, logo))

    first = data_of(kind.layouts[0])
    key = input_hash(first, logo_bytes, date)
    name = file_name(kind, playbook.slug, language)
    copy = earlier.copy_of(name, key)
    if copy is not None:
        record = earlier.records[name]
        return _write(out_dir / name, kind, copy, record, reused=True)

    def lay_out(layout: str) -> RenderedPdf:
        data = first if layout == kind.layouts[0] else data_of(layout)
        return render_pdf(data, logo_bytes, date)

    try:
        fitted = _fit(kind, lay_out, earlier.layout_of(name, key))
    except PdfFailed as error:
        return _render_problem(loaded, kind, language, str(error))
    if isinstance(fitted, RenderedPdf):
        return _overflow(loaded, kind, language, fitted.page_count)
    layout, rendered = fitted
    if rendered.page_count < kind.min_pages:
        layout, rendered = _on_both_sides(kind, lay_out, layout, rendered)
    if rendered.warnings:
        return _render_problem(loaded, kind, language, "; ".join(rendered.warnings))
    record = record_of(key, layout, rendered.page_count, rendered.data)
    return _write(out_dir / name, kind, rendered.data, record)


def _fit(
    kind: DocumentKind, lay_out: Callable[[str], RenderedPdf], remembered: str | None
) -> tuple[str, RenderedPdf] | RenderedPdf:
    """The roomiest layout that fits and its rendering, or the densest rendering when none
    fits. The layouts go from roomy to dense, so the first that fits is found by halving; a
    layout that fitted the same input before is that first one, and is tried alone first."""
    if remembered in kind.layouts:
        rendered = lay_out(remembered)
        if _fits(kind, rendered):
            return remembered, rendered
    fitting: tuple[str, RenderedPdf] | None = None
    densest_tried: RenderedPdf | None = None
    low, high = 0, len(kind.layouts) - 1
    while low <= high:
        middle = (low + high) // 2
        rendered = lay_out(kind.layouts[middle])
        if _fits(kind, rendered):
            fitting, high = (kind.layouts[middle], rendered), middle - 1
        else:
            densest_tried, low = rendered, middle + 1
    if fitting is not None:
        return fitting
    assert densest_tried is not None  # every kind has at least one layout
    return densest_tried


def _on_both_sides(
    kind: DocumentKind, lay_out: Callable[[str], RenderedPdf], layout: str, rendered: RenderedPdf
) -> tuple[str, RenderedPdf]:
    """The layout with its last part moved onto the next page, if that still fits."""
    back = lay_out(f"{layout} back")
    return (f"{layout} back", back) if _fits(kind, back) else (layout, rendered)


def _fits(kind: DocumentKind, rendered: RenderedPdf) -> bool:
    return kind.max_pages is None or rendered.page_count <= kind.max_pages


def _write(
    path: Path, kind: DocumentKind, data: bytes, record: PrintRecord, reused: bool = False
) -> PrintedDocument:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return PrintedDocument(kind, path, record.pages, record.layout, record, reused)


def _render_problem(
    loaded: LoadedPlaybook, kind: DocumentKind, language: str, detail: str
) -> Problem:
    """Typst refused the document or warned about it: nothing is written, and the author
    learns which document it was and what Typst said."""
    name = file_name(kind, loaded.playbook.slug, language)
    return Problem.of(
        "pdf-render", Location(loaded.path), language, msg("pdf-render", name=name, detail=detail)
    )


def _overflow(loaded: LoadedPlaybook, kind: DocumentKind, language: str, pages: int) -> Problem:
    name = file_name(kind, loaded.playbook.slug, language)
    limit = kind.max_pages
    return Problem.of(
        "pdf-overflow",
        loaded.document.location((kind.section,)),
        kind.section,
        msg(
            "pdf-overflow",
            language=language,
            title=kind.titles[language],
            name=name,
            pages=pages,
            limit=limit,
            shorten=msg(f"part.shorten-{kind.key}"),
        ),
    )
