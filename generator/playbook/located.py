"""A problem at a place in the playbook: the one way rules point at what the author wrote."""

from __future__ import annotations

from generator.messages import Msg
from generator.playbook.yamlsource import PathKey, SourceDocument, render_path
from generator.problems import Problem, Severity


def problem_at(
    document: SourceDocument,
    code: str,
    path: PathKey,
    message: str | Msg,
    severity: Severity = Severity.ERROR,
) -> Problem:
    """A problem at ``path``; give a :class:`Msg` so that it can be shown in every language."""
    location, field = document.location(path), render_path(path)
    if isinstance(message, Msg):
        return Problem.of(code, location, field, message, severity)
    return Problem(code, location, field, message, severity)
