"""The golden files: the Markdown pages generated from the test playbook, as reviewed.

``scripts/update-goldens`` rewrites them from the generator as it is now (``python -m
support.golden``); the tests only ever compare with them.
"""

from __future__ import annotations

from pathlib import Path

from conftest import FIXTURES, TESTS
from generator.content.national import load_content
from generator.plan.merge import NATIONAL_DIR, plan_site
from generator.playbook.loader import load_playbook
from generator.project import NATIONAL_CONTENT

GOLDEN = TESTS / "golden" / "pikkula"


def generated_pages(playbook: Path = FIXTURES / "pikkula.yml") -> dict[str, str]:
    """A playbook's own pages (the national pages are included unchanged): path → Markdown."""
    plan = plan_site(load_playbook(playbook), load_content(NATIONAL_CONTENT))
    return {
        f"{site.language}/{page.path}": page.markdown
        for site in plan.sites
        for page in site.pages
        if not page.path.startswith(f"{NATIONAL_DIR}/")
    }


def golden_pages() -> dict[str, str]:
    return {
        path.relative_to(GOLDEN).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(GOLDEN.rglob("*.md"))
    }


def write_golden_pages() -> None:
    """Replace the golden files with the pages generated now, removing any no longer made."""
    for path in GOLDEN.rglob("*.md"):
        path.unlink()
    for name, markdown in generated_pages().items():
        (GOLDEN / name).parent.mkdir(parents=True, exist_ok=True)
        (GOLDEN / name).write_text(markdown, encoding="utf-8")


if __name__ == "__main__":
    write_golden_pages()
    print(f"rewrote {GOLDEN}; review the difference (git diff -- tests/golden) before committing")
