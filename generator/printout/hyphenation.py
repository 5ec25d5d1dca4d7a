"""Soft hyphens for Finnish text, from Voikko's morphology. The only module importing libvoikko.

WeasyPrint hyphenates with Pyphen, which has no Finnish dictionary, and Finnish compounds need
morphology to break right (``luokan-opettaja``, not ``luoka-nopettaja``). So Finnish text gets
soft hyphens (U+00AD) here and is printed with ``hyphens: manual``: a soft hyphen is invisible
unless the line breaks there, and it is not part of the text a reader copies or hears. Swedish
is hyphenated by WeasyPrint itself (``hyphens: auto`` with Pyphen's Swedish dictionary).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

SOFT_HYPHEN = "\u00ad"

# Runs of letters long enough to be worth breaking; digits, codes and e-mail parts are left.
_WORD = re.compile(r"[^\W\d_]{7,}")
# Keep at least this many letters before and after a break.
_MIN_BEFORE = 2
_MIN_AFTER = 3


class HyphenationUnavailable(RuntimeError):
    """Voikko or its Finnish dictionary is not installed."""


@cache
def _finnish() -> Any:
    """Voikko for Finnish, made once per process (loading the dictionary takes a moment)."""
    try:
        import libvoikko

        voikko = libvoikko.Voikko("fi")
    # ImportError, OSError (libvoikko.so missing) or VoikkoException (no Finnish dictionary).
    except Exception as error:
        raise HyphenationUnavailable(
            "Finnish hyphenation needs the Debian packages libvoikko1 and voikko-fi and the "
            f"Python package libvoikko; run scripts/install ({error})"
        ) from error
    # Never split off a single letter ('o-pettaja'), and break unknown words (names) too.
    voikko.setNoUglyHyphenation(True)
    voikko.setHyphenateUnknownWords(True)
    return voikko


def soft_hyphenate(text: str, language: str) -> str:
    """``text`` with soft hyphens where a Finnish word may break; other languages unchanged."""
    if language != "fi":
        return text
    voikko = _finnish()
    return _WORD.sub(lambda match: _mark(match.group(0), voikko), text)


def _mark(word: str, voikko: Any) -> str:
    pattern: str = voikko.getHyphenationPattern(word)
    pieces = []
    for index, (letter, mark) in enumerate(zip(word, pattern, strict=True)):
        # '-' = a hyphen may go before this letter; '=' (an existing hyphen) breaks already.
        if mark == "-" and _MIN_BEFORE <= index <= len(word) - _MIN_AFTER:
            pieces.append(SOFT_HYPHEN)
        pieces.append(letter)
    return "".join(pieces)
