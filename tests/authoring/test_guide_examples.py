"""What the authors' guide shows about format 2 is what the toolkit does: the comma trap it
warns of is the one ``sky check`` reports, its fix loads, and its table of thresholds reads
as the sites read them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from conftest import TODAY
from generator.authoring.starter import StarterAnswers, starter_playbook
from generator.messages.ladder_words import value_words
from generator.playbook.loader import PlaybookInvalid, load_playbook
from generator.playbook.model import Language, Threshold
from generator.project import AUTHORS_GUIDE

LANGUAGES = ("fi", "sv")
_COMMA_MESSAGE = {"fi": "pilkku katkaisi tekstin", "sv": "ett kommatecken avbröt texten"}


def _section(language: str, section: str) -> str:
    """The guide's writing page from the heading with id ``section`` to the next heading."""
    page = (AUTHORS_GUIDE / language / "writing.md").read_text(encoding="utf-8")
    rest = page[page.index(f"{{#{section}}}") :].split("\n", 1)[1]
    following = re.search(r"^#+ ", rest, re.MULTILINE)
    return rest[: following.start()] if following else rest


def _yaml_blocks(text: str) -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", text, re.DOTALL)


def _with_first_action(language: str, block: str) -> str:
    """A finished starter whose first step's instruction is written as ``block`` shows it."""
    names = {"fi": "Pikkula", "sv": "Småby"}
    order: tuple[Language, ...] = ("fi", "sv") if language == "fi" else ("sv", "fi")
    text = starter_playbook(StarterAnswers("pikkula", order, names, "hours", TODAY))
    text = re.sub(r"TODO@([a-z0-9-]+)\.fi", r"kanslia@\1.fi", text)
    text = text.replace("§ TODO", "§ 12").replace("TODO ", "")
    action = re.compile(r"^        action:\n(?:          .*\n)+", re.MULTILINE)
    indented = "".join(f"        {line}\n" for line in block.strip("\n").split("\n"))
    return action.sub(lambda _: indented, text, count=1)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_comma_trap_the_guide_shows_is_what_check_reports(
    tmp_path: Path, language: str
) -> None:
    trap, fixed = _yaml_blocks(_section(language, "comma"))
    assert trap.count("\n") == 1 and trap.startswith("action: {")
    path = tmp_path / "pikkula.yml"
    path.write_text(_with_first_action(language, trap), encoding="utf-8")
    with pytest.raises(PlaybookInvalid) as caught:
        load_playbook(path, today=TODAY)
    problems = [(p.code, p.field, p.render(language)) for p in caught.value.problems]
    assert sorted((code, field) for code, field, _ in problems) == [
        ("unknown-key", "stages[1].steps[1].action.också om orsaken är känd."),
        ("unknown-key", "stages[1].steps[1].action.vaikka syy olisi tiedossa."),
    ]
    assert all(_COMMA_MESSAGE[language] in rendered for _, _, rendered in problems)

    path.write_text(_with_first_action(language, fixed), encoding="utf-8")
    action = load_playbook(path, today=TODAY).playbook.stages[0].steps[0].action
    assert action.get("fi") == "Ota yhteyttä huoltajaan, vaikka syy olisi tiedossa."
    assert action.get("sv") == "Kontakta vårdnadshavaren, också om orsaken är känd."


def _table_rows(text: str) -> list[list[str]]:
    rows = [line for line in text.splitlines() if line.startswith("| ")]
    return [[cell.strip() for cell in row.strip("|").split(" | ")] for row in rows[1:]]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_guides_thresholds_read_as_the_sites_read_them(language: str) -> None:
    rows = _table_rows(_section(language, "thresholds"))
    assert len(rows) == 4
    written = [row[1] for row in rows]
    assert sum("over:" in cell for cell in written) == 1
    assert sum("from:" in cell for cell in written) == 1
    assert sum("grades_1_6:" in cell for cell in written) == 1
    for _, write, shown in rows:
        data = YAML(typ="safe", pure=True).load(write.strip("`"))
        [(unit, value)] = Threshold.model_validate(data).measures.items()
        assert value_words(value, unit, language) == shown, write


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_guides_yaml_examples_are_written_in_the_block_form(language: str) -> None:
    for name in ("writing.md", "new-version.md"):
        page = (AUTHORS_GUIDE / language / name).read_text(encoding="utf-8")
        blocks = _yaml_blocks(page)
        trap = _yaml_blocks(_section(language, "comma"))[0] if name == "writing.md" else ""
        texts = [b for b in blocks if b != trap and re.search(r"\{\s*(fi|sv):", b)]
        assert texts == [], name
