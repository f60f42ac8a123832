"""Importing spreadsheets: every row checked first, refused rows named with their row and
column, one transaction, and the same file imported twice changing nothing."""

from __future__ import annotations

import csv
import dataclasses
from pathlib import Path

import pytest

from forensics_gui.core.errors import ValidationError
from forensics_gui.services import records, stores
from forensics_gui.services.exchange import importer

from .support import CASE, CaseFile, store_counts

FIELD_TEAM = [
    ["Case ref", "Weapon", "Marking", "Part number", "Maker", "Function", "Date code", "Qty",
     "Location"],
    [CASE, "", "AD22100STZ 2220", "AD22100STZ", "Analog Devices, Inc.", "Temperature sensor",
     "2220", "1", "nose section"],
    [CASE, "", "STM32F765VIT6 CHN", "STM32F765VIT6", "STMicroelectronics", "Flight controller",
     "2214", "2", "autopilot board"],
    ["FT-2024-17", "X-101", "NEO-M8N-0-10", "NEO-M8N-0-10", "u-blox", "GNSS receiver", "",
     "1", ""],
]


def _csv(path: Path, rows: list[list[str]], encoding: str = "utf-8") -> Path:
    with path.open("w", newline="", encoding=encoding) as handle:
        csv.writer(handle).writerows(rows)
    return path


def _import(store: stores.Store, path: Path, kind: str | None = None,
            **changes: object) -> importer.Plan:
    sheet = importer.read(path)
    settings = importer.suggested(sheet, kind)
    return importer.run(store, sheet, dataclasses.replace(settings, **changes))


def test_findings_are_imported_with_what_they_need(store: stores.Store, case_file: CaseFile,
                                                   tmp_path: Path) -> None:
    sheet = importer.read(_csv(tmp_path / "team.csv", FIELD_TEAM))
    settings = importer.suggested(sheet)
    assert settings.kind == "finding" and settings.layout == ""
    assert settings.mapping == {
        "Case ref": "item", "Weapon": "weapon", "Marking": "marking",
        "Part number": "part_number", "Maker": "manufacturer", "Function": "function",
        "Date code": "date_code", "Qty": "quantity", "Location": "location"}

    before = store_counts(store)
    preview = importer.preview(store, sheet, settings)
    assert store_counts(store) == before  # a preview writes nothing
    assert preview.counts() == {"org": 2, "part": 2, "item": 1, "finding": 3}

    plan = importer.run(store, sheet, settings)
    assert (plan.new_rows, plan.held, plan.refused) == (3, [], [])
    findings = {f.marking: f for f in records.list_records(store, "finding", limit=50).rows}
    sensor = findings["AD22100STZ 2220"]
    assert sensor.part_id == case_file.part.id  # the part the store holds, not a copy
    assert sensor.item_id == case_file.item.id and sensor.location == "nose section"
    assert str(sensor.produced_from) == "2022-05-16"  # its date code read, as on entry
    controller = findings["STM32F765VIT6 CHN"]
    assert (controller.part_number, controller.manufacturer_name, controller.quantity) == (
        "STM32F765VIT6", "STMicroelectronics", 2)
    new_item = records.get(store, "item", "FT-2024-17")
    assert new_item.system_type_id == case_file.system.id  # "X-101" is the system's alias


def test_the_same_file_twice_changes_nothing(store: stores.Store, case_file: CaseFile,
                                             tmp_path: Path) -> None:
    path = _csv(tmp_path / "team.csv", FIELD_TEAM)
    _import(store, path)
    after_first = store_counts(store)

    again = _import(store, path)

    assert store_counts(store) == after_first  # no record, no audit event added
    assert again.counts() == {} and [row for row, _ in again.held] == [2, 3, 4]


def test_refused_rows_are_named_and_the_rest_imported(store: stores.Store,
                                                      case_file: CaseFile,
                                                      tmp_path: Path) -> None:
    rows = [*FIELD_TEAM,
            [CASE, "", "LM358", "LM358", "", "", "", "two", ""],
            ["NO-SUCH-CASE", "", "LM358", "LM358", "", "", "", "1", ""],
            [CASE, "", "AD\u200b8237", "", "", "", "", "1,5", ""]]
    path = _csv(tmp_path / "team.csv", rows)
    sheet = importer.read(path)
    plan = importer.run(store, sheet, importer.suggested(sheet))

    assert plan.new_rows == 3
    assert [(r.row, r.column) for r in plan.refused] == [(5, "Qty"), (6, "Case ref"),
                                                         (7, "Marking")]
    assert "two" in plan.refused[0].reason
    assert "NO-SUCH-CASE" in plan.refused[1].reason and "weapon" in plan.refused[1].reason
    assert "U+200B" in plan.refused[2].reason
    assert records.count(store, "part", contains="LM358") == 0  # refused rows create nothing

    rejects = tmp_path / "rejects.csv"
    assert importer.write_rejects(sheet, plan, rejects) == 3
    with rejects.open(encoding="utf-8-sig", newline="") as handle:
        written = list(csv.reader(handle))
    assert written[0] == ["row", "column", "reason", *FIELD_TEAM[0]]
    assert [w[:2] for w in written[1:]] == [["5", "Qty"], ["6", "Case ref"], ["7", "Marking"]]
    assert written[1][3:] == rows[4]


def test_a_value_repeated_over_rows_is_refused_on_every_row(store: stores.Store,
                                                          case_file: CaseFile,
                                                          tmp_path: Path) -> None:
    """Values are checked once per distinct text, but each row that holds a refused one is
    refused with its own row number, and the good rows around them still go in."""
    rows = [FIELD_TEAM[0]] + [
        [CASE, "", f"LM358 {n}", "LM358", "", "Op amp", "", "two" if n % 2 else "3", "bay"]
        for n in range(6)]
    sheet = importer.read(_csv(tmp_path / "team.csv", rows))
    plan = importer.run(store, sheet, importer.suggested(sheet))

    assert [(r.row, r.column) for r in plan.refused] == [(3, "Qty"), (5, "Qty"), (7, "Qty")]
    assert all("two" in r.reason for r in plan.refused)
    found = records.list_records(store, "finding", contains="LM358", limit=10).rows
    assert sorted(f.marking for f in found) == ["LM358 0", "LM358 2", "LM358 4"]
    assert {(f.quantity, f.function, f.location) for f in found} == {(3, "Op amp", "bay")}


def test_rows_read_the_same_column_by_column_or_row_by_row(store: stores.Store,
                                                          case_file: CaseFile,
                                                          tmp_path: Path) -> None:
    """Two columns mapped to one field (several sources), quoted cells and blank cells are
    read alike whether all rows are as wide as the header or a workbook's rows stop short."""
    header = ["Case ref", "Marking", "Part number", "Qty", "Source", "Source 2"]
    rows = [[CASE, "'=SUM(A1)", "LM358", "1", "Field notes A", ""],
            [CASE, "  OP07  ", "OP07", "2", "", "Field notes B"],
            [CASE, "TL072", "TL072", "1", "Field notes A", "Field notes B"]]
    sheet = importer.read(_csv(tmp_path / "wide.csv", [header, *rows]))
    settings = dataclasses.replace(importer.suggested(sheet),
                                   mapping=dict(zip(header, ["item", "marking", "part_number",
                                                             "quantity", "sources",
                                                             "sources"], strict=True)))
    short = dataclasses.replace(sheet, rows=[*sheet.rows[:2], (4, sheet.rows[2][1][:4])])

    from forensics_gui.services.exchange.import_resolver import Resolver

    with store.reading() as uow:
        wide, narrow = (Resolver(uow, store, settings, s).drafts([c for _, c in s.rows])
                        for s in (sheet, short))
    assert wide[0] == {"item": (CASE,), "marking": ("=SUM(A1)",), "part_number": ("LM358",),
                       "quantity": ("1",), "sources": ("Field notes A",)}
    assert wide[1]["marking"] == ("OP07",) and wide[1]["sources"] == ("Field notes B",)
    assert wide[2]["sources"] == ("Field notes A", "Field notes B")
    assert narrow[:2] == wide[:2]
    assert narrow[2] == {k: v for k, v in wide[2].items() if k != "sources"}

    plan = importer.run(store, sheet, settings)
    assert (plan.new_rows, plan.refused) == (3, [])
    tl072 = records.list_records(store, "finding", contains="TL072", limit=2).rows[0]
    assert len(tl072.source_ids) == 2


def test_strict_import_writes_nothing_when_a_row_is_refused(store: stores.Store,
                                                            case_file: CaseFile,
                                                            tmp_path: Path) -> None:
    path = _csv(tmp_path / "team.csv", [*FIELD_TEAM, [CASE, "", "X", "X", "", "", "", "0", ""]])
    before = store_counts(store)
    sheet = importer.read(path)

    with pytest.raises(ValidationError, match="row 5, column 'Qty'"):
        importer.run(store, sheet, importer.suggested(sheet), strict=True)

    assert store_counts(store) == before


def test_a_mapping_without_an_item_or_weapon_is_refused(store: stores.Store,
                                                        tmp_path: Path) -> None:
    sheet = importer.read(_csv(tmp_path / "bare.csv", [["Marking"], ["LM358"]]))
    with pytest.raises(ValidationError, match="'Recovered item' or 'Weapon system'"):
        importer.preview(store, sheet, importer.suggested(sheet))


HUR = [
    ["product", "refs / marking", "weapon", "manufacturer_country", "manufacturer"],
    ["Microcontroller", "STM32F405\nRGT6\nCHN 2214", "Shahed-136", "Switzerland",
     "STMicroelectronics"],
    ["Capacitor", "337 G 00A02", "Shahed-136", "", "Not identified"],
    ["DC/DC converter", "TSM0505S 2413", "Iskander-M 9M723", "Switzerland", "Traco Power"],
    ["Transceiver", "ADM3202ARN", "Kh-101 (X-101)", "USA", "Analog Devices"],
]


def test_the_hur_list_is_read_as_published(demo_store: stores.Store, tmp_path: Path) -> None:
    sheet = importer.read(_csv(tmp_path / "hur.csv", HUR))
    settings = importer.suggested(sheet)
    assert (settings.layout, settings.kind) == ("hur", "finding")
    assert (settings.source_reliability, settings.source_credibility) == ("B", "2")

    plan = importer.run(demo_store, sheet, settings)

    # The demo store already holds the Traco converter in an Iskander and the unidentified
    # capacitor in a Shahed: recognised, not duplicated.
    assert [row for row, _ in plan.held] == [3, 4]
    assert "marking '337 G 00A02' in Shahed-136" in plan.held[0][1]
    assert plan.new_rows == 2
    shahed = records.get(demo_store, "item", "HUR list: Shahed-136")
    (controller,) = records.list_records(demo_store, "finding",
                                         filters={"item_id": shahed.id}).rows
    assert (controller.part_number, controller.date_code) == ("STM32F405RGT6", "2214")
    assert controller.marking == "STM32F405\nRGT6\nCHN 2214"
    assert controller.manufacturer_name == "STMicroelectronics"  # the demo's maker record
    source = records.get(demo_store, "source", settings.source_title)
    assert (source.reliability, source.credibility) == ("B", 2)
    assert controller.source_ids == (source.id,)
    kh101 = records.get(demo_store, "item", "HUR list: Kh-101 (X-101)")
    assert kh101.system_type_name == "Kh-101"

    before = store_counts(demo_store)
    assert importer.run(demo_store, sheet, settings).counts() == {}
    assert store_counts(demo_store) == before


def test_not_identified_makers_leave_the_maker_empty(store: stores.Store,
                                                     tmp_path: Path) -> None:
    sheet = importer.read(_csv(tmp_path / "hur.csv", [HUR[0], HUR[2]]))
    importer.run(store, sheet, importer.suggested(sheet))
    (finding,) = records.list_records(store, "finding").rows
    assert finding.manufacturer_id is None and finding.identification != "manufacturer"
    assert records.count(store, "org") == 0


def test_kse_tables_are_recognised(store: stores.Store, tmp_path: Path) -> None:
    rows = [["Weapon", "Component", "Manufacturer", "Country"],
            ["Kalibr 3M-14", "XC7A35T FPGA", "Xilinx", "USA"]]
    sheet = importer.read(_csv(tmp_path / "kse.csv", rows))
    settings = importer.suggested(sheet)
    assert settings.layout == "kse"
    settings = dataclasses.replace(settings, source_title="RUSI, Silicon Lifeline (2022)")
    importer.run(store, sheet, settings)
    (finding,) = records.list_records(store, "finding").rows
    assert finding.part_number == "XC7A35T" and finding.manufacturer_name == "Xilinx"
    assert records.get(store, "org", "Xilinx").country == "US"
    assert records.get(store, "source", "RUSI, Silicon Lifeline (2022)").reliability == "B"


def test_parts_organizations_items_and_links(store: stores.Store, case_file: CaseFile,
                                             tmp_path: Path) -> None:
    orgs = _csv(tmp_path / "orgs.csv", [
        ["Name", "Country", "Roles", "Now part of"],
        ["Fictional Trading FZE", "United Arab Emirates", "trading company", ""],
        ["Demo Electronics HK Ltd", "Hong Kong", "distributor; trading company", ""],
        ["Old Name Semiconductor", "US", "manufacturer", "Analog Devices, Inc."]])
    assert _import(store, orgs, "org").new_rows == 3
    trader = records.get(store, "org", "Fictional Trading FZE")
    assert trader.country == "AE" and trader.roles == ("trading company",)
    assert records.get(store, "org", "Old Name Semiconductor").successor_id == case_file.maker.id

    parts = _csv(tmp_path / "parts.csv", [
        ["Part number", "Manufacturer", "HS code"], ["AD22100STZ", "ADI", "854239"],
        ["ADM3202ARN", "Analog Devices, Inc.", "8542.39"]])
    plan = _import(store, parts, "part")
    assert (plan.new_rows, len(plan.held)) == (1, 1)  # AD22100STZ by ADI is held
    assert records.get(store, "part", "ADM3202ARN").chpl_tier == "1"

    items = _csv(tmp_path / "items.csv", [
        ["Case reference", "System type", "Recovered on", "Latitude", "Longitude"],
        ["FT-2024-31", "Kh-101", "2024-03-02", "50.45", "30.52"],
        ["FT-2024-32", "Kh-101", "2024-03-02", "50.45", ""]])
    plan = _import(store, items, "item")
    assert plan.new_rows == 1 and plan.refused[0].row == 3
    assert "latitude and longitude" in plan.refused[0].reason

    links = _csv(tmp_path / "links.csv", [
        ["Seller", "Buyer", "Part number", "Date", "Value", "Status", "Sources"],
        ["Demo Electronics HK Ltd", "Fictional Trading FZE", "ADM3202ARN", "2023-04-01",
         "1200.50", "probable", "RUSI teardown"],
        ["Demo Electronics HK Ltd", "Fictional Trading FZE", "ADM3202ARN", "2023-02-30",
         "", "probable", ""]])
    plan = _import(store, links, "link")
    assert plan.new_rows == 1 and (plan.refused[0].row, plan.refused[0].column) == (3, "Date")
    (link,) = records.list_records(store, "link").rows
    assert (str(link.value), link.source_ids) == ("1200.50", (case_file.other_source.id,))


def test_a_workbook_imports_like_a_csv(store: stores.Store, case_file: CaseFile,
                                       tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "Findings"
    for row in FIELD_TEAM:
        book.active.append(row)
    book.save(tmp_path / "team.xlsx")

    plan = _import(store, tmp_path / "team.xlsx")

    assert plan.new_rows == 3 and not plan.refused


def _case_records(store: stores.Store, case_file: CaseFile) -> None:
    """Findings citing sources, an organization with a successor, a supply link."""
    records.create(store, "finding", {"item_id": case_file.item.id, "part_id": case_file.part.id,
                                      "marking": "=AD22100STZ\n2220", "date_code": "2220",
                                      "quantity": 2, "source_ids": [case_file.source.id]})
    records.create(store, "finding", {"item_id": case_file.item.id, "marking": "-cmd 337 G",
                                      "notes": "'quoted"})
    records.create(store, "org", {"name": "Old Name Devices", "successor_id": case_file.maker.id,
                                  "roles": ["manufacturer", "distributor"]})
    records.create(store, "link", {"seller_id": case_file.maker.id,
                                   "buyer_id": case_file.distributor.id,
                                   "part_id": case_file.part.id, "value": "1200.50",
                                   "status": "probable", "source_ids": [case_file.source.id]})


ROUND_TRIP = ("org", "part", "item", "finding", "link")
COMPARED = {"org": ("id", "name", "country", "roles", "successor_id"),
            "part": ("id", "part_number", "manufacturer_id", "hs_code"),
            "item": ("id", "case_reference", "system_type_name", "recovered_on"),
            "finding": ("id", "item_id", "part_id", "manufacturer_id", "marking", "date_code",
                        "quantity", "notes", "produced_from"),
            "link": ("id", "seller_id", "buyer_id", "part_id", "value", "status")}


def _records_of(store: stores.Store, kind: str) -> list[tuple[object, ...]]:
    rows = records.list_records(store, kind, limit=500).rows
    return sorted(tuple(str(getattr(r, f)) for f in COMPARED[kind]) for r in rows)


def test_an_export_imports_back_into_an_empty_store_as_it_was(
        sqlite_store: stores.Store, tmp_path: Path) -> None:
    from forensics_gui.services.exchange import export

    from .conftest import case_file as make_case_file

    case_file = make_case_file.__wrapped__(sqlite_store)  # type: ignore[attr-defined]
    _case_records(sqlite_store, case_file)
    empty = stores.init(str(tmp_path / "other.sqlite"))
    try:
        for kind in ROUND_TRIP:
            path = tmp_path / f"{kind}.csv"
            export.export_table(sqlite_store, kind, path)
            plan = _import(empty, path, kind)
            assert not plan.refused, (kind, plan.refused)
            assert _records_of(empty, kind) == _records_of(sqlite_store, kind), kind
        cited = records.list_records(empty, "finding", limit=10).rows
        assert {t for f in cited for t in records.titles(empty, "source", list(f.source_ids))
                .values()} == {case_file.source.title}
    finally:
        empty.close()


def test_an_export_imported_into_its_own_store_changes_nothing(
        store: stores.Store, case_file: CaseFile, tmp_path: Path) -> None:
    from forensics_gui.services.exchange import export

    _case_records(store, case_file)
    export.export_store(store, tmp_path / "store.xlsx")
    before = store_counts(store)
    for kind in ROUND_TRIP:
        sheet_path = tmp_path / f"{kind}.csv"
        export.export_table(store, kind, sheet_path)
        plan = _import(store, sheet_path, kind)
        assert plan.counts() == {} and not plan.refused, (kind, plan.summary())
    assert importer.read(tmp_path / "store.xlsx").name != "store.xlsx / About"
    from forensics_gui.formats.sheets import sheet_names
    from forensics_gui.services.exchange.export_columns import kind_of_title

    taken = [n for n in sheet_names(tmp_path / "store.xlsx") if kind_of_title(n) in ROUND_TRIP]
    assert len(taken) == len(ROUND_TRIP)
    for name in taken:
        sheet = importer.read(tmp_path / "store.xlsx", sheet=name)
        settings = importer.suggested(sheet)
        assert settings.kind == kind_of_title(name)  # known by the sheet's name
        plan = importer.run(store, sheet, settings)
        assert plan.counts() == {} and not plan.refused, (name, plan.summary())
    assert store_counts(store) == before


def test_an_import_the_store_gave_up_for_another_writer_runs_again_once(
        store: stores.Store, case_file: CaseFile, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    from forensics_gui.core.errors import StoreLockedError
    from forensics_gui.storage import store as store_module

    monkeypatch.setattr(store_module, "RETRY_PAUSE_S", 0.01)
    real_plan, calls = importer._plan, []

    def plan_then_lose_the_race(*args: object, **kwargs: object) -> importer.Plan:
        done = real_plan(*args, **kwargs)  # every row written in this transaction
        calls.append(done)
        if len(calls) == 1:
            raise StoreLockedError("another user's change got in the way; nothing was written")
        return done

    monkeypatch.setattr(importer, "_plan", plan_then_lose_the_race)
    before = store_counts(store)
    plan = _import(store, _csv(tmp_path / "team.csv", FIELD_TEAM))

    assert len(calls) == 2 and plan.new_rows == 3
    after = store_counts(store)
    assert after["finding"] == before["finding"] + 3  # written once: the first try rolled back
    assert "attempt 1 of 5" in caplog.text
