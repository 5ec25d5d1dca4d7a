"""Instructions become numbered steps one sentence each, not at every abbreviation's period."""

from __future__ import annotations

import pytest

from generator.plan.sentences import split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ledigheten gäller fr.o.m. 1.8. Anmäl i Wilma.",
            ["Ledigheten gäller fr.o.m. 1.8.", "Anmäl i Wilma."],
        ),
        (
            "Anmäl frånvaron t.o.m. 31.5. Ring skolan.",
            ["Anmäl frånvaron t.o.m. 31.5.", "Ring skolan."],
        ),
        ("Se reglerna, jfr. Wilma. Ring.", ["Se reglerna, jfr. Wilma.", "Ring."]),
        ("Meddela ev. Frånvaro i Wilma. Ring.", ["Meddela ev. Frånvaro i Wilma.", "Ring."]),
        ("Soita esim. Rehtorille. Kerro syy.", ["Soita esim. Rehtorille.", "Kerro syy."]),
        ("Soita. Kerro syy.", ["Soita.", "Kerro syy."]),
    ],
)
def test_abbreviations_do_not_end_a_step(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected
