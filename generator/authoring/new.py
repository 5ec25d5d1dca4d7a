"""``sky new SLUG``: write a starter playbook, asking for what it needs or taking options.

In a terminal it asks for the publication languages, the municipality's names and the unit of
the thresholds; in a script the same come as options. It never overwrites a file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from pydantic import TypeAdapter, ValidationError

from generator import clock
from generator.authoring.schema import SCHEMA_FILE, schema_text
from generator.authoring.starter import StarterAnswers, Unit, starter_playbook
from generator.messages import text
from generator.messages.author_language import add_lang_option, playbook_language
from generator.playbook.fields import RESERVED_SLUGS, Language, Slug
from generator.problems import display_path

Ask = Callable[[str], str]
EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2
_LANGUAGE_CHOICES: dict[str, tuple[Language, ...]] = {
    "fi,sv": ("fi", "sv"),
    "sv,fi": ("sv", "fi"),
    "fi": ("fi",),
    "sv": ("sv",),
}
_PROMPTS = {
    "languages": "Julkaisukielet, pääkieli ensin / Publiceringsspråk, huvudspråket först "
    "(fi,sv / sv,fi / fi / sv) [fi,sv]: ",
    "fi": "Kunnan nimi suomeksi / Kommunens namn på finska: ",
    "sv": "Kunnan nimi ruotsiksi / Kommunens namn på svenska: ",
    "unit": "Rajat tunteina vai prosentteina / Gränser i timmar eller procent "
    "(hours / percent) [hours]: ",
}


class _Refused(Exception):
    def __init__(self, exit_code: int, message: str) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def add_new_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    new_cmd = commands.add_parser(
        "new",
        help="write a starter playbook to fill in (playbooks/SLUG.yml)",
        description="Write playbooks/SLUG.yml: a complete starter playbook with comments and "
        "TODO placeholders. In a terminal it asks for what the options below give.",
    )
    new_cmd.add_argument("slug", metavar="SLUG", help="short name for web addresses: rantala")
    new_cmd.add_argument("--name-fi", help="the municipality's name in Finnish")
    new_cmd.add_argument("--name-sv", help="the municipality's name in Swedish")
    new_cmd.add_argument(
        "--languages",
        choices=list(_LANGUAGE_CHOICES),
        help="publication languages, the main one first (default: fi,sv)",
    )
    new_cmd.add_argument(
        "--unit", choices=["hours", "percent"], help="unit of the thresholds (default: hours)"
    )
    add_lang_option(new_cmd)


def run_new(
    args: argparse.Namespace,
    playbooks_dir: Path,
    ask: Ask | None,
    out: TextIO = sys.stdout,
    today: dt.date | None = None,
) -> int:
    """Write the starter playbook; ``ask`` is None when nobody is there to answer."""
    language = args.lang or (args.languages or "fi")[:2]
    path = playbooks_dir / f"{args.slug}.yml"
    shown_path = display_path(path)
    try:
        _check_slug(args.slug, language)
        if path.exists():
            raise FileExistsError(path)
        answers = _answers(args, ask, today or clock.today(), language)
        playbooks_dir.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as file:  # "x": never overwrite, even in a race
            file.write(starter_playbook(answers))
        _write_schema(playbooks_dir.parent / SCHEMA_FILE)
    except FileExistsError:
        shown_language = args.lang or playbook_language(path)
        print(f"sky new: {text('new.exists', shown_language, path=shown_path)}", file=sys.stderr)
        return EXIT_INVALID
    except _Refused as refusal:
        print(f"sky new: {refusal}", file=sys.stderr)
        return refusal.exit_code
    language = args.lang or answers.languages[0]
    print(text("new.written", language, path=shown_path), file=out)
    print(text("new.next", language, path=shown_path, slug=args.slug), file=out)
    return EXIT_OK


def _write_schema(schema: Path) -> None:
    """The JSON Schema that the starter's first line points editors at, if it is not there."""
    if not schema.exists():
        schema.parent.mkdir(parents=True, exist_ok=True)
        schema.write_text(schema_text(), encoding="utf-8")


def _check_slug(slug: str, language: str) -> None:
    try:
        TypeAdapter(Slug).validate_python(slug)
    except ValidationError:
        raise _Refused(EXIT_USAGE, text("new.bad-slug", language, slug=slug)) from None
    if slug in RESERVED_SLUGS:
        raise _Refused(EXIT_USAGE, text("reserved-slug", language, slug=slug))


def _answers(
    args: argparse.Namespace, ask: Ask | None, today: dt.date, lang: str
) -> StarterAnswers:
    choice = args.languages or _asked(ask, "languages", list(_LANGUAGE_CHOICES))
    languages = _LANGUAGE_CHOICES[choice]
    given: dict[str, str | None] = {"fi": args.name_fi, "sv": args.name_sv}
    missing = [f"--name-{code}" for code in languages if not given[code]]
    if missing and ask is None:
        raise _Refused(EXIT_USAGE, text("new.missing", lang, options=", ".join(missing)))
    names: dict[str, str] = {code: given[code] or _asked_name(ask, code) for code in languages}
    unit: Unit = "percent" if (args.unit or _asked(ask, "unit", _UNITS)) == "percent" else "hours"
    return StarterAnswers(args.slug, languages, names, unit, today)


_UNITS = ["hours", "percent"]


def _asked(ask: Ask | None, question: str, choices: list[str]) -> str:
    """The answer to ``question``: one of ``choices``; Enter takes the first."""
    if ask is None:
        return choices[0]
    while True:
        answer = _read(ask, _PROMPTS[question]).replace(" ", "").lower()
        if not answer:
            return choices[0]
        if answer in choices:
            return answer


def _asked_name(ask: Ask | None, language: str) -> str:
    assert ask is not None
    while True:
        answer = _read(ask, _PROMPTS[language]).strip()
        if answer:
            return answer


def _read(ask: Ask, prompt: str) -> str:
    try:
        return ask(prompt)
    except EOFError:
        raise _Refused(EXIT_USAGE, "ei vastausta / inget svar / no answer (end of input)") from None
