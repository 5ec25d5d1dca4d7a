"""``sky new`` as a new author uses it: a starter that loads, placeholders that ``sky check``
reports until they are replaced, and then a published site."""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import pty
import re
import select
import sys
import time
import typing
from pathlib import Path

import jsonschema
import pytest
from pydantic import BaseModel
from ruamel.yaml import YAML

from conftest import REPO, TODAY, run_sky, sky_command, sky_environment
from generator.authoring.new import run_new
from generator.authoring.starter import StarterAnswers, starter_playbook
from generator.playbook import model
from generator.playbook.loader import PlaybookInvalid, load_playbook


def _fill(text: str) -> str:
    """What an author does: replace every placeholder with the real thing."""
    text = re.sub(r"TODO@([a-z0-9-]+)\.fi", r"kanslia@\1.fi", text)
    return text.replace("§ TODO", "§ 12").replace("TODO ", "")


def _placeholders(path: Path) -> list[str]:
    with pytest.raises(PlaybookInvalid) as caught:
        load_playbook(path, today=TODAY)
    codes = {problem.code for problem in caught.value.problems}
    assert codes == {"placeholder"}, [p.render() for p in caught.value.problems]
    return [problem.field for problem in caught.value.problems]


@pytest.mark.slow
def test_new_check_fill_build(project: Path) -> None:
    result = run_sky(project, "new", "pikkula", "--name-fi", "Pikkula", "--name-sv", "Småby")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:2] == [
        "Kirjoitettu playbooks/pikkula.yml: pelisääntöjen pohja täytettäväksi.",
        "Seuraavaksi:",
    ]
    assert "  2. sky check pikkula    näyttää, mitä on vielä tekemättä" in result.stdout
    path = project / "playbooks" / "pikkula.yml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schema/playbook.schema.json\n")

    check = run_sky(project, "check", "pikkula")
    assert check.returncode == 1
    lines = check.stdout.splitlines()
    assert len(lines) == 42 and all(line.endswith(" [placeholder]") for line in lines[:-1])
    assert (
        "playbooks/pikkula.yml:43:5: municipality.provider.fi: tekstissä on vielä merkintä "
        "'TODO'; kirjoita sen paikalle valmis teksti [placeholder]" in lines
    )
    assert lines[-1] == "sky check: pelisääntötiedostoja 1, virheitä 41, varoituksia 0"

    path.write_text(_fill(text), encoding="utf-8")
    assert run_sky(project, "check", "pikkula").returncode == 0
    build = run_sky(project, "build", "pikkula")
    assert build.returncode == 0, build.stdout + build.stderr
    home = (project / "site/pikkula/fi/index.html").read_text(encoding="utf-8")
    assert "Pikkula" in home
    changes = (project / "site/pikkula/sv/changes/index.html").read_text(encoding="utf-8")
    assert "Den första publicerade versionen." in changes


def test_never_overwrites(project: Path) -> None:
    path = project / "playbooks" / "pikkula.yml"
    path.write_text("# mine\n", encoding="utf-8")
    result = run_sky(project, "new", "pikkula", "--name-fi", "Pikkula", "--name-sv", "Småby")
    assert result.returncode == 1
    assert result.stderr == (
        "sky new: playbooks/pikkula.yml on jo olemassa; sky new ei koskaan korvaa "
        "pelisääntöjä. Muokkaa sitä tiedostoa tai anna uusille pelisäännöille toinen nimi\n"
    )
    assert path.read_text(encoding="utf-8") == "# mine\n"


def test_scripts_must_give_the_names_and_a_valid_slug(project: Path) -> None:
    missing = run_sky(project, "new", "isokyla", "--languages", "sv,fi", "--name-fi", "Isokylä")
    assert missing.returncode == 2
    assert missing.stderr == (
        "sky new: ange --name-sv (eller kör sky new i en terminal, så får du frågorna)\n"
    )
    bad = run_sky(project, "new", "Iso Kylä", "--name-fi", "Isokylä", "--lang", "en")
    assert bad.returncode == 2
    assert "'Iso Kylä' cannot be a playbook's name" in bad.stderr
    reserved = run_sky(project, "new", "guide", "--name-fi", "Opas", "--name-sv", "Guide")
    assert reserved.returncode == 2
    assert list((project / "playbooks").iterdir()) == []


@pytest.mark.parametrize(
    ("languages", "unit"),
    [(("fi", "sv"), "hours"), (("sv", "fi"), "percent"), (("fi",), "percent"), (("sv",), "hours")],
)
def test_every_starter_loads_with_only_placeholders_left(
    tmp_path: Path, languages: tuple[model.Language, ...], unit: typing.Literal["hours", "percent"]
) -> None:
    answers = StarterAnswers("pikkula", languages, {"fi": "Pikkula", "sv": "Småby"}, unit, TODAY)
    path = tmp_path / "pikkula.yml"
    path.write_text(starter_playbook(answers), encoding="utf-8")
    fields = _placeholders(path)
    assert "municipality.provider." + languages[0] in fields
    assert "accessibility.feedback_email" in fields
    others = {"fi", "sv"} - set(languages)
    assert [field for field in fields if field.endswith(tuple(f".{o}" for o in others))] == []
    path.write_text(_fill(path.read_text(encoding="utf-8")), encoding="utf-8")
    loaded = load_playbook(path, today=TODAY)
    assert loaded.warnings == ()  # every stage has a text for guardians, every window is named
    playbook = loaded.playbook
    assert playbook.schema_version == 2
    assert playbook.languages == list(languages)
    [ladder] = playbook.ladders
    assert [(m.unit, m.per, m.weeks) for m in ladder.measures] == [
        ("hours", "term", None) if unit == "hours" else ("percent", "rolling_weeks", 12)
    ]
    assert [stage.sky_tier for stage in playbook.stages] == [None, 1, 2, 3]
    assert playbook.stages[0].threshold is None
    assert playbook.stages[0].triggers == [
        "single_worrying_absence",
        "unreported_absence",
        "same_weekday_or_lesson",
        "repeated_lateness",
    ]
    assert all(stage.for_guardians is not None for stage in playbook.stages)
    assert playbook.prevention is not None and playbook.prevention.steps
    assert playbook.approval.effective_from == dt.date(2027, 8, 1)
    assert playbook.stages[0].id == ("huoli-puheeksi" if languages[0] == "fi" else "ta-upp-oron")
    assert ladder.id == ("poissaolot" if languages[0] == "fi" else "franvaro")


@pytest.mark.parametrize(
    ("languages", "unit"),
    [(("fi", "sv"), "hours"), (("sv", "fi"), "percent"), (("fi",), "percent"), (("sv",), "hours")],
)
def test_every_text_is_written_in_the_block_form(
    languages: tuple[model.Language, ...], unit: typing.Literal["hours", "percent"]
) -> None:
    answers = StarterAnswers("pikkula", languages, {"fi": "Pikkula", "sv": "Småby"}, unit, TODAY)
    text = starter_playbook(answers)
    assert re.findall(r"\{\s*(?:fi|sv)\s*:", text) == []
    # Every text in a language, written or shown commented out, opens a block: "fi: >-".
    # (A form's address per language is a web address, not a text.)
    openings = re.findall(r"^[ #]*(fi|sv):(?! https://)(.*)$", text, re.MULTILINE)
    assert openings and {rest for _, rest in openings} == {" >-"}
    assert {language for language, _ in openings} == set(languages)


def test_commas_in_a_starter_text_stay_in_the_text(tmp_path: Path) -> None:
    answers = StarterAnswers("pikkula", ("fi", "sv"), {"fi": "P", "sv": "S"}, "hours", TODAY)
    path = tmp_path / "pikkula.yml"
    path.write_text(_fill(starter_playbook(answers)), encoding="utf-8")
    step = load_playbook(path, today=TODAY).playbook.stages[0].steps[0]
    assert step.action.get("fi") == (
        "Ota yhteyttä huoltajaan, jos poissaolosta ei ole ilmoitettu. Kerro, mitä olet "
        "huomannut, ja kysy, miten huoltaja näkee tilanteen."
    )
    assert step.for_guardians is not None
    assert step.for_guardians.get("sv") == "Läraren kontaktar dig om frånvaron inte har meddelats."


def _uncomment(text: str, first_line: str) -> str:
    """What an author does to take an optional part into use: delete the "# " in front of the
    part's lines (the first one and every deeper one after it)."""
    lines = text.split("\n")
    start = lines.index(first_line)
    column = first_line.index("# ")
    end = start + 1
    while end < len(lines) and lines[end].startswith(first_line[: column + 2] + " "):
        end += 1
    for index in range(start, end):
        lines[index] = lines[index][:column] + lines[index][column + 2 :]
    return "\n".join(lines)


def test_the_optional_parts_shown_are_valid_format_2(tmp_path: Path) -> None:
    answers = StarterAnswers("pikkula", ("fi", "sv"), {"fi": "P", "sv": "S"}, "hours", TODAY)
    text = _fill(starter_playbook(answers))
    for first_line in (
        "  # also_approved_by:",
        "  # common_model:",
        "    # name:",
        "      # - unit: percent",
        "    # equivalence:",
        "  # leave:",
        "  # leave_days_per_school_year: 10",
        "  # leave_exceptions:",
        "  # leave_notes: [guardian_cannot_grant, refusal_appealable]",
        "  # explain_within_school_days: 3",
        "  # late_counts_as_absence_after_minutes: 15",
        "  # leaving_during_the_day:",
        "  # catching_up:",
        "  # long_illness:",
        "  # following_absences:",
        "  # forms: [loma-anomus]",
        "  # title:",
        "    # automatic_messages:",
        "    # forms: [loma-anomus]",
        "    # legal_basis: [basic_education_act_26]",
        "        # legal_basis: [basic_education_act_26]",
    ):
        text = _uncomment(text, first_line)
    form = _uncomment(text, "#   - id: loma-anomus").split("\n")
    start = form.index("  - id: loma-anomus")
    end = form.index("forms: []")
    text = "\n".join([*form[:start], *form[end + 1 :]]).replace(
        "\nroles: []", "\nforms:\n" + "\n".join(form[start:end]) + "\nroles: []"
    )
    text = text.replace('report_by:  # "07.30"', 'report_by: "07.30"')
    text = text.replace('office_phone:  # "+358 40 123 4567"', 'office_phone: "+358 40 123 4567"')
    path = tmp_path / "pikkula.yml"
    path.write_text(text, encoding="utf-8")
    loaded = load_playbook(path, today=TODAY)
    assert loaded.warnings == ()
    playbook = loaded.playbook
    assert playbook.approval.also_approved_by[0].body.get("sv") == (
        "Bildningsnämndens svenska sektion"
    )
    assert playbook.approval.common_model is not None
    ladder = playbook.ladders[0]
    assert [m.unit for m in ladder.measures] == ["hours", "percent"]
    assert ladder.equivalence == model.Equivalence(hours=100, percent=10)
    guardians = playbook.guardians
    assert [(rule.up_to_days, rule.granted_by, rule.request) for rule in guardians.leave] == [
        (3, "class_teacher", "oral"),
        (None, "principal", "written"),
    ]
    assert guardians.leave[1].form == "loma-anomus" and guardians.forms == ["loma-anomus"]
    assert guardians.leave_notes == ["guardian_cannot_grant", "refusal_appealable"]
    assert guardians.leave_exceptions[0].grades == (1, 6)
    assert guardians.explain_within_school_days == 3
    assert guardians.late_counts_as_absence_after_minutes == 15
    assert guardians.long_illness is not None
    form_url = playbook.form("loma-anomus")
    assert form_url is not None and form_url.url_in("sv") == "https://www.pikkula.fi/loma-anomus"
    first = playbook.stages[0]
    assert first.legal_basis == ["basic_education_act_26"] and first.forms == ["loma-anomus"]
    assert first.steps[0].legal_basis == ["basic_education_act_26"]
    assert first.automatic_messages[0].to == ["guardian"]
    assert playbook.schools[0].report_by == "07.30"
    assert playbook.schools[0].office_phone == "+358 40 123 4567"


def _is_section(candidate: object) -> typing.TypeGuard[type[BaseModel]]:
    is_model = isinstance(candidate, type) and issubclass(candidate, BaseModel)
    return is_model and candidate is not model.LocalText


def _fields(owner: type[BaseModel], prefix: str = "") -> list[str]:
    """Every key of the format, as dotted paths (list items without an index), as written."""
    found = []
    for name, info in owner.model_fields.items():
        key = info.alias or name  # a range's start is written "from:"
        found.append(f"{prefix}{key}")
        for candidate in _types_in(info.annotation):
            if _is_section(candidate) and candidate is not owner:
                found += _fields(candidate, f"{prefix}{key}.")
    return sorted(set(found))


def _types_in(annotation: object) -> list[object]:
    """The types a field may hold: itself, and those inside unions, lists and Annotated."""
    found = [annotation]
    for arg in typing.get_args(annotation):
        found += _types_in(arg)
    return found


def test_every_field_of_the_format_is_in_the_starter() -> None:
    answers = StarterAnswers("pikkula", ("fi", "sv"), {"fi": "P", "sv": "S"}, "hours", TODAY)
    text = starter_playbook(answers)
    keys = set(re.findall(r"^[ #-]*([a-z_0-9]+):", text, re.MULTILINE))
    fields = _fields(model.Playbook)
    missing = [path for path in fields if path.split(".")[-1] not in keys]
    assert missing == []
    for written in ("stages.threshold.hours.from", "ladders.measures.per", "schools.report_by"):
        assert written in fields
    # Every key is explained above it, in Finnish and in Swedish.
    assert "  # Kunnan nimi kummallakin kielellä.\n  # Kommunens namn på båda språken.\n" in text


def test_the_starter_follows_the_committed_schema() -> None:
    answers = StarterAnswers("pikkula", ("sv", "fi"), {"fi": "P", "sv": "S"}, "percent", TODAY)
    data = YAML(typ="safe", pure=True).load(starter_playbook(answers))
    data = json.loads(json.dumps(data, default=str))  # dates as an editor's server reads them
    schema = json.loads((REPO / "schema" / "playbook.schema.json").read_text(encoding="utf-8"))
    errors = [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(data)]
    assert errors == []


def _arguments(**given: str | None) -> argparse.Namespace:
    defaults = {"name_fi": None, "name_sv": None, "languages": None, "unit": None, "lang": None}
    return argparse.Namespace(slug="pikkula", **{**defaults, **given})


def test_in_a_terminal_it_asks_until_the_answers_fit(tmp_path: Path) -> None:
    answers = iter(["en,de", "sv,fi", "", "Småby", "Pikkula", "tunnit", "percent"])
    asked: list[str] = []

    def ask(prompt: str) -> str:
        asked.append(prompt)
        return next(answers)

    out = io.StringIO()
    assert run_new(_arguments(), tmp_path, ask, out, TODAY) == 0
    assert [prompt.split(" / ")[0] for prompt in asked] == [
        "Julkaisukielet, pääkieli ensin",
        "Julkaisukielet, pääkieli ensin",
        "Kunnan nimi ruotsiksi",
        "Kunnan nimi ruotsiksi",
        "Kunnan nimi suomeksi",
        "Rajat tunteina vai prosentteina",
        "Rajat tunteina vai prosentteina",
    ]
    assert out.getvalue().startswith(f"Skrev {tmp_path}/pikkula.yml: en mall för spelreglerna")
    _placeholders(tmp_path / "pikkula.yml")
    playbook = load_playbook_filled(tmp_path / "pikkula.yml")
    assert playbook.municipality.languages == ["sv", "fi"]
    assert playbook.municipality.name.get("sv") == "Småby"
    assert playbook.ladders[0].measures[0].unit == "percent"


def load_playbook_filled(path: Path) -> model.Playbook:
    path.write_text(_fill(path.read_text(encoding="utf-8")), encoding="utf-8")
    return load_playbook(path, today=TODAY).playbook


def test_names_with_yaml_characters_are_written_safely(tmp_path: Path) -> None:
    arguments = _arguments(name_fi='Kylä: "#1" & *muut*', languages="fi")
    assert run_new(arguments, tmp_path, None, io.StringIO(), TODAY) == 0
    playbook = load_playbook_filled(tmp_path / "pikkula.yml")
    assert playbook.municipality.name.get("fi") == 'Kylä: "#1" & *muut*'


def _converse(fd: int, replies: list[tuple[str, str | None]]) -> str:
    """Answer each prompt that appears on the terminal; return everything shown."""
    shown = ""
    for prompt, reply in [*replies, ("", None)]:
        deadline = time.monotonic() + 30
        while prompt not in shown or (not prompt and time.monotonic() < deadline):
            ready, _, _ = select.select([fd], [], [], 0.2)
            if ready:
                try:
                    chunk = os.read(fd, 4096)
                except OSError:  # the command ended and closed the terminal
                    return shown
                if not chunk:
                    return shown
                shown += chunk.decode("utf-8", errors="replace")
            if time.monotonic() > deadline:
                raise AssertionError(f"no prompt {prompt!r} in {shown!r}")
        if reply is not None:
            os.write(fd, reply.encode("utf-8") + b"\n")
    return shown


def test_in_a_real_terminal_it_asks(project: Path) -> None:
    pid, fd = pty.fork()
    if pid == 0:  # the child: sky new in the project, on the terminal
        os.chdir(project)
        os.execve(sys.executable, sky_command("new", "pikkula"), sky_environment())
    shown = _converse(
        fd,
        [
            ("[fi,sv]: ", ""),
            ("Kunnan nimi suomeksi", "Pikkula"),
            ("Kunnan nimi ruotsiksi", "Småby"),
            ("[hours]: ", "percent"),
        ],
    )
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, shown
    assert "Kirjoitettu playbooks/pikkula.yml" in shown
    playbook = load_playbook_filled(project / "playbooks" / "pikkula.yml")
    assert playbook.municipality.name.get("sv") == "Småby"
    assert playbook.ladders[0].measures[0].unit == "percent"


def test_the_main_language_comes_first_in_every_comment() -> None:
    names = {"fi": "Pikkula", "sv": "Småby"}
    finnish = starter_playbook(StarterAnswers("pikkula", ("fi", "sv"), names, "hours", TODAY))
    swedish = starter_playbook(StarterAnswers("pikkula", ("sv", "fi"), names, "percent", TODAY))
    assert "\n# Esimerkki / Exempel:\n" in finnish
    assert "\n# Exempel / Esimerkki:\n" in swedish
    assert (
        "\n  # Skriv regler för ledighet bara om ert beslut har sådana.\n"
        "  # Vapaata koskevat säännöt kirjoitetaan vain, jos päätöksessänne on sellaiset.\n"
    ) in swedish
    assert (
        "      # Nivå 3 är över 20 % av skoltiden. / Taso 3 on yli 20 % kouluajasta.\n" in swedish
    )
    assert "  # Kommunens namn på båda språken.\n  # Kunnan nimi kummallakin kielellä.\n" in swedish
