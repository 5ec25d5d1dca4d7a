"""Whom a teacher consults at a stage: the direct contacts of the other people the stage names.

The teachers page is read by the class teacher or a subject teacher, so their own role is left
out, and so is any contact whose number is a school office's (a teacher does not phone their
own school's office for advice). Roles reached through no contact of their own (the pupil, the
guardian, the groups) have none to list.
"""

from __future__ import annotations

from generator.messages import ladder_words
from generator.playbook.model import Contact, Playbook, Stage
from generator.playbook.roles import ROLES_WITHOUT_CONTACT

READERS_ROLES = frozenset({"class_teacher", "subject_teacher"})


def consult_contacts(playbook: Playbook, stage: Stage) -> tuple[Contact, ...]:
    """The contacts of the stage's responsible person and actors, except the reader's own and
    the schools' offices, in the order the stage names their roles."""
    named = [stage.responsible] if stage.responsible else []
    roles = dict.fromkeys([*named, *ladder_words.stage_roles(stage)])
    offices = {_digits(school.office_phone) for school in playbook.schools if school.office_phone}
    return tuple(
        contact
        for role in roles
        if role not in READERS_ROLES and role not in ROLES_WITHOUT_CONTACT
        for contact in playbook.contacts
        if contact.role == role and (contact.phone is None or _digits(contact.phone) not in offices)
    )


def _digits(phone: str) -> str:
    return "".join(character for character in phone if character.isdigit())
