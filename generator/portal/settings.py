"""The national portal's own settings (``portal.yml``): who publishes it and its accessibility
statement, which Act 306/2019 requires of the portal as of every public site."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import Field, ValidationError

from generator.playbook.fields import Frozen, HttpsUrl, LocalText
from generator.playbook.model import Accessibility
from generator.playbook.schema_errors import translate
from generator.playbook.yamlsource import SourceError, read_yaml
from generator.problems import Problem


class PortalSettings(Frozen):
    publisher: LocalText = Field(description="Who publishes the portal")
    site_url: HttpsUrl | None = Field(default=None, description="The portal's address (https)")
    accessibility: Accessibility


@dataclass(frozen=True)
class Publisher:
    """What the accessibility statement reads of a site's owner, as a playbook has it."""

    name: LocalText
    provider: LocalText
    site_url: str | None


@dataclass(frozen=True)
class StatementSource:
    municipality: Publisher
    accessibility: Accessibility


class PortalSettingsInvalid(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(p.render() for p in problems))
        self.problems = problems


def load_portal_settings(path: Path) -> PortalSettings | None:
    """The settings in ``path``, or None when the project has no such file."""
    if not path.is_file():
        return None
    try:
        document = read_yaml(path)
    except SourceError as error:
        raise PortalSettingsInvalid(error.problems) from None
    if document.problems:
        raise PortalSettingsInvalid(document.problems)
    try:
        return PortalSettings.model_validate(document.data)
    except ValidationError as error:
        raise PortalSettingsInvalid(translate(error, document, PortalSettings)) from None


def statement_source(settings: PortalSettings, title: LocalText) -> StatementSource:
    publisher = Publisher(title, settings.publisher, settings.site_url)
    return StatementSource(publisher, settings.accessibility)
