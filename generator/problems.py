"""Problems are data: a stable code, a place, the field concerned and a message to act on.

Every error or warning the toolkit reports to a user is a :class:`Problem`. One reporter
(:func:`render_report`) prints them for people; :meth:`Problem.as_json` serves machines.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Location:
    """A place in a file: line and column count from 1."""

    path: Path
    line: int = 1
    column: int = 1

    def render(self) -> str:
        return f"{display_path(self.path)}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Problem:
    code: str
    location: Location
    field: str
    message: str
    severity: Severity = Severity.ERROR

    def render(self) -> str:
        prefix = f"{self.location.render()}: "
        if self.severity is Severity.WARNING:
            prefix += "warning: "
        if self.field:
            prefix += f"{self.field}: "
        return f"{prefix}{self.message} [{self.code}]"

    def as_json(self) -> dict[str, object]:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "file": display_path(self.location.path),
            "line": self.location.line,
            "column": self.location.column,
            "field": self.field,
            "message": self.message,
        }


def display_path(path: Path) -> str:
    """A path as the user would type it: relative to the working folder when inside it."""
    try:
        return os.path.relpath(path) if path.is_absolute() and _inside_cwd(path) else str(path)
    except ValueError:
        return str(path)


def _inside_cwd(path: Path) -> bool:
    try:
        path.relative_to(Path.cwd())
    except ValueError:
        return False
    return True


def sort_problems(problems: list[Problem]) -> list[Problem]:
    return sorted(
        problems,
        key=lambda p: (str(p.location.path), p.location.line, p.location.column, p.code),
    )


def has_errors(problems: list[Problem]) -> bool:
    return any(p.severity is Severity.ERROR for p in problems)
