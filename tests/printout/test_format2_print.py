"""The three documents from a format-2 playbook that uses every fact they print
(``fixtures/koskela.yml``), printed for real in Finnish and Swedish, then read back as a reader's
PDF software extracts them: exact texts, the outline, links, and that the guardians' leaflet
never prints an instruction written for staff. A version-1 playbook still prints."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pikepdf
import pypdf
import pytest

from conftest import FIXTURES, write_playbook
from generator.content.national import NationalContent, load_content
from generator.playbook.loader import LoadedPlaybook, load_playbook
from generator.printout.documents import DOCUMENTS, LEAFLET, PLAYBOOK, DocumentKind
from generator.printout.print_data import PrintJob, document_data
from generator.printout.printing import PrintedDocument, print_document
from generator.project import NATIONAL_CONTENT

pytestmark = pytest.mark.slow

KOSKELA = Path(__file__).parent / "fixtures" / "koskela.yml"
KOSKELA_TEXT = KOSKELA.read_text(encoding="utf-8")
SOFT_HYPHEN = "\u00ad"
# Every staff instruction of the fixture (actions, descriptions, records) carries this word.
STAFF_MARK = {"fi": "HENKILÖSTÖ", "sv": "PERSONAL"}
LOMA_ANOMUS = {
    "fi": "https://www.koskela.example/palvelut/kasvatus-ja-opetus/perusopetus/lomakkeet/"
    "loma-anomus-perusopetuksen-oppilaalle-2026.pdf",
    "sv": "https://www.koskela.example/sv/tjanster/fostran-och-utbildning/grundlaggande-"
    "utbildning/blanketter/anhallan-om-ledighet-for-elev-2026.pdf",
}


@pytest.fixture(scope="module")
def content() -> NationalContent:
    return load_content(NATIONAL_CONTENT)


@pytest.fixture(scope="module")
def koskela(
    tmp_path_factory: pytest.TempPathFactory, content: NationalContent
) -> dict[tuple[str, str], PrintedDocument]:
    """Every document of the fixture in both languages, by (language, document key)."""
    out = tmp_path_factory.mktemp("koskela")
    loaded = load_playbook(KOSKELA)
    return {
        (language, kind.key): _printed(loaded, content, language, kind, out)
        for language in ("fi", "sv")
        for kind in DOCUMENTS
    }


def _printed(
    loaded: LoadedPlaybook, content: NationalContent, language: str, kind: DocumentKind, out: Path
) -> PrintedDocument:
    printed = print_document(loaded, content, language, kind, out)
    assert isinstance(printed, PrintedDocument), printed
    return printed


def _raw(path: Path, pages: slice = slice(None)) -> str:
    """The text pypdf extracts; a U+00AD inside a line is a real hyphen pypdf misreads."""
    reader = pypdf.PdfReader(path)
    raw = "\n".join(page.extract_text() for page in reader.pages[pages])
    return re.sub(f"{SOFT_HYPHEN}(?!\n)", "-", raw)


def _text(path: Path, pages: slice = slice(None)) -> str:
    """The text as one line: words broken by hyphenation joined, other line ends a space."""
    raw = _raw(path, pages).replace(f"{SOFT_HYPHEN}\n", "").replace("-\n", "-")
    return re.sub(r"\s+", " ", raw)


def _outline(path: Path) -> list[tuple[str, list[tuple[str, list[str]]]]]:
    """Each bookmark with its children and grandchildren's titles."""
    with pikepdf.open(path) as pdf, pdf.open_outline() as outline:
        return [
            (
                top.title,
                [
                    (child.title, [grand.title for grand in child.children])
                    for child in top.children
                ],
            )
            for top in outline.root
        ]


def _uris(path: Path) -> list[str]:
    with pikepdf.open(path) as pdf:
        return [
            str(annot.A.URI)
            for page in pdf.pages
            for annot in page.obj.get("/Annots", [])
            if annot.Subtype == "/Link" and "/A" in annot and "/URI" in annot.A
        ]


def _missing(text: str, needles: list[str]) -> list[str]:
    return [needle for needle in needles if needle not in text]


THRESHOLDS = {
    "fi": [
        "10–15 tuntia lukukaudessa tai varoitusmerkit",
        "yli 30 tuntia lukukaudessa tai yli 10 % kouluajasta viimeisten 12 kouluviikon aikana",
        "vuosiluokat 1–6: 50 tuntia; vuosiluokat 7–9: yli 60 tuntia lukukaudessa",
        "yli 5 kertaa lukukaudessa tai varoitusmerkit",
    ],
    "sv": [
        "10–15 timmar per termin eller varningstecken",
        "över 30 timmar per termin eller över 10 % av skoltiden under de senaste 12 skolveckorna",
        "årskurs 1–6: 50 timmar; årskurs 7–9: över 60 timmar per termin",
        "över 5 gånger per termin eller varningstecken",
    ],
}


@pytest.mark.parametrize("language", ["fi", "sv"])
@pytest.mark.parametrize("kind", DOCUMENTS, ids=lambda kind: kind.key)
def test_every_threshold_reads_with_its_window_in_every_document(
    koskela: dict[tuple[str, str], PrintedDocument], language: str, kind: DocumentKind
) -> None:
    text = _text(koskela[language, kind.key].path)
    assert _missing(text, THRESHOLDS[language]) == []


PLAYBOOK_FACTS = {
    "fi": [
        "Lisäksi hyväksynyt: Ruotsinkielinen jaosto, 27.5.2026, § 7",
        "Yhteinen malli: Koskiseudun yhteinen malli. Laadittu seudun kolmen kunnan yhteistyönä.",
        "Kaikille oppilaille Jokainen oppilas tervehditään aamulla nimeltä. Kuka toimii "
        "Toimenpide Määräaika Luokanopettaja tai luokanohjaaja HENKILÖSTÖ seuraa läsnäoloa "
        "joka päivä. –",
        "Mukaan lasketaan kaikki poissaolot, myös myönnetyt vapaat. 100 tuntia vastaa 10 % "
        "kouluajasta.",
        "Raja: 10–15 tuntia lukukaudessa tai varoitusmerkit (porras voi alkaa välin sisällä henkilöstön "
        "harkinnan mukaan) SKY-taso: Taso 1 Vastuuhenkilö: Luokanopettaja tai luokanohjaaja "
        "Varoitusmerkit: yksikin huolestuttava poissaolo, poissaoloja samana viikonpäivänä tai "
        "samalta oppitunnilta HENKILÖSTÖ huomaa huolen ajoissa.",
        "Luokanopettaja tai luokanohjaaja HENKILÖSTÖ soittaa huoltajalle. 2 koulupäivän kuluessa",
        "Luokanopettaja tai luokanohjaaja tai kuraattori Jos oppilas haluaa: HENKILÖSTÖ "
        "keskustelee oppilaan kanssa. ennen seuraavaa porrasta",
        # No tier is given for this stage: none is printed.
        "Raja: yli 30 tuntia lukukaudessa tai yli 10 % kouluajasta viimeisten 12 kouluviikon "
        "aikana Vastuuhenkilö: Rehtori Kuka toimii",
        "Terveydenhoitaja Jos syy liittyy terveyteen: HENKILÖSTÖ tarkistaa terveydentilan. "
        "• Poissaolokysely https://www.koskela.example/lomakkeet/poissaolokysely "
        "Säädösperusta: Oppilas- ja opiskelijahuoltolaki (1287/2013) 16 § sovitun "
        "seurantajakson jälkeen",
        "Koulu HENKILÖSTÖ laatii tukisuunnitelman. samana päivänä",
        "Järjestelmän automaattiset viestit: • Wilma lähettää viestin (saajat: huoltaja, "
        "luokanopettaja tai luokanohjaaja) Poissaoloja on kertynyt yli 30 tuntia.",
        "Lomakkeet: • Poissaolokysely https://www.koskela.example/lomakkeet/poissaolokysely "
        "Säädösperusta: Perusopetuslaki (628/1998) 26 §",
        "Keneltä kysytään neuvoa: Maija Esimerkki rehtori@koskela.example; Terveydenhoitajat "
        "+358 40 111 2222",
        "Rehtori HENKILÖSTÖ kutsuu koolle asiantuntijaryhmän. Säädösperusta: Oppilas- ja "
        "opiskelijahuoltolaki (1287/2013) 19 § viimeistään portaan rajalla",
        "Säädösperusta: Lastensuojelulaki (417/2007) 25 § Mitä kirjataan: HENKILÖSTÖ kirjaa "
        "muistion Wilmaan.",
    ],
    "sv": [
        "Godkänt också av: Svenska sektionen, 27.5.2026, § 7",
        "Gemensam modell: Forsregionens gemensamma modell. Utarbetad av regionens tre kommuner "
        "tillsammans.",
        "För alla elever Varje elev hälsas med namn på morgonen.",
        "All frånvaro räknas med, också beviljad ledighet. 100 timmar motsvarar 10 % av skoltiden.",
        "Gräns: 10–15 timmar per termin eller varningstecken (steget kan börja inom intervallet "
        "enligt personalens bedömning) SKY-nivå: Nivå 1 Ansvarsperson: Klasslärare eller "
        "klassföreståndare Varningstecken: en enda oroväckande frånvaro, frånvaro på samma "
        "veckodag eller från samma lektion",
        "Klasslärare eller klassföreståndare eller kurator Om eleven vill: PERSONAL samtalar "
        "med eleven. före nästa steg",
        "Hälsovårdare Om orsaken gäller hälsan: PERSONAL kontrollerar hälsotillståndet. "
        "• Frånvaroenkät https://www.koskela.example/lomakkeet/poissaolokysely",
        "efter den överenskomna uppföljningstiden",
        "Rättslig grund: Lagen om elev- och studerandevård (1287/2013) 16 §",
        "Skolan PERSONAL gör upp en stödplan. samma dag",
        "Systemets automatiska meddelanden: • Wilma skickar ett meddelande (mottagare: "
        "vårdnadshavare, klasslärare eller klassföreståndare) Frånvaron har gått över 30 timmar.",
        "Rättslig grund: Lagen om grundläggande utbildning (628/1998) 26 §",
        "senast vid stegets gräns",
        "Rättslig grund: Barnskyddslagen (417/2007) 25 § Vad som dokumenteras: PERSONAL "
        "antecknar en promemoria i Wilma.",
    ],
}


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_the_staff_playbook_prints_every_fact_of_every_stage(
    koskela: dict[tuple[str, str], PrintedDocument], language: str
) -> None:
    text = _text(koskela[language, "playbook"].path)
    assert _missing(text, PLAYBOOK_FACTS[language]) == []


def test_stages_follow_the_prevention_level_grouped_by_ladder(
    koskela: dict[tuple[str, str], PrintedDocument],
) -> None:
    ladders = [
        ("Kaikille oppilaille", []),
        ("Kaikki poissaolot", ["1. Huoli puheeksi", "2. Tukitoimet", "3. Monialainen verkosto"]),
        ("Myöhästymiset", ["1. Toistuvat myöhästymiset"]),
    ]
    playbook = dict(_outline(koskela["fi", "playbook"].path))
    assert playbook["Puuttumisen portaat"] == ladders
    leaflet = dict(_outline(koskela["fi", "leaflet"].path))
    assert leaflet["Mitä koulu tekee, jos poissaoloja kertyy"] == ladders
    swedish = dict(_outline(koskela["sv", "playbook"].path))
    assert [title for title, _ in swedish["Frånvarotrappan"]] == [
        "För alla elever",
        "All frånvaro",
        "Förseningar",
    ]


def test_the_legal_basis_is_cited_with_its_finlex_address_in_the_staff_playbook_only(
    koskela: dict[tuple[str, str], PrintedDocument],
) -> None:
    for language, act in (("fi", "lainsaadanto/1998/628"), ("sv", "lagstiftning/1998/628")):
        assert f"https://www.finlex.fi/{language}/{act}" in _uris(
            koskela[language, "playbook"].path
        )
        for key in ("leaflet", "card"):
            path = koskela[language, key].path
            assert "628/1998" not in _text(path), (language, key)
            assert not [uri for uri in _uris(path) if "finlex" in uri], (language, key)


@pytest.mark.parametrize("language", ["fi", "sv"])
@pytest.mark.parametrize("key", ["playbook", "leaflet"])
def test_a_form_is_printed_with_its_address_broken_only_after_a_slash(
    koskela: dict[tuple[str, str], PrintedDocument], language: str, key: str
) -> None:
    path = koskela[language, key].path
    url = LOMA_ANOMUS[language]
    found = re.search("\n?".join(map(re.escape, url)), _raw(path))
    assert found is not None, "the address is printed whole"
    printed = found.group()
    breaks = [index for index, char in enumerate(printed) if char == "\n"]
    assert breaks, "the address is longer than a line: it must break somewhere"
    assert [printed[index - 1] for index in breaks] == ["/"] * len(breaks)
    assert url in _uris(path), "the name and the address link to the form"


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_the_leaflet_never_prints_an_instruction_for_staff(
    koskela: dict[tuple[str, str], PrintedDocument], content: NationalContent, language: str
) -> None:
    loaded = load_playbook(KOSKELA)
    staff_texts = [
        text.get(language)
        for stage in loaded.playbook.stages
        for text in (stage.description, stage.record, *(step.action for step in stage.steps))
        if text is not None
    ]
    assert loaded.playbook.prevention is not None
    staff_texts += [step.action.get(language) for step in loaded.playbook.prevention.steps]
    leaflet = _text(koskela[language, "leaflet"].path)
    playbook = _text(koskela[language, "playbook"].path)
    assert STAFF_MARK[language] not in leaflet
    assert [text for text in staff_texts if text in leaflet] == []
    # The check can fail: the staff's documents print every one of those texts.
    assert _missing(playbook, staff_texts) == []
    assert STAFF_MARK[language] in _text(koskela[language, "card"].path)
    # Not even the leaflet's data holds them, so no layout can print one.
    job = PrintJob(LEAFLET, loaded.playbook, content, language, LEAFLET.layouts[0], None)
    assert STAFF_MARK[language] not in json.dumps(document_data(job), ensure_ascii=False)


LEAFLET_STAGES = {
    "fi": [
        "Kaikille oppilaille Jokainen oppilas tervehditään aamulla nimeltä. • Opettaja kertoo "
        "sinulle myös hyvistä uutisista.",
        "Kaikki poissaolot Mukaan lasketaan kaikki poissaolot, myös myönnetyt vapaat.",
        "1. Huoli puheeksi 10–15 tuntia lukukaudessa tai varoitusmerkit (porras voi alkaa välin sisällä "
        "henkilöstön harkinnan mukaan) Varoitusmerkit: yksikin huolestuttava poissaolo, "
        "poissaoloja samana viikonpäivänä tai samalta oppitunnilta Opettaja ottaa sinuun "
        "yhteyttä, ja mietitte yhdessä, mikä auttaisi. 2. Tukitoimet",
        "viimeisten 12 kouluviikon aikana • Terveydenhoitaja kutsuu lapsesi tapaamiseen. "
        "• Koulu tekee kanssasi suunnitelman. Wilma lähettää sinulle viestin: Poissaoloja on "
        "kertynyt yli 30 tuntia.",
        "vuosiluokat 7–9: yli 60 tuntia lukukaudessa Mukana: rehtori, kuraattori.",
        "Varoitusmerkit: toistuvat myöhästymiset Mukana: luokanopettaja tai luokanohjaaja.",
    ],
    "sv": [
        "För alla elever Varje elev hälsas med namn på morgonen. • Läraren berättar också goda "
        "nyheter för dig.",
        "Läraren kontaktar dig, och ni funderar tillsammans på vad som hjälper.",
        "• Hälsovårdaren kallar ditt barn till ett möte. • Skolan gör upp en plan tillsammans "
        "med dig. Wilma skickar ett meddelande till dig: Frånvaron har gått över 30 timmar.",
        "årskurs 7–9: över 60 timmar per termin Med i arbetet: rektor, kurator.",
        "Varningstecken: upprepade förseningar Med i arbetet: klasslärare eller klassföreståndare.",
    ],
}


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_the_leaflet_tells_guardians_what_happens_at_each_stage(
    koskela: dict[tuple[str, str], PrintedDocument], language: str
) -> None:
    text = _text(koskela[language, "leaflet"].path)
    assert _missing(text, LEAFLET_STAGES[language]) == []
    # Who takes part is said only where nothing was written for guardians (two stages).
    neutral = {"fi": "Mukana: ", "sv": "Med i arbetet: "}[language]
    assert text.count(neutral) == 2


GUARDIAN_FACTS = {
    "fi": [
        "Koulu Ilmoita viimeistään Kanslia Koskikoulu klo 7.30 +358 6 123 4567 Forsin koulu "
        "klo 10.00",
        "Vapaan pituus Miten haetaan Myöntää enintään 3 koulupäivää suullisesti tai viestillä "
        "Luokanopettaja tai luokanohjaaja pidemmät vapaat kirjallisella hakemuksella "
        "(Loma-anomus) Rehtori",
        "Vapaata voi saada enintään 10 koulupäivää lukuvuodessa.",
        "Poikkeus Vapaan pituus Myöntää Koskikoulu enintään 5 koulupäivää Apulaisrehtori "
        "vuosiluokat 7–9 Opinto-ohjaaja",
        "Et voi itse myöntää lapsellesi vapaata koulusta. Jos vapaata ei myönnetä, "
        "saat siitä päätöksen, johon voit hakea muutosta.",
        "Mihin mennessä poissaolo on selvitettävä? Kerro poissaolon syy 3 koulupäivän "
        "kuluessa. Muuten poissaolo merkitään selvittämättömäksi.",
        "Milloin myöhästyminen on poissaolo? Jos lapsesi tulee tunnille yli 15 minuuttia "
        "myöhässä, myöhästyminen merkitään poissaoloksi.",
        "Entä jos lapsi lähtee kesken koulupäivän? Oppilas ilmoittaa lähtiessään opettajalle.",
        "Miten näen lapseni poissaolot? Näet tunnit Wilman kohdasta Tuntimerkinnät.",
    ],
    "sv": [
        "Skola Meddela senast Kansliet Forsskolan kl. 7.30 +358 6 123 4567 Forsby skola kl. 10.00",
        "högst 3 skoldagar muntligt eller med ett meddelande Klasslärare eller klassföreståndare",
        "med en skriftlig anhållan (Anhållan om ledighet) Rektor",
        "Ledighet kan beviljas för högst 10 skoldagar per läsår.",
        "Undantag Ledighetens längd Beviljas av Forsskolan högst 5 skoldagar Biträdande rektor "
        "årskurs 7–9 Studiehandledare",
        "Du kan inte själv bevilja ditt barn ledighet från skolan. Om ledigheten "
        "inte beviljas får du ett beslut som du kan överklaga.",
        "Inom vilken tid ska frånvaron förklaras? Berätta orsaken till frånvaron inom 3 "
        "skoldagar. Annars antecknas frånvaron som oförklarad.",
        "När räknas en försening som frånvaro? Om ditt barn kommer mer än 15 minuter för sent till "
        "lektionen antecknas förseningen som frånvaro.",
        "Hur ser jag mitt barns frånvaro? Du ser timmarna i Wilma under Lektionsanteckningar.",
    ],
}


@pytest.mark.parametrize("language", ["fi", "sv"])
@pytest.mark.parametrize("key", ["leaflet", "playbook"])
def test_leave_rules_reporting_and_answers_are_printed_as_the_playbook_says(
    koskela: dict[tuple[str, str], PrintedDocument], language: str, key: str
) -> None:
    text = _text(koskela[language, key].path)
    facts = GUARDIAN_FACTS[language]
    assert _missing(text, facts) == []


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_the_schools_reporting_deadlines_are_on_the_leaflets_first_page(
    koskela: dict[tuple[str, str], PrintedDocument], language: str
) -> None:
    first_page = _text(koskela[language, "leaflet"].path, slice(0, 1))
    assert {"fi": "Koskikoulu klo 7.30", "sv": "Forsskolan kl. 7.30"}[language] in first_page


# Read as a table: a stage's threshold beside its first rows (the warning signs across the row),
# then each step's what, who and by when.
CARD_LINES = {
    "fi": [
        "Raja Mitä tehdään Kuka Mihin mennessä",
        "Varoitusmerkit: yksikin huolestuttava poissaolo, poissaoloja samana viikonpäivänä tai "
        "samalta oppitunnilta HENKILÖSTÖ soittaa huoltajalle. Luokanopettaja tai luokanohjaaja "
        "2 koulupäivän kuluessa 1. Huoli puheeksi (Taso 1) 10–15 tuntia lukukaudessa tai "
        "varoitusmerkit (porras voi alkaa välin sisällä henkilöstön harkinnan mukaan) Vastuuhenkilö: "
        "Luokanopettaja tai luokanohjaaja",
        "Jos oppilas haluaa: HENKILÖSTÖ keskustelee oppilaan kanssa. Luokanopettaja tai "
        "luokanohjaaja tai kuraattori ennen seuraavaa porrasta",
        "HENKILÖSTÖ laatii tukisuunnitelman. Koulu samana päivänä 2. Tukitoimet yli 30 tuntia",
        "Wilma lähettää viestin (saajat: huoltaja, luokanopettaja tai luokanohjaaja): Poissaoloja on "
        "kertynyt yli 30 tuntia.",
        "HENKILÖSTÖ arvioi tuen tarpeen. Kuraattori 5 koulupäivän kuluessa",
        "Mitä kirjataan: HENKILÖSTÖ kirjaa muistion Wilmaan.",
        "Keneltä kysyn neuvoa Rehtori, Maija Esimerkki: rehtori@koskela.example",
    ],
    "sv": [
        "Gräns Vad görs Vem Senast",
        "1. Ta upp oron (Nivå 1) 10–15 timmar per termin eller varningstecken",
        "Om eleven vill: PERSONAL samtalar med eleven. Klasslärare eller klassföreståndare eller "
        "kurator före nästa steg",
        "Om orsaken gäller hälsan: PERSONAL kontrollerar hälsotillståndet. Hälsovårdare efter "
        "den överenskomna uppföljningstiden",
        "PERSONAL sammankallar expertgruppen. Rektor senast vid stegets gräns",
    ],
}


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_the_card_says_per_stage_what_who_and_by_when(
    koskela: dict[tuple[str, str], PrintedDocument], language: str
) -> None:
    printed = koskela[language, "card"]
    assert printed.page_count == 1
    assert _missing(_text(printed.path), CARD_LINES[language]) == []


def test_the_documents_are_tagged_pdf_ua_and_rebuild_byte_identical(
    koskela: dict[tuple[str, str], PrintedDocument], content: NationalContent, tmp_path: Path
) -> None:
    from pdfua import validate

    for (language, key), printed in koskela.items():
        with pikepdf.open(printed.path) as pdf:
            assert str(pdf.Root.Lang) == language
        assert list(validate(str(printed.path)).findings) == [], (language, key)
    again = _printed(load_playbook(KOSKELA), content, "sv", LEAFLET, tmp_path)
    assert again.path.read_bytes() == koskela["sv", "leaflet"].path.read_bytes()


def _variant(folder: Path, old: str, new: str) -> LoadedPlaybook:
    assert old in KOSKELA_TEXT, old
    return load_playbook(write_playbook(folder, KOSKELA_TEXT.replace(old, new, 1), "koskela"))


def test_nothing_about_leave_is_printed_when_the_playbook_says_nothing(
    tmp_path: Path, content: NationalContent
) -> None:
    start = KOSKELA_TEXT.index("  leave:\n")
    end = KOSKELA_TEXT.index("  explain_within_school_days:")
    loaded = _variant(tmp_path, KOSKELA_TEXT[start:end], "")
    leaflet = _text(_printed(loaded, content, "fi", LEAFLET, tmp_path / "out").path)
    assert "Ilmoita koululle, kun lapsesi on poissa." in leaflet
    for invented in ("Vapaan hakeminen", "Hae vapaata", "myöntää", "Myöntää"):
        assert invented not in leaflet, invented


def test_a_leave_rule_without_the_note_does_not_say_a_guardian_cannot_grant(
    tmp_path: Path, content: NationalContent
) -> None:
    loaded = _variant(tmp_path, "  leave_notes: [guardian_cannot_grant, refusal_appealable]\n", "")
    leaflet = _text(_printed(loaded, content, "sv", LEAFLET, tmp_path / "out").path)
    assert "Be skolan om ledigt i förväg." in leaflet
    assert "kan inte själv bevilja" not in leaflet
    assert "kan inte själv ge" not in leaflet
    assert "kan överklaga" not in leaflet


def test_answers_that_do_not_fit_are_left_out_and_the_leaflet_still_fits(
    tmp_path: Path, content: NationalContent
) -> None:
    long_answer = " ".join(["Näet tunnit Wilman kohdasta Tuntimerkinnät."] * 110)
    loaded = _variant(
        tmp_path,
        "fi: Näet tunnit Wilman kohdasta Tuntimerkinnät.",
        f"fi: {long_answer}",
    )
    printed = _printed(loaded, content, "fi", LEAFLET, tmp_path / "out")
    assert (printed.page_count, printed.layout) == (2, "dense two-columns brief")
    leaflet = _text(printed.path)
    assert "Usein kysyttyä" not in leaflet
    assert "1. Huoli puheeksi" in leaflet
    # The playbook has no page limit: it keeps the answers.
    playbook = _text(_printed(loaded, content, "fi", PLAYBOOK, tmp_path / "out").path)
    assert "Usein kysyttyä Mihin mennessä poissaolo on selvitettävä?" in playbook


def test_text_from_the_new_fields_is_printed_literally(
    tmp_path: Path, content: NationalContent
) -> None:
    hostile = '"#set text(red) $x^2$ *y* _z_ @a <b> ] {{ 7*7 }}"'
    loaded = _variant(tmp_path, "fi: Koulu tekee kanssasi suunnitelman.", f"fi: {hostile}")
    leaflet = _text(_printed(loaded, content, "fi", LEAFLET, tmp_path / "out").path)
    assert "#set text(red) $x^2$ *y* _z_ @a <b> ] {{ 7*7 }}" in leaflet


def _documents(loaded: LoadedPlaybook, content: NationalContent, out: Path) -> Iterator[str]:
    for language in ("fi", "sv"):
        for kind in DOCUMENTS:
            yield _text(_printed(loaded, content, language, kind, out).path)


VERSION_1_PLAYBOOK = [
    "Laskentajakso: Lukukausi",
    "Lasketaan: Kaikki poissaolot",
    "Raja: ensimmäisestä huolestuttavasta poissaolosta SKY-taso: Taso 1",
    "Luokanopettaja tai luokanohjaaja Soittaa kotiin. 1 koulupäivän kuluessa",
    "Rehtori Kutsuu koolle asiantuntijaryhmän. –",
    "Mitä kirjataan: Muistio Wilmaan.",
    "Vapaan pituus Myöntää enintään 3 koulupäivää Luokanopettaja tai luokanohjaaja",
]
VERSION_1_LEAFLET = [
    "Selkokielellä • Ilmoita koululle, kun lapsesi on poissa.",
    "1. Huoli puheeksi ensimmäisestä huolestuttavasta poissaolosta Mukana: luokanopettaja tai "
    "luokanohjaaja.",
    "2. Verkosto 50 tuntia Mukana: rehtori.",
]


def test_a_version_1_playbook_still_prints_every_document(
    tmp_path: Path, content: NationalContent
) -> None:
    loaded = load_playbook(FIXTURES / "pikkula.yml")
    assert loaded.playbook.schema_version == 2  # upgraded in memory
    playbook_fi, leaflet_fi, card_fi, playbook_sv, leaflet_sv, card_sv = _documents(
        loaded, content, tmp_path
    )
    assert _missing(playbook_fi, VERSION_1_PLAYBOOK) == []
    assert _missing(leaflet_fi, VERSION_1_LEAFLET) == []
    assert "Soittaa kotiin" not in leaflet_fi
    assert "1. Huoli puheeksi (Taso 1) ensimmäisestä huolestuttavasta poissaolosta" in card_fi
    assert "Soittaa kotiin. Luokanopettaja tai luokanohjaaja 1 koulupäivän kuluessa" in card_fi
    assert "Gräns: 50 timmar SKY-nivå: Nivå 3" in playbook_sv
    assert "2. Nätverket 50 timmar Med i arbetet: rektor." in leaflet_sv
    assert "Sammankallar expertgruppen. Rektor –" in card_sv
