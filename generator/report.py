"""Print problems for people (one line each, file:line:col first) or as JSON for machines."""

from __future__ import annotations

import json
from typing import TextIO

from generator.problems import Problem, Severity, sort_problems


def print_problems(problems: list[Problem], stream: TextIO, output_format: str = "text") -> None:
    ordered = sort_problems(problems)
    if output_format == "json":
        json.dump([p.as_json() for p in ordered], stream, ensure_ascii=False, indent=2)
        stream.write("\n")
        return
    for problem in ordered:
        stream.write(problem.render() + "\n")


def summary(problems: list[Problem]) -> str:
    errors = sum(p.severity is Severity.ERROR for p in problems)
    warnings = len(problems) - errors
    return f"{errors} error(s), {warnings} warning(s)"
