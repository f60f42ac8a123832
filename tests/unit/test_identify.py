"""Tests of the identification rules: which rule wins, when rules disagree, makers and their
owners, doubtful readings, hostile input and rule files that cannot be used."""

from __future__ import annotations

import random
import statistics
import time
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from forensics_gui.core.identify import (
    BUILT_IN,
    CONFLICT,
    IDENTIFIED,
    NOT_IDENTIFIED,
    STORE,
    Maker,
    Makers,
    RuleFileError,
    RuleSet,
    builtin_makers,
    load_rules,
    read_csv_rules,
)

MAKERS = Makers([
    Maker("STMicroelectronics", aliases=("ST", "STMicro")),
    Maker("Texas Instruments", aliases=("TI",)),
    Maker("National Semiconductor", "Texas Instruments"),
    Maker("onsemi", aliases=("ON Semiconductor",)),
    Maker("Analog Devices", aliases=("ADI",)),
    Maker("Linear Technology", "Analog Devices", aliases=("LTC",)),
    Maker("Maxim Integrated", "Analog Devices"),
    Maker("Dallas Semiconductor", "Maxim Integrated"),
    Maker("Xilinx", "AMD"),
    Maker("AMD", aliases=("Advanced Micro Devices",)),
])


def rule(rule_id: str, maker: str, pattern: str, confidence: str = "high",
         **values: str) -> dict[str, str]:
    return {"rule_id": rule_id, "maker": maker, "pattern": pattern, "confidence": confidence,
            **values}


def ruleset(*rows: dict[str, str], origin: str = BUILT_IN) -> RuleSet:
    return load_rules(rows, origin, makers=MAKERS)


ST = rule("st-stm32", "STMicroelectronics", "STM32", family="STM32 family prefix",
          category="microcontroller", hs_code="8542.31.00", source="STM32F4 datasheet DS8626")


# ------------------------------------------------------------------ what is proposed
def test_a_fitting_rule_proposes_its_maker_with_the_rule_and_its_source() -> None:
    found = ruleset(ST).identify("STM32F765 / VIT6 / CHN 2214")
    assert found.status == IDENTIFIED
    assert (found.maker, found.now_part_of, found.family, found.category, found.hs_code) == (
        "STMicroelectronics", "", "STM32 family prefix", "microcontroller", "85423100")
    assert found.part_number == "STM32F765VIT6" and found.matched == "STM32"
    assert found.rule is not None and found.rule.rule_id == "st-stm32"
    assert found.rule.origin == BUILT_IN and found.confidence == "high"
    assert found.reason == ("STM32 family prefix (rule st-stm32, STMicroelectronics, STM32F4 "
                            "datasheet DS8626)")
    assert found.reading.date_code == "2214" and found.query == "STM32F765 / VIT6 / CHN 2214"


def test_no_fitting_rule_is_not_identified_and_says_which_number() -> None:
    found = ruleset(ST).identify("LM358")
    assert (found.status, found.maker, found.rule) == (NOT_IDENTIFIED, "", None)
    assert found.reason == "not identified: no rule fits 'LM358'"


def test_a_rule_fits_only_at_the_start_of_the_key() -> None:
    rules = ruleset(rule("ti-lm", "Texas Instruments", "LM[0-9]"))
    assert rules.identify("XLM358").status == NOT_IDENTIFIED
    assert rules.identify("lm-358 n").maker == "Texas Instruments"


def test_a_maker_named_by_an_alias_is_proposed_under_its_own_name() -> None:
    found = ruleset(rule("st", "STMicro", "STM32")).identify("STM32F4")
    assert found.maker == "STMicroelectronics"


def test_the_owner_today_follows_takeovers_to_the_last() -> None:
    found = ruleset(rule("dallas", "Dallas Semiconductor", "DS18B")).identify("DS18B20")
    assert (found.maker, found.now_part_of) == ("Dallas Semiconductor", "Analog Devices")
    assert "Dallas Semiconductor, now part of Analog Devices" in found.reason


def test_a_rule_may_name_the_owner_itself() -> None:
    found = ruleset(rule("x", "Zetex", "ZXM", now_part_of="Diodes Incorporated")).identify(
        "ZXMN3A01")
    assert (found.maker, found.now_part_of) == ("Zetex", "Diodes Incorporated")


# ------------------------------------------------------------------ precedence
def test_the_most_specific_rule_wins() -> None:
    rules = ruleset(rule("ti-lm", "Texas Instruments", "LM[0-9]", "medium"),
                    rule("on-lm358", "onsemi", "LM358"))
    found = rules.identify("LM358DR")
    assert (found.status, found.maker, found.rule and found.rule.rule_id) == (
        IDENTIFIED, "onsemi", "on-lm358")
    assert rules.identify("LM324").maker == "Texas Instruments"


def test_a_wildcard_does_not_make_a_rule_more_specific() -> None:
    rules = ruleset(rule("loose", "onsemi", "ST.*"), ST)
    assert rules.identify("STM32F765VIT6").maker == "STMicroelectronics"


def test_between_equally_specific_patterns_the_longer_match_wins() -> None:
    rules = ruleset(rule("short", "onsemi", "MC[0-9]"),
                    rule("long", "NXP", "MC[0-9]+"))
    # Both require the same; the second fits more of MC33063, and as much of MC9S12.
    assert rules.identify("MC33063").rule.rule_id == "long"  # type: ignore[union-attr]
    assert rules.identify("MC9S12").status == CONFLICT


def test_rules_of_different_makers_at_the_same_specificity_conflict() -> None:
    rules = ruleset(rule("on-lm", "onsemi", "LM[0-9]", "medium"),
                    rule("ti-lm", "Texas Instruments", "LM[0-9]", "medium"))
    found = rules.identify("LM358")
    assert (found.status, found.maker, found.rule) == (CONFLICT, "", None)
    assert found.reason == ("not identified: rules disagree: onsemi (rule on-lm) and Texas "
                            "Instruments (rule ti-lm)")
    assert [a.rule_id for a in found.alternatives] == ["on-lm", "ti-lm"]


def test_confidence_does_not_settle_a_disagreement() -> None:
    rules = ruleset(rule("a", "onsemi", "LM[0-9]", "high"),
                    rule("b", "Texas Instruments", "LM[0-9]", "low"))
    assert rules.identify("LM358").status == CONFLICT


def test_a_brand_and_its_owner_agree_and_the_brand_is_proposed() -> None:
    rules = ruleset(rule("adi-lt", "Analog Devices", "LT[0-9]"),
                    rule("ltc", "Linear Technology", "LT[0-9]"))
    found = rules.identify("LT1086CM")
    assert (found.status, found.maker, found.now_part_of) == (
        IDENTIFIED, "Linear Technology", "Analog Devices")
    assert [a.rule_id for a in found.alternatives] == ["adi-lt"]


def test_two_brands_of_one_owner_agree() -> None:
    rules = ruleset(rule("max", "Maxim Integrated", "DS[0-9]"),
                    rule("dal", "Dallas Semiconductor", "DS[0-9]"))
    assert rules.identify("DS18B20").status == IDENTIFIED


def test_an_alias_and_the_name_agree() -> None:
    rules = ruleset(rule("a", "TI", "SN74"), rule("b", "Texas Instruments", "SN74", "medium"))
    found = rules.identify("SN74HC595N")
    assert (found.status, found.maker, found.rule.rule_id) == (  # type: ignore[union-attr]
        IDENTIFIED, "Texas Instruments", "a")


def test_a_single_low_confidence_rule_proposes_flagged_low() -> None:
    found = ruleset(rule("guess", "onsemi", "MC[0-9]", "low")).identify("MC34063")
    assert (found.status, found.confidence) == (IDENTIFIED, "low")


def test_the_store_overrides_built_in_rules_of_equal_or_lower_specificity() -> None:
    built_in = ruleset(rule("ti-lm", "Texas Instruments", "LM[0-9]"),
                       rule("ti-lm358", "Texas Instruments", "LM358"))
    store = ruleset(rule("s1", "onsemi", "LM358", "medium"), origin=STORE)
    rules = built_in.merged(store)
    found = rules.identify("LM358")
    assert (found.maker, found.rule.origin) == ("onsemi", STORE)  # type: ignore[union-attr]
    assert "your rule LM358" in found.reason
    assert [a.rule_id for a in found.alternatives] == []
    # A more specific built-in rule still wins over a store rule.
    narrower = ruleset(rule("s2", "onsemi", "LM", "medium"), origin=STORE)
    assert built_in.merged(narrower).identify("LM358").maker == "Texas Instruments"


def test_store_rules_that_disagree_conflict() -> None:
    store = ruleset(rule("s1", "onsemi", "LM358"), rule("s2", "Texas Instruments", "LM358"),
                    origin=STORE)
    assert ruleset(ST).merged(store).identify("LM358").status == CONFLICT


# ------------------------------------------------------------------ doubtful readings
CYR = {name: unicodedata.lookup(f"CYRILLIC CAPITAL LETTER {name}") for name in ("TE", "EM")}


def test_lookalike_letters_lower_the_confidence_and_say_why() -> None:
    found = ruleset(ST).identify(f"S{CYR['TE']}{CYR['EM']}32F765VIT6")
    assert (found.status, found.maker, found.confidence) == (
        IDENTIFIED, "STMicroelectronics", "medium")
    assert "confidence lowered from high: letters of another script" in found.reason
    assert "Cyrillic" in found.reading.notes[0]


def test_a_guessed_join_lowers_the_confidence_only_when_the_rule_reaches_into_it() -> None:
    whole = rule("st-f7", "STMicroelectronics", "STM32F765[A-Z]{3}", "high")
    assert ruleset(whole).identify("STM32F765\nVIT6").confidence == "high"  # joined by rule
    prefix = ruleset(ST).identify("STM32F765\nVIT6")
    assert prefix.confidence == "high" and prefix.part_number == "STM32F765VIT6"
    greedy = ruleset(rule("g", "STMicroelectronics", "STM32[A-Z0-9]*", "high"))
    assert greedy.identify("STM32F765\nVIT6").confidence in ("high", "medium")


def test_a_control_character_is_not_identified_and_named_with_its_position() -> None:
    found = ruleset(ST).identify("STM32F7\x00")
    assert found.status == NOT_IDENTIFIED
    assert found.reason == ("not identified: the marking holds a control character (U+0000) "
                            "at position 8")


def test_empty_and_numberless_input() -> None:
    rules = ruleset(ST)
    assert rules.identify("").reason == "not identified: nothing to identify"
    assert rules.identify(None).status == NOT_IDENTIFIED
    assert rules.identify("ARM\n2214").reason.startswith(
        "not identified: no part number read from the marking")


def test_a_long_paste_is_identified_from_its_start_quickly() -> None:
    rules = ruleset(ST)
    paste = "STM32F765VIT6\nCHN 2214\n" + "noise line 12345\n" * 200
    started = time.perf_counter()
    found = rules.identify(paste)
    assert time.perf_counter() - started < 0.05
    assert found.maker == "STMicroelectronics"
    assert any("only the first" in note for note in found.reading.notes)


# ------------------------------------------------------------------ rule files
@pytest.mark.parametrize(("row", "column", "words"), [
    (rule("x", "ST", "stm32"), "pattern", "lower case 's'"),
    (rule("x", "ST", "(A+)+"), "pattern", "repeats a group"),
    (rule("x", "ST", "STM[32"), "pattern", "not a valid pattern"),
    (rule("x", "", "STM32"), "maker", "is empty"),
    (rule("", "ST", "STM32"), "rule_id", "is empty"),
    (rule("x", "ST", "STM32", "certain"), "confidence", "'certain' is not one of high"),
    (rule("x", "ST", "STM32", hs_code="8542.3"), "hs_code", "5 digits"),
])
def test_a_bad_row_names_the_file_row_and_column(row: dict[str, str], column: str,
                                                 words: str) -> None:
    with pytest.raises(RuleFileError) as raised:
        load_rules([ST, row], where="rules.csv", makers=MAKERS)
    assert (raised.value.row, raised.value.column) == (3, column)
    assert str(raised.value).startswith(f"rules.csv, row 3, column {column}: ")
    assert words in str(raised.value)
    assert isinstance(raised.value, ValueError)


def test_a_rule_id_used_twice_is_refused() -> None:
    with pytest.raises(RuleFileError, match="row 3, column rule_id: 'st-stm32' is used"):
        load_rules([ST, ST], where="rules.csv", makers=MAKERS)


def test_a_csv_file_is_read_with_its_rows_counted_from_the_header(tmp_path: Path) -> None:
    path = tmp_path / "rules.csv"
    path.write_text("rule_id,maker,pattern,confidence\nst,ST,STM32,high\nbad,ST,STM 32,high\n",
                    encoding="utf-8")
    with pytest.raises(RuleFileError, match=r"^rules.csv, row 3, column pattern: a space"):
        read_csv_rules(path, makers=MAKERS)
    path.write_text("rule_id,maker,confidence\nst,ST,high\n", encoding="utf-8")
    with pytest.raises(RuleFileError, match=r"^rules.csv, row 1, column pattern: the column "
                                            "is missing"):
        read_csv_rules(path, makers=MAKERS)


# ------------------------------------------------------------------ makers and speed
def test_the_makers_table_knows_owners_and_aliases() -> None:
    table = builtin_makers()
    assert table["Linear Technology"].now_part_of == "Analog Devices"
    assert table.canonical("ltc") == "Linear Technology"
    assert table.owner("Linear Technology") == "Analog Devices"
    assert table.owner("Analog Devices") == ""
    assert table.group("Xilinx") == table.group("AMD") != table.group("Intel")


def _many_rules(count: int) -> list[dict[str, Any]]:
    chooser = random.Random(7)
    letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
    rows = []
    for index in range(count):
        stem = "".join(chooser.choice(letters) for _ in range(chooser.randint(2, 4)))
        tail = chooser.choice(["[0-9]", "[0-9]{3}", "[0-9]+[A-Z]", "[FGH][0-9]"])
        pattern = stem + tail if index % 20 else f"[A-Z]{{2}}{index:03d}"
        rows.append(rule(f"r{index}", f"Maker {index % 50}", pattern))
    return rows


def test_a_thousand_rules_identify_a_marking_within_five_milliseconds() -> None:
    rules = ruleset(*_many_rules(1000))
    markings = [f"{stem}{n}\nCHN 2214" for stem in ("ABC", "XYZ", "STM32F", "LMV")
                for n in range(100, 150)]
    times = []
    for marking in markings:
        started = time.perf_counter()
        rules.identify(marking)
        times.append(time.perf_counter() - started)
    assert statistics.quantiles(times, n=20)[-1] < 0.005


def test_the_index_finds_exactly_what_trying_every_rule_finds() -> None:
    rows = [*_many_rules(300), rule("alt", "onsemi", "(?:MC|NC)[0-9]"),
            rule("cls", "NXP", "[FG]D32"), rule("opt", "AMD", "X?C7"), ST]
    rules = ruleset(*rows)
    every = rules.unindexed()
    chooser = random.Random(11)
    keys = ["MC33063", "NC7SZ", "GD32F303", "FD32", "XC7A", "C7", "STM32F4", "A", ""]
    keys += ["".join(chooser.choice("ABCDEFGHJKLMNPRSTUVWXYZ0123456789") for _ in range(8))
             for _ in range(300)]
    keys += [row["pattern"].split("[")[0] + "123A" for row in rows[:100]]
    assert sum(rules.identify(key).status != NOT_IDENTIFIED for key in keys) > 50
    for key in keys:
        assert rules.identify(key) == every.identify(key), key
