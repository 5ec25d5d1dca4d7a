"""The facts of one playbook that the portal compares and publishes: its open-data record.

A record (:mod:`generator.portal.records`) is made from the validated format-2 playbook, which is
what every version-1 file is read as too: a version-1 playbook and the same file migrated to
version 2 give the same record. The words in a record (thresholds, windows, roles, ladders'
names) are the ones the sites use, from :mod:`generator.messages.ladder_words`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import Any

from generator.messages import ladder_words
from generator.messages.page_words import role_name, text
from generator.playbook import legal
from generator.playbook import model as playbook_model
from generator.playbook.fields import Language
from generator.playbook.model import ByGrades, Limit, LocalText, Playbook, ThresholdValue, Value
from generator.portal import records
from generator.portal.records import Municipality, Texts


def record_of(playbook: Playbook) -> dict[str, Any]:
    """The facts of ``playbook`` that the portal compares, as plain JSON-ready data."""
    municipality, approval = playbook.municipality, playbook.approval
    record = Municipality(
        slug=municipality.slug,
        code=municipality.code,
        name=_texts(municipality.name),
        provider=_texts(municipality.provider),
        languages=list(municipality.languages),
        version=approval.version,
        approved_by=[
            _decision(approval),
            *(_decision(decision) for decision in approval.also_approved_by),
        ],
        effective_from=approval.effective_from.isoformat(),
        common_model=_common_model(approval.common_model),
        system=playbook.monitoring.system,
        window=_texts(playbook.monitoring.window) if playbook.monitoring.window else None,
        ladders=[_ladder(ladder) for ladder in playbook.ladders],
        stages=[_stage(stage, playbook) for stage in playbook.stages],
        guardians=_guardians(playbook),
        schools=[_school(school) for school in playbook.schools],
    )
    return record.model_dump(mode="json", by_alias=True)


def _texts(value: LocalText) -> Texts:
    return Texts(fi=value.get("fi"), sv=value.get("sv"))


def _worded(words: Callable[[Language], str]) -> Texts:
    """The same words in both languages: ``words(language)`` for each."""
    return Texts(fi=words("fi"), sv=words("sv"))


def _role(role_id: str, playbook: Playbook) -> records.Role:
    return records.Role(
        id=role_id, name=_worded(lambda language: role_name(role_id, playbook, language))
    )


def _decision(decision: playbook_model.Approval | playbook_model.Decision) -> records.Decision:
    return records.Decision(
        body=_texts(decision.body), date=decision.date.isoformat(), section=decision.section
    )


def _common_model(common: playbook_model.CommonModel | None) -> records.CommonModel | None:
    if common is None:
        return None
    return records.CommonModel(
        name=_texts(common.name), origin=_texts(common.origin), url=common.url
    )


def _ladder(ladder: playbook_model.Ladder) -> records.Ladder:
    return records.Ladder(
        id=ladder.id,
        counts=ladder.counts,
        name=_worded(lambda language: ladder_words.ladder_name(ladder, language)),
        measures=[
            records.Measure(
                unit=measure.unit,
                window=records.Window(
                    per=measure.per,
                    weeks=measure.weeks,
                    words=_worded(partial(ladder_words.window_words, measure)),
                ),
            )
            for measure in ladder.measures
        ],
        equivalence=(
            records.Equivalence(hours=ladder.equivalence.hours, percent=ladder.equivalence.percent)
            if ladder.equivalence
            else None
        ),
    )


def _stage(stage: playbook_model.Stage, playbook: Playbook) -> records.Stage:
    ladder = playbook.ladder_of(stage)
    measures = stage.threshold.measures if stage.threshold is not None else {}
    return records.Stage(
        id=stage.id,
        title=_texts(stage.title),
        ladder=ladder.id,
        sky_tier=stage.sky_tier,
        thresholds=[
            threshold for unit, value in measures.items() for threshold in _thresholds(unit, value)
        ],
        triggers=[
            records.Trigger(
                id=trigger,
                name=_worded(partial(ladder_words.trigger_words, trigger)),
            )
            for trigger in stage.triggers
        ],
        starts=_worded(lambda language: ladder_words.threshold_words(stage, ladder, language)),
        responsible=_role(stage.responsible, playbook) if stage.responsible else None,
        steps=[_step(step, playbook) for step in stage.steps],
        forms=_forms(stage.forms, playbook),
        legal_basis=_legal_basis(stage.legal_basis),
    )


def _thresholds(unit: str, value: ThresholdValue) -> Iterator[records.Threshold]:
    """One threshold per grade group: 'all' unless the value is split by grades."""
    if isinstance(value, ByGrades):
        yield _threshold(unit, "grades_1_6", value.grades_1_6)
        yield _threshold(unit, "grades_7_9", value.grades_7_9)
    else:
        yield _threshold(unit, "all", value)


def _threshold(unit: str, grades: records.Grades, value: Value) -> records.Threshold:
    if not isinstance(value, Limit):  # a plain number is "at or above"
        value = Limit(at=value)
    comparison: records.Comparison = (
        "over" if value.over is not None else "at" if value.at is not None else "range"
    )
    return records.Threshold.model_validate(
        {
            "unit": unit,
            "grades": grades,
            "comparison": comparison,
            "amount": value.over if value.over is not None else value.at,
            "from": value.from_,
            "to": value.to,
        }
    )


def _step(step: playbook_model.Step, playbook: Playbook) -> records.Step:
    return records.Step(
        actors=[_role(role, playbook) for role in step.actors],
        action=_texts(step.action),
        condition=_texts(step.condition) if step.condition else None,
        deadline=_deadline(step),
        forms=_forms(step.forms, playbook),
        legal_basis=_legal_basis(step.legal_basis),
    )


def _deadline(step: playbook_model.Step) -> records.Deadline | None:
    if step.deadline is not None:
        return records.Deadline(kind=step.deadline, days=None)
    if step.within_school_days is not None:
        return records.Deadline(kind="school_days", days=step.within_school_days)
    return None


def _forms(form_ids: list[str], playbook: Playbook) -> list[records.Form]:
    return [form for form_id in form_ids if (form := _form(form_id, playbook)) is not None]


def _form(form_id: str | None, playbook: Playbook) -> records.Form | None:
    form = playbook.form(form_id) if form_id else None
    if form is None:  # an unknown id is an error the rules report; nothing to publish
        return None
    return records.Form(
        id=form.id, name=_texts(form.name), url=_worded(lambda language: form.url_in(language))
    )


def _legal_basis(provision_ids: list[str]) -> list[records.LegalBasis]:
    found = []
    for provision_id in provision_ids:
        provision = legal.PROVISIONS_BY_ID.get(provision_id)
        if provision is not None:  # an unknown id is an error the rules report
            found.append(
                records.LegalBasis(
                    id=provision.id,
                    citation=_worded(provision.citation),
                    url=_worded(provision.address),
                )
            )
    return found


def _guardians(playbook: Playbook) -> records.Guardians:
    guardians = playbook.guardians
    return records.Guardians(
        leave=[
            records.LeaveRule(
                up_to_days=rule.up_to_days,
                granted_by=_role(rule.granted_by, playbook),
                request=rule.request,
                form=_form(rule.form, playbook),
            )
            for rule in guardians.leave
        ],
        leave_days_per_school_year=guardians.leave_days_per_school_year,
        leave_exceptions=[
            records.LeaveException(
                schools=exception.schools,
                grades=exception.grades,
                granted_by=_role(exception.granted_by, playbook),
                up_to_days=exception.up_to_days,
            )
            for exception in guardians.leave_exceptions
        ],
        leave_notes=[
            records.LeaveNote(id=note, text=_worded(partial(_leave_note, note)))
            for note in guardians.leave_notes
        ],
        explain_within_school_days=guardians.explain_within_school_days,
        late_counts_as_absence_after_minutes=guardians.late_counts_as_absence_after_minutes,
        forms=_forms(guardians.forms, playbook),
    )


def _leave_note(note: str, language: str) -> str:
    return text(language, f"leave_note.{note}")


def _school(school: playbook_model.School) -> records.School:
    return records.School(
        id=school.id,
        name=_texts(school.name),
        language=school.language,
        grades=school.grades,
        url=school.url,
        report_by=school.report_by,
        office_phone=school.office_phone,
    )
