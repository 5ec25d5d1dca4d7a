"""Messages in the author's language: every problem code has Finnish and Swedish texts.

A message is rendered from its key and parameters through a catalogue per language. These
tests make every kind of problem really happen (broken files, invalid playbooks, broken
content, broken links, unreachable addresses) and check that each is shown in Finnish and in
Swedish with the same place, field and code as in English.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import string
from pathlib import Path

import pytest

from conftest import (
    FIXTURES,
    REPO,
    VALID_PLAYBOOK,
    run_sky,
    vary,
    without_format_notice,
    write_playbook,
)
from generator import pipeline
from generator.checks.linkcheck import Site, check_site
from generator.checks.online import Answer, ExternalLink, check_online
from generator.content.national import ContentInvalid, load_content
from generator.messages import CATALOGUES, msg
from generator.pipeline import LanguageTask, build, check
from generator.playbook.loader import PlaybookInvalid, load_playbook
from generator.printout.documents import CARD, DOCUMENTS, DocumentKind
from generator.printout.printing import print_document
from generator.problems import Location, Problem
from generator.project import NATIONAL_CONTENT, Project, SettingsInvalid
from generator.publish.fingerprint import BuildState, content_updates_due, write_state
from generator.sites import MunicipalSite
from generator.workers import Crash

CORPUS = Path(__file__).parent / "corpus" / "invalid"


def _readme_codes() -> list[str]:
    """The problem codes the README's tables explain, in order."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Problems and what they mean", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^\| `([a-z0-9-]+)` \|", section, re.MULTILINE)


CODES = _readme_codes()


_SAME_IN_EVERY_LANGUAGE = {"part.found-value", "part.yaml-both", "part.limit.range"}


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_the_readme_explains_the_codes() -> None:
    assert len(CODES) >= 45
    assert {"placeholder", "history-order", "duplicate-version", "site-build"} <= set(CODES)


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_every_message_has_a_translation_with_the_same_values(language: str) -> None:
    english, translated = CATALOGUES["en"], CATALOGUES[language]
    assert sorted(set(english) - set(translated)) == [], "keys without a translation"
    assert sorted(set(translated) - set(english)) == [], "translations of no English message"
    for key, template in english.items():
        assert _fields(translated[key]) == _fields(template), key
        translated[key].format(**dict.fromkeys(_fields(template), "x"))  # no stray braces
        assert translated[key] != template or key in _SAME_IN_EVERY_LANGUAGE, key


@pytest.mark.parametrize("code", CODES)
def test_every_readme_code_has_finnish_and_swedish_messages(code: str) -> None:
    for language in ("fi", "sv"):
        keys = [k for k in CATALOGUES[language] if k == code or k.startswith(f"{code}.")]
        assert keys, f"no {language} message for the code {code}"


def _corpus_problems() -> list[Problem]:
    problems: list[Problem] = []
    for case in sorted(CORPUS.iterdir()):
        with pytest.raises(PlaybookInvalid) as caught:
            load_playbook(case / "pikkula.yml")
        problems += caught.value.problems
    return problems


def _invalid(folder: Path, text: str, name: str = "pikkula") -> list[Problem]:
    with pytest.raises(PlaybookInvalid) as caught:
        load_playbook(write_playbook(folder, text, name))
    return caught.value.problems


_HISTORY = """  version: "2026.1"
history:
  - version: "2026.1"
    effective_from: 2025-08-01
    changes: {fi: Rajat muuttuivat., sv: Gränserna ändrades.}
  - version: "2024.1"
    effective_from: 2025-09-01
    changes: {fi: Ensimmäinen versio., sv: Den första versionen.}
"""


FORMAT_2 = (FIXTURES / "pikkula2.yml").read_text(encoding="utf-8")


def _format2_problems(folder: Path) -> list[Problem]:
    """Format 2's own problems, from variations of its fixture."""
    problems = _invalid(folder, vary("    ladder: myohastymiset\n", "", FORMAT_2))
    problems += _invalid(folder, vary("ladder: myohastymiset", "ladder: myo", FORMAT_2))
    problems += _invalid(folder, vary("      - unit: times\n", "      - unit: hours\n", FORMAT_2))
    problems += _invalid(folder, vary("times: {from: 5, to: 8}", "days: 5", FORMAT_2))
    problems += _invalid(folder, vary("form: loma}", "form: lomaa}", FORMAT_2))
    problems += _invalid(folder, vary("[pupil_and_student_welfare_act_19]", "[act]", FORMAT_2))
    without = vary(
        "        per: term\n",
        "",
        vary(
            "    for_guardians: {fi: Opettaja soittaa sinulle., sv: Läraren ringer dig.}\n",
            "",
            FORMAT_2,
        ),
    )
    problems += load_playbook(write_playbook(folder, without)).warnings
    return problems


def _playbook_problems(folder: Path) -> list[Problem]:
    problems = _invalid(folder, vary('  version: "2026.1"\n', _HISTORY))
    problems += load_playbook(write_playbook(folder, vary("sky_tier: 3", "sky_tier: 2"))).warnings
    problems += _format2_problems(folder)
    problems += _invalid(folder, vary("slug: pikkula", "slug: guide"), name="guide")
    problems += _invalid(folder, vary("role: principal\n", "role: vahtimestari\n"))
    big = folder / "big.yml"
    big.write_text("schema_version: 1\n" + "#" * 1_100_000, encoding="utf-8")
    (folder / "folder.yml").mkdir()
    for path in (big, folder / "folder.yml"):
        with pytest.raises(PlaybookInvalid) as caught:
            load_playbook(path)
        problems += caught.value.problems
    old = load_playbook(write_playbook(folder, VALID_PLAYBOOK), today=dt.date(2030, 1, 1))
    problems += old.warnings
    twin = folder / "twin" / "pikkula.yml"
    twin.parent.mkdir()
    twin.write_text(VALID_PLAYBOOK, encoding="utf-8")
    pikkula = write_playbook(folder, VALID_PLAYBOOK)
    _, outcome = check([folder / "nowhere.yml", pikkula, twin], Project.at(REPO))
    return problems + outcome.problems


def _content_problems(project: Path) -> list[Problem]:
    content = project / "content"
    added = [content / "fi" / "only.md", content / "fi" / "both.md", content / "sv" / "both.md"]
    for page in added:
        page.write_text("# Sivu\n\n{{ kunta }}\n", encoding="utf-8")
    with pytest.raises(ContentInvalid) as caught:
        load_content(content)
    for page in added:
        page.unlink()
    problems = caught.value.problems
    for language in ("fi", "sv"):
        with (content / language / "law.md").open("a", encoding="utf-8") as law:
            law.write("\n[x](nowhere.md)\n")
    write_playbook(project / "playbooks", VALID_PLAYBOOK)
    pikkula = [project / "playbooks" / "pikkula.yml"]
    outcome = build(pikkula, Project.at(project), project / "out", jobs=1, with_portal=False)
    return problems + outcome.problems


def _link_problems(folder: Path) -> list[Problem]:
    (folder / "fi").mkdir()
    (folder / "fi" / "index.html").write_text(
        '<a href="missing/">1</a><a href="#gone">2</a><a href="../../x">3</a>'
        '<script src="https://cdn.example.net/x.js"></script><a href="tel:040">4</a>'
        '<a href="http://oph.fi/">5</a>',
        encoding="utf-8",
    )
    problems = check_site(Site(folder))
    links = [
        ExternalLink(url, Location(folder / "fi" / "index.html"))
        for url in (f"https://{host}.example/" for host in "abcde")
    ]
    answers = {
        "a.": Answer(404),
        "c.": Answer(
            200,
            redirects=(
                ("https://c.example/", "http://c.example/"),
                ("http://c.example/", "http://c.example/x"),
            ),
        ),
        "d.": Answer(
            None, refused="private", refused_url="https://10.0.0.5/", refused_address="10.0.0.5"
        ),
        "e.": Answer(None, refused="loop"),
    }

    def fetcher(url: str, _timeout: float) -> Answer:  # the network is the only thing mocked
        return next((a for key, a in answers.items() if key in url), Answer(None, "timed out"))

    return problems + check_online(links, folder / "cache.json", fetcher=fetcher)


def _pdf_problems(folder: Path) -> list[Problem]:
    content = load_content(NATIONAL_CONTENT)
    # One sentence (the card's shortest layouts keep an action's first sentence), nearly as
    # long as a text may be, in each of six steps: more than a card holds.
    long_action = " ".join(["soittaa kotiin ja kertoo, mitä koulussa on huomattu,"] * 90) + "."
    step = (
        f'      - role: class_teacher\n        action: {{fi: "{long_action}", sv: Ringer hem.}}\n'
    )
    text = vary("        within_school_days: 1\n", "        within_school_days: 1\n" + step * 6)
    too_long = load_playbook(write_playbook(folder, text))
    # A logo that draws an image from another file cannot be printed cleanly. Loading refuses
    # such a logo; this one is changed after it was loaded, as if between check and print.
    (folder / "logo").mkdir()
    logo = folder / "logo" / "logo.svg"
    logo.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"/>')
    text = vary("  provider:", "  logo: logo.svg\n  provider:")
    broken_logo = load_playbook(write_playbook(folder / "logo", text))
    logo.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9">'
        '<image href="missing.png" width="9" height="9"/></svg>',
        encoding="utf-8",
    )
    problems = []
    for loaded in (too_long, broken_logo):
        result = print_document(loaded, content, "fi", CARD, folder / "out")
        assert isinstance(result, Problem)
        problems.append(result)
    return problems


def _project_problems(folder: Path) -> list[Problem]:
    """Bad settings, a site due for new content, a crash, and a folder that is not ours."""
    (folder / "sky.toml").write_text('content = "x"\n', encoding="utf-8")
    with pytest.raises(SettingsInvalid) as caught:
        Project.at(folder)
    problems = caught.value.problems
    path = write_playbook(folder, VALID_PLAYBOOK)
    site = folder / "site" / "pikkula"
    site.mkdir(parents=True)
    write_state(site, BuildState("fingerprint", {}, "0.1.0", "2025.1"))
    problems += content_updates_due([path], NATIONAL_CONTENT, folder / "site")
    loaded, content = load_playbook(path), load_content(NATIONAL_CONTENT)
    task = LanguageTask(MunicipalSite(loaded, content, "x"), "fi", Project.at(REPO), folder)
    problems.append(pipeline._crashed(task, Crash("RuntimeError: broken", "Traceback")))
    (folder / "out" / "pikkula").mkdir(parents=True)  # someone else's folder
    outcome = build([path], Project.at(REPO), folder / "out", jobs=1, with_portal=False)
    return problems + outcome.problems


@pytest.fixture(scope="module")
def every_problem(tmp_path_factory: pytest.TempPathFactory) -> list[Problem]:
    """At least one real problem of every kind the toolkit reports."""
    work = tmp_path_factory.mktemp("problems")
    for name in ("playbooks", "links", "pdf", "settings"):
        (work / name).mkdir()
    shutil.copytree(NATIONAL_CONTENT, work / "project" / "content")
    (work / "project" / "sky.toml").write_text('content_dir = "content"\n', encoding="utf-8")
    (work / "project" / "playbooks").mkdir()
    return [
        *_corpus_problems(),
        *_playbook_problems(work / "playbooks"),
        *_content_problems(work / "project"),
        *_link_problems(work / "links"),
        *_pdf_problems(work / "pdf"),
        *_project_problems(work / "settings"),
    ]


@pytest.mark.parametrize("code", CODES)
def test_every_code_is_shown_in_finnish_and_swedish(
    code: str, every_problem: list[Problem]
) -> None:
    found = [p for p in every_problem if p.code == code]
    assert found, f"no test makes a '{code}' problem happen"
    for problem in found:
        assert problem.text is not None, f"{problem.render()} has no catalogue message"
        english = problem.render()
        for language in ("fi", "sv"):
            shown = problem.render(language)
            assert shown != english
            assert not re.search(r"(?<!\{)\{[a-z_]+\}", problem.message_in(language))
            # The place, the field and the code are the same in every language.
            assert shown.startswith(f"{problem.location.render()}: ")
            assert f" {problem.field}: " in shown or not problem.field
            assert shown.endswith(f" [{code}]")


@pytest.mark.parametrize("kind", [kind for kind in DOCUMENTS if kind.shorten], ids=str)
def test_what_to_shorten_is_said_as_the_documents_say_it(kind: DocumentKind) -> None:
    assert msg(f"part.shorten-{kind.key}").render() == kind.shorten


def test_the_words_are_the_authors(tmp_path: Path) -> None:
    (problem,) = _invalid(tmp_path, vary('phone: "+358 40 123 4567"', "phone: 040-123"))
    assert problem.render("fi") == (
        f"{problem.location.render()}: contacts[1].phone: kirjoita puhelinnumero "
        "kansainvälisessä muodossa, esim. '+358 40 123 4567' (nyt: '040-123') [invalid-value]"
    )
    assert problem.render("sv") == (
        f"{problem.location.render()}: contacts[1].phone: skriv telefonnumret i internationell "
        "form, t.ex. '+358 40 123 4567' (nu: '040-123') [invalid-value]"
    )


def test_pieces_of_a_message_are_translated_too(tmp_path: Path) -> None:
    problems = _invalid(tmp_path, vary("threshold: {hours: 50}", "threshold: {hours: 50h}"))
    assert [p.message_in("sv") for p in problems] == [
        "skriv här ett tal eller ett tal för varje årskursgrupp (grades_1_6: och grades_7_9:) "
        "(nu: '50h')"
    ]
    problems = _invalid(tmp_path, vary("unit: hours", "unit: tunnit"))
    assert [p.message_in("fi") for p in problems] == [
        "kirjoita jokin näistä: 'hours' tai 'percent' (nyt: 'tunnit')"
    ]


def test_a_warning_says_so_in_each_language(tmp_path: Path) -> None:
    loaded = load_playbook(write_playbook(tmp_path, VALID_PLAYBOOK), today=dt.date(2030, 1, 1))
    (warning,) = without_format_notice(loaded.warnings)
    assert ": varoitus: accessibility.assessed: " in warning.render("fi")
    assert ": varning: accessibility.assessed: " in warning.render("sv")
    assert ": warning: accessibility.assessed: " in warning.render("en")


def test_a_problem_without_a_catalogue_message_stays_in_english() -> None:
    problem = Problem("pdf-render", Location(FIXTURES / "pikkula.yml"), "fi", "as it was")
    assert problem.render("sv").endswith(": fi: as it was [pdf-render]")


def test_an_unknown_message_key_is_a_programming_error() -> None:
    with pytest.raises(KeyError):
        msg("no-such-message")


_SWEDISH_FIRST = vary(
    "  name: {fi: Pikkula, sv: Småby}\n",
    "  name: {fi: Pikkula, sv: Småby}\n  languages: [sv, fi]\n",
    vary('phone: "+358 40 123 4567"', "phone: 040-123"),
)


def test_check_speaks_the_first_language_of_the_playbook(project: Path) -> None:
    write_playbook(project / "playbooks", _SWEDISH_FIRST)
    result = run_sky(project, "check", "pikkula")
    assert result.returncode == 1
    assert result.stdout == (
        "playbooks/pikkula.yml:45:12: contacts[1].phone: skriv telefonnumret i internationell "
        "form, t.ex. '+358 40 123 4567' (nu: '040-123') [invalid-value]\n"
        "sky check: spelregelfiler 1, fel 1, varningar 0\n"
    )
    english = run_sky(project, "check", "pikkula", "--lang", "en")
    assert english.stdout.splitlines() == [
        "playbooks/pikkula.yml:45:12: contacts[1].phone: expected an international number like "
        "'+358 40 123 4567', got '040-123' [invalid-value]",
        "sky check: 1 playbook(s), 1 error(s), 0 warning(s)",
    ]
    finnish = run_sky(project, "check", "pikkula", "--lang", "fi", "--format", "json")
    assert json.loads(finnish.stdout)[0]["message"] == (
        "kirjoita puhelinnumero kansainvälisessä muodossa, esim. '+358 40 123 4567' "
        "(nyt: '040-123')"
    )


def test_a_broken_file_is_still_reported_in_its_first_language(project: Path) -> None:
    write_playbook(project / "playbooks", _SWEDISH_FIRST.replace("  slug:", "\tslug:"))
    result = run_sky(project, "check", "pikkula")
    assert result.stdout.splitlines()[0] == (
        "playbooks/pikkula.yml:4:1: ett tabbtecken används för indragning; YAML tillåter bara "
        "mellanslag (ställ in din editor så att tabbtangenten ger mellanslag) [yaml-tab]"
    )
