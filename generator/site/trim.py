"""Remove from a built site what its pages never load.

Material ships search support for some thirty languages and the source maps of its scripts and
styles. A site in one language loads only that language's stemmer (plus the shared stemmer
support), and source maps serve only developers' tools. Its stylesheets style every component
it has, and a site uses a few. Dropping the rest keeps each published site small and its first
visit light; the page weight benchmark (``benchmarks/page_weight.py``) reports the result.
"""

from __future__ import annotations

import functools
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
_CLASS_ATTRIBUTE = re.compile(r'class="([^"]*)"')
_COLOUR_ATTRIBUTE = re.compile(r'(data-md-color-[a-z]+)="([^"]*)"')
_WORD = re.compile(r"[A-Za-z_][\w-]*")
_CLASS_SELECTOR = re.compile(r"\.(-?[A-Za-z_][\w-]*)")
_COLOUR_SELECTOR = re.compile(r"\[(data-md-color-[a-z]+)=[\"']?([^\]\"']*)[\"']?\]")
_FUNCTIONAL_PSEUDO = re.compile(r":(?:not|is|where|has)\(")
# A declaration of a custom property, its value with any quoted strings in it (data: URLs).
_CUSTOM_PROPERTY = re.compile(r"""(?<=[{;])(--[\w-]+):((?:'[^']*'|"[^"]*"|[^;}'"])*)(;|(?=\}))""")
_PROPERTY_NAME = re.compile(r"--[\w-]+")
_VARIABLE = re.compile(r"var\((--[\w-]+)")
_BLOCK_AT_RULES = ("@media", "@supports", "@container", "@layer")
# A string or a comment, whole (what may hold braces and semicolons that are not the CSS's).
_STRING_OR_COMMENT_PATTERN = r"""'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*"|/\*.*?(?:\*/|$)"""
_STRING_OR_COMMENT = re.compile(_STRING_OR_COMMENT_PATTERN, re.DOTALL)
# What the CSS's structure turns on: braces and semicolons, strings and comments skipped whole.
_SIGNIFICANT = re.compile(rf"""{_STRING_OR_COMMENT_PATTERN}|[{{}};]""", re.DOTALL)


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
    kept = _STRING_OR_COMMENT.sub(
        lambda match: "" if match.group().startswith("/*") else match.group(), css
    )
    return "".join(f"{line.rstrip()}\n" for line in kept.splitlines() if line.strip())


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
    for script in (site_dir / "assets" / "javascripts").rglob("*.js"):
        # The search worker and its stemmers run apart from the page and touch nothing in it.
        if not {"workers", "lunr"} & set(script.relative_to(site_dir).parts):
            words, names = _words_of_script(script.read_text(encoding="utf-8"))
            classes |= words
            properties |= names
    return _Used(frozenset(classes), frozenset(colours), frozenset(properties))


@functools.lru_cache(maxsize=16)
def _words_of_script(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """Every word a script holds (a class name it may set among them), and every custom
    property it names. Kept: every site has the same Material bundle."""
    return frozenset(_WORD.findall(text)), frozenset(_PROPERTY_NAME.findall(text))


@dataclass(frozen=True)
class _Selector:
    text: str
    classes: frozenset[str]  # what it needs on the page: these classes...
    colours: frozenset[tuple[str, str]]  # ...and these colour attributes


@dataclass(frozen=True)
class _Rule:
    prelude: str  # a rule's selectors, an at-rule's prelude or a whole statement
    body: str | None = None  # None for a statement such as @charset
    selectors: tuple[_Selector, ...] = ()  # for a style rule
    rules: tuple[_Rule, ...] | None = None  # for @media, @supports, @container, @layer


def _keep_used_rules(css: str, used: _Used) -> str:
    return "".join(_kept(rule, used) for rule in _parsed(css))


def _kept(rule: _Rule, used: _Used) -> str:
    if rule.body is None:
        return rule.prelude
    if rule.rules is not None:
        inner = "".join(_kept(child, used) for child in rule.rules)
        return f"{rule.prelude}{{{inner}}}" if inner else ""
    if not rule.selectors:  # @keyframes, @font-face, @page: kept whole
        return f"{rule.prelude}{{{rule.body}}}"
    selectors = [
        selector.text
        for selector in rule.selectors
        if selector.classes <= used.classes and selector.colours <= used.colours
    ]
    return f"{','.join(selectors)}{{{rule.body}}}" if selectors else ""


@functools.lru_cache(maxsize=8)
def _parsed(css: str) -> tuple[_Rule, ...]:
    """The rules of a stylesheet, with what each selector needs. Kept: every site has the same
    Material stylesheets."""
    parsed = []
    for prelude, body in _rules(css):
        if body is None:
            parsed.append(_Rule(prelude))
        elif prelude.startswith(_BLOCK_AT_RULES):
            parsed.append(_Rule(prelude, body, rules=_parsed(body)))
        elif prelude.startswith("@"):
            parsed.append(_Rule(prelude, body))
        else:
            selectors = tuple(_selector(text) for text in _split_selectors(prelude))
            parsed.append(_Rule(prelude, body, selectors))
    return tuple(parsed)


def _selector(text: str) -> _Selector:
    """A selector inside :not(), :is(), :where() or :has() needs nothing: the rule may apply
    without it."""
    outside = _outside_functional_pseudo_classes(text)
    return _Selector(
        text,
        frozenset(_CLASS_SELECTOR.findall(outside)),
        frozenset(_COLOUR_SELECTOR.findall(outside)),
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
    start = depth = prelude_end = 0
    position = 0
    while match := _SIGNIFICANT.search(css, position):
        token, position = match.group(), match.end()
        if token == "{":
            if depth == 0:
                prelude_end = match.start()
            depth += 1
        elif token == "}":
            depth -= 1
            if depth == 0:
                rules.append((css[start:prelude_end].strip(), css[prelude_end + 1 : match.start()]))
                start = position
        elif token == ";" and depth == 0:
            rules.append((css[start:position].strip(), None))
            start = position
    return rules
