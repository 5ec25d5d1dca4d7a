from __future__ import annotations

from pathlib import Path

import pytest

from generator.playbook.yamlsource import SourceDocument, SourceError, read_yaml


def _read(tmp_path: Path, content: str | bytes) -> SourceDocument:
    path = tmp_path / "x.yml"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return read_yaml(path)


def _error(tmp_path: Path, content: str | bytes) -> list[str]:
    with pytest.raises(SourceError) as caught:
        _read(tmp_path, content)
    return [p.render().replace(str(tmp_path) + "/", "") for p in caught.value.problems]


def test_values_stay_as_written(tmp_path: Path) -> None:
    document = _read(tmp_path, "a: on\nb: no\nc: 010\nd: 12:00\ne: 1e3\nf: ~\ng:\n")
    assert document.data == {
        "a": "on",
        "b": "no",
        "c": "010",
        "d": "12:00",
        "e": "1e3",
        "f": None,
        "g": None,
    }


def test_positions_of_keys_and_values(tmp_path: Path) -> None:
    document = _read(tmp_path, "top:\n  list:\n    - {k: v}\n")
    assert document.key_positions[("top", "list")].line == 2
    assert document.key_positions[("top", "list")].column == 3
    assert document.value_positions[("top", "list", 0, "k")].column == 11


def test_folded_text_loses_fold_marks_and_keeps_paragraphs(tmp_path: Path) -> None:
    document = _read(tmp_path, "a: >-\n  one two\n  three\n\n  four\n")
    assert document.data == {"a": "one two three\nfour"}


def test_duplicate_key_names_both_lines(tmp_path: Path) -> None:
    document = _read(tmp_path, "a: 1\nb: 2\na: 3\n")
    assert [p.render() for p in document.problems] == [
        f"{tmp_path}/x.yml:3:1: a: the key 'a' is written twice (first on line 1, again "
        "here); keep one of them [duplicate-key]"
    ]


def test_tab_indentation(tmp_path: Path) -> None:
    assert _error(tmp_path, "a:\n\tb: 1\n") == [
        "x.yml:2:1: a tab character is used for indentation; YAML allows only spaces (set "
        "your editor to insert spaces for the Tab key) [yaml-tab]"
    ]


def test_syntax_error_has_line_and_column(tmp_path: Path) -> None:
    messages = _error(tmp_path, "a: [1, 2\nb: 3\n")
    assert len(messages) == 1
    assert messages[0].startswith("x.yml:2:2: not valid YAML: ")
    assert messages[0].endswith(
        "(check the indentation and that a text with ':' or '#' is in quotes) [yaml-syntax]"
    )


def test_empty_file(tmp_path: Path) -> None:
    assert _error(tmp_path, "# only a comment\n\n") == [
        "x.yml:1:1: the file is empty; a playbook starts with 'schema_version: 1' (see "
        "playbooks/rantala.yml for a complete example) [empty-file]"
    ]


def test_not_utf8(tmp_path: Path) -> None:
    assert _error(tmp_path, "a: b\nname: Sein\xe4joki\n".encode("latin-1")) == [
        "x.yml:2:11: the file is not UTF-8 text (byte 0xe4 here); save it as UTF-8 in your "
        "editor ('Save as' > encoding UTF-8) [not-utf8]"
    ]


def test_file_too_large(tmp_path: Path) -> None:
    assert _error(tmp_path, "a: " + "x" * 10_000_000 + "\n") == [
        "x.yml:1:1: the file is 10.0 MB; a playbook may be at most 1 MB (a complete playbook "
        "is about 20 kB) [file-too-large]"
    ]


def test_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, 10):
        refs = ",".join([f"*a{level - 1}"] * 9)
        lines.append(f"a{level}: &a{level} [{refs}]")
    document = _read(tmp_path, "\n".join(lines) + "\n")
    codes = {p.code for p in document.problems}
    assert codes == {"yaml-alias"}
    first = document.problems[0].render()
    assert first == (
        f"{tmp_path}/x.yml:1:5: anchors and aliases (&name, *name) are not allowed in a "
        "playbook; write the value out in full [yaml-alias]"
    )


def test_several_documents(tmp_path: Path) -> None:
    assert _error(tmp_path, "a: 1\n---\nb: 2\n") == [
        "x.yml:1:1: the file holds several YAML documents (separated by '---'); write one "
        "playbook per file [yaml-syntax]"
    ]
