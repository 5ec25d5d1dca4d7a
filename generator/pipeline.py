"""The build, stage by stage: load and validate, merge, render, stage, build sites, publish."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from multiprocessing import get_context
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlsplit

from generator.checks.linkcheck import Site, check_site, external_links
from generator.checks.online import ExternalLink
from generator.content.national import ContentInvalid, NationalContent, load_content
from generator.messages import msg, page_words
from generator.plan.merge import SitePlan, plan_site
from generator.playbook.loader import LoadedPlaybook, PlaybookInvalid, load_playbook
from generator.portal.opendata import record_of
from generator.portal.plan import plan_portal
from generator.portal.settings import PortalSettingsInvalid, load_portal_settings
from generator.printout.documents import DOWNLOADS_DIR
from generator.printout.printing import print_documents
from generator.problems import Location, Problem, has_errors
from generator.progress import Progress, Silent
from generator.publish.fingerprint import (
    BuildState,
    guide_fingerprint,
    playbook_fingerprint,
    read_state,
    shared_fingerprint,
    write_state,
)
from generator.publish.swap import (
    PORTAL_SLUG,
    discard,
    portal_fingerprint,
    publish,
    publish_portal,
    published_states,
    staging_dir,
    staging_root,
    write_language_choice,
)
from generator.site.mkdocs_build import SiteResult, build_site
from generator.site.staging import stage_site

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
    def portal_settings(self) -> Path:
        return self.root / "portal.yml"

    @property
    def guide_dir(self) -> Path:
        return self.root / "guide"

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
                Problem.of(
                    "playbook-not-found",
                    Location(path),
                    "",
                    msg("playbook-not-found", folder=project.playbooks_dir),
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
    progress: Progress | None = None,
    force: bool = False,
    with_portal: bool = True,
) -> Outcome:
    """Build, link-check and publish the sites of the given playbooks, then the portal.

    A site whose inputs have not changed since it was published is not built again (unless
    ``force``). Invalid playbooks and sites with errors are reported and leave what was
    published before untouched.
    """
    progress = progress or Silent()
    paths = list(paths)
    shared = shared_fingerprint(project.content_dir, project.base_config)
    fingerprints = {p: playbook_fingerprint(p, shared) for p in paths if p.is_file()}
    unchanged = [
        p
        for p, fingerprint in fingerprints.items()
        if not force and _published_fingerprint(out_dir / p.stem) == fingerprint
    ]
    progress.start(len(paths))
    for path in unchanged:
        progress.advance(path.stem, "unchanged")
    inputs, outcome = check([p for p in paths if p not in unchanged], project)
    for failed in outcome.failed:
        progress.advance(Path(failed).stem, "failed")
    content = inputs.content
    if content is not None and inputs.playbooks:
        run = _Run(project, out_dir, jobs, outcome, progress)
        _build_sites(run, inputs.playbooks, content, fingerprints)
    if with_portal and content is not None:
        _update_portal(content, project, out_dir, jobs, shared, outcome)
    progress.close()
    return outcome


def _file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""


def _published_fingerprint(folder: Path) -> str | None:
    state = read_state(folder)
    return state.fingerprint if state else None


@dataclass(frozen=True)
class _Run:
    """The settings and the running record of one build."""

    project: Project
    out_dir: Path
    jobs: int
    outcome: Outcome
    progress: Progress


def _build_sites(
    run: _Run,
    loaded: list[LoadedPlaybook],
    content: NationalContent,
    fingerprints: dict[Path, str],
) -> None:
    project, out_dir, outcome, progress = run.project, run.out_dir, run.outcome, run.progress
    tasks = [
        _SiteTask(lp, content, language, project, staging_dir(out_dir, lp.playbook.slug) / language)
        for lp in loaded
        for language in lp.playbook.languages
    ]
    with _executor(run.jobs, len(tasks)) as pool:
        results = list(pool.map(_build_one, tasks))
        built = [lp for lp in loaded if _built(lp, results, out_dir, outcome)]
        link_results = list(pool.map(_check_links, [_link_task(lp, out_dir) for lp in built]))
    for lp in loaded:
        if lp not in built:
            progress.advance(lp.playbook.slug, "failed")
    for lp, (problems, external) in zip(built, link_results, strict=True):
        slug = lp.playbook.slug
        outcome.problems += problems
        outcome.external_links += external
        if has_errors(problems):
            outcome.failed.append(slug)
            discard(out_dir, slug)
            progress.advance(slug, "failed")
            continue
        state = BuildState(fingerprints[lp.path], record_of(lp.playbook))
        write_state(staging_root(out_dir, slug), state)
        publish(out_dir, slug)
        outcome.published.append(slug)
        progress.advance(slug, "built")


def _built(lp: LoadedPlaybook, results: list[SiteResult], out_dir: Path, outcome: Outcome) -> bool:
    """Whether every language of ``lp`` built; records the failure if not."""
    slug = lp.playbook.slug
    problems = [p for r in results if r.slug == slug for p in r.problems]
    if problems:
        outcome.failed.append(slug)
        outcome.problems += problems
        discard(out_dir, slug)
        return False
    names = lp.playbook.municipality.name
    titles = {str(lang): names.get(lang) for lang in lp.playbook.languages}
    write_language_choice(staging_root(out_dir, slug), tuple(lp.playbook.languages), titles)
    return True


@dataclass(frozen=True)
class _LinkTask:
    root: Path
    url_path: str
    published: Path | None = None  # where links that leave the site are looked up


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
        for p in check_site(Site(task.root, task.url_path, task.published))
    ]
    return problems, external


def _built_page(root: Path, location: Location) -> Location:
    """A place in a built page, named as it is published: <slug>/<lang>/<page>."""
    return replace(location, path=Path(root.name) / location.path.relative_to(root))


def _update_portal(
    content: NationalContent,
    project: Project,
    out_dir: Path,
    jobs: int,
    shared: str,
    outcome: Outcome,
) -> None:
    """Rebuild the national portal from every published site, when any of them changed."""
    states = published_states(out_dir)
    if not states:
        return  # no municipality is published: there is nothing to index or compare
    try:
        settings = load_portal_settings(project.portal_settings)
    except PortalSettingsInvalid as error:
        outcome.problems += error.problems
        outcome.failed.append("portal")
        return
    guide = project.guide_dir if project.guide_dir.is_dir() else None
    inputs = shared + guide_fingerprint(guide) + _file_hash(project.portal_settings)
    fingerprint = portal_fingerprint(inputs, states)
    # The portal's state file lands in <out>/ itself when the portal is published.
    if _published_fingerprint(out_dir) == fingerprint:
        return
    plan = plan_portal([state.record for state in states.values()], content, guide, settings)
    root = staging_dir(out_dir, PORTAL_SLUG)
    tasks = [_PlannedTask(plan, language, project, root / language) for language in plan.languages]
    with _executor(jobs, len(tasks)) as pool:
        results = list(pool.map(_build_planned, tasks))
    problems = [p for result in results for p in result.problems]
    if not problems:
        titles = {
            language: page_words.text(language, "portal_title") for language in plan.languages
        }
        write_language_choice(root, plan.languages, titles)
        problems, external = _check_links(_LinkTask(root, "/", out_dir))
        outcome.external_links += external
    outcome.problems += problems
    if has_errors(problems):
        outcome.failed.append("portal")
        discard(out_dir, PORTAL_SLUG)
    else:
        write_state(root, BuildState(fingerprint, {}))
        publish_portal(out_dir)


@dataclass(frozen=True)
class _PlannedTask:
    plan: SitePlan
    language: str
    project: Project
    site_dir: Path


def _build_planned(task: _PlannedTask) -> SiteResult:
    plan = replace(
        task.plan, sites=tuple(s for s in task.plan.sites if s.language == task.language)
    )
    (staged,) = stage_site(plan, task.project.work_dir, task.project.base_config, None)
    return build_site(staged, task.site_dir)


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
    # The PDFs go into the docs folder first, so that MkDocs copies them and checks links to them.
    docs = staged.config_file.parent / "docs"
    printed = print_documents(task.loaded, task.content, task.language, docs / DOWNLOADS_DIR)
    if printed.problems:
        return SiteResult(staged.slug, staged.language, task.site_dir, printed.problems)
    return build_site(staged, task.site_dir)


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)))
