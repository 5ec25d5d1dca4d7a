"""Write a planned site to disk as MkDocs projects: docs folder plus generated configuration."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import generator
from generator.messages import page_words
from generator.plan.merge import LanguagePlan, SitePlan

THEME_DIR = Path(__file__).parent / "theme"
STATEMENT_PAGE = "accessibility.md"
HOOKS_FILE = Path(__file__).parent / "mkdocs_hooks.py"


@dataclass(frozen=True)
class StagedSite:
    """One language of one municipality, ready for MkDocs."""

    slug: str
    language: str
    config_file: Path
    site_name: str

    @property
    def docs_dir(self) -> Path:
        return self.config_file.parent / "docs"


@dataclass(frozen=True)
class PreviewNotice:
    """What a preview built ahead of its PDFs says on every page, in the page's language
    (``notice``), and whether links to PDFs not printed yet may be missing."""

    notice: str
    pdfs_missing: bool


def stage_site(
    plan: SitePlan,
    work_dir: Path,
    base_config: Path,
    site_url: str | None,
    preview: PreviewNotice | None = None,
) -> list[StagedSite]:
    """Write ``work_dir/<slug>/<lang>/{docs,mkdocs.yml}`` for every language of the plan."""
    staged = []
    for site in plan.sites:
        project = work_dir / plan.slug / site.language
        if project.exists():
            shutil.rmtree(project)
        docs = project / "docs"
        for page in site.pages:
            target = docs / page.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(page.markdown, encoding="utf-8")
        _write_assets(plan, docs)
        for path, data in site.static_files:
            (docs / path).parent.mkdir(parents=True, exist_ok=True)
            (docs / path).write_bytes(data)
        config_file = project / "mkdocs.yml"
        config = _config(plan, site, base_config, site_url)
        if preview is not None:
            _mark_preview(config, preview)
        # JSON is valid YAML: no YAML writer needed, and no value can be misread.
        config_file.write_text(json.dumps(config, ensure_ascii=False, indent=1), encoding="utf-8")
        staged.append(StagedSite(plan.slug, site.language, config_file, site.site_name))
    return staged


def _write_assets(plan: SitePlan, docs: Path) -> None:
    stylesheets = docs / "assets" / "stylesheets"
    stylesheets.mkdir(parents=True, exist_ok=True)
    (stylesheets / "municipality.css").write_text(municipality_css(plan.color), encoding="utf-8")
    if plan.logo is not None:
        shutil.copyfile(plan.logo, docs / "assets" / f"logo{plan.logo.suffix.lower()}")


# Characters that end or break out of an HTML attribute, or that no URL may hold as they are.
_UNSAFE_IN_URL = frozenset("\"'<>`\\ ") | {chr(code) for code in range(0x20)} | {"\x7f"}


def attribute_safe_url(url: str) -> str:
    """``url`` with every character that could leave an HTML attribute percent-encoded.

    MkDocs and its theme print ``site_url`` (as the canonical link of every page, among others)
    without escaping it. The playbook's address is validated before it gets here; this keeps
    a page safe even so, and the encoded address still names the same page.
    """
    return "".join(
        "".join(f"%{byte:02X}" for byte in ch.encode("utf-8")) if ch in _UNSAFE_IN_URL else ch
        for ch in url
    )


def _mark_preview(config: dict[str, object], preview: PreviewNotice) -> None:
    extra = config["extra"]
    assert isinstance(extra, dict)
    extra["sky_notice"] = preview.notice  # main.html shows it above every page
    if preview.pdfs_missing:
        # A link to a PDF is only a note that it is missing; the full build that follows
        # checks every link, and a preview whose links are broken is not kept.
        config["validation"] = {"links": {"not_found": "info"}}


def municipality_css(color: str | None) -> str:
    primary = color or "#0b5394"
    return (
        "/* Generated from the playbook's municipality.color. */\n"
        ":root, [data-md-color-scheme=default] {\n"
        f"  --md-primary-fg-color: {primary};\n"
        f"  --md-primary-fg-color--light: {primary};\n"
        f"  --md-primary-fg-color--dark: {primary};\n"
        "  --md-primary-bg-color: #ffffff;\n"
        "  --md-primary-bg-color--light: #ffffffb3;\n"
        f"  --md-accent-fg-color: {primary};\n"
        f"  --md-typeset-a-color: {primary};\n"
        "}\n"
    )


def _config(
    plan: SitePlan, site: LanguagePlan, base_config: Path, site_url: str | None
) -> dict[str, object]:
    theme: dict[str, object] = {
        "language": site.language,
        "custom_dir": str(THEME_DIR),
    }
    if plan.logo is not None:
        theme["logo"] = f"assets/logo{plan.logo.suffix.lower()}"
        theme["favicon"] = theme["logo"]
    config: dict[str, object] = {
        "INHERIT": str(base_config.resolve()),
        "site_name": site.site_name,
        "docs_dir": "docs",
        "site_dir": "site",
        "theme": theme,
        "nav": list(site.nav),
        "plugins": [{"search": {"lang": [site.language]}}],
        "hooks": [str(HOOKS_FILE)],
        "extra": {
            # The footer says which national content and toolkit built the site.
            "sky_built_with": page_words.text(site.language, "built_with").format(
                content=plan.content_version, toolkit=generator.__version__
            ),
            # The footer links every page to the accessibility statement, when the site has
            # one (partials/copyright.html).
            "sky_statement": {
                "title": page_words.text(site.language, "accessibility_statement"),
                "url": "accessibility/",
            }
            if any(page.path == STATEMENT_PAGE for page in site.pages)
            else None,
            # The other languages: the header's selector and text link, and the head's hreflang
            # alternates (theme/main.html; absolute, so only when the address is known).
            "alternate": [
                {
                    "name": page_words.text(language, "language_name"),
                    "label": page_words.text(language, "in_language"),
                    "link": f"../{language}/",
                    "lang": language,
                    "url": _language_root(site_url, language) if site_url else None,
                }
                for language in plan.languages
            ]
            if len(plan.languages) > 1
            else [],
            "sky_default_language": plan.languages[0],
            "sky_search_name": page_words.text(site.language, "search_dialog"),
        },
    }
    if site_url:
        config["site_url"] = _language_root(site_url, site.language)
    else:
        # Without an address the site is assumed to be served from <out>/ at the host's root.
        extra = config["extra"]
        assert isinstance(extra, dict)
        extra["sky_error_page_base"] = f"{plan.served_at}{site.language}/"
    return config


def _language_root(site_url: str, language: str) -> str:
    """The address of a language's home page, from the site's address: ``<site_url>/<lang>/``."""
    return attribute_safe_url(f"{site_url.rstrip('/')}/{language}/")
