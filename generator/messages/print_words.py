"""The words of the printed documents in Finnish and Swedish, beside the pages' words.

The words are the ``print.`` entries of the message catalogues
(:mod:`generator.messages.catalogue`).

The national model's summary is written from the model's fixed facts (three tiers, the share of
school time that marks each, what the school does there), not from the national pages, so that
the print stays right while those pages are edited.
"""

from __future__ import annotations

from generator.messages.catalogue import entries


def print_text(language: str, key: str) -> str:
    return entries(language)[f"print.{key}"]
