"""Print problems for people (one line each, file:line:col first) or as JSON for machines.

Messages are shown in the language asked for (``en``, ``fi`` or ``sv``); the place, the field
and the code stay the same in every language, so that a message can be looked up anywhere.
"""

from __future__ import annotations

import json
from typing import TextIO

from generator.messages import text
from generator.problems import Problem, Severity, sort_problems


def print_problems(
    problems: list[Problem], stream: TextIO, output_format: str = "text", language: str = "en"
) -> None:
    ordered = sort_problems(problems)
    if output_format == "json":
        json.dump([p.as_json(language) for p in ordered], stream, ensure_ascii=False, indent=2)
        stream.write("\n")
        return
    for problem in ordered:
        stream.write(problem.render(language) + "\n")


def summary(problems: list[Problem], language: str = "en") -> str:
    errors = sum(p.severity is Severity.ERROR for p in problems)
    warnings = len(problems) - errors
    return text("report.summary", language, errors=errors, warnings=warnings)
