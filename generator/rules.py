"""Rules that span several fields of a playbook; each yields problems with a stable code.

They run after the typed model has accepted the file, so they can rely on types and focus on
meaning: are the languages complete, are the roles known, does the ladder rise.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator

from generator.model import GradeSplit, Playbook, Stage
from generator.problems import Problem, Severity
from generator.roles import NATIONAL_ROLES, ROLES_WITHOUT_CONTACT
from generator.yamlsource import PathKey, SourceDocument, render_path

Rule = Callable[[Playbook, SourceDocument], Iterator[Problem]]


def check_playbook(playbook: Playbook, document: SourceDocument) -> list[Problem]:
    return [problem for rule in RULES for problem in rule(playbook, document)]


def problem_at(
    document: SourceDocument,
    code: str,
    path: PathKey,
    message: str,
    severity: Severity = Severity.ERROR,
) -> Problem:
    return Problem(code, document.location(path), render_path(path), message, severity)


def _suggest(word: str, candidates: list[str]) -> str:
    close = difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


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
                f"unknown role '{role_id}'{_suggest(role_id, known)} Use a national role "
                "(see the README) or declare it under 'roles:'",
            )
    for index, role in enumerate(playbook.roles):
        if role.id in NATIONAL_ROLES:
            yield problem_at(
                document,
                "duplicate-id",
                ("roles", index, "id"),
                f"'{role.id}' is already a national role; remove it from 'roles:' or "
                "give the local role another id",
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
                    f"the id '{item.id}' is already used by {section}[{seen[item.id] + 1}]; "
                    "each id must be unique",
                )
            else:
                seen[item.id] = index


def schools_exist(playbook: Playbook, document: SourceDocument) -> Iterator[Problem]:
    school_ids = [school.id for school in playbook.schools]
    for c, contact in enumerate(playbook.contacts):
        for s, school_id in enumerate(contact.schools or []):
            if school_id not in school_ids:
                if school_ids:
                    hint = (
                        _suggest(school_id, school_ids)
                        or f"; the schools are: {', '.join(school_ids)}"
                    )
                else:
                    hint = "; there is no 'schools:' list in this playbook"
                yield problem_at(
                    document,
                    "unknown-school",
                    ("contacts", c, "schools", s),
                    f"no school has the id '{school_id}'{hint}",
                )
    for s, school in enumerate(playbook.schools):
        first, last = school.grades
        if first > last:
            yield problem_at(
                document,
                "invalid-value",
                ("schools", s, "grades"),
                f"the first grade must not be after the last, got [{first}, {last}]",
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
                f"this threshold is in {stage.threshold.unit} but monitoring.unit is '{unit}'; "
                f"write '{unit}:' here or change monitoring.unit",
            )
        if stage.sky_tier < highest_tier:
            yield problem_at(
                document,
                "tier-decreases",
                (*path, "sky_tier"),
                f"sky_tier goes down from {highest_tier} to {stage.sky_tier}; along the "
                "ladder the tier may stay or rise, never fall",
            )
        highest_tier = max(highest_tier, stage.sky_tier)
        kind = stage.threshold.absences
        values = _threshold_values(stage)
        if kind in last_by_kind:
            previous_index, previous = last_by_kind[kind]
            for group, amount in values.items():
                if amount <= previous[group]:
                    label = "" if values["grades_1_6"] == values["grades_7_9"] else f" ({group})"
                    yield problem_at(
                        document,
                        "threshold-order",
                        (*path, "threshold", stage.threshold.unit),
                        f"the threshold{label} {_number(amount)} is not above the previous "
                        f"stage's {_number(previous[group])} (stages[{previous_index + 1}], "
                        f"{kind} absences); thresholds must rise along the ladder",
                    )
                    break
        last_by_kind[kind] = (index, values)
    if highest_tier < 3:
        yield problem_at(
            document,
            "tier-3-missing",
            ("stages",),
            "no stage reaches sky_tier 3; the last stage of the ladder should be tier 3 "
            "(coordinated, multi-professional support)",
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
                    "only the last leave rule may leave out 'up_to_days:'",
                )
            continue
        if rule.up_to_days <= previous:
            yield problem_at(
                document,
                "leave-order",
                path,
                f"{rule.up_to_days} days is not more than the previous rule's {previous}; "
                "list leave rules from the shortest to the longest",
            )
        previous = rule.up_to_days


def dates_consistent(playbook: Playbook, document: SourceDocument) -> Iterator[Problem]:
    approval = playbook.approval
    if approval.effective_from < approval.date:
        yield problem_at(
            document,
            "date-order",
            ("approval", "effective_from"),
            f"the rules take effect ({approval.effective_from.isoformat()}) before they were "
            f"approved ({approval.date.isoformat()}); check both dates",
        )


def slug_matches_file(playbook: Playbook, document: SourceDocument) -> Iterator[Problem]:
    stem = document.path.stem
    if playbook.slug != stem:
        yield problem_at(
            document,
            "slug-mismatch",
            ("municipality", "slug"),
            f"the slug '{playbook.slug}' must equal the file name '{stem}' "
            f"(rename the file to {playbook.slug}.yml or write slug: {stem})",
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
                where = "" if missing == ["*"] else f" for the school(s) {', '.join(missing)}"
                yield problem_at(
                    document,
                    "contact-missing",
                    ("stages", s, "steps", i, "role"),
                    f"the role '{role}' acts in this step but has no contact{where}; add a "
                    f"contact with 'role: {role}' under 'contacts:'",
                )


def _number(value: float) -> str:
    return f"{value:g}"


RULES: list[Rule] = [
    slug_matches_file,
    roles_known,
    ids_unique,
    schools_exist,
    ladder_rises,
    leave_ascending,
    dates_consistent,
    acting_roles_have_contacts,
]
