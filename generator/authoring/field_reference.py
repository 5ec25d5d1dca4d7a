"""The authors' field reference, in Finnish or Swedish, made from the JSON Schema.

The schema is generated from the typed model, whose every field carries a description in
both languages and an example; this page lays the same words out as tables, one per section
of the playbook. It is never written by hand, so it cannot fall behind the format. The
national portal includes it in the authors' guide as ``guide/<lang>/fields.md``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

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
        "national": "Kansalliset roolit:",
        "roles_title": "Kansalliset roolit",
        "roles_intro": "Nämä roolien tunnukset ovat käytössä kaikissa pelisäännöissä, eikä niitä "
        "tarvitse kuvata kohdassa roles:. Sivustolla ne näkyvät näillä nimillä.",
        "role_id": "Tunnus",
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
        "national": "Nationella roller:",
        "roles_title": "Nationella roller",
        "roles_intro": "De här rollernas id kan användas i alla spelregler utan att beskrivas "
        "under roles:. På webbplatsen visas de med de här namnen.",
        "role_id": "Id",
    },
}


@dataclass(frozen=True)
class _Row:
    key: str
    required: bool
    description: str
    choices: tuple[str, ...]
    open_choices: bool  # the choices are suggestions: a local role may be declared too
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
    lines += _national_roles(language)
    return "\n".join(lines)


def _national_roles(language: str) -> list[str]:
    words = _WORDS[language]
    lines = [f"## {words['roles_title']} {{#national-roles}}", "", words["roles_intro"], ""]
    lines += [f"| {words['role_id']} | suomeksi | på svenska |", "|---|---|---|"]
    for role_id, (finnish, swedish) in NATIONAL_ROLES.items():
        lines.append(f"| `{role_id}` | {escape_markdown(finnish)} | {escape_markdown(swedish)} |")
    lines.append("")
    return lines


def _rows(schema: dict[str, Any], key: str, prop: dict[str, Any], required: bool) -> Iterator[_Row]:
    section = _section(schema, prop)
    # A section's own description is its heading's text at the top level, else a row.
    if section is None or _also_a_value(prop) or "." in key:
        choices, open_choices = _choices(prop)
        description = prop.get("description", "")
        yield _Row(key, required, description, choices, open_choices, _example(prop))
    if section is None:
        return
    prefix = f"{key}[]" if prop.get("type") == "array" else key
    for name, child in section.get("properties", {}).items():
        yield from _rows(schema, f"{prefix}.{name}", child, name in section.get("required", []))


def _section(schema: dict[str, Any], prop: dict[str, Any]) -> dict[str, Any] | None:
    """The definition of a section made of keys (not a text in both languages), if any."""
    candidates = [prop, prop.get("items", {}), *prop.get("anyOf", [])]
    for candidate in candidates:
        ref = candidate.get("$ref") or candidate.get("items", {}).get("$ref")
        if ref and not ref.endswith("/LocalText"):
            definition: dict[str, Any] = schema["$defs"][ref.rsplit("/", 1)[1]]
            return definition
    return None


def _also_a_value(prop: dict[str, Any]) -> bool:
    """A key written either as a value or as keys (a threshold: 30, or one per grade group)."""
    options = prop.get("anyOf", [])
    return any("$ref" not in option and option.get("type") != "null" for option in options)


def _choices(prop: dict[str, Any]) -> tuple[tuple[str, ...], bool]:
    """The allowed values, and whether other values may be declared (local roles)."""
    others = [option for option in prop.get("anyOf", []) if "pattern" in option]
    for candidate in [prop, prop.get("items", {}), *prop.get("anyOf", [])]:
        if "enum" in candidate:
            return tuple(str(value) for value in candidate["enum"]), bool(others)
    return (), False


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
        if row.choices:
            shown = ", ".join(f"`{choice}`" for choice in row.choices)
            label = words["national"] if row.open_choices else words["one_of"]
            what = Markup(f"{what} {escape_markdown(label)} {shown}")
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
    if isinstance(example, dict):
        text = "{" + ", ".join(f"{k}: {_scalar(v)}" for k, v in example.items()) + "}"
    elif isinstance(example, list):
        text = "[" + ", ".join(_scalar(v) for v in example) + "]"
    else:
        text = _scalar(example)
    quoted = text.replace("`", "'")
    return f"`{quoted}`"


def _scalar(value: object) -> str:
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and (value.startswith(("#", "+", "§")) or ": " in value):
        return json.dumps(value, ensure_ascii=False)
    return str(value)
