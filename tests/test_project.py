"""Project folders and their settings: what sky.toml may say, and what happens when it is wrong."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import VALID_PLAYBOOK, run_sky, write_playbook
from generator.project import NATIONAL_CONTENT, Project, SettingsInvalid


def test_without_settings_the_toolkit_s_own_content_is_used(tmp_path: Path) -> None:
    (tmp_path / "playbooks").mkdir()
    project = Project.at(tmp_path)
    assert project.exists and project.content_dir == NATIONAL_CONTENT
    assert (NATIONAL_CONTENT / "VERSION").read_text(encoding="utf-8").strip() == "2026.1"


def test_content_dir_names_the_content_to_build_with(tmp_path: Path) -> None:
    (tmp_path / "review" / "content").mkdir(parents=True)
    (tmp_path / "sky.toml").write_text('content_dir = "review/content"\n', encoding="utf-8")
    project = Project.at(tmp_path)
    assert project.exists, "a folder with settings is a project even before its first playbook"
    assert project.content_dir == (tmp_path / "review" / "content").resolve()


@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        (
            'content = "x"\n',
            "sky.toml:1:1: content: sky.toml has no setting 'content'; the settings are: "
            "content_dir (a folder of national content to build with instead of the toolkit's "
            "own) [settings-invalid]",
        ),
        (
            '# review\ncontent_dir = "missing"\n',
            "sky.toml:2:1: content_dir: content_dir must name a folder beside sky.toml that "
            "holds the national content (fi/, sv/, glossary.yml), got 'missing' "
            "[settings-invalid]",
        ),
        (
            "content_dir = review\n",
            "sky.toml:1:1: sky.toml is not valid TOML: Invalid value (at line 1, column 15) "
            '(write settings as name = "value", one per line) [settings-invalid]',
        ),
    ],
)
def test_bad_settings_are_located_and_explained(
    tmp_path: Path, settings: str, expected: str
) -> None:
    (tmp_path / "sky.toml").write_text(settings, encoding="utf-8")
    with pytest.raises(SettingsInvalid) as caught:
        Project.at(tmp_path)
    shown = [problem.render() for problem in caught.value.problems]
    assert shown == [f"{tmp_path}/{expected}"]


def test_sky_refuses_bad_settings_without_building(tmp_path: Path) -> None:
    (tmp_path / "playbooks").mkdir()
    (tmp_path / "sky.toml").write_text('content = "x"\n', encoding="utf-8")
    result = run_sky(tmp_path, "build", "--lang", "fi")
    assert result.returncode == 1
    assert result.stderr == (
        "sky.toml:1:1: content: sky.toml-tiedostossa ei voi olla asetusta "
        "'content'; asetukset ovat: content_dir (kansio, jonka kansallista sisältöä käytetään "
        "työkalun oman sisällön sijaan) [settings-invalid]\n"
    )
    assert not (tmp_path / "site").exists()


@pytest.mark.slow
def test_check_says_when_the_published_site_is_due_for_new_content(project: Path) -> None:
    write_playbook(project / "playbooks", VALID_PLAYBOOK)
    assert run_sky(project, "build", "pikkula").returncode == 0
    state_file = project / "site" / "pikkula" / ".sky-build.json"
    state = json.loads(state_file.read_text(encoding="utf-8"))
    assert run_sky(project, "check", "pikkula", "--lang", "en").returncode == 0
    state["built_with"]["content"] = "2025.2"
    state_file.write_text(json.dumps(state), encoding="utf-8")
    result = run_sky(project, "check", "pikkula", "--lang", "en")
    assert result.returncode == 0, "a warning: the site is still valid"
    assert result.stdout.splitlines() == [
        "playbooks/pikkula.yml:1:1: warning: the published site was built with national content "
        "2025.2; this toolkit has 2026.1: run 'sky build' to publish the site with it "
        "[content-newer]",
        "playbooks/pikkula.yml:2:1: warning: schema_version: this playbook is in format 1, which "
        "is still read; format 2 can say more (counting windows, texts for guardians, ranges, "
        "warning signs): run 'sky migrate playbooks/pikkula.yml' to move it, keeping your "
        "comments [older-format]",
        "sky check: 1 playbook(s), 0 error(s), 2 warning(s)",
    ]
