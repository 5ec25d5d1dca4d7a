"""Render the municipality's own pages: Jinja2 templates that produce Markdown.

Every ``{{ value }}`` is escaped for Markdown by the environment's ``finalize`` hook, so text
from a playbook is shown literally wherever it lands. Templates mark the Markdown they build
themselves (links to our own pages, ids checked by the schema) with the helpers below.

The words come from the message catalogues in two kinds. ``t(key, **values)`` is plain text (a
label, a heading, a link's label): escaped like any value wherever it lands. ``md(key,
**values)`` is a sentence or paragraph the toolkit writes in Markdown (links to our own pages,
emphasis): placed as written, with each value escaped on its own, exactly as ``{{ value }}``
would be in the template.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from functools import cache
from typing import Any
from urllib.parse import quote

from markupsafe import Markup

from generator.messages import ladder_words, page_words
from generator.plan.markdown_text import escape_markdown, escape_paragraphs
from generator.plan.sentences import split_sentences
from generator.playbook import legal
from generator.playbook.model import LocalText, Playbook, Stage, Step
from generator.playbook.roles import NATIONAL_ROLES, role_anchor
from generator.playbook.tiers import band
from generator.templating import Environment, environment

_SAFE_ID = re.compile(r"^[a-z0-9_-]+$")


@cache
def _environment() -> Environment:
    return environment(
        html=False,
        markdown=True,
        finalize=escape_markdown,
        filters={
            "paragraphs": escape_paragraphs,
            "h": _escape_html,
            "sentences": split_sentences,
            "id": _safe_id,
            # A sentence's first letter up, the rest as written (Jinja's capitalize lowers it).
            "upper_first": lambda text: text[:1].upper() + text[1:],
        },
    )


def _escape_html(value: object) -> Markup:
    """For raw HTML blocks in a template, where Markdown escapes would show literally."""
    return Markup(html.escape(str(value), quote=True))


def _safe_id(value: str) -> Markup:
    if not _SAFE_ID.fullmatch(value):
        raise ValueError(f"not an identifier: {value!r}")
    return Markup(value)


def _link(label: object, target: str) -> Markup:
    """A Markdown link with an escaped label; the target is percent-encoded."""
    return Markup(f"[{escape_markdown(label)}]({quote(target, safe=':/?#=&%@+,;~.-_')})")


def _in_language(value: object, language: str) -> Markup:
    """Text in another language than the page's, marked so screen readers switch voice."""
    return Markup(f'<span lang="{_safe_id(language)}">{escape_markdown(value)}</span>')


def _front_matter_title(value: object) -> Markup:
    """A page title for MkDocs' front matter, HTML-escaped.

    The theme prints page titles unescaped (in <title> and the navigation), so a title built
    from playbook text is handed over as escaped HTML; JSON strings are valid YAML.
    """
    plain = " ".join(str(value).split())
    return Markup(json.dumps(html.escape(plain, quote=False), ensure_ascii=False))


def _phone_link(phone: str) -> Markup:
    return _link(phone, "tel:" + phone.replace(" ", ""))


def _email_link(email: str) -> Markup:
    return _link(email, "mailto:" + email)


def _words(language: str) -> dict[str, Callable[..., object]]:
    """The catalogue's words for a template: ``t`` (plain text) and ``md`` (Markdown)."""

    def plain(key: str, **values: object) -> str:
        return page_words.text(language, key).format(**values)

    def markdown(key: str, **values: object) -> Markup:
        escaped = {name: escape_markdown(value) for name, value in values.items()}
        return Markup(page_words.text(language, key).format(**escaped))

    return {"t": plain, "md": markdown}


def _system_in_sentence(name: str, language: str) -> str:
    """The recording system's name as a sentence needs it: Finnish inflects it ("Wilmasta")."""
    return page_words.finnish_elative_of_system(name) if language == "fi" else name


def render_page(template: str, playbook: Playbook, language: str, **extra: Any) -> str:
    """Render ``templates/pages/<template>`` for one playbook in one language."""

    def local(value: LocalText | str | None) -> str:
        if value is None:
            return ""
        return value if isinstance(value, str) else value.get(language)

    context = {
        "pb": playbook,
        "lang": language,
        **_words(language),
        "lt": local,
        "role": lambda role_id: page_words.role_name(role_id, playbook, language),
        "role_link": lambda role_id, prefix="": _role_link(role_id, playbook, language, prefix),
        "role_in_list": lambda role_id: page_words.role_name_in_list(role_id, playbook, language),
        **_ladder_words(playbook, language),
        "date": lambda value: page_words.date(value, language),
        "num": lambda value: page_words.number(value, language),
        "tier": lambda tier: page_words.tier_name(tier, language),
        "tier_band": lambda tier: band(tier).words(language),
        "system_in_sentence": lambda name: _system_in_sentence(name, language),
        "link": _link,
        "in_language": _in_language,
        "front_matter_title": _front_matter_title,
        "phone_link": _phone_link,
        "email_link": _email_link,
        **extra,
    }
    return _environment().get_template(f"pages/{template}").render(context)


def render_national_page(template: str, language: str, **extra: Any) -> str:
    """Render a page that belongs to no municipality (the portal's pages, the glossary)."""
    context = {
        "lang": language,
        **_words(language),
        "date": lambda value: page_words.date(value, language),
        "num": lambda value: page_words.number(value, language),
        "tier": lambda tier: page_words.tier_name(tier, language),
        "link": _link,
        "in_language": _in_language,
        "lt": lambda value: value.get(language) if value is not None else "",
        "email_link": _email_link,
        **extra,
    }
    return _environment().get_template(template).render(context)


def _ladder_words(playbook: Playbook, language: str) -> dict[str, Callable[..., object]]:
    """Format 2's facts in words for a template: thresholds, actors, deadlines, forms, laws."""

    def starts(stage: Stage) -> str:
        return ladder_words.threshold_words(stage, playbook.ladder_of(stage), language)

    def actor_links(step: Step, prefix: str = "") -> Markup:
        links = [
            _role_link(role, playbook, language, prefix, in_list=index > 0)
            for index, role in enumerate(step.actors)
        ]
        if not links:
            return escape_markdown(page_words.text(language, "no_actor"))
        if len(links) == 1:
            return links[0]
        # "{first} tai {last}": the words around the links are escaped, the links are not.
        before, rest = page_words.text(language, "actors_or").split("{first}")
        middle, after = rest.split("{last}")
        pieces = (before, Markup(", ").join(links[:-1]), middle, links[-1], after)
        return Markup("").join(
            piece if isinstance(piece, Markup) else escape_markdown(piece) for piece in pieces
        )

    def form_link(form_id: str) -> Markup:
        form = playbook.form(form_id)
        if form is None:  # the rules refuse a playbook that names an unknown form
            raise ValueError(f"no form {form_id!r}")
        return _link(form.name.get(language), form.url_in(language))

    statute_language: legal.Language = "fi" if language == "fi" else "sv"

    def legal_link(provision_id: str) -> Markup:
        entry = legal.provision(provision_id)
        label = f"{entry.citation(statute_language)}: {entry.subject(statute_language)}"
        return _link(label, entry.address(statute_language))

    return {
        "starts": starts,
        "threshold_heading": lambda stage: ladder_words.threshold_heading(
            stage, language, playbook.ladder_of(stage).counts
        ),
        "first_deadline": lambda stage: ladder_words.first_deadline(stage, language),
        "ladder_of": playbook.ladder_of,
        "ladder_name": lambda ladder: ladder_words.ladder_name(ladder, language),
        "window": lambda measure: ladder_words.window_words(measure, language),
        "trigger": lambda trigger: ladder_words.trigger_words(trigger, language),
        "is_range": ladder_words.is_range,
        "actors": lambda step: ladder_words.actors_words(step, playbook, language),
        "actor_links": actor_links,
        "stage_roles": ladder_words.stage_roles,
        "roles_in_text": lambda ids: ", ".join(
            page_words.role_name_in_list(role_id, playbook, language) for role_id in ids
        ),
        "deadline": lambda step: ladder_words.deadline_words(step, language),
        "has_deadline": ladder_words.has_deadline,
        "form_link": form_link,
        "legal_link": legal_link,
    }


def _role_link(
    role_id: str, playbook: Playbook, language: str, prefix: str, *, in_list: bool = False
) -> Markup:
    words = page_words.role_name_in_list if in_list else page_words.role_name
    name = words(role_id, playbook, language)
    anchor = role_anchor(role_id) if role_id in NATIONAL_ROLES else None
    if anchor is not None:
        return _link(name, f"{prefix}sky/roles.md#{anchor}")
    return escape_markdown(name)
