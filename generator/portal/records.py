"""The shape of the open data: one record per municipality, as typed models.

The JSON Schema published beside the data is generated from these models, so every field's
description here is what a reader of the schema sees. A record is also what each published
site keeps for the portal (``.sky-build.json``), and what the portal's comparison is made from.

Version 2 of the data follows format 2 of the playbook: a municipality has one or more ladders,
each counting its own absences in its own units over a window, and a stage's thresholds are
given per unit and grade group, "at or above", "over" or a range. Version 1 had one unit and one
number per grade group per stage; the README's open-data section lists what changed.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

DATA_FORMAT_VERSION = 2

Unit = Literal["hours", "lessons", "percent", "days", "times"]
Grades = Literal["all", "grades_1_6", "grades_7_9"]
Comparison = Literal["at", "over", "range"]
DeadlineKind = Literal[
    "school_days", "same_day", "before_next_stage", "after_follow_up", "by_threshold"
]


class Record(BaseModel):
    # A stored record of another shape (written by an older toolkit) must not pass as this one.
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class Texts(Record):
    fi: str = Field(
        description="In Finnish; a text the playbook writes is empty when its site is in "
        "Swedish only (the toolkit's own words, such as thresholds, are in both languages)"
    )
    sv: str = Field(
        description="In Swedish; a text the playbook writes is empty when its site is in "
        "Finnish only (the toolkit's own words, such as thresholds, are in both languages)"
    )


class Role(Record):
    id: str = Field(description="Role id: a national role (e.g. 'class_teacher') or a local one")
    name: Texts = Field(description="The role's name as the sites show it")


class Window(Record):
    per: Literal["term", "school_year", "rolling_weeks", "period"] | None = Field(
        description="Over which period absences are counted: 'term', 'school_year' (never "
        "reset), 'rolling_weeks' (the last `weeks` school weeks) or 'period' (a review "
        "period); null when the playbook does not say"
    )
    weeks: int | None = Field(description="Length of a rolling window in weeks; else null")
    words: Texts = Field(
        description="The window as the sites write it after a threshold ('lukukaudessa' / "
        "'per termin'); empty when the playbook does not say"
    )


class Measure(Record):
    unit: Unit = Field(
        description="'hours', 'lessons', 'percent' (share of school time), 'days' (school "
        "days) or 'times' (e.g. late arrivals)"
    )
    window: Window = Field(description="Over which period this unit is counted")


class Equivalence(Record):
    hours: float = Field(description="So many hours of absence…")
    percent: float = Field(description="…are this percentage of school time")


class Ladder(Record):
    id: str = Field(description="The ladder's id in the playbook; stages name it")
    counts: Literal["all", "unauthorised", "unexplained", "sickness", "worrying", "lateness"] = (
        Field(
            description="Which absences the ladder counts: 'all', 'unauthorised', "
            "'unexplained', 'sickness' (repeated sickness absence), 'worrying' (other worrying "
            "absence, school refusal included) or 'lateness' (late arrivals)"
        )
    )
    name: Texts = Field(
        description="The ladder's name: the playbook's own, else the name of what it counts"
    )
    measures: list[Measure] = Field(
        description="One or two units; with two, a stage is reached by either threshold"
    )
    equivalence: Equivalence | None = Field(
        description="How hours and percent correspond, when the playbook says; else null"
    )


class Threshold(Record):
    unit: Unit = Field(description="The unit of this threshold: one of the ladder's measures")
    grades: Grades = Field(
        description="The grades it applies to: 'all', 'grades_1_6' or 'grades_7_9'"
    )
    comparison: Comparison = Field(
        description="'at': the stage starts at `amount` or more; 'over': strictly more than "
        "`amount`; 'range': somewhere from `from` to `to`, at the staff's judgement"
    )
    amount: float | None = Field(description="The number, for 'at' and 'over'; else null")
    from_: float | None = Field(
        alias="from", description="Where a range starts, for 'range'; else null"
    )
    to: float | None = Field(description="Where a range ends, for 'range'; else null")


class Trigger(Record):
    id: str = Field(
        description="A warning sign that starts the stage without a number, e.g. "
        "'repeated_lateness' or 'same_weekday_or_lesson'"
    )
    name: Texts = Field(description="The warning sign in words")


class Form(Record):
    id: str = Field(description="The form's id in the playbook")
    name: Texts = Field(description="The form's name")
    url: Texts = Field(description="Its address in each language (the same when it has one)")


class LegalBasis(Record):
    id: str = Field(description="The provision's id, e.g. 'basic_education_act_26'")
    citation: Texts = Field(
        description="The act, its number and the section: 'Perusopetuslaki (628/1998) 26 §'"
    )
    url: Texts = Field(description="The act's consolidated text on Finlex")


class Deadline(Record):
    kind: DeadlineKind = Field(
        description="'school_days' (within `days` school days; 0 is the same school day), "
        "'same_day', 'before_next_stage', 'after_follow_up' (after an agreed follow-up period) "
        "or 'by_threshold' (at the latest at the stage's threshold)"
    )
    days: int | None = Field(description="School days, for 'school_days'; else null")


class Step(Record):
    actors: list[Role] = Field(
        description="Who takes the step: one role, any of several, or none named (the school)"
    )
    action: Texts = Field(description="What is done, as the instruction to staff")
    condition: Texts | None = Field(description="When the step is taken, if not always")
    deadline: Deadline | None = Field(description="By when; null when the playbook sets none")
    forms: list[Form] = Field(description="Forms the step uses")
    legal_basis: list[LegalBasis] = Field(description="Provisions the step rests on")


class Stage(Record):
    id: str = Field(description="The stage's id in the playbook")
    title: Texts = Field(description="The stage's title")
    ladder: str = Field(description="Id of the ladder the stage belongs to")
    sky_tier: int | None = Field(
        description="The national SKY tier 1-3 the stage belongs to; null when not given"
    )
    thresholds: list[Threshold] = Field(
        description="When the stage starts: one entry per unit and grade group; any one "
        "reached is enough. Empty when only warning signs start it"
    )
    triggers: list[Trigger] = Field(description="Warning signs that also start the stage")
    starts: Texts = Field(
        description="When the stage starts, in the sites' words: every threshold with its "
        "window, and the warning signs ('yli 30 tuntia lukukaudessa tai varoitusmerkit')"
    )
    responsible: Role | None = Field(description="The person responsible for the stage")
    steps: list[Step] = Field(description="What is done at the stage, in order")
    forms: list[Form] = Field(description="Forms used at the stage")
    legal_basis: list[LegalBasis] = Field(description="Provisions the stage rests on")


class LeaveRule(Record):
    up_to_days: int | None = Field(
        description="Longest leave this role grants, in school days; null: longer leave"
    )
    granted_by: Role = Field(description="Who grants it")
    request: Literal["oral", "written"] | None = Field(
        description="How it is asked for: 'oral' (orally or by a message) or 'written' (a "
        "written application); null when not said"
    )
    form: Form | None = Field(description="The application form, if named")


class LeaveException(Record):
    schools: list[str] | None = Field(description="Ids of the schools it applies to, or null")
    grades: tuple[int, int] | None = Field(
        description="First and last grade it applies to, or null"
    )
    granted_by: Role = Field(description="Who grants leave there instead")
    up_to_days: int | None = Field(description="Up to so many school days, or null")


class LeaveNote(Record):
    id: Literal["guardian_cannot_grant", "refusal_appealable"] = Field(
        description="'guardian_cannot_grant' or 'refusal_appealable'"
    )
    text: Texts = Field(description="The note as the sites tell guardians")


class Guardians(Record):
    leave: list[LeaveRule] = Field(
        description="Who grants leave, shortest first; empty when the playbook sets no rules"
    )
    leave_days_per_school_year: int | None = Field(
        description="At most so many days of leave a school year; null when not capped"
    )
    leave_exceptions: list[LeaveException] = Field(
        description="Schools or grades where someone else grants leave"
    )
    leave_notes: list[LeaveNote] = Field(description="Standard notes on leave")
    explain_within_school_days: int | None = Field(
        description="School days a guardian has to explain an absence before it counts as "
        "unexplained; null when not said"
    )
    late_counts_as_absence_after_minutes: int | None = Field(
        description="A late arrival of more minutes than this is recorded as an absence; null "
        "when not said"
    )
    forms: list[Form] = Field(description="Forms for guardians")


class School(Record):
    id: str = Field(description="The school's id in the playbook")
    name: Texts = Field(description="The school's name")
    language: Literal["fi", "sv"] = Field(description="Language of instruction")
    grades: tuple[int, int] = Field(description="First and last grade")
    url: str | None = Field(description="The school's web page")
    report_by: str | None = Field(
        description="Time of day by which an absence is reported at this school ('07.30')"
    )
    office_phone: str | None = Field(description="The school office's phone number")


class Decision(Record):
    body: Texts = Field(description="The body that approved the rules")
    date: str = Field(description="Date of the decision (YYYY-MM-DD)")
    section: str | None = Field(description="Section of the minutes ('§ 42'), if given")


class CommonModel(Record):
    name: Texts = Field(description="Name of the model that several providers share")
    origin: Texts = Field(description="Who made the model and who uses it")
    url: str | None = Field(description="The model's web page")


class Municipality(Record):
    """One municipality's absence rules, as published."""

    slug: str = Field(description="Identifier; the site is at <slug>/ beside the portal")
    code: str | None = Field(description="Three-digit municipality code")
    name: Texts = Field(description="Name of the municipality")
    provider: Texts = Field(description="The education provider")
    languages: list[str] = Field(description="Languages of the site, main language first")
    version: str = Field(description="Version of the rules")
    approved_by: list[Decision] = Field(
        description="Every decision that approved this version, the main decision first"
    )
    effective_from: str = Field(description="Date the rules take effect (YYYY-MM-DD)")
    common_model: CommonModel | None = Field(
        description="The model shared by several providers these rules are, if any"
    )
    system: str = Field(description="Where absences are recorded")
    window: Texts | None = Field(
        description="How absences are counted, in the playbook's own words (monitoring."
        "window); null when not written. Each ladder's window is under `ladders`"
    )
    ladders: list[Ladder] = Field(description="The ladders: what each counts and in which units")
    stages: list[Stage] = Field(description="The escalation stages, in the playbook's order")
    guardians: Guardians = Field(description="Leave and what guardians are told")
    schools: list[School] = Field(description="The schools the playbook lists")


class OpenData(Record):
    format_version: int = Field(description="Version of this data format (2)")
    municipalities: list[Municipality] = Field(description="Every published municipality")
