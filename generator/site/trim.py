"""Remove from a built site what its pages never load.

Material ships search support for some thirty languages and the source maps of its scripts and
styles. A site in one language loads only that language's stemmer (plus the shared stemmer
support), and source maps serve only developers' tools. Dropping the rest keeps each published
site small; the page weight benchmark (``benchmarks/page_weight.py``) reports the result.
"""

from __future__ import annotations

import re
from pathlib import Path

_LUNR = Path("assets") / "javascripts" / "lunr"
_SOURCE_MAP_COMMENT = re.compile(
    r"\n?(?://# sourceMappingURL=\S+|/\*# sourceMappingURL=\S+ \*/)\s*$"
)


def trim_site(site_dir: Path, search_languages: list[str]) -> list[Path]:
    """Delete unused search languages and source maps from ``site_dir``; return what went."""
    needed = ["stemmer.support", *search_languages]
    if len(search_languages) > 1:
        needed.append("multi")
    keep = {site_dir / _LUNR / "min" / f"lunr.{name}.min.js" for name in needed}
    removed = [path for path in sorted((site_dir / _LUNR).rglob("*.js")) if path not in keep]
    removed += sorted((site_dir / "assets").rglob("*.map"))
    for path in removed:
        path.unlink()
    for path in [*(site_dir / "assets").rglob("*.js"), *(site_dir / "assets").rglob("*.css")]:
        _drop_source_map_comment(path)
    return removed


def _drop_source_map_comment(path: Path) -> None:
    """Without the map, the comment would send developer tools to a missing file."""
    text = path.read_text(encoding="utf-8")
    trimmed = _SOURCE_MAP_COMMENT.sub("", text)
    if trimmed != text:
        path.write_text(trimmed + "\n", encoding="utf-8")
