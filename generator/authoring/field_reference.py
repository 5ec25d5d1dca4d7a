"""The authors' field reference, in Finnish or Swedish, made from the JSON Schema.

The schema is generated from the typed model, whose every field carries a description in
both languages and an example; this page lays the same words out as tables, one per section
of the playbook, then the closed lists (thresholds, windows, warning signs, deadlines, legal
basis, leave notes, national roles) with the words the sites print for each
(:mod:`generator.authoring.reference_tables`). It is never written by hand, so it cannot fall
behind the format. The national portal includes it in the authors' guide as
``guide/<lang>/fields.md``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from generator.authoring import reference_tables as tables
from generator.authoring.schema import playbook_schema
from generator.plan.markdown_text import escape_markdown
from generator.playbook.roles import NATIONAL_ROLES

FIELD_REFERENCE_FILE = "fields.md"

_WORDS = {
    "fi": {
        "title": "Kenttäviittaus",
        "intro": "Tällä sivulla on pelisääntötiedoston jokainen avain: mitä siihen kirjoitetaan "
        "ja esimerkki. Sivu tehdään automaattisesti pelisääntöjen muodon kuvauksesta, samasta, "
        "josta editori näyttää ohjeet. Luettelon kohdat merkitään muodossa stages[].id.",
        "key": "Avain",
        "required": "Pakollinen",
        "what": "Mitä kirjoitetaan",
        "example": "Esimerkki",
        "yes": "kyllä",
        "no": "ei",
        "or": "tai",
        "one_of": "Yksi näistä:",
        "see": "Katso",
    },
    "sv": {
        "title": "Fältreferens",
        "intro": "På den här sidan finns varje nyckel i spelregelfilen: vad som ska stå där "
        "och ett exempel. Sidan görs automatiskt utifrån beskrivningen av spelreglernas format, "
        "samma som editorn visar sina anvisningar från. Punkter i en lista skrivs som "
        "stages[].id.",
        "key": "Nyckel",
        "required": "Obligatorisk",
        "what": "Vad som ska stå där",
        "example": "Exempel",
        "yes": "ja",
        "no": "nej",
        "or": "eller",
        "one_of": "Ett av:",
        "see": "Se",
    },
}


# A key whose values are a closed list links to that list's table instead of repeating it.
_LISTED_IN = {
    "threshold": tables.THRESHOLDS,
    "per": tables.WINDOWS,
    "counts": tables.COUNTS,
    "triggers": tables.TRIGGER_SIGNS,
    "deadline": tables.DEADLINES,
    "within_school_days": tables.DEADLINES,
    "legal_basis": tables.LEGAL_BASIS,
    "leave_notes": tables.LEAVE_NOTES,
}
# The forms of a threshold value (over, at, a range, per grade group) are explained once, in
# the thresholds section, rather than under each of the five units.
_VALUE_FORMS = ("Limit", "ByGrades")
_THRESHOLD_KEY = "stages[].threshold.hours"
# A text in a flow collection is quoted unless it is a plain word or id: in {fi: a, b} the
# comma would end the text.
_PLAIN_IN_FLOW = re.compile(r"[\w][\w .–/-]*")
_LANGUAGE_KEYS = {"fi", "sv"}


@dataclass(frozen=True)
class _Row:
    key: str
    required: bool
    description: str
    choices: tuple[str, ...]
    list_section: str | None  # the section that lists the allowed values
    example: object


def render_field_reference(language: str) -> str:
    """The field reference page in ``language`` (``fi`` or ``sv``) as Markdown."""
    words = _WORDS[language]
    schema = playbook_schema()
    lines = [f"# {words['title']}", "", escape_markdown(words["intro"]), ""]
    for name, prop in schema["properties"].items():
        lines += [f"## {name} {{#{name.replace('_', '-')}}}", ""]
        lines += [_in_language(prop.get("description", ""), language), ""]
        rows = list(_rows(schema, name, prop, name in schema.get("required", [])))
        lines += _table(rows, language)
    lines += tables.catalogue_sections(language, _value_form_keys(schema, language))
    return "\n".join(lines)


def _value_form_keys(schema: dict[str, Any], language: str) -> list[str]:
    """The keys of a threshold's forms (over, at, from, to, grades_1_6, grades_7_9), as they
    are written under any unit; shown after the thresholds table."""
    rows: list[_Row] = []
    for definition in _VALUE_FORMS:
        section = schema["$defs"][definition]
        for name, child in section.get("properties", {}).items():
            key = f"{_THRESHOLD_KEY}.{name}"
            rows.append(_row(key, name in section.get("required", []), child))
    heading = escape_markdown(tables.title(f"{tables.THRESHOLDS}.keys", language))
    return [f"### {heading} {{#threshold-keys}}", "", *_table(rows, language)]


def _rows(schema: dict[str, Any], key: str, prop: dict[str, Any], required: bool) -> Iterator[_Row]:
    section = _section(schema, prop)
    # A section's own description is its heading's text at the top level, else a row.
    if section is None or _also_a_value(prop) or "." in key:
        yield _row(key, required, prop)
    if section is None:
        return
    prefix = f"{key}[]" if prop.get("type") == "array" else key
    for name, child in section.get("properties", {}).items():
        yield from _rows(schema, f"{prefix}.{name}", child, name in section.get("required", []))


def _row(key: str, required: bool, prop: dict[str, Any]) -> _Row:
    name = key.rsplit(".", 1)[-1]
    listed = _LISTED_IN.get(name)
    if listed is None and _takes_roles(prop):
        listed = tables.NATIONAL
    choices = () if listed is not None else _choices(prop)
    return _Row(key, required, prop.get("description", ""), choices, listed, _example(prop))


def _section(schema: dict[str, Any], prop: dict[str, Any]) -> dict[str, Any] | None:
    """The definition of a section made of keys (not a text in both languages), if any."""
    candidates = [prop, prop.get("items", {}), *prop.get("anyOf", [])]
    for candidate in candidates:
        ref = candidate.get("$ref") or candidate.get("items", {}).get("$ref")
        name = ref.rsplit("/", 1)[1] if ref else None
        if name in _VALUE_FORMS:
            return None
        if name is not None and name != "LocalText":
            definition: dict[str, Any] = schema["$defs"][name]
            return definition
    return None


def _also_a_value(prop: dict[str, Any]) -> bool:
    """A key written either as a value or as keys (a threshold: 30, or one per grade group)."""
    options = prop.get("anyOf", [])
    return any("$ref" not in option and option.get("type") != "null" for option in options)


def _choices(node: dict[str, Any]) -> tuple[str, ...]:
    """The allowed values of a key (or of its list's items), if they are a closed list."""
    if "enum" in node:
        return tuple(str(value) for value in node["enum"])
    for inner in _inner(node):
        found = _choices(inner)
        if found:
            return found
    return ()


def _takes_roles(node: dict[str, Any]) -> bool:
    """Whether the key names roles: the national list, or one declared under roles:."""
    if any(option.get("enum") == list(NATIONAL_ROLES) for option in node.get("anyOf", [])):
        return True
    return any(_takes_roles(inner) for inner in _inner(node))


def _inner(node: dict[str, Any]) -> list[dict[str, Any]]:
    """The schemas a value's schema is made of: its list's items and its options."""
    items = [node["items"]] if "items" in node else []
    return [*items, *node.get("anyOf", [])]


def _example(prop: dict[str, Any]) -> object:
    examples = prop.get("examples") or [None]
    return examples[0]


def _table(rows: list[_Row], language: str) -> list[str]:
    words = _WORDS[language]
    lines = [
        f"| {words['key']} | {words['required']} | {words['what']} | {words['example']} |",
        "|---|---|---|---|",
    ]
    for row in rows:
        what = _in_language(row.description, language)
        if row.list_section is not None:
            link = tables.section_link(row.list_section, language)
            what = Markup(f"{what} {escape_markdown(words['see'])}: {link}\\.")
        elif row.choices:
            shown = ", ".join(f"`{choice}`" for choice in row.choices)
            what = Markup(f"{what} {escape_markdown(words['one_of'])} {shown}")
        required = words["yes"] if row.required else words["no"]
        lines.append(f"| `{row.key}` | {required} | {what} | {_example_cell(row.example)} |")
    lines.append("")
    return lines


def _in_language(description: str, language: str) -> Markup:
    finnish, _, swedish = description.partition(" — ")
    return escape_markdown(finnish if language == "fi" else swedish or finnish)


def _example_cell(example: object) -> str:
    """An example as it is written in YAML, in a code span (one line)."""
    if example is None:
        return ""
    if isinstance(example, dict | list):
        text = _flow(example)
    elif isinstance(example, str) and (example.startswith(("#", "+", "§")) or ": " in example):
        text = json.dumps(example, ensure_ascii=False)
    else:
        text = str(example)
    quoted = text.replace("`", "'")
    return f"`{quoted}`"


def _flow(value: object, text: bool = False) -> str:
    """YAML's one-line form. A text in both languages is always quoted, so that an author who
    copies it and adds a comma keeps a valid text; another string only when it must be."""
    if isinstance(value, dict):
        texts = set(value) <= _LANGUAGE_KEYS
        return "{" + ", ".join(f"{k}: {_flow(v, texts)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(item) for item in value) + "]"
    if isinstance(value, str) and (text or not _PLAIN_IN_FLOW.fullmatch(value)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)
