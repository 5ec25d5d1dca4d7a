"""Print a playbook's documents in one language: word them, lay them out, fit them, write PDFs.

A document with a page limit has layouts from roomy to dense (regular, then smaller type, then
two columns) and is written in the roomiest that fits. If none fits, nothing is written for it
and the problem names the document and what its author can shorten.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator.content.national import NationalContent
from generator.messages import msg
from generator.playbook.loader import LoadedPlaybook
from generator.printout.documents import DOCUMENTS, DocumentKind, file_name
from generator.printout.pdf import PdfFailed, RenderedPdf, render_pdf
from generator.printout.print_data import PrintJob, document_data
from generator.problems import Location, Problem


@dataclass(frozen=True)
class PrintedDocument:
    kind: DocumentKind
    path: Path
    page_count: int
    layout: str


@dataclass(frozen=True)
class PrintResult:
    documents: tuple[PrintedDocument, ...]
    problems: tuple[Problem, ...]


def print_documents(
    loaded: LoadedPlaybook, content: NationalContent, language: str, out_dir: Path
) -> PrintResult:
    """Write every document of ``loaded`` in ``language`` into ``out_dir``."""
    printed: list[PrintedDocument] = []
    problems: list[Problem] = []
    for kind in DOCUMENTS:
        result = print_document(loaded, content, language, kind, out_dir)
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
) -> PrintedDocument | Problem:
    """Lay out one document in the most readable layout that fits; write it, or say what to
    shorten. The layouts go from roomy to dense, so the first that fits is found by halving."""
    playbook = loaded.playbook
    logo = loaded.folder / playbook.municipality.logo if playbook.municipality.logo else None
    # Of the machine's files, printing reads only the logo, and hands Typst its bytes.
    logo_bytes = logo.read_bytes() if logo else None

    def lay_out(layout: str) -> RenderedPdf:
        job = PrintJob(kind, playbook, content, language, layout, logo)
        return render_pdf(document_data(job), logo_bytes, playbook.approval.date)

    try:
        return _fit(loaded, kind, language, lay_out, out_dir)
    except PdfFailed as error:
        return _render_problem(loaded, kind, language, str(error))


def _fit(
    loaded: LoadedPlaybook,
    kind: DocumentKind,
    language: str,
    lay_out: Callable[[str], RenderedPdf],
    out_dir: Path,
) -> PrintedDocument | Problem:
    fitting: tuple[str, RenderedPdf] | None = None
    densest_tried: RenderedPdf | None = None
    low, high = 0, len(kind.layouts) - 1
    while low <= high:
        middle = (low + high) // 2
        rendered = lay_out(kind.layouts[middle])
        if kind.max_pages is None or rendered.page_count <= kind.max_pages:
            fitting, high = (kind.layouts[middle], rendered), middle - 1
        else:
            densest_tried, low = rendered, middle + 1
    if fitting is None:
        assert densest_tried is not None  # every kind has at least one layout
        return _overflow(loaded, kind, language, densest_tried.page_count)
    layout, rendered = fitting
    return _write(loaded, kind, language, layout, rendered, out_dir)


def _write(
    loaded: LoadedPlaybook,
    kind: DocumentKind,
    language: str,
    layout: str,
    rendered: RenderedPdf,
    out_dir: Path,
) -> PrintedDocument | Problem:
    if rendered.warnings:
        return _render_problem(loaded, kind, language, "; ".join(rendered.warnings))
    path = out_dir / file_name(kind, loaded.playbook.slug, language)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(rendered.data)
    return PrintedDocument(kind, path, rendered.page_count, layout)


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
