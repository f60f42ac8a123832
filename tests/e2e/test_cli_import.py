"""`forensics import` as a user runs it: the mapping shown, what was done, refused rows in a
rejects file, exit codes, and files refused whole with nothing written."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from forensics_gui.services import records, stores
from tests.e2e.test_cli import cli

ROWS = [["Case ref", "Weapon", "Marking", "Maker", "Qty"],
        ["FT-2026-031", "Shahed-136", "STM32F405RGT6 2231", "STMicroelectronics", "1"],
        ["FT-2026-031", "Shahed-136", "LM1117IMPX-3.3", "Texas Instruments", "two"]]


def _csv(path: Path, rows: list[list[str]], encoding: str = "utf-8", delimiter: str = ",") -> Path:
    with path.open("w", newline="", encoding=encoding) as handle:
        csv.writer(handle, delimiter=delimiter).writerows(rows)
    return path


def _findings(store_file: Path) -> int:
    store = stores.open_existing(str(store_file), read_only=True)
    try:
        return records.count(store, "finding")
    finally:
        store.close()


def test_an_import_shows_its_mapping_and_writes_the_refused_rows(demo_file: Path,
                                                                 tmp_path: Path) -> None:
    path = _csv(tmp_path / "team.csv", ROWS)
    before = _findings(demo_file)

    run = cli(demo_file, "import", str(path))

    assert run.code == 1, str(run)  # a row was refused; the other imported
    assert "Qty                            → Quantity" in run.out
    assert "imported 2 rows: 1 new component finding" in run.out
    assert "refused row 3, column 'Qty': 'two' is not a whole number" in run.out
    rejects = tmp_path / "team.rejects.csv"
    assert f"refused rows written to {rejects}" in run.out
    assert rejects.read_text(encoding="utf-8-sig").splitlines()[1].startswith("3,Qty,")
    assert _findings(demo_file) == before + 1

    again = cli(demo_file, "import", str(path), "--json")
    assert again.code == 1
    said = json.loads(again.out)
    assert (said["added"], said["held"], said["refused"][0]["row"]) == ({}, 1, 3)
    assert _findings(demo_file) == before + 1


def test_dry_run_strict_and_mapping(demo_file: Path, tmp_path: Path) -> None:
    path = _csv(tmp_path / "team.csv", ROWS)
    before = _findings(demo_file)

    dry = cli(demo_file, "import", str(path), "--dry-run")
    strict = cli(demo_file, "import", str(path), "--strict")
    assert "would import 2 rows: 1 new component finding" in dry.out and dry.code == 1
    assert strict.code == 2 and "row 3, column 'Qty'" in strict.err
    assert _findings(demo_file) == before

    ignored = cli(demo_file, "import", str(path), "--map", "Qty=", "--rejects",
                  str(tmp_path / "r.csv"))
    assert ignored.code == 0, str(ignored)
    assert "Qty                            → (ignored)" in ignored.out
    assert _findings(demo_file) == before + 2


def test_files_refused_whole_say_why_and_write_nothing(demo_file: Path, tmp_path: Path) -> None:
    before = _findings(demo_file)
    cyrillic = _csv(tmp_path / "cp.csv", [*ROWS[:2], ["FT-1", "Lancet", "Конденсатор", "", "1"]],
                    encoding="cp1251")
    semicolons = _csv(tmp_path / "semi.csv", ROWS, delimiter=";")

    encoding = cli(demo_file, "import", str(cyrillic))
    delimiter = cli(demo_file, "import", str(semicolons), "--delimiter", ",")
    mapping = cli(demo_file, "import", str(semicolons), "--map", "Nope=marking")
    kind = cli(demo_file, "import", str(semicolons), "--kind", "link")

    assert encoding.code == 2 and "line 3" in encoding.err and "cp1251" in encoding.err
    assert delimiter.code == 2 and "seems to use ';'" in delimiter.err
    assert mapping.code == 2 and "has no column 'Nope'" in mapping.err
    assert kind.code == 2 and "'Seller'" in kind.err
    assert _findings(demo_file) == before
    read = cli(demo_file, "import", str(cyrillic), "--encoding", "cp1251")
    assert read.code == 0 and "2 new component findings" in read.out, str(read)


def test_the_hur_list_is_recognised_and_graded(demo_file: Path, tmp_path: Path) -> None:
    path = _csv(tmp_path / "hur.csv", [
        ["product", "refs / marking", "weapon", "manufacturer_country", "manufacturer"],
        ["GNSS module", "NEO-M8N-0-10", "Shahed-136", "Switzerland", "u-blox"]])

    run = cli(demo_file, "import", str(path), "--grade", "C3")

    assert run.code == 0, str(run)
    assert ('read as the HUR "Foreign components in weapons" list, cited to '
            "'War & Sanctions portal (HUR), Foreign components in weapons' (C3)") in run.out
    assert "already in the store: its grade there is kept" in run.out  # the demo cites it
    bad = cli(demo_file, "import", str(path), "--grade", "Z9")
    assert bad.code == 2 and "reliability A-F" in bad.err
