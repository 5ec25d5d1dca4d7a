"""One build at a time on an output folder: a lock file that names the build holding it.

The lock is an advisory ``flock`` on ``<out>/.sky-build.lock``, which the operating system
releases when the holding process ends in any way, so a lock left by a killed build is simply
taken over by the next one. The holder's process id is written into the file for the message
that the second build shows.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LOCK_FILE = ".sky-build.lock"


class OutputLocked(Exception):
    """Another build is writing to the same output folder."""

    def __init__(self, out_dir: Path, holder: str) -> None:
        super().__init__(f"{out_dir} is being built by process {holder}")
        self.out_dir = out_dir
        self.holder = holder


@contextmanager
def output_lock(out_dir: Path) -> Iterator[None]:
    """Hold ``out_dir``'s lock while the block runs; :class:`OutputLocked` if another holds it.

    The lock file is removed when the block ends, so a finished build leaves no trace.
    """
    made = not out_dir.exists()
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / LOCK_FILE
    descriptor = _locked(path, out_dir)
    try:
        os.ftruncate(descriptor, 0)
        os.pwrite(descriptor, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        path.unlink(missing_ok=True)  # while still holding it: nobody can take a removed lock
        os.close(descriptor)  # closing releases the lock
        if made and not any(out_dir.iterdir()):
            out_dir.rmdir()  # a build that published nothing leaves no output folder behind


def _locked(path: Path, out_dir: Path) -> int:
    """A descriptor of ``path`` holding its lock."""
    while True:
        descriptor = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o644)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(descriptor, 32, 0).decode("ascii", "replace").strip() or "?"
            os.close(descriptor)
            raise OutputLocked(out_dir, holder) from None
        # The previous holder may have removed the file between our open and our lock: then
        # the lock is on a file nobody else will see; start again with the file that is there.
        try:
            if os.stat(path).st_ino == os.fstat(descriptor).st_ino:
                return descriptor
        except FileNotFoundError:
            pass
        os.close(descriptor)
