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
    "school_social_worker": ("Koulukuraattori", "Skolkurator"),
    "school_psychologist": ("Koulupsykologi", "Skolpsykolog"),
    "school_nurse": ("Kouluterveydenhoitaja", "Skolhälsovårdare"),
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


def role_anchor(role_id: str) -> str:
    """A role's heading id on the national roles page: ``class_teacher`` → ``class-teacher``."""
    return role_id.replace("_", "-")
