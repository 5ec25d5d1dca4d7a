"""Rewrite a YAML file the way its author would: comments, key order, quotes and layout kept.

``sky migrate`` edits a playbook in place, so it reads the file as ruamel.yaml's round-trip tree
(maps and lists that remember their comments, their quotes and their flow or block style),
lets an edit change that tree, and writes it back with the file's own indentation. Everything
that the edit does not touch is written as it was.

ruamel keeps a comment with the value written just before it: the comment lines and blank lines
between two keys belong to the end of the first. Two edits would therefore lose or misplace
the author's lines, and :func:`edit_keeping_comments` puts them right:

- a key that is removed takes its comments with it; they stay where the key was written
  instead, on lines of their own (an end-of-line comment becomes a comment line);
- a key that is added after another would split that key from what the author wrote after it
  (a blank line, the comment introducing the next section); that goes after the added key.

This and :mod:`generator.playbook.yamlsource` are the only modules that import ruamel.yaml:
reading for a build needs positions and plain strings (and is fast in C), rewriting needs the
slower round-trip tree with its comment tokens.
"""

from __future__ import annotations

import io
import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString
from ruamel.yaml.tokens import CommentToken
from ruamel.yaml.util import load_yaml_guess_indent

# Texts are never wrapped anew: a line is as long as the author made it.
_NEVER_WRAP = 1_000_000
_BOM = "\ufeff"

Result = TypeVar("Result")
Edit = Callable[
    [CommentedMap, Callable[[], CommentedMap], Callable[[list[Any]], CommentedSeq]], Result
]


@dataclass(frozen=True)
class Layout:
    """How the file is indented and ends its lines, so that it is written back the same way.

    ``sequence`` is where a list item's content starts and ``offset`` where its dash is, both
    counted from the key above (the examples: ``stages:`` / ``  - id:`` is sequence 4, offset 2).
    """

    mapping: int = 2
    sequence: int = 4
    offset: int = 2
    newline: str = "\n"
    bom: bool = False


@dataclass
class Document:
    """A file's round-trip tree and its layout."""

    tree: Any
    layout: Layout


def read_round_trip(text: str) -> Document:
    """Read ``text`` (an already validated playbook) as a round-trip tree."""
    bom = text.startswith(_BOM)
    text = text.removeprefix(_BOM)
    newline = "\r\n" if "\r\n" in text else "\n"
    text = text.replace("\r\n", "\n")
    layout = _best_layout(text, Layout(newline=newline, bom=bom))
    return Document(_yaml(layout).load(text), layout)


def write_round_trip(document: Document) -> str:
    """The text of ``document``, laid out as the file it was read from."""
    layout = document.layout
    stream = io.StringIO()
    _yaml(layout).dump(document.tree, stream)
    text = stream.getvalue().replace("\n", layout.newline)
    return _BOM + text if layout.bom else text


def _yaml(layout: Layout) -> YAML:
    yaml = YAML()  # round-trip mode
    yaml.preserve_quotes = True
    yaml.width = _NEVER_WRAP
    yaml.indent(mapping=layout.mapping, sequence=layout.sequence, offset=layout.offset)
    return yaml


def _best_layout(text: str, plain: Layout) -> Layout:
    """The layout that writes ``text`` back unchanged: the one guessed from its lines, else the
    examples' (mappings 2, lists 4 with the dash at 2); the guess when neither does."""
    guessed = _guessed_layout(text, plain)
    candidates = [guessed, Layout(newline=plain.newline, bom=plain.bom)]
    for layout in candidates:
        stream = io.StringIO()
        yaml = _yaml(layout)
        yaml.dump(yaml.load(text), stream)
        if stream.getvalue() == text:
            return layout
    return guessed


def _guessed_layout(text: str, plain: Layout) -> Layout:
    _data, sequence, offset = load_yaml_guess_indent(text)
    mapping = _mapping_indent(text) or plain.mapping
    if sequence is None or offset is None:
        sequence, offset = mapping + plain.offset, plain.offset
    return Layout(mapping, sequence, offset, plain.newline, plain.bom)


def _mapping_indent(text: str) -> int | None:
    """How far a nested key is indented under the key above it (``a:`` / ``  b: 1`` is 2)."""
    key_only_at = None
    for line in text.splitlines():
        content = line.strip()
        if not content or content.startswith("#"):
            continue
        column = len(line) - len(line.lstrip(" "))
        if key_only_at is not None and not content.startswith("- ") and column > key_only_at:
            return column - key_only_at
        key_only_at = column if content.endswith(":") and not content.startswith("- ") else None
    return None


# --- keeping comments through an edit ---------------------------------------------------------

_Container = CommentedMap | CommentedSeq
_Key = Any  # a map's key or a list's index


def edit_keeping_comments(tree: CommentedMap, edit: Edit[Result]) -> Result:
    """Apply ``edit(tree, make_mapping, make_list)``, keeping the author's comment lines.

    New maps and lists are made with the factories it is given, so that they are written in
    block style like the author's.
    """
    before = {id(mapping): (mapping, dict(mapping)) for mapping in _mappings(tree)}
    result = edit(tree, CommentedMap, CommentedSeq)
    for mapping, old in before.values():
        for key, value in old.items():
            if key not in mapping:
                _keep_comments_of_removed(mapping, key, value, list(old))
    for mapping, old in before.values():
        for position, key in enumerate(mapping):
            if key not in old and position > 0:
                _move_gap_after_added(mapping, list(mapping)[position - 1], key)
    return result


def _mappings(node: object) -> Iterator[CommentedMap]:
    if isinstance(node, CommentedMap):
        yield node
        for value in node.values():
            yield from _mappings(value)
    elif isinstance(node, CommentedSeq):
        for item in node:
            yield from _mappings(item)


def _keep_comments_of_removed(
    mapping: CommentedMap, key: str, value: object, old_keys: list[str]
) -> None:
    """The comment lines that were written with ``key`` stay where ``key`` was."""
    entry = mapping.ca.items.pop(key, None)
    if not entry:
        return
    indent = " " * _column_of(mapping, key)
    lines = [_as_line(token) for token in entry[1] or []]
    if entry[2] is not None:
        end_of_line, after = _split(entry[2].value, value)
        if end_of_line.startswith("#"):
            lines.append(indent + end_of_line)
        lines.append(after)
    lines += [_as_line(token) for token in entry[3] or []]
    kept = "".join(lines)
    if not kept:
        return
    index = old_keys.index(key)
    earlier = [name for name in old_keys[:index] if name in mapping]
    if earlier:
        container, slot = _last_written(mapping, earlier[-1])
        token = _post(container, slot)
        line_end = "" if _is_block_scalar(container[slot]) else "\n"
        _set_post(container, slot, (token.value if token else line_end) + kept)
    elif mapping:  # the removed key came first: the lines go before the first key left
        first = next(iter(mapping))
        item = mapping.ca.items.setdefault(first, [None, None, None, None])
        item[1] = [_token(kept, 0), *(item[1] or [])]


def _move_gap_after_added(mapping: CommentedMap, previous: str, added: str) -> None:
    """What followed ``previous`` (blank lines, a comment introducing the next key) follows the
    key added after it; comment lines indented under ``previous`` stay with it, and so do the
    blank lines that set it apart, which then set the added key apart too."""
    container, slot = _last_written(mapping, previous)
    token = _post(container, slot)
    end_of_line, after = _split(token.value, container[slot]) if token else ("", "")
    lines = after.splitlines(keepends=True)
    column = _column_of(mapping, previous)
    staying = len(list(itertools.takewhile(lambda line: _indent(line) > column, lines)))
    moving = "".join(lines[staying:])
    if not moving:
        _blank_lines_like_next(mapping, added)
        return
    blank = moving[: len(moving) - len(moving.lstrip("\n"))]
    _set_post(container, slot, end_of_line + "".join(lines[:staying]) + blank)
    new_container, new_slot = _last_written(mapping, added)
    _set_post(new_container, new_slot, "\n" + moving)


def _indent(line: str) -> int:
    """How far a comment line is indented; a blank line counts as not indented at all."""
    return len(line) - len(line.lstrip(" ")) if line.strip() else -1


def _blank_lines_like_next(mapping: CommentedMap, added: str) -> None:
    """After a flow collection (``{fi: .., sv: ..}``) ruamel keeps the blank lines with the key
    that follows: the added key gets as many before it."""
    keys = list(mapping)
    position = keys.index(added)
    if position + 1 == len(keys):
        return
    entry = mapping.ca.items.get(keys[position + 1])
    before_next = entry[1] if entry and entry[1] else []
    blank = list(itertools.takewhile(lambda token: token.value == "\n", before_next))
    if blank:
        item = mapping.ca.items.setdefault(added, [None, None, None, None])
        item[1] = [*(_token("\n", 0) for _ in blank), *(item[1] or [])]


def _last_written(container: _Container, key: _Key) -> tuple[_Container, _Key]:
    """The map or list and key of the last value written under ``key``: where ruamel keeps
    the comment lines that follow it. A flow collection (``{fi: .., sv: ..}``) keeps them
    itself."""
    value = container[key]
    if isinstance(value, CommentedMap) and value and not value.fa.flow_style():
        return _last_written(value, list(value)[-1])
    if isinstance(value, CommentedSeq) and value and not value.fa.flow_style():
        return _last_written(value, len(value) - 1)
    return container, key


def _post_index(container: _Container) -> int:
    return 2 if isinstance(container, CommentedMap) else 0


def _post(container: _Container, key: _Key) -> CommentToken | None:
    entry = container.ca.items.get(key)
    token: CommentToken | None = entry[_post_index(container)] if entry else None
    return token


def _set_post(container: _Container, key: _Key, value: str) -> None:
    entry = container.ca.items.setdefault(key, [None, None, None, None])
    index = _post_index(container)
    old = entry[index]
    column = old.start_mark.column if old is not None else 0
    entry[index] = _token(value, column) if value else None


def _split(comment: str, value: object) -> tuple[str, str]:
    """The comment token written after ``value``: the end of the value's own line (``# note\\n``
    or ``\\n``) and the whole lines after it. A block text (``>-``, ``|``) ends its own line."""
    if _is_block_scalar(value):
        return "", comment
    end = comment.find("\n") + 1
    return (comment[:end], comment[end:]) if end else (comment + "\n", "")


def _is_block_scalar(value: object) -> bool:
    return isinstance(value, FoldedScalarString | LiteralScalarString)


def _as_line(token: CommentToken) -> str:
    """A comment line that ruamel keeps before a key, as a whole line with its indentation."""
    text = str(token.value)
    return text if text.startswith("\n") else " " * token.start_mark.column + text


def _column_of(mapping: CommentedMap, key: str) -> int:
    position = mapping.lc.data.get(key)
    if position:
        return int(position[1])
    return int(mapping.lc.col or 0)


def _token(value: str, column: int) -> CommentToken:
    return CommentToken(value, CommentMark(column), None)
