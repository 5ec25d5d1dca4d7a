"""MkDocs hooks for every generated site (loaded by MkDocs through the ``hooks:`` setting).

The theme's templates are compiled once and kept (a Jinja bytecode cache).

Without a ``site_url`` MkDocs writes the 404 page with links from the host's root ('/assets/...'),
which break when a site lives at /<slug>/<lang>/. The toolkit publishes each site there by
default, so the 404 page gets that base instead.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.site.mkdocs_build import relative_url
from generator.site.page_head import page_description, without_checkbox_autocomplete
from generator.site.table_labels import label_table_cells
from generator.site.trim import trim_site
from generator.templating import bytecode_cache


def on_env(env: Any, config: Any, files: Any) -> Any:
    """The theme's templates compile once per machine, not once per site and language."""
    del config, files
    env.bytecode_cache = bytecode_cache()
    return env


def on_template_context(context: dict[str, Any], template_name: str, config: Any) -> dict[str, Any]:
    base = config.extra.get("sky_error_page_base")
    if template_name != "404.html" or config.site_url or not base:
        return context
    context["base_url"] = base
    context["extra_css"] = [relative_url(str(p), base) for p in config.extra_css]
    context["extra_javascript"] = [relative_url(str(p), base) for p in config.extra_javascript]
    return context


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    """Each table cell carries its column's header, shown before it on narrow screens."""
    del page, config, files
    return label_table_cells(html)


def on_page_context(context: dict[str, Any], page: Any, config: Any, nav: Any) -> dict[str, Any]:
    """The page's description for its head (theme/main.html): its first paragraph."""
    del nav
    context["sky_description"] = page_description(page.content or "") or (
        f"{page.title} – {config.site_name}" if page.title else config.site_name
    )
    return context


def on_post_page(output: str, page: Any, config: Any) -> str:
    """Material's toggles without the attribute that makes its pages invalid HTML."""
    del page, config
    return without_checkbox_autocomplete(output)


def on_post_template(output_content: str, template_name: str, config: Any) -> str:
    """The same for the pages written from a template alone (404.html)."""
    del template_name, config
    return without_checkbox_autocomplete(output_content)


def on_post_build(config: Any) -> None:
    """Drop the search languages and source maps the site never loads (generator.trim)."""
    # Material registers its own search plugin as "material/search".
    search = config.plugins.get("material/search") or config.plugins.get("search")
    languages = list(search.config.lang or []) if search is not None else []
    trim_site(Path(config.site_dir), languages)
