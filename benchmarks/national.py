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
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from functools import partial
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
from generator.project import NATIONAL_CONTENT, Project
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


_TICKS = os.sysconf("SC_CLK_TCK")


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _forkservers() -> list[int]:
    """The build's worker processes fork from a server process, a child of this one: the
    workers are its children, and its own rusage (cutime, cstime) counts the ones it reaped."""
    found = []
    for child in _children(os.getpid()):
        try:
            if b"forkserver" in Path(f"/proc/{child}/cmdline").read_bytes():
                found.append(child)
        except OSError:
            continue
    return found


def _reaped_worker_cpu() -> float:
    total = 0.0
    for server in _forkservers():
        fields = Path(f"/proc/{server}/stat").read_text().rsplit(")", 1)[1].split()
        total += (int(fields[13]) + int(fields[14])) / _TICKS  # cutime, cstime
    return total


def _cpu() -> float:
    """CPU seconds of this process, its direct children (the naive way's commands) and the
    build's workers, which are the forkserver's children."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    direct = own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime
    return direct + _reaped_worker_cpu()


class _WorkerPeak:
    """The largest peak resident memory (VmHWM) of any worker, sampled while it lives (a
    worker is replaced after a few dozen tasks, long enough to be seen)."""

    def __init__(self) -> None:
        self.peak_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def __enter__(self) -> _WorkerPeak:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()

    def _watch(self) -> None:
        while not self._stop.wait(0.1):
            for server in _forkservers():
                for worker in _children(server):
                    self.peak_kb = max(self.peak_kb, _high_water_kb(worker))


def _high_water_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


@contextmanager
def _measured(phase: str, results: list[Measure], note: str = "") -> Iterator[None]:
    wall, cpu = time.perf_counter(), _cpu()
    with _WorkerPeak() as workers:
        yield
    elapsed = time.perf_counter() - wall
    time.sleep(0.3)  # the forkserver reaps the last workers, and counts their CPU time
    children_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    results.append(
        Measure(
            phase,
            round(elapsed, 2),
            round(_cpu() - cpu, 2),
            round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            round(max(workers.peak_kb, children_kb) / 1024, 1),
            note,
        )
    )


class _FirstPublished:
    """A progress display that notes when the first site was published."""

    def __init__(self) -> None:
        self._started = time.perf_counter()
        self.seconds: float | None = None

    def start(self, total: int) -> None:
        del total
        self._started = time.perf_counter()

    def advance(self, slug: str, status: str) -> None:
        del slug
        if status == "built" and self.seconds is None:
            self.seconds = time.perf_counter() - self._started

    def close(self) -> None:
        return None


def _project(folder: Path, count: int) -> Project:
    # A copy of the content the project builds with (sky.toml), so the benchmark can change it.
    shutil.copytree(NATIONAL_CONTENT, folder / "content")
    (folder / "sky.toml").write_text('content_dir = "content"\n', encoding="utf-8")
    write_playbooks(folder / "playbooks", count)
    return Project.at(folder)


def _append_to_page(content: Path, paragraph: str) -> None:
    """A national page that no PDF prints gets one more paragraph."""
    page = content / "fi" / "law.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\n{paragraph}\n", encoding="utf-8")


def _reword_definition(content: Path) -> None:
    """The first Finnish glossary definition, which the Finnish PDFs print, says more."""
    glossary = content / "glossary.yml"
    text = glossary.read_text(encoding="utf-8")
    old = "      definition: >-\n"
    glossary.write_text(text.replace(old, old + "        Muutettu.\n", 1), encoding="utf-8")


# National content changes: what is edited, and whether every PDF is laid out anyway (--force),
# the way a content change was rebuilt before PDFs were copied when their input is the same.
_CONTENT_CHANGES: list[tuple[str, Callable[[Path], None], bool]] = [
    ("rebuild, a national page changed", lambda c: _append_to_page(c, "Uusi kappale."), False),
    ("the same, every PDF laid out", lambda c: _append_to_page(c, "Toinen kappale."), True),
    ("rebuild, a glossary text changed", _reword_definition, False),
]


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

        def build_all(force: bool = False) -> None:
            first = _FirstPublished()
            outcome = build(paths, project, out, jobs, progress=first, force=force)
            assert outcome.ok, [p.render() for p in outcome.problems[:5]]
            if first.seconds is not None:
                firsts.append(first.seconds)
            printed.append((len(outcome.published), outcome.pdfs_rendered, outcome.pdfs_reused))

        def rebuilt() -> str:
            sites, rendered, reused = printed[-1]
            return f"{sites} sites rebuilt; {rendered} PDFs laid out, {reused} copied"

        firsts: list[float] = []
        printed: list[tuple[int, int, int]] = []

        step("cold build of all", build_all, f"{count} municipalities + portal")
        results[-1].note += f"; first site published after {firsts[0]:.1f} s"
        step("rebuild, nothing changed", build_all)
        changed = paths[count // 2]
        changed.write_text(changed.read_text() + "# changed\n", encoding="utf-8")
        step("rebuild, one playbook changed", build_all)
        results[-1].note = rebuilt()
        for phase, edit, force in _CONTENT_CHANGES:
            edit(project.content_dir)
            step(phase, partial(build_all, force))
            results[-1].note = rebuilt()
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
    ours_cpu = cold.cpu_s / args.count
    print(f"CPU per municipality: ours {ours_cpu:.2f} s", end="")
    if naive:
        naive_cpu = naive[-1].cpu_s / args.count
        print(f", naive {naive_cpu:.2f} s: {naive_cpu / ours_cpu:.1f}x less CPU")
        print(f"cold build is {naive[-1].wall_s / cold.wall_s:.1f}x faster than the naive way")
    else:
        print()
    if args.json:
        args.json.write_text(json.dumps([asdict(m) for m in results], indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
