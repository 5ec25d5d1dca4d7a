"""The starter playbook that ``sky new`` writes: complete, valid, explained, with placeholders.

Every field is present. Each carries a realistic example and, above it, what to write there in
Finnish and Swedish (taken from the field descriptions of :mod:`generator.playbook.model`, the same
words an editor shows on hover). What only the municipality can know (names, contacts, how
absences are reported) holds ``TODO``, which ``sky check`` reports until it is replaced; the
ladder is the SKY model's tiers as a starting point, ready to be adjusted.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Literal

from pydantic import BaseModel

from generator.playbook import model
from generator.playbook.model import Language
from generator.templating import Environment, environment

Unit = Literal["hours", "percent"]
_WIDTH = 96
# A plain YAML scalar cannot hold these; such a text is written in double quotes.
_NEEDS_QUOTES = re.compile(r"[:#\[\]{},&*!|>'\"%@`]|^[-?\s]|\s$")


@dataclass(frozen=True)
class StarterAnswers:
    """What ``sky new`` asks: the file's slug, the publication languages, names, the unit."""

    slug: str
    languages: tuple[Language, ...]
    names: Mapping[str, str]
    unit: Unit
    today: dt.date


def starter_playbook(answers: StarterAnswers) -> str:
    effective = _next_school_year(answers.today)
    return (
        _environment()
        .get_template("starter/playbook.yml.j2")
        .render(
            a=answers,
            first=answers.languages[0],
            effective_from=effective,
            version=f"{effective.year}.1",
            about=lambda field, indent=0: _about(field, indent, answers.languages[0]),
            texts=lambda indent, **t: _texts(answers.languages, indent, t),
            q=_quoted,
        )
    )


def _next_school_year(today: dt.date) -> dt.date:
    """1 August: the usual start of the school year that the rules will take effect in."""
    start = dt.date(today.year, 8, 1)
    return start if today <= start else dt.date(today.year + 1, 8, 1)


@cache
def _environment() -> Environment:
    return environment(html=False, markdown=False)


def _about(field_path: str, indent: int, first: str) -> str:
    """Comment lines describing ``Model.field``, in Finnish and Swedish, ``first`` first."""
    class_name, field_name = field_path.split(".")
    owner = getattr(model, class_name)
    assert isinstance(owner, type) and issubclass(owner, BaseModel)
    finnish, _, swedish = (owner.model_fields[field_name].description or "").partition(" — ")
    pad = " " * indent
    lines = []
    for part in (swedish, finnish) if first == "sv" else (finnish, swedish):
        lines += textwrap.wrap(part, _WIDTH - indent - 2)
    return "\n".join(f"{pad}# {line}" for line in lines)


def _quoted(value: str) -> str:
    """A string as a YAML scalar: plain when it is safe, else double-quoted (JSON is YAML)."""
    return json.dumps(value, ensure_ascii=False) if _NEEDS_QUOTES.search(value) else value


def _texts(languages: tuple[Language, ...], indent: int, texts: Mapping[str, str]) -> str:
    """The lines of a text in every publication language, long ones folded (``>-``)."""
    pad = " " * indent
    lines = []
    for language in languages:
        text = texts[language]
        if len(text) + indent + 4 <= _WIDTH:
            lines.append(f"{pad}{language}: {_quoted(text)}")
        else:
            lines.append(f"{pad}{language}: >-")
            lines += [f"{pad}  {line}" for line in textwrap.wrap(text, _WIDTH - indent - 2)]
    return "\n".join(lines)
