"""`forensics export csv|xlsx|json|geojson` end to end, as subprocesses on a copy of the demo
store: what is written, what is printed, and the exit codes of refused requests."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

from openpyxl import load_workbook

from tests.e2e.test_cli import assert_user_error, cli, cli_all, ok


def test_a_list_export_holds_what_the_list_command_shows(demo_file: Path,
                                                         tmp_path: Path) -> None:
    path = tmp_path / "high.csv"
    exported, listed, as_json = cli_all(
        demo_file, ("export", "csv", "finding", str(path), "--filter", "confidence=high"),
        ("finding", "list", "--json", "--all", "--filter", "confidence=high"),
        ("export", "json", "finding", str(tmp_path / "high.json"), "--filter",
         "confidence=high", "--json"))
    rows = ok(listed)["rows"]
    assert exported.code == 0, str(exported)
    assert exported.out == (f"wrote {len(rows)} component findings to {path} (highest "
                            "handling marking: OFFICIAL)\n")
    text = path.read_bytes().decode("utf-8-sig")
    written = list(csv.DictReader(io.StringIO(text, newline="")))
    assert sorted(r["id"] for r in written) == sorted(r["id"] for r in rows)
    assert {r["confidence"] for r in written} == {"high"}
    summary = ok(as_json)
    assert summary["total"] == len(rows) and summary["format"] == "json"
    document = json.loads((tmp_path / "high.json").read_text(encoding="utf-8"))
    assert document["about"]["filters"]["fields"] == {"confidence": "high"}


def test_the_whole_store_as_a_workbook_and_as_csv_files(demo_file: Path,
                                                        tmp_path: Path) -> None:
    book_path, zip_path = tmp_path / "store.xlsx", tmp_path / "store.zip"
    book_run, zip_run, info = cli_all(
        demo_file, ("export", "xlsx", "all", str(book_path)),
        ("export", "csv", "all", str(zip_path), "--json"), ("info", "--json"))
    assert book_run.code == 0, str(book_run)
    assert book_run.out.startswith("wrote ") and " records of 16 kinds to " in book_run.out
    book = load_workbook(book_path, read_only=True)
    assert book.sheetnames[:3] == ["About", "Handling markings", "Weapon system types"]
    about = dict(book["About"].values)
    assert about["Highest handling marking"] == "OFFICIAL"
    counts = ok(info)["counts"]
    summary = ok(zip_run)
    assert summary["counts"]["finding"] == counts["finding"]
    assert summary["counts"]["custody"] == counts["custody"]
    with zipfile.ZipFile(zip_path) as files:
        assert "component-findings.csv" in files.namelist()


def test_refused_requests_say_why_with_their_exit_code(demo_file: Path,
                                                       tmp_path: Path) -> None:
    zip_named_csv, filtered_all, bad_filter, no_folder, no_system, bad_date, unknown = cli_all(
        demo_file, ("export", "csv", "all", str(tmp_path / "store.csv")),
        ("export", "xlsx", "all", str(tmp_path / "s.xlsx"), "--query", "STM32"),
        ("export", "csv", "finding", str(tmp_path / "f.csv"), "--filter", "colour=red"),
        ("export", "json", "item", str(tmp_path / "missing" / "i.json")),
        ("export", "geojson", str(tmp_path / "p.geojson"), "--system", "Tomahawk"),
        ("export", "geojson", str(tmp_path / "p.geojson"), "--from", "last year"),
        ("export", "xlsx", "weapons", str(tmp_path / "w.xlsx")))
    assert_user_error(zip_named_csv, 2, "ends in .zip")
    assert_user_error(filtered_all, 2, "whole store", "name one kind")
    assert_user_error(bad_filter, 2, "colour", "no such field")
    assert_user_error(no_folder, 2, "does not exist")
    assert_user_error(no_system, 3, "Tomahawk")
    assert_user_error(bad_date, 2, "last year")
    assert_user_error(unknown, 2, "weapons")
    assert not [p for p in tmp_path.rglob("*")
                if p.suffix in (".csv", ".xlsx", ".json", ".geojson", ".zip")]


def test_recovery_places_as_geojson(demo_file: Path, tmp_path: Path) -> None:
    path = tmp_path / "places.geojson"
    item = ok(cli(demo_file, "item", "list", "--json", "--limit", "1"))["rows"][0]
    ok(cli(demo_file, "item", "edit", item["id"], "--latitude", "48.4647",
           "--longitude", "35.0462", "--json"))
    run = cli(demo_file, "export", "geojson", str(path))
    assert run.code == 0, str(run)
    assert run.out.splitlines() == [
        f"wrote 1 recovery place to {path} (highest handling marking: "
        f"{item['handling_marking']})",
        "left out 5 recovered items without coordinates"]
    collection = json.loads(path.read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    (feature,) = collection["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [35.0462, 48.4647]}
    assert feature["properties"]["case_reference"] == item["case_reference"]
