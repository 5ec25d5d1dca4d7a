"""The starter playbook that ``sky new`` writes: complete, valid, explained, with placeholders.

Every field of format 2 is present: the ones most playbooks need as values, the optional ones
as commented-out examples that become real by deleting the ``# `` in front of them. Each carries
a realistic example and, above it, what to write there in Finnish and Swedish (taken from the
field descriptions of :mod:`generator.playbook.model`, the same words an editor shows on hover).
What only the municipality can know (names, contacts, how absences are reported) holds ``TODO``,
which ``sky check`` reports until it is replaced; the ladder is the SKY model's tiers as a
starting point, ready to be adjusted.

Every text is written in YAML's block form (``fi: >-`` and the text on the lines below), never as
``{fi: ..., sv: ...}``: in that flow form a comma ends the text, and Finnish and Swedish texts
are full of commas. Authors copy what the starter shows them.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Literal

from pydantic import BaseModel

from generator.playbook import model
from generator.playbook.legal import PROVISION_IDS
from generator.playbook.model import Language
from generator.templating import Environment, environment

Unit = Literal["hours", "percent"]
_WIDTH = 96
_SHORT = 40  # a note this short shares its line with its translation
# A Finnish name ending in a vowel takes the genitive -n: "Pikkula" -> "Pikkulan kunta".
_FINNISH_VOWELS = "aeiouyäö"


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
            provider_fi=_provider_fi(answers.names.get("fi", "")),
            about=lambda field, indent=0: _about(field, indent, answers.languages[0]),
            texts=lambda indent, **t: _texts(answers.languages, indent, t),
            legal_ids=_legal_ids,
            note=lambda indent, **t: _note(answers.languages[0], indent, t),
        )
    )


def _provider_fi(name: str) -> str:
    """The education provider is the municipality itself, not its education department."""
    if name and name[-1].lower() in _FINNISH_VOWELS:
        return f"TODO {name}n kunta"
    return f"TODO Opetuksen järjestäjä, {name}"


def _next_school_year(today: dt.date) -> dt.date:
    """1 August: the usual start of the school year that the rules will take effect in."""
    start = dt.date(today.year, 8, 1)
    return start if today <= start else dt.date(today.year + 1, 8, 1)


@cache
def _environment() -> Environment:
    return environment(html=False, markdown=False, filters={"commented": _commented})


def _commented(block: str, column: int) -> str:
    """An optional part shown as an example: ``# `` inserted at ``column`` of every line (its
    explanations too), so that deleting those two characters gives each line back as it was."""
    return "\n".join(
        f"{line[:column]}# {line[column:]}" if line.strip() else line for line in block.split("\n")
    )


def _note(first: str, indent: int, words: Mapping[str, str]) -> str:
    """A comment of the starter's own in both languages, the main one first: on one line
    (``Esimerkki: / Exempel:``) when both are short, else each language's lines in turn."""
    ordered = [words["sv"], words["fi"]] if first == "sv" else [words["fi"], words["sv"]]
    pad = " " * indent
    one_line = " / ".join(ordered)
    if all(part.endswith(":") for part in ordered):  # "Exempel / Esimerkki:", one colon
        one_line = " / ".join(part[:-1] for part in ordered) + ":"
    if len(one_line) + indent + 2 <= _WIDTH and all(len(part) < _SHORT for part in ordered):
        return f"{pad}# {one_line}"
    lines = [line for part in ordered for line in textwrap.wrap(part, _WIDTH - indent - 2)]
    return "\n".join(f"{pad}# {line}" for line in lines)


def _legal_ids(indent: int) -> str:
    """The ids that ``legal_basis:`` takes, as comment lines."""
    pad = " " * indent
    listed = textwrap.wrap(", ".join(PROVISION_IDS), _WIDTH - indent - 4)
    return "\n".join([f"{pad}# Tunnukset / Id:", *(f"{pad}#   {line}" for line in listed)])


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


def _texts(languages: tuple[Language, ...], indent: int, texts: Mapping[str, str]) -> str:
    """The lines of a text in every publication language, each in the block form ``>-``.

    The folded block reads every character as written (commas, colons, ``#`` and quotes too),
    and its lines are joined with single spaces, so wrapping at spaces changes nothing."""
    pad = " " * indent
    lines = []
    for language in languages:
        lines.append(f"{pad}{language}: >-")
        wrapped = textwrap.wrap(
            texts[language], _WIDTH - indent - 2, break_long_words=False, break_on_hyphens=False
        )
        lines += [f"{pad}  {line}" for line in wrapped]
    return "\n".join(lines)
