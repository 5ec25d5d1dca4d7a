"""The easy-to-read summary (selkokieli / lättläst): its exact sentences, made from the
playbook's facts, and its limits: at most 150 words, at most 12 words a sentence, no Markdown."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import EXAMPLE_PLAYBOOKS, FIXTURES, vary, write_playbook
from generator.messages.easy_read import summary
from generator.playbook.loader import load_playbook
from generator.playbook.model import Playbook
from support.five_stages import five_stage_playbook

MAX_WORDS = 150
MAX_SENTENCE_WORDS = 12
PIKKULA2 = (FIXTURES / "pikkula2.yml").read_text(encoding="utf-8")


def _example(slug: str) -> Playbook:
    return load_playbook(Path(__file__).resolve().parents[2] / "playbooks" / f"{slug}.yml").playbook


def _pikkula(tmp_path: Path, text: str = PIKKULA2) -> Playbook:
    return load_playbook(write_playbook(tmp_path, text)).playbook


def _words(text: str) -> int:
    return len(text.split())


def test_rantala_in_finnish() -> None:
    assert summary(_example("rantala"), "fi") == (
        "Ilmoita koululle, kun lapsesi on poissa.",
        "Ilmoita viimeistään kello 7.30 tai 8.00.",
        "Aika riippuu koulusta.",
        "Voit ilmoittaa Wilmassa.",
        "Voit myös soittaa koulun kansliaan.",
        "Kerro poissaolon syy 3 koulupäivän kuluessa.",
        "Pyydä vapaata koululta etukäteen.",
        "Luokanopettaja tai luokanohjaaja voi antaa vapaata enintään 3 koulupäivää.",
        "Rehtori voi antaa vapaata enintään 20 koulupäivää.",
        "Et voi itse antaa lapsellesi vapaata koulusta.",
        "Koulu voi ottaa sinuun yhteyttä jo yhden huolestuttavan poissaolon jälkeen.",
        "Koulu ottaa sinuun yhteyttä, jos poissaoloja on paljon.",
        "Luokilla 1–6 raja on 25–30 tuntia lukukaudessa.",
        "Luokilla 7–9 raja on 35–40 tuntia lukukaudessa.",
        "Sitten mietitte yhdessä koulun kanssa, mikä auttaa lastasi.",
        "Jos olet huolissasi, soita lapsesi opettajalle.",
        "Voit soittaa myös kuraattorille tai terveydenhoitajalle.",
    )


def test_rantala_in_swedish() -> None:
    assert summary(_example("rantala"), "sv") == (
        "Meddela skolan när ditt barn är borta.",
        "Meddela senast klockan 7.30 eller 8.00.",
        "Tiden beror på skolan.",
        "Du kan meddela i Wilma.",
        "Du kan också ringa skolans kansli.",
        "Berätta inom 3 skoldagar varför barnet var borta.",
        "Be skolan om ledigt i förväg.",
        "Klassläraren eller klassföreståndaren kan ge ledigt i högst 3 skoldagar.",
        "Rektorn kan ge ledigt i högst 20 skoldagar.",
        "Du kan inte själv ge ditt barn ledigt från skolan.",
        "Skolan kan kontakta dig redan efter en enda oroväckande frånvaro.",
        "Skolan kontaktar dig om barnet har mycket frånvaro.",
        "I årskurs 1–6 är gränsen 25–30 timmar per termin.",
        "I årskurs 7–9 är gränsen 35–40 timmar per termin.",
        "Sedan funderar du och skolan tillsammans på vad som hjälper barnet.",
        "Om du är orolig kan du ringa barnets lärare.",
        "Du kan också ringa kuratorn eller hälsovårdaren.",
    )


def test_two_measures_each_with_its_window_and_either_one_is_enough() -> None:
    sentences = summary(_example("tervaharju"), "sv")
    assert sentences[sentences.index("Skolan kontaktar dig om barnet har mycket frånvaro.") :][
        :4
    ] == (
        "Skolan kontaktar dig om barnet har mycket frånvaro.",
        "Gränsen är 50 timmar under läsåret.",
        "Den andra gränsen är 5 % av skoltiden under bedömningsperioden.",
        "Det räcker att barnet når en av gränserna.",
    )


def test_reporting_times_read_earliest_first_and_a_longer_leave_names_who_decides() -> None:
    sentences = summary(_example("fjardskar"), "fi")
    assert "Ilmoita viimeistään kello 7.30, 8.00 tai 10.00." in sentences
    assert "Voit ilmoittaa Helmessä." in sentences
    assert "Pidemmästä vapaasta päättää rehtori." in sentences
    assert "Om längre ledighet bestämmer rektorn." in summary(_example("fjardskar"), "sv")


def test_one_school_gives_its_office_number_and_one_time(tmp_path: Path) -> None:
    text = PIKKULA2 + (
        "schools:\n  - id: keskus\n    name: {fi: Keskuskoulu, sv: Centralskolan}\n"
        '    language: fi\n    grades: [1, 9]\n    report_by: "07.45"\n'
        '    office_phone: "+358 6 123 4567"\n'
    )
    sentences = summary(_pikkula(tmp_path, text), "fi")
    assert sentences[:5] == (
        "Ilmoita koululle, kun lapsesi on poissa.",
        "Ilmoita viimeistään kello 7.45.",
        "Voit ilmoittaa Wilmassa.",
        "Voit myös soittaa koulun kansliaan.",
        "Kanslian numero on +358 6 123 4567.",
    )


def test_the_system_is_named_only_when_the_guardians_report_in_it(tmp_path: Path) -> None:
    text = vary(
        "report_absence: {fi: Ilmoita Wilmassa aamulla., sv: Meddela i Wilma på morgonen.}",
        "report_absence: {fi: Soita kansliaan aamulla., sv: Ring kansliet på morgonen.}",
        PIKKULA2,
    )
    sentences = summary(_pikkula(tmp_path, text), "sv")
    assert not any("Wilma" in sentence for sentence in sentences)


def test_the_first_threshold_is_the_all_absences_ladder_s_with_its_window(
    tmp_path: Path,
) -> None:
    sentences = summary(_pikkula(tmp_path), "fi")
    assert sentences[
        sentences.index("Koulu ottaa sinuun yhteyttä, jos poissaoloja on paljon.") :
    ] == (
        "Koulu ottaa sinuun yhteyttä, jos poissaoloja on paljon.",
        "Raja on yli 200 tuntia lukukaudessa.",
        "Toinen raja on yli 20 % kouluajasta arviointijakson aikana.",
        "Kumpi tahansa raja riittää.",
        "Sitten mietitte yhdessä koulun kanssa, mikä auttaa lastasi.",
        "Jos olet huolissasi, soita lapsesi opettajalle.",
        "Voit soittaa myös kuraattorille.",
    )


def test_a_threshold_of_zero_is_the_first_worrying_absence_of_all(tmp_path: Path) -> None:
    text = vary(
        "      hours: {over: 200}\n      percent: {over: 20}\n", "      hours: 0\n", PIKKULA2
    )
    sentences = summary(_pikkula(tmp_path, text), "sv")
    assert "Skolan kontaktar dig redan efter den första oroväckande frånvaron." in sentences
    assert not any(sentence.startswith("Gränsen") for sentence in sentences)


@pytest.mark.parametrize("days", [0, 1, 4])
def test_the_days_to_explain_an_absence(tmp_path: Path, days: int) -> None:
    text = vary(
        "  leave_notes: [guardian_cannot_grant]\n",
        f"  leave_notes: [guardian_cannot_grant]\n  explain_within_school_days: {days}\n",
        PIKKULA2,
    )
    expected = {
        0: "Berätta samma dag varför barnet är borta.",
        1: "Berätta inom en skoldag varför barnet var borta.",
        4: "Berätta inom 4 skoldagar varför barnet var borta.",
    }
    assert expected[days] in summary(_pikkula(tmp_path, text), "sv")


def _every_playbook(tmp_path: Path) -> list[Playbook]:
    return [
        *(load_playbook(path).playbook for path in EXAMPLE_PLAYBOOKS),
        load_playbook(five_stage_playbook(tmp_path)).playbook,
        _pikkula(tmp_path),
    ]


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_short_plain_sentences_within_the_word_limit(tmp_path: Path, language: str) -> None:
    for playbook in _every_playbook(tmp_path):
        sentences = summary(playbook, language)
        total = sum(_words(sentence) for sentence in sentences)
        assert total <= MAX_WORDS, (playbook.slug, total)
        for sentence in sentences:
            assert _words(sentence) <= MAX_SENTENCE_WORDS, (playbook.slug, sentence)
            assert sentence.endswith("."), sentence
            assert not set(sentence) & set("[]*_`#<>|\\"), sentence
            assert "((" not in sentence and "))" not in sentence


def test_a_threshold_of_zero_on_unauthorised_absences_is_the_first_of_them(tmp_path: Path) -> None:
    text = vary("    counts: all\n", "    counts: unauthorised\n", PIKKULA2)
    text = vary("      hours: {over: 200}\n      percent: {over: 20}\n", "      hours: 0\n", text)
    sentences = summary(_pikkula(tmp_path, text), "fi")
    assert "Koulu ottaa sinuun yhteyttä jo ensimmäisen poissaolon jälkeen." in sentences


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("fi", "Jos lapsesi on luvatta poissa, koulu kertoo sinulle samana päivänä."),
        ("sv", "Skolan berättar samma dag för dig om ditt barn är olovligt borta."),
    ],
)
def test_a_ladder_of_unauthorised_absences_beside_the_main_one_is_told_first(
    language: str, sentence: str
) -> None:
    # Tervaharju's unauthorised ladder starts at 0 and its first step is due the same day; the
    # sentence comes before the main ladder's limits.
    sentences = summary(_example("tervaharju"), language)
    assert sentence in sentences
    assert sentences.index(sentence) < len(sentences) - 4


def test_a_ladder_of_unauthorised_absences_due_later_says_only_that_the_school_contacts_you(
    tmp_path: Path,
) -> None:
    text = (Path(__file__).resolve().parents[2] / "playbooks" / "tervaharju.yml").read_text(
        encoding="utf-8"
    )
    text = vary("        deadline: same_day\n", "        within_school_days: 2\n", text)
    text = vary("  logo: logos/tervaharju.svg\n", "", text)
    sentences = summary(
        load_playbook(write_playbook(tmp_path, text, name="tervaharju")).playbook, "fi"
    )
    assert "Jos lapsesi on luvatta poissa, koulu ottaa sinuun yhteyttä." in sentences
    assert "Jos lapsesi on luvatta poissa, koulu kertoo sinulle samana päivänä." not in sentences
