"""The toolkit as a municipality gets it: a wheel installed into a fresh virtual environment,
used in an empty folder with no toolkit source tree anywhere on the path."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
from ruamel.yaml import YAML

import generator
from conftest import REPO, sky_command
from generator.project import NATIONAL_CONTENT

pytestmark = pytest.mark.slow


def _run(command: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=900, check=False
    )


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A virtual environment with the toolkit installed from its wheel alone; its
    dependencies are this environment's (a path line, so no network is needed)."""
    work = tmp_path_factory.mktemp("install")
    source = work / "source"  # built from a copy, so the build leaves nothing in the tree
    shutil.copytree(
        REPO / "generator", source / "generator", ignore=shutil.ignore_patterns("__pycache__")
    )
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, source / name)
    wheels = work / "wheels"
    built = _run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(wheels)],
        source,
        dict(os.environ),
    )
    assert built.returncode == 0, built.stdout + built.stderr
    (wheel,) = wheels.glob("*.whl")
    assert wheel.name == f"sky_playbooks-{generator.__version__}-py3-none-any.whl"
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    pip = [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet"]
    installing = _run([*pip, "--no-deps", "--no-index", str(wheel)], work, dict(os.environ))
    assert installing.returncode == 0, installing.stderr
    site_packages = _run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        work,
        {},
    ).stdout.strip()
    ours = sysconfig.get_paths()["purelib"]
    (Path(site_packages) / "dependencies.pth").write_text(ours + "\n", encoding="utf-8")
    return venv


def _environment(venv: Path) -> dict[str, str]:
    """A user's environment: the venv's commands first, no PYTHONPATH, the tests' fixed date."""
    keep = {key: os.environ[key] for key in ("HOME", "LANG", "SKY_TODAY") if key in os.environ}
    return {**keep, "PATH": f"{venv / 'bin'}:/usr/bin:/bin"}


def _fill(text: str) -> str:
    """What an author does: replace every placeholder with the real thing."""
    text = re.sub(r"TODO@([a-z0-9-]+)\.fi", r"kanslia@\1.fi", text)
    return text.replace("§ TODO", "§ 12").replace("TODO ", "")


def test_a_municipality_starts_checks_and_builds_in_an_empty_folder(
    installed: Path, tmp_path: Path
) -> None:
    env = _environment(installed)
    folder = tmp_path / "kemi"
    folder.mkdir()
    where = _run(["python", "-c", "import generator; print(generator.__file__)"], folder, env)
    assert where.stdout.startswith(str(installed)), "the toolkit comes from the wheel"
    assert str(REPO) not in where.stdout

    new = _run(["sky", "new", "kemi", "--name-fi", "Kemi", "--name-sv", "Kemi"], folder, env)
    assert new.returncode == 0, new.stderr
    assert sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")) == [
        "playbooks",
        "playbooks/kemi.yml",
        "schema",
        "schema/playbook.schema.json",
    ]
    playbook = folder / "playbooks" / "kemi.yml"
    first_line = playbook.read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=../schema/playbook.schema.json"

    unfinished = _run(["sky", "check"], folder, env)
    assert unfinished.returncode == 1 and "[placeholder]" in unfinished.stdout
    playbook.write_text(_fill(playbook.read_text(encoding="utf-8")), encoding="utf-8")
    checked = _run(["sky", "check"], folder, env)
    assert checked.returncode == 0, checked.stdout + checked.stderr

    built = _run(["sky", "build"], folder, env)
    assert built.returncode == 0, built.stdout + built.stderr
    site = folder / "site" / "kemi"
    version = (NATIONAL_CONTENT / "VERSION").read_text(encoding="utf-8").strip()
    for language in ("fi", "sv"):
        home = (site / language / "index.html").read_text(encoding="utf-8")
        assert f"sky-playbooks {generator.__version__}" in home
        assert len(list((site / language / "downloads").glob("*.pdf"))) == 3
    assert "Kansallinen sisältö " + version in (site / "fi" / "index.html").read_text()
    assert "Nationellt innehåll " + version in (site / "sv" / "index.html").read_text()
    state = json.loads((site / ".sky-build.json").read_text(encoding="utf-8"))
    assert state["built_with"] == {"toolkit": generator.__version__, "content": version}


def _commands(workflow: object) -> list[str]:
    """Every shell line a CI workflow runs."""
    found: list[str] = []
    if isinstance(workflow, dict):
        for key, value in workflow.items():
            if key in ("run", "script", "before_script") and isinstance(value, str | list):
                lines = value.splitlines() if isinstance(value, str) else value
                found += [line.strip() for line in lines if isinstance(line, str) and line.strip()]
            else:
                found += _commands(value)
    elif isinstance(workflow, list):
        for item in workflow:
            found += _commands(item)
    return found


@pytest.mark.parametrize("name", ["github-actions.yml", "gitlab-ci.yml"])
def test_the_ci_recipes_run_sky_check_and_build_with_commands_that_exist(name: str) -> None:
    workflow = YAML(typ="safe").load((REPO / "examples" / "ci" / name).read_text(encoding="utf-8"))
    lines = _commands(workflow)
    assert "pip install sky-playbooks" in lines
    used = {line.split()[1] for line in lines if line.startswith("sky ")}
    shown = subprocess.run(sky_command("--help"), capture_output=True, text=True, check=True)
    listed = set(re.findall(r"^    ([a-z]+) +\S", shown.stdout, re.MULTILINE))
    assert used == {"check", "build"} and used <= listed, (used, listed)
