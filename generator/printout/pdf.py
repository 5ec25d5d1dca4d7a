"""Lay out print HTML and write tagged PDF/UA-1 files. The only module that imports WeasyPrint.

The font comes from the pinned ``font-source-sans-pro`` package (SIL OFL) and is embedded, so a
PDF looks the same whatever fonts the host has. Only ``file:`` and ``data:`` addresses are
fetched: nothing is downloaded while printing.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from generator.log_warnings import collected_warnings

# Tagged PDF for accessibility (structure tree, /Lang, title shown, table headers); PDF/UA-1
# needs no random document id, so two runs give the same bytes.
PDF_OPTIONS: dict[str, Any] = {"pdf_variant": "pdf/ua-1"}
FONT_FAMILY = "Source Sans Pro"
_FONT_FILES = {
    ("normal", 400): "SourceSansPro-Regular.ttf",
    ("italic", 400): "SourceSansPro-It.ttf",
    ("normal", 600): "SourceSansPro-Semibold.ttf",
    ("italic", 600): "SourceSansPro-SemiboldIt.ttf",
    ("normal", 700): "SourceSansPro-Bold.ttf",
    ("italic", 700): "SourceSansPro-BoldIt.ttf",
}


@dataclass(frozen=True)
class RenderedPdf:
    """A laid-out document: its page count is known before anything is written."""

    page_count: int
    warnings: tuple[str, ...]
    _document: Any

    def to_bytes(self) -> tuple[bytes, tuple[str, ...]]:
        """The PDF file's bytes, and any warnings WeasyPrint gave while writing it."""
        output = io.BytesIO()
        with collected_warnings("weasyprint") as messages:
            self._document.write_pdf(output, **PDF_OPTIONS)
        return output.getvalue(), tuple(messages)


def font_faces() -> str:
    """``@font-face`` rules for the embedded font, pointing into its installed package."""
    folder = resources.files("font_source_sans_pro") / "files"
    return "".join(
        f'@font-face {{ font-family: "{FONT_FAMILY}"; font-style: {style}; '
        f'font-weight: {weight}; src: url("{Path(str(folder / name)).as_uri()}"); }}\n'
        for (style, weight), name in _FONT_FILES.items()
    )


def render_pdf(html: str, stylesheet: str, base_dir: Path) -> RenderedPdf:
    """Lay out ``html`` with ``stylesheet``; relative addresses resolve in ``base_dir``."""
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration
    from weasyprint.urls import URLFetcher

    fetcher = URLFetcher(allowed_protocols=("file", "data"), fail_on_errors=True)
    font_config = FontConfiguration()
    with collected_warnings("weasyprint") as messages:
        css = CSS(string=font_faces() + stylesheet, font_config=font_config, url_fetcher=fetcher)
        document = HTML(
            string=html, base_url=base_dir.resolve().as_uri() + "/", url_fetcher=fetcher
        ).render(stylesheets=[css], font_config=font_config, **PDF_OPTIONS)
    return RenderedPdf(len(document.pages), tuple(messages), document)
