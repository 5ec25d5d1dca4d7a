"""Progress of a build with many municipalities: a bar on a terminal, a line per failure
elsewhere, and a summary at the end."""

from __future__ import annotations

import sys
from collections import Counter
from typing import Never, Protocol, TextIO

from tqdm import tqdm

from generator.messages import text


class Progress(Protocol):
    def start(self, total: int) -> None: ...
    def advance(self, slug: str, status: str) -> None: ...
    def close(self) -> None: ...


class Silent:
    """For library use and tests: remembers nothing, prints nothing."""

    def start(self, total: int) -> None:
        del total  # nothing is shown

    def advance(self, slug: str, status: str) -> None:
        del slug, status

    def close(self) -> None:
        return None


class Bar:
    """Municipalities done, failed and remaining, and the time left; statuses: built,
    unchanged, failed. Its words are the catalogue's, in ``language``."""

    def __init__(self, stream: TextIO = sys.stderr, language: str = "en") -> None:
        self._stream = stream
        self._language = language
        self._counts: Counter[str] = Counter()
        self._bar: tqdm[Never] | None = None
        self._total = 0

    def start(self, total: int) -> None:
        self._total = total
        self._bar = tqdm(
            total=total,
            unit=" " + text("progress.unit", self._language),
            file=self._stream,
            disable=not self._stream.isatty(),
            dynamic_ncols=True,
            bar_format="{l_bar}{bar}| {n_fmt}/{total_fmt} [{elapsed}<{remaining}] {postfix}",
        )

    def advance(self, slug: str, status: str) -> None:
        self._counts[status] += 1
        if self._bar is None:
            return
        if status == "failed" and self._bar.disable:
            print(text("progress.slug-failed", self._language, slug=slug), file=self._stream)
        remaining = self._total - sum(self._counts.values())
        counts = text("progress.counts", self._language, **self._shown(), remaining=remaining)
        self._bar.set_postfix_str(counts, refresh=False)
        self._bar.update(1)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
        self._stream.write(text("progress.summary", self._language, **self._shown()) + "\n")

    def _shown(self) -> dict[str, int]:
        return {status: self._counts[status] for status in ("built", "unchanged", "failed")}
