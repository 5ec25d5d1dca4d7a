"""A rebuild lays out again only the PDFs whose input changed: the others are the published
copies, byte for byte what a full render gives."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from conftest import VALID_PLAYBOOK, snapshot, write_playbook
from generator.pipeline import Outcome, build
from generator.printout import pdf
from generator.printout.documents import DOCUMENTS, file_name
from generator.project import Project

pytestmark = pytest.mark.slow

GLOSSARY_FI = "Vuosiluokkien 1–9 koulutus."  # a Finnish definition, printed in the Finnish PDFs


class _Renders:
    """Every layout Typst is asked for, as (language, document, layout); the real Typst runs."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.seen: list[tuple[str, str, str]] = []
        real = pdf.render_pdf

        def render_pdf(
            data: Mapping[str, Any], logo: bytes | None, date: dt.date
        ) -> pdf.RenderedPdf:
            self.seen.append((str(data["lang"]), str(data["kind"]), str(data["layout"])))
            return real(data, logo, date)

        monkeypatch.setattr("generator.printout.printing.render_pdf", render_pdf)

    def documents(self) -> set[tuple[str, str]]:
        return {(language, kind) for language, kind, _ in self.seen}


def _pdfs(site: Path) -> dict[str, bytes]:
    return {
        f"{language}/{kind.key}": (
            site / language / "downloads" / file_name(kind, "pikkula", language)
        ).read_bytes()
        for language in ("fi", "sv")
        for kind in DOCUMENTS
    }


def _build(project: Path, out: Path, jobs: int = 1, force: bool = False) -> Outcome:
    playbooks = sorted((project / "playbooks").glob("*.yml"))
    outcome = build(playbooks, Project.at(project), out, jobs=jobs, force=force, with_portal=False)
    assert outcome.ok, [problem.render() for problem in outcome.problems]
    return outcome


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path} does not contain {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_content_change_rebuilds_the_site_but_reprints_only_what_it_changed(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_playbook(project / "playbooks", VALID_PLAYBOOK)
    out = project / "site"
    first = _build(project, out, jobs=2)  # the workers' records come back to this process
    assert (first.pdfs_rendered, first.pdfs_reused) == (6, 0)
    printed = _pdfs(out / "pikkula")
    renders = _Renders(monkeypatch)

    # A national page that no PDF prints: every site is built again, no PDF is laid out.
    _edit(project / "content" / "fi" / "law.md", "\n", "\nUusi kappale laista.\n\n")
    again = _build(project, out)
    assert again.published == ["pikkula"]
    law = out / "pikkula" / "fi" / "sky" / "law" / "index.html"
    assert "Uusi kappale laista." in law.read_text(encoding="utf-8")
    assert renders.seen == []
    assert (again.pdfs_rendered, again.pdfs_reused) == (0, 6)
    assert _pdfs(out / "pikkula") == printed

    # A Finnish glossary definition, which the Finnish PDFs print: only they are laid out.
    _edit(project / "content" / "glossary.yml", GLOSSARY_FI, "Vuosiluokkien 1–9 opetus.")
    third = _build(project, out)
    assert renders.documents() == {("fi", kind.key) for kind in DOCUMENTS}
    assert (third.pdfs_rendered, third.pdfs_reused) == (3, 3)
    incremental = _pdfs(out / "pikkula")
    assert incremental["fi/playbook"] != printed["fi/playbook"]
    assert {k: v for k, v in incremental.items() if k.startswith("sv/")} == {
        k: v for k, v in printed.items() if k.startswith("sv/")
    }

    # The same inputs laid out from nothing give the same bytes.
    _build(project, project / "fresh")
    assert _pdfs(project / "fresh" / "pikkula") == incremental


def test_a_published_pdf_that_changed_is_laid_out_again_in_the_layout_that_fitted(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_playbook(project / "playbooks", VALID_PLAYBOOK)
    out = project / "site"
    _build(project, out)
    state = json.loads((out / "pikkula" / ".sky-build.json").read_text(encoding="utf-8"))
    card = file_name(DOCUMENTS[2], "pikkula", "fi")
    fitted = state["documents"]["fi"][card]["layout"]
    published_card = out / "pikkula" / "fi" / "downloads" / card
    printed = published_card.read_bytes()
    published_card.write_bytes(printed + b"%")  # edited by hand on the server
    renders = _Renders(monkeypatch)

    _edit(project / "content" / "fi" / "law.md", "\n", "\nUusi kappale laista.\n\n")
    _build(project, out)
    assert renders.seen == [("fi", "card", fitted)]  # no fitting: that layout fitted this input
    assert published_card.read_bytes() == printed

    renders.seen.clear()
    forced = _build(project, out, force=True)
    assert renders.documents() == {(lang, kind.key) for lang in ("fi", "sv") for kind in DOCUMENTS}
    assert (forced.pdfs_rendered, forced.pdfs_reused) == (6, 0)


def test_a_damaged_build_state_only_means_the_pdfs_are_laid_out_again(project: Path) -> None:
    write_playbook(project / "playbooks", VALID_PLAYBOOK)
    out = project / "site"
    _build(project, out)
    state_file = out / "pikkula" / ".sky-build.json"
    state = json.loads(state_file.read_text(encoding="utf-8"))
    state["documents"]["fi"] = {"x.pdf": {"input": 1}, "y.pdf": "z"}
    state["documents"]["sv"] = []
    state_file.write_text(json.dumps(state), encoding="utf-8")
    before = snapshot(out / "pikkula")

    _edit(project / "content" / "fi" / "law.md", "\n", "\nUusi kappale laista.\n\n")
    again = _build(project, out)
    assert (again.pdfs_rendered, again.pdfs_reused) == (6, 0)
    after = snapshot(out / "pikkula")
    assert {k: v for k, v in after.items() if k.endswith(".pdf")} == {
        k: v for k, v in before.items() if k.endswith(".pdf")
    }
