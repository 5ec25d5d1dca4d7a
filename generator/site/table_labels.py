"""Label every table cell with its column's header, for narrow screens.

Below about 900 px the stylesheet shows each table row as a block and each cell on its own
line; the cell's ``data-label`` (its column header's text) is printed before it, so that the
reader still knows what each value is. The pages' tables are either Python-Markdown's or our
own templates' HTML: regular markup with one header row in ``<thead>``, never nested tables.
"""

from __future__ import annotations

import html
import re

_TABLE = re.compile(r"<table\b[^>]*>.*?</table>", re.DOTALL)
_HEAD = re.compile(r"<thead\b[^>]*>(.*?)</thead>", re.DOTALL)
_BODY = re.compile(r"(<tbody\b[^>]*>)(.*?)(</tbody>)", re.DOTALL)
_HEADER_CELL = re.compile(r"<th\b[^>]*>(.*?)</th>", re.DOTALL)
_ROW = re.compile(r"(<tr\b[^>]*>)(.*?)(</tr>)", re.DOTALL)
_CELL_START = re.compile(r"<(td|th)\b([^>]*)>")
_TAG = re.compile(r"<[^>]+>")


def label_table_cells(page_html: str) -> str:
    """The page with ``data-label="<column header>"`` on every body cell of every table."""
    return _TABLE.sub(lambda table: _label_table(table.group(0)), page_html)


def _label_table(table: str) -> str:
    head = _HEAD.search(table)
    if head is None:
        return table
    labels = [_plain_text(cell) for cell in _HEADER_CELL.findall(head.group(1))]
    if not any(labels):
        return table

    def label_rows(body: re.Match[str]) -> str:
        rows = _ROW.sub(
            lambda row: row.group(1) + _label_row(row.group(2), labels) + row.group(3),
            body.group(2),
        )
        return body.group(1) + rows + body.group(3)

    return _BODY.sub(label_rows, table)


def _label_row(row: str, labels: list[str]) -> str:
    column = iter(labels)

    def label(cell: re.Match[str]) -> str:
        text = next(column, "")
        attributes = cell.group(2)
        if not text or "data-label=" in attributes:
            return cell.group(0)
        return f'<{cell.group(1)}{attributes} data-label="{html.escape(text, quote=True)}">'

    return _CELL_START.sub(label, row)


def _plain_text(cell_html: str) -> str:
    """A header cell's words as a reader sees them: no tags, entities decoded, one space."""
    return " ".join(html.unescape(_TAG.sub("", cell_html)).split())
