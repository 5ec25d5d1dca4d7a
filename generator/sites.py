"""The two kinds of site the pipeline builds, a municipality's and the national portal.

Both go through the same sequence (:func:`generator.pipeline.build_language` and
:func:`generator.pipeline.finish_site`); what differs is here: how a language is planned, which
documents are printed, where links that leave the site are looked up, and how the finished site
is put in place.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit

from generator.content.national import NationalContent
from generator.messages import page_words
from generator.plan.merge import SitePlan, plan_site
from generator.playbook.loader import LoadedPlaybook
from generator.portal.opendata import record_of
from generator.printout.printing import print_documents
from generator.problems import Problem
from generator.publish.swap import PORTAL_SLUG, publish, publish_portal


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
    def print_documents(self, language: str, folder: Path) -> tuple[Problem, ...]: ...
    def publish(self, out_dir: Path) -> None: ...


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

    def print_documents(self, language: str, folder: Path) -> tuple[Problem, ...]:
        return print_documents(self.loaded, self.content, language, folder).problems

    def publish(self, out_dir: Path) -> None:
        publish(out_dir, self.slug)


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

    def print_documents(self, language: str, folder: Path) -> tuple[Problem, ...]:
        return ()

    def publish(self, out_dir: Path) -> None:
        publish_portal(out_dir)
