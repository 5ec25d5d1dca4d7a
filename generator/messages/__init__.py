"""Messages for authors, in English, Finnish and Swedish, rendered from a key and parameters.

A problem's text is not written at the place that finds the problem: that place names a
message by its key (``"invalid-value.phone"``: the problem code, then a variant) and gives the
values it mentions. Each language's gettext catalogue (:mod:`generator.messages.catalogue`)
holds ``str.format`` templates under the same keys, so the reporter can show the same problem
in the author's language. Keys starting with ``part.`` are pieces that other messages use as
parameters (``got a list`` / ``nyt: luettelo``); keys starting with ``report.`` and ``cli.``
are the command's own words. The same catalogues hold the words of the generated pages,
printouts and calculator (``page.``, ``print.``, ``calculator.``), which are not messages.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Final, TypeAlias

from generator.messages import catalogue

MESSAGE_LANGUAGES: Final[tuple[str, ...]] = catalogue.languages()
# Entries under these prefixes are the words of the built output, not messages for authors.
WORD_PREFIXES: Final = ("page.", "print.", "calculator.")


class _Messages(Mapping[str, Mapping[str, str]]):
    """Each language's messages (key → template), read from its catalogue when first asked."""

    def __getitem__(self, language: str) -> Mapping[str, str]:
        if language not in MESSAGE_LANGUAGES:
            raise KeyError(language)
        return _messages(language)

    def __iter__(self) -> Iterator[str]:
        return iter(MESSAGE_LANGUAGES)

    def __len__(self) -> int:
        return len(MESSAGE_LANGUAGES)


@functools.cache
def _messages(language: str) -> Mapping[str, str]:
    entries = catalogue.entries(language)
    return {key: text for key, text in entries.items() if not key.startswith(WORD_PREFIXES)}


CATALOGUES: Final[Mapping[str, Mapping[str, str]]] = _Messages()


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
        english = catalogue.entries("en")
        translated = catalogue.entries(language) if language in MESSAGE_LANGUAGES else english
        template = translated.get(self.key) or english[self.key]
        values = {name: _render_param(value, language) for name, value in self.params}
        return template.format(**values)


Param: TypeAlias = "str | int | float | Msg | AnyOf"


def msg(key: str, /, **params: object) -> Msg:
    """The message ``key`` with its parameters; values other than messages become text."""
    if key not in catalogue.entries("en"):
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
