"""Worker processes: results as they finish, crashes that cost one task, fresh workers."""

from __future__ import annotations

import os
import signal

from generator.workers import Crash, Workers


def _pid_of(number: int) -> tuple[int, int]:
    return number, os.getpid()


def _fragile(number: int) -> int:
    if number == 3:
        raise ValueError("three is broken")
    if number == 5:
        os.kill(os.getpid(), signal.SIGKILL)
    return number * 10


def test_every_task_comes_back_and_workers_are_replaced() -> None:
    with Workers(2, tasks_per_worker=2) as workers:
        results = [result for _, result in workers.run(_pid_of, range(10))]
    assert sorted(r[0] for r in results if not isinstance(r, Crash)) == list(range(10))
    pids = [r[1] for r in results if not isinstance(r, Crash)]
    # Pools of two workers for four tasks each: no process runs more than four.
    assert max(pids.count(pid) for pid in pids) <= 4
    assert len(set(pids)) >= 3 and os.getpid() not in pids


def test_an_exception_and_a_dead_worker_cost_only_their_own_task() -> None:
    with Workers(2) as workers:
        results = dict(workers.run(_fragile, range(8)))
    assert {n: r for n, r in results.items() if not isinstance(r, Crash)} == {
        n: n * 10 for n in range(8) if n not in (3, 5)
    }
    raised, killed = results[3], results[5]
    assert isinstance(raised, Crash) and raised.error == "ValueError: three is broken"
    assert 'raise ValueError("three is broken")' in raised.details
    assert isinstance(killed, Crash) and killed.error == "the worker process died"


def test_one_job_runs_in_this_process_and_still_catches_exceptions() -> None:
    with Workers(1) as workers:
        results = dict(workers.run(_pid_of, [1, 2]))
    assert results == {1: (1, os.getpid()), 2: (2, os.getpid())}
    with Workers(1) as workers:
        ((_, crash),) = workers.run(_fragile, [3])
    assert isinstance(crash, Crash) and crash.error == "ValueError: three is broken"
