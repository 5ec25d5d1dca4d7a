"""Which language to speak to an author in: asked for with ``--lang``, else the playbook's.

An author who writes a Swedish-first playbook reads Swedish messages without asking. The
playbook's first language is read from the file itself, even when the file is not valid yet
(a broken playbook is exactly when the messages matter).
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from generator.messages import MESSAGE_LANGUAGES
from generator.playbook.yamlsource import SourceError, read_yaml

DEFAULT_LANGUAGE = "fi"  # a playbook without 'languages:' is published in [fi, sv]
_LANGUAGES_LINE = re.compile(r"^\s*languages:\s*\[?\s*(?:-\s*)?[\"']?(fi|sv)\b", re.MULTILINE)


def add_lang_option(
    command: argparse.ArgumentParser, default: str = "the first language of the first playbook"
) -> None:
    command.add_argument(
        "--lang",
        choices=MESSAGE_LANGUAGES,
        help=f"language of the messages: {', '.join(MESSAGE_LANGUAGES)} (default: {default})",
    )


def message_language(requested: str | None, paths: list[Path]) -> str:
    """``requested`` if given, else the first language of the first playbook."""
    if requested:
        return requested
    return playbook_language(paths[0]) if paths else DEFAULT_LANGUAGE


def playbook_language(path: Path) -> str:
    try:
        data = read_yaml(path).data
    except SourceError:
        return _language_in_text(path)
    municipality = data.get("municipality") if isinstance(data, dict) else None
    languages = municipality.get("languages") if isinstance(municipality, dict) else None
    if isinstance(languages, list) and languages and languages[0] in ("fi", "sv"):
        return str(languages[0])
    return DEFAULT_LANGUAGE


def _language_in_text(path: Path) -> str:
    """The first language from the raw text of a file that is not valid YAML."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return DEFAULT_LANGUAGE
    match = _LANGUAGES_LINE.search(text)
    return match.group(1) if match else DEFAULT_LANGUAGE
