"""What ``sky serve`` shows after a save, step by step: the language being read at once, web
pages only, saying that the PDFs are being updated; then the whole site, which replaces it."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import VALID_PLAYBOOK, snapshot, vary, write_playbook
from generator.authoring.preview import Completed, Preview
from generator.messages import page_words
from generator.printout.documents import PLAYBOOK, file_name
from generator.project import Project

pytestmark = pytest.mark.slow

NOTICE = {language: page_words.text(language, "pdfs_updating") for language in ("fi", "sv")}
STAGE = "stages/concern/index.html"


@pytest.fixture
def preview(project: Path) -> Iterator[Preview]:
    path = write_playbook(project / "playbooks", VALID_PLAYBOOK)
    shown = Preview(path, Project.at(project), project / "preview")
    try:
        yield shown
    finally:
        shown.close()


def _page(preview: Preview, language: str, page: str = STAGE) -> str:
    return (preview.served / "pikkula" / language / page).read_text(encoding="utf-8")


def _pdf(preview: Preview, language: str) -> bytes:
    name = file_name(PLAYBOOK, "pikkula", language)
    return (preview.served / "pikkula" / language / "downloads" / name).read_bytes()


def _save(preview: Preview, text: str) -> None:
    preview.playbook.write_text(text, encoding="utf-8")


def _completed(preview: Preview, generation: int) -> Completed:
    done = preview.complete(generation)
    assert done is not None and done.ok, done
    return done


def test_a_saved_change_is_shown_before_the_pdfs_are_printed_again(preview: Preview) -> None:
    first = preview.show("")  # no page asked for yet: the site's first language
    assert (first.ok, first.language) == (True, "fi")
    assert "Soittaa kotiin." in _page(preview, "fi") and NOTICE["fi"] in _page(preview, "fi")
    assert list((preview.served / "pikkula" / "fi").rglob("*.pdf")) == []  # none printed yet
    assert not (preview.served / "pikkula" / "sv").exists()
    _completed(preview, first.generation)
    assert NOTICE["fi"] not in _page(preview, "fi") and NOTICE["sv"] not in _page(preview, "sv")
    printed = _pdf(preview, "fi")
    swedish = snapshot(preview.served / "pikkula" / "sv")

    _save(preview, vary("Soittaa kotiin.", "Soittaa kotiin heti."))
    second = preview.show("fi")
    assert second.ok
    # The change is served, the PDFs are still the ones printed before, and the pages say so.
    assert "Soittaa kotiin heti." in _page(preview, "fi")
    assert NOTICE["fi"] in _page(preview, "fi") and NOTICE["fi"] in _page(
        preview, "fi", "index.html"
    )
    assert _pdf(preview, "fi") == printed
    assert snapshot(preview.served / "pikkula" / "sv") == swedish  # the other language as it was

    _completed(preview, second.generation)
    assert "Soittaa kotiin heti." in _page(preview, "fi")
    assert NOTICE["fi"] not in _page(preview, "fi")
    assert _pdf(preview, "fi") != printed


def test_the_language_being_read_is_built_first(preview: Preview) -> None:
    _completed(preview, preview.show("fi").generation)
    finnish = snapshot(preview.served / "pikkula" / "fi")
    _save(preview, vary("sv: Ringer hem.", "sv: Ringer hem genast."))
    shown = preview.show("sv")
    assert (shown.ok, shown.language) == (True, "sv")
    assert "Ringer hem genast." in _page(preview, "sv") and NOTICE["sv"] in _page(preview, "sv")
    assert snapshot(preview.served / "pikkula" / "fi") == finnish


def test_a_later_save_gives_up_the_whole_build_of_an_earlier_one(preview: Preview) -> None:
    earlier = preview.show("fi")
    results: list[Completed | None] = []
    waiting = threading.Thread(target=lambda: results.append(preview.complete(earlier.generation)))
    waiting.start()
    _save(preview, vary("Soittaa kotiin.", "Soittaa kotiin heti."))
    later = preview.show("fi")
    waiting.join(timeout=120)
    assert results == [None]
    _completed(preview, later.generation)
    assert "Soittaa kotiin heti." in _page(preview, "fi") and NOTICE["fi"] not in _page(
        preview, "fi"
    )


def test_a_whole_build_that_fails_puts_the_last_good_site_back(preview: Preview) -> None:
    _completed(preview, preview.show("fi").generation)
    good = snapshot(preview.served / "pikkula")
    # Six steps too long for the one-page card: the pages build, the card does not fit (each
    # one sentence: the card's shortest layout prints an action's first sentence).
    long_action = ", ".join(["Soittaa kotiin ja kertoo mitä koulussa on huomattu"] * 90) + "."
    step = (
        f'      - role: class_teacher\n        action: {{fi: "{long_action}", sv: Ringer hem.}}\n'
    )
    _save(
        preview,
        vary("        within_school_days: 1\n", "        within_school_days: 1\n" + step * 6),
    )
    shown = preview.show("fi")
    assert shown.ok and long_action in _page(preview, "fi")
    done = preview.complete(shown.generation)
    assert done is not None and not done.ok
    assert [problem.code for problem in done.problems if problem.severity == "error"] == [
        "pdf-overflow"
    ]
    assert snapshot(preview.served / "pikkula") == good


def test_a_save_that_does_not_load_changes_nothing(preview: Preview) -> None:
    _completed(preview, preview.show("fi").generation)
    _save(preview, vary("Soittaa kotiin.", "Soittaa kotiin heti."))
    good = preview.show("fi")
    shown = snapshot(preview.served / "pikkula")
    _save(preview, vary("unit: hours", "unit: tunnit"))
    broken = preview.show("fi")
    assert not broken.ok and [problem.code for problem in broken.problems] == ["invalid-value"]
    assert snapshot(preview.served / "pikkula") == shown
    # The last save shown is still built whole, as it was read then.
    _completed(preview, good.generation)
    assert "Soittaa kotiin heti." in _page(preview, "fi") and NOTICE["fi"] not in _page(
        preview, "fi"
    )
