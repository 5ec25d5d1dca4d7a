"""Run a build's tasks in worker processes and hand back each result as soon as it is ready.

One task's failure never costs another its result: an exception raised by a task comes back as
a :class:`Crash` with its traceback, and so does a worker process that dies (a library that
crashes on one municipality's logo, a worker killed by the system). When a worker dies, the
pool it belonged to is gone, with every task that was waiting in it; those tasks run again in a
new pool, except the ones that were running at that moment: each of those runs alone in a
process of its own, so that the task that kills its process is found and reported, and the
others finish.
"""

from __future__ import annotations

import os
import tempfile
import traceback
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import cache
from multiprocessing import get_context
from multiprocessing.connection import Connection
from multiprocessing.context import ForkServerContext
from pathlib import Path
from types import TracebackType
from typing import Generic, TypeVar

_T = TypeVar("_T")
_R = TypeVar("_R")


@dataclass(frozen=True)
class Crash:
    """A task that did not return: what it raised (with the traceback), or how its worker died."""

    error: str
    details: str


@dataclass(frozen=True)
class _Marked(Generic[_T, _R]):
    """A task that leaves a mark in ``folder`` while it runs, so a dead worker's task is known."""

    function: Callable[[_T], _R]
    folder: Path

    def __call__(self, numbered: tuple[int, _T]) -> _R | Crash:
        number, task = numbered
        mark = self.folder / str(number)
        mark.touch()
        try:
            return self.function(task)
        except Exception as error:  # any error costs only this task
            return Crash(f"{type(error).__name__}: {error}", traceback.format_exc())
        finally:
            mark.unlink(missing_ok=True)


class Workers:
    """``jobs`` worker processes (none for one job: tasks then run in this process).

    After every ``jobs * tasks_per_worker`` tasks the workers are replaced by fresh ones, so
    that what libraries keep from one municipality to the next (caches, fragmented memory)
    cannot make a national build's workers grow without bound.
    """

    def __init__(self, jobs: int, tasks_per_worker: int = 25) -> None:
        self.jobs = jobs
        self.tasks_per_worker = tasks_per_worker
        self._marks = tempfile.TemporaryDirectory(prefix="sky-workers-")

    def __enter__(self) -> Workers:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._marks.cleanup()

    def run(
        self, function: Callable[[_T], _R], tasks: Iterable[_T]
    ) -> Iterator[tuple[_T, _R | Crash]]:
        """Each task with its result (or its crash), in the order they finish."""
        numbered = list(enumerate(tasks))
        if self.jobs <= 1 or len(numbered) <= 1:
            marked = _Marked(function, Path(self._marks.name))
            for item in numbered:
                yield item[1], marked(item)
            return
        marked = _Marked(function, Path(self._marks.name))
        share = self.jobs * self.tasks_per_worker
        for start in range(0, len(numbered), share):
            yield from self._in_pools(marked, numbered[start : start + share])

    def _in_pools(
        self, marked: _Marked[_T, _R], numbered: list[tuple[int, _T]]
    ) -> Iterator[tuple[_T, _R | Crash]]:
        waiting = numbered
        while waiting:
            broken: list[tuple[int, _T]] = []
            for item, result in _one_pool(marked, waiting, self.jobs):
                if result is None:
                    broken.append(item)
                else:
                    yield item[1], result
            running = [item for item in broken if (marked.folder / str(item[0])).exists()]
            for item in running:
                (marked.folder / str(item[0])).unlink()
                alone: _R | Crash = _alone(marked, item)
                yield item[1], alone
            waiting = [item for item in broken if item not in running]


def _one_pool(
    marked: _Marked[_T, _R], numbered: list[tuple[int, _T]], jobs: int
) -> Iterator[tuple[tuple[int, _T], _R | Crash | None]]:
    """Results as they finish; None for the tasks lost when a worker died."""
    with ProcessPoolExecutor(min(jobs, len(numbered)), mp_context=_context()) as pool:
        futures: dict[Future[_R | Crash], tuple[int, _T]] = {
            pool.submit(marked, item): item for item in numbered
        }
        pending = set(futures)
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                yield futures[future], _result(future)


@cache
def _context() -> ForkServerContext:
    """Workers fork from a server process that has the toolkit imported (so they start fast)
    but has never built anything. Forking the building process itself is not safe: a library
    with threads of its own (Typst's layout) deadlocks in a child forked after it has run, and
    every build of a long-lived process (sky serve, a test run) would leave its state to the
    workers."""
    context = get_context("forkserver")
    context.set_forkserver_preload(["generator.pipeline"])
    return context


def _result(future: Future[_R | Crash]) -> _R | Crash | None:
    try:
        return future.result()
    except BrokenProcessPool:
        return None


def _alone(marked: _Marked[_T, _R], item: tuple[int, _T]) -> _R | Crash:
    """Run one task in a process of its own: if that process dies, the task is to blame."""
    with ProcessPoolExecutor(1, mp_context=_context()) as pool:
        future: Future[_R | Crash] = pool.submit(marked, item)
        try:
            return future.result()
        except BrokenProcessPool:
            return Crash(
                "the worker process died",
                f"the process building this task ended abruptly (pid {os.getpid()} waited for it)",
            )


class Background(Generic[_R]):
    """One task in a process of its own, forked from the same clean server process as the
    workers, that can be given up: ``sky serve`` builds the rest of a site this way while it
    serves, and gives the build up when the author saves again. (A process of the server's own
    cannot fork safely while its threads run; in a thread, the build would hold up the page
    the author is waiting for.)"""

    def __init__(self, function: Callable[[_T], _R], task: _T) -> None:
        context = _context()
        self._receive, send = context.Pipe(duplex=False)
        self._process = context.Process(target=_send_back, args=(function, task, send))
        self._process.daemon = True  # it ends with the process that started it
        self._given_up = False
        self._process.start()
        send.close()

    def result(self) -> _R | Crash | None:
        """Wait for the task's result (or its crash); None when it was given up."""
        try:
            result: _R | Crash = self._receive.recv()
        except (EOFError, OSError):
            self._process.join()
            if self._given_up:
                return None
            return Crash("the worker process died", f"exit code {self._process.exitcode}")
        self._process.join()
        return result

    def give_up(self) -> None:
        """Stop the task's process (a build stopped halfway is cleaned up by the next)."""
        self._given_up = True
        self._process.terminate()
        self._process.join()


def _send_back(function: Callable[[_T], _R], task: _T, connection: Connection) -> None:
    try:
        result: _R | Crash = function(task)
    except Exception as error:  # the task's failure is its result
        result = Crash(f"{type(error).__name__}: {error}", traceback.format_exc())
    connection.send(result)
    connection.close()
