"""The text parsers behind the CLI's tools and every import fuzzed: date codes, HS codes and
part numbers (directly and through `forensics datecode / hs / partnumber`), identification
rules as a rule file's rows, and the CSV of markings `forensics identify --file` reads. Each
returns or refuses with a known error; the CLI never reports an internal error."""

from __future__ import annotations

import contextlib
import csv
import io
from datetime import date
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from forensics_gui.cli import main as cli
from forensics_gui.cli.identify import read_markings
from forensics_gui.core import datecodes, hs, partnumbers
from forensics_gui.core.errors import KnownError
from forensics_gui.core.identify import RULE_COLUMNS, identify, load_rules

from .conftest import FUZZ, outcome
from .hostile import damaged, hostile_text, random_bytes

CODES = ("2220", "2214", "0523", "A3", "1999", "W23", "2023-W05", "9952", "YYWW", "8542.31",
         "85423100", "AD22100STZ", "STM32F765VIT6")


def codes() -> st.SearchStrategy[str]:
    """Real-looking codes, the same with hostile text spliced in, and hostile text."""
    return st.one_of(st.sampled_from(CODES), hostile_text(),
                     st.builds(lambda a, b: a + b, st.sampled_from(CODES), hostile_text(8)),
                     st.builds(lambda a, b: a + b, hostile_text(8), st.sampled_from(CODES)))


@FUZZ
@given(code=codes(), not_after=st.one_of(st.none(), st.dates()),
       formats=st.one_of(st.none(), st.lists(st.sampled_from(datecodes.FORMATS), min_size=1,
                                             max_size=2)))
def test_date_codes_are_read_or_refused(code: str, not_after: date | None,
                                        formats: list[str] | None) -> None:
    result = outcome(lambda: datecodes.parse_date_code(code, not_after=not_after,
                                                       formats=formats))
    if isinstance(result, KnownError):
        return
    assert isinstance(result.message, str)
    for reading in result.readings:
        assert reading.start <= reading.end
        if not_after is not None:
            assert reading.start <= not_after


@FUZZ
@given(code=codes())
def test_hs_codes_are_normalised_or_refused(code: str) -> None:
    normal = outcome(lambda: hs.normalise_hs_code(code))
    if isinstance(normal, str):
        assert normal == "" or normal.replace(".", "").isdigit()
        outcome(lambda: hs.chpl_tier(normal))
        outcome(lambda: hs.hs_shown(normal))


@FUZZ
@given(number=st.one_of(st.none(), codes()), limit=st.integers(1, 64))
def test_part_numbers_give_keys(number: str | None, limit: int) -> None:
    key = partnumbers.search_key(number)
    assert isinstance(key, str)
    assert isinstance(partnumbers.confusable_key(number), str)
    candidates = partnumbers.candidate_keys(number, limit)
    assert len(candidates) <= limit
    assert partnumbers.is_blank(number) == (not key) or isinstance(key, str)


@FUZZ
@given(tool=st.sampled_from(("datecode", "hs", "partnumber")), text=codes(),
       json=st.booleans(), not_after=st.one_of(st.none(), hostile_text(12)))
def test_cli_tools_never_fail_as_a_bug(tool: str, text: str, json: bool,
                                       not_after: str | None) -> None:
    words = [tool] + (["--json"] if json else [])
    if tool == "datecode" and not_after is not None:
        words.append(f"--not-after={not_after}")
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = cli.main([*words, "--", text])
        except SystemExit as stop:  # argparse refusing the words
            code = stop.code
    assert code != cli.EXIT_BUG, err.getvalue()


@FUZZ
@given(rows=st.lists(st.fixed_dictionaries(
    {"rule_id": st.one_of(st.sampled_from(("R1", "R2")), hostile_text(8)),
     "maker": st.one_of(st.sampled_from(("Analog Devices", "STMicroelectronics")),
                        hostile_text()),
     "pattern": st.one_of(st.sampled_from(("AD22100*", "STM32F###", "^[A-Z]{3}\\d+$", "(",
                                           "**", "[", "#" * 300, "\\")), hostile_text()),
     "confidence": st.one_of(st.sampled_from(("high", "medium", "low")), hostile_text(8))},
    optional={name: hostile_text() for name in RULE_COLUMNS
              if name not in ("rule_id", "maker", "pattern", "confidence")}),
    min_size=1, max_size=4))
def test_rule_rows_are_loaded_or_refused(rows: list[dict[str, str]]) -> None:
    rules = outcome(lambda: load_rules(rows, where="rules.csv"))
    if not isinstance(rules, KnownError):
        for text in ("AD22100STZ", "STM32F765VIT6", "", "\u200b"):
            outcome(lambda t=text: identify(t, rules))


@st.composite
def marking_files(draw: st.DrawFn) -> bytes:
    rows = [["marking", "note"]] + [[draw(hostile_text()), draw(hostile_text(8))]
                                    for _ in range(draw(st.integers(0, 4)))]
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    data = buffer.getvalue().encode("utf-8", "surrogatepass")
    how = draw(st.sampled_from(("plain", "damaged", "random")))
    if how == "damaged":
        return draw(damaged(data))
    return draw(random_bytes()) if how == "random" else data


@FUZZ
@given(data=marking_files(), column=st.one_of(st.none(), st.sampled_from(("marking", "nope")),
                                             hostile_text(8)))
def test_marking_files_are_read_or_refused(tmp_path: Path, data: bytes,
                                           column: str | None) -> None:
    path = tmp_path / "markings.csv"
    path.write_bytes(data)
    found = outcome(lambda: read_markings(path, column))
    if not isinstance(found, KnownError):
        assert all(isinstance(marking, str) for marking in found)
