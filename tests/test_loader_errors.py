"""Every rule of the playbook format, with the exact message an author sees."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import vary, write_playbook
from generator.loader import PlaybookInvalid, load_playbook

# name: (text in the valid fixture, what replaces it, the messages expected, in file order)
CASES: dict[str, tuple[str, str, list[str]]] = {
    "unknown_key": (
        "  system: Wilma\n",
        "  system: Wilma\n  sytem: Helmi\n",
        [
            "pikkula.yml:15:3: monitoring.sytem: unknown key 'sytem'; did you mean 'system'? [unknown-key]",
        ],
    ),
    "missing_key": (
        '  version: "2026.1"\n',
        "",
        [
            "pikkula.yml:7:1: approval.version: the required key 'version' is missing; add 'version:' here [missing-key]",
        ],
    ),
    "missing_swedish": (
        "title: {fi: Verkosto, sv: Nätverket}",
        "title: {fi: Verkosto}",
        [
            "pikkula.yml:34:5: stages[2].title: the Swedish text is missing; add 'sv: ...' (the playbook's languages are fi, sv) [missing-translation]",
        ],
    ),
    "empty_swedish": (
        "title: {fi: Verkosto, sv: Nätverket}",
        'title: {fi: Verkosto, sv: ""}',
        [
            "pikkula.yml:34:5: stages[2].title: the Swedish text is missing; add 'sv: ...' (the playbook's languages are fi, sv) [missing-translation]",
        ],
    ),
    "wrong_date": (
        "date: 2026-05-20",
        "date: 20.5.2026",
        [
            "pikkula.yml:9:9: approval.date: expected a date written as YYYY-MM-DD, like 2026-08-01, got '20.5.2026' [invalid-value]",
        ],
    ),
    "impossible_date": (
        "date: 2026-05-20",
        "date: 2026-02-30",
        [
            "pikkula.yml:9:9: approval.date: expected a date written as YYYY-MM-DD, like 2026-08-01, got '2026-02-30' [invalid-value]",
        ],
    ),
    "slug_mismatch": (
        "slug: pikkula",
        "slug: isokyla",
        [
            "pikkula.yml:4:3: municipality.slug: the slug 'isokyla' must equal the file name 'pikkula' (rename the file to isokyla.yml or write slug: pikkula) [slug-mismatch]",
        ],
    ),
    "slug_traversal": (
        "slug: pikkula",
        "slug: ../pikkula",
        [
            "pikkula.yml:4:9: municipality.slug: expected lowercase letters a-z, digits and '-', like 'rantala', got '../pikkula' [invalid-value]",
        ],
    ),
    "javascript_url": (
        "  provider: {fi: Pikkulan kunta, sv: Småby kommun}\n",
        "  provider: {fi: Pikkulan kunta, sv: Småby kommun}\n  site_url: javascript:alert(1)\n",
        [
            "pikkula.yml:7:13: municipality.site_url: expected a web address starting with https://, got 'javascript:alert(1)' [invalid-value]",
        ],
    ),
    "http_url": (
        "  provider: {fi: Pikkulan kunta, sv: Småby kommun}\n",
        "  provider: {fi: Pikkulan kunta, sv: Småby kommun}\n  site_url: http://pikkula.example\n",
        [
            "pikkula.yml:7:13: municipality.site_url: expected a web address starting with https://, got 'http://pikkula.example' [invalid-value]",
        ],
    ),
    "bad_email": (
        "email: rehtori@pikkula.example",
        "email: rehtori(at)pikkula",
        [
            "pikkula.yml:47:12: contacts[2].email: expected an e-mail address like 'kuraattori@kunta.fi', got 'rehtori(at)pikkula' [invalid-value]",
        ],
    ),
    "bad_phone": (
        'phone: "+358 40 123 4567"',
        "phone: 040-123",
        [
            "pikkula.yml:44:12: contacts[1].phone: expected an international number like '+358 40 123 4567', got '040-123' [invalid-value]",
        ],
    ),
    "no_phone_or_email": (
        '    phone: "+358 40 123 4567"\n',
        "",
        [
            "pikkula.yml:42:5: contacts[1]: a contact needs a 'phone:' or an 'email:' (or both) [invalid-value]",
        ],
    ),
    "unknown_role": (
        "      - role: principal\n",
        "      - role: principle\n",
        [
            "pikkula.yml:38:9: stages[2].steps[1].role: unknown role 'principle'; did you mean 'principal'? Use a national role (see the README) or declare it under 'roles:' [unknown-role]",
        ],
    ),
    "thresholds_out_of_order": (
        "threshold: {hours: 50}",
        "threshold: {hours: 0}",
        [
            "pikkula.yml:36:17: stages[2].threshold.hours: the threshold 0 is not above the previous stage's 0 (stages[1], all absences); thresholds must rise along the ladder [threshold-order]",
        ],
    ),
    "percent_over_100": (
        "threshold: {hours: 50}",
        "threshold: {percent: 120}",
        [
            "pikkula.yml:36:26: stages[2].threshold.percent: expected a value of at most 100, got '120' [invalid-value]",
        ],
    ),
    "negative_hours": (
        "threshold: {hours: 50}",
        "threshold: {hours: -5}",
        [
            "pikkula.yml:36:24: stages[2].threshold.hours: expected a value of at least 0, got '-5' [invalid-value]",
        ],
    ),
    "unit_mismatch": (
        "threshold: {hours: 50}",
        "threshold: {percent: 20}",
        [
            "pikkula.yml:36:17: stages[2].threshold.percent: this threshold is in percent but monitoring.unit is 'hours'; write 'hours:' here or change monitoring.unit [unit-mismatch]",
        ],
    ),
    "both_units": (
        "threshold: {hours: 50}",
        "threshold: {hours: 50, percent: 20}",
        [
            "pikkula.yml:36:16: stages[2].threshold: write exactly one of 'hours:' or 'percent:' [invalid-value]",
        ],
    ),
    "tier_decreases": (
        "contacts:\n",
        "  - id: later\n    title: {fi: Myöhemmin, sv: Senare}\n    sky_tier: 2\n    threshold: {hours: 60}\n    steps:\n      - {role: class_teacher, action: {fi: Soittaa., sv: Ringer.}}\ncontacts:\n",
        [
            "pikkula.yml:43:5: stages[3].sky_tier: sky_tier goes down from 3 to 2; along the ladder the tier may stay or rise, never fall [tier-decreases]",
        ],
    ),
    "tier_out_of_range": (
        "    sky_tier: 3\n",
        "    sky_tier: 4\n",
        [
            "pikkula.yml:35:15: stages[2].sky_tier: expected a value of at most 3, got '4' [invalid-value]",
        ],
    ),
    "duplicate_stage_id": (
        "  - id: network\n",
        "  - id: concern\n",
        [
            "pikkula.yml:33:5: stages[2].id: the id 'concern' is already used by stages[1]; each id must be unique [duplicate-id]",
        ],
    ),
    "unknown_school": (
        "    email: rehtori@pikkula.example\n",
        "    email: rehtori@pikkula.example\n    schools: [keskuskoulu]\n",
        [
            "pikkula.yml:48:15: contacts[2].schools[1]: no school has the id 'keskuskoulu'; there is no 'schools:' list in this playbook [unknown-school]",
        ],
    ),
    "list_for_mapping": (
        "guardians:\n",
        "guardians: [Wilma]\nunused:\n",
        [
            "pikkula.yml:18:12: guardians: expected keys on their own lines (like 'key: value'), got a list [invalid-value]",
            "pikkula.yml:19:1: unused: unknown key 'unused'; the keys allowed here are: schema_version, municipality, approval, monitoring, guardians, stages, roles, schools, contacts, services, accessibility [unknown-key]",
        ],
    ),
    "text_not_mapping": (
        "name: {fi: Pikkula, sv: Småby}",
        "name: Pikkula",
        [
            "pikkula.yml:5:9: municipality.name: expected texts in each language (fi: and sv:), got 'Pikkula' [invalid-value]",
        ],
    ),
    "leave_order": (
        "    - {up_to_days: 3, granted_by: class_teacher}\n    - {granted_by: principal}\n",
        "    - {granted_by: principal}\n    - {up_to_days: 3, granted_by: class_teacher}\n",
        [
            "pikkula.yml:21:7: guardians.leave[1]: only the last leave rule may leave out 'up_to_days:' [leave-order]",
        ],
    ),
    "effective_before_approval": (
        "effective_from: 2026-08-01",
        "effective_from: 2026-01-01",
        [
            "pikkula.yml:11:3: approval.effective_from: the rules take effect (2026-01-01) before they were approved (2026-05-20); check both dates [date-order]",
        ],
    ),
    "schema_version": (
        "schema_version: 1",
        "schema_version: 2",
        [
            "pikkula.yml:2:17: schema_version: expected 1 (the only playbook format so far), got '2' [invalid-value]",
        ],
    ),
    "unit_typo": (
        "unit: hours",
        "unit: tunnit",
        [
            "pikkula.yml:15:9: monitoring.unit: expected one of 'hours' or 'percent', got 'tunnit' [invalid-value]",
        ],
    ),
    "role_without_contact": (
        "      - role: principal\n",
        "      - role: school_nurse\n",
        [
            "pikkula.yml:38:9: stages[2].steps[1].role: the role 'school_nurse' acts in this step but has no contact; add a contact with 'role: school_nurse' under 'contacts:' [contact-missing]",
        ],
    ),
    "hours_not_number": (
        "threshold: {hours: 50}",
        "threshold: {hours: 50h}",
        [
            "pikkula.yml:36:24: stages[2].threshold.hours: expected a number or a number per grade group (grades_1_6: and grades_7_9:), got '50h' [invalid-value]",
        ],
    ),
    "comma_decimal": (
        "threshold: {hours: 50}",
        'threshold: {hours: "12,5"}',
        [
            "pikkula.yml:36:24: stages[2].threshold.hours: expected a number with a decimal point, like 12.5, got '12,5' [invalid-value]",
        ],
    ),
    "stages_empty": (
        "stages:\n",
        "stages: []\nunused_stages:\n",
        [
            "pikkula.yml:24:9: stages: must not be empty; write at least one item [invalid-value]",
            "pikkula.yml:25:1: unused_stages: unknown key 'unused_stages'; did you mean 'stages'? [unknown-key]",
        ],
    ),
    "grades_reversed": (
        "contacts:\n",
        "schools:\n  - {id: koulu, name: {fi: Koulu, sv: Skola}, language: fi, grades: [9, 1]}\ncontacts:\n",
        [
            "pikkula.yml:42:61: schools[1].grades: the first grade must not be after the last, got [9, 1] [invalid-value]",
        ],
    ),
    "local_role_shadows_national": (
        "contacts:\n",
        "roles:\n  - {id: principal, name: {fi: Johtaja, sv: Chef}}\ncontacts:\n",
        [
            "pikkula.yml:42:6: roles[1].id: 'principal' is already a national role; remove it from 'roles:' or give the local role another id [duplicate-id]",
        ],
    ),
    "bad_color": (
        "  provider: {fi: Pikkulan kunta, sv: Småby kommun}\n",
        "  provider: {fi: Pikkulan kunta, sv: Småby kommun}\n  color: blue\n",
        [
            "pikkula.yml:7:10: municipality.color: expected a colour like '#0b5394', got 'blue' [invalid-value]",
        ],
    ),
    "missing_logo": (
        "  provider: {fi: Pikkulan kunta, sv: Småby kommun}\n",
        "  provider: {fi: Pikkulan kunta, sv: Småby kommun}\n  logo: logo.svg\n",
        [
            "pikkula.yml:7:3: municipality.logo: the file 'logo.svg' does not exist next to the playbook [logo-missing]",
        ],
    ),
    "logo_outside": (
        "  provider: {fi: Pikkulan kunta, sv: Småby kommun}\n",
        "  provider: {fi: Pikkulan kunta, sv: Småby kommun}\n  logo: ../../etc/passwd\n",
        [
            "pikkula.yml:7:3: municipality.logo: the logo must be a file in the playbook's folder or below it [logo-missing]",
        ],
    ),
    "unknown_language": (
        "  provider: {fi: Pikkulan kunta, sv: Småby kommun}\n",
        "  provider: {fi: Pikkulan kunta, sv: Småby kommun}\n  languages: [fi, en]\n",
        [
            "pikkula.yml:7:19: municipality.languages[2]: expected one of 'fi' or 'sv', got 'en' [invalid-value]",
        ],
    ),
    "wrong_criterion": (
        "  method: self\n",
        "  method: self\n  known_issues:\n    - {what: {fi: PDF, sv: PDF}, why: {fi: Vanha, sv: Gammal}, criterion: AA}\n",
        [
            "pikkula.yml:53:75: accessibility.known_issues[1].criterion: expected a WCAG success criterion like '1.4.3', got 'AA' [invalid-value]",
        ],
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_invalid_playbook_reports_every_problem(tmp_path: Path, name: str) -> None:
    old, new, expected = CASES[name]
    path = write_playbook(tmp_path, vary(old, new))
    with pytest.raises(PlaybookInvalid) as caught:
        load_playbook(path)
    rendered = [p.render().replace(f"{tmp_path}/", "") for p in caught.value.problems]
    assert rendered == expected
