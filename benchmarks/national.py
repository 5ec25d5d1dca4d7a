"""National-scale benchmark: build N synthetic municipalities the way sky-playbooks does, and
the naive way (a separate `mkdocs build` per language and a `weasyprint` command per PDF).

    .venv/bin/python -m benchmarks.national --count 20
    .venv/bin/python -m benchmarks.national --count 300 --baseline-sample 30

Prints, for each phase, wall time, CPU time (this process and its workers) and peak memory
(resident set size of this process and of its largest worker). With --baseline-sample K the
naive way is timed on K of the N municipalities and scaled to N (said so in the output).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from multiprocessing import get_context
from pathlib import Path

from benchmarks.naive import render_document, stylesheet
from benchmarks.synthetic import write_playbooks
from generator.checks.linkcheck import Site, check_site
from generator.content.national import load_content
from generator.pipeline import build
from generator.playbook.loader import load_playbook
from generator.printout.documents import DOCUMENTS
from generator.printout.print_data import PrintJob
from generator.project import Project
from generator.publish.swap import published_states

REPO = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent


@dataclass
class Measure:
    phase: str
    wall_s: float
    cpu_s: float
    peak_rss_mb_main: float
    peak_rss_mb_worker: float
    note: str = ""


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


@contextmanager
def _measured(phase: str, results: list[Measure], note: str = "") -> Iterator[None]:
    wall, cpu = time.perf_counter(), _cpu()
    yield
    results.append(
        Measure(
            phase,
            round(time.perf_counter() - wall, 2),
            round(_cpu() - cpu, 2),
            round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1),
            note,
        )
    )


def _project(folder: Path, count: int) -> Project:
    shutil.copytree(REPO / "content", folder / "content")
    shutil.copy(REPO / "mkdocs.yml", folder / "mkdocs.yml")
    write_playbooks(folder / "playbooks", count)
    return Project.at(folder)


def _check_one(task: tuple[Site, tuple[str, ...]]) -> int:
    return len(check_site(*task))


def _naive(project: Project, slugs: list[str], out: Path) -> None:
    """What a municipality would run without the toolkit, one command at a time."""
    content = load_content(project.content_dir)
    css = out / "print.css"
    css.write_text(stylesheet(), encoding="utf-8")
    for slug in slugs:
        loaded = load_playbook(project.playbooks_dir / f"{slug}.yml")
        for language in loaded.playbook.languages:
            config = project.work_dir / slug / language / "mkdocs.yml"
            subprocess.run(
                [VENV_BIN / "mkdocs", "build", "-q", "-f", config, "-d", out / slug / language],
                check=True,
            )
            for kind in DOCUMENTS:
                job = PrintJob(kind, loaded.playbook, content, language, kind.layouts[0], None)
                html = out / f"{slug}-{language}-{kind.key}.html"
                html.write_text(render_document(job), encoding="utf-8")
                subprocess.run(
                    [VENV_BIN / "weasyprint", "-q", "-s", css, html, html.with_suffix(".pdf")],
                    check=True,
                )


def run(count: int, jobs: int, baseline_sample: int | None) -> list[Measure]:
    results: list[Measure] = []
    with tempfile.TemporaryDirectory(prefix="sky-bench-") as folder:
        project = _project(Path(folder), count)
        out = Path(folder) / "site"
        paths = sorted(project.playbooks_dir.glob("*.yml"))

        def step(phase: str, action: Callable[[], object], note: str = "") -> None:
            with _measured(phase, results, note):
                action()

        def build_all() -> None:
            outcome = build(paths, project, out, jobs)
            assert outcome.ok, [p.render() for p in outcome.problems[:5]]

        step("cold build of all", build_all, f"{count} municipalities + portal")
        step("rebuild, nothing changed", build_all)
        changed = paths[count // 2]
        changed.write_text(changed.read_text() + "# changed\n", encoding="utf-8")
        step("rebuild, one playbook changed", build_all)
        everything: tuple[str, ...] = ("",)
        sites = [(Site(out / slug, f"/{slug}/"), everything) for slug in published_states(out)]
        sites.append((Site(out, "/"), ("fi", "sv")))  # the portal, linking to every site

        def link_check() -> None:
            with ProcessPoolExecutor(jobs, mp_context=get_context("fork")) as pool:
                problems = sum(pool.map(_check_one, sites))
            assert problems == 0

        step("link check of all sites", link_check, f"{len(sites)} folders")
        if baseline_sample != 0:
            slugs = [p.stem for p in paths][: baseline_sample or count]
            naive_out = Path(folder) / "naive"
            naive_out.mkdir()
            note = f"{len(slugs)} municipalities, one command at a time"
            step("naive baseline", lambda: _naive(project, slugs, naive_out), note)
            if len(slugs) < count:
                measured = results[-1]
                factor = count / len(slugs)
                results.append(
                    Measure(
                        "naive baseline, scaled to all",
                        round(measured.wall_s * factor, 1),
                        round(measured.cpu_s * factor, 1),
                        measured.peak_rss_mb_main,
                        measured.peak_rss_mb_worker,
                        f"x{factor:g} of the sample",
                    )
                )
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=20)
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument(
        "--baseline-sample",
        type=int,
        default=None,
        help="time the naive way on this many municipalities and scale (0: skip it)",
    )
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    results = run(args.count, args.jobs, args.baseline_sample)
    print(f"N = {args.count}, jobs = {args.jobs}, cores = {os.cpu_count()}")
    print(f"{'phase':34} {'wall s':>8} {'cpu s':>8} {'main MB':>8} {'worker MB':>9}  note")
    for m in results:
        print(
            f"{m.phase:34} {m.wall_s:8.2f} {m.cpu_s:8.2f} {m.peak_rss_mb_main:8.1f} "
            f"{m.peak_rss_mb_worker:9.1f}  {m.note}"
        )
    cold = next(m for m in results if m.phase == "cold build of all")
    naive = [m for m in results if m.phase.startswith("naive")]
    if naive:
        print(f"cold build is {naive[-1].wall_s / cold.wall_s:.1f}x faster than the naive way")
    if args.json:
        args.json.write_text(json.dumps([asdict(m) for m in results], indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
