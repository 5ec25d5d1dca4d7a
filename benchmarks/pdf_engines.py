"""WeasyPrint (the build's engine) and Typst side by side on every example's documents.

    .venv/bin/python -m benchmarks.pdf_engines [--rounds N]

In one process, one document at a time and the two engines in turn, so both see the same load:
seconds per document (including the layouts tried before one fits the page limit), pages,
bytes, the PDF/UA checker ``pdfua`` (errors and warnings), whether two Typst runs give the
same bytes, and how each engine hyphenates the Finnish and Swedish words of the examples.
Numbers, not a test; the Typst layout is :mod:`benchmarks.typst_print`.
"""

from __future__ import annotations

import argparse
import collections
import io
import json
import re
import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pypdf

from benchmarks.typst_print import TypstPdf, _font_folder, render
from generator.content.national import NationalContent, load_content
from generator.playbook.loader import LoadedPlaybook, PlaybookInvalid, load_playbook
from generator.printout.documents import DOCUMENTS, DocumentKind
from generator.printout.hyphenation import SOFT_HYPHEN, soft_hyphenate
from generator.printout.print_html import PrintJob
from generator.printout.printing import print_document
from generator.problems import Problem

REPO = Path(__file__).resolve().parent.parent


@dataclass
class Row:
    slug: str
    language: str
    kind: str
    engine: str
    seconds: list[float]
    pages: int
    layout: str
    size: int
    pdfua: str


def _pdfua(path: Path) -> str:
    from pdfua import validate

    report = validate(str(path))
    counts = collections.Counter(f.severity.name.lower() for f in report.findings)
    rules = sorted({f.rule_id for f in report.findings})
    return f"{counts['error']} errors, {counts['warning']} warnings {' '.join(rules)}".strip()


def _typst_fitted(job: PrintJob) -> tuple[str, TypstPdf]:
    """The roomiest layout that fits, found by halving as the build does."""
    kind = job.kind
    fitting: tuple[str, TypstPdf] | None = None
    densest: tuple[str, TypstPdf] | None = None
    low, high = 0, len(kind.layouts) - 1
    while low <= high:
        middle = (low + high) // 2
        layout = kind.layouts[middle]
        pdf = render(PrintJob(kind, job.playbook, job.content, job.language, layout, job.logo))
        if kind.max_pages is None or pdf.page_count <= kind.max_pages:
            fitting, high = (layout, pdf), middle - 1
        else:
            densest, low = (layout, pdf), middle + 1
    result = fitting or densest
    assert result is not None
    return result


def _measure(
    loaded: LoadedPlaybook,
    content: NationalContent,
    language: str,
    kind: DocumentKind,
    rounds: int,
    out: Path,
) -> list[Row]:
    playbook = loaded.playbook
    logo = loaded.folder / playbook.municipality.logo if playbook.municipality.logo else None
    job = PrintJob(kind, playbook, content, language, kind.layouts[0], logo)
    weasy_s: list[float] = []
    typst_s: list[float] = []
    for _ in range(rounds):
        start = time.perf_counter()
        printed = print_document(loaded, content, language, kind, out / "weasyprint")
        weasy_s.append(time.perf_counter() - start)
        start = time.perf_counter()
        layout, pdf = _typst_fitted(job)
        typst_path = out / "typst" / f"{playbook.slug}-{kind.key}-{language}.pdf"
        typst_path.parent.mkdir(parents=True, exist_ok=True)
        typst_path.write_bytes(pdf.data)
        typst_s.append(time.perf_counter() - start)
    if isinstance(printed, Problem):
        raise SystemExit(printed.render())
    again = render(PrintJob(kind, playbook, content, language, layout, logo)).data
    same = "identical" if again == pdf.data else "DIFFERENT"
    return [
        Row(
            playbook.slug,
            language,
            kind.key,
            "weasyprint",
            weasy_s,
            printed.page_count,
            printed.layout,
            printed.path.stat().st_size,
            _pdfua(printed.path),
        ),
        Row(
            playbook.slug,
            language,
            kind.key,
            "typst",
            typst_s,
            pdf.page_count,
            f"{layout} ({same})",
            len(pdf.data),
            _pdfua(typst_path),
        ),
    ]


# --- Hyphenation ------------------------------------------------------------------------------


def _words(folder: Path) -> dict[str, collections.Counter[str]]:
    """The words (5 letters or more) of every WeasyPrint document, by language, with counts."""
    words: dict[str, collections.Counter[str]] = {
        "fi": collections.Counter(),
        "sv": collections.Counter(),
    }
    for path in folder.glob("*.pdf"):
        text = "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)
        words[path.stem[-2:]].update(re.findall(r"[^\W\d_]{5,}", text.replace("-\n", "")))
    return words


def _typst_breaks(words: list[str], language: str) -> dict[str, set[int]]:
    """Where Typst's own patterns let each word break (offsets into the word)."""
    import typst

    pdf = typst.compile(
        str(Path(__file__).parent / "typst_print" / "breaks.typ"),
        font_paths=[_font_folder()],
        ignore_system_fonts=True,
        sys_inputs={"data": json.dumps({"lang": language, "words": words})},
    )
    assert isinstance(pdf, bytes)
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    breaks: dict[str, set[int]] = {}
    for word, chunk in zip(words, text.split("§"), strict=False):
        pieces = [line for line in chunk.strip().split("\n") if line]
        pieces = [piece.rstrip("\xad-") for piece in pieces]
        if "".join(pieces) == word:
            ends = [len("".join(pieces[: i + 1])) for i in range(len(pieces) - 1)]
            breaks[word] = set(ends)
    return breaks


def _voikko_allows(word: str) -> set[int]:
    """Every break Voikko's morphology allows (also next to a single letter)."""
    import libvoikko

    voikko = libvoikko.Voikko("fi")
    voikko.setHyphenateUnknownWords(True)
    return {i for i, mark in enumerate(voikko.getHyphenationPattern(word)) if mark in "-="}


def _marked(word: str, breaks: set[int], wrong: frozenset[int] | set[int] = frozenset()) -> str:
    """The word with '-' where it may break, and '|' where Typst may break but should not."""
    return "".join(
        ("|" if i in wrong else "-" if i in breaks else "") + c for i, c in enumerate(word)
    )


def _hyphenation(folder: Path) -> None:
    import pyphen

    words = _words(folder)
    for language in ("fi", "sv"):
        counts = words[language]
        typst_breaks = _typst_breaks(sorted(counts), language)
        if language == "fi":
            voikko = {w: _offsets(soft_hyphenate(w, "fi")) for w in typst_breaks}
            wrong = {w: b - _voikko_allows(w) for w, b in typst_breaks.items()}
            bad = {w: v for w, v in wrong.items() if v}
            print(f"\nFinnish, {len(typst_breaks)} distinct words, {counts.total()} occurrences:")
            print(
                f"  break points: Typst {sum(map(len, typst_breaks.values()))}, "
                f"Voikko (as printed) {sum(map(len, voikko.values()))}"
            )
            print(
                f"  words where Typst may break where Voikko's morphology does not allow "
                f"it: {len(bad)} distinct, {sum(counts[w] for w in bad)} occurrences"
            )
            for w in sorted(bad, key=lambda w: -counts[w]):
                print(
                    f"    {counts[w]:>4}  Typst {_marked(w, typst_breaks[w], bad[w])}"
                    f"   Voikko {_marked(w, voikko[w])}"
                )
        else:
            dic = pyphen.Pyphen(lang="sv")
            pyphen_breaks = {w: set(dic.positions(w)) for w in typst_breaks}
            differ = {w for w in typst_breaks if typst_breaks[w] != pyphen_breaks[w]}
            print(f"\nSwedish, {len(typst_breaks)} distinct words, {counts.total()} occurrences:")
            print(
                f"  break points: Typst {sum(map(len, typst_breaks.values()))}, "
                f"Pyphen (WeasyPrint) {sum(map(len, pyphen_breaks.values()))}"
            )
            print(
                f"  words hyphenated differently: {len(differ)} distinct, "
                f"{sum(counts[w] for w in differ)} occurrences"
            )
            for w in sorted(differ, key=lambda w: -counts[w])[:25]:
                print(
                    f"    {counts[w]:>4}  Typst {_marked(w, typst_breaks[w])}"
                    f"   Pyphen {_marked(w, pyphen_breaks[w])}"
                )


def _offsets(marked: str) -> set[int]:
    offsets, seen = set(), 0
    for piece in marked.split(SOFT_HYPHEN)[:-1]:
        seen += len(piece)
        offsets.add(seen)
    return offsets


# --- Report -----------------------------------------------------------------------------------


def _report(rows: list[Row]) -> None:
    print(
        f"{'playbook':<11}{'lang':<5}{'document':<9}{'engine':<11}{'pages':>5} {'kB':>6}  "
        f"{'seconds (each round)':<22}{'layout':<36}pdfua"
    )
    for r in rows:
        times = " ".join(f"{s:.2f}" for s in r.seconds)
        print(
            f"{r.slug:<11}{r.language:<5}{r.kind:<9}{r.engine:<11}{r.pages:>5} "
            f"{r.size / 1024:>6.0f}  {times:<22}{r.layout:<36}{r.pdfua}"
        )
    print()
    for kind in DOCUMENTS:
        for engine in ("weasyprint", "typst"):
            mine = [r for r in rows if r.kind == kind.key and r.engine == engine]
            seconds = [s for r in mine for s in r.seconds]
            print(
                f"{kind.key:<9}{engine:<11} s/document: median {statistics.median(seconds):.3f}"
                f", min {min(seconds):.3f}, max {max(seconds):.3f} (n={len(seconds)}); "
                f"pages {min(r.pages for r in mine)}–{max(r.pages for r in mine)}; "
                f"kB {statistics.mean(r.size for r in mine) / 1024:.0f} mean"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    content = load_content(REPO / "content")
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        for path in sorted((REPO / "playbooks").glob("*.yml")):
            try:
                loaded = load_playbook(path)
            except PlaybookInvalid as error:
                print(f"skipped {path.name}: {error.problems[0].render()}")
                continue
            for language in loaded.playbook.languages:
                for kind in DOCUMENTS:
                    rows += _measure(loaded, content, language, kind, args.rounds, out)
        _report(rows)
        _hyphenation(out / "weasyprint")


if __name__ == "__main__":
    main()
