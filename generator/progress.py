"""Progress of a build with many municipalities: a bar on a terminal, a line per failure
elsewhere, and a summary at the end."""

from __future__ import annotations

import sys
from collections import Counter
from typing import Never, Protocol, TextIO

from tqdm import tqdm


class Progress(Protocol):
    def start(self, total: int) -> None: ...
    def advance(self, slug: str, status: str) -> None: ...
    def close(self) -> None: ...


class Silent:
    """For library use and tests: remembers nothing, prints nothing."""

    def start(self, total: int) -> None:
        return None

    def advance(self, slug: str, status: str) -> None:
        return None

    def close(self) -> None:
        return None


class Bar:
    """Municipalities done, failed and remaining; statuses: built, unchanged, failed."""

    def __init__(self, stream: TextIO = sys.stderr) -> None:
        self._stream = stream
        self._counts: Counter[str] = Counter()
        self._bar: tqdm[Never] | None = None
        self._total = 0

    def start(self, total: int) -> None:
        self._total = total
        self._bar = tqdm(
            total=total,
            unit=" municipalities",
            file=self._stream,
            disable=not self._stream.isatty(),
            dynamic_ncols=True,
            bar_format="{l_bar}{bar}| {n_fmt}/{total_fmt} {postfix}",
        )

    def advance(self, slug: str, status: str) -> None:
        self._counts[status] += 1
        if self._bar is None:
            return
        if status == "failed" and self._bar.disable:
            print(f"{slug}: failed", file=self._stream)
        done = sum(self._counts.values())
        self._bar.set_postfix_str(
            f"built {self._counts['built']}, unchanged {self._counts['unchanged']}, "
            f"failed {self._counts['failed']}, remaining {self._total - done}",
            refresh=False,
        )
        self._bar.update(1)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
        self._stream.write(
            f"{self._counts['built']} built, {self._counts['unchanged']} unchanged, "
            f"{self._counts['failed']} failed\n"
        )
