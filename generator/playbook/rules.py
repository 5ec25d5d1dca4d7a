"""Rules that span several fields of a playbook; each yields problems with a stable code.

They run after the typed model has accepted the file, so they can rely on types and focus on
meaning: are the languages complete, are the roles known, does the ladder rise.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator

from generator.messages import Msg, msg
from generator.playbook.history import history_ordered
from generator.playbook.ladder_rules import LADDER_RULES
from generator.playbook.legal import PROVISION_IDS
from generator.playbook.located import problem_at
from generator.playbook.model import RESERVED_SLUGS, SLUG_PATTERN, Playbook, Step
from generator.playbook.roles import NATIONAL_ROLES, ROLES_WITHOUT_CONTACT
from generator.playbook.yamlsource import PathKey, SourceDocument, shown
from generator.problems import Problem

Rule = Callable[[Playbook, SourceDocument], Iterator[Problem]]

__all__ = ["RULES", "check_playbook", "problem_at"]


def check_playbook(playbook: Playbook, document: SourceDocument) -> list[Problem]:
    return [problem for rule in RULES for problem in rule(playbook, document)]


def all_steps(playbook: Playbook) -> Iterator[tuple[PathKey, Step]]:
    """Every step with its path: the prevention level's, then each stage's."""
    if playbook.prevention is not None:
        for i, step in enumerate(playbook.prevention.steps):
            yield ("prevention", "steps", i), step
    for s, stage in enumerate(playbook.stages):
        for i, step in enumerate(stage.steps):
            yield ("stages", s, "steps", i), step


def _step_roles(playbook: Playbook) -> Iterator[tuple[PathKey, str]]:
    for path, step in all_steps(playbook):
        if step.role is not None:
            yield (*path, "role"), step.role
        for r, role_id in enumerate(step.roles or []):
            yield (*path, "roles", r), role_id


def _roles_used(playbook: Playbook) -> Iterator[tuple[PathKey, str]]:
    yield from _step_roles(playbook)
    for s, stage in enumerate(playbook.stages):
        if stage.responsible is not None:
            yield ("stages", s, "responsible"), stage.responsible
        for m, message in enumerate(stage.automatic_messages):
            for r, role_id in enumerate(message.to):
                yield ("stages", s, "automatic_messages", m, "to", r), role_id
    for i, contact in enumerate(playbook.contacts):
        yield ("contacts", i, "role"), contact.role
    for i, rule in enumerate(playbook.guardians.leave):
        yield ("guardians", "leave", i, "granted_by"), rule.granted_by
    for i, exception in enumerate(playbook.guardians.leave_exceptions):
        yield ("guardians", "leave_exceptions", i, "granted_by"), exception.granted_by


def _suggest(word: str, candidates: list[str]) -> str | None:
    close = difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
    return close[0] if close else None


def roles_known(playbook: Playbook, document: SourceDocument) -> Iterator[Problem]:
    known = [*NATIONAL_ROLES, *(role.id for role in playbook.roles)]
    used = list(_roles_used(playbook))
    for path, role_id in used:
        if role_id not in known:
            yield problem_at(
                document,
                "unknown-role",
                path,
                _with_suggestion("unknown-role", role_id, known, role=role_id),
            )
    for index, role in enumerate(playbook.roles):
        if role.id in NATIONAL_ROLES:
            yield problem_at(
                document,
                "duplicate-id",
                ("roles", index, "id"),
                msg("duplicate-id.national", id=role.id),
            )


def ids_unique(playbook: Playbook, document: SourceDocument) -> Iterator[Problem]:
    for section in ("stages", "schools", "roles", "ladders", "forms"):
        seen: dict[str, int] = {}
        for index, item in enumerate(getattr(playbook, section)):
            if item.id in seen:
                yield problem_at(
                    document,
                    "duplicate-id",
                    (section, index, "id"),
                    msg("duplicate-id", id=item.id, other=f"{section}[{seen[item.id] + 1}]"),
                )
            else:
                seen[item.id] = index


def schools_exist(playbook: Playbook, document: SourceDocument) -> Iterator[Problem]:
    school_ids = [school.id for school in playbook.schools]
    used: list[tuple[PathKey, str]] = [
        (("contacts", c, "schools", s), school_id)
        for c, contact in enumerate(playbook.contacts)
        for s, school_id in enumerate(contact.schools or [])
    ]
    used += [
        (("guardians", "leave_exceptions", e, "schools", s), school_id)
        for e, exception in enumerate(playbook.guardians.leave_exceptions)
        for s, school_id in enumerate(exception.schools or [])
    ]
    for path, school_id in used:
        if school_id not in school_ids:
            if not school_ids:
                message = msg("unknown-school.none", school=school_id)
            elif suggestion := _suggest(school_id, school_ids):
                message = msg("unknown-school.suggest", school=school_id, suggestion=suggestion)
            else:
                schools = ", ".join(school_ids)
                message = msg("unknown-school.list", school=school_id, schools=schools)
            yield problem_at(document, "unknown-school", path, message)
    grade_ranges: list[tuple[PathKey, tuple[int, int]]] = [
        (("schools", s, "grades"), school.grades) for s, school in enumerate(playbook.schools)
    ]
    grade_ranges += [
        (("guardians", "leave_exceptions", e, "grades"), exception.grades)
        for e, exception in enumerate(playbook.guardians.leave_exceptions)
        if exception.grades is not None
    ]
    for path, (first, last) in grade_ranges:
        if first > last:
            yield problem_at(
                document, "invalid-value", path, msg("invalid-value.grades", first=first, last=last)
            )


def _forms_used(playbook: Playbook) -> Iterator[tuple[PathKey, str]]:
    for path, step in all_steps(playbook):
        for f, form_id in enumerate(step.forms):
            yield (*path, "forms", f), form_id
    for s, stage in enumerate(playbook.stages):
        for f, form_id in enumerate(stage.forms):
            yield ("stages", s, "forms", f), form_id
    for f, form_id in enumerate(playbook.guardians.forms):
        yield ("guardians", "forms", f), form_id
    for i, rule in enumerate(playbook.guardians.leave):
        if rule.form is not None:
            yield ("guardians", "leave", i, "form"), rule.form


def _legal_bases_used(playbook: Playbook) -> Iterator[tuple[PathKey, str]]:
    for path, step in all_steps(playbook):
        for i, provision in enumerate(step.legal_basis):
            yield (*path, "legal_basis", i), provision
    for s, stage in enumerate(playbook.stages):
        for i, provision in enumerate(stage.legal_basis):
            yield ("stages", s, "legal_basis", i), provision


def references_known(playbook: Playbook, document: SourceDocument) -> Iterator[Problem]:
    """Forms named in the playbook are listed under ``forms:``, and each legal basis is one
    the built-in catalogue knows (so that its name and Finlex address are right)."""
    form_ids = [form.id for form in playbook.forms]
    for path, form_id in _forms_used(playbook):
        if form_id not in form_ids:
            key = "unknown-form.none" if not form_ids else "unknown-form"
            yield problem_at(
                document,
                "unknown-form",
                path,
                _with_suggestion(key, form_id, form_ids, form=form_id, forms=", ".join(form_ids)),
            )
    known = list(PROVISION_IDS)
    for path, provision in _legal_bases_used(playbook):
        if provision not in known:
            yield problem_at(
                document,
                "unknown-legal-basis",
                path,
                _with_suggestion(
                    "unknown-legal-basis",
                    provision,
                    known,
                    provision=provision,
                    provisions=", ".join(known),
                ),
            )


def leave_ascending(playbook: Playbook, document: SourceDocument) -> Iterator[Problem]:
    rules = playbook.guardians.leave
    previous = 0
    for index, rule in enumerate(rules):
        path: PathKey = ("guardians", "leave", index, "up_to_days")
        if rule.up_to_days is None:
            if index != len(rules) - 1:
                yield problem_at(
                    document,
                    "leave-order",
                    ("guardians", "leave", index),
                    msg("leave-order.last"),
                )
            continue
        if rule.up_to_days <= previous:
            yield problem_at(
                document,
                "leave-order",
                path,
                msg("leave-order", days=rule.up_to_days, previous=previous),
            )
        previous = rule.up_to_days


def dates_consistent(playbook: Playbook, document: SourceDocument) -> Iterator[Problem]:
    approval = playbook.approval
    if approval.effective_from < approval.date:
        yield problem_at(
            document,
            "date-order",
            ("approval", "effective_from"),
            msg(
                "date-order",
                effective=approval.effective_from.isoformat(),
                approved=approval.date.isoformat(),
            ),
        )
    statement = playbook.accessibility
    if statement.updated is not None and statement.updated < statement.assessed:
        yield problem_at(
            document,
            "date-order",
            ("accessibility", "updated"),
            msg(
                "date-order.statement",
                updated=statement.updated.isoformat(),
                assessed=statement.assessed.isoformat(),
            ),
        )


def slug_matches_file(playbook: Playbook, document: SourceDocument) -> Iterator[Problem]:
    stem = document.path.stem
    if playbook.slug in RESERVED_SLUGS:
        yield problem_at(
            document,
            "reserved-slug",
            ("municipality", "slug"),
            msg("reserved-slug", slug=playbook.slug),
        )
        return
    if playbook.slug != stem:
        # A file name that could not be a slug ('Pikkula', 'pikkula kunta') is never offered.
        renamed_only = not SLUG_PATTERN.fullmatch(stem) or stem in RESERVED_SLUGS
        yield problem_at(
            document,
            "slug-mismatch",
            ("municipality", "slug"),
            msg(
                "slug-mismatch.rename" if renamed_only else "slug-mismatch",
                slug=playbook.slug,
                stem=shown(stem),
            ),
        )


def acting_roles_have_contacts(playbook: Playbook, document: SourceDocument) -> Iterator[Problem]:
    school_ids = [school.id for school in playbook.schools]
    known = {*NATIONAL_ROLES, *(role.id for role in playbook.roles)}
    coverage: dict[str, set[str]] = {}
    for contact in playbook.contacts:
        # Without a schools: list every contact serves the whole municipality ("*").
        served = (contact.schools or school_ids) if school_ids else ["*"]
        coverage.setdefault(contact.role, set()).update(served)
    reported: set[str] = set()
    for path, step in all_steps(playbook):
        for r, role in enumerate(step.actors):
            if role in ROLES_WITHOUT_CONTACT or role in reported or role not in known:
                continue
            covered = coverage.get(role, set())
            missing = [school for school in (school_ids or ["*"]) if school not in covered]
            if missing:
                reported.add(role)
                message = (
                    msg("contact-missing", role=role)
                    if missing == ["*"]
                    else msg("contact-missing.schools", role=role, schools=", ".join(missing))
                )
                where = (*path, "role") if step.role is not None else (*path, "roles", r)
                yield problem_at(document, "contact-missing", where, message)


def _number(value: float) -> str:
    return f"{value:g}"


def _with_suggestion(key: str, word: str, candidates: list[str], **params: object) -> Msg:
    """``key``, or its ``.suggest`` variant with "did you mean" when a candidate is close."""
    suggestion = _suggest(word, candidates)
    if suggestion is None:
        return msg(key, **params)
    return msg(f"{key}.suggest", suggestion=suggestion, **params)


RULES: list[Rule] = [
    slug_matches_file,
    roles_known,
    ids_unique,
    schools_exist,
    references_known,
    leave_ascending,
    dates_consistent,
    history_ordered,
    acting_roles_have_contacts,
    *LADDER_RULES,
]
