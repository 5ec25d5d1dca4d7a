"""The ``sky`` command as a user runs it: messages, exit codes, and what it leaves on disk."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from ruamel.yaml import YAML

from conftest import (
    EXAMPLE_PLAYBOOKS,
    REPO,
    VALID_PLAYBOOK,
    run_sky,
    snapshot,
    vary,
    write_playbook,
)
from generator.authoring.schema import schema_text
from generator.cli.main import main


def test_invalid_playbook_exits_1_without_traceback_or_output(project: Path) -> None:
    write_playbook(project / "playbooks", vary("unit: hours", "unit: tunnit"))
    result = run_sky(project, "build", "pikkula")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert (
        "playbooks/pikkula.yml:15:9: monitoring.unit: expected one of 'hours' or 'percent', "
        "got 'tunnit' [invalid-value]" in result.stderr
    )
    assert "sky build: 0 published, 1 failed; 1 error(s), 0 warning(s)" in result.stdout
    assert not (project / "site").exists()
    assert not (project / "build").exists()


def test_check_writes_nothing_and_reports_json(project: Path) -> None:
    write_playbook(project / "playbooks", vary('phone: "+358 40 123 4567"', "phone: 040-123"))
    result = run_sky(project, "check", "--format", "json", "--lang", "en")
    assert result.returncode == 1
    assert json.loads(result.stdout) == [
        {
            "code": "invalid-value",
            "severity": "error",
            "file": "playbooks/pikkula.yml",
            "line": 44,
            "column": 12,
            "field": "contacts[1].phone",
            "message": "expected an international number like '+358 40 123 4567', got '040-123'",
        }
    ]
    assert sorted(p.name for p in project.iterdir()) == ["content", "playbooks", "sky.toml"]


@pytest.mark.slow
def test_batch_publishes_the_valid_and_keeps_the_bad_ones_old_site(project: Path) -> None:
    playbooks = project / "playbooks"
    write_playbook(playbooks, VALID_PLAYBOOK)
    other = VALID_PLAYBOOK.replace("slug: pikkula", "slug: toinen")
    write_playbook(playbooks, other, name="toinen")
    assert run_sky(project, "build").returncode == 0
    before = snapshot(project / "site" / "pikkula")
    write_playbook(playbooks, vary("sky_tier: 3", "sky_tier: 9"))
    write_playbook(playbooks, other.replace("Nätverket", "Nätverket 2"), name="toinen")
    result = run_sky(project, "build")
    assert result.returncode == 1
    assert "sky build: 1 published, 1 failed" in result.stdout
    assert snapshot(project / "site" / "pikkula") == before
    assert "Nätverket 2" in (project / "site/toinen/sv/stages/network/index.html").read_text()


def test_usage_errors_exit_2(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["build", "--jobs", "many"])
    assert caught.value.code == 2
    assert "argument --jobs: invalid int value: 'many'" in capsys.readouterr().err
    assert run_sky(project, "publish").returncode == 2
    assert run_sky(project.parent, "check").returncode == 2


def test_unknown_slug_is_named(project: Path) -> None:
    result = run_sky(project, "check", "vantaa", "--lang", "en")
    assert result.returncode == 1
    assert result.stdout.startswith(
        "playbooks/vantaa.yml:1:1: no playbook here; the playbooks are in "
    )


def test_help_everywhere() -> None:
    for command in ([], ["build"], ["check"], ["serve"], ["schema"], ["new"]):
        with pytest.raises(SystemExit) as caught:
            main([*command, "--help"])
        assert caught.value.code == 0


def test_committed_schema_is_current() -> None:
    committed = (REPO / "schema" / "playbook.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(), "run: sky schema --output schema/playbook.schema.json"


def _typed(value: object) -> object:
    """YAML as an editor's language server reads it (dates stay strings)."""
    if isinstance(value, dict):
        return {str(k): _typed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_typed(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


@pytest.mark.parametrize("path", EXAMPLE_PLAYBOOKS, ids=lambda p: p.stem)
def test_shipped_playbooks_follow_the_committed_schema(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schema/playbook.schema.json\n")
    schema = json.loads((REPO / "schema" / "playbook.schema.json").read_text(encoding="utf-8"))
    data = _typed(YAML(typ="safe", pure=True).load(text))
    errors = [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(data)]
    assert errors == []
