"""The build, stage by stage: load and validate, merge, render, stage, build sites, publish."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from multiprocessing import get_context
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlsplit

from generator.content import ContentInvalid, NationalContent, load_content
from generator.linkcheck import Site, check_site, external_links
from generator.loader import LoadedPlaybook, PlaybookInvalid, load_playbook
from generator.merge import plan_site
from generator.online import ExternalLink
from generator.problems import Location, Problem, has_errors
from generator.publish import discard, publish, staging_dir, staging_root, write_language_choice
from generator.site import SiteResult, build_site
from generator.stage import stage_site

_T = TypeVar("_T")
_R = TypeVar("_R")


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
    external_links: list[ExternalLink] = field(default_factory=list)

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
    publish_sites: bool = True,
) -> Outcome:
    """Build, link-check and publish the sites of the given playbooks.

    Invalid playbooks and sites with errors are reported and leave what was published before
    untouched. With ``publish_sites=False`` everything is built and checked, then discarded.
    """
    inputs, outcome = check(paths, project)
    content, loaded = inputs.content, inputs.playbooks
    if content is None or not loaded:
        return outcome
    tasks = [
        _SiteTask(lp, content, language, project, staging_dir(out_dir, lp.playbook.slug) / language)
        for lp in loaded
        for language in lp.playbook.languages
    ]
    with _executor(jobs, len(tasks)) as pool:
        results = list(pool.map(_build_one, tasks))
        built = [lp for lp in loaded if _built(lp, results, out_dir, outcome, on_progress)]
        link_results = list(pool.map(_check_links, [_link_task(lp, out_dir) for lp in built]))
    for lp, (problems, external) in zip(built, link_results, strict=True):
        slug = lp.playbook.slug
        outcome.problems += problems
        outcome.external_links += external
        if has_errors(problems):
            outcome.failed.append(slug)
            discard(out_dir, slug)
            on_progress(f"{slug}: failed the link check")
        elif publish_sites:
            publish(out_dir, slug)
            outcome.published.append(slug)
            on_progress(f"{slug}: published to {out_dir / slug}")
        else:
            discard(out_dir, slug)
            outcome.published.append(slug)
    return outcome


def _built(
    lp: LoadedPlaybook,
    results: list[SiteResult],
    out_dir: Path,
    outcome: Outcome,
    on_progress: Callable[[str], None],
) -> bool:
    """Whether every language of ``lp`` built; records the failure if not."""
    slug = lp.playbook.slug
    problems = [p for r in results if r.slug == slug for p in r.problems]
    if problems:
        outcome.failed.append(slug)
        outcome.problems += problems
        discard(out_dir, slug)
        on_progress(f"{slug}: failed")
        return False
    names = lp.playbook.municipality.name
    titles = {str(lang): names.get(lang) for lang in lp.playbook.languages}
    write_language_choice(staging_root(out_dir, slug), tuple(lp.playbook.languages), titles)
    return True


@dataclass(frozen=True)
class _LinkTask:
    root: Path
    url_path: str


def _link_task(lp: LoadedPlaybook, out_dir: Path) -> _LinkTask:
    slug = lp.playbook.slug
    site_url = lp.playbook.municipality.site_url
    # Where the site is served: at site_url, or by default as <out>/<slug>/ at the host's root.
    url_path = urlsplit(site_url).path if site_url else f"/{slug}/"
    return _LinkTask(staging_root(out_dir, slug), url_path or "/")


def _check_links(task: _LinkTask) -> tuple[list[Problem], list[ExternalLink]]:
    external = [
        ExternalLink(ref.url, _built_page(task.root, Location(page, ref.line, ref.column)))
        for page, ref in external_links(task.root)
    ]
    problems = [
        replace(p, location=_built_page(task.root, p.location))
        for p in check_site(Site(task.root, task.url_path))
    ]
    return problems, external


def _built_page(root: Path, location: Location) -> Location:
    """A place in a built page, named as it is published: <slug>/<lang>/<page>."""
    return replace(location, path=Path(root.name) / location.path.relative_to(root))


class _InProcess:
    """Runs tasks one after another in this process: quicker for one task, easy to debug."""

    def __enter__(self) -> _InProcess:
        return self

    def __exit__(self, *_exc: object) -> None:
        return None

    def map(self, function: Callable[[_T], _R], items: Iterable[_T]) -> Iterator[_R]:
        return map(function, items)


def _executor(jobs: int, tasks: int) -> ProcessPoolExecutor | _InProcess:
    if jobs <= 1 or tasks <= 1:
        return _InProcess()
    # fork: workers start with the toolkit already imported, which keeps small builds fast.
    return ProcessPoolExecutor(max_workers=min(jobs, tasks), mp_context=get_context("fork"))


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
