"""The national SKY content: paired Finnish and Swedish pages and the glossary.

Pages are plain Markdown under ``content/<lang>/`` with identical relative paths in every
language. They are published unchanged except for the template values in
:data:`TEMPLATE_VALUES`, written as ``{{ name }}``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from generator.messages import msg
from generator.playbook.model import LANGUAGES, Language
from generator.playbook.schema_errors import translate
from generator.playbook.yamlsource import SourceError, read_yaml
from generator.problems import Location, Problem

# The only values a national page may use, with what they stand for.
TEMPLATE_VALUES = {
    "municipality": "the municipality's name (on the portal: 'your municipality')",
    "provider": "the education provider's name (on the portal: 'your education provider')",
}
_TEMPLATE = re.compile(r"\{\{\s*([^}]*?)\s*\}\}")


class GlossaryText(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    term: str = Field(min_length=1)
    definition: str = Field(min_length=1)
    match: list[str] = Field(min_length=1)
    # Variants of the term that the content must not use for this concept (whole words, any
    # case): one concept, one name.
    reject: list[str] = Field(default_factory=list)


class GlossaryTerm(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    id: str
    en: str
    fi: GlossaryText
    sv: GlossaryText

    def text(self, language: str) -> GlossaryText:
        return self.fi if language == "fi" else self.sv


class Glossary(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    terms: list[GlossaryTerm]


@dataclass(frozen=True)
class NationalPage:
    path: str  # relative, e.g. "tier-1.md"
    sources: Mapping[str, Path]
    texts: Mapping[str, str]

    def render(self, language: str, values: dict[str, str]) -> str:
        return _TEMPLATE.sub(lambda m: values[m.group(1)], self.texts[language])


@dataclass(frozen=True)
class NationalContent:
    pages: tuple[NationalPage, ...]
    glossary: Glossary
    version: str = "?"  # the national content's release, e.g. 2026.1 (its VERSION file)


def content_version(content_dir: Path) -> str:
    """The national content's version (``2026.1``), from the ``VERSION`` file in its folder."""
    try:
        return (content_dir / "VERSION").read_text(encoding="utf-8").strip() or "?"
    except OSError:
        return "?"


class ContentInvalid(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(p.render() for p in problems))
        self.problems = problems


# Reading order of the national pages; any other page follows in name order.
PAGE_ORDER = (
    "index.md",
    "tier-1.md",
    "tier-2.md",
    "tier-3.md",
    "prevention.md",
    "early-intervention.md",
    "intensive-support.md",
    "roles.md",
    "guardians.md",
    "pupils.md",
    "law.md",
    "background.md",
)


def load_content(content_dir: Path) -> NationalContent:
    """Read every page in every language; raise :class:`ContentInvalid` listing all problems."""
    problems: list[Problem] = []
    names: dict[Language, set[str]] = {
        language: {
            p.relative_to(content_dir / language).as_posix()
            for p in (content_dir / language).rglob("*.md")
        }
        for language in LANGUAGES
    }
    all_names = set().union(*names.values())
    for language in LANGUAGES:
        for missing in sorted(all_names - names[language]):
            other = next(lang for lang in LANGUAGES if missing in names[lang])
            problems.append(
                Problem.of(
                    "content-missing-page",
                    Location(content_dir / other / missing),
                    "",
                    msg(
                        "content-missing-page",
                        language=language,
                        path=content_dir / language / missing,
                    ),
                )
            )
    pages = []
    order = {name: index for index, name in enumerate(PAGE_ORDER)}
    for name in sorted(all_names, key=lambda n: (order.get(n, len(order)), n)):
        if not all(name in names[language] for language in LANGUAGES):
            continue
        sources: dict[str, Path] = {lang: content_dir / lang / name for lang in LANGUAGES}
        texts = {lang: path.read_text(encoding="utf-8") for lang, path in sources.items()}
        for lang, text in texts.items():
            problems += _template_problems(sources[lang], text)
        pages.append(NationalPage(name, sources, texts))
    glossary = _load_glossary(content_dir / "glossary.yml", problems)
    if problems:
        raise ContentInvalid(problems)
    return NationalContent(tuple(pages), glossary, content_version(content_dir))


def _template_problems(path: Path, text: str) -> list[Problem]:
    problems = []
    for match in _TEMPLATE.finditer(text):
        if match.group(1) not in TEMPLATE_VALUES:
            line = text.count("\n", 0, match.start()) + 1
            column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
            problems.append(
                Problem.of(
                    "content-template",
                    Location(path, line, column),
                    "",
                    msg(
                        "content-template",
                        value=match.group(0),
                        allowed=", ".join("{{ " + name + " }}" for name in TEMPLATE_VALUES),
                    ),
                )
            )
    return problems


def _load_glossary(path: Path, problems: list[Problem]) -> Glossary:
    try:
        document = read_yaml(path)
    except SourceError as error:
        problems += error.problems
        return Glossary(terms=[])
    problems += document.problems
    try:
        return Glossary.model_validate(document.data)
    except ValidationError as error:
        problems += translate(error, document, Glossary)
        return Glossary(terms=[])
