"""A five-stage playbook made from Rantala's: its ladder of all absences (five stages, grade
groups, a range, warning signs) without the ladder of late arrivals, under its own slug.

The guardians page aims at a word count for a five-stage playbook; this is that playbook, kept
in step with the shipped example instead of copied from it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

REPO = Path(__file__).resolve().parents[2]
SLUG = "viisikko"


def five_stage_playbook(folder: Path) -> Path:
    """Write ``<folder>/viisikko.yml`` and return its path."""
    yaml = YAML()  # round-trip: the comments and quotes stay as Rantala's file has them
    data: Any = yaml.load((REPO / "playbooks" / "rantala.yml").read_text(encoding="utf-8"))
    late = {ladder["id"] for ladder in data["ladders"] if ladder["counts"] == "lateness"}
    data["ladders"] = [ladder for ladder in data["ladders"] if ladder["id"] not in late]
    data["stages"] = [stage for stage in data["stages"] if stage.get("ladder") not in late]
    assert len(data["stages"]) == 5, [stage["id"] for stage in data["stages"]]
    municipality = data["municipality"]
    municipality["slug"] = SLUG
    municipality["name"] = {"fi": "Viisikko", "sv": "Femby"}
    for key in ("logo", "site_url", "code"):
        municipality.pop(key, None)
    path = folder / f"{SLUG}.yml"
    with path.open("w", encoding="utf-8") as file:
        yaml.dump(data, file)
    return path
