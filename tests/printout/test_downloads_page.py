"""The downloads page says what each PDF is: its size and its pages, in the page's language, true
for the files as published, whether they were laid out or copied from the published site."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest
from bs4 import BeautifulSoup

from conftest import VALID_PLAYBOOK, write_playbook
from generator.pipeline import Outcome, build
from generator.printout.documents import DOCUMENTS, PrintedFile, file_facts, file_name
from generator.project import Project

pytestmark = pytest.mark.slow


def _build(project: Path) -> Outcome:
    playbooks = sorted((project / "playbooks").glob("*.yml"))
    outcome = build(playbooks, Project.at(project), project / "site", jobs=1, with_portal=False)
    assert outcome.ok, [problem.render() for problem in outcome.problems]
    return outcome


def _download_lines(site: Path, language: str) -> list[str]:
    page = site / language / "downloads" / "index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    return [" ".join(item.get_text().split()) for item in soup.select("article li")]


def _expected(site: Path, language: str) -> list[str]:
    """Each file's line as the files on disk are: its name, size and pages."""
    lines = []
    for kind in DOCUMENTS:
        name = file_name(kind, "pikkula", language)
        path = site / language / "downloads" / name
        pages = len(pypdf.PdfReader(path).pages)
        facts = file_facts(PrintedFile(path.stat().st_size, pages), language)
        word = {"fi": "PDF-tiedosto", "sv": "PDF-fil"}[language]
        lines.append(f"{word}: {name} ({facts})")
    return lines


def test_the_sizes_and_pages_read_in_each_language() -> None:
    assert file_facts(PrintedFile(184_321, 2), "fi") == "PDF, 184 kt, 2 sivua"
    assert file_facts(PrintedFile(184_321, 2), "sv") == "PDF, 184 kB, 2 sidor"
    assert file_facts(PrintedFile(1_260_000, 13), "fi") == "PDF, 1,3 Mt, 13 sivua"
    assert file_facts(PrintedFile(1_260_000, 13), "sv") == "PDF, 1,3 MB, 13 sidor"
    assert file_facts(PrintedFile(96_400, 1), "fi") == "PDF, 96 kt, 1 sivu"
    assert file_facts(PrintedFile(96_400, 1), "sv") == "PDF, 96 kB, 1 sida"


def test_the_downloads_page_gives_each_pdfs_size_and_pages(project: Path) -> None:
    write_playbook(project / "playbooks", VALID_PLAYBOOK)
    _build(project)
    site = project / "site" / "pikkula"
    for language in ("fi", "sv"):
        lines = _download_lines(site, language)
        assert lines == _expected(site, language), language
    # The leaflet is two pages and the card one, and the page says so.
    fi = _download_lines(site, "fi")
    assert fi[1].endswith(" sivua)") and ", 2 sivua)" in fi[1]
    assert fi[2].endswith(", 1 sivu)")
    assert _download_lines(site, "sv")[2].endswith(", 1 sida)")


def test_the_page_is_true_for_pdfs_copied_from_the_published_site(project: Path) -> None:
    write_playbook(project / "playbooks", VALID_PLAYBOOK)
    _build(project)
    site = project / "site" / "pikkula"
    before = _download_lines(site, "fi")
    # A national page no PDF prints: the site is built again and every PDF is copied.
    law = project / "content" / "fi" / "law.md"
    law.write_text(law.read_text(encoding="utf-8") + "\nUusi kappale laista.\n", encoding="utf-8")
    again = _build(project)
    assert (again.pdfs_rendered, again.pdfs_reused) == (0, 6)
    assert _download_lines(site, "fi") == before == _expected(site, "fi")
