"""Shared fixtures: a tiny valid playbook to vary, and a project folder to build in."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
VALID_PLAYBOOK = (FIXTURES / "pikkula.yml").read_text(encoding="utf-8")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project folder with the real national content and base config, and no playbooks."""
    shutil.copytree(REPO / "content", tmp_path / "content")
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "playbooks").mkdir()
    return tmp_path


def write_playbook(folder: Path, text: str, name: str = "pikkula") -> Path:
    path = folder / f"{name}.yml"
    path.write_text(text, encoding="utf-8")
    return path


def vary(old: str, new: str, text: str = VALID_PLAYBOOK) -> str:
    """The valid playbook with one exact piece replaced (fails loudly if it is not there)."""
    assert old in text, f"fixture does not contain {old!r}"
    return text.replace(old, new, 1)
