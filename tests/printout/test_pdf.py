"""The printed documents: every example built for real, then its PDFs opened and inspected."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pikepdf
import pypdf
import pytest
from bs4 import BeautifulSoup

from conftest import EXAMPLES, REPO, run_sky, vary, write_playbook
from generator.content.national import load_content
from generator.messages.ladder_words import ladder_name
from generator.messages.print_words import Words
from generator.pipeline import Failure, build
from generator.playbook.loader import load_playbook
from generator.playbook.model import Playbook
from generator.printout.documents import CARD, DOCUMENTS, LEAFLET, PLAYBOOK, DocumentKind, file_name
from generator.printout.print_data import PrintJob, document_data
from generator.printout.print_guardians import leaflet_contacts
from generator.printout.print_stages import taking_part
from generator.printout.printing import PrintedDocument, print_document
from generator.problems import Problem, Severity
from generator.project import NATIONAL_CONTENT, Project

SOFT_HYPHEN = "\u00ad"
# A format-2 playbook that uses every fact the documents print.
KOSKELA = Path(__file__).parent / "fixtures" / "koskela.yml"
CASES = [
    (slug, language)
    for slug in EXAMPLES
    for language in load_playbook(REPO / "playbooks" / f"{slug}.yml").playbook.languages
]


@pytest.fixture(scope="module")
def built(example_sites: Path) -> Path:
    """Every example published with its PDFs, as ``sky build`` does it (built once a session)."""
    return example_sites


def _playbook(slug: str) -> Playbook:
    return load_playbook(REPO / "playbooks" / f"{slug}.yml").playbook


def _pdf_path(site: Path, slug: str, language: str, kind: DocumentKind) -> Path:
    return site / slug / language / "downloads" / file_name(kind, slug, language)


def _text(path: Path) -> list[str]:
    """The text a reader extracts, in the readings of a line end after '-' (a hyphen that was
    inserted, or a real one) and after '@', '.', '/' or '–' (a line broken there, or not). A
    hyphen inserted at a line end is U+00AD, as PDF says it should be."""
    raw = _raw_text(path).replace(f"{SOFT_HYPHEN}\n", "-\n")
    addresses_joined = re.sub(r"(?<=[@./–])\n", "", raw)
    return [
        re.sub(r"\s+", " ", text.replace("-\n", joint))
        for text in (raw, addresses_joined)
        for joint in ("", "-")
    ]


def _raw_text(path: Path) -> str:
    """The text pypdf extracts. Once a font's hyphen glyph has been inserted at a line end, its
    real hyphens get /ActualText '-' (which Poppler reads and pypdf ignores): pypdf sees U+00AD
    there, read here as the '-' it is. A U+00AD at a line end stays: an inserted hyphen."""
    raw = "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)
    return re.sub(f"{SOFT_HYPHEN}(?!\n)", "-", raw)


def _inserted_hyphens(raw: str, source: str) -> list[str]:
    """The words broken at a line end by a hyphen the source text does not have."""
    return [
        f"{before}-{after}"
        for before, hyphen, after in re.findall(f"(\\w+)([-{SOFT_HYPHEN}])\n(\\w+)", raw)
        if hyphen == SOFT_HYPHEN or f"{before}-{after}" not in source
    ]


def _contains(texts: list[str], needle: str) -> bool:
    return any(needle in text for text in texts)


def _structure_types(pdf: pikepdf.Pdf) -> list[str]:
    found: list[str] = []

    def walk(node: pikepdf.Object) -> None:
        if isinstance(node, pikepdf.Array):
            for item in node:
                walk(item)
        elif isinstance(node, pikepdf.Dictionary) and "/S" in node:
            found.append(str(node.S))
            if "/K" in node:
                walk(node.K)

    walk(pdf.Root.StructTreeRoot.K)
    return found


def _walk_elements(pdf: pikepdf.Pdf) -> Iterator[pikepdf.Dictionary]:
    stack = [pdf.Root.StructTreeRoot.K]
    while stack:
        node = stack.pop()
        if isinstance(node, pikepdf.Array):
            stack.extend(node)
        elif isinstance(node, pikepdf.Dictionary) and "/S" in node:
            yield node
            if "/K" in node:
                stack.append(node.K)


def _attribute(element: pikepdf.Dictionary, name: str) -> list[pikepdf.Object]:
    """An attribute of a structure element, whose /A is one attribute object or an array."""
    found: pikepdf.Object = element.get("/A", pikepdf.Array())
    owners: list[pikepdf.Object] = [found] if isinstance(found, pikepdf.Dictionary) else list(found)
    return [value for owner in owners for value in owner.get(name, [])]


@pytest.mark.slow
def test_every_example_has_every_document_in_each_of_its_languages(built: Path) -> None:
    for slug, language in CASES:
        names = sorted(p.name for p in (built / slug / language / "downloads").glob("*.pdf"))
        assert names == sorted(file_name(kind, slug, language) for kind in DOCUMENTS)


def test_file_names_are_meaningful_in_their_language() -> None:
    assert file_name(PLAYBOOK, "rantala", "fi") == "rantala-poissaolojen-pelisaannot-fi.pdf"
    assert file_name(PLAYBOOK, "rantala", "sv") == "rantala-spelregler-for-franvaro-sv.pdf"
    assert file_name(LEAFLET, "fjardskar", "sv") == (
        "fjardskar-information-till-vardnadshavare-sv.pdf"
    )
    assert file_name(CARD, "tervaharju", "fi") == "tervaharju-opettajan-pikaohje-fi.pdf"


@pytest.mark.slow
@pytest.mark.parametrize(("slug", "language"), CASES)
def test_pdfs_are_tagged_with_language_title_and_bookmarks(
    built: Path, slug: str, language: str
) -> None:
    name = _playbook(slug).municipality.name.get(language)
    for kind in DOCUMENTS:
        with pikepdf.open(_pdf_path(built, slug, language, kind)) as pdf:
            assert str(pdf.Root.Lang) == language
            assert bool(pdf.Root.MarkInfo.Marked)
            assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle)
            title = str(pdf.docinfo.Title)
            assert title.startswith(f"{name}: ")
            assert title.endswith(kind.titles[language][1:])
            with pdf.open_metadata() as xmp:
                assert xmp["dc:title"] == title
                assert xmp["pdfuaid:part"] == "1"
            with pdf.open_outline() as outline:
                labels = [item.title for item in outline.root]
            assert labels, kind.key
            assert all(SOFT_HYPHEN not in label for label in labels)
            types = _structure_types(pdf)
            for tag in ("/H1", "/H2", "/P", "/L", "/LI", "/Link"):
                assert tag in types, (kind.key, tag)


@pytest.mark.slow
@pytest.mark.parametrize(("slug", "language"), CASES)
def test_table_headers_are_marked_and_cells_point_at_them(
    built: Path, slug: str, language: str
) -> None:
    for kind in (PLAYBOOK, LEAFLET):
        with pikepdf.open(_pdf_path(built, slug, language, kind)) as pdf:
            elements = list(_walk_elements(pdf))
            header_ids = {str(e.ID) for e in elements if e.S == "/TH" and "/ID" in e}
            assert header_ids, kind.key
            cells = [e for e in elements if e.S == "/TD"]
            assert cells
            pointed = {str(h) for e in cells for h in _attribute(e, "/Headers")}
            assert pointed and pointed <= header_ids


@pytest.mark.slow
def test_playbook_outline_follows_the_chapters(built: Path) -> None:
    playbook = _playbook("rantala")
    pdf = pikepdf.open(_pdf_path(built, "rantala", "fi", PLAYBOOK))
    with pdf, pdf.open_outline() as outline:
        top = [item.title for item in outline.root]
        ladder = next(item for item in outline.root if item.title == "Puuttumisen portaat")
        children = [(c.title, [g.title for g in c.children]) for c in ladder.children]
    assert top == [
        "Sisällys",
        "Puuttumisen portaat",
        "Huoltajille",
        "Yhteystiedot",
        "Apua koulun ulkopuolelta",
        "Kansallinen SKY-malli",
        "Sanasto",
    ]
    # The prevention level first, then each ladder with its stages, numbered on each ladder.
    assert playbook.prevention is not None and len(playbook.ladders) > 1
    assert children[0] == ("Kaikille oppilaille", [])
    assert children[1:] == [
        (
            ladder_name(each, "fi"),
            [f"{i}. {s.title.fi}" for i, s in enumerate(playbook.stages_of(each), start=1)],
        )
        for each in playbook.ladders
    ]


@pytest.mark.slow
@pytest.mark.parametrize(("slug", "language"), CASES)
def test_text_holds_the_stages_and_contacts_in_the_right_language(
    built: Path, slug: str, language: str
) -> None:
    playbook = _playbook(slug)
    other = "sv" if language == "fi" else "fi"
    texts: dict[str, list[str]] = {
        kind.key: _text(_pdf_path(built, slug, language, kind)) for kind in DOCUMENTS
    }
    for stage in playbook.stages:
        for key in texts:
            assert _contains(texts[key], stage.title.get(language)), (key, stage.id)
            if stage.title.get(other) != stage.title.get(language):
                assert not _contains(texts[key], stage.title.get(other)), (key, stage.id)
    # The playbook has every contact; the card whom a teacher consults (not the teachers' own
    # school offices; in its shortest layouts those the stages name), the leaflet at most four.
    on_leaflet = leaflet_contacts(Words(playbook, "sv" if language == "sv" else "fi"))
    named = {role for stage in playbook.stages for role in taking_part(stage)}
    for contact in playbook.contacts:
        addresses = [a for a in (contact.phone, contact.email) if a]
        printed_in = {"playbook": addresses, "leaflet": addresses if contact in on_leaflet else []}
        # The card gives one way to reach each: the phone, else the e-mail address.
        consulted = contact.role in named - {"class_teacher", "subject_teacher"}
        printed_in["card"] = addresses[:1] if consulted else []
        for document, printed in printed_in.items():
            for address in printed:
                assert _contains(texts[document], address), (document, address)
        if contact.name and not isinstance(contact.name, str):
            assert _contains(texts["playbook"], contact.name.get(language))
    assert _contains(texts["playbook"], playbook.approval.body.get(language))
    if playbook.approval.section:
        assert _contains(texts["playbook"], playbook.approval.section)


@pytest.mark.slow
def test_national_model_and_glossary_are_summarised(built: Path) -> None:
    fi = _text(_pdf_path(built, "rantala", "fi", PLAYBOOK))
    sv = _text(_pdf_path(built, "rantala", "sv", PLAYBOOK))
    for needle in (
        "Taso 1: Ennaltaehkäisy kaikille",
        "5 % – alle 10 %",
        "yli 20 %",
        "koulukieltäytyminen",
    ):
        assert _contains(fi, needle), needle
    for needle in ("Nivå 3: Samordnat, intensivt stöd", "10–20 %", "över 20 %", "skolvägran"):
        assert _contains(sv, needle), needle


@pytest.mark.slow
@pytest.mark.parametrize(("slug", "language"), CASES)
def test_leaflet_fits_two_pages_and_card_one(built: Path, slug: str, language: str) -> None:
    assert len(pypdf.PdfReader(_pdf_path(built, slug, language, LEAFLET)).pages) <= 2
    assert len(pypdf.PdfReader(_pdf_path(built, slug, language, CARD)).pages) == 1


@pytest.mark.slow
@pytest.mark.parametrize(("slug", "language"), CASES)
def test_internal_links_resolve(built: Path, slug: str, language: str) -> None:
    for kind in DOCUMENTS:
        with pikepdf.open(_pdf_path(built, slug, language, kind)) as pdf:
            names = pikepdf.NameTree(pdf.Root.Names.Dests) if "/Names" in pdf.Root else {}
            pages = {page.obj.objgen for page in pdf.pages}
            internal = 0
            for page in pdf.pages:
                for annot in page.obj.get("/Annots", []):
                    if annot.Subtype != "/Link" or "/Dest" not in annot:
                        continue
                    internal += 1
                    dest = annot.Dest
                    if isinstance(dest, pikepdf.String):
                        dest = names[str(dest)]
                    assert dest[0].objgen in pages
            if kind is PLAYBOOK:
                assert internal > len(_playbook(slug).stages), "the contents link every stage"


@pytest.mark.slow
@pytest.mark.parametrize("slug", EXAMPLES)
def test_fonts_are_embedded_and_are_the_pinned_font(built: Path, slug: str) -> None:
    for language in _playbook(slug).languages:
        for kind in DOCUMENTS:
            with pikepdf.open(_pdf_path(built, slug, language, kind)) as pdf:
                for page in pdf.pages:
                    for font in page.Resources.Font.values():
                        descendant = font.DescendantFonts[0]
                        assert re.fullmatch(
                            r"/[A-Z]{6}\+SourceSansPro-(Regular|It|Semibold|SemiboldIt|Bold|BoldIt)",
                            str(descendant.BaseFont),
                        ), descendant.BaseFont
                        assert "/FontFile2" in descendant.FontDescriptor


@pytest.mark.slow
def test_leaflet_has_a_qr_code_to_the_guardians_page(built: Path) -> None:
    url = "https://www.rantala.example/sv/guardians/"
    path = _pdf_path(built, "rantala", "sv", LEAFLET)
    assert _contains(_text(path), url)
    with pikepdf.open(path) as pdf:
        figures = [str(e.Alt) for e in _walk_elements(pdf) if e.S == "/Figure" and "/Alt" in e]
    assert f"QR-kod som öppnar adressen {url}" in figures


@pytest.mark.slow
def test_site_links_every_pdf_of_its_language(built: Path) -> None:
    for slug, language in CASES:
        root = built / slug / language
        page = root / "downloads" / "index.html"
        soup = BeautifulSoup(page.read_text(), "html.parser")
        linked = {
            (page.parent / str(a["href"])).resolve() for a in soup.select("article a[href$='.pdf']")
        }
        assert linked == {_pdf_path(built, slug, language, kind).resolve() for kind in DOCUMENTS}
        for name, kind in (("guardians", LEAFLET), ("teachers", CARD)):
            soup = BeautifulSoup((root / name / "index.html").read_text(), "html.parser")
            hrefs = [str(a["href"]) for a in soup.select("article a[href$='.pdf']")]
            assert hrefs == [f"../downloads/{file_name(kind, slug, language)}"], name
            assert (root / name / hrefs[0]).resolve().is_file()


@pytest.mark.slow
def test_two_builds_give_byte_identical_pdfs(built: Path, tmp_path: Path) -> None:
    shutil.copytree(REPO / "playbooks", tmp_path / "playbooks")
    # Another process with another hash seed: nothing may depend on set or dict order.
    again_built = run_sky(tmp_path, "build", "fjardskar", "--jobs", "1", PYTHONHASHSEED="4242")
    assert again_built.returncode == 0, again_built.stderr
    for language in ("sv", "fi"):
        for kind in DOCUMENTS:
            first = _pdf_path(built, "fjardskar", language, kind).read_bytes()
            again = _pdf_path(tmp_path / "site", "fjardskar", language, kind).read_bytes()
            assert first == again, (language, kind.key)


@pytest.mark.slow
def test_a_card_that_cannot_fit_fails_naming_what_to_shorten(tmp_path: Path) -> None:
    # Six steps' actions, each nearly as long as a text may be (5000 characters).
    # One sentence: the card's shortest layout prints an action's first sentence.
    long_action = ", ".join(["Soittaa kotiin ja kertoo mitä koulussa on huomattu"] * 90) + "."
    step = (
        f'      - role: class_teacher\n        action: {{fi: "{long_action}", sv: Ringer hem.}}\n'
    )
    text = vary("        within_school_days: 1\n", "        within_school_days: 1\n" + step * 6)
    loaded = load_playbook(write_playbook(tmp_path, text))
    content = load_content(NATIONAL_CONTENT)
    problem = print_document(loaded, content, "fi", CARD, tmp_path / "out")
    assert isinstance(problem, Problem), problem
    assert problem.render() == (
        f"{tmp_path / 'pikkula.yml'}:24:1: stages: the fi PDF 'Opettajan pikaohje "
        "poissaoloihin' (pikkula-opettajan-pikaohje-fi.pdf) needs 6 pages even in its most "
        "compact layout, but must fit on 1; shorten the fi texts of the steps' "
        "actions, the stages' 'record' texts or the number of contacts [pdf-overflow]"
    )
    assert not (tmp_path / "out").exists()


@pytest.mark.slow
def test_overflow_fails_the_build_and_publishes_nothing(project: Path) -> None:
    # What the leaflet prints for guardians, each text nearly as long as a text may be (5000
    # characters): how to report, how to ask for leave, two stages' guardian summaries.
    long_text = " ".join(["Ilmoita poissaolosta Wilmassa ennen kahdeksaa."] * 100)
    text = KOSKELA.read_text(encoding="utf-8")
    for old in (
        "fi: Ilmoita poissaolosta Wilmassa poissaolopäivän aamuna.",
        "fi: Hae vapaata kaksi viikkoa etukäteen.",
        "fi: Opettaja ottaa sinuun yhteyttä, ja mietitte yhdessä, mikä auttaisi.",
        "fi: Terveydenhoitaja kutsuu lapsesi tapaamiseen.",
    ):
        text = vary(old, f"fi: {long_text}", text)
    write_playbook(project / "playbooks", text, "koskela")
    outcome = build(
        [project / "playbooks/koskela.yml"], Project.at(project), project / "site", jobs=1
    )
    assert outcome.failed == [Failure("playbook", "koskela")]
    errors = [p for p in outcome.problems if p.severity is Severity.ERROR]
    assert [p.code for p in errors] == ["pdf-overflow"]
    assert "'Tietoa huoltajille poissaoloista ja vapaista'" in errors[0].message
    assert "shorten the fi texts of guardians.report_absence" in errors[0].message
    assert not (project / "site" / "koskela").exists()


@pytest.mark.slow
def test_text_from_yaml_is_printed_literally_and_without_a_qr_when_there_is_no_site(
    tmp_path: Path,
) -> None:
    hostile = '"<b>Huoli</b> & {{ 7*7 }} </style> #set text(red) $x^2$ *y* _z_ @a <b> ]"'
    text = vary("title: {fi: Huoli puheeksi, ", f"title: {{fi: {hostile}, ")
    loaded = load_playbook(write_playbook(tmp_path, text))
    content = load_content(NATIONAL_CONTENT)
    printed = print_document(loaded, content, "fi", LEAFLET, tmp_path / "out")
    assert isinstance(printed, PrintedDocument), printed
    assert printed.path == tmp_path / "out" / "pikkula-tietoa-huoltajille-fi.pdf"
    texts = _text(tmp_path / "out" / "pikkula-tietoa-huoltajille-fi.pdf")
    assert _contains(
        texts, "<b>Huoli</b> & {{ 7*7 }} </style> #set text(red) $x^2$ *y* _z_ @a <b> ]"
    )
    assert not _contains(texts, "https://")  # no site address: no QR code and no address
    with pikepdf.open(tmp_path / "out" / "pikkula-tietoa-huoltajille-fi.pdf") as pdf:
        assert "/Figure" not in _structure_types(pdf)


@pytest.mark.slow
@pytest.mark.parametrize(("slug", "language"), CASES)
def test_every_document_is_clean_for_an_independent_pdf_ua_checker(
    built: Path, slug: str, language: str
) -> None:
    from pdfua import validate

    for kind in DOCUMENTS:
        findings = validate(str(_pdf_path(built, slug, language, kind))).findings
        assert [(f.severity.name, f.rule_id) for f in findings] == [], kind.key


def _source_text(slug: str, language: str, kind: DocumentKind) -> str:
    """Every string the document's data holds, one per line: what the PDF may print."""
    content = load_content(NATIONAL_CONTENT)
    job = PrintJob(kind, _playbook(slug), content, language, kind.layouts[0], None)
    strings: list[str] = []

    def collect(value: object) -> None:
        if isinstance(value, str):
            strings.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                collect(item)
        elif isinstance(value, list):
            for item in value:
                collect(item)

    collect(document_data(job))
    return "\n".join(strings)


@pytest.mark.slow
@pytest.mark.parametrize("slug", EXAMPLES)
def test_no_finnish_word_is_hyphenated(built: Path, slug: str) -> None:
    """A line may end in a hyphen only where the text has one ('SKY-|malli'): Finnish words
    are never broken by hyphenation patterns ('luoka-nohjaaja')."""
    if "fi" not in _playbook(slug).languages:
        pytest.skip("no Finnish documents")
    for kind in DOCUMENTS:
        source = _source_text(slug, "fi", kind)
        raw = _raw_text(_pdf_path(built, slug, "fi", kind))
        assert _inserted_hyphens(raw, source) == [], kind.key


@pytest.mark.slow
def test_swedish_prose_is_still_hyphenated(built: Path) -> None:
    """The check above can fail: Swedish text does get hyphens the text does not have."""
    source = _source_text("tervaharju", "sv", PLAYBOOK)
    raw = _raw_text(_pdf_path(built, "tervaharju", "sv", PLAYBOOK))
    assert _inserted_hyphens(raw, source)


@pytest.mark.slow
@pytest.mark.parametrize(("slug", "language"), CASES)
def test_a_phone_number_never_wraps(built: Path, slug: str, language: str) -> None:
    phones = {c.phone for c in _playbook(slug).contacts if c.phone}
    phones |= {s.phone for s in _playbook(slug).services if s.phone}
    assert phones
    for kind in DOCUMENTS:
        raw = _raw_text(_pdf_path(built, slug, language, kind))
        for phone in phones:
            digits = r"\s*".join(re.escape(part) for part in phone.split(" "))
            for found in re.findall(digits, raw):
                assert "\n" not in found, (kind.key, phone)
        assert any(phone in raw for phone in phones), kind.key


@pytest.mark.slow
def test_a_word_too_long_for_its_column_is_still_printed_whole(tmp_path: Path) -> None:
    """Without hyphenation a long compound cannot break: it is set smaller or, when even that
    is too wide, broken between letters, and the card still fits its page."""
    word = "Kouluterveydenhoitajaopiskeluhuoltopalveluyhteyshenkilö"
    # The principal's name, which every document prints.
    text = vary("name: Maija Esimerkki", f"name: {word}")
    loaded = load_playbook(write_playbook(tmp_path, text))
    content = load_content(NATIONAL_CONTENT)
    for kind in DOCUMENTS:
        printed = print_document(loaded, content, "fi", kind, tmp_path / "out")
        assert isinstance(printed, PrintedDocument), printed
        assert printed.page_count <= (kind.max_pages or 99)
        assert word in _raw_text(printed.path).replace("\n", ""), kind.key
