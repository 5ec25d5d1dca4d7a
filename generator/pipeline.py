"""The build, as its table of contents.

Read and validate every input first; then every site goes through one sequence, a
municipality's and the portal's alike:

    in worker processes, per language:  plan → render → stage → print → site (MkDocs)
    here, as soon as its languages are:  check links → publish

Sites are published one by one as they finish; the portal is built last, from what was
published. One site's failure, even a crash, costs only that site.
"""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import generator
from generator.checks.linkcheck import check_built_site
from generator.checks.online import ExternalLink
from generator.content.national import ContentInvalid, NationalContent, load_content
from generator.messages import msg
from generator.playbook.loader import (
    LoadedPlaybook,
    PlaybookInvalid,
    load_playbook,
    unique_playbooks,
)
from generator.portal.settings import PortalSettingsInvalid
from generator.printout.documents import DOWNLOADS_DIR
from generator.printout.reuse import NOTHING_EARLIER, EarlierPrints, PrintRecord
from generator.problems import Location, Problem, has_errors
from generator.progress import Progress, Silent
from generator.project import Project
from generator.publish.fingerprint import (
    BuildState,
    earlier_prints,
    playbook_fingerprint,
    published_from,
    shared_fingerprint,
    write_state,
)
from generator.publish.lock import output_lock
from generator.publish.swap import clean_staging_dir, discard, staging_root, write_language_choice
from generator.site.mkdocs_build import build_site
from generator.site.staging import stage_site
from generator.sites import MunicipalSite, PortalSite, SiteSource, portal_site
from generator.workers import Crash, Workers


@dataclass(frozen=True)
class Failure:
    """What could not be built: a playbook (its slug, or its path if unread), content, portal."""

    kind: Literal["playbook", "content", "portal"]
    name: str


@dataclass(frozen=True)
class SiteOutcome:
    """One site after the sequence: published or not, and what was found on the way."""

    site: SiteSource
    published: bool
    problems: tuple[Problem, ...]
    external_links: tuple[ExternalLink, ...] = ()
    pdfs_rendered: int = 0  # laid out by Typst
    pdfs_reused: int = 0  # copied from the published site: their input had not changed


@dataclass
class Outcome:
    """What a build or check did: which sites were published, which failed and why."""

    published: list[str] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    external_links: list[ExternalLink] = field(default_factory=list)
    pdfs_rendered: int = 0
    pdfs_reused: int = 0

    @property
    def ok(self) -> bool:
        return not self.failed

    def add(self, done: SiteOutcome) -> None:
        self.problems += done.problems
        self.external_links += done.external_links
        self.pdfs_rendered += done.pdfs_rendered
        self.pdfs_reused += done.pdfs_reused
        portal = isinstance(done.site, PortalSite)
        if not done.published:
            failed = Failure("portal", "portal") if portal else Failure("playbook", done.site.slug)
            self.failed.append(failed)
        elif not portal:
            self.published.append(done.site.slug)


@dataclass(frozen=True)
class Inputs:
    """Everything a build reads, validated: the national content and the valid playbooks."""

    content: NationalContent | None
    playbooks: list[LoadedPlaybook]


def check(
    paths: Iterable[Path], project: Project, outcome: Outcome | None = None
) -> tuple[Inputs, Outcome]:
    """Read and validate the national content and every playbook; write nothing. What is
    found is added to ``outcome`` (a new one by default)."""
    outcome = outcome if outcome is not None else Outcome()
    paths = _unique(list(paths), outcome)
    loaded = []
    content = None
    try:
        content = load_content(project.content_dir)
    except ContentInvalid as error:
        outcome.problems += error.problems
        outcome.failed.append(Failure("content", str(project.content_dir)))
    for path in paths:
        try:
            playbook = load_playbook(path) if path.is_file() else None
        except PlaybookInvalid as error:
            outcome.failed.append(Failure("playbook", path.stem))
            outcome.problems += error.problems
            continue
        if playbook is None:
            outcome.failed.append(Failure("playbook", str(path)))
            found = msg("playbook-not-found", folder=project.playbooks_dir)
            outcome.problems.append(Problem.of("playbook-not-found", Location(path), "", found))
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
    published before untouched. Raises :class:`~generator.publish.lock.OutputLocked` when
    another build is writing to ``out_dir``.
    """
    progress = progress or Silent()
    refused = Outcome()
    paths = _unique(list(paths), refused)
    shared = shared_fingerprint(project.content_dir, project.base_config)
    fingerprints = {path: playbook_fingerprint(path, shared) for path in paths if path.is_file()}
    with output_lock(out_dir), Workers(jobs) as workers:
        changed = [p for p in paths if force or not _unchanged(p, fingerprints, out_dir)]
        progress.start(len(paths))
        for path in (path for path in paths if path not in changed):
            progress.advance(path.stem, "unchanged")
        inputs, outcome = check(changed, project, refused)
        for failure in outcome.failed:
            progress.advance(failure.name, "failed")
        if inputs.content is not None:
            sites = [
                MunicipalSite(lp, inputs.content, fingerprints[lp.path]) for lp in inputs.playbooks
            ]
            for done in build_sites(sites, workers, project, out_dir, reuse_pdfs=not force):
                outcome.add(done)
                progress.advance(done.site.slug, "built" if done.published else "failed")
            portal = (
                _portal(inputs.content, project, out_dir, shared, outcome) if with_portal else None
            )
            for done in build_sites([portal] if portal else [], workers, project, out_dir):
                outcome.add(done)
        progress.close()
    return outcome


@dataclass(frozen=True)
class LanguageTask:
    """One language of one site, built in a worker process into ``site_dir``."""

    site: SiteSource
    language: str
    project: Project
    site_dir: Path
    earlier: EarlierPrints = NOTHING_EARLIER  # the published PDFs of this language


@dataclass(frozen=True)
class LanguageBuilt:
    """What a worker hands back for one language (it runs in another process: as data)."""

    problems: tuple[Problem, ...]
    documents: dict[str, PrintRecord] = field(default_factory=dict)  # by file name
    rendered: int = 0  # PDFs laid out by Typst
    reused: int = 0  # PDFs copied from the published site instead: their input had not changed


@dataclass
class _Languages:
    """What the languages of one site built so far have handed back."""

    found: dict[str, list[Problem]] = field(default_factory=dict)  # by language
    documents: dict[str, dict[str, PrintRecord]] = field(default_factory=dict)
    rendered: int = 0
    reused: int = 0

    def add(self, task: LanguageTask, result: LanguageBuilt | Crash) -> None:
        if isinstance(result, Crash):
            self.found[task.language] = [_crashed(task, result)]
            return
        self.found[task.language] = list(result.problems)
        self.documents[task.language] = result.documents
        self.rendered += result.rendered
        self.reused += result.reused


def build_sites(
    sites: Sequence[SiteSource],
    workers: Workers,
    project: Project,
    out_dir: Path,
    reuse_pdfs: bool = True,
) -> Iterator[SiteOutcome]:
    """Each site, checked and published (or not) as soon as all its languages are built. A PDF
    whose input has not changed since the published site was built is copied from it, unless
    not ``reuse_pdfs``."""
    tasks = [
        LanguageTask(
            site, language, project, folder / language, earlier.get(language, NOTHING_EARLIER)
        )
        for site in sites
        for folder in [clean_staging_dir(out_dir, site.slug)]
        for earlier in [earlier_prints(out_dir / site.slug) if reuse_pdfs else {}]
        for language in site.languages
    ]
    remaining = Counter(task.site.slug for task in tasks)
    built: dict[str, _Languages] = defaultdict(_Languages)
    for task, result in workers.run(build_language, tasks):
        slug = task.site.slug
        built[slug].add(task, result)
        remaining[slug] -= 1
        if remaining[slug] == 0:
            yield finish_site(task.site, built.pop(slug), out_dir)


def build_language(task: LanguageTask) -> LanguageBuilt:
    """Plan and render, stage, print and build one language of a site (in a worker)."""
    plan = task.site.plan(task.language)
    (staged,) = stage_site(
        plan, task.project.work_dir, task.project.base_config, task.site.site_url
    )
    # The PDFs go into the docs folder first, so that MkDocs copies them and checks links to them.
    printed = task.site.print_documents(
        task.language, staged.docs_dir / DOWNLOADS_DIR, task.earlier
    )
    reused = sum(document.reused for document in printed.documents)
    rendered = len(printed.documents) - reused
    if printed.problems:
        return LanguageBuilt(printed.problems, rendered=rendered, reused=reused)
    documents = {document.path.name: document.record for document in printed.documents}
    problems = build_site(staged, task.site_dir).problems
    return LanguageBuilt(problems, documents, rendered, reused)


def finish_site(site: SiteSource, built: _Languages, out_dir: Path) -> SiteOutcome:
    """Check the links of a built site and publish it, unless anything was found wrong."""

    def done(
        published: bool, problems: Sequence[Problem], links: Sequence[ExternalLink] = ()
    ) -> SiteOutcome:
        if not published:
            discard(out_dir, site.slug)
        return SiteOutcome(
            site, published, tuple(problems), tuple(links), built.rendered, built.reused
        )

    # In the site's order of languages, whichever language was built first.
    problems = [problem for language in site.languages for problem in built.found[language]]
    if problems:
        return done(False, problems)
    root = staging_root(out_dir, site.slug)
    write_language_choice(root, site.languages, site.titles)
    link_problems, links = check_built_site(root, site.url_path, site.outside)
    if has_errors(link_problems):
        return done(False, link_problems, links)
    versions = {"toolkit": generator.__version__, "content": site.content_version}
    write_state(
        root, BuildState(site.fingerprint, site.record, **versions, documents=built.documents)
    )
    refused = site.publish(out_dir)
    if refused is not None:
        return done(False, [refused])
    return done(True, link_problems, links)


def _unique(paths: list[Path], outcome: Outcome) -> list[Path]:
    """The playbooks to read, each once; a second file of the same name fails."""
    unique, duplicates = unique_playbooks(paths)
    outcome.failed += [Failure("playbook", str(p.location.path)) for p in duplicates]
    outcome.problems += duplicates
    return unique


def _crashed(task: LanguageTask, crash: Crash) -> Problem:
    return crash_problem(task.project, task.site.slug, task.site.source, task.language, crash)


def crash_problem(project: Project, slug: str, source: Path, where: str, crash: Crash) -> Problem:
    """An unexpected error while building: one line for the author, the details in a log."""
    log = project.work_dir / "logs" / f"{slug}.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("a", encoding="utf-8") as file:
        file.write(f"{slug}/{where}: {crash.error}\n{crash.details}\n")
    found = msg("internal-error", error=crash.error, log=log)
    return Problem.of("internal-error", Location(source), where, found)


def _portal(
    content: NationalContent, project: Project, out_dir: Path, shared: str, outcome: Outcome
) -> PortalSite | None:
    """The national portal, unless nothing it shows changed; a failure if its settings are bad."""
    try:
        return portal_site(content, project, out_dir, shared)
    except PortalSettingsInvalid as error:
        outcome.problems += error.problems
        outcome.failed.append(Failure("portal", str(project.portal_settings)))
        return None


def _unchanged(path: Path, fingerprints: dict[Path, str], out_dir: Path) -> bool:
    """Whether the site of ``path`` is published from exactly these inputs."""
    return path in fingerprints and published_from(out_dir / path.stem) == fingerprints[path]


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)))
