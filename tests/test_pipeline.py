"""The build as a whole: sites published as they finish, a crash costs only its own site, and
two builds never write to one output folder at once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import (
    REPO,
    VALID_PLAYBOOK,
    run_sky,
    snapshot,
    vary,
    without_format_notice,
    write_playbook,
)
from generator import sites
from generator.content.national import NationalContent, load_content
from generator.pipeline import Failure, build, build_sites
from generator.plan.merge import SitePlan, plan_site
from generator.playbook.loader import LoadedPlaybook, load_playbook
from generator.project import Project
from generator.publish.lock import LOCK_FILE, OutputLocked, output_lock
from generator.sites import MunicipalSite
from generator.workers import Workers

pytestmark = pytest.mark.slow


def _playbooks(project: Path, *slugs: str) -> list[Path]:
    return [
        write_playbook(project / "playbooks", vary("slug: pikkula", f"slug: {slug}"), slug)
        for slug in slugs
    ]


class _Watcher:
    """A progress display that looks at the output folder each time a site is done."""

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self.seen: list[tuple[str, str, list[str]]] = []

    def start(self, total: int) -> None:
        self.total = total

    def advance(self, slug: str, status: str) -> None:
        published = sorted(p.name for p in self.out_dir.iterdir() if not p.name.startswith("."))
        self.seen.append((slug, status, published))

    def close(self) -> None:
        return None


def test_each_site_is_published_as_soon_as_it_is_built(project: Path) -> None:
    paths = _playbooks(project, "aaa", "bbb", "ccc")
    out = project / "site"
    watcher = _Watcher(out)
    outcome = build(paths, Project.at(project), out, jobs=2, progress=watcher)
    assert outcome.ok, outcome.problems
    first_slug, status, published_then = watcher.seen[0]
    assert status == "built"
    assert published_then == [first_slug], "the first site is online while the others build"
    assert sorted(slug for slug, _, _ in watcher.seen) == ["aaa", "bbb", "ccc"]
    assert sorted(outcome.published) == ["aaa", "bbb", "ccc"]


def _failing_plan(original: Callable[..., SitePlan]) -> Callable[..., SitePlan]:
    def plan_site(
        loaded: LoadedPlaybook, content: NationalContent, only: tuple[str, ...] | None = None
    ) -> SitePlan:
        slug = loaded.playbook.slug
        if slug == "rikki":
            raise RuntimeError("a library broke on this logo")
        if slug == "kuollut":
            os.kill(os.getpid(), signal.SIGKILL)
        return original(loaded, content, only)

    return plan_site


@dataclass(frozen=True)
class _Breaking(MunicipalSite):
    """A municipality whose planning raises (rikki) or kills its worker process (kuollut), as a
    library might on one municipality's logo; the worker imports it from this module."""

    def plan(self, language: str) -> SitePlan:
        if self.slug == "rikki":
            raise RuntimeError("a library broke on this logo")
        if self.slug == "kuollut":
            os.kill(os.getpid(), signal.SIGKILL)
        return super().plan(language)


def test_a_crash_and_a_killed_worker_cost_only_their_own_site(project: Path) -> None:
    out = project / "site"
    paths = _playbooks(project, "ehja", "rikki", "kuollut", "toinen")
    content = load_content(project / "content")
    sites = [_Breaking(load_playbook(path), content, "fingerprint") for path in paths]
    with Workers(2) as workers:
        done = {
            site.site.slug: site for site in build_sites(sites, workers, Project.at(project), out)
        }
    assert {slug: site.published for slug, site in done.items()} == {
        "ehja": True,
        "rikki": False,
        "kuollut": False,
        "toinen": True,
    }
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == ["ehja", "toinen"]
    log = project / "build" / "logs"
    # Both languages die with the worker; which one is reported first is the workers' race.
    assert sorted(p.render() for p in without_format_notice(done["kuollut"].problems)) == [
        f"{project}/playbooks/kuollut.yml:1:1: {language}: an unexpected error stopped this "
        f"site's build (the worker process died); nothing of it was published. The details "
        f"are in {log}/kuollut.log: please send that file to the toolkit's maintainers "
        "[internal-error]"
        for language in ("fi", "sv")
    ]
    assert [p.render() for p in without_format_notice(done["rikki"].problems)] == [
        f"{project}/playbooks/rikki.yml:1:1: {language}: an unexpected error stopped this site's "
        "build (RuntimeError: a library broke on this logo); nothing of it was published. The "
        f"details are in {log}/rikki.log: please send that file to the toolkit's maintainers "
        "[internal-error]"
        for language in ("fi", "sv")
    ]
    traceback = (log / "rikki.log").read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in traceback
    assert 'raise RuntimeError("a library broke on this logo")' in traceback


def test_a_crash_leaves_the_published_site_as_it_was(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = project / "site"
    (path,) = _playbooks(project, "rikki")
    assert build([path], Project.at(project), out, jobs=1).ok
    before = snapshot(out / "rikki")
    path.write_text(vary("Nätverket", "Nätverket 2", path.read_text()), encoding="utf-8")
    monkeypatch.setattr(sites, "plan_site", _failing_plan(plan_site))
    outcome = build([path], Project.at(project), out, jobs=1)
    assert outcome.failed == [Failure("playbook", "rikki")]
    codes = [p.code for p in without_format_notice(outcome.problems)]
    assert codes == ["internal-error", "internal-error"]  # fi, sv
    assert snapshot(out / "rikki") == before


def test_a_second_build_on_the_same_folder_is_refused(project: Path) -> None:
    write_playbook(project / "playbooks", VALID_PLAYBOOK)
    out = project / "site"
    with output_lock(out):
        assert (out / LOCK_FILE).read_text() == f"{os.getpid()}\n"
        with pytest.raises(OutputLocked):
            build([project / "playbooks/pikkula.yml"], Project.at(project), out, jobs=1)
        result = run_sky(project, "build", "pikkula")
    assert result.returncode == 4
    assert result.stderr.endswith(
        f"sky build: site is being built by another sky build (process {os.getpid()}); wait "
        "for it to finish and run the command again\n"
    )
    assert not (out / "pikkula").exists()
    assert not (out / LOCK_FILE).exists(), "a finished build leaves no lock behind"


def test_the_lock_of_a_killed_build_is_taken_over(project: Path) -> None:
    write_playbook(project / "playbooks", VALID_PLAYBOOK)
    out = project / "site"
    holder = textwrap.dedent(
        f"""
        import os, signal, sys
        from pathlib import Path
        from generator.publish.lock import output_lock
        with output_lock(Path({str(out)!r})):
            print("locked", flush=True)
            os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    killed = subprocess.run(
        [sys.executable, "-c", holder], capture_output=True, text=True, env=env, check=False
    )
    assert killed.stdout == "locked\n" and killed.returncode == -signal.SIGKILL
    assert (out / LOCK_FILE).exists(), "the killed build could not clean up"
    assert build([project / "playbooks/pikkula.yml"], Project.at(project), out, jobs=1).ok


def test_a_playbook_named_twice_is_built_once_and_a_namesake_is_refused(project: Path) -> None:
    path = write_playbook(project / "playbooks", VALID_PLAYBOOK)
    twice = run_sky(project, "build", "pikkula", "pikkula", "--lang", "en")
    assert twice.returncode == 0, twice.stderr
    assert twice.stdout.endswith("sky build: 1 published, 0 failed; 0 error(s), 1 warning(s)\n")
    namesake = project / "playbooks" / "pikkula.yaml"
    namesake.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    both = run_sky(project, "build", "--lang", "en")
    assert both.returncode == 1
    assert (
        "playbooks/pikkula.yaml:1:1: another playbook in this build has the same name "
        "(playbooks/pikkula.yml); a playbook's file name is its site's slug, so only one of "
        "them can be built: rename one of the files, and its slug [duplicate-slug]"
    ) in both.stderr
