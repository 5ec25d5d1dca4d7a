"""The gettext catalogues: complete in every language, placeholders kept, compiled and current.

The ``.po`` files are read with Babel (the translators' format), the ``.mo`` files with the
standard library's gettext (what the toolkit reads), so a catalogue that a translator's tool
would write wrongly, or that was not compiled again after an edit, fails here.
"""

from __future__ import annotations

import gettext
import io
import os
import shutil
import string
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from conftest import run_sky, vary, write_playbook
from generator.messages import WORD_PREFIXES, catalogue

LANGUAGES = ("en", "fi", "sv")
TRANSLATED = ("fi", "sv")  # the words of the built output exist only in these


def _read(path: Path) -> Catalog:
    with path.open("rb") as file:
        return read_po(file)


def _entries(catalog: Catalog) -> dict[str, Message]:
    return {str(message.id): message for message in catalog if message.id}


POS = {language: _entries(_read(catalogue.po_path(language))) for language in LANGUAGES}
TEMPLATE = _entries(_read(catalogue.LOCALE_DIR / "sky.pot"))
KEYS = sorted(set(TEMPLATE).union(*POS.values()))


def _text(language: str, key: str) -> str:
    message = POS[language].get(key)
    return str(message.string) if message is not None and message.string else ""


def _source(key: str) -> str:
    """What a translator translates from: the English text, or the Finnish for the words."""
    return _text("en", key) or _text("fi", key)


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def _needs(key: str) -> tuple[str, ...]:
    return TRANSLATED if key.startswith(WORD_PREFIXES) else LANGUAGES


def test_every_entry_has_a_text_in_every_language_it_needs() -> None:
    assert len(KEYS) > 300
    missing = [
        f"{language}: {key}" for key in KEYS for language in _needs(key) if not _text(language, key)
    ]
    assert missing == []


def test_the_words_of_the_built_output_have_no_english_to_go_stale() -> None:
    english = [key for key in KEYS if key.startswith(WORD_PREFIXES) and _text("en", key)]
    assert english == []


def test_the_template_lists_every_entry_with_its_source_and_no_text() -> None:
    assert list(TEMPLATE) == list(POS["en"]) == list(POS["fi"]) == list(POS["sv"])
    for key, message in TEMPLATE.items():
        assert not message.string, key
        for language in LANGUAGES:
            assert POS[language][key].auto_comments == message.auto_comments, (language, key)
        # The comment is the source (wrapped over lines as PO editors do).
        assert " ".join(message.auto_comments).split() == _source(key).split(), key


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_placeholder_is_one_the_source_has(language: str) -> None:
    stray = {
        key: sorted(_fields(_text(language, key)) - _fields(_source(key)))
        for key in KEYS
        if _fields(_text(language, key)) - _fields(_source(key))
    }
    assert stray == {}


def test_a_placeholder_the_source_lacks_is_found() -> None:
    assert _fields("inom {days} skoldagar") - _fields("enintään {dayz} koulupäivää") == {"days"}
    with pytest.raises(ValueError):
        _fields("an unclosed {brace")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_text_is_a_valid_format_template(language: str) -> None:
    for key in KEYS:
        template = _text(language, key)
        template.format(**dict.fromkeys(_fields(template), "x"))


def _gettext_catalog(data: bytes) -> dict[object, object]:
    catalog: dict[object, object] = vars(gettext.GNUTranslations(io.BytesIO(data)))["_catalog"]
    return catalog


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_compiled_catalogue_is_current(language: str) -> None:
    compiled = io.BytesIO()
    write_mo(compiled, _read(catalogue.po_path(language)))
    installed = catalogue.mo_path(language).read_bytes()
    assert _gettext_catalog(installed) == _gettext_catalog(compiled.getvalue()), (
        f"{catalogue.mo_path(language)} is not compiled from its .po: run scripts/install"
    )


@pytest.fixture
def locale_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of the catalogues that the toolkit reads instead of its own, for this test."""
    shutil.copytree(catalogue.LOCALE_DIR, tmp_path / "locale")
    monkeypatch.setattr(catalogue, "LOCALE_DIR", tmp_path / "locale")
    catalogue.entries.cache_clear()
    yield tmp_path / "locale"
    catalogue.entries.cache_clear()


def _age(path: Path, seconds: float) -> None:
    """Make ``path`` ``seconds`` younger (positive) or older than it is."""
    stat = path.stat()
    os.utime(path, (stat.st_atime + seconds, stat.st_mtime + seconds))


def test_a_stale_catalogue_stops_with_what_to_do(locale_copy: Path) -> None:
    po, mo = locale_copy / "sv/LC_MESSAGES/sky.po", locale_copy / "sv/LC_MESSAGES/sky.mo"
    _age(po, mo.stat().st_mtime - po.stat().st_mtime + 60)  # edited a minute after compiling
    with pytest.raises(catalogue.CatalogueNotCompiled) as caught:
        catalogue.entries("sv")
    assert str(caught.value) == (
        f"sky: {locale_copy}/sv/LC_MESSAGES/sky.mo is older than sky.po; run scripts/install "
        "to compile it again"
    )


def test_a_missing_catalogue_stops_with_what_to_do(locale_copy: Path) -> None:
    (locale_copy / "fi/LC_MESSAGES/sky.mo").unlink()
    with pytest.raises(catalogue.CatalogueNotCompiled) as caught:
        catalogue.entries("fi")
    assert str(caught.value) == (
        f"sky: {locale_copy}/fi/LC_MESSAGES/sky.mo is missing; run scripts/install to compile it"
    )
    assert caught.value.code == str(caught.value)  # printed as one line, exit status 1


def test_files_unpacked_together_are_current(locale_copy: Path) -> None:
    """A wheel unpacks sky.po a moment after sky.mo; that .po is the one compiled."""
    mo = locale_copy / "sv/LC_MESSAGES/sky.mo"
    po = locale_copy / "sv/LC_MESSAGES/sky.po"
    os.utime(po, (mo.stat().st_atime + 0.5, mo.stat().st_mtime + 0.5))
    assert catalogue.entries("sv")["page.home"] == "Startsida"


def test_a_language_without_a_catalogue_is_a_programming_error() -> None:
    with pytest.raises(KeyError):
        catalogue.entries("de")


def test_a_new_language_is_one_file(locale_copy: Path) -> None:
    new = locale_copy / "se/LC_MESSAGES"
    new.mkdir(parents=True)
    shutil.copy(catalogue.po_path("en"), new / "sky.po")
    assert catalogue.languages() == ("en", "fi", "se", "sv")


_INVALID = vary("unit: hours", "unit: tunnit")


def test_the_build_summary_is_printed_in_finnish(project: Path) -> None:
    write_playbook(project / "playbooks", _INVALID)
    result = run_sky(project, "build", "pikkula", "--lang", "fi")
    assert result.returncode == 1
    assert result.stdout == (
        "sky build: julkaistuja 0, epäonnistuneita 1; virheitä 1, varoituksia 0\n"
    )
    assert (
        "playbooks/pikkula.yml:15:9: monitoring.unit: kirjoita jokin näistä: 'hours' tai "
        "'percent' (nyt: 'tunnit') [invalid-value]"
    ) in result.stderr.splitlines()


def test_the_build_summary_is_printed_in_swedish(project: Path) -> None:
    write_playbook(project / "playbooks", _INVALID)
    result = run_sky(project, "build", "pikkula", "--lang", "sv")
    assert result.returncode == 1
    assert result.stdout == "sky build: publicerade 0, misslyckade 1; fel 1, varningar 0\n"


def test_the_build_summary_stays_english_by_default(project: Path) -> None:
    write_playbook(project / "playbooks", _INVALID)
    result = run_sky(project, "build", "pikkula")
    assert result.stdout == "sky build: 0 published, 1 failed; 1 error(s), 0 warning(s)\n"


def test_rollback_and_usage_lines_are_translated(project: Path) -> None:
    missing = run_sky(project, "rollback", "toinen", "--lang", "sv")
    assert missing.returncode == 1
    assert missing.stderr == (
        "sky rollback: det finns ingen tidigare version av 'toinen' i site/.previous/ (den "
        "tidigare versionen sparas där varje gång ett bygge ersätter en webbplats)\n"
    )
    jobs = run_sky(project, "check", "--jobs", "0")  # no playbook yet: Finnish, the default
    assert (jobs.returncode, jobs.stderr) == (2, "sky check: --jobs-arvon pitää olla vähintään 1\n")
    empty = project / "empty"
    empty.mkdir()
    outside = run_sky(empty, "build", "--lang", "sv")
    assert (outside.returncode, outside.stderr) == (
        2,
        f"sky build: här finns inga spelregler (mappen {empty}/playbooks/ saknas); börja med "
        "'sky new KORTNAMN' eller kör sky i mappen där playbooks/ finns\n",
    )


@pytest.mark.parametrize(
    ("language", "line"),
    [
        ("en", "built 3, unchanged 0, failed 1, remaining 2"),
        ("fi", "rakennettu 3, ennallaan 0, epäonnistui 1, jäljellä 2"),
        ("sv", "byggda 3, oförändrade 0, misslyckade 1, återstår 2"),
    ],
)
def test_the_progress_bar_has_its_words(language: str, line: str) -> None:
    words = catalogue.entries(language)
    counts = {"built": 3, "unchanged": 0, "failed": 1, "remaining": 2}
    assert words["progress.counts"].format(**counts) == line
    assert line.startswith(words["progress.built"])
    for word in ("unchanged", "failed", "remaining"):
        assert f", {words[f'progress.{word}']} " in line
