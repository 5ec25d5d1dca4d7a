"""``sky migrate`` as an author runs it on version-1 playbooks: the file rewritten in place as
version 2 with its comments and layout, each change reported on its line, nothing written when
anything is wrong, and the same playbook (model and open data) before and after.

The version-1 files are the three examples as they were written in format 1, kept in
``tests/corpus/v1/`` with their logos.
"""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap

from conftest import TESTS, TODAY, run_sky
from generator.authoring import migrate
from generator.authoring.migrate import run_migrate
from generator.cli.main import main
from generator.playbook.loader import PlaybookInvalid, load_playbook
from generator.playbook.model import ByGrades
from generator.playbook.roundtrip import Document, read_round_trip, write_round_trip
from generator.playbook.upgrade import upgrade
from generator.portal.opendata import record_of

V1 = TESTS / "corpus" / "v1"
V1_EXAMPLES = sorted(path.stem for path in V1.glob("*.yml"))
WINDOW_EN = (
    "over which period are the hours counted? Version 1 said it only in words, in "
    "monitoring.window (which stays). Write it below 'unit: hours', lined up with 'unit:': "
    "'per: term', 'per: school_year', 'per: period', or 'per: rolling_weeks' with 'weeks: 12' "
    "(how many weeks) on the next line"
)
RANTALA_LADDERS = "ladders:\n  - id: all\n    counts: all\n    measures:\n      - unit: hours\n\n"
TERVAHARJU_LADDERS = (
    "ladders:\n"
    "  - id: unauthorised\n    counts: unauthorised\n    measures:\n      - unit: hours\n"
    "  - id: all\n    counts: all\n    measures:\n      - unit: hours\n\n"
)
# Which absences Tervaharju's six stages count, in order ('absences:' in version 1).
TERVAHARJU_KINDS = ["unauthorised", "unauthorised", "all", "unauthorised", "all", "unauthorised"]


@pytest.fixture
def playbooks(tmp_path: Path) -> Path:
    """A project folder whose playbooks/ holds the version-1 examples and their logos."""
    shutil.copytree(V1, tmp_path / "playbooks")
    return tmp_path / "playbooks"


def old_text(name: str) -> str:
    return (V1 / f"{name}.yml").read_text(encoding="utf-8")


def replaced(text: str, *pairs: tuple[str, str]) -> str:
    """``text`` with each exact piece replaced once (each must be there)."""
    for old, new in pairs:
        assert old in text, f"not in the text: {old!r}"
        text = text.replace(old, new, 1)
    return text


def rantala_as_version_2(text: str) -> str:
    """What migrating Rantala must write: the three moves, and every other byte as it was."""
    return replaced(
        text,
        ("schema_version: 1\n", "schema_version: 2\n"),
        ("  system: Wilma\n  unit: hours\n", "  system: Wilma\n"),
        ("\nguardians:\n", "\n" + RANTALA_LADDERS + "guardians:\n"),
    )


def with_stage_ladders(text: str) -> str:
    """Tervaharju's stages as version 2 writes them: ``ladder:`` right after the title (before
    ``sky_tier:``), and no ``absences:`` line left in the thresholds."""
    kinds = iter(TERVAHARJU_KINDS)
    lines = []
    for line in text.splitlines(keepends=True):
        if line.startswith("    sky_tier: "):
            lines.append(f"    ladder: {next(kinds)}\n")
        if not line.startswith("      absences: "):
            lines.append(line)
    assert next(kinds, None) is None
    return "".join(lines)


def test_a_plain_round_trip_gives_every_example_back_unchanged() -> None:
    """The rewriting keeps what it does not change: read and written back, a file is the same
    to the byte (quotes, folded texts, flow maps, blank lines, the examples' indentation)."""
    files = [*V1.glob("*.yml"), *(TESTS.parent / "playbooks").glob("*.yml")]
    files.append(TESTS / "fixtures" / "pikkula.yml")
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert write_round_trip(read_round_trip(text)) == text, path


def test_migrating_rantala_changes_only_what_version_2_moves(playbooks: Path) -> None:
    before = old_text("rantala")
    result = run_sky(playbooks.parent, "migrate", "rantala", "--lang", "en")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (playbooks / "rantala.yml").read_text(encoding="utf-8") == rantala_as_version_2(before)
    assert result.stdout == (
        "playbooks/rantala.yml:3:1: schema_version: the file now follows version 2 of the "
        "format\n"
        "playbooks/rantala.yml:91:1: ladders: 'monitoring.unit: hours' and the stages' "
        "'absences:' are now written under 'ladders:', as 1 ladder(s): all\n"
        f"playbooks/rantala.yml:95:9: ladders[1].measures[1]: {WINDOW_EN}\n"
        "sky migrate: 1 migrated, 0 already in version 2, 0 not migrated\n"
    )
    assert result.stderr == ""
    assert sorted(path.name for path in playbooks.iterdir()) == [
        "fjardskar.yml",
        "logos",
        "rantala.yml",
        "tervaharju.yml",
    ]


def test_the_report_speaks_the_playbooks_language(playbooks: Path) -> None:
    result = run_sky(playbooks.parent, "migrate", "playbooks/rantala.yml")
    assert result.returncode == 0
    assert result.stdout == (
        "playbooks/rantala.yml:3:1: schema_version: tiedosto noudattaa nyt muodon versiota 2\n"
        "playbooks/rantala.yml:91:1: ladders: 'monitoring.unit: hours' ja portaiden "
        "'absences:' on nyt kirjoitettu kohtaan 'ladders:' portaikkoina, joita on 1: all\n"
        "playbooks/rantala.yml:95:9: ladders[1].measures[1]: miltä jaksolta poissaolot (hours) "
        "lasketaan? Versiossa 1 se kerrottiin vain sanoin kohdassa monitoring.window (joka "
        "säilyy). Kirjoita se rivin 'unit: hours' alle samaan kohtaan kuin 'unit:': "
        "'per: term' (lukukausi), 'per: school_year' (lukuvuosi), 'per: period' "
        "(arviointijakso) tai 'per: rolling_weeks' ja seuraavalle riville 'weeks: 12' "
        "(viikkojen määrä)\n"
        "sky migrate: muunnettuja 1, jo valmiiksi versiossa 2 0, muuntamatta jääneitä 0\n"
    )


def test_fjardskar_is_reported_in_swedish(playbooks: Path) -> None:
    result = run_sky(playbooks.parent, "migrate", "fjardskar")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert (
        lines[0]
        == "playbooks/fjardskar.yml:3:1: schema_version: filen följer nu formatets version 2"
    )
    assert lines[1] == (
        "playbooks/fjardskar.yml:91:1: ladders: 'monitoring.unit: percent' och stegens "
        "'absences:' är nu skrivna under 'ladders:' som trappor, 1 st.: all"
    )
    assert lines[2].startswith(
        "playbooks/fjardskar.yml:95:9: ladders[1].measures[1]: under vilken period räknas "
        "frånvaron (percent)? I version 1 stod det bara i ord under monitoring.window"
    )
    assert lines[3] == "sky migrate: 1 omskrivna, 0 redan i version 2, 0 inte omskrivna"


@pytest.mark.parametrize(
    "source", [*(V1 / f"{name}.yml" for name in V1_EXAMPLES), TESTS / "fixtures" / "pikkula.yml"]
)
def test_the_migrated_file_is_the_same_playbook(playbooks: Path, source: Path) -> None:
    """Lossless: the new file, read as version 2, is the playbook that the version-1 file was
    read as (every threshold, step and contact), and so publishes the same open data."""
    upgraded = load_playbook(source, TODAY).playbook
    shutil.copyfile(source, playbooks / source.name)
    result = run_sky(playbooks.parent, "migrate", source.stem)
    assert result.returncode == 0, result.stdout
    migrated = load_playbook(playbooks / source.name, TODAY)
    assert migrated.document.data["schema_version"] == "2"
    assert "unit" not in migrated.document.data["monitoring"]
    assert migrated.playbook.model_dump() == upgraded.model_dump()
    assert migrated.playbook == upgraded
    assert record_of(migrated.playbook) == record_of(upgraded)


def test_two_kinds_of_absences_become_two_ladders_and_each_stage_names_its_own(
    playbooks: Path,
) -> None:
    before = old_text("tervaharju")
    assert [
        line.removeprefix("      absences: ")
        for line in before.splitlines()
        if line.startswith("      absences: ")
    ] == TERVAHARJU_KINDS
    result = run_sky(playbooks.parent, "migrate", "tervaharju", "--lang", "en")
    assert result.returncode == 0
    after = (playbooks / "tervaharju.yml").read_text(encoding="utf-8")
    expected = replaced(
        before,
        ("schema_version: 1\n", "schema_version: 2\n"),
        ("  system: Wilma\n  unit: hours\n", "  system: Wilma\n"),
        ("\nguardians:\n", "\n" + TERVAHARJU_LADDERS + "guardians:\n"),
    )
    assert after == with_stage_ladders(expected)
    assert (
        '      sv: "Olovlig frånvaro: kontakt med hemmet genast"\n'
        "    ladder: unauthorised\n"
        "    sky_tier: 1\n"
    ) in after
    stages = [
        f"playbooks/tervaharju.yml:{line}:5: stages[{number}].ladder: 'threshold.absences: "
        f"{kind}' is now 'ladder: {kind}': the stage belongs to that ladder"
        for number, (line, kind) in enumerate(
            zip([145, 189, 246, 300, 354, 426], TERVAHARJU_KINDS, strict=True), start=1
        )
    ]
    assert result.stdout.splitlines() == [
        "playbooks/tervaharju.yml:3:1: schema_version: the file now follows version 2 of the "
        "format",
        "playbooks/tervaharju.yml:87:1: ladders: 'monitoring.unit: hours' and the stages' "
        "'absences:' are now written under 'ladders:', as 2 ladder(s): unauthorised, all",
        f"playbooks/tervaharju.yml:91:9: ladders[1].measures[1]: {WINDOW_EN}",
        f"playbooks/tervaharju.yml:95:9: ladders[2].measures[1]: {WINDOW_EN}",
        *stages,
        "sky migrate: 1 migrated, 0 already in version 2, 0 not migrated",
    ]
    new_lines = after.splitlines()
    assert [new_lines[line - 1] for line in (87, 91, 95, 145)] == [
        "ladders:",
        "      - unit: hours",
        "      - unit: hours",
        "    ladder: unauthorised",
    ]
    migrated = load_playbook(playbooks / "tervaharju.yml", TODAY).playbook
    assert [ladder.counts for ladder in migrated.ladders] == ["unauthorised", "all"]
    assert [stage.ladder for stage in migrated.stages] == TERVAHARJU_KINDS


def test_a_grade_split_threshold_is_written_as_it_was(playbooks: Path) -> None:
    assert run_sky(playbooks.parent, "migrate", "rantala").returncode == 0
    after = (playbooks / "rantala.yml").read_text(encoding="utf-8")
    assert (
        "    threshold:\n      hours:\n        grades_1_6: 30\n        grades_7_9: 40\n"
        "    description:\n"
    ) in after
    stage = load_playbook(playbooks / "rantala.yml", TODAY).playbook.stages[1]
    assert stage.threshold is not None
    assert stage.threshold.hours == ByGrades(grades_1_6=30, grades_7_9=40)


def test_comments_and_key_order_survive_where_the_keys_they_sat_on_are_gone(
    playbooks: Path,
) -> None:
    """A comment on a line that the migration removes stays where that line was; a blank line
    or comment that introduced the next section still introduces it; every other line stays
    as it was, in its order."""
    path = playbooks / "tervaharju.yml"
    commented = replaced(
        old_text("tervaharju"),
        ("schema_version: 1\n", "schema_version: 1  # muodon versio\n"),
        ("  unit: hours\n", "  # Wilman tuntimerkinnät\n  unit: hours  # tunteina\n  # jakso:\n"),
        ("\nguardians:\n", "\n# Huoltajille\nguardians:\n"),
        (
            "      hours: 0\n      absences: unauthorised\n",
            "      hours: 0\n      absences: unauthorised  # vain luvattomat\n"
            "      # heti ensimmäisestä\n",
        ),
        (
            "      hours: 15\n      absences: unauthorised\n",
            "      # luvattomat ensin\n      absences: unauthorised\n      hours: 15\n",
        ),
    )
    path.write_text(commented, encoding="utf-8")
    result = run_sky(playbooks.parent, "migrate", "tervaharju")
    assert result.returncode == 0, result.stdout
    expected = replaced(
        commented,
        ("schema_version: 1  # muodon versio\n", "schema_version: 2  # muodon versio\n"),
        ("  unit: hours  # tunteina\n", "  # tunteina\n"),
        (
            "\n# Huoltajille\nguardians:\n",
            "\n" + TERVAHARJU_LADDERS + "# Huoltajille\nguardians:\n",
        ),
        ("      absences: unauthorised  # vain luvattomat\n", "      # vain luvattomat\n"),
        ("      # luvattomat ensin\n      absences: unauthorised\n", "      # luvattomat ensin\n"),
    )
    assert path.read_text(encoding="utf-8") == with_stage_ladders(expected)
    assert load_playbook(path, TODAY).playbook == load_playbook(V1 / "tervaharju.yml").playbook


def test_migrating_twice_changes_nothing_the_second_time(playbooks: Path) -> None:
    path = playbooks / "rantala.yml"
    assert run_sky(playbooks.parent, "migrate", "rantala").returncode == 0
    migrated = path.read_bytes()
    os.utime(path, (1_000_000_000, 1_000_000_000))
    result = run_sky(playbooks.parent, "migrate", "rantala", "--lang", "en")
    assert result.returncode == 0
    assert result.stdout == (
        "playbooks/rantala.yml:3:1: schema_version: the file already follows version 2 of the format: nothing "
        "to change, it is left as it is\n"
        "sky migrate: 0 migrated, 1 already in version 2, 0 not migrated\n"
    )
    assert path.read_bytes() == migrated
    assert path.stat().st_mtime == 1_000_000_000


def test_check_lists_the_files_to_migrate_and_writes_nothing(playbooks: Path) -> None:
    assert run_sky(playbooks.parent, "migrate", "rantala").returncode == 0
    before = {path.name: path.read_bytes() for path in playbooks.glob("*.yml")}
    result = run_sky(playbooks.parent, "migrate", "--check", "--lang", "en")
    assert result.returncode == 1
    assert result.stdout == (
        "playbooks/fjardskar.yml:3:1: schema_version: the file follows version 1 of the "
        "format, the newest is 2: 'sky migrate' rewrites it\n"
        "playbooks/rantala.yml:3:1: schema_version: the file already follows version 2 of the format: nothing "
        "to change, it is left as it is\n"
        "playbooks/tervaharju.yml:3:1: schema_version: the file follows version 1 of the "
        "format, the newest is 2: 'sky migrate' rewrites it\n"
        "sky migrate --check: 2 to migrate, 1 in version 2, 0 not valid\n"
    )
    assert {path.name: path.read_bytes() for path in playbooks.glob("*.yml")} == before
    assert run_sky(playbooks.parent, "migrate", "--check", "rantala").returncode == 0
    assert run_sky(playbooks.parent, "migrate").returncode == 0
    result = run_sky(playbooks.parent, "migrate", "--check", "--lang", "fi")
    assert result.returncode == 0
    assert result.stdout.splitlines()[-1] == (
        "sky migrate --check: muunnettavia 0, jo versiossa 2 3, virheellisiä 0"
    )


def test_a_file_with_errors_is_reported_as_check_reports_it_and_not_written(
    playbooks: Path,
) -> None:
    path = playbooks / "rantala.yml"
    path.write_text(
        replaced(old_text("rantala"), ("  unit: hours\n", "  unit: tunnit\n")), encoding="utf-8"
    )
    os.utime(path, (1_000_000_000, 1_000_000_000))
    broken = path.read_bytes()
    with pytest.raises(PlaybookInvalid) as invalid:
        load_playbook(path, TODAY)
    as_check_prints = [problem.render("en") for problem in invalid.value.problems]
    assert as_check_prints == [
        f"{path}:66:9: monitoring.unit: expected one of 'hours' or 'percent', got 'tunnit' "
        "[invalid-value]"
    ]
    result = run_sky(playbooks.parent, "migrate", "rantala", "--lang", "en")
    assert result.returncode == 1
    assert result.stdout == (
        "playbooks/rantala.yml:66:9: monitoring.unit: expected one of 'hours' or 'percent', "
        "got 'tunnit' [invalid-value]\n"
        "sky migrate: 0 migrated, 0 already in version 2, 1 not migrated\n"
    )
    assert "Traceback" not in result.stderr
    assert path.read_bytes() == broken
    assert path.stat().st_mtime == 1_000_000_000
    assert sorted(child.name for child in playbooks.iterdir()) == [
        "fjardskar.yml",
        "logos",
        "rantala.yml",
        "tervaharju.yml",
    ]


def test_one_bad_file_does_not_stop_the_others(playbooks: Path) -> None:
    (playbooks / "fjardskar.yml").write_text("schema_version: 1\nmunicipality: [\n")
    broken = (playbooks / "fjardskar.yml").read_bytes()
    result = run_sky(playbooks.parent, "migrate", "--lang", "en")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith("playbooks/fjardskar.yml:")
    assert lines[0].endswith("[yaml-syntax]")
    assert lines[-1] == "sky migrate: 2 migrated, 0 already in version 2, 1 not migrated"
    assert (playbooks / "fjardskar.yml").read_bytes() == broken
    for name in ("rantala", "tervaharju"):
        assert (
            load_playbook(playbooks / f"{name}.yml", TODAY).document.data["schema_version"] == "2"
        )


def test_the_file_keeps_its_permissions(playbooks: Path) -> None:
    path = playbooks / "rantala.yml"
    path.chmod(0o640)
    assert run_sky(playbooks.parent, "migrate", "rantala").returncode == 0
    assert path.stat().st_mode & 0o777 == 0o640


def test_another_indentation_and_line_ending_are_kept(playbooks: Path) -> None:
    """A file whose lists are not indented under their key (``stages:`` / ``- id:``), with
    Windows line ends, is written back the same way, the new ladders included."""
    flat = _written_flat(old_text("rantala"))
    assert "\nstages:\n- id: huoli-puheeksi\n  title:\n    fi: Huoli puheeksi\n" in flat
    path = playbooks / "rantala.yml"
    path.write_bytes(flat.replace("\n", "\r\n").encode("utf-8"))
    result = run_sky(playbooks.parent, "migrate", "rantala")
    assert result.returncode == 0, result.stdout
    expected = replaced(
        flat,
        ("schema_version: 1\n", "schema_version: 2\n"),
        ("  system: Wilma\n  unit: hours\n", "  system: Wilma\n"),
        (
            "\nguardians:\n",
            "\nladders:\n- id: all\n  counts: all\n  measures:\n  - unit: hours\n\nguardians:\n",
        ),
    )
    assert path.read_bytes() == expected.replace("\n", "\r\n").encode("utf-8")


def _written_flat(text: str) -> str:
    """``text`` with every list at its key's indentation, as some editors write YAML."""
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=2, offset=0)
    stream = io.StringIO()
    yaml.dump(yaml.load(text), stream)
    return stream.getvalue()


def test_a_migration_that_would_change_the_playbook_writes_nothing(
    playbooks: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The last guard: had the rewriting a defect that changed a threshold, the new text would
    not load as the same playbook, and the file is left alone (exit 3, details in a log)."""
    path = playbooks / "rantala.yml"
    before = path.read_bytes()

    def defective(document: Document) -> str:
        return write_round_trip(document).replace("grades_1_6: 30", "grades_1_6: 31")

    monkeypatch.setattr(migrate, "write_round_trip", defective)
    monkeypatch.chdir(playbooks.parent)
    assert main(["migrate", "rantala", "--lang", "en"]) == 3
    out = capsys.readouterr().out
    assert out == (
        "playbooks/rantala.yml:1:1: the file was not changed: rewritten, it would no longer "
        "give the same playbook (stages[2].threshold.hours.grades_1_6 differs); this is a defect "
        "of sky: please send build/logs/migrate-rantala.log to the toolkit's maintainers\n"
        "sky migrate: 0 migrated, 0 already in version 2, 1 not migrated\n"
    )
    assert path.read_bytes() == before
    log = (playbooks.parent / "build" / "logs" / "migrate-rantala.log").read_text()
    assert "stages[2].threshold.hours.grades_1_6: 30.0 became 31.0" in log
    assert not any(child.name.startswith(".sky-migrate") for child in playbooks.iterdir())


def test_run_migrate_counts_each_kind_of_outcome(playbooks: Path) -> None:
    out = io.StringIO()
    paths = [playbooks / "rantala.yml", playbooks / "missing.yml"]
    code = run_migrate(paths, False, "en", playbooks.parent / "build" / "logs", out, TODAY)
    assert code == 1
    lines = out.getvalue().splitlines()
    assert lines[-1] == "sky migrate: 1 migrated, 0 already in version 2, 1 not migrated"
    assert any(line.endswith("[file-unreadable]") for line in lines)


def test_an_unexpected_error_in_one_file_stops_that_file_alone(
    playbooks: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A defect that raises while one file is rewritten leaves that file as it was, says where
    the details are (exit 3), and the other files are still migrated."""
    before = (playbooks / "fjardskar.yml").read_bytes()

    def upgrade_failing_for_fjardskar(tree: CommentedMap, *factories: Any) -> Any:
        if tree["municipality"]["slug"] == "fjardskar":
            raise RuntimeError("a defect")
        return upgrade(tree, *factories)

    monkeypatch.setattr(migrate, "upgrade", upgrade_failing_for_fjardskar)
    monkeypatch.chdir(playbooks.parent)
    assert main(["migrate", "--lang", "en"]) == 3
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == (
        "playbooks/fjardskar.yml:1:1: the file was not changed: an unexpected error stopped its "
        "migration; this is a defect of sky: please send build/logs/migrate-fjardskar.log to the "
        "toolkit's maintainers"
    )
    assert lines[-1] == "sky migrate: 2 migrated, 0 already in version 2, 1 not migrated"
    assert (playbooks / "fjardskar.yml").read_bytes() == before
    log = (playbooks.parent / "build" / "logs" / "migrate-fjardskar.log").read_text()
    assert "RuntimeError: a defect" in log
    assert not any(child.name.startswith(".sky-migrate") for child in playbooks.iterdir())
