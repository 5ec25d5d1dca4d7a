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

    Whitespace (newlines included) folds to single spaces so that the text is safe inside a
    table cell, a list item or a heading alike. Markup values pass unchanged: they were built
    by our own templates.
    """
    if isinstance(value, Markup):
        return value
    if value is None:
        return Markup("")
    folded = " ".join(str(value).split())
    return Markup(_MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(folded, quote=False)))


def escape_paragraphs(value: object) -> Markup:
    """Like :func:`escape_markdown`, but blank lines in the text stay paragraph breaks."""
    if value is None:
        return Markup("")
    paragraphs = re.split(r"\n\s*\n", str(value).strip())
    return Markup("\n\n").join(escape_markdown(p) for p in paragraphs if p.strip())
