"""Fingerprints of a build's inputs, so that a municipality whose inputs have not changed is
not built again.

A site's fingerprint covers everything that can change its output: the playbook's bytes and
its logo, the national content and base configuration, and the toolkit itself (its version,
code, templates and theme). It is computed from bytes, before any parsing, which keeps a
rebuild of hundreds of unchanged municipalities to a fraction of a second.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import generator
from generator.content.national import content_version
from generator.messages import msg
from generator.printout.documents import DOWNLOADS_DIR
from generator.printout.reuse import EarlierPrints, PrintRecord
from generator.problems import Location, Problem, Severity
from generator.project import AUTHORS_GUIDE, NATIONAL_CONTENT

BUILD_STATE = ".sky-build.json"
_LOGO = re.compile(rb"^\s*logo:\s*['\"]?([^'\"#\s]+)", re.MULTILINE)
_PACKAGE = Path(generator.__file__).parent


def _hash_files(paths: Iterable[Path], base: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(paths):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(base).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def shared_fingerprint(content_dir: Path, base_config: Path) -> str:
    """Everything every site depends on: the toolkit, the national content, the base config."""
    digest = hashlib.sha256(generator.__version__.encode())
    # The national content is hashed as the content the build uses (which may be a project's
    # own), and the guide only for the portal: a guide edit rebuilds no municipal site.
    data = (NATIONAL_CONTENT, AUTHORS_GUIDE)
    code = [p for p in _PACKAGE.rglob("*") if not any(p.is_relative_to(d) for d in data)]
    digest.update(_hash_files(code, _PACKAGE).encode())
    digest.update(_hash_files(content_dir.rglob("*"), content_dir).encode())
    digest.update(base_config.read_bytes())
    return digest.hexdigest()


def guide_fingerprint(guide_dir: Path | None) -> str:
    """The authors' guide, which only the portal shows."""
    return _hash_files(guide_dir.rglob("*"), guide_dir) if guide_dir is not None else ""


def playbook_fingerprint(playbook: Path, shared: str) -> str:
    """The fingerprint of one municipality's site: its playbook, its logo and ``shared``."""
    data = playbook.read_bytes()
    digest = hashlib.sha256(shared.encode() + b"\0" + data)
    match = _LOGO.search(data)
    if match:
        logo = playbook.parent / match.group(1).decode("utf-8", "replace")
        if logo.is_file():
            digest.update(b"\0logo\0" + logo.read_bytes())
    return digest.hexdigest()


@dataclass(frozen=True)
class BuildState:
    """What a published site was built from, kept in ``<site>/.sky-build.json``."""

    fingerprint: str
    record: dict[str, Any]  # the municipality's facts for the national portal
    toolkit: str = ""  # the toolkit's version that built it
    content: str = ""  # the national content's version it was built with
    # Its PDFs, per language and file name: what each was printed from (printout.reuse).
    documents: dict[str, dict[str, PrintRecord]] = field(default_factory=dict)


def read_state(site_dir: Path) -> BuildState | None:
    try:
        data = json.loads((site_dir / BUILD_STATE).read_text(encoding="utf-8"))
        built_with = dict(data.get("built_with", {}))
        return BuildState(
            str(data["fingerprint"]),
            dict(data["record"]),
            str(built_with.get("toolkit", "")),
            str(built_with.get("content", "")),
            _documents(data.get("documents")),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _documents(data: object) -> dict[str, dict[str, PrintRecord]]:
    """The PDFs' records; a state file without them (older) or with a damaged one (edited by
    hand) only means that those PDFs are laid out again."""
    documents: dict[str, dict[str, PrintRecord]] = {}
    for language, files in data.items() if isinstance(data, dict) else ():
        for name, record in files.items() if isinstance(files, dict) else ():
            try:
                printed = PrintRecord(
                    str(record["input"]),
                    str(record["layout"]),
                    int(record["pages"]),
                    str(record["sha256"]),
                )
            except (KeyError, TypeError, ValueError):
                continue
            documents.setdefault(str(language), {})[str(name)] = printed
    return documents


def earlier_prints(site_dir: Path) -> dict[str, EarlierPrints]:
    """The PDFs of the site published in ``site_dir``, per language, each with what it was
    printed from ({} when there is none)."""
    state = None if site_dir.is_symlink() else read_state(site_dir)
    if state is None:
        return {}
    return {
        language: EarlierPrints(site_dir / language / DOWNLOADS_DIR, records)
        for language, records in state.documents.items()
    }


def published_from(site_dir: Path) -> str:
    """The fingerprint of the site published in ``site_dir`` ("" when there is none)."""
    state = read_state(site_dir)
    return state.fingerprint if state else ""


def file_fingerprint(path: Path) -> str:
    """The hash of one file's bytes ("" when it does not exist)."""
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""


def newer_version(installed: str, built: str) -> bool:
    """Whether version ``installed`` (``2026.2``) is later than ``built`` (``2026.1``)."""
    try:
        return tuple(map(int, installed.split("."))) > tuple(map(int, built.split(".")))
    except ValueError:
        return False  # an unknown or unnumbered version: nothing to compare


def write_state(site_dir: Path, state: BuildState) -> None:
    text = json.dumps(
        {
            "fingerprint": state.fingerprint,
            "record": state.record,
            "built_with": {"toolkit": state.toolkit, "content": state.content},
            "documents": {
                language: {name: asdict(record) for name, record in files.items()}
                for language, files in state.documents.items()
            },
        },
        ensure_ascii=False,
        indent=1,
        sort_keys=True,
    )
    (site_dir / BUILD_STATE).write_text(text + "\n", encoding="utf-8")


def content_updates_due(paths: list[Path], content_dir: Path, out_dir: Path) -> list[Problem]:
    """A warning for each published site built with older national content than installed."""
    installed = content_version(content_dir)
    due = []
    for path in paths:
        state = read_state(out_dir / path.stem)
        if state is not None and newer_version(installed, state.content):
            found = msg("content-newer", built=state.content, installed=installed)
            due.append(Problem.of("content-newer", Location(path), "", found, Severity.WARNING))
    return due
