"""The built-in rules on the labelled set: they name the right maker almost always, most
positives get a maker, and a marking is identified within a few milliseconds.

The figures are those of tests/benchmarks/eval_identify.py (run it for the confusions).
"""

from __future__ import annotations

import pytest

from forensics_gui.core.identify import builtin_rules
from forensics_gui.core.resources import asset_path
from tests.benchmarks.eval_identify import (
    DATA,
    TARGETS,
    evaluate,
    labelled_rows,
    timings,
)

LABELLED = DATA / "labelled.csv"
RULES = asset_path("data", "identification", "rules.csv")

pytestmark = pytest.mark.skipif(
    not (LABELLED.is_file() and RULES.is_file()),
    reason="the labelled set (tests/data/identification/labelled.csv) or the built-in rules "
           "(assets/data/identification/rules.csv) are not there")


def test_the_makers_proposed_are_right_and_cover_most_positives() -> None:
    figures = evaluate(labelled_rows(LABELLED), builtin_rules())
    confusions = "; ".join(f"{c.marking}: {c.expected or 'not identified'} -> {c.proposed} "
                           f"({c.rule})" for c in figures.confusions)
    assert figures.precision >= TARGETS["precision"], confusions
    assert figures.coverage >= TARGETS["coverage"]


def test_negatives_are_mostly_not_identified() -> None:
    figures = evaluate(labelled_rows(LABELLED), builtin_rules())
    assert figures.negatives_share >= 0.9


def test_a_marking_is_identified_within_five_milliseconds() -> None:
    rows, rules = labelled_rows(LABELLED), builtin_rules()
    rules.identify(rows[0]["marking"])  # the rules are read once, outside the timing
    assert timings(rows, rules, passes=3)["p95"] <= TARGETS["p95_ms"]
