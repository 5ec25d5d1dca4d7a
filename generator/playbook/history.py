"""A playbook's versions: the one in force (``approval``) and the earlier ones (``history``).

``history`` lists earlier versions from the newest to the oldest, each with the date it took
effect and what changed in it. The version in force is ``approval``: it is never repeated in
``history``. So each entry took effect before the one listed above it, and no version number
appears twice. The "changes" page of every site lists them all, the current one first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from generator.messages import Msg, msg
from generator.playbook.model import LocalText, Playbook
from generator.playbook.yamlsource import PathKey, SourceDocument, render_path
from generator.problems import Problem


@dataclass(frozen=True)
class Version:
    """One published version, as the changes page lists it."""

    version: str
    effective_from: dt.date
    changes: LocalText | None
    current: bool


def versions(playbook: Playbook) -> list[Version]:
    """Every published version, the one in force first."""
    approval = playbook.approval
    current = Version(approval.version, approval.effective_from, approval.changes, True)
    earlier = [
        Version(entry.version, entry.effective_from, entry.changes, False)
        for entry in playbook.history
    ]
    return [current, *earlier]


def history_ordered(playbook: Playbook, document: SourceDocument) -> Iterator[Problem]:
    """Each earlier version took effect before the next one, and no version repeats."""
    seen: dict[str, str] = {playbook.approval.version: "approval.version"}
    newer = (playbook.approval.version, playbook.approval.effective_from)
    for index, entry in enumerate(playbook.history):
        path: PathKey = ("history", index)
        if entry.version in seen:
            yield _problem(
                document,
                "duplicate-version",
                (*path, "version"),
                msg("duplicate-version", version=entry.version, other=seen[entry.version]),
            )
        seen.setdefault(entry.version, f"{render_path(path)}.version")
        if entry.effective_from >= newer[1]:
            yield _problem(
                document,
                "history-order",
                (*path, "effective_from"),
                msg(
                    "history-order",
                    date=entry.effective_from.isoformat(),
                    newer=newer[0],
                    newer_date=newer[1].isoformat(),
                ),
            )
        newer = (entry.version, entry.effective_from)


def _problem(document: SourceDocument, code: str, path: PathKey, message: Msg) -> Problem:
    return Problem.of(code, document.location(path), render_path(path), message)
