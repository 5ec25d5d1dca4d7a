"""Trimming a built site: Material's stylesheets keep only the rules its pages can use."""

from __future__ import annotations

from pathlib import Path

from generator.site.trim import drop_unused_styles

MATERIAL_CSS = (
    '@charset "UTF-8";'
    ":root{--md-used:#fff;--md-unused:url('data:image/svg+xml;charset=utf-8,<svg a=\"{;}\"/>');"
    "--md-read-by-script:1px;--md-chain:var(--md-chained);--md-chained:2px}"
    ".md-header{color:var(--md-used)}"
    ".md-tabbed-set,.md-header__title{margin:0}"
    ".md-mermaid{fill:var(--md-unused)}"
    ".md-nav__link:not(.md-unknown){padding:0}"
    ".md-typeset :is(.md-unknown,.md-header){padding:1px}"
    '.md-typeset .critic.comment:before{content:"/* {"}'
    "@media screen and (max-width:76em){.md-header{top:0}.md-mermaid{top:1px}}"
    "@media print{.md-mermaid{display:none}}"
    "@keyframes md-spin{0%{opacity:0}to{opacity:1}}"
    "[data-md-color-primary=red]{--md-primary-fg-color:red}"
    "[data-md-color-primary=custom] .md-header{--md-primary-fg-color:blue}"
)


def _site(folder: Path, html: str, script: str = "") -> Path:
    (folder / "assets" / "stylesheets").mkdir(parents=True)
    (folder / "assets" / "javascripts").mkdir(parents=True)
    (folder / "assets" / "stylesheets" / "main.0123abcd.min.css").write_text(
        MATERIAL_CSS, encoding="utf-8"
    )
    (folder / "assets" / "stylesheets" / "sky.css").write_text(
        ".md-mermaid{color:red}.sky-box{color:var(--md-primary-fg-color)}", encoding="utf-8"
    )
    (folder / "assets" / "javascripts" / "bundle.js").write_text(script, encoding="utf-8")
    (folder / "index.html").write_text(html, encoding="utf-8")
    return folder


def test_only_the_rules_the_pages_can_use_are_kept(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        '<body data-md-color-primary="custom"><header class="md-header">'
        '<a class="md-nav__link md-typeset">x</a></header></body>',
        script='e.classList.add("md-header__title");x.style.setProperty("--md-read-by-script")',
    )
    drop_unused_styles(site)
    assert (site / "assets" / "stylesheets" / "main.0123abcd.min.css").read_text() == (
        '@charset "UTF-8";'
        ":root{--md-used:#fff;--md-read-by-script:1px;}"
        ".md-header{color:var(--md-used)}"
        ".md-header__title{margin:0}"
        ".md-nav__link:not(.md-unknown){padding:0}"
        ".md-typeset :is(.md-unknown,.md-header){padding:1px}"
        "@media screen and (max-width:76em){.md-header{top:0}}"
        "@keyframes md-spin{0%{opacity:0}to{opacity:1}}"
        "[data-md-color-primary=custom] .md-header{--md-primary-fg-color:blue}"
    )
    # The site's own stylesheets keep their rules.
    assert (site / "assets" / "stylesheets" / "sky.css").read_text().startswith(".md-mermaid{")


def test_a_class_a_page_uses_keeps_its_rules_and_their_properties(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        '<div class="md-mermaid critic comment md-typeset" style="width:var(--md-chain)"></div>',
    )
    drop_unused_styles(site)
    css = (site / "assets" / "stylesheets" / "main.0123abcd.min.css").read_text()
    assert ".md-mermaid{fill:var(--md-unused)}" in css
    assert "--md-unused:url('data:image/svg+xml;charset=utf-8,<svg a=\"{;}\"/>');" in css
    assert "--md-chain:var(--md-chained);--md-chained:2px" in css
    assert '.md-typeset .critic.comment:before{content:"/* {"}' in css
    assert "@media print{.md-mermaid{display:none}}" in css
    assert ".md-header{" not in css


def test_the_sites_own_stylesheets_lose_their_comments_only(tmp_path: Path) -> None:
    site = _site(tmp_path, '<p class="sky-box">x</p>')
    sky = site / "assets" / "stylesheets" / "sky.css"
    sky.write_text(
        "/* Why the box looks so. */\n.sky-box {\n  /* the municipality's colour */\n"
        '  color: var(--md-primary-fg-color);\n}\n\n.sky-box::before { content: "/* */"; }\n',
        encoding="utf-8",
    )
    drop_unused_styles(site)
    assert sky.read_text() == (
        ".sky-box {\n  color: var(--md-primary-fg-color);\n}\n"
        '.sky-box::before { content: "/* */"; }\n'
    )
