"""Every body cell of a table carries its column's header as ``data-label``, escaped: the
stylesheet prints it before the cell when narrow screens show the rows as lists."""

from __future__ import annotations

from generator.site.table_labels import label_table_cells

MARKDOWN_TABLE = """<table>
<thead>
<tr>
<th>Porras</th>
<th style="text-align: left;">Raja &amp; <em>ikkuna</em></th>
</tr>
</thead>
<tbody>
<tr>
<td><a href="stages/a/">Huoli puheeksi</a></td>
<td>30 tuntia</td>
</tr>
<tr>
<td>Toinen</td>
<td>50 tuntia</td>
</tr>
</tbody>
</table>"""


def test_each_cell_gets_its_columns_header() -> None:
    labelled = label_table_cells(MARKDOWN_TABLE)

    assert labelled.count('<td data-label="Porras">') == 2
    assert labelled.count('<td data-label="Raja &amp; ikkuna">') == 2
    # The header row itself is left as it was.
    assert '<th style="text-align: left;">Raja &amp; <em>ikkuna</em></th>' in labelled


def test_row_headers_and_attributes_are_kept() -> None:
    table = (
        '<p>before</p><table class="sky-table"><thead><tr><th scope="col">'
        '<button type="button">Kunta</button></th><th scope="col">Yksiköt</th></tr></thead>'
        '<tbody><tr><th scope="row" data-sky-value="A"><a href="/a/">A</a></th>'
        '<td data-sky-value="tunnit">tunnit</td></tr></tbody></table><p>after</p>'
    )

    labelled = label_table_cells(table)

    assert '<th scope="row" data-sky-value="A" data-label="Kunta">' in labelled
    assert '<td data-sky-value="tunnit" data-label="Yksiköt">' in labelled
    assert labelled.startswith("<p>before</p>") and labelled.endswith("<p>after</p>")


def test_header_text_is_escaped_in_the_attribute() -> None:
    table = (
        '<table><thead><tr><th>"Yli" &lt;30&gt;</th></tr></thead>'
        "<tbody><tr><td>x</td></tr></tbody></table>"
    )

    assert '<td data-label="&quot;Yli&quot; &lt;30&gt;">x</td>' in label_table_cells(table)


def test_tables_without_header_words_are_left_alone() -> None:
    empty_header = "<table><thead><tr><th></th><th></th></tr></thead><tbody><tr><td>a</td><td>b</td></tr></tbody></table>"
    no_header = "<table><tbody><tr><td>a</td></tr></tbody></table>"

    assert label_table_cells(empty_header) == empty_header
    assert label_table_cells(no_header) == no_header


def test_a_label_already_given_is_not_replaced() -> None:
    table = (
        "<table><thead><tr><th>Raja</th></tr></thead>"
        '<tbody><tr><td data-label="Oma">x</td></tr></tbody></table>'
    )

    assert label_table_cells(table) == table
