"""Escape text written in a playbook so that Markdown shows it literally.

A playbook author's text must never become HTML, a link, or formatting on a page: ``<script>``,
``[x](javascript:...)`` and ``**`` all have to reach the reader as the characters typed.
"""

from __future__ import annotations

import html
import re

from markupsafe import Markup

# Python-Markdown's escapable characters, plus '|' (tables extension).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


def escape_markdown(value: object) -> Markup:
    """Plain text → Markdown that renders to exactly that text, on one line.

    Runs of whitespace (newlines included) fold to one space so that the text is safe inside a
    table cell, a list item or a heading alike. Markup values pass unchanged: they were built
    by our own templates.
    """
    if isinstance(value, Markup):
        return value
    if value is None:
        return Markup("")
    folded = re.sub(r"\s+", " ", str(value))
    return Markup(_MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(folded, quote=False)))


def escape_paragraphs(value: object) -> Markup:
    """Like :func:`escape_markdown`, but each line of the text becomes a paragraph.

    A folded YAML text ('>') holds a newline only where its author left a blank line, so a
    newline is the author's paragraph break.
    """
    if value is None:
        return Markup("")
    paragraphs = str(value).strip().split("\n")
    return Markup("\n\n").join(escape_markdown(p) for p in paragraphs if p.strip())
