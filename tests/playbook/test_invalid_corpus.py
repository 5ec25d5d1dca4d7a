"""The corpus of invalid playbooks: each one is refused with exactly the expected messages.

Each folder of ``tests/corpus/invalid/`` holds a playbook (``pikkula.yml``) and the messages a
user must see for it (``expected.txt``). For every one: exit code 1, no traceback, nothing
written to the output folder. To add a case, add a folder; write ``expected.txt`` by hand and
check that every line tells the author where the problem is and what to write instead.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import TESTS
from generator.cli.main import main

CORPUS = TESTS / "corpus" / "invalid"
# A case about the logo has the logo beside its playbook.
LOGOS = {"logo.svg", "logo.png"}
CASES = sorted(path.name for path in CORPUS.iterdir())
# file:line:col: [field: ]message [code]
MESSAGE_LINE = re.compile(r"pikkula\.yml:[0-9]+:[0-9]+: .+ \[[a-z0-9-]+\]")


def _run_build(
    project: Path, playbook: Path, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str]:
    code = main(["build", str(playbook), "--out", str(project / "out"), "--jobs", "1"])
    captured = capsys.readouterr()
    return code, captured.err


def test_every_case_has_its_playbook_and_messages_that_say_where_and_which_code() -> None:
    for case in CASES:
        folder = CORPUS / case
        names = sorted(p.name for p in folder.iterdir() if p.name not in LOGOS)
        assert names == ["expected.txt", "pikkula.yml"], case
        lines = (folder / "expected.txt").read_text(encoding="utf-8").splitlines()
        assert lines, f"{case}: expected.txt is empty"
        for line in lines:
            assert MESSAGE_LINE.fullmatch(line), f"{case}: {line!r} lacks file:line:col or [code]"


@pytest.mark.parametrize("case", CASES)
def test_invalid_playbook_is_refused_with_the_expected_messages(
    project: Path, case: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project)
    folder = CORPUS / case
    code, errors = _run_build(project, folder / "pikkula.yml", capsys)
    assert code == 1
    assert "Traceback" not in errors
    shown = errors.replace(f"{folder}/", "")
    assert shown == (folder / "expected.txt").read_text(encoding="utf-8")
    assert not (project / "out").exists() or not any((project / "out").rglob("*"))


def test_a_ten_megabyte_file_is_refused_unread(
    project: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(project)
    playbook = tmp_path / "pikkula.yml"
    playbook.write_text("schema_version: 1\n" + "# filler\n" * 1_200_000, encoding="utf-8")
    code, errors = _run_build(project, playbook, capsys)
    assert code == 1
    assert errors.replace(f"{tmp_path}/", "") == (
        "pikkula.yml:1:1: the file is 10.8 MB; a playbook may be at most 1 MB (a complete "
        "playbook is about 20 kB) [file-too-large]\n"
    )
    assert not (project / "out").exists()
