"""Problems are data: a stable code, a place, the field concerned and a message to act on.

Every error or warning the toolkit reports to a user is a :class:`Problem`. One reporter
(:func:`render_report`) prints them for people; :meth:`Problem.as_json` serves machines.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from generator.messages import Msg, msg


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
    """``message`` is the English text; ``text``, when given, renders it in any language."""

    code: str
    location: Location
    field: str
    message: str
    severity: Severity = Severity.ERROR
    text: Msg | None = None

    @classmethod
    def of(
        cls,
        code: str,
        location: Location,
        field: str,
        text: Msg,
        severity: Severity = Severity.ERROR,
    ) -> Problem:
        """A problem whose message comes from the catalogues (see :mod:`generator.messages`)."""
        return cls(code, location, field, text.render("en"), severity, text)

    def message_in(self, language: str) -> str:
        return self.text.render(language) if self.text is not None else self.message

    def render(self, language: str = "en") -> str:
        """``file:line:col: [warning: ]field: message [code]``; only the words are translated."""
        prefix = f"{self.location.render()}: "
        if self.severity is Severity.WARNING:
            prefix += f"{msg('report.warning').render(language)}: "
        if self.field:
            prefix += f"{self.field}: "
        return f"{prefix}{self.message_in(language)} [{self.code}]"

    def as_json(self, language: str = "en") -> dict[str, object]:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "file": display_path(self.location.path),
            "line": self.location.line,
            "column": self.location.column,
            "field": self.field,
            "message": self.message_in(language),
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
