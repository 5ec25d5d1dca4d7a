"""Read a version-1 playbook as version 2: the one definition of what changed between them.

The same moves serve two callers. Loading a version-1 file applies them to the plain data (and
keeps every moved part pointing at the line it came from), so such files keep building as they
did. ``sky migrate`` applies them to the file's round-trip tree, so that the author's comments
and key order stay where the structure allows.

What changes: ``monitoring.unit`` and each stage's ``threshold.absences`` become the
``ladders:`` list (one ladder per kind of absences the stages counted, in the order they first
appear), and a stage names its ladder when there is more than one. Everything else means the
same in both versions: a plain number is still "at or above", ``within_school_days`` and
``role`` are unchanged, and ``monitoring.window`` stays the text that says how absences are
counted.
"""

from __future__ import annotations

from collections.abc import Callable, MutableMapping
from dataclasses import dataclass
from typing import Any

from generator.playbook.model import SCHEMA_VERSION
from generator.playbook.yamlsource import PathKey, SourceDocument

DEFAULT_KIND = "all"


@dataclass(frozen=True)
class Change:
    """One thing the upgrade did, for ``sky migrate`` to print: where, and the message key."""

    path: PathKey
    key: str
    values: tuple[tuple[str, str], ...] = ()


Mapping = MutableMapping[str, Any]
MakeMapping = Callable[[], Mapping]
MakeList = Callable[[list[Any]], list[Any]]


def version_of(data: object) -> str | None:
    """The ``schema_version`` a file says, as written (``"1"``), or None."""
    if isinstance(data, MutableMapping):
        value = data.get("schema_version")
        return None if value is None else str(value).strip()
    return None


def upgrade(
    tree: Mapping, make_mapping: MakeMapping = dict, make_list: MakeList = list
) -> list[Change]:
    """Rewrite a valid version-1 tree as version 2 in place; return what was changed.

    ``make_mapping``/``make_list`` build new parts in the tree's own kind (round-trip maps for
    ``sky migrate``, so that they are written in block style beside the author's).
    """
    changes = [Change(("schema_version",), "migrate.version", (("version", str(SCHEMA_VERSION)),))]
    tree["schema_version"] = SCHEMA_VERSION
    monitoring = tree["monitoring"]
    unit = str(monitoring["unit"]).strip()
    stages = list(tree["stages"])
    kinds = list(dict.fromkeys(_kind(stage) for stage in stages))
    ladders = make_list([_ladder(kind, unit, make_mapping, make_list) for kind in kinds])
    _insert_after(tree, "monitoring", "ladders", ladders)
    del monitoring["unit"]
    changes.append(
        Change(
            ("monitoring", "unit"),
            "migrate.ladders",
            (("count", str(len(kinds))), ("unit", unit), ("kinds", ", ".join(kinds))),
        )
    )
    for index, stage in enumerate(stages):
        threshold = stage["threshold"]
        kind = _kind(stage)
        if "absences" in threshold:
            del threshold["absences"]
        if len(kinds) > 1:
            _insert_after(stage, "title", "ladder", kind)
            changes.append(
                Change(("stages", index, "ladder"), "migrate.stage-ladder", (("ladder", kind),))
            )
    changes.append(Change(("ladders",), "migrate.window"))
    return changes


def upgrade_document(document: SourceDocument) -> list[Change]:
    """Upgrade a loaded version-1 document's data, pointing new parts at their old lines."""
    old_stages = list(document.data["stages"])
    changes = upgrade(document.data)
    unit_at = document.key_positions.get(("monitoring", "unit"))
    if unit_at is not None:
        for index, _ladder in enumerate(document.data["ladders"]):
            document.key_positions[("ladders", index)] = unit_at
        document.key_positions[("ladders",)] = unit_at
    for index, _stage in enumerate(old_stages):
        absences = document.key_positions.get(("stages", index, "threshold", "absences"))
        if absences is not None:
            document.key_positions[("stages", index, "ladder")] = absences
    return changes


def _kind(stage: Mapping) -> str:
    threshold = stage.get("threshold")
    if isinstance(threshold, MutableMapping) and threshold.get("absences") is not None:
        return str(threshold["absences"]).strip()
    return DEFAULT_KIND


def _ladder(kind: str, unit: str, make_mapping: MakeMapping, make_list: MakeList) -> Mapping:
    ladder = make_mapping()
    ladder["id"] = kind
    ladder["counts"] = kind
    measure = make_mapping()
    measure["unit"] = unit
    ladder["measures"] = make_list([measure])
    return ladder


def _insert_after(mapping: Mapping, after: str, key: str, value: object) -> None:
    """Add ``key`` right after ``after``, keeping the order the author wrote."""
    keys = list(mapping)
    position = keys.index(after) + 1 if after in keys else len(keys)
    insert = getattr(mapping, "insert", None)
    if insert is not None:  # a round-trip map keeps comments attached to the keys around
        insert(position, key, value)
        return
    tail = [(name, mapping.pop(name)) for name in keys[position:]]
    mapping[key] = value
    for name, item in tail:
        mapping[name] = item
