"""How long printing takes: every example's documents, rendered in parallel processes.

    .venv/bin/python -m benchmarks.pdf [--jobs N] [--rounds N]

Each (playbook, language) is printed in a worker process, as ``sky build`` does it. Prints the
seconds per document (layout and writing, including the layouts tried before one fits), the
wall time of the whole run, and the peak memory (resident set) of the largest worker and of
the parent. Numbers, not a test: run it before and after a change to the print templates.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

from generator.content.national import load_content
from generator.playbook.loader import load_playbook
from generator.printout.documents import DOCUMENTS
from generator.printout.printing import print_document
from generator.problems import Problem
from generator.project import NATIONAL_CONTENT

REPO = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Timing:
    slug: str
    language: str
    document: str
    seconds: float
    pages: int
    layout: str


def _print_language(task: tuple[Path, str, Path]) -> tuple[list[Timing], int]:
    """Print one language of one playbook; the timings and this worker's peak memory (kB)."""
    path, language, out_dir = task
    loaded = load_playbook(path)
    content = load_content(NATIONAL_CONTENT)
    timings = []
    for kind in DOCUMENTS:
        start = time.perf_counter()
        result = print_document(loaded, content, language, kind, out_dir)
        seconds = time.perf_counter() - start
        if isinstance(result, Problem):
            raise SystemExit(result.render())
        timings.append(
            Timing(path.stem, language, kind.key, seconds, result.page_count, result.layout)
        )
    return timings, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    playbooks = sorted((REPO / "playbooks").glob("*.yml"))
    with tempfile.TemporaryDirectory() as out:
        tasks = [
            (path, language, Path(out) / path.stem / language)
            for _ in range(args.rounds)
            for path in playbooks
            for language in load_playbook(path).playbook.languages
        ]
        start = time.perf_counter()
        # fork, as in the pipeline: workers start with the toolkit imported.
        with ProcessPoolExecutor(args.jobs, mp_context=get_context("fork")) as pool:
            results = list(pool.map(_print_language, tasks))
        wall = time.perf_counter() - start
    timings = [timing for worker_timings, _ in results for timing in worker_timings]
    worker_peak_mb = max(peak for _, peak in results) / 1024
    parent_peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    _report(timings, wall, args.jobs, worker_peak_mb, parent_peak_mb)


def _report(
    timings: list[Timing], wall: float, jobs: int, worker_mb: float, parent_mb: float
) -> None:
    print(f"{'playbook':<12}{'lang':<6}{'document':<10}{'pages':>6}  {'layout':<22}{'s':>6}")
    for t in timings:
        row = f"{t.slug:<12}{t.language:<6}{t.document:<10}{t.pages:>6}  {t.layout:<22}"
        print(f"{row}{t.seconds:>6.2f}")
    print()
    for kind in DOCUMENTS:
        seconds = [t.seconds for t in timings if t.document == kind.key]
        print(
            f"{kind.key:<10} seconds per document: mean {statistics.mean(seconds):.2f}, "
            f"max {max(seconds):.2f} (n={len(seconds)})"
        )
    everything = [t.seconds for t in timings]
    print(f"all        seconds per document: mean {statistics.mean(everything):.2f}")
    print(f"wall time: {wall:.1f} s for {len(timings)} documents with {jobs} processes")
    print(f"  = {wall / len(timings):.2f} s per document")
    print(
        f"peak memory: {worker_mb:.0f} MB in the largest worker, {parent_mb:.0f} MB in the parent"
    )


if __name__ == "__main__":
    main()
