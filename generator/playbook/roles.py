"""The national catalogue of roles in absence work, with their Finnish and Swedish names."""

from __future__ import annotations

from typing import Final

# id → (Finnish name, Swedish name). The ids are part of the playbook format: never rename one.
NATIONAL_ROLES: Final[dict[str, tuple[str, str]]] = {
    "pupil": ("Oppilas", "Elev"),
    "guardian": ("Huoltaja", "Vårdnadshavare"),
    "class_teacher": ("Luokanopettaja tai luokanohjaaja", "Klasslärare eller klassföreståndare"),
    "subject_teacher": ("Aineenopettaja", "Ämneslärare"),
    "special_needs_teacher": ("Erityisopettaja", "Speciallärare"),
    "guidance_counsellor": ("Opinto-ohjaaja", "Studiehandledare"),
    "principal": ("Rehtori", "Rektor"),
    "school_social_worker": ("Kuraattori", "Kurator"),
    "school_psychologist": ("Psykologi", "Psykolog"),
    "school_nurse": ("Terveydenhoitaja", "Hälsovårdare"),
    "school_doctor": ("Koululääkäri", "Skolläkare"),
    "school_youth_worker": ("Koulunuorisotyöntekijä", "Skolungdomsarbetare"),
    "welfare_group": ("Yhteisöllinen opiskeluhuoltoryhmä", "Gemensam elevhälsogrupp"),
    "expert_group": ("Monialainen asiantuntijaryhmä", "Sektorsövergripande expertgrupp"),
    "child_welfare": ("Lastensuojelu", "Barnskyddet"),
    "education_office": ("Kunnan opetustoimi", "Kommunens utbildningsväsende"),
}

# Roles that take part but are not reached through a contact of their own.
ROLES_WITHOUT_CONTACT: Final[frozenset[str]] = frozenset(
    {"pupil", "guardian", "welfare_group", "expert_group"}
)


def national_role_name(role_id: str, language: str) -> str:
    finnish, swedish = NATIONAL_ROLES[role_id]
    return finnish if language == "fi" else swedish


# Roles that the national roles page describes under another heading id, or not at all.
_ROLE_SECTIONS: Final[dict[str, str | None]] = {
    "education_office": "provider",
    "school_youth_worker": None,
}


def role_anchor(role_id: str) -> str | None:
    """A role's heading id on the national roles page (``class_teacher`` → ``class-teacher``),
    or None when the page has no section for it."""
    return _ROLE_SECTIONS.get(role_id, role_id.replace("_", "-"))
