"""The authors' guide: hand-written pages in ``guide/<lang>/`` plus the generated field
reference, in reading order, for the national portal (published under ``guide/``).

Both languages have the same file names, so the language selector leads to the same page.
Pages link to each other relatively and to nothing else in the repository.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.authoring.field_reference import FIELD_REFERENCE_FILE, render_field_reference

# Reading order; the last page is generated from the JSON Schema.
GUIDE_PAGES = (
    "index.md",
    "writing.md",
    "checking.md",
    "publishing.md",
    "new-version.md",
    FIELD_REFERENCE_FILE,
)


@dataclass(frozen=True)
class GuidePage:
    path: str  # relative to the guide's folder, e.g. "writing.md"
    markdown: str


def guide_pages(guide_dir: Path, language: str) -> list[GuidePage]:
    """Every page of the guide in ``language``: ``guide_dir/<language>/*.md`` and the fields."""
    pages = [
        GuidePage(name, (guide_dir / language / name).read_text(encoding="utf-8"))
        for name in GUIDE_PAGES
        if name != FIELD_REFERENCE_FILE
    ]
    pages.append(GuidePage(FIELD_REFERENCE_FILE, render_field_reference(language)))
    return pages
