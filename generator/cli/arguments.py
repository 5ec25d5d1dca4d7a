"""Command-line values checked before anything runs: slugs, ports, output folders.

An output folder is where sites are swapped in and old versions deleted, so it must be a folder
of its own: never the project, nor anything the project is made from (``--out .`` with a
playbook named ``scripts`` would otherwise replace the project's ``scripts/``), and never a
folder that this toolkit did not publish.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Protocol

import generator
from generator.messages import Msg, msg
from generator.playbook.model import SLUG_PATTERN
from generator.playbook.yamlsource import shown
from generator.problems import display_path
from generator.publish.swap import MARKER, is_ours

_PACKAGE = Path(generator.__file__).parent


class Inputs(Protocol):
    """The parts of a project that a build reads."""

    @property
    def playbooks_dir(self) -> Path: ...
    @property
    def content_dir(self) -> Path: ...
    @property
    def base_config(self) -> Path: ...
    @property
    def portal_settings(self) -> Path: ...
    @property
    def guide_dir(self) -> Path: ...
    @property
    def work_dir(self) -> Path: ...


def refused_arguments(
    args: argparse.Namespace, project: Inputs, playbooks: Iterable[Path] = ()
) -> Msg | None:
    """Why the command cannot run with these arguments, or None if it can."""
    command = str(args.command)
    if command == "rollback" and not SLUG_PATTERN.fullmatch(args.slug):
        return msg("cli.slug-invalid", command=command, slug=shown(args.slug))
    if command == "serve" and not 0 < args.port < 65536:
        return msg("cli.port-range", port=args.port)
    if command in ("build", "rollback"):
        slugs = [args.slug] if command == "rollback" else [path.stem for path in playbooks]
        return refused_output(command, Path(args.out), project, [*playbooks], slugs)
    return None


def refused_output(
    command: str, out_dir: Path, project: Inputs, playbooks: list[Path], slugs: list[str]
) -> Msg | None:
    folder = shown(out_dir)
    existing = _nearest_existing(out_dir)
    if not existing.is_dir():
        return msg("cli.out-not-folder", command=command, folder=_shown_path(existing))
    if not os.access(existing, os.W_OK | os.X_OK):
        return msg("cli.out-unwritable", command=command, folder=folder)
    clash = _input_in_the_way(out_dir, project, playbooks)
    if clash is not None:
        return msg("cli.out-inputs", command=command, folder=folder, input=_shown_path(clash))
    for slug in slugs:
        site = out_dir / slug
        if (site.exists() or site.is_symlink()) and not is_ours(site):
            return not_ours(command, site)
    return None


def not_ours(command: str, folder: Path) -> Msg:
    return msg("cli.out-not-ours", command=command, folder=_shown_path(folder), marker=MARKER)


def _shown_path(path: Path) -> str:
    return shown(display_path(path.absolute()))


def _nearest_existing(path: Path) -> Path:
    path = path.absolute()
    while not path.exists() and path != path.parent:
        path = path.parent
    return path


def _input_in_the_way(out_dir: Path, project: Inputs, playbooks: list[Path]) -> Path | None:
    """An input that the output folder is, contains or (for the project's folders) lies in.

    A site built inside the content folder would be read back as national content; one built beside
    a playbook named on the command line (``sky build ./pikkula.yml --out site``) harms nothing.
    """
    out = out_dir.resolve()
    folders = [
        project.playbooks_dir,
        project.content_dir,
        project.guide_dir,
        project.base_config,
        project.portal_settings,
        project.work_dir,
        _PACKAGE,
    ]
    for candidate in [*folders, *(path.parent for path in playbooks)]:
        place = candidate.resolve()
        inside = candidate in folders and place in out.parents
        if place.exists() and (place == out or out in place.parents or inside):
            return candidate
    return None
