"""Messages for authors, in English, Finnish and Swedish, rendered from a key and parameters.

A problem's text is not written at the place that finds the problem: that place names a
message by its key (``"invalid-value.phone"``: the problem code, then a variant) and gives the
values it mentions. Each language has a catalogue (:mod:`generator.messages.en`, ``fi``,
``sv``) of ``str.format`` templates under the same keys, so the reporter can show the same
problem in the author's language. Keys starting with ``part.`` are pieces that other messages
use as parameters (``got a list`` / ``nyt: luettelo``); keys starting with ``report.`` are
the reporter's own words.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final, Literal, TypeAlias

from generator.messages import en, fi, sv

MessageLanguage = Literal["en", "fi", "sv"]
MESSAGE_LANGUAGES: Final[tuple[MessageLanguage, ...]] = ("en", "fi", "sv")
CATALOGUES: Final[Mapping[str, Mapping[str, str]]] = {
    "en": en.MESSAGES,
    "fi": fi.MESSAGES,
    "sv": sv.MESSAGES,
}


@dataclass(frozen=True)
class AnyOf:
    """Alternatives shown as 'a or b' in each language; ``serial``: 'a, b or c'."""

    items: tuple[Param, ...]
    serial: bool = False


@dataclass(frozen=True)
class Msg:
    """A message: its catalogue key and the values it mentions (hashable, comparable)."""

    key: str
    params: tuple[tuple[str, Param], ...] = ()

    def render(self, language: str = "en") -> str:
        catalogue = CATALOGUES.get(language, en.MESSAGES)
        template = catalogue.get(self.key) or en.MESSAGES[self.key]
        values = {name: _render_param(value, language) for name, value in self.params}
        return template.format(**values)


Param: TypeAlias = "str | int | float | Msg | AnyOf"


def msg(key: str, /, **params: object) -> Msg:
    """The message ``key`` with its parameters; values other than messages become text."""
    if key not in en.MESSAGES:
        raise KeyError(f"no English message for {key!r}")
    return Msg(key, tuple((name, _param(value)) for name, value in sorted(params.items())))


def _param(value: object) -> Param:
    if isinstance(value, Msg | AnyOf | str | int | float):
        return value
    return str(value)


def _render_param(value: Param, language: str) -> str:
    if isinstance(value, Msg):
        return value.render(language)
    if isinstance(value, AnyOf):
        items = [_render_param(item, language) for item in value.items]
        word = Msg("report.or").render(language)
        if value.serial and len(items) > 2:
            return f"{', '.join(items[:-1])} {word} {items[-1]}"
        return f" {word} ".join(items)
    return str(value)


def text(key: str, language: str, /, **params: object) -> str:
    """One message rendered at once (for the reporter's own lines)."""
    return msg(key, **params).render(language)
