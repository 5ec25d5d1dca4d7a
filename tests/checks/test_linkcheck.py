"""The link checker on small hand-written sites: each kind of break, with its message."""

from __future__ import annotations

from pathlib import Path

from generator.checks.linkcheck import Site, check_site


def _site(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def _report(site: Site) -> list[str]:
    return [p.render().replace(f"{site.root}/", "") for p in check_site(site)]


def test_a_sound_site_has_no_problems(tmp_path: Path) -> None:
    root = _site(
        tmp_path,
        {
            "fi/index.html": '<h2 id="a">A</h2><a href="sub/#b">b</a><a href="#a">a</a>'
            '<a href="../sv/">sv</a><link rel="stylesheet" href="style.css">'
            '<a href="https://oph.fi/">OPH</a><a href="mailto:x@y.fi">m</a>'
            '<a href="tel:+358401234567">t</a><img src="data:image/png;base64,AA==">',
            "fi/sub/index.html": '<p id="b">B</p><a href="../">up</a>',
            "fi/style.css": "body { background: url('sub/x.png'); } .f { filter: url(#f); }",
            "fi/sub/x.png": "",
            "sv/index.html": '<a href="/fi/">abs</a>',
        },
    )
    assert _report(Site(root)) == []


def test_each_kind_of_break_is_reported(tmp_path: Path) -> None:
    root = _site(
        tmp_path,
        {
            "fi/index.html": '<a href="missing/">1</a>\n<a href="sub/#nope">2</a>\n'
            '<a href="#gone">3</a>\n<a href="../../etc/passwd">4</a>\n'
            '<script src="https://cdn.example.net/x.js"></script>\n'
            '<link rel="stylesheet" href="//fonts.googleapis.com/css">\n'
            '<a href="javascript:alert(1)">5</a>\n<a href="http://oph.fi/">6</a>\n'
            '<a href="https:///nohost">7</a>\n<a href="tel:040-123">8</a>\n'
            '<link rel="canonical" href="https://kunta.example/fi/">\n',
            "fi/sub/index.html": "<p>no ids</p>",
            "fi/style.css": "@font-face { src: url(https://fonts.example.com/f.woff2); }",
        },
    )
    assert _report(Site(root)) == [
        "fi/index.html:1:1: missing/: the linked page or file does not exist [broken-link]",
        "fi/index.html:2:1: sub/#nope: the page fi/sub/index.html has no such id [broken-anchor]",
        "fi/index.html:3:1: #gone: no element on this page has this id [broken-anchor]",
        "fi/index.html:4:1: ../../etc/passwd: the link leaves the site's folder [outside-site]",
        "fi/index.html:5:1: https://cdn.example.net/x.js: the page loads this from another host; serve every script, style, font and image from the site itself [third-party-asset]",
        "fi/index.html:6:1: //fonts.googleapis.com/css: the page loads this from another host; serve every script, style, font and image from the site itself [third-party-asset]",
        "fi/index.html:7:1: javascript:alert(1): links with 'javascript:' are not allowed [bad-url]",
        "fi/index.html:8:1: warning: http://oph.fi/: an http:// link; use https:// [insecure-link]",
        "fi/index.html:9:1: https:///nohost: not a well-formed web address [bad-url]",
        "fi/index.html:10:1: tel:040-123: not a well-formed phone link [bad-url]",
        "fi/style.css:1:1: https://fonts.example.com/f.woff2: the page loads this from another host; serve every script, style, font and image from the site itself [third-party-asset]",
    ]


def test_absolute_paths_count_from_where_the_site_is_served(tmp_path: Path) -> None:
    root = _site(
        tmp_path,
        {
            "fi/404.html": '<a href="/kunta/fi/">home</a><a href="/other/">x</a>',
            "fi/index.html": "",
        },
    )
    assert _report(Site(root, "/kunta/")) == [
        "fi/404.html:1:30: /other/: the link leaves the site's folder [outside-site]"
    ]
