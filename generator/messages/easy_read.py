"""An easy-to-read summary (selkokieli / lättläst) of what a guardian needs, from the playbook's
facts: how and by when to report an absence, how to ask for leave and who decides, what happens
when absences add up, and whom to call.

The sentences are written natively in each language (the ``page.easy_read.`` entries of the
catalogues): short, one idea each, everyday words, addressed to the guardian. The playbook
gives only facts (times, numbers, role names, the system's name, a school office's phone), never
its own prose, so the summary stays plain whatever the playbook's texts are like. Each sentence
is plain text without Markdown: the guardians page and the leaflet escape it where it lands.
"""

from __future__ import annotations

from collections.abc import Iterable

from generator.messages import ladder_words, page_words
from generator.messages.ladder_words import has_deadline
from generator.playbook.model import (
    ByGrades,
    Ladder,
    Measure,
    Playbook,
    Stage,
    ThresholdValue,
    Value,
)
from generator.playbook.roles import NATIONAL_ROLES

# Roles a guardian may call about a worry besides the class teacher, in the order they are named.
_ALSO_CALLED = ("school_social_worker", "school_nurse")

# Finnish says where something is done in the inessive case ("Wilmassa"); any other system's
# name is carried by a noun that takes the case instead.
_FINNISH_INESSIVES = {"Wilma": "Wilmassa", "Helmi": "Helmessä", "Primus": "Primuksessa"}


def summary(playbook: Playbook, language: str) -> tuple[str, ...]:
    """The summary's sentences in ``language`` (``fi`` or ``sv``), each a plain string."""
    return (
        *_reporting(playbook, language),
        *_leave(playbook, language),
        *_when_absences_add_up(playbook, language),
        *_whom_to_call(playbook, language),
    )


def _say(language: str, key: str, **values: object) -> str:
    return page_words.text(language, f"easy_read.{key}").format(**values)


# --- reporting an absence -----------------------------------------------------------------------


def _reporting(playbook: Playbook, language: str) -> list[str]:
    sentences = [_say(language, "report")]
    times = [clock(time) for time in _earliest_first(s.report_by for s in playbook.schools)]
    if times:
        sentences.append(_say(language, "report_by", time=one_of(times, language)))
        if len(times) > 1:
            sentences.append(_say(language, "report_by_school"))
    in_system = reports_in_system(playbook, language)
    if in_system:
        sentences.append(
            _say(language, "report_in_system", system=system_where(playbook, language))
        )
    phones = list(dict.fromkeys(s.office_phone for s in playbook.schools if s.office_phone))
    if phones:
        sentences.append(_say(language, "call_office_also" if in_system else "call_office"))
        if len(phones) == 1:
            sentences.append(_say(language, "office_phone", phone=phones[0]))
    days = playbook.guardians.explain_within_school_days
    if days is not None:
        key = "explain_same" if days == 0 else "explain_one" if days == 1 else "explain"
        sentences.append(_say(language, key, days=days))
    return sentences


def _earliest_first(times: Iterable[str | None]) -> list[str]:
    """Each reporting time once, the earliest first (``07.30`` and ``7:30`` are one time)."""
    written = {_minutes(time): time for time in times if time}
    return [written[minutes] for minutes in sorted(written)]


def _minutes(time: str) -> int:
    hours, minutes = time.replace(":", ".").split(".")
    return int(hours) * 60 + int(minutes)


def clock(time: str) -> str:
    """``07.30`` or ``07:30`` → ``7.30``: a time as it is read aloud."""
    hours, minutes = time.replace(":", ".").split(".")
    return f"{int(hours)}.{minutes}"


def one_of(items: list[str], language: str) -> str:
    """``7.30 tai 8.00``; one item alone."""
    if len(items) == 1:
        return items[0]
    return page_words.text(language, "actors_or").format(
        first=", ".join(items[:-1]), last=items[-1]
    )


def reports_in_system(playbook: Playbook, language: str) -> bool:
    """Whether the guardians' own instructions report absences in the recording system.

    The system is where the school records absences; it is the reporting channel only when
    the playbook says so. Its name is found by its first letters, whatever case the text
    inflects it in ("Wilma-viesti", "Helmessä").
    """
    stem = playbook.monitoring.system.casefold()[:4]
    return stem in playbook.guardians.report_absence.get(language).casefold()


def system_where(playbook: Playbook, language: str) -> str:
    """Where a guardian reports: ``Wilmassa`` in Finnish, the name itself in Swedish."""
    name = playbook.monitoring.system
    if language != "fi":
        return name
    return _FINNISH_INESSIVES.get(name, f"järjestelmässä {name}")


# --- leave --------------------------------------------------------------------------------------


def _leave(playbook: Playbook, language: str) -> list[str]:
    guardians = playbook.guardians
    sentences = []
    if guardians.leave or guardians.leave_instructions:
        sentences.append(_say(language, "leave"))
    rules = guardians.leave
    for index, rule in enumerate(rules):
        if rule.up_to_days is not None:
            key = "leave_rule_one" if rule.up_to_days == 1 else "leave_rule"
            who = role_in_sentence(rule.granted_by, playbook, language, starts_sentence=True)
            sentences.append(_say(language, key, who=who, days=rule.up_to_days))
        else:
            key = "leave_longer" if index > 0 else "leave_any"
            who = role_in_sentence(rule.granted_by, playbook, language, starts_sentence=False)
            sentences.append(_say(language, key, who=who))
    if "guardian_cannot_grant" in guardians.leave_notes:
        sentences.append(_say(language, "cannot_grant"))
    return sentences


def role_in_sentence(
    role_id: str, playbook: Playbook, language: str, *, starts_sentence: bool
) -> str:
    """A role as plain language names it: a national role in its everyday form where the
    catalogue has one ("Rektorn"), else its name; in lower case inside a sentence."""
    if role_id in NATIONAL_ROLES:
        try:
            name = page_words.text(language, f"easy_read.role.{role_id}")
        except KeyError:
            name = page_words.role_name(role_id, playbook, language)
        return name if starts_sentence else name[:1].lower() + name[1:]
    return page_words.role_name(role_id, playbook, language)


# --- when absences add up -----------------------------------------------------------------------


def _when_absences_add_up(playbook: Playbook, language: str) -> list[str]:
    ladder = _main_ladder(playbook)
    stages = playbook.stages_of(ladder)
    first = next((stage for stage in stages if stage.threshold is not None), None)
    sentences = _from_the_first_absence(playbook, ladder, language)
    before = stages[: stages.index(first)] if first is not None else stages
    if any("single_worrying_absence" in stage.triggers for stage in before):
        sentences.append(_say(language, "single_worrying"))
    if first is not None:
        sentences += _first_threshold(first, ladder, language)
        sentences.append(_say(language, "meet"))
    return sentences


def _from_the_first_absence(playbook: Playbook, main: Ladder, language: str) -> list[str]:
    """What a ladder of unauthorised or unexplained absences besides the main one does from the
    first such absence: the school tells you (the same day, when its first step is due then)."""
    sentences = []
    for ladder in playbook.ladders:
        if ladder is main or ladder.counts not in ("unauthorised", "unexplained"):
            continue
        first = next((s for s in playbook.stages_of(ladder) if s.threshold is not None), None)
        if first is None or first.threshold is None:
            continue
        if not all(_is_zero(value) for value in first.threshold.measures.values()):
            continue
        due = next((step for step in first.steps if has_deadline(step)), None)
        today = due is not None and (due.deadline == "same_day" or due.within_school_days == 0)
        sentences.append(_say(language, f"{ladder.counts}_{'same_day' if today else 'contact'}"))
    return sentences


def _main_ladder(playbook: Playbook) -> Ladder:
    """The ladder a guardian meets first: the one counting all absences, else any but lateness."""
    for wanted in ("all", None):
        for ladder in playbook.ladders:
            if ladder.counts == wanted or (wanted is None and ladder.counts != "lateness"):
                return ladder
    return playbook.ladders[0]


def _first_threshold(stage: Stage, ladder: Ladder, language: str) -> list[str]:
    assert stage.threshold is not None
    measures = stage.threshold.measures
    if all(_is_zero(value) for value in measures.values()):
        # 0 is the first absence a ladder counts: of unauthorised or unexplained ones any, of
        # all absences the first that worries (as the site's thresholds word it).
        counted = ladder.counts in ("unauthorised", "unexplained")
        return [_say(language, "contact_first" if counted else "contact_first_worrying")]
    key = "contact_lateness" if ladder.counts == "lateness" else "contact"
    sentences = [_say(language, key)]
    for index, (unit, value) in enumerate(measures.items()):
        sentences += _limit_sentences(value, ladder.unit_of(unit), unit, language, other=index > 0)
    if len(measures) > 1:
        sentences.append(_say(language, "either_limit"))
    return sentences


def _limit_sentences(
    value: ThresholdValue, measure: Measure | None, unit: str, language: str, *, other: bool
) -> list[str]:
    window = ladder_words.window_words(measure, language)

    def limit(amount: Value) -> str:
        words = ladder_words.limit_words(amount, unit, language)
        return f"{words} {window}" if window else words

    if isinstance(value, ByGrades):
        key = "limit_other_grades" if other else "limit_grades"
        return [
            _say(language, key, first=first, last=last, limit=limit(amount))
            for (first, last), amount in (((1, 6), value.grades_1_6), ((7, 9), value.grades_7_9))
        ]
    return [_say(language, "limit_other" if other else "limit", limit=limit(value))]


def _is_zero(value: ThresholdValue) -> bool:
    return isinstance(value, int | float) and value == 0


# --- whom to call -------------------------------------------------------------------------------


def _whom_to_call(playbook: Playbook, language: str) -> list[str]:
    reachable = {contact.role for contact in playbook.contacts}
    sentences = [_say(language, "call_teacher" if "class_teacher" in reachable else "call_school")]
    also = whom_to_call(playbook, language, with_teacher=False)
    if also:
        sentences.append(_say(language, "call_also", whom=one_of(also, language)))
    return sentences


def whom_to_call(playbook: Playbook, language: str, *, with_teacher: bool = True) -> list[str]:
    """Whom a worried guardian can phone, as "call …" takes them (``kuraattorille``,
    ``kuratorn``): the roles the playbook has a contact for."""
    reachable = {contact.role for contact in playbook.contacts}
    roles = (("class_teacher",) if with_teacher else ()) + _ALSO_CALLED
    return [_say(language, f"whom.{role}") for role in roles if role in reachable]
