"""Read a YAML file so that what the author wrote is exactly what is read.

Every scalar stays the string the author typed (``on``, ``no``, ``010`` and ``12:00`` are not
turned into booleans or numbers here; the typed model converts each value to the type its field
declares). Duplicate keys, anchors and aliases are errors, and every key and value keeps its
line and column so that later errors can point at it. This is the only module that reads
YAML with the parser; :mod:`generator.playbook.roundtrip` rewrites a file for ``sky migrate``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.messages import Msg, msg
from generator.problems import Location, Problem

MAX_FILE_BYTES = 1_000_000
# Limits far above any real playbook (about 20 kB, a few dozen contacts, texts of at most a
# few thousand characters), which keep the work a hostile file can cause small and linear.
MAX_TEXT_CHARACTERS = 5_000
MAX_LIST_ITEMS = 200
MAX_DEPTH = 20
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
        raise SourceError([Problem.of("empty-file", Location(path, 1, 1), "", msg("empty-file"))])
    _check_depth(path, text)
    node = _compose(path, text)
    document = SourceDocument(path=path, data=None)
    document.data = _to_data(node, (), document, document.problems, set())
    if any(problem.code == "yaml-alias" for problem in document.problems):
        # The composed nodes no longer tell where an alias was written; the events do.
        document.problems = [p for p in document.problems if p.code != "yaml-alias"]
        document.problems += _alias_problems(path, text)
    return document


def _check_depth(path: Path, text: str) -> None:
    """Refuse deep nesting before composing: the composer recurses, and 100,000 '[' in a row
    (200 kB) would overflow the C stack and kill the process. The parser does not recurse."""
    depth = 0
    try:
        for event in YAML(typ="base", pure=False).parse(text):
            if isinstance(event, CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH + 1:  # the top-level mapping is not a level of nesting
                    mark = event.start_mark
                    location = Location(path, mark.line + 1, mark.column + 1)
                    text_ = msg("too-deep", limit=MAX_DEPTH)
                    raise SourceError([Problem.of("too-deep", location, "", text_)])
            elif isinstance(event, CollectionEndEvent):
                depth -= 1
    except YAMLError:
        return  # composing reports the syntax error, with its place


def _alias_problems(path: Path, text: str) -> list[Problem]:
    problems = []
    for event in YAML(typ="base", pure=False).parse(text):
        # One problem per anchor: each of its aliases goes when the anchor does.
        if not isinstance(event, AliasEvent) and getattr(event, "anchor", None):
            problems.append(
                Problem.of(
                    "yaml-alias",
                    Location(path, event.start_mark.line + 1, event.start_mark.column + 1),
                    "",
                    msg("yaml-alias"),
                )
            )
    return problems


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise SourceError(
                [
                    Problem.of(
                        "file-too-large",
                        Location(path, 1, 1),
                        "",
                        msg(
                            "file-too-large",
                            size=f"{size / 1_000_000:.1f}",
                            limit=MAX_FILE_BYTES // 1_000_000,
                        ),
                    )
                ]
            )
        return path.read_bytes()
    except OSError as error:
        raise SourceError(
            [
                Problem.of(
                    "file-unreadable",
                    Location(path, 1, 1),
                    "",
                    msg("file-unreadable", reason=error.strerror or error),
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
                Problem.of(
                    "not-utf8",
                    Location(path, line, column),
                    "",
                    msg("not-utf8", byte=f"{raw[error.start]:02x}"),
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
            [
                Problem.of(
                    "yaml-syntax",
                    Location(path, 1, 1),
                    "",
                    msg("yaml-syntax.unmarked", detail=error),
                )
            ]
        ) from error
    if len(nodes) > 1:
        raise SourceError(
            [Problem.of("yaml-syntax", Location(path, 1, 1), "", msg("yaml-syntax.documents"))]
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
        message = msg("yaml-tab")
        code = "yaml-tab"
        tab = source_line.find("\t")
        if tab >= 0:
            column = tab + 1
    else:
        parts = [_parser_words(part) for part in ((error.context or "").strip(), problem) if part]
        if len(parts) == 2:
            parts = [msg("part.yaml-both", context=parts[0], problem=parts[1])]
        message = msg("yaml-syntax.detail", detail=parts[0]) if parts else msg("yaml-syntax")
        code = "yaml-syntax"
    return Problem.of(code, Location(path, line, column), "", message)


# The parser's most common words, translated in the catalogues; others stay in English.
_PARSER_WORDS = {
    "mapping values are not allowed in this context": "part.yaml-colon",
    "while parsing a block mapping": "part.yaml-block-mapping",
    "did not find expected key": "part.yaml-expected-key",
    "while parsing a block collection": "part.yaml-block-collection",
    "did not find expected '-' indicator": "part.yaml-expected-dash",
    "while parsing a flow sequence": "part.yaml-flow-sequence",
    "did not find expected ',' or ']'": "part.yaml-flow-sequence-end",
    "while parsing a flow mapping": "part.yaml-flow-mapping",
    "did not find expected ',' or '}'": "part.yaml-flow-mapping-end",
    "while scanning a quoted scalar": "part.yaml-quoted",
    "found unexpected end of stream": "part.yaml-end",
    "while scanning a simple key": "part.yaml-simple-key",
    "could not find expected ':'": "part.yaml-expected-colon",
}


def _parser_words(words: str) -> Msg | str:
    key = _PARSER_WORDS.get(words)
    return msg(key) if key else words


# Characters that no text needs and that a terminal or a PDF would act on: C0 controls but the
# line break, DEL and the C1 controls (ESC starts the sequences that retitle or clear a terminal).
_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")
_SHOWN_CHARACTERS = 100


def shown(value: object, limit: int = _SHOWN_CHARACTERS) -> str:
    """``value`` as a message may show it: control characters escaped, long texts cut short."""
    text = str(value)
    if len(text) > limit:
        text = text[:limit] + "…"
    return _CONTROL.sub(lambda match: match.group().encode("unicode_escape").decode(), text)


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
            Problem.of(
                "yaml-alias",
                _position(document.path, node),
                _render_path(key_path),
                msg("yaml-alias"),
            )
        )
        return None
    seen.add(id(node))
    document.value_positions[key_path] = _position(document.path, node)
    if len(key_path) > MAX_DEPTH:
        problems.append(_limit_problem("too-deep", node, key_path, document, limit=MAX_DEPTH))
        return None
    if isinstance(node, ScalarNode):
        if node.tag == NULL_TAG and node.value in ("", "~", "null", "Null", "NULL"):
            return None
        return _text(node, key_path, document, problems)
    if isinstance(node, SequenceNode):
        items = node.value
        if len(items) > MAX_LIST_ITEMS:
            problems.append(
                _limit_problem(
                    "too-many-items",
                    node,
                    key_path,
                    document,
                    count=len(items),
                    limit=MAX_LIST_ITEMS,
                )
            )
            items = items[:MAX_LIST_ITEMS]
        return [
            _to_data(item, (*key_path, index), document, problems, seen)
            for index, item in enumerate(items)
        ]
    if isinstance(node, MappingNode):
        return _mapping_to_data(node, key_path, document, problems, seen)
    return None


def _text(
    node: ScalarNode, key_path: PathKey, document: SourceDocument, problems: list[Problem]
) -> str:
    value = str(node.value)
    control = _CONTROL.search(value)
    if control:
        char = f"U+{ord(control.group()):04X}"
        problems.append(_limit_problem("control-character", node, key_path, document, char=char))
    if len(value) > MAX_TEXT_CHARACTERS:
        problems.append(
            _limit_problem(
                "text-too-long",
                node,
                key_path,
                document,
                length=len(value),
                limit=MAX_TEXT_CHARACTERS,
            )
        )
        # What follows is checked on what fits: the rest of the text adds only work.
        value = value[:MAX_TEXT_CHARACTERS]
    return value


def _limit_problem(
    key: str, node: Node, key_path: PathKey, document: SourceDocument, **params: object
) -> Problem:
    """A problem whose code is the message key up to its variant (``too-many-items.keys``)."""
    code = key.split(".")[0]
    return Problem.of(
        code, _position(document.path, node), _render_path(key_path), msg(key, **params)
    )


def _mapping_to_data(
    node: MappingNode,
    key_path: PathKey,
    document: SourceDocument,
    problems: list[Problem],
    seen: set[int],
) -> dict[str, Any]:
    result: dict[str, Any] = {}
    first_seen: dict[str, Node] = {}
    entries = node.value
    if len(entries) > MAX_LIST_ITEMS:
        problems.append(
            _limit_problem(
                "too-many-items.keys",
                node,
                key_path,
                document,
                count=len(entries),
                limit=MAX_LIST_ITEMS,
            )
        )
        entries = entries[:MAX_LIST_ITEMS]
    for key_node, value_node in entries:
        if not isinstance(key_node, ScalarNode):
            problems.append(
                Problem.of(
                    "yaml-syntax",
                    _position(document.path, key_node),
                    _render_path(key_path),
                    msg("yaml-syntax.key"),
                )
            )
            continue
        key = _text(key_node, key_path, document, problems)
        if key == "<<":
            problems.append(
                Problem.of(
                    "yaml-merge-key",
                    _position(document.path, key_node),
                    _render_path(key_path),
                    msg("yaml-merge-key"),
                )
            )
            continue
        child_path = (*key_path, key)
        if key in first_seen:
            first = first_seen[key]
            problems.append(
                Problem.of(
                    "duplicate-key",
                    _position(document.path, key_node),
                    _render_path(child_path),
                    msg("duplicate-key", key=shown(key), first=first.start_mark.line + 1),
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
