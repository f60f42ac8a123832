"""How well the built-in rules name the maker of a marking, and how fast, on the labelled set.

    .venv/bin/python tests/benchmarks/eval_identify.py [--holdout] [--passes 5] [--misses]

Reads tests/data/identification/labelled.csv (holdout.csv with --holdout: the final figure
only, see that folder's README) and identifies every marking with the built-in rules
(`core.identify.builtin_rules`, no store), then prints:

  rows           every row of the file; positives have a maker, negatives an empty one
  coverage       share of the positives for which a maker is proposed (status identified)
  precision      share of all proposals (negatives included) whose maker is right. A proposal
                 is right when it names the labelled maker, one of its other names, the
                 company that owns it today, or another brand of that owner: the two names
                 lead to one company today in the makers table (`Makers.group`). The label
                 is the brand the part was sold under (Linear Technology); proposing its
                 owner (Analog Devices) is right, and the reverse too.
  negatives      share of the negatives answered "not identified" (conflict included)
  confusions     every wrong proposal: marking, expected, proposed, rule
  time           per marking, in ms, over --passes passes (median, 95th percentile by nearest
                 rank, max): the engine (prefix-indexed rules) and, side by side, the baseline
                 of trying every rule's pattern on every marking

Targets: precision >= 0.98, coverage >= 0.85, engine p95 <= 5 ms. --misses also lists the
positives left unidentified (labelled set only). Ends with one JSON line of the figures.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from forensics_gui.core.identify import (  # noqa: E402
    IDENTIFIED,
    Identification,
    RuleSet,
    builtin_rules,
)

DATA = ROOT / "tests" / "data" / "identification"
TARGETS = {"precision": 0.98, "coverage": 0.85, "p95_ms": 5.0}


@dataclass(frozen=True)
class Confusion:
    """A wrong proposal."""

    marking: str
    expected: str  # "" for a negative
    proposed: str
    rule: str


@dataclass
class Figures:
    """The figures of one evaluation."""

    rows: int = 0
    positives: int = 0
    negatives: int = 0
    proposed: int = 0
    correct: int = 0
    negatives_right: int = 0
    confusions: list[Confusion] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    @property
    def coverage(self) -> float:
        covered = self.proposed - sum(1 for c in self.confusions if not c.expected)
        return covered / self.positives if self.positives else 0.0

    @property
    def precision(self) -> float:
        return self.correct / self.proposed if self.proposed else 1.0

    @property
    def negatives_share(self) -> float:
        return self.negatives_right / self.negatives if self.negatives else 1.0


def labelled_rows(path: Path) -> list[dict[str, str]]:
    """(marking, maker) rows of a labelled file."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [{"marking": row["marking"], "maker": (row.get("maker") or "").strip()}
                for row in csv.DictReader(handle)]


def same_company(rules: RuleSet, proposed: str, expected: str) -> bool:
    """Whether two maker names lead to one company today (see the module's description)."""
    return rules.makers.group(proposed) == rules.makers.group(expected)


def evaluate(rows: list[dict[str, str]], rules: RuleSet) -> Figures:
    """Score the rules' answers for labelled rows."""
    figures = Figures(rows=len(rows))
    for row in rows:
        found = rules.identify(row["marking"])
        _score(figures, rules, row, found)
    return figures


def _score(figures: Figures, rules: RuleSet, row: dict[str, str],
           found: Identification) -> None:
    expected, proposed = row["maker"], found.status == IDENTIFIED
    figures.positives += bool(expected)
    figures.negatives += not expected
    if not proposed:
        figures.negatives_right += not expected
        if expected:
            figures.misses.append(f"{row['marking']}  [{expected}]  {found.reason}")
        return
    figures.proposed += 1
    if expected and same_company(rules, found.maker, expected):
        figures.correct += 1
        return
    rule = found.rule.rule_id if found.rule else ""
    figures.confusions.append(Confusion(row["marking"], expected, found.maker, rule))


def timings(rows: list[dict[str, str]], rules: RuleSet, passes: int) -> dict[str, float]:
    """Milliseconds per marking over `passes` passes: median, p95 (nearest rank), max."""
    samples = []
    for _ in range(passes):
        for row in rows:
            started = time.perf_counter_ns()
            rules.identify(row["marking"])
            samples.append((time.perf_counter_ns() - started) / 1e6)
    samples.sort()
    def rank(share: float) -> float:
        return samples[max(0, math.ceil(share * len(samples)) - 1)]
    return {"median": rank(0.5), "p95": rank(0.95), "max": samples[-1]}


def _report(name: str, figures: Figures, times: dict[str, dict[str, float]],
            misses: bool) -> dict[str, Any]:
    print(f"Maker identification on {name}: {len(builtin_rules())} built-in rules\n")
    print(f"  rows         {figures.rows:>6}  ({figures.positives} positives, "
          f"{figures.negatives} negatives)")
    print(f"  coverage     {figures.coverage:>6.3f}  (target >= {TARGETS['coverage']})")
    print(f"  precision    {figures.precision:>6.3f}  ({figures.correct} of {figures.proposed}"
          f" proposals right; target >= {TARGETS['precision']})")
    print(f"  negatives    {figures.negatives_share:>6.3f}  ({figures.negatives_right} of "
          f"{figures.negatives} not identified)")
    print(f"  confusions   {len(figures.confusions):>6}")
    for c in figures.confusions:
        print(f"    {c.marking!r}: expected {c.expected or 'not identified'}, proposed "
              f"{c.proposed} (rule {c.rule})")
    if misses:
        print(f"  misses       {len(figures.misses):>6}")
        for line in figures.misses:
            print(f"    {line}")
    print("\n  ms per marking        median      p95      max")
    for way, t in times.items():
        print(f"  {way:<20} {t['median']:8.3f} {t['p95']:8.3f} {t['max']:8.3f}")
    return {"file": name, "rows": figures.rows, "coverage": round(figures.coverage, 4),
            "precision": round(figures.precision, 4),
            "negatives": round(figures.negatives_share, 4),
            "confusions": len(figures.confusions),
            **{f"{way} {k} ms": round(v, 4) for way, t in times.items() for k, v in t.items()}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--holdout", action="store_true", help="evaluate holdout.csv")
    parser.add_argument("--passes", type=int, default=5, help="timed passes (default 5)")
    parser.add_argument("--misses", action="store_true",
                        help="list the positives not identified (labelled set only)")
    args = parser.parse_args(argv)
    path = DATA / ("holdout.csv" if args.holdout else "labelled.csv")
    rows, rules = labelled_rows(path), builtin_rules()
    figures = evaluate(rows, rules)
    times = {"engine": timings(rows, rules, args.passes),
             "every rule tried": timings(rows, rules.unindexed(), args.passes)}
    result = _report(path.name, figures, times, args.misses and not args.holdout)
    met = (figures.precision >= TARGETS["precision"] and figures.coverage >=
           TARGETS["coverage"] and times["engine"]["p95"] <= TARGETS["p95_ms"])
    print(f"\n{'targets met' if met else 'TARGETS MISSED'}")
    print(json.dumps(result))
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
