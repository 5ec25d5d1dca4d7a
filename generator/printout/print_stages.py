"""What the printed documents say about the ladders: the prevention level, every ladder with its
stages, and each stage's steps, as JSON-ready values in one language.

Staff and guardians are told different things. The playbook and the teachers' card get the
staff's instructions (``staff=True``); the guardians' leaflet gets only what is written for
guardians, or neutrally who takes part. A staff instruction (a step's action, a stage's
description or record) is not even put into the leaflet's data, so no layout can print one.
"""

from __future__ import annotations

import re
from typing import Any

from generator.messages import ladder_words
from generator.messages.print_words import Words
from generator.playbook.legal import provision
from generator.playbook.model import AutomaticMessage, Contact, Ladder, Prevention, Stage, Step
from generator.playbook.roles import ROLES_WITHOUT_CONTACT

GUARDIAN = "guardian"
# A full stop, a question or an exclamation mark before a space and a capital letter or digit.
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-ZÅÄÖ0-9])")


def ladders(words: Words, staff: bool) -> list[dict[str, Any]]:
    """Every ladder with its stages, numbered from 1 on each ladder."""
    playbook = words.playbook
    return [
        {
            "id": ladder.id,
            "name": ladder_words.ladder_name(ladder, words.language),
            "counting": words.paragraphs(ladder.counting),
            "equivalence": _equivalence(words, ladder),
            "stages": [
                _stage(words, ladder, number, stage, staff)
                for number, stage in enumerate(playbook.stages_of(ladder), 1)
            ],
        }
        for ladder in playbook.ladders
    ]


def prevention(words: Words, staff: bool) -> dict[str, Any] | None:
    """The level every school works on for all pupils, before any stage."""
    level: Prevention | None = words.playbook.prevention
    if level is None:
        return None
    data: dict[str, Any] = {
        "title": words.local(level.title) or words.t("prevention_heading"),
        "description": words.paragraphs(level.description),
        "for_guardians": [words.local(s.for_guardians) for s in level.steps if s.for_guardians],
    }
    if staff:
        data["steps"] = [_step(words, step) for step in level.steps]
    return data


def _equivalence(words: Words, ladder: Ladder) -> str:
    if ladder.equivalence is None:
        return ""
    return words.t(
        "equivalence",
        hours=words.number(ladder.equivalence.hours),
        percent=words.number(ladder.equivalence.percent),
    )


def _stage(words: Words, ladder: Ladder, number: int, stage: Stage, staff: bool) -> dict[str, Any]:
    language = words.language
    data: dict[str, Any] = {
        "id": stage.id,
        "number": number,
        "title": words.local(stage.title),
        "threshold": ladder_words.threshold_words(stage, ladder, language),
        "range_note": words.t("limit.range_note") if ladder_words.is_range(stage) else "",
        "triggers": [ladder_words.trigger_words(t, language) for t in stage.triggers],
        "tier": f"{words.t('tier')} {stage.sky_tier}" if stage.sky_tier else "",
        "responsible": words.role(stage.responsible) if stage.responsible else "",
    }
    if staff:
        data |= _staff_part(words, stage)
    else:
        data |= _guardian_part(words, stage)
    return data


def _staff_part(words: Words, stage: Stage) -> dict[str, Any]:
    actors = ladder_words.stage_roles(stage)
    return {
        "roles": words.roles(actors) if actors else words.t("no_actor"),
        "description": words.paragraphs(stage.description),
        "steps": [_step(words, step) for step in stage.steps],
        "automatic": [_automatic(words, message) for message in stage.automatic_messages],
        "forms": forms(words, stage.forms),
        "legal": legal_basis(words, stage.legal_basis),
        "record": words.local(stage.record),
        "contacts": [_stage_contact(words, c) for c in _stage_contacts(words, stage)],
    }


def _guardian_part(words: Words, stage: Stage) -> dict[str, Any]:
    """The stage's guardian summary, else its steps' guardian texts, else who takes part."""
    summary = words.paragraphs(stage.for_guardians)
    step_texts = [words.local(step.for_guardians) for step in stage.steps if step.for_guardians]
    involved = ""
    if not summary and not step_texts:
        people = taking_part(stage)
        names = (
            ", ".join(words.role_in_list(role) for role in people)
            if people
            else words.t("no_actor").lower()
        )
        involved = words.t("guardians_stage_neutral", actors=names)
    return {
        "summary": summary,
        "step_texts": [] if summary else step_texts,
        "involved": involved,
        "messages": [
            words.p("automatic_to_you", system=words.playbook.monitoring.system)
            + " "
            + words.local(message.text)
            for message in stage.automatic_messages
            if GUARDIAN in message.to
        ],
    }


def taking_part(stage: Stage) -> list[str]:
    """The stage's responsible person first, then everyone named in its steps, each once."""
    first = [stage.responsible] if stage.responsible else []
    return list(dict.fromkeys([*first, *ladder_words.stage_roles(stage)]))


def _step(words: Words, step: Step) -> dict[str, Any]:
    condition = words.local(step.condition)
    return {
        "who": ladder_words.actors_words(step, words.playbook, words.language),
        "action": words.local(step.action),
        # What the quick card prints when it must be short: the first sentence.
        "action_short": first_sentence(words.local(step.action)),
        # Written as "if ..." ("jos syy liittyy terveyteen"): it leads the action.
        "condition": condition[:1].upper() + condition[1:],
        "deadline": ladder_words.deadline_words(step, words.language),
        "has_deadline": ladder_words.has_deadline(step),
        "forms": forms(words, step.forms),
        "legal": legal_basis(words, step.legal_basis),
    }


def first_sentence(text: str) -> str:
    """``text`` up to the end of its first sentence, with '…' when something was left out."""
    found = _SENTENCE_END.search(text)
    return text if found is None else text[: found.start() + 1] + " …"


def _automatic(words: Words, message: AutomaticMessage) -> dict[str, str]:
    recipients = ", ".join(words.role_in_list(role) for role in message.to)
    system = words.playbook.monitoring.system
    return {
        "to": words.t("automatic_to", system=system, recipients=recipients),
        "text": words.local(message.text),
    }


def forms(words: Words, form_ids: list[str]) -> list[dict[str, str]]:
    """Named forms with their address in the document's language (printed, so that a reader
    of paper can type it)."""
    found = [words.playbook.form(form_id) for form_id in dict.fromkeys(form_ids)]
    return [
        {"name": words.local(form.name), "url": form.url_in(words.language)}
        for form in found
        if form is not None
    ]


def legal_basis(words: Words, provision_ids: list[str]) -> list[dict[str, str]]:
    cited = [provision(provision_id) for provision_id in provision_ids]
    return [
        {"citation": law.citation(words.language), "url": law.address(words.language)}
        for law in cited
    ]


def _stage_contacts(words: Words, stage: Stage) -> list[Contact]:
    roles = [role for role in taking_part(stage) if role not in ROLES_WITHOUT_CONTACT]
    return [
        contact for role in roles for contact in words.playbook.contacts if contact.role == role
    ]


def _stage_contact(words: Words, contact: Contact) -> dict[str, str]:
    name = words.local(contact.name) if contact.name else words.role(contact.role)
    return {"name": name, "phone": contact.phone or "", "email": contact.email or ""}
