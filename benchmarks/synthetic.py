"""Synthetic playbooks for benchmarks: valid, seeded, and varied in shape like real ones
(hours or percent, ladders split by grade, separate ladders for unauthorised absences, one or
two languages, different numbers of stages, schools and contacts)."""

from __future__ import annotations

import json
import random
from pathlib import Path

from generator.playbook.tiers import tier_of_percent

_STAGE_WORDS = [
    ("Huoli puheeksi", "Ta upp oron"),
    ("Yhteys kotiin", "Kontakt med hemmet"),
    ("Tapaaminen", "Möte"),
    ("Toimintasuunnitelma", "Handlingsplan"),
    ("Asiantuntijaryhmä", "Expertgrupp"),
    ("Verkostotyö", "Nätverksarbete"),
]
_ACTING_ROLES = [
    "class_teacher",
    "principal",
    "school_social_worker",
    "school_nurse",
    "school_psychologist",
    "special_needs_teacher",
]


def _text(fi: str, sv: str, languages: list[str]) -> str:
    texts = {"fi": fi, "sv": sv}
    return json.dumps({lang: texts[lang] for lang in languages}, ensure_ascii=False)


def _thresholds(rng: random.Random, count: int, unit: str) -> list[float]:
    if unit == "percent":  # the last stage over 20 %, where the national tier 3 starts
        return [*sorted(rng.sample(range(1, 21), count - 1)), rng.randint(21, 40)]
    return sorted(rng.sample(range(5, 200, 5), count))


def _tiers(rng: random.Random, thresholds: list[float], unit: str) -> list[int]:
    """Rising SKY tiers ending at 3; a percent ladder's tiers are its thresholds' bands."""
    if unit == "percent":
        return [tier_of_percent(value) or 1 for value in thresholds]
    return [*sorted(rng.choice([1, 2, 3]) for _ in range(len(thresholds) - 1)), 3]


def synthetic_playbook(index: int, seed: int) -> tuple[str, str]:
    """(slug, YAML text) of the ``index``-th synthetic playbook."""
    rng = random.Random(seed * 100_003 + index)
    slug = f"kunta-{index:03d}"
    languages = rng.choice([["fi", "sv"], ["fi", "sv"], ["sv", "fi"], ["fi"]])
    unit = rng.choice(["hours", "hours", "percent"])
    split = unit == "hours" and rng.random() < 0.4
    stage_count = rng.randint(3, 6)
    # A percent ladder counts all absences: its tiers are then the national bands.
    unauthorised = unit == "hours" and rng.random() < 0.3 and stage_count >= 4
    kinds = ["all"] * stage_count
    if unauthorised:
        kinds[: stage_count // 2] = ["unauthorised"] * (stage_count // 2)

    def t(fi: str, sv: str) -> str:
        return _text(fi, sv, languages)

    schools = [f"koulu-{n}" for n in range(rng.randint(1, 4))]
    lines = [
        "schema_version: 1",
        "municipality:",
        f"  slug: {slug}",
        f'  code: "{100 + index % 800:03d}"',
        f"  name: {t(f'Kunta {index}', f'Kommun {index}')}",
        f"  provider: {t(f'Kunta {index}', f'Kommun {index}')}",
        f"  languages: {json.dumps(languages)}",
        f'  color: "#{rng.choice(["0b5394", "1d4e2c", "5b2a86", "8a1c1c", "204060"])}"',
        "approval:",
        f"  body: {t('Sivistyslautakunta', 'Bildningsnämnden')}",
        "  date: 2026-05-20",
        f'  section: "§ {rng.randint(1, 99)}"',
        "  effective_from: 2026-08-01",
        '  version: "2026.1"',
        "monitoring:",
        f"  system: {rng.choice(['Wilma', 'Helmi'])}",
        f"  unit: {unit}",
        f"  window: {t('Lukukausi', 'Terminen')}",
        f"  review: {t('Luokanopettaja viikoittain', 'Klassläraren varje vecka')}",
        "guardians:",
        f"  report_absence: {t('Ilmoita Wilmassa aamulla.', 'Meddela i Wilma på morgonen.')}",
        "  leave:",
        f"    - {{up_to_days: {rng.choice([3, 5])}, granted_by: class_teacher}}",
        "    - {granted_by: principal}",
        f"  leave_instructions: {t('Hae vapaata etukäteen.', 'Anhåll om ledighet på förhand.')}",
        "stages:",
    ]
    by_kind: dict[str, list[float]] = {
        kind: _thresholds(rng, kinds.count(kind), unit) for kind in set(kinds)
    }
    in_order = sorted(value for values in by_kind.values() for value in values)
    tiers = _tiers(rng, in_order if unit == "percent" else [0.0] * stage_count, unit)
    for number, kind in enumerate(kinds):
        value = by_kind[kind].pop(0)
        threshold = (
            f"{{grades_1_6: {value:g}, grades_7_9: {value + 10:g}}}" if split else f"{value:g}"
        )
        fi, sv = _STAGE_WORDS[number % len(_STAGE_WORDS)]
        lines += [
            f"  - id: vaihe-{number + 1}",
            f"    title: {t(fi, sv)}",
            f"    sky_tier: {tiers[number]}",
            f"    threshold: {{{unit}: {threshold}, absences: {kind}}}",
            "    steps:",
        ]
        action = t("Ottaa yhteyttä kotiin.", "Kontaktar hemmet.")
        for role in rng.sample(_ACTING_ROLES, rng.randint(1, 3)):
            days = rng.randint(1, 10)
            lines.append(f"      - {{role: {role}, action: {action}, within_school_days: {days}}}")
        lines.append(f"    record: {t('Merkintä Wilmaan.', 'Anteckning i Wilma.')}")
    lines.append("schools:")
    for number, school in enumerate(schools):
        lines.append(
            f"  - {{id: {school}, name: {t(f'Koulu {number}', f'Skola {number}')}, "
            f"language: {languages[0]}, grades: [1, 9]}}"
        )
    lines.append("contacts:")
    extra_contacts = rng.choices(_ACTING_ROLES, k=rng.randint(2, 14))
    for number, role in enumerate(_ACTING_ROLES + extra_contacts):
        lines.append(
            f"  - {{role: {role}, name: {t(f'Yhteyshenkilö {number}', f'Kontaktperson {number}')}, "
            f'phone: "+358 40 {rng.randint(100, 999)} {rng.randint(1000, 9999)}"}}'
        )
    lines += [
        "accessibility:",
        f"  feedback_email: palaute@{slug}.example",
        "  assessed: 2026-09-01",
        "  method: self",
    ]
    return slug, "\n".join(lines) + "\n"


def write_playbooks(folder: Path, count: int, seed: int = 2026) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        slug, text = synthetic_playbook(index, seed)
        path = folder / f"{slug}.yml"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
