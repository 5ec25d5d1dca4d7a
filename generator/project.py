"""A project folder: where a build finds its inputs, and its settings (``sky.toml``).

There are two kinds, both small. A municipality's holds ``playbooks/<slug>.yml`` (and perhaps a
``sky.toml``); the national operator's holds many playbooks and ``portal.yml``. The national
content, the base MkDocs configuration and the authors' guide come with the toolkit, at the
version the toolkit was released with; a project may build with another content folder (a new
national version under review) by naming it in ``sky.toml``::

    content_dir = "review/content"
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import generator
from generator.messages import Msg, msg
from generator.problems import Location, Problem

PACKAGE = Path(generator.__file__).parent
NATIONAL_CONTENT = PACKAGE / "content" / "sky"
BASE_CONFIG = PACKAGE / "site" / "base-mkdocs.yml"
AUTHORS_GUIDE = PACKAGE / "authoring" / "guide"
SETTINGS_FILE = "sky.toml"
_SETTINGS = ("content_dir",)


class SettingsInvalid(Exception):
    """``sky.toml`` cannot be read or has a setting the toolkit does not know."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s) in {SETTINGS_FILE}")
        self.problems = problems


@dataclass(frozen=True)
class Settings:
    """What a project's ``sky.toml`` may set; every setting is optional."""

    content_dir: Path | None = None


@dataclass(frozen=True)
class Project:
    """Where a project's inputs live; by default the current folder."""

    root: Path
    settings: Settings = field(default_factory=Settings)

    @classmethod
    def at(cls, root: Path) -> Project:
        """The project in ``root`` with its settings; :class:`SettingsInvalid` if they are bad."""
        return cls(root, load_settings(root))

    @property
    def exists(self) -> bool:
        """Whether ``root`` is a project folder: it has playbooks or settings."""
        return self.playbooks_dir.is_dir() or (self.root / SETTINGS_FILE).is_file()

    @property
    def playbooks_dir(self) -> Path:
        return self.root / "playbooks"

    @property
    def content_dir(self) -> Path:
        return self.settings.content_dir or NATIONAL_CONTENT

    @property
    def base_config(self) -> Path:
        return BASE_CONFIG

    @property
    def portal_settings(self) -> Path:
        return self.root / "portal.yml"

    @property
    def guide_dir(self) -> Path:
        return AUTHORS_GUIDE

    @property
    def work_dir(self) -> Path:
        return self.root / "build"


def load_settings(root: Path) -> Settings:
    """Read ``root/sky.toml`` if there is one."""
    path = root / SETTINGS_FILE
    if not path.is_file():
        return Settings()
    text = path.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise SettingsInvalid(
            [
                Problem.of(
                    "settings-invalid",
                    Location(path),
                    "",
                    msg("settings-invalid.syntax", detail=error),
                )
            ]
        ) from None
    problems = [
        Problem.of(
            "settings-invalid",
            _where(path, text, key),
            key,
            msg("settings-invalid.unknown", key=key),
        )
        for key in data
        if key not in _SETTINGS
    ]
    content = data.get("content_dir")
    if content is not None and not (isinstance(content, str) and (root / content).is_dir()):
        found = msg("settings-invalid.content-dir", got=content)
        problems.append(
            Problem.of("settings-invalid", _where(path, text, "content_dir"), "content_dir", found)
        )
    if problems:
        raise SettingsInvalid(problems)
    return Settings(content_dir=(root / content).resolve() if isinstance(content, str) else None)


def _unknown(key: str) -> Msg:
    return msg("settings-invalid.unknown", key=key)


def _where(path: Path, text: str, key: str) -> Location:
    """The line that sets ``key`` (TOML's reader keeps no positions)."""
    for number, line in enumerate(text.splitlines(), start=1):
        if line.split("=", 1)[0].strip() == key:
            return Location(path, number, 1)
    return Location(path)
