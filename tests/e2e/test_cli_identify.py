"""`forensics identify` end to end: one marking or a CSV file of them, as text and as JSON, with
the store's own rules, without a store, and bad input refused with one plain line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.test_cli import Run, assert_user_error, cli, cli_all, ok

# Patterns no built-in rule is as specific as: the store's rules decide these markings.
OWN_RULES = (("ZQX9[0-9]{3}", "onsemi", "ZQX9 test family", "amplifier", "8542.33"),
             ("ZQY7[0-9]{2}", "Texas Instruments", "", "", ""),
             ("ZQY7[0-9]{2}", "Analog Devices", "", "", ""))


@pytest.fixture(scope="module")
def rules_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new store holding the rules above."""
    path = tmp_path_factory.mktemp("identify") / "store.sqlite"
    assert cli(path, "init").code == 0
    for pattern, maker, family, category, hs in OWN_RULES:
        run = cli(path, "rule", "add", "--pattern", pattern, "--maker", maker, "--confidence",
                  "high", "--family", family, "--category", category, "--hs-code", hs)
        assert run.code == 0, str(run)
    return path


def test_one_marking_as_text_says_what_was_read_and_proposed(rules_store: Path) -> None:
    run = cli(rules_store, "identify", "ZQX9123 / AB / CHN 2214")
    assert run.code == 0 and run.err == "", str(run)
    lines = run.out.splitlines()
    assert "part number  ZQX9123AB" in lines
    assert "date code    2214" in lines and "origin       CHN" in lines
    assert "status       identified" in lines and "maker        onsemi" in lines
    assert "family       ZQX9 test family" in lines
    assert any(line.startswith("HS code      8542.33 (CHPL tier ") for line in lines)
    assert any(line.startswith("rule         store ZQX9[0-9]{3}") for line in lines)
    assert any(line.startswith("reason       ZQX9 test family (your rule") for line in lines)


def test_one_marking_as_json(rules_store: Path) -> None:
    shown = ok(cli(rules_store, "identify", "ZQY712", "--json"))
    found = shown["identification"]
    assert found["status"] == "conflict" and found["maker"] == ""
    assert {a["maker"] for a in found["alternatives"]} == {"Texas Instruments",
                                                           "Analog Devices"}
    assert found["reason"].startswith("not identified: rules disagree: ")
    assert found["reading"]["part_number"] == "ZQY712"
    assert set(shown) == {"identification", "maker_id", "owner_name", "owner_id", "part_id",
                          "chpl_tier"}


def _csv(tmp_path: Path, text: str, name: str = "markings.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_file_gives_one_line_per_row(rules_store: Path, tmp_path: Path) -> None:
    path = _csv(tmp_path, "item,Part number,notes\nA1,ZQX9123,x\nA2,ZQY712,\nA3,,\n"
                          "A4,\"ZQX9555\nAB\",\nA5,ZQX\x079123,\n")
    run = cli(rules_store, "identify", "--file", str(path))
    assert run.code == 0, str(run)
    header, *rows = run.out.splitlines()
    assert header.split() == ["MARKING", "STATUS", "MAKER", "(NOW", "PART", "OF)", "FAMILY",
                              "CATEGORY", "HS", "CHPL", "CONFIDENCE", "RULE"]
    assert len(rows) == 5
    assert rows[0].startswith("ZQX9123") and "identified" in rows[0] and "onsemi" in rows[0]
    assert "conflict" in rows[1] and "not identified" in rows[2]
    assert rows[3].startswith("ZQX9555 / AB") and "8542.33" in rows[3]
    assert "not identified" in rows[4]


def test_a_file_as_json_and_a_column_named(rules_store: Path, tmp_path: Path) -> None:
    path = _csv(tmp_path, "first,second\nignored,ZQX9123\nignored,LM358-not-a-rule-ZZ\n")
    named, default = cli_all(rules_store,
                             ("identify", "--file", str(path), "--column", "Second", "--json"),
                             ("identify", "--file", str(path), "--json"))
    shown = ok(named)
    assert [p["identification"]["query"] for p in shown] == ["ZQX9123", "LM358-not-a-rule-ZZ"]
    assert shown[0]["identification"]["maker"] == "onsemi"
    assert [p["identification"]["query"] for p in ok(default)] == ["ignored", "ignored"]


def test_without_a_store_the_built_in_rules_answer(tmp_path: Path) -> None:
    run = cli(tmp_path / "missing.sqlite", "identify", "STM32F765 / VIT6 / CHN 2214", "--json")
    assert run.code == 0, str(run)
    assert run.err.startswith("forensics: note: no store opened (there is no store at ")
    assert "built-in rules only" in run.err
    found = run.json()["identification"]
    assert found["reading"]["part_number"] == "STM32F765VIT6"
    assert found["status"] == "identified" and found["maker"] == "STMicroelectronics"
    assert not (tmp_path / "missing.sqlite").exists()


def test_a_store_named_on_the_command_line_must_open(tmp_path: Path) -> None:
    run = cli(tmp_path / "x.sqlite", "identify", "STM32F7", "--store",
              str(tmp_path / "missing.sqlite"))
    assert_user_error(run, 6, "there is no store at")


def _bad(store: Path, *args: str) -> Run:
    return cli(store, "identify", *args)


def test_bad_input_is_refused_with_one_line(rules_store: Path, tmp_path: Path) -> None:
    latin1 = tmp_path / "latin1.csv"
    latin1.write_bytes("marking\nSTM32F7 \u00e9\n".encode("latin-1"))
    empty = _csv(tmp_path, "", "empty.csv")
    good = _csv(tmp_path, "marking\nSTM32F7\n", "good.csv")
    runs = cli_all(rules_store, ("identify", "--file", str(tmp_path / "nope.csv")),
                   ("identify", "--file", str(latin1)),
                   ("identify", "--file", str(good), "--column", "maker"),
                   ("identify", "--file", str(empty)),
                   ("identify", "--file", str(tmp_path)),
                   ("identify", "STM32\x07F7"),
                   ("identify", "STM32F7" * 400),
                   ("identify", "STM32F7", "--file", str(good)),
                   ("identify",),
                   ("identify", "STM32F7", "--column", "x"))
    expected = [("there is no file",), ("is not UTF-8",), ("no column 'maker'", "'marking'"),
                ("is empty",), ("is a folder",),
                ("control character (U+0007) at position 6",),
                ("2,800 characters long", "at most 2,000"), ("not both",),
                ("give a marking",), ("goes with --file",)]
    for run, words in zip(runs, expected, strict=True):
        assert_user_error(run, 2, *words)
