"""The documents read as their readers use them: what a screen reader is told (table header
scopes, the language of every passage, what each link does, no logo announced as a picture), the
marks of Finnish and Swedish typography, the guardians' two-page leaflet and the teachers'
one-page wall card in type no smaller than 9 pt. Every example and test playbook is printed for
real and its PDFs read back with pikepdf and pypdf."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pikepdf
import pypdf
import pytest

from conftest import EXAMPLES, FIXTURES, REPO, vary, write_playbook
from generator.content.national import NationalContent, load_content
from generator.messages.easy_read import summary
from generator.messages.print_words import Words
from generator.playbook.loader import LoadedPlaybook, load_playbook
from generator.printout.documents import CARD, DOCUMENTS, LEAFLET, PLAYBOOK, DocumentKind, file_name
from generator.printout.pdf import render_pdf
from generator.printout.print_data import PrintJob, document_data
from generator.printout.print_guardians import leaflet_contacts
from generator.printout.printing import PrintedDocument, print_document
from generator.project import NATIONAL_CONTENT

pytestmark = pytest.mark.slow

SOFT_HYPHEN = "\u00ad"
KOSKELA = Path(__file__).parent / "fixtures" / "koskela.yml"
# The shipped examples, the format-2 fixtures and a version-1 playbook.
PLAYBOOKS = {
    **{slug: REPO / "playbooks" / f"{slug}.yml" for slug in EXAMPLES},
    "koskela": KOSKELA,
    "pikkula2": FIXTURES / "pikkula2.yml",
    "pikkula1": FIXTURES / "pikkula.yml",
}


@dataclass(frozen=True)
class Printed:
    name: str  # the key in PLAYBOOKS
    loaded: LoadedPlaybook
    language: str
    kind: DocumentKind
    path: Path
    layout: str


@pytest.fixture(scope="module")
def content() -> NationalContent:
    return load_content(NATIONAL_CONTENT)


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory, content: NationalContent) -> list[Printed]:
    """Every document of every playbook above in each of its languages."""
    found = []
    for name, path in PLAYBOOKS.items():
        loaded = load_playbook(_as_its_slug(path, tmp_path_factory))
        out = tmp_path_factory.mktemp(name)
        for language in loaded.playbook.languages:
            for kind in DOCUMENTS:
                document = print_document(loaded, content, language, kind, out)
                assert isinstance(document, PrintedDocument), (name, document)
                found.append(Printed(name, loaded, language, kind, document.path, document.layout))
    return found


def _as_its_slug(path: Path, tmp: pytest.TempPathFactory) -> Path:
    """A fixture whose file name is not its slug (pikkula2.yml), copied under its slug."""
    loaded_slug = re.search(r"^  slug: (\S+)$", path.read_text(encoding="utf-8"), re.M)
    assert loaded_slug is not None
    if path.stem == loaded_slug.group(1):
        return path
    return write_playbook(tmp.mktemp("renamed"), path.read_text(encoding="utf-8"), path.stem[:-1])


def _of(printed: list[Printed], kind: DocumentKind) -> list[Printed]:
    return [p for p in printed if p.kind is kind]


def _one(printed: list[Printed], name: str, language: str, kind: DocumentKind) -> Printed:
    (found,) = [p for p in printed if (p.name, p.language, p.kind) == (name, language, kind)]
    return found


# ---------- reading the PDFs ----------


def _elements(pdf: pikepdf.Pdf) -> Iterator[pikepdf.Dictionary]:
    stack = [pdf.Root.StructTreeRoot.K]
    while stack:
        node = stack.pop()
        if isinstance(node, pikepdf.Array):
            stack.extend(node)
        elif isinstance(node, pikepdf.Dictionary) and "/S" in node:
            yield node
            if "/K" in node:
                stack.append(node.K)


def _attributes(element: pikepdf.Dictionary) -> list[pikepdf.Object]:
    """A structure element's attribute objects (its /A is one or an array of them)."""
    found: pikepdf.Object = element.get("/A", pikepdf.Array())
    return [found] if isinstance(found, pikepdf.Dictionary) else list(found)


def _links(path: Path) -> list[tuple[str, str]]:
    """Every link annotation as (where it goes, its /Contents)."""
    with pikepdf.open(path) as pdf:
        return [
            (
                str(annot.A.URI) if "/A" in annot and "/URI" in annot.A else "(in the document)",
                str(annot.get("/Contents", "")),
            )
            for page in pdf.pages
            for annot in page.obj.get("/Annots", [])
            if annot.Subtype == "/Link"
        ]


def _text_by_language(path: Path) -> list[tuple[str, str]]:
    """Each run of text with the language a screen reader reads it in: the /Lang of its marked
    content, else the /Lang its structure element has or inherits, else the document's."""
    with pikepdf.open(path) as pdf:
        document = str(pdf.Root.Lang)
        pages = {page.obj.objgen: index for index, page in enumerate(pdf.pages)}
        of_content: dict[tuple[int, int], str] = {}  # (page, marked content id) → language

        def walk(node: object, lang: str, page: int | None) -> None:
            if isinstance(node, pikepdf.Array):
                for item in node:
                    walk(item, lang, page)
            elif isinstance(node, int) and page is not None:
                of_content[page, node] = lang
            elif isinstance(node, pikepdf.Dictionary) and node.get("/Type") == "/MCR":
                of_content[pages[node.Pg.objgen], int(node.MCID)] = lang
            elif isinstance(node, pikepdf.Dictionary) and "/S" in node:
                lang = str(node.Lang) if "/Lang" in node else lang
                page = pages[node.Pg.objgen] if "/Pg" in node else page
                if "/K" in node:
                    walk(node.K, lang, page)

        walk(pdf.Root.StructTreeRoot.K, document, None)
    runs: list[tuple[str, str]] = []
    for index, page in enumerate(pypdf.PdfReader(path).pages):
        on_page = {mcid: lang for (at, mcid), lang in of_content.items() if at == index}
        runs += _page_languages(page, on_page.get)
    return runs


def _page_languages(
    page: pypdf.PageObject, structure: Callable[[int], str | None]
) -> list[tuple[str, str]]:
    runs: list[tuple[str, str]] = []
    open_marks: list[str | None] = []  # the language each open marked content gives

    def before(operator: bytes, args: list[object], *_: object) -> None:
        if operator == b"BDC":
            properties = args[1] if len(args) > 1 else None
            if not isinstance(properties, dict):
                open_marks.append(None)
            elif "/Lang" in properties:
                open_marks.append(_pdf_string(properties["/Lang"]))
            else:
                mcid = properties.get("/MCID")
                open_marks.append(None if mcid is None else structure(int(mcid)))
        elif operator == b"BMC":
            open_marks.append(None)
        elif operator == b"EMC" and open_marks:
            open_marks.pop()

    def text(value: str, *_: object) -> None:
        declared = [lang for lang in open_marks if lang]
        if value.strip() and declared:
            runs.append((declared[-1], value))

    page.extract_text(visitor_operand_before=before, visitor_text=text)
    return runs


def _pdf_string(value: object) -> str:
    raw = getattr(value, "original_bytes", None)
    return raw.decode("latin-1") if isinstance(raw, bytes) else str(value)


def _font_sizes(path: Path) -> list[tuple[float, str]]:
    """The size every run of text is shown in, in points: the font size times the vertical
    scale of the text matrix and the graphics matrix that place it."""
    return [run for page in pypdf.PdfReader(path).pages for run in _page_sizes(page)]


def _page_sizes(page: pypdf.PageObject) -> list[tuple[float, str]]:
    sizes: list[tuple[float, str]] = []

    def visit(value: str, cm: list[float], tm: list[float], _font: object, size: float) -> None:
        if value.strip():
            c = tm[2] * cm[0] + tm[3] * cm[2]
            d = tm[2] * cm[1] + tm[3] * cm[3]
            sizes.append((round(size * math.hypot(c, d), 2), value))

    page.extract_text(visitor_text=visit)
    return sizes


def _raw(path: Path, pages: slice = slice(None)) -> str:
    reader = pypdf.PdfReader(path)
    raw = "\n".join(page.extract_text() for page in reader.pages[pages])
    return re.sub(f"{SOFT_HYPHEN}(?!\n)", "-", raw)


def _flat(path: Path, pages: slice = slice(None)) -> str:
    raw = _raw(path, pages).replace(f"{SOFT_HYPHEN}\n", "").replace("-\n", "-")
    return re.sub(r"\s+", " ", raw)


# ---------- what a screen reader is told ----------


def test_every_table_header_cell_says_it_heads_its_column(printed: list[Printed]) -> None:
    checked = 0
    for document in printed:
        with pikepdf.open(document.path) as pdf:
            for element in _elements(pdf):
                if element.S != "/TH":
                    continue
                scopes = [str(a.Scope) for a in _attributes(element) if "/Scope" in a]
                assert scopes == ["/Column"], (document.path.name, scopes)
                checked += 1
    assert checked > 100


def test_glossary_terms_in_another_language_carry_their_own_language(
    printed: list[Printed], content: NationalContent
) -> None:
    """Each glossary entry gives the term in the other language and in English: those passages
    are marked with their language (/Lang on their marked content), the entry's own term is
    not."""
    for language, other in (("fi", "sv"), ("sv", "fi")):
        runs = _text_by_language(_one(printed, "rantala", language, PLAYBOOK).path)

        def joined(langs: tuple[str, ...], runs: list[tuple[str, str]] = runs) -> str:
            text = " ".join(value for found, value in runs if found in langs)
            return re.sub(
                r"\s+", " ", text.replace(f"{SOFT_HYPHEN} ", "").replace(SOFT_HYPHEN, "-")
            )

        in_other, in_english, in_own = joined((other,)), joined(("en",)), joined((language,))
        for term in content.glossary.terms:
            assert term.text(other).term in in_other, term.text(other).term
            assert term.en in in_english, term.en
            assert term.text(language).term in in_own, term.text(language).term


def test_a_school_name_in_the_other_language_is_read_in_it(printed: list[Printed]) -> None:
    """Strandby skola is a Swedish name in Rantala's Finnish leaflet, Selkäluodon koulu a
    Finnish one in Fjärdskär's Swedish leaflet; a translated name is in the document's."""
    for name, language, school, its in (
        ("rantala", "fi", "Strandby skola", "sv"),
        ("fjardskar", "sv", "Selkäluodon koulu", "fi"),
        ("rantala", "fi", "Kirkonkylän koulu", "fi"),
        ("koskela", "sv", "Forsskolan", "sv"),
    ):
        runs = _text_by_language(_one(printed, name, language, LEAFLET).path)
        found = {lang for lang, text in runs if text.strip() == school}
        assert found == {its}, (name, school, found)


def test_every_link_says_what_it_does_not_only_its_address(printed: list[Printed]) -> None:
    for document in printed:
        links = _links(document.path)
        assert links, document.path.name
        for target, contents in links:
            assert contents, (document.path.name, target)
            if target.startswith(("https:", "tel:", "mailto:")):
                assert contents != target and target not in contents, (document.path, contents)
            # A link within the document names its place, not Typst's "Section, page 3".
            assert not contents.startswith(("Osio,", "Avsnitt,", "Section,")), contents


def test_the_contents_links_name_their_chapters_and_stages(printed: list[Printed]) -> None:
    links = [text for _, text in _links(_one(printed, "rantala", "fi", PLAYBOOK).path)]
    assert any(re.fullmatch(r"Puuttumisen portaat, sivu \d+", text) for text in links)
    assert any(re.fullmatch(r"1\. Huoli puheeksi, sivu \d+", text) for text in links)
    assert any(re.fullmatch(r"Sanasto, sivu \d+", text) for text in links)
    links_sv = [text for _, text in _links(_one(printed, "rantala", "sv", PLAYBOOK).path)]
    assert any(re.fullmatch(r"1\. Ta upp oron, sida \d+", text) for text in links_sv)


def test_a_school_office_phone_link_says_whom_it_calls(printed: list[Printed]) -> None:
    leaflet_fi = _one(printed, "koskela", "fi", LEAFLET)
    leaflet_sv = _one(printed, "koskela", "sv", LEAFLET)
    assert ("tel:+35861234567", "Soita koulun kansliaan, +358 6 123 4567 (Koskikoulu)") in _links(
        leaflet_fi.path
    )
    assert ("tel:+35861234567", "Ring skolans kansli, +358 6 123 4567 (Forsskolan)") in _links(
        leaflet_sv.path
    )
    rantala = _links(_one(printed, "rantala", "fi", LEAFLET).path)
    office = "Soita koulun kansliaan, +358 40 718 2201 (Kirkonkylän koulu)"
    assert ("tel:+358407182201", office) in rantala
    form = dict(_links(_one(printed, "koskela", "fi", PLAYBOOK).path))
    assert "Lomake verkossa: Loma-anomus" in form.values()
    assert any(text.endswith(" Finlexissä") for text in form.values())


def test_the_logo_is_decoration_not_a_figure(content: NationalContent, tmp_path: Path) -> None:
    """The logo stands beside the municipality's name: a screen reader skips it. With or
    without it a document has the same structure; only the drawing differs."""
    loaded = load_playbook(REPO / "playbooks" / "rantala.yml")
    playbook = loaded.playbook
    assert playbook.municipality.logo
    logo = loaded.folder / playbook.municipality.logo
    for kind in DOCUMENTS:
        job = PrintJob(kind, playbook, content, "fi", kind.layouts[-1], logo)
        with_logo = render_pdf(document_data(job), logo.read_bytes(), playbook.approval.date)
        bare = PrintJob(kind, playbook, content, "fi", kind.layouts[-1], None)
        without = render_pdf(document_data(bare), None, playbook.approval.date)
        (tmp_path / "with.pdf").write_bytes(with_logo.data)
        (tmp_path / "without.pdf").write_bytes(without.data)
        with pikepdf.open(tmp_path / "with.pdf") as a, pikepdf.open(tmp_path / "without.pdf") as b:
            assert [str(e.S) for e in _elements(a)] == [str(e.S) for e in _elements(b)], kind.key
            figures = [str(e.Alt) for e in _elements(a) if e.S == "/Figure"]
            assert all(alt.startswith("QR-koodi") for alt in figures), figures
            assert len(a.pages[0].Contents.read_bytes()) > len(b.pages[0].Contents.read_bytes())


def test_quotation_marks_are_finnish_and_swedish(content: NationalContent, tmp_path: Path) -> None:
    text = vary(
        "title: {fi: Huoli puheeksi, ",
        "title: {fi: 'Huoli \"puheeksi\" ja \u2018heti\u2019 \u201cnyt\u201d', ",
    )
    loaded = load_playbook(write_playbook(tmp_path, text))
    for kind in DOCUMENTS:
        document = print_document(loaded, content, "fi", kind, tmp_path / "out")
        assert isinstance(document, PrintedDocument), document
        flat = _flat(document.path)
        assert "Huoli \u201dpuheeksi\u201d ja \u2019heti\u2019 \u201dnyt\u201d" in flat, kind.key
        assert not re.search('["\u201c\u201e\u2018]', flat), kind.key


def test_the_contents_share_their_page_with_the_ladder(printed: list[Printed]) -> None:
    """The contents do not stand alone on a mostly empty page: the ladder chapter starts under
    them (its name is there twice, as an entry and as the heading)."""
    for document in _of(printed, PLAYBOOK):
        contents, ladder = {
            "fi": ("Sisällys", "Puuttumisen portaat"),
            "sv": ("Innehåll", "Frånvarotrappan"),
        }[document.language]
        second_page = _flat(document.path, slice(1, 2))
        assert contents in second_page, document.path.name
        assert second_page.count(ladder) == 2, document.path.name


def test_names_in_narrow_columns_are_never_hyphenated(printed: list[Printed]) -> None:
    """Swedish prose is hyphenated, but a name in the contacts' and schools' narrow columns
    never is: each is found whole, broken only where it has a space or a dash."""
    for document in _of(printed, PLAYBOOK):
        if document.language != "sv":
            continue
        playbook, words = document.loaded.playbook, Words(document.loaded.playbook, "sv")
        names = [words.local(c.name) for c in playbook.contacts if c.name]
        names += [words.local(s.name) for s in playbook.schools]
        names += [words.role(c.role) for c in playbook.contacts]
        raw = _raw(document.path)
        for name in names:
            # Broken at a space, or after a dash as in "7–9", never inside a word.
            whole = r"\s+".join(re.escape(part) for part in name.split()).replace("–", "–\n?")
            assert re.search(whole, raw), (document.path.name, name)


# ---------- the guardians' leaflet ----------


def test_every_leaflet_has_two_pages(printed: list[Printed]) -> None:
    for document in _of(printed, LEAFLET):
        assert len(pypdf.PdfReader(document.path).pages) == 2, document.path.name


def test_the_leaflet_starts_with_the_easy_to_read_summary_and_the_office_phones(
    printed: list[Printed],
) -> None:
    heading = {"fi": "Selkokielellä", "sv": "På lättläst svenska"}
    for document in _of(printed, LEAFLET):
        playbook = document.loaded.playbook
        first_page = _flat(document.path, slice(0, 1))
        sentences = summary(playbook, document.language)
        assert sentences
        assert first_page.index(heading[document.language]) < first_page.index(sentences[0])
        for sentence in sentences:
            assert sentence in first_page, (document.path.name, sentence)
        for school in playbook.schools:
            if school.office_phone:
                assert school.office_phone in first_page, (document.path.name, school.id)


def test_the_leaflet_gives_at_most_four_contacts(printed: list[Printed]) -> None:
    for document in _of(printed, LEAFLET):
        playbook = document.loaded.playbook
        chosen = leaflet_contacts(Words(playbook, document.language))  # type: ignore[arg-type]
        assert len(chosen) <= 4
        text = _flat(document.path)
        offices = {s.office_phone for s in playbook.schools} | {s.phone for s in playbook.services}
        for contact in playbook.contacts:
            if contact.phone and contact.phone not in offices:
                assert (contact.phone in text) == (contact in chosen), (
                    document.path.name,
                    contact.phone,
                )


def test_the_rantala_leaflet_names_the_welfare_staff_and_where_the_rest_are(
    printed: list[Printed],
) -> None:
    text = _flat(_one(printed, "rantala", "fi", LEAFLET).path)
    assert "Kuraattorit, suomenkieliset koulut" in text
    assert "Terveydenhoitajat, suomenkieliset koulut" in text
    assert "+358 40 718 2200" not in text  # a principal: on the contacts page
    assert "Muut yhteystiedot ovat pelisääntöjen verkkosivulla Yhteystiedot." in text


def test_web_addresses_break_only_after_a_slash(printed: list[Printed]) -> None:
    for document in printed:
        playbook, language = document.loaded.playbook, document.language
        addresses = [f.url_in(language) for f in playbook.forms] + [
            s.url for s in playbook.services if s.url
        ]
        if playbook.municipality.site_url:  # the leaflet's address of the guardians' page
            addresses.append(f"{playbook.municipality.site_url.rstrip('/')}/{language}/guardians/")
        raw = _raw(document.path)
        for address in addresses:
            if address.replace("/", "") not in re.sub(r"\s|/", "", raw):
                continue  # not printed in this document
            # The address, with a line break allowed after a '/' only.
            pattern = "".join(re.escape(char) + ("\n?" if char == "/" else "") for char in address)
            assert re.search(pattern, raw), (document.path.name, address)


# ---------- the teachers' card ----------


def test_every_card_is_one_page_in_type_of_at_least_9_pt(printed: list[Printed]) -> None:
    for document in _of(printed, CARD):
        assert len(pypdf.PdfReader(document.path).pages) == 1, document.path.name
        sizes = _font_sizes(document.path)
        assert sizes
        assert [(size, text) for size, text in sizes if size < 9] == [], document.path.name


def test_the_size_check_can_fail(printed: list[Printed]) -> None:
    """The leaflet's header, for one, is in 8 pt: the check above would see it."""
    sizes = _font_sizes(_one(printed, "koskela", "fi", LEAFLET).path)
    assert min(size for size, _ in sizes) < 9


def test_a_long_card_says_less_instead_of_shrinking(
    printed: list[Printed], content: NationalContent
) -> None:
    card = _one(printed, "rantala", "fi", CARD)
    assert "cut" in card.layout.split(), card.layout
    text = _flat(card.path)
    assert (
        "Tällä kortilla toimet on lyhennetty. Koko ohje on pelisääntöjen PDF-tiedostossa "
        f"{file_name(PLAYBOOK, 'rantala', 'fi')}." in text
    )
    # Each step of several sentences is printed as its first, marked as cut.
    data = document_data(PrintJob(CARD, card.loaded.playbook, content, "fi", card.layout, None))
    steps = [
        step for ladder in data["ladders"] for stage in ladder["stages"] for step in stage["steps"]
    ]
    cut = [step["action_short"] for step in steps if step["action_short"] != step["action"]]
    assert cut
    for short in cut:
        assert short.endswith(" …") and short in text, short
    roomy = _one(printed, "koskela", "sv", CARD)
    assert roomy.layout == "regular"
    assert (
        "Blanketterna, den rättsliga grunden och närmare anvisningar finns i spelreglernas "
        f"PDF-fil {file_name(PLAYBOOK, 'koskela', 'sv')}." in _flat(roomy.path)
    )


def test_the_card_is_a_grid_of_threshold_what_who_and_by_when(printed: list[Printed]) -> None:
    for document in _of(printed, CARD):
        with pikepdf.open(document.path) as pdf:
            tables = [e for e in _elements(pdf) if e.S == "/Table"]
        assert len(tables) == len(document.loaded.playbook.ladders), document.path.name
        headers = {"fi": "Raja Mitä tehdään Kuka Mihin mennessä", "sv": "Gräns Vad görs Vem Senast"}
        assert _flat(document.path).count(headers[document.language]) == len(tables)
