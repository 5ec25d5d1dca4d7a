"""Split a playbook's instructions into sentences, so that pages can show them as numbered steps.

Guardians read "how to report an absence" and "how to ask for leave" best as steps. Playbook
authors write these as running text, one instruction a sentence, so each sentence becomes a
step. A sentence ends at '.', '!' or '?' followed by a space and a capital letter or a digit,
except after a common Finnish or Swedish abbreviation ("esim.", "t.ex.") or an initial.
"""

from __future__ import annotations

import re

_BOUNDARY = re.compile(r"(?<=[.!?])[\"”')]*\s+(?=[\"“(]?[0-9A-ZÅÄÖÜ])")
_ABBREVIATIONS = frozenset(
    {
        # Finnish
        "esim.",
        "mm.",
        "ns.",
        "ks.",
        "yms.",
        "ym.",
        "jne.",
        "klo",
        "klo.",
        "tms.",
        "vrt.",
        "puh.",
        "n.",
        "ts.",
        "os.",
        # Swedish
        "t.ex.",
        "bl.a.",
        "s.k.",
        "ca.",
        "kl.",
        "fr.o.m.",
        "t.o.m.",
        "jfr.",
        "ev.",
        "p.g.a.",
        "tel.",
        "dvs.",
        "o.s.v.",
        "m.m.",
        "resp.",
    }
)


def split_sentences(text: str) -> list[str]:
    """``"Soita. Kerro syy."`` → ``["Soita.", "Kerro syy."]``; paragraphs are split too."""
    sentences: list[str] = []
    for paragraph in text.split("\n"):
        paragraph = " ".join(paragraph.split())
        start = 0
        for boundary in _BOUNDARY.finditer(paragraph):
            candidate = paragraph[start : boundary.start()]
            last_word = candidate.rsplit(" ", 1)[-1].strip("\"”')")
            if last_word.lower() in _ABBREVIATIONS or re.fullmatch(r"[A-ZÅÄÖ]\.", last_word):
                continue
            sentences.append(paragraph[start : boundary.end()].strip())
            start = boundary.end()
        if paragraph[start:].strip():
            sentences.append(paragraph[start:].strip())
    return sentences
