"""Load and validate playbooks: the first stage of every build and check."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from generator import clock
from generator.messages import msg
from generator.playbook import format1
from generator.playbook.logo import logo_problem
from generator.playbook.model import SCHEMA_VERSION, Playbook
from generator.playbook.quality import check_quality
from generator.playbook.rules import check_playbook
from generator.playbook.schema_errors import translate
from generator.playbook.upgrade import upgrade_document, version_of
from generator.playbook.yamlsource import SourceDocument, SourceError, read_yaml, shown
from generator.problems import (
    Location,
    Problem,
    Severity,
    display_path,
    has_errors,
    sort_problems,
)


@dataclass(frozen=True)
class LoadedPlaybook:
    """A valid playbook with where it came from (for assets and for pointing at lines)."""

    playbook: Playbook
    path: Path
    document: SourceDocument
    warnings: tuple[Problem, ...] = ()

    @property
    def folder(self) -> Path:
        return self.path.parent


class PlaybookInvalid(Exception):
    """The playbook has errors; ``problems`` lists all of them, in file order."""

    def __init__(self, path: Path, problems: list[Problem]) -> None:
        super().__init__(f"{path}: {len(problems)} problem(s)")
        self.path = path
        self.problems = problems


_READ_ONLY_PART = {"yaml-alias", "yaml-merge-key", "too-many-items", "too-deep"}


def load_playbook(path: Path, today: dt.date | None = None) -> LoadedPlaybook:
    """Read, type-check and rule-check one playbook; raise :class:`PlaybookInvalid` if bad.

    ``today`` is the date that date rules compare with (the real date unless a test sets it).
    """
    try:
        document = read_yaml(path)
    except SourceError as error:
        raise PlaybookInvalid(path, error.problems) from None
    if any(problem.code in _READ_ONLY_PART for problem in document.problems):
        # Aliases, or items past a limit, were dropped while reading; checking what is left
        # would only add noise.
        raise PlaybookInvalid(path, document.problems)
    if not isinstance(document.data, dict):
        raise PlaybookInvalid(
            path,
            [
                Problem.of(
                    "invalid-value",
                    Location(path, 1, 1),
                    "",
                    msg(
                        "invalid-value.top-level",
                        found=msg(
                            "part.found-list"
                            if isinstance(document.data, list)
                            else "part.found-single"
                        ),
                    ),
                )
            ],
        )
    older_format = False
    version = version_of(document.data)
    if version is not None and version not in {"1", str(SCHEMA_VERSION)}:
        # A format this toolkit does not know: what else the file says cannot be checked.
        raise PlaybookInvalid(
            path,
            [
                Problem.of(
                    "invalid-value",
                    document.value_location(("schema_version",)),
                    "schema_version",
                    msg("invalid-value.schema_version", got=shown(version)),
                )
            ],
        )
    if version == "1":
        # Checked as written first, so that messages name the keys the author wrote.
        try:
            format1.Playbook.model_validate(document.data)
        except ValidationError as error:
            problems = [*document.problems, *translate(error, document, format1.Playbook)]
            raise PlaybookInvalid(path, sort_problems(problems)) from None
        upgrade_document(document)
        older_format = True
    try:
        playbook = Playbook.model_validate(document.data)
    except ValidationError as error:
        problems = [*document.problems, *translate(error, document, Playbook)]
        raise PlaybookInvalid(path, sort_problems(problems)) from None
    problems = [
        *document.problems,
        *check_playbook(playbook, document),
        *check_quality(playbook, document, today or clock.today()),
    ]
    if older_format:
        problems = _as_older_format(problems, document)
    problems = sort_problems(problems)
    if has_errors(problems):
        raise PlaybookInvalid(path, problems)
    _check_assets(playbook, path, document)
    return LoadedPlaybook(playbook, path, document, tuple(problems))


# What format 2 asks for that a version-1 file cannot say: one notice to migrate, instead of a
# warning on every ladder and stage that the author could not act on without migrating.
_FORMAT_2_ONLY = {"window-missing", "guardian-text-missing"}


def _as_older_format(problems: list[Problem], document: SourceDocument) -> list[Problem]:
    kept = [
        _in_older_words(problem, document)
        for problem in problems
        if problem.code not in _FORMAT_2_ONLY
    ]
    notice = Problem.of(
        "older-format",
        document.location(("schema_version",)),
        "schema_version",
        msg("older-format", path=display_path(document.path)),
        Severity.WARNING,
    )
    return [notice, *kept]


def _in_older_words(problem: Problem, document: SourceDocument) -> Problem:
    """A version-1 file has no ladders: a unit that does not fit is said against the one unit
    such a file names, ``monitoring.unit``."""
    if problem.code != "unit-mismatch" or problem.text is None:
        return problem
    found = dict(problem.text.params).get("found")
    unit = document.data["ladders"][0]["measures"][0]["unit"]
    return Problem.of(
        problem.code, problem.location, problem.field, msg("unit-mismatch", found=found, unit=unit)
    )


def _check_assets(playbook: Playbook, path: Path, document: SourceDocument) -> None:
    logo = playbook.municipality.logo
    if logo is None:
        return
    logo_path = (path.parent / logo).resolve()
    problem = None
    if path.parent.resolve() not in logo_path.parents:
        problem = msg("logo-missing.outside")
    elif logo_path.suffix.lower() not in {".svg", ".png"}:
        problem = msg("logo-missing.kind", logo=shown(logo))
    elif not logo_path.is_file():
        problem = msg("logo-missing.absent", logo=shown(logo))
    code = "logo-missing"
    if problem is None:
        found = logo_problem(logo_path, shown(logo))
        if found is None:
            return
        code, problem = found
    raise PlaybookInvalid(
        path,
        [
            Problem.of(
                code,
                document.location(("municipality", "logo")),
                "municipality.logo",
                problem,
            )
        ],
    )


def resolve_playbook_paths(names: list[str], playbooks_dir: Path) -> list[Path]:
    """Turn CLI arguments (slugs or paths) into playbook files; all of them when none given.

    A playbook may end in ``.yml`` or ``.yaml``: both are built, none is skipped silently.
    """
    if not names:
        found = [*playbooks_dir.glob("*.yml"), *playbooks_dir.glob("*.yaml")]
        return sorted(found, key=lambda path: (path.stem, path.suffix != ".yml"))
    paths = []
    for name in names:
        candidate = Path(name)
        if candidate.suffix in {".yml", ".yaml"} or "/" in name:
            paths.append(candidate)
        elif (
            not (playbooks_dir / f"{name}.yml").exists()
            and (playbooks_dir / f"{name}.yaml").exists()
        ):
            paths.append(playbooks_dir / f"{name}.yaml")
        else:
            paths.append(playbooks_dir / f"{name}.yml")
    return paths


def unique_playbooks(paths: list[Path]) -> tuple[list[Path], list[Problem]]:
    """Each playbook once: a file named twice is built once, and a second file with the same
    name (the same slug: ``a.yml`` and ``a.yaml``, or two folders) is a problem, not a race."""
    first: dict[str, Path] = {}
    unique, problems = [], []
    for path in paths:
        seen = first.setdefault(path.stem, path)
        if seen is path:
            unique.append(path)
        elif seen.resolve() != path.resolve():
            found = msg("duplicate-slug", other=display_path(seen))
            problems.append(Problem.of("duplicate-slug", Location(path), "", found))
    return unique, problems
