"""``sky migrate``: rewrite version-1 playbooks as version 2, in place, as their author would.

The moves themselves are defined once, in :mod:`generator.playbook.upgrade` (loading a
version-1 file makes the same moves in memory). Here they are made on the file's round-trip
tree (:mod:`generator.playbook.roundtrip`), so that the comments, the key order, the quotes and
the layout stay as the author wrote them, and each is reported on the line where it now is.

Nothing is written unless it is safe: the file must load as a valid playbook first, and the
new text must load as version 2 into exactly the playbook that the old file gave (the same
thresholds, steps, contacts: every field). Only then does it replace the old file, in one
rename, with the old file's permissions.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sys
import tempfile
import traceback
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TextIO

from generator.cli.report import print_problems
from generator.messages import Msg, msg, text
from generator.messages.author_language import add_lang_option
from generator.playbook.loader import LoadedPlaybook, PlaybookInvalid, load_playbook
from generator.playbook.model import SCHEMA_VERSION, Playbook
from generator.playbook.roundtrip import edit_keeping_comments, read_round_trip, write_round_trip
from generator.playbook.upgrade import Change, upgrade, version_of
from generator.playbook.yamlsource import PathKey, SourceDocument, read_yaml, render_path, shown
from generator.portal.opendata import record_of
from generator.problems import Location, Problem, display_path

EXIT_OK, EXIT_INVALID, EXIT_INTERNAL = 0, 1, 3
NEWEST = str(SCHEMA_VERSION)
# A change made to a key that is gone from the new file is shown where its content went.
_SHOWN_AT: dict[str, PathKey] = {"migrate.ladders": ("ladders",)}


class Status(StrEnum):
    MIGRATED = "migrated"
    CURRENT = "current"  # already on the newest version: left untouched
    OUTDATED = "outdated"  # --check: would be migrated
    INVALID = "invalid"  # not a valid playbook: nothing written
    UNWRITABLE = "unwritable"
    DEFECT = "defect"  # the migration would not keep the playbook: a defect of ours


@dataclass(frozen=True)
class Note:
    """One line of the report: where, which field, and what happened there."""

    location: Location
    field: str
    text: Msg

    def render(self, language: str) -> str:
        field = f"{self.field}: " if self.field else ""
        return f"{self.location.render()}: {field}{self.text.render(language)}"


@dataclass(frozen=True)
class FileOutcome:
    path: Path
    status: Status
    notes: tuple[Note, ...] = ()
    problems: tuple[Problem, ...] = field(default=())


def add_migrate_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    migrate_cmd = commands.add_parser(
        "migrate",
        help="rewrite version-1 playbooks as version 2, keeping their comments",
        description="Rewrite playbooks written in an older format as the newest one, in place, "
        "keeping comments and key order; print each change with its file and line. A file "
        "with errors is reported and left as it is.",
    )
    migrate_cmd.add_argument(
        "names",
        nargs="*",
        metavar="SLUG|PATH",
        help="playbook slugs (from playbooks/) or paths to playbook files; none = all",
    )
    migrate_cmd.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 if a playbook is not on the newest version",
    )
    add_lang_option(migrate_cmd)


def run_migrate(
    paths: Sequence[Path],
    check_only: bool,
    language: str,
    log_dir: Path,
    out: TextIO | None = None,
    today: dt.date | None = None,
) -> int:
    """Migrate (or with ``check_only`` only look at) each file on its own; say what happened."""
    out = out or sys.stdout
    outcomes = []
    for path in paths:
        try:
            outcome = migrate_file(path, check_only, log_dir, today)
        except Exception:  # a defect of ours in one file must not stop the others
            log = _write_log(log_dir, path, traceback.format_exc())
            found = msg("migrate.crashed", log=display_path(log))
            outcome = FileOutcome(path, Status.DEFECT, (Note(Location(path), "", found),))
        outcomes.append(outcome)
        print_problems(list(outcome.problems), out, "text", language)
        for note in outcome.notes:
            out.write(note.render(language) + "\n")
    out.write(_summary(outcomes, check_only, language) + "\n")
    return _exit_code(outcomes)


def _summary(outcomes: list[FileOutcome], check_only: bool, language: str) -> str:
    def count(*statuses: Status) -> int:
        return sum(outcome.status in statuses for outcome in outcomes)

    current = count(Status.CURRENT)
    failed = count(Status.INVALID, Status.UNWRITABLE, Status.DEFECT)
    if check_only:
        outdated = count(Status.OUTDATED)
        words = {"outdated": outdated, "current": current, "failed": failed, "version": NEWEST}
        return text("cli.migrate-check", language, **words)
    migrated = count(Status.MIGRATED)
    words = {"migrated": migrated, "current": current, "failed": failed, "version": NEWEST}
    return text("cli.migrate", language, **words)


def _exit_code(outcomes: list[FileOutcome]) -> int:
    statuses = {outcome.status for outcome in outcomes}
    if Status.DEFECT in statuses:
        return EXIT_INTERNAL
    if statuses & {Status.INVALID, Status.UNWRITABLE, Status.OUTDATED}:
        return EXIT_INVALID
    return EXIT_OK


def migrate_file(
    path: Path, check_only: bool, log_dir: Path, today: dt.date | None = None
) -> FileOutcome:
    """Migrate one file, or say why not; with ``check_only``, only say whether it would be."""
    try:
        before = load_playbook(path, today)
    except PlaybookInvalid as invalid:
        return FileOutcome(path, Status.INVALID, problems=tuple(invalid.problems))
    source = read_yaml(path)  # as written: the loaded document is already read as version 2
    version = version_of(source.data)
    at_version = Location(path, *_line_and_column(source, ("schema_version",)))
    if version == NEWEST:
        note = Note(at_version, "schema_version", msg("migrate.up-to-date", version=NEWEST))
        return FileOutcome(path, Status.CURRENT, (note,))
    if check_only:
        found = msg("migrate.outdated", found=shown(version), version=NEWEST)
        return FileOutcome(path, Status.OUTDATED, (Note(at_version, "schema_version", found),))
    # As bytes: reading as text would turn Windows line ends into "\n" and hide them.
    document = read_round_trip(path.read_bytes().decode("utf-8"))
    changes = edit_keeping_comments(document.tree, upgrade)
    return _write_if_same(path, before, write_round_trip(document), changes, log_dir, today)


def _write_if_same(
    path: Path,
    before: LoadedPlaybook,
    new_text: str,
    changes: list[Change],
    log_dir: Path,
    today: dt.date | None,
) -> FileOutcome:
    """Write ``new_text`` over ``path`` only if it loads as version 2 into the same playbook.

    It is tried as the playbook itself would be: under the same file name (the slug must
    match it) in a folder of its own beside the old file, with a copy of the logo, so that the
    final rename stays on one file system and is atomic.
    """
    target = path.resolve()
    try:
        folder = Path(tempfile.mkdtemp(prefix=".sky-migrate-", dir=target.parent))
    except OSError as error:
        return _unwritable(path, error)
    try:
        trial = folder / path.name
        trial.write_bytes(new_text.encode("utf-8"))
        _copy_logo(before, folder)
        difference, after = _difference(before.playbook, trial, today)
        if difference is not None or after is None:
            log = _write_log(log_dir, path, f"{difference}\n\n--- new text ---\n{new_text}")
            where = (difference or "").split(":", 1)[0]
            refused = msg("migrate.not-lossless", field=shown(where), log=display_path(log))
            return FileOutcome(path, Status.DEFECT, (Note(Location(path), "", refused),))
        os.chmod(trial, target.stat().st_mode & 0o7777)
        os.replace(trial, target)
    except OSError as error:
        return _unwritable(path, error)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return FileOutcome(path, Status.MIGRATED, tuple(_notes(path, after.document, changes)))


def _unwritable(path: Path, error: OSError) -> FileOutcome:
    found = msg("migrate.unwritable", reason=error.strerror or error)
    return FileOutcome(path, Status.UNWRITABLE, (Note(Location(path), "", found),))


def _copy_logo(before: LoadedPlaybook, folder: Path) -> None:
    logo = before.playbook.municipality.logo
    if logo is not None:  # the loader has checked that it lies inside the playbook's folder
        copy = folder / logo
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(before.folder / logo, copy)


def _difference(
    expected: Playbook, trial: Path, today: dt.date | None
) -> tuple[str | None, LoadedPlaybook | None]:
    """Why the new file is not the same playbook (``field: what``), or None; and the new file
    loaded, when it loads. The same playbook means the same model, field by field, and so the
    same open data record, pages and documents."""
    try:
        after = load_playbook(trial, today)
    except PlaybookInvalid as invalid:
        return "playbook: " + "; ".join(problem.render() for problem in invalid.problems), None
    if version_of(after.document.data) != NEWEST:
        return f"schema_version: not {NEWEST}", after
    found = _first_difference(expected.model_dump(), after.playbook.model_dump(), ())
    if found is None:  # implied by the model being equal; said as what the portal publishes
        found = _first_difference(record_of(expected), record_of(after.playbook), ("open data",))
    return found, after


def _first_difference(old: object, new: object, path: PathKey) -> str | None:
    if isinstance(old, dict) and isinstance(new, dict):
        for key in [*old, *(key for key in new if key not in old)]:
            found = _first_difference(old.get(key), new.get(key), (*path, str(key)))
            if found is not None:
                return found
        return None
    if isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        for index, (old_item, new_item) in enumerate(zip(old, new, strict=True)):
            found = _first_difference(old_item, new_item, (*path, index))
            if found is not None:
                return found
        return None
    if old == new:
        return None
    return f"{render_path(path) or 'playbook'}: {old!r} became {new!r}"


def _notes(path: Path, after: SourceDocument, changes: list[Change]) -> list[Note]:
    """Each change on the line where it now is in the new file, in the order of the lines."""
    notes: list[Note] = []
    for change in changes:
        if change.key == "migrate.window":
            notes += _window_notes(path, after)
            continue
        shown_at = _SHOWN_AT.get(change.key, change.path)
        location = Location(path, *_line_and_column(after, shown_at))
        found = msg(change.key, **dict(change.values))
        notes.append(Note(location, render_path(shown_at), found))
    return sorted(notes, key=lambda note: (note.location.line, note.location.column))


def _window_notes(path: Path, after: SourceDocument) -> list[Note]:
    """Version 1 said the counting window only in words: each measure is to say it as data."""
    notes = []
    for index, ladder in enumerate(after.data["ladders"]):
        for number, measure in enumerate(ladder["measures"]):
            if measure.get("per") is not None:
                continue
            at: PathKey = ("ladders", index, "measures", number)
            location = Location(path, *_line_and_column(after, at))
            found = msg("migrate.window", unit=shown(measure["unit"]))
            notes.append(Note(location, render_path(at), found))
    return notes


def _line_and_column(document: SourceDocument, key_path: PathKey) -> tuple[int, int]:
    location = document.location(key_path)
    return location.line, location.column


def _write_log(log_dir: Path, path: Path, details: str) -> Path:
    log = log_dir / f"migrate-{path.stem}.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    log.write_text(f"{display_path(path)}\n{details}\n", encoding="utf-8")
    return log
