"""Completeness and quality of a playbook's texts: every language, no placeholders, readable
colours, a current accessibility statement."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from generator.messages import msg
from generator.playbook.located import problem_at
from generator.playbook.model import LocalText, Playbook
from generator.playbook.yamlsource import PathKey, SourceDocument, shown
from generator.problems import Problem, Severity

# Text an author leaves to fill in later. "..." and "…" count: a finished text never trails off.
_PLACEHOLDER = re.compile(r"\b(TODO|TBD|FIXME|XXX+)\b|\.\.\.|…", re.IGNORECASE)
MIN_HEADER_CONTRAST = 4.5
STATEMENT_MAX_AGE_DAYS = 365


def check_quality(playbook: Playbook, document: SourceDocument, today: dt.date) -> list[Problem]:
    return [
        *languages_complete(playbook, document),
        *no_placeholders(playbook, document),
        *header_contrast(playbook, document),
        *statement_current(playbook, document, today),
    ]


def texts(value: Any, path: PathKey = ()) -> Iterator[tuple[PathKey, LocalText]]:
    """Every LocalText in the playbook, with its key path."""
    if isinstance(value, LocalText):
        yield path, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from texts(getattr(value, name), (*path, name))
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from texts(item, (*path, index))


def languages_complete(playbook: Playbook, document: SourceDocument) -> Iterator[Problem]:
    for path, text in texts(playbook):
        for language in playbook.languages:
            if not text.get(language).strip():
                yield problem_at(
                    document,
                    "missing-translation",
                    path,
                    msg(
                        "missing-translation",
                        language=msg(f"part.language-{language}"),
                        code=language,
                        languages=", ".join(playbook.languages),
                    ),
                )


def no_placeholders(playbook: Playbook, document: SourceDocument) -> Iterator[Problem]:
    written = [
        ((*path, language), text.get(language))
        for path, text in texts(playbook)
        for language in playbook.languages
    ]
    for path, value in [*written, *plain_texts(playbook)]:
        match = _PLACEHOLDER.search(value)
        if match:
            yield problem_at(
                document, "placeholder", path, msg("placeholder", placeholder=shown(match.group(0)))
            )


# Single-language texts an author writes (a contact's name, an address, a version...), which
# a starter playbook fills with placeholders too. Ids and fixed choices are not among them.
_PLAIN_TEXT_FIELDS = frozenset({"section", "version", "system", "name", "email", "feedback_email"})


def plain_texts(value: Any, path: PathKey = ()) -> Iterator[tuple[PathKey, str]]:
    """Every single-language text of the playbook (see above), with its key path."""
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            field_value = getattr(value, name)
            if isinstance(field_value, str) and name in _PLAIN_TEXT_FIELDS:
                yield (*path, name), field_value
            else:
                yield from plain_texts(field_value, (*path, name))
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from plain_texts(item, (*path, index))


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2.1 contrast ratio of two '#rrggbb' colours."""
    lighter, darker = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _luminance(color: str) -> float:
    channels = [int(color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def header_contrast(playbook: Playbook, document: SourceDocument) -> Iterator[Problem]:
    color = playbook.municipality.color
    if color is None:
        return
    ratio = contrast_ratio(color, "#ffffff")
    if ratio < MIN_HEADER_CONTRAST:
        yield problem_at(
            document,
            "color-contrast",
            ("municipality", "color"),
            msg(
                "color-contrast",
                color=color,
                ratio=f"{ratio:.1f}",
                minimum=MIN_HEADER_CONTRAST,
            ),
        )


def statement_current(
    playbook: Playbook, document: SourceDocument, today: dt.date
) -> Iterator[Problem]:
    assessed = playbook.accessibility.assessed
    path: PathKey = ("accessibility", "assessed")
    if assessed > today:
        yield problem_at(
            document,
            "date-in-future",
            path,
            msg("date-in-future", date=assessed.isoformat()),
        )
    elif (today - assessed).days > STATEMENT_MAX_AGE_DAYS:
        yield problem_at(
            document,
            "statement-old",
            path,
            msg("statement-old", date=assessed.isoformat()),
            Severity.WARNING,
        )
