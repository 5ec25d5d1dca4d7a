"""Lay out print HTML and write tagged PDF/UA-1 files. The only module that imports WeasyPrint.

The font comes from the pinned ``font-source-sans-pro`` package (SIL OFL) and is embedded, so a
PDF looks the same whatever fonts the host has. Only ``data:`` addresses and a short list of
files are fetched: the municipality's logo itself and the toolkit's own files (its templates and
the font). Nothing is downloaded while printing, and a logo cannot pull any other file of the
machine into a PDF (an SVG may refer to other files; those references are refused).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

import generator
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


def _font_folder() -> Path:
    return Path(str(resources.files("font_source_sans_pro") / "files")).resolve()


def allowed_file(path: Path, logo: Path | None) -> bool:
    """Whether printing may read ``path``: the logo itself, or one of the toolkit's own files."""
    path = path.resolve()
    if logo is not None and path == logo.resolve():
        return True
    own = (Path(generator.__file__).parent.resolve(), _font_folder())
    return any(folder in path.parents for folder in own)


def _fetcher(logo: Path | None) -> Any:
    from weasyprint.urls import URLFetcher

    class OwnFilesFetcher(URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: Any = None) -> Any:
            if url.lower().startswith("file:"):
                path = Path(url2pathname(urlsplit(url).path))
                if not allowed_file(path, logo):
                    raise ValueError(f"only the logo and the toolkit's files are read: {url}")
            return super().fetch(url, headers)

    # A refused or failed address becomes a warning, and a warning stops the PDF from being
    # written (see printing.py): the author learns which address it was.
    return OwnFilesFetcher(allowed_protocols=("file", "data"), fail_on_errors=False)


def render_pdf(html: str, stylesheet: str, base_dir: Path, logo: Path | None = None) -> RenderedPdf:
    """Lay out ``html`` with ``stylesheet``; relative addresses resolve in ``base_dir``.

    Of the machine's files, only ``logo`` and the toolkit's own are read.
    """
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    fetcher = _fetcher(logo)
    font_config = FontConfiguration()
    with collected_warnings("weasyprint") as messages:
        css = CSS(string=font_faces() + stylesheet, font_config=font_config, url_fetcher=fetcher)
        document = HTML(
            string=html, base_url=base_dir.resolve().as_uri() + "/", url_fetcher=fetcher
        ).render(stylesheets=[css], font_config=font_config, **PDF_OPTIONS)
    return RenderedPdf(len(document.pages), tuple(messages), document)
