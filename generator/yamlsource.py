"""Read a YAML file so that what the author wrote is exactly what is read.

Every scalar stays the string the author typed (``on``, ``no``, ``010`` and ``12:00`` are not
turned into booleans or numbers here; the typed model converts each value to the type its field
declares). Duplicate keys, anchors and aliases are errors, and every key and value keeps its
line and column so that later errors can point at it. This is the only module that imports the
YAML parser.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.problems import Location, Problem

MAX_FILE_BYTES = 1_000_000
NULL_TAG = "tag:yaml.org,2002:null"

PathKey = tuple[str | int, ...]


@dataclass
class SourceDocument:
    """A parsed YAML document: plain data plus where each part of it was written."""

    path: Path
    data: Any
    # For each path: where its value starts, and (for mapping entries) where its key starts.
    value_positions: dict[PathKey, Location] = field(default_factory=dict)
    key_positions: dict[PathKey, Location] = field(default_factory=dict)
    # Problems found while reading that still let the rest be checked (duplicates, aliases).
    problems: list[Problem] = field(default_factory=list)

    def location(self, path: PathKey) -> Location:
        """The best place to point at for ``path``: its key, else its value, else its parent."""
        for length in range(len(path), -1, -1):
            prefix = path[:length]
            if prefix in self.key_positions:
                return self.key_positions[prefix]
            if prefix in self.value_positions:
                return self.value_positions[prefix]
        return Location(self.path, 1, 1)

    def value_location(self, path: PathKey) -> Location:
        """Where the value at ``path`` was written (falling back like :meth:`location`)."""
        return self.value_positions.get(path) or self.location(path)


class SourceError(Exception):
    """The file could not be read as YAML; ``problems`` says where and why."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(p.render() for p in problems))
        self.problems = problems


def read_yaml(path: Path) -> SourceDocument:
    """Read one YAML file into a :class:`SourceDocument`, or raise :class:`SourceError`."""
    raw = _read_bytes(path)
    text = _decode(path, raw)
    if not text.strip() or all(
        line.strip().startswith("#") or not line.strip() for line in text.splitlines()
    ):
        raise SourceError(
            [
                Problem(
                    "empty-file",
                    Location(path, 1, 1),
                    "",
                    "the file is empty; a playbook starts with 'schema_version: 1' "
                    "(see playbooks/rantala.yml for a complete example)",
                )
            ]
        )
    node = _compose(path, text)
    document = SourceDocument(path=path, data=None)
    document.data = _to_data(node, (), document, document.problems, set())
    if any(problem.code == "yaml-alias" for problem in document.problems):
        # The composed nodes no longer tell where an alias was written; the events do.
        document.problems = [p for p in document.problems if p.code != "yaml-alias"]
        document.problems += _alias_problems(path, text)
    return document


def _alias_problems(path: Path, text: str) -> list[Problem]:
    problems = []
    for event in YAML(typ="base", pure=False).parse(text):
        # One problem per anchor: each of its aliases goes when the anchor does.
        if not isinstance(event, AliasEvent) and getattr(event, "anchor", None):
            problems.append(
                Problem(
                    "yaml-alias",
                    Location(path, event.start_mark.line + 1, event.start_mark.column + 1),
                    "",
                    "anchors and aliases (&name, *name) are not allowed in a playbook; "
                    "write the value out in full",
                )
            )
    return problems


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise SourceError(
                [
                    Problem(
                        "file-too-large",
                        Location(path, 1, 1),
                        "",
                        f"the file is {size / 1_000_000:.1f} MB; a playbook may be at most "
                        f"{MAX_FILE_BYTES // 1_000_000} MB (a complete playbook is about 20 kB)",
                    )
                ]
            )
        return path.read_bytes()
    except OSError as error:
        raise SourceError(
            [
                Problem(
                    "file-unreadable",
                    Location(path, 1, 1),
                    "",
                    f"the file cannot be read: {error.strerror or error}",
                )
            ]
        ) from error


def _decode(path: Path, raw: bytes) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = error.start - (before.rfind(b"\n") + 1) + 1
        raise SourceError(
            [
                Problem(
                    "not-utf8",
                    Location(path, line, column),
                    "",
                    f"the file is not UTF-8 text (byte 0x{raw[error.start]:02x} here); save it "
                    "as UTF-8 in your editor ('Save as' > encoding UTF-8)",
                )
            ]
        ) from error
    return text.removeprefix("\ufeff")


def _compose(path: Path, text: str) -> Node:
    # The base loader resolves no types (everything stays a string) and, with ruamel.yaml.clib,
    # composes in C: about 15 times faster than the pure-Python round-trip composer.
    yaml = YAML(typ="base", pure=False)
    try:
        nodes = list(yaml.compose_all(text))
    except MarkedYAMLError as error:
        raise SourceError([_syntax_problem(path, text, error)]) from error
    except YAMLError as error:  # unmarked parser errors are rare; still no traceback
        raise SourceError(
            [Problem("yaml-syntax", Location(path, 1, 1), "", f"not valid YAML: {error}")]
        ) from error
    if len(nodes) > 1:
        raise SourceError(
            [
                Problem(
                    "yaml-syntax",
                    Location(path, 1, 1),
                    "",
                    "the file holds several YAML documents (separated by '---'); "
                    "write one playbook per file",
                )
            ]
        )
    node: Node = nodes[0]
    return node


def _syntax_problem(path: Path, text: str, error: MarkedYAMLError) -> Problem:
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else 1
    column = mark.column + 1 if mark else 1
    lines = text.splitlines()
    source_line = lines[line - 1] if 0 < line <= len(lines) else ""
    problem = (error.problem or "").strip()
    if "\t" in source_line[: max(column, 1)] or "tab" in problem:
        message = (
            "a tab character is used for indentation; YAML allows only spaces "
            "(set your editor to insert spaces for the Tab key)"
        )
        code = "yaml-tab"
        tab = source_line.find("\t")
        if tab >= 0:
            column = tab + 1
    else:
        context = (error.context or "").strip()
        detail = "; ".join(part for part in (context, problem) if part)
        message = f"not valid YAML: {detail}" if detail else "not valid YAML"
        message += " (check the indentation and that a text with ':' or '#' is in quotes)"
        code = "yaml-syntax"
    return Problem(code, Location(path, line, column), "", message)


def _position(path: Path, node: Node) -> Location:
    return Location(path, node.start_mark.line + 1, node.start_mark.column + 1)


def _to_data(
    node: Node,
    key_path: PathKey,
    document: SourceDocument,
    problems: list[Problem],
    seen: set[int],
) -> Any:
    # ruamel composes an alias as the very node its anchor names: seeing a node twice means an
    # alias, which a playbook never needs and which is how "billion laughs" bombs are built.
    if id(node) in seen:
        problems.append(
            Problem(
                "yaml-alias",
                _position(document.path, node),
                _render_path(key_path),
                "anchors and aliases (&name, *name) are not allowed in a playbook; "
                "write the value out in full",
            )
        )
        return None
    seen.add(id(node))
    document.value_positions[key_path] = _position(document.path, node)
    if isinstance(node, ScalarNode):
        if node.tag == NULL_TAG and node.value in ("", "~", "null", "Null", "NULL"):
            return None
        return str(node.value)
    if isinstance(node, SequenceNode):
        return [
            _to_data(item, (*key_path, index), document, problems, seen)
            for index, item in enumerate(node.value)
        ]
    if isinstance(node, MappingNode):
        return _mapping_to_data(node, key_path, document, problems, seen)
    return None


def _mapping_to_data(
    node: MappingNode,
    key_path: PathKey,
    document: SourceDocument,
    problems: list[Problem],
    seen: set[int],
) -> dict[str, Any]:
    result: dict[str, Any] = {}
    first_seen: dict[str, Node] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, ScalarNode):
            problems.append(
                Problem(
                    "yaml-syntax",
                    _position(document.path, key_node),
                    _render_path(key_path),
                    "a key must be a plain name such as 'name:'",
                )
            )
            continue
        key = str(key_node.value)
        if key == "<<":
            problems.append(
                Problem(
                    "yaml-merge-key",
                    _position(document.path, key_node),
                    _render_path(key_path),
                    "merge keys ('<<:') are not allowed in a playbook; write the keys out",
                )
            )
            continue
        child_path = (*key_path, key)
        if key in first_seen:
            first = first_seen[key]
            problems.append(
                Problem(
                    "duplicate-key",
                    _position(document.path, key_node),
                    _render_path(child_path),
                    f"the key '{key}' is written twice (first on line "
                    f"{first.start_mark.line + 1}, again here); keep one of them",
                )
            )
            continue
        first_seen[key] = key_node
        document.key_positions[child_path] = _position(document.path, key_node)
        result[key] = _to_data(value_node, child_path, document, problems, seen)
    return result


def _render_path(path: PathKey) -> str:
    """``('contacts', 1, 'phone')`` → ``contacts[2].phone`` (list items numbered from 1)."""
    rendered = ""
    for part in path:
        if isinstance(part, int):
            rendered += f"[{part + 1}]"
        else:
            rendered += f".{part}" if rendered else part
    return rendered


render_path = _render_path
