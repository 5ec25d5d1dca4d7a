"""Remove from a built site what its pages never load.

Material ships search support for some thirty languages and the source maps of its scripts and
styles. A site in one language loads only that language's stemmer (plus the shared stemmer
support), and source maps serve only developers' tools. Its stylesheets style every component
it has, and a site uses a few. Dropping the rest keeps each published site small and its first
visit light; the page weight benchmark (``benchmarks/page_weight.py``) reports the result.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

_LUNR = Path("assets") / "javascripts" / "lunr"
_SOURCE_MAP_COMMENT = re.compile(
    r"\n?(?://# sourceMappingURL=\S+|/\*# sourceMappingURL=\S+ \*/)\s*$"
)


def trim_site(site_dir: Path, search_languages: list[str]) -> list[Path]:
    """Delete unused search languages and source maps from ``site_dir``, and the rules of
    Material's stylesheets that no page uses; return the files that went."""
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
    drop_unused_styles(site_dir)
    return removed


def _drop_source_map_comment(path: Path) -> None:
    """Without the map, the comment would send developer tools to a missing file."""
    text = path.read_text(encoding="utf-8")
    trimmed = _SOURCE_MAP_COMMENT.sub("", text)
    if trimmed != text:
        path.write_text(trimmed + "\n", encoding="utf-8")


# Material's own stylesheets (main.<hash>.min.css, palette.<hash>.min.css), not the site's.
_MATERIAL_STYLESHEETS = "*.*.min.css"
_CLASS_ATTRIBUTE = re.compile(r'\bclass="([^"]*)"')
_COLOUR_ATTRIBUTE = re.compile(r'\b(data-md-color-[a-z]+)="([^"]*)"')
_WORD = re.compile(r"[A-Za-z_][\w-]*")
_CLASS_SELECTOR = re.compile(r"\.(-?[A-Za-z_][\w-]*)")
_COLOUR_SELECTOR = re.compile(r"\[(data-md-color-[a-z]+)=[\"']?([^\]\"']*)[\"']?\]")
_FUNCTIONAL_PSEUDO = re.compile(r":(?:not|is|where|has)\(")
# A declaration of a custom property, its value with any quoted strings in it (data: URLs).
_CUSTOM_PROPERTY = re.compile(r"""(?<=[{;])(--[\w-]+):((?:'[^']*'|"[^"]*"|[^;}'"])*)(;|(?=\}))""")
_PROPERTY_NAME = re.compile(r"--[\w-]+")
_VARIABLE = re.compile(r"var\((--[\w-]+)")
_BLOCK_AT_RULES = ("@media", "@supports", "@container", "@layer")


@dataclass(frozen=True)
class _Used:
    """What a site's pages and scripts can put in a page: class names, Material's colour
    attributes, and the custom properties that scripts or inline styles read."""

    classes: frozenset[str]
    colours: frozenset[tuple[str, str]]
    properties: frozenset[str]


def drop_unused_styles(site_dir: Path) -> None:
    """Keep only the rules of Material's stylesheets that can apply to this site.

    Material's stylesheets style every component it has (code blocks, content tabs, diagrams,
    blog posts, some twenty colour palettes...), and a reader downloads them all on the first
    visit. A rule is kept unless it names a class that no page of the site has and that none of
    its scripts mentions (Material's bundle builds the search results, tooltips and the like
    from class names it holds as text), or a colour palette the pages do not use; then the
    custom properties that no rule, script or page reads go too. A selector inside :not(),
    :is(), :where() or :has() never removes its rule. The site's own stylesheets lose their
    comments.
    """
    used = _used_in(site_dir)
    stylesheets = site_dir / "assets" / "stylesheets"
    kept = {
        path: _keep_used_rules(path.read_text(encoding="utf-8"), used)
        for path in sorted(stylesheets.glob(_MATERIAL_STYLESHEETS))
    }
    others = "".join(
        path.read_text(encoding="utf-8")
        for path in sorted(stylesheets.glob("*.css"))
        if path not in kept
    )
    while True:  # a property may be read only by another property that is going
        read = used.properties | frozenset(_VARIABLE.findall(others + "".join(kept.values())))
        trimmed = {path: _drop_unread_properties(text, read) for path, text in kept.items()}
        if trimmed == kept:
            break
        kept = trimmed
    for path, text in kept.items():
        path.write_text(text, encoding="utf-8")
    for path in sorted(stylesheets.glob("*.css")):
        if path not in kept:  # the site's own, written to be read: comments stay in the source
            path.write_text(without_comments(path.read_text(encoding="utf-8")), encoding="utf-8")


def without_comments(css: str) -> str:
    """``css`` without its comments (a comment's characters in a string are kept), and without
    the blank lines they leave."""
    parts = []
    start = index = 0
    while index < len(css):
        if css[index] in "\"'":
            index = _end_of_string(css, index)
        elif css.startswith("/*", index):
            parts.append(css[start:index])
            end = css.find("*/", index + 2)
            index = start = len(css) if end < 0 else end + 2
        else:
            index += 1
    parts.append(css[start:])
    lines = "".join(parts).splitlines()
    return "".join(f"{line.rstrip()}\n" for line in lines if line.strip())


def _drop_unread_properties(css: str, read: frozenset[str]) -> str:
    return _CUSTOM_PROPERTY.sub(lambda match: match.group(0) if match.group(1) in read else "", css)


def _used_in(site_dir: Path) -> _Used:
    classes: set[str] = set()
    colours: set[tuple[str, str]] = set()
    properties: set[str] = set()
    for page in site_dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for names in _CLASS_ATTRIBUTE.findall(html):
            classes.update(names.split())
        colours.update(_COLOUR_ATTRIBUTE.findall(html))
        properties.update(_VARIABLE.findall(html))
    for script in (site_dir / "assets").rglob("*.js"):
        text = script.read_text(encoding="utf-8")
        classes.update(_WORD.findall(text))
        properties.update(_PROPERTY_NAME.findall(text))
    return _Used(frozenset(classes), frozenset(colours), frozenset(properties))


def _keep_used_rules(css: str, used: _Used) -> str:
    kept = []
    for prelude, body in _rules(css):
        if body is None:  # a statement such as @charset
            kept.append(prelude)
        elif prelude.startswith(_BLOCK_AT_RULES):
            inner = _keep_used_rules(body, used)
            if inner:
                kept.append(f"{prelude}{{{inner}}}")
        elif prelude.startswith("@"):  # @keyframes, @font-face, @page: kept whole
            kept.append(f"{prelude}{{{body}}}")
        else:
            selectors = [s for s in _split_selectors(prelude) if _may_apply(s, used)]
            if selectors:
                kept.append(f"{','.join(selectors)}{{{body}}}")
    return "".join(kept)


def _may_apply(selector: str, used: _Used) -> bool:
    outside = _outside_functional_pseudo_classes(selector)
    return all(name in used.classes for name in _CLASS_SELECTOR.findall(outside)) and all(
        pair in used.colours for pair in _COLOUR_SELECTOR.findall(outside)
    )


def _outside_functional_pseudo_classes(selector: str) -> str:
    """``a:not(.b) .c:is(.d,.e)`` → ``a .c``."""
    parts = []
    position = 0
    while match := _FUNCTIONAL_PSEUDO.search(selector, position):
        parts.append(selector[position : match.start()])
        depth, position = 1, match.end()
        while depth and position < len(selector):
            depth += {"(": 1, ")": -1}.get(selector[position], 0)
            position += 1
    parts.append(selector[position:])
    return "".join(parts)


def _split_selectors(prelude: str) -> list[str]:
    """Split a selector list at its top-level commas (not those inside :is(...) or [...])."""
    selectors, depth, start = [], 0, 0
    for index, char in enumerate(prelude):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "," and depth == 0:
            selectors.append(prelude[start:index])
            start = index + 1
    selectors.append(prelude[start:])
    return selectors


def _rules(css: str) -> list[tuple[str, str | None]]:
    """The top-level rules of minified CSS: (prelude, body) for a block, (statement, None) for
    a statement ending in ';'. Strings and comments may hold braces and semicolons."""
    rules: list[tuple[str, str | None]] = []
    start = index = 0
    depth = 0
    prelude_end = 0
    while index < len(css):
        char = css[index]
        if char in "\"'":
            index = _end_of_string(css, index)
            continue
        if css.startswith("/*", index):
            end = css.find("*/", index + 2)
            index = len(css) if end < 0 else end + 2
            continue
        if char == "{":
            if depth == 0:
                prelude_end = index
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                rules.append((css[start:prelude_end].strip(), css[prelude_end + 1 : index]))
                start = index + 1
        elif char == ";" and depth == 0:
            rules.append((css[start : index + 1].strip(), None))
            start = index + 1
        index += 1
    return rules


def _end_of_string(css: str, opening: int) -> int:
    quote, index = css[opening], opening + 1
    while index < len(css) and css[index] != quote:
        index += 2 if css[index] == "\\" else 1
    return index + 1
