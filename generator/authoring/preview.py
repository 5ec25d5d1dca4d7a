"""What ``sky serve`` shows after a save, and in which order.

First, in a moment, the pages of the language being read (web pages only, built in this
process), put in place of that language in the served site; then the whole site, both
languages and the PDFs, built in a background process as ``sky build`` builds a site (from the
playbook as it was read for the first step, whatever was saved since), which replaces it.
Until the whole site is in place, every page of the quick build says, in its language, that
the PDFs are being updated: its PDF links lead to the last ones printed (none, at first). A
whole build that fails puts the last good whole site back (none, at first), so the preview
never keeps what ``sky build`` would refuse to publish.

The preview's folder holds three: ``site/`` is served, ``full/`` is the last whole build (the
next one copies its PDFs whose input has not changed), ``work/`` holds the quick build's MkDocs
project.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from generator.messages import page_words
from generator.pipeline import build_sites, check, crash_problem
from generator.printout.documents import DOWNLOADS_DIR, download_links
from generator.problems import Problem
from generator.project import Project
from generator.publish.swap import (
    clean_staging_dir,
    discard,
    is_ours,
    link_or_copy,
    link_published,
    publish,
    withdraw,
    write_language_choice,
)
from generator.site.mkdocs_build import build_site
from generator.site.staging import PreviewNotice, stage_site
from generator.sites import MunicipalSite
from generator.workers import Background, Crash, Workers


@dataclass(frozen=True)
class Shown:
    """A quick build: shown or not, in which language, and what kept it from being shown."""

    ok: bool
    language: str
    problems: tuple[Problem, ...]
    generation: int  # the save it showed: complete() it to have the whole site follow


@dataclass(frozen=True)
class Completed:
    """A whole build: the site is in place, or the last good one is, and what was found."""

    ok: bool
    problems: tuple[Problem, ...]


@dataclass(frozen=True)
class WholeBuild:
    """The whole site of one save: its playbook and content as read when it was shown (the
    author may have saved again since), and the warnings found then."""

    site: MunicipalSite
    project: Project
    out_dir: Path
    warnings: tuple[Problem, ...]


def build_whole(task: WholeBuild) -> Completed:
    """The whole site, as ``sky build`` builds it (run in a background process)."""
    with Workers(1) as in_this_process:
        (done,) = build_sites([task.site], in_this_process, task.project, task.out_dir)
    return Completed(done.published, task.warnings + done.problems)


class Preview:
    """The previewed site of one playbook, kept in ``folder``; ``served`` is what to serve.

    :meth:`show` and :meth:`complete` may run in different threads: one lock keeps the
    served folder to one writer, and a save shown later gives up the whole build of an
    earlier one. A save that cannot be shown changes nothing: the last one shown stays, and
    its whole build goes on.
    """

    def __init__(self, playbook: Path, project: Project, folder: Path) -> None:
        self.playbook, self.project, self.slug = playbook, project, playbook.stem
        self.served, self.whole, self.work = folder / "site", folder / "full", folder / "work"
        self.served.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._generation = 0
        self._wanted: WholeBuild | None = None  # the whole build of the save shown last
        self._background: Background[Completed] | None = None

    def show(self, language: str) -> Shown:
        """Build and serve the pages of ``language`` (the site's first language when it has
        no such language) from the playbook as saved now."""
        with self._lock:
            inputs, outcome = check([self.playbook], self.project)
            found = tuple(outcome.problems)
            if not outcome.ok or inputs.content is None:
                return Shown(False, language, found, self._generation)
            site = MunicipalSite(inputs.playbooks[0], inputs.content, fingerprint="")
            if language not in site.languages:
                language = site.languages[0]
            folders = (self.served, self.work)
            problems = _show_language(site, language, self.project.base_config, *folders)
            if problems:
                return Shown(False, language, found + problems, self._generation)
            self._give_up()
            self._generation += 1
            # Once shown, the warnings are the whole build's to report, when it is done.
            self._wanted = WholeBuild(site, self.project, self.whole, found)
            return Shown(True, language, (), self._generation)

    def complete(self, generation: int) -> Completed | None:
        """Build the whole site of save ``generation`` in the background and put it in place
        (or, if it fails, the last good one); None when a later save was shown first."""
        with self._lock:
            task = self._wanted
            if generation != self._generation or task is None:
                return None
            background = self._background = Background(build_whole, task)
        result = background.result()  # without the lock: a save may give it up meanwhile
        with self._lock:
            if result is None or generation != self._generation:
                return None
            self._background = self._wanted = None
            if isinstance(result, Crash):  # its process died
                crash = crash_problem(self.project, self.slug, self.playbook, "", result)
                result = Completed(False, (*task.warnings, crash))
            self._put_whole_in_place()
            return result

    def close(self) -> None:
        with self._lock:
            self._give_up()

    def _give_up(self) -> None:
        if self._background is not None:
            self._background.give_up()
            self._background = None

    def _put_whole_in_place(self) -> None:
        """The last good whole site, served as it was built (shared, not copied: hard links)."""
        whole = self.whole / self.slug
        if not is_ours(whole):
            withdraw(self.served, self.slug)
            return
        link_published(whole, clean_staging_dir(self.served, self.slug))
        publish(self.served, self.slug)


def _show_language(
    site: MunicipalSite, language: str, base_config: Path, out_dir: Path, work_dir: Path
) -> tuple[Problem, ...]:
    """The pages of one language, with the PDFs last printed, in place of that language in
    the site served from ``out_dir``; the other languages stay as they are served. The
    MkDocs project is written in ``work_dir``."""
    served = out_dir / site.slug
    root = clean_staging_dir(out_dir, site.slug)
    if is_ours(served):
        link_published(served, root, leave_out=(language, "index.html"))
    printed = served / language / DOWNLOADS_DIR
    files = [link.file for link in download_links(site.slug, language).values()]
    earlier = [name for name in files if (printed / name).is_file()]
    notice = PreviewNotice(page_words.text(language, "pdfs_updating"), len(earlier) < len(files))
    (staged,) = stage_site(site.plan(language), work_dir, base_config, site.site_url, notice)
    (staged.docs_dir / DOWNLOADS_DIR).mkdir(parents=True, exist_ok=True)
    for name in earlier:
        link_or_copy(printed / name, staged.docs_dir / DOWNLOADS_DIR / name)
    problems = build_site(staged, root / language).problems
    if problems:
        discard(out_dir, site.slug)
        return problems
    write_language_choice(root, site.languages, site.titles)
    publish(out_dir, site.slug)
    return ()
