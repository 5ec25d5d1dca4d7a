"""Link descriptions are written into the PDF Typst made without breaking it: every object is
still where the cross-reference table says, and only the link annotations changed."""

from __future__ import annotations

import io
import re

import pikepdf
import pytest

from conftest import FIXTURES
from generator.content.national import load_content
from generator.playbook.loader import load_playbook
from generator.printout.documents import LEAFLET
from generator.printout.link_texts import UnexpectedPdf, describe_links
from generator.printout.pdf import render_pdf
from generator.printout.print_data import PrintJob, document_data
from generator.project import NATIONAL_CONTENT


@pytest.fixture(scope="module")
def typst_pdf() -> tuple[bytes, dict[str, str]]:
    """The version-1 fixture's leaflet as Typst writes it (no descriptions), and the
    descriptions its data holds."""
    playbook = load_playbook(FIXTURES / "pikkula.yml").playbook
    content = load_content(NATIONAL_CONTENT)
    data = document_data(PrintJob(LEAFLET, playbook, content, "fi", "regular", None))
    descriptions = data["link_texts"]
    bare = render_pdf(data | {"link_texts": {}}, None, playbook.approval.date).data
    return bare, descriptions


def _objects_where_the_table_says(pdf: bytes) -> None:
    start = int(re.findall(rb"startxref\s+(\d+)", pdf)[-1])
    assert pdf[start:].startswith(b"xref")
    entries = re.findall(rb"(\d{10}) (\d{5}) ([nf])", pdf[start : pdf.index(b"trailer", start)])
    for number, (offset, _, kind) in enumerate(entries):
        if kind == b"n":
            assert pdf[int(offset) :].startswith(f"{number} 0 obj".encode()), number


def test_descriptions_keep_every_object_where_the_table_says(
    typst_pdf: tuple[bytes, dict[str, str]],
) -> None:
    bare, descriptions = typst_pdf
    _objects_where_the_table_says(bare)
    described = describe_links(bare, descriptions)
    assert described != bare
    _objects_where_the_table_says(described)
    with pikepdf.open(io.BytesIO(described)) as pdf:
        assert pdf.check_pdf_syntax() == []
        mails = [
            str(annot.Contents)
            for page in pdf.pages
            for annot in page.obj.get("/Annots", [])
            if "/A" in annot and str(annot.A.get("/URI", "")).startswith("mailto:")
        ]
    assert mails == ["Lähetä sähköpostia: Maija Esimerkki, rehtori@pikkula.example"]


def test_without_descriptions_the_pdf_is_unchanged(typst_pdf: tuple[bytes, dict[str, str]]) -> None:
    bare, _ = typst_pdf
    assert describe_links(bare, {}) is bare
    assert describe_links(bare, {"https://elsewhere.example/": "Muualla"}) == bare


def test_a_pdf_not_laid_out_as_typst_writes_it_is_refused() -> None:
    with pytest.raises(UnexpectedPdf):
        describe_links(b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n", {"tel:+358": "Soita"})
