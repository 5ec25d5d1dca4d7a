"""The two kinds of site the pipeline builds, a municipality's and the national portal.

Both go through the same sequence (:func:`generator.pipeline.build_language` and
:func:`generator.pipeline.finish_site`); what differs is here: how a language is planned, which
documents are printed, where links that leave the site are looked up, and how the finished site
is put in place.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit

from generator.content.national import NationalContent
from generator.messages import msg, page_words
from generator.plan.merge import DOWNLOADS_PAGE, SitePlan, downloads_page, plan_site
from generator.playbook.loader import LoadedPlaybook
from generator.portal.opendata import record_of
from generator.portal.plan import plan_portal
from generator.portal.settings import load_portal_settings
from generator.printout.documents import PrintedFile, download_links, with_facts
from generator.printout.printing import PrintResult, print_documents
from generator.printout.reuse import EarlierPrints
from generator.problems import Location, Problem
from generator.project import Project
from generator.publish.fingerprint import file_fingerprint, guide_fingerprint, published_from
from generator.publish.swap import (
    MARKER,
    PORTAL_SLUG,
    NotOurs,
    portal_fingerprint,
    publish,
    publish_portal,
    published_states,
)


class SiteSource(Protocol):
    """What the build sequence needs to know of a site."""

    @property
    def slug(self) -> str: ...  # its folder under the staging area
    @property
    def languages(self) -> tuple[str, ...]: ...
    @property
    def titles(self) -> Mapping[str, str]: ...  # per language, for the language choice page
    @property
    def site_url(self) -> str | None: ...
    @property
    def url_path(self) -> str: ...  # where it is served, for absolute links
    @property
    def outside(self) -> Path | None: ...  # where links that leave the site are looked up
    @property
    def fingerprint(self) -> str: ...
    @property
    def source(self) -> Path: ...  # the file it is made from, where its problems are reported
    @property
    def record(self) -> dict[str, Any]: ...  # its facts for the portal ({} for the portal)
    @property
    def content_version(self) -> str: ...  # of the national content it is built with

    def plan(self, language: str) -> SitePlan: ...
    def print_documents(
        self, language: str, folder: Path, earlier: EarlierPrints
    ) -> PrintResult: ...
    def publish(self, out_dir: Path) -> Problem | None: ...  # a refusal, if not published


@dataclass(frozen=True)
class MunicipalSite:
    """A municipality's site, made from its validated playbook and the national content."""

    loaded: LoadedPlaybook
    content: NationalContent
    fingerprint: str

    @property
    def slug(self) -> str:
        return self.loaded.playbook.slug

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(self.loaded.playbook.languages)

    @property
    def titles(self) -> Mapping[str, str]:
        names = self.loaded.playbook.municipality.name
        return {language: names.get(language) for language in self.languages}

    @property
    def site_url(self) -> str | None:
        return self.loaded.playbook.municipality.site_url

    @property
    def url_path(self) -> str:
        # Served at site_url, or by default as <out>/<slug>/ at the web server's root.
        return (urlsplit(self.site_url).path if self.site_url else f"/{self.slug}/") or "/"

    @property
    def outside(self) -> Path | None:
        return None

    @property
    def source(self) -> Path:
        return self.loaded.path

    @property
    def record(self) -> dict[str, Any]:
        return record_of(self.loaded.playbook)

    @property
    def content_version(self) -> str:
        return self.content.version

    def plan(self, language: str) -> SitePlan:
        return plan_site(self.loaded, self.content, only=(language,))

    def print_documents(self, language: str, folder: Path, earlier: EarlierPrints) -> PrintResult:
        """Print into ``folder`` (the docs folder's downloads), then write the downloads page
        again with each file's size and pages, as printed or copied."""
        printed = print_documents(self.loaded, self.content, language, folder, earlier)
        if not printed.problems:
            files: dict[str, PrintedFile] = {
                document.kind.key: PrintedFile(document.path.stat().st_size, document.page_count)
                for document in printed.documents
            }
            links = with_facts(download_links(self.slug, language), files, language)
            page = downloads_page(self.loaded.playbook, language, links)
            (folder.parent / DOWNLOADS_PAGE).write_text(page, encoding="utf-8")
        return printed

    def publish(self, out_dir: Path) -> Problem | None:
        return _refused_or_done(lambda: publish(out_dir, self.slug))


@dataclass(frozen=True)
class PortalSite:
    """The national portal, planned once from the records of every published site."""

    planned: SitePlan
    fingerprint: str
    out_dir: Path
    source: Path  # the portal's settings

    slug = PORTAL_SLUG
    site_url = None
    url_path = "/"

    @property
    def record(self) -> dict[str, Any]:
        return {}  # the portal has no facts of its own to compare

    @property
    def languages(self) -> tuple[str, ...]:
        return self.planned.languages

    @property
    def titles(self) -> Mapping[str, str]:
        return {language: page_words.text(language, "portal_title") for language in self.languages}

    @property
    def outside(self) -> Path | None:
        return self.out_dir  # the portal links to the municipalities' published sites

    @property
    def content_version(self) -> str:
        return self.planned.content_version

    def plan(self, language: str) -> SitePlan:
        sites = tuple(site for site in self.planned.sites if site.language == language)
        return replace(self.planned, sites=sites)

    def print_documents(self, language: str, folder: Path, earlier: EarlierPrints) -> PrintResult:
        del language, folder, earlier  # the portal has no printed documents
        return PrintResult((), ())

    def publish(self, out_dir: Path) -> Problem | None:
        return _refused_or_done(lambda: publish_portal(out_dir))


def _refused_or_done(publishing: Callable[[], object]) -> Problem | None:
    """Publish; a problem instead when a folder in the way was not published by sky."""
    try:
        publishing()
    except NotOurs as refused:
        found = msg("not-ours", folder=refused.folder, marker=MARKER)
        return Problem.of("not-ours", Location(refused.folder), "", found)
    return None


def portal_site(
    content: NationalContent, project: Project, out_dir: Path, shared: str
) -> PortalSite | None:
    """The national portal to build, or None when no site is published or nothing it shows
    changed since it was built; :class:`PortalSettingsInvalid` when ``portal.yml`` is bad."""
    states = published_states(out_dir)
    if not states:
        return None  # no municipality is published: there is nothing to index or compare
    settings = load_portal_settings(project.portal_settings)
    guide = project.guide_dir if project.guide_dir.is_dir() else None
    inputs = shared + guide_fingerprint(guide) + file_fingerprint(project.portal_settings)
    fingerprint = portal_fingerprint(inputs, states)
    if published_from(out_dir) == fingerprint:  # the portal's state file is <out>/ itself's
        return None
    records = [state.record for state in states.values()]
    planned = plan_portal(records, content, guide, settings)
    return PortalSite(planned, fingerprint, out_dir, project.portal_settings)
