"""Rules that span several fields of a playbook; each yields problems with a stable code.

They run after the typed model has accepted the file, so they can rely on types and focus on
meaning: are the languages complete, are the roles known, does the ladder rise.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator

from generator.messages import Msg, msg
from generator.playbook.history import history_ordered
from generator.playbook.model import RESERVED_SLUGS, SLUG_PATTERN, GradeSplit, Playbook, Stage
from generator.playbook.roles import NATIONAL_ROLES, ROLES_WITHOUT_CONTACT
from generator.playbook.tiers import band, tier_of_percent
from generator.playbook.yamlsource import PathKey, SourceDocument, render_path, shown
from generator.problems import Problem, Severity

Rule = Callable[[Playbook, SourceDocument], Iterator[Problem]]


def check_playbook(playbook: Playbook, document: SourceDocument) -> list[Problem]:
    return [problem for rule in RULES for problem in rule(playbook, document)]


def problem_at(
    document: SourceDocument,
    code: str,
    path: PathKey,
    message: str | Msg,
    severity: Severity = Severity.ERROR,
) -> Problem:
    """A problem at ``path``; give a :class:`Msg` so that it can be shown in every language."""
    location, field = document.location(path), render_path(path)
    if isinstance(message, Msg):
        return Problem.of(code, location, field, message, severity)
    return Problem(code, location, field, message, severity)


def _suggest(word: str, candidates: list[str]) -> str | None:
    close = difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
    return close[0] if close else None


def roles_known(playbook: Playbook, document: SourceDocument) -> Iterator[Problem]:
    known = [*NATIONAL_ROLES, *(role.id for role in playbook.roles)]
    used: list[tuple[PathKey, str]] = []
    for s, stage in enumerate(playbook.stages):
        used += [
            (("stages", s, "steps", i, "role"), step.role) for i, step in enumerate(stage.steps)
        ]
    used += [(("contacts", i, "role"), c.role) for i, c in enumerate(playbook.contacts)]
    used += [
        (("guardians", "leave", i, "granted_by"), rule.granted_by)
        for i, rule in enumerate(playbook.guardians.leave)
    ]
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
    for section in ("stages", "schools", "roles"):
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
    for c, contact in enumerate(playbook.contacts):
        for s, school_id in enumerate(contact.schools or []):
            if school_id not in school_ids:
                if not school_ids:
                    message = msg("unknown-school.none", school=school_id)
                elif suggestion := _suggest(school_id, school_ids):
                    message = msg("unknown-school.suggest", school=school_id, suggestion=suggestion)
                else:
                    schools = ", ".join(school_ids)
                    message = msg("unknown-school.list", school=school_id, schools=schools)
                yield problem_at(document, "unknown-school", ("contacts", c, "schools", s), message)
    for s, school in enumerate(playbook.schools):
        first, last = school.grades
        if first > last:
            yield problem_at(
                document,
                "invalid-value",
                ("schools", s, "grades"),
                msg("invalid-value.grades", first=first, last=last),
            )


def _threshold_values(stage: Stage) -> dict[str, float]:
    value = stage.threshold.value
    if isinstance(value, GradeSplit):
        return {"grades_1_6": value.grades_1_6, "grades_7_9": value.grades_7_9}
    return {"grades_1_6": value, "grades_7_9": value}


def ladder_rises(playbook: Playbook, document: SourceDocument) -> Iterator[Problem]:
    unit = playbook.monitoring.unit
    last_by_kind: dict[str, tuple[int, dict[str, float]]] = {}
    highest_tier = 0
    for index, stage in enumerate(playbook.stages):
        path: PathKey = ("stages", index)
        if stage.threshold.unit != unit:
            yield problem_at(
                document,
                "unit-mismatch",
                (*path, "threshold", stage.threshold.unit),
                msg("unit-mismatch", found=stage.threshold.unit, unit=unit),
            )
        if stage.sky_tier < highest_tier:
            yield problem_at(
                document,
                "tier-decreases",
                (*path, "sky_tier"),
                msg("tier-decreases", previous=highest_tier, tier=stage.sky_tier),
            )
        highest_tier = max(highest_tier, stage.sky_tier)
        kind = stage.threshold.absences
        values = _threshold_values(stage)
        if kind in last_by_kind:
            previous_index, previous = last_by_kind[kind]
            for group, amount in values.items():
                if amount <= previous[group]:
                    split = values["grades_1_6"] != values["grades_7_9"]
                    message = msg(
                        "threshold-order.group" if split else "threshold-order",
                        group=group,
                        amount=_number(amount),
                        previous=_number(previous[group]),
                        index=previous_index + 1,
                        kind=msg(f"part.absences-{kind}"),
                    )
                    yield problem_at(
                        document,
                        "threshold-order",
                        (*path, "threshold", stage.threshold.unit),
                        message,
                    )
                    break
        last_by_kind[kind] = (index, values)
    if highest_tier < 3:
        yield problem_at(
            document,
            "tier-3-missing",
            ("stages",),
            msg("tier-3-missing"),
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
    for s, stage in enumerate(playbook.stages):
        for i, step in enumerate(stage.steps):
            role = step.role
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
                yield problem_at(
                    document, "contact-missing", ("stages", s, "steps", i, "role"), message
                )


def _number(value: float) -> str:
    return f"{value:g}"


def _with_suggestion(key: str, word: str, candidates: list[str], **params: object) -> Msg:
    """``key``, or its ``.suggest`` variant with "did you mean" when a candidate is close."""
    suggestion = _suggest(word, candidates)
    if suggestion is None:
        return msg(key, **params)
    return msg(f"{key}.suggest", suggestion=suggestion, **params)


def tiers_match_percentages(playbook: Playbook, document: SourceDocument) -> Iterator[Problem]:
    """A percent threshold of all absences names the SKY tier whose band holds it (20 % is tier
    2, 20.5 % tier 3); under 5 % no tier is implied, and hour thresholds have no national band."""
    for index, stage in enumerate(playbook.stages):
        if stage.threshold.unit != "percent" or stage.threshold.absences != "all":
            continue
        for percent in dict.fromkeys(_threshold_values(stage).values()):
            implied = tier_of_percent(percent)
            if implied is None or implied == stage.sky_tier:
                continue
            yield problem_at(
                document,
                "tier-band",
                ("stages", index, "sky_tier"),
                msg(
                    "tier-band",
                    percent=f"{percent:g}",
                    band_tier=implied,
                    band=band(implied).words_message(),
                    tier=stage.sky_tier,
                ),
            )
            break


RULES: list[Rule] = [
    slug_matches_file,
    roles_known,
    ids_unique,
    schools_exist,
    ladder_rises,
    leave_ascending,
    dates_consistent,
    history_ordered,
    acting_roles_have_contacts,
    tiers_match_percentages,
]
