"""The words of the printed documents in Finnish and Swedish, beside the pages' words.

The words are the ``print.`` entries of the message catalogues
(:mod:`generator.messages.catalogue`); :class:`Words` gives them, the pages' words and a
playbook's own texts in one document language.

The national model's summary is written from the model's fixed facts (three tiers, the share of
school time that marks each, what the school does there), not from the national pages, so that
the print stays right while those pages are edited.
"""

from __future__ import annotations

import datetime as dt

from generator.messages import page_words
from generator.messages.catalogue import entries
from generator.playbook.fields import Language
from generator.playbook.model import LocalText, Playbook


def print_text(language: str, key: str) -> str:
    return entries(language)[f"print.{key}"]


class Words:
    """The words of one playbook in one document language."""

    def __init__(self, playbook: Playbook, language: Language) -> None:
        self.playbook, self.language = playbook, language

    def t(self, key: str, **values: object) -> str:
        """A page word (``page.<key>``), its placeholders filled."""
        return page_words.text(self.language, key).format(**values)

    def p(self, key: str, **values: object) -> str:
        """A print word (``print.<key>``), its placeholders filled."""
        return print_text(self.language, key).format(**values)

    def local(self, value: LocalText | str | None) -> str:
        if value is None:
            return ""
        return value if isinstance(value, str) else value.get(self.language)

    def paragraphs(self, value: LocalText | None) -> list[str]:
        """Each line of a text is one of its author's paragraphs (a folded text is one)."""
        return [line.strip() for line in self.local(value).split("\n") if line.strip()]

    def role(self, role_id: str) -> str:
        """A role's name as it starts a sentence or a cell."""
        return page_words.role_name(role_id, self.playbook, self.language)

    def role_in_list(self, role_id: str) -> str:
        """A role's name inside a sentence: a national role in lower case."""
        return page_words.role_name_in_list(role_id, self.playbook, self.language)

    def roles(self, role_ids: list[str]) -> str:
        """Roles in a list: the first as a sentence starts, the rest inside it."""
        return ", ".join(
            self.role(role_id) if index == 0 else self.role_in_list(role_id)
            for index, role_id in enumerate(role_ids)
        )

    def date(self, value: dt.date) -> str:
        return page_words.date(value, self.language)

    def number(self, value: float) -> str:
        return page_words.number(value, self.language)
