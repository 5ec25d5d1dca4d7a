"""What every page's head and Material's markup get from us: a description, and valid HTML.

The description is what a search engine shows under a page's title: the page's first paragraph,
shortened at a word boundary. The theme (``theme/main.html``) escapes it into the page.
"""

from __future__ import annotations

import html
import re

DESCRIPTION_LIMIT = 155
SAYS_SOMETHING = 60
_PARAGRAPH = re.compile(r"<p\b([^>]*)>(.*?)</p>", re.DOTALL)
_LINK = re.compile(r"<a\b[^>]*>(.*?)</a>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_SENTENCE_END = re.compile(r"[.!?](?= )")
# Material (9.7.6) writes autocomplete="off" on its two toggles (menu and search), outside any
# block or partial the theme can replace; HTML allows the attribute on text-like inputs only.
# theme/assets/javascripts/search-on-demand.js unchecks the toggles as a page opens instead.
_MATERIAL_TOGGLES = (
    '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" '
    'autocomplete="off">',
    '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" '
    'autocomplete="off">',
)


def page_description(content: str, limit: int = DESCRIPTION_LIMIT) -> str | None:
    """A description of a page from its HTML ``content``: the text of its first paragraph
    that says something (at least ``SAYS_SOMETHING`` characters, not mostly a link's words: a
    box's title or a line such as "Printable leaflet: (link)" does not), else of its first
    paragraph with any text; at most ``limit`` characters (cut at a word boundary, with an
    ellipsis). None if no paragraph has any text."""
    paragraphs = [
        (text, paragraph)
        for attributes, paragraph in _PARAGRAPH.findall(content)
        if "admonition-title" not in attributes and (text := _text_of(paragraph))
    ]
    chosen = next((text for text, html in paragraphs if _says_something(text, html)), None)
    chosen = chosen or next((text for text, _ in paragraphs), None)
    return shorten(chosen, limit) if chosen else None


def _says_something(text: str, paragraph: str) -> bool:
    """Long enough, and not mostly the words of a link."""
    linked = sum(len(_text_of(words)) for words in _LINK.findall(paragraph))
    return len(text) >= SAYS_SOMETHING and linked * 2 <= len(text)


def _text_of(paragraph: str) -> str:
    text = " ".join(html.unescape(_TAG.sub(" ", paragraph)).split())
    return re.sub(r" ([.,:;!?)])", r"\1", text)  # where a tag stood before punctuation


def shorten(text: str, limit: int) -> str:
    """``text`` if it fits in ``limit`` characters; else its sentences that fit, when they fill
    most of it; else its words that fit followed by '…'."""
    if len(text) <= limit:
        return text
    ends = [match.end() for match in _SENTENCE_END.finditer(text[: limit + 1])]
    if ends and ends[-1] >= limit * 0.6:
        return text[: ends[-1]]
    cut = text[: limit - 1]
    if text[limit - 1] != " " and " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:–-") + "…"


def without_checkbox_autocomplete(page: str) -> str:
    """``page`` with Material's two toggles written without autocomplete="off"."""
    for toggle in _MATERIAL_TOGGLES:
        page = page.replace(toggle, toggle.replace(' autocomplete="off"', ""), 1)
    return page
