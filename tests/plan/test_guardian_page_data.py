"""What the guardians and contacts pages are made of (generator/plan/guardian_page.py), without a
build: the first screen's lines, the few contacts a parent calls, the contacts page's groups."""

from __future__ import annotations

from pathlib import Path

from conftest import FIXTURES, REPO, vary, write_playbook
from generator.content.national import load_content
from generator.plan.guardian_page import (
    contact_groups,
    first_screen,
    guardians_contacts,
)
from generator.plan.merge import plan_site
from generator.playbook.loader import load_playbook
from generator.playbook.model import Playbook
from generator.project import NATIONAL_CONTENT

PIKKULA2 = (FIXTURES / "pikkula2.yml").read_text(encoding="utf-8")
_SCHOOL = """schools:
  - id: keskus
    name: {fi: Keskuskoulu, sv: Centralskolan}
    language: fi
    grades: [1, 9]
    office_phone: "+358 6 123 4567"
"""


def _pikkula(tmp_path: Path, text: str) -> Playbook:
    return load_playbook(write_playbook(tmp_path, text)).playbook


def test_without_anyone_a_parent_calls_the_first_screen_names_the_school_office(
    tmp_path: Path,
) -> None:
    playbook = _pikkula(tmp_path, PIKKULA2 + _SCHOOL)
    principal_only = [contact for contact in playbook.contacts if contact.role == "principal"]
    playbook = playbook.model_copy(update={"contacts": principal_only})
    first = first_screen(playbook, "sv")
    assert first.call == "Ring skolans kansli."
    assert first.report == "Meddela i Wilma eller ring skolans kansli."
    assert [(s.name, s.report_by, s.phone) for s in first.schools] == [
        ("Centralskolan", "", "+358 6 123 4567")
    ]
    assert guardians_contacts(playbook) == ()


def test_a_first_rule_without_a_limit_and_a_report_not_in_the_system(tmp_path: Path) -> None:
    text = vary(
        "    - {up_to_days: 3, granted_by: class_teacher, request: oral}\n"
        "    - {up_to_days: 20, granted_by: principal, request: written, form: loma}\n",
        "    - {granted_by: principal}\n",
        PIKKULA2,
    )
    text = vary(
        "{fi: Ilmoita Wilmassa aamulla., sv: Meddela i Wilma på morgonen.}",
        "{fi: Soita., sv: Ring.}",
        text,
    )
    first = first_screen(_pikkula(tmp_path, text), "fi")
    assert first.leave == "Rehtori myöntää vapaata."
    assert first.report == "Ilmoita koululle."


def test_the_few_contacts_leave_out_the_offices_the_first_screen_gives() -> None:
    playbook = load_playbook(REPO / "playbooks" / "rantala.yml").playbook
    kept = guardians_contacts(playbook)
    assert [contact.role for contact in kept] == [
        "school_social_worker",
        "school_social_worker",
        "school_nurse",
        "school_nurse",
    ]


def test_the_contacts_page_groups_local_roles_in_the_school_after_the_principal() -> None:
    playbook = load_playbook(REPO / "playbooks" / "tervaharju.yml").playbook
    groups = {group: [role for role, _ in roles] for group, roles in contact_groups(playbook)}
    assert groups == {
        "school": [
            "class_teacher",
            "principal",
            "vice_principal",
            "attendance_coordinator",
            "special_needs_teacher",
            "guidance_counsellor",
        ],
        "welfare": ["school_social_worker", "school_psychologist", "school_nurse", "school_doctor"],
        "other": ["child_welfare", "education_office"],
    }
    listed = [
        contact for _, roles in contact_groups(playbook) for _, group in roles for contact in group
    ]
    assert sorted(map(id, listed)) == sorted(map(id, playbook.contacts))


def test_leave_without_rules_still_has_its_answer_on_the_first_screen(tmp_path: Path) -> None:
    text = vary(
        "  leave:\n"
        "    - {up_to_days: 3, granted_by: class_teacher, request: oral}\n"
        "    - {up_to_days: 20, granted_by: principal, request: written, form: loma}\n",
        "  leave_instructions: {fi: Kysy opettajalta., sv: Fråga läraren.}\n",
        PIKKULA2,
    )
    loaded = load_playbook(write_playbook(tmp_path, text))
    plan = plan_site(loaded, load_content(NATIONAL_CONTENT), only=("fi",))
    (page,) = [page for page in plan.sites[0].pages if page.path == "guardians.md"]
    assert "**Vapaata?** [Näin haet vapaata](#leave)\n" in page.markdown
    assert "## Vapaan hakeminen {#leave}\n\nKysy opettajalta\\.\n" in page.markdown
