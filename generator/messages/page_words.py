"""The words the generated pages use in Finnish and Swedish, and how numbers and dates read.

The words are the ``page.`` entries of the message catalogues (:mod:`generator.messages.catalogue`).
"""

from __future__ import annotations

import datetime as dt

from generator.messages.catalogue import entries
from generator.playbook.model import Playbook
from generator.playbook.roles import NATIONAL_ROLES, national_role_name


def text(language: str, key: str) -> str:
    return entries(language)[f"page.{key}"]


def number(value: float, language: str) -> str:
    """``12.5`` → ``12,5`` (Finnish and Swedish use a decimal comma)."""
    del language  # the same in both languages; kept so that every word takes its language
    return f"{value:g}".replace(".", ",")


def date(value: dt.date, language: str) -> str:
    del language  # 1.8.2026 in both languages
    return f"{value.day}.{value.month}.{value.year}"


def role_name(role_id: str, playbook: Playbook, language: str) -> str:
    if role_id in NATIONAL_ROLES:
        return national_role_name(role_id, language)
    for role in playbook.roles:
        if role.id == role_id:
            return role.name.get(language)
    return role_id


def role_name_in_list(role_id: str, playbook: Playbook, language: str) -> str:
    """A role's name after the first in a list: a national role is a common noun, written in
    lower case mid-sentence ("Rehtori, kuraattori"); a local role keeps its own spelling."""
    name = role_name(role_id, playbook, language)
    return name[:1].lower() + name[1:] if role_id in NATIONAL_ROLES else name


# Finnish inflects the name of the system where absences are recorded ("katso Wilmasta"); the
# usual systems are listed, and any other name is carried by a noun that takes the case instead.
_FINNISH_ELATIVES = {"Wilma": "Wilmasta", "Helmi": "Helmestä", "Primus": "Primuksesta"}


def finnish_elative_of_system(name: str) -> str:
    """``Wilma`` → ``Wilmasta``; ``Eduix`` → ``järjestelmästä Eduix``."""
    return _FINNISH_ELATIVES.get(name, f"järjestelmästä {name}")


def tier_name(tier: int, language: str) -> str:
    return f"{text(language, 'tier')} {tier}"
