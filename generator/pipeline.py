"""The build, stage by stage: load and validate, merge, render, stage, build sites, publish."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path

from generator.content import ContentInvalid, NationalContent, load_content
from generator.loader import LoadedPlaybook, PlaybookInvalid, load_playbook
from generator.merge import plan_site
from generator.problems import Location, Problem
from generator.publish import discard, publish, staging_dir
from generator.site import SiteResult, build_site
from generator.stage import stage_site


@dataclass(frozen=True)
class Project:
    """Where a project's inputs live; by default the current folder."""

    root: Path

    @property
    def playbooks_dir(self) -> Path:
        return self.root / "playbooks"

    @property
    def content_dir(self) -> Path:
        return self.root / "content"

    @property
    def base_config(self) -> Path:
        return self.root / "mkdocs.yml"

    @property
    def work_dir(self) -> Path:
        return self.root / "build"


@dataclass
class Outcome:
    """What a build or check did: which sites were published, which failed and why."""

    published: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed


@dataclass(frozen=True)
class _SiteTask:
    loaded: LoadedPlaybook
    content: NationalContent
    language: str
    project: Project
    site_dir: Path


@dataclass(frozen=True)
class Inputs:
    """Everything a build reads, validated: the national content and the valid playbooks."""

    content: NationalContent | None
    playbooks: list[LoadedPlaybook]


def check(paths: Iterable[Path], project: Project) -> tuple[Inputs, Outcome]:
    """Read and validate the national content and every playbook; write nothing."""
    outcome = Outcome()
    loaded = []
    content = None
    try:
        content = load_content(project.content_dir)
    except ContentInvalid as error:
        outcome.problems += error.problems
        outcome.failed.append("content")
    for path in paths:
        if not path.is_file():
            outcome.failed.append(str(path))
            outcome.problems.append(
                Problem(
                    "playbook-not-found",
                    Location(path),
                    "",
                    f"no playbook here; the playbooks are in {project.playbooks_dir}/ "
                    "(name one by its slug, e.g. 'sky build rantala', or give a path)",
                )
            )
            continue
        try:
            playbook = load_playbook(path)
        except PlaybookInvalid as error:
            outcome.failed.append(str(path))
            outcome.problems += error.problems
            continue
        loaded.append(playbook)
        outcome.problems += playbook.warnings
    return Inputs(content, loaded), outcome


def build(
    paths: Iterable[Path],
    project: Project,
    out_dir: Path,
    jobs: int,
    on_progress: Callable[[str], None] = lambda _message: None,
) -> Outcome:
    """Build and publish the sites of the given playbooks; invalid ones are left untouched."""
    inputs, outcome = check(paths, project)
    content, loaded = inputs.content, inputs.playbooks
    if content is None or not loaded:
        return outcome
    tasks = [
        _SiteTask(lp, content, language, project, staging_dir(out_dir, lp.playbook.slug) / language)
        for lp in loaded
        for language in lp.playbook.languages
    ]
    results = _run(tasks, jobs)
    for lp in loaded:
        slug = lp.playbook.slug
        site_problems = [p for r in results if r.slug == slug for p in r.problems]
        if site_problems:
            outcome.failed.append(slug)
            outcome.problems += site_problems
            discard(out_dir, slug)
            on_progress(f"{slug}: failed")
            continue
        titles = {
            str(lang): lp.playbook.municipality.name.get(lang) for lang in lp.playbook.languages
        }
        publish(out_dir, slug, tuple(lp.playbook.languages), titles)
        outcome.published.append(slug)
        on_progress(f"{slug}: published to {out_dir / slug}")
    return outcome


def _run(tasks: list[_SiteTask], jobs: int) -> list[SiteResult]:
    if jobs <= 1 or len(tasks) <= 1:
        return [_build_one(task) for task in tasks]
    # fork: workers start with the toolkit already imported, which keeps small builds fast.
    with ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("fork")) as pool:
        futures: list[Future[SiteResult]] = [pool.submit(_build_one, task) for task in tasks]
        return [future.result() for future in futures]


def _build_one(task: _SiteTask) -> SiteResult:
    plan = plan_site(task.loaded, task.content, only=(task.language,))
    (staged,) = stage_site(
        plan,
        task.project.work_dir,
        task.project.base_config,
        task.loaded.playbook.municipality.site_url,
    )
    return build_site(staged, task.site_dir)


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)))
