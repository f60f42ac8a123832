"""`forensics package`, `forensics conflicts` and `forensics sync` as a field team and the
centre run them: JSON for scripts, and exit codes (0 done, 1 conflicts left open, 2
refused)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.e2e.test_cli import Run, assert_user_error, cli, ok


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A laptop's demo store and an empty centre store, made once by the CLI itself."""
    folder = tmp_path_factory.mktemp("exchange")
    laptop, centre = folder / "laptop.sqlite", folder / "centre.sqlite"
    assert cli(laptop, "demo", "--json").code == 0
    assert ok(cli(laptop, "package", "device", "laptop-7", "--json"))["device_name"] == "laptop-7"
    assert cli(centre, "init").code == 0
    return laptop, centre


@pytest.fixture
def stores(made: tuple[Path, Path], tmp_path: Path) -> tuple[Path, Path]:
    """Private copies of both stores (the centre given an id of its own)."""
    laptop, centre = tmp_path / "laptop.sqlite", tmp_path / "centre.sqlite"
    shutil.copy(made[0], laptop)
    shutil.copy(made[1], centre)
    assert ok(cli(centre, "package", "device", "centre", "--new-id", "--json"))
    return laptop, centre


def _first_finding(store: Path) -> str:
    return ok(cli(store, "finding", "list", "--json", "--limit", "1"))["rows"][0]["id"]


def _deliver(laptop: Path, centre: Path, package: Path) -> Run:
    ok(cli(laptop, "package", "export", str(package), "--json"))
    imported = cli(centre, "package", "import", str(package), "--json")
    receipt = package.with_name(f"{package.stem}.receipt.json")
    ok(cli(laptop, "package", "receipt", str(receipt), "--json"))
    return imported


def test_export_import_receipt_and_status(stores: tuple[Path, Path], tmp_path: Path) -> None:
    laptop, centre = stores
    package = tmp_path / "week-12.zip"
    exported = ok(cli(laptop, "package", "export", str(package), "--undelivered", "--json"))
    assert exported["records"]["finding"] == 22 and package.exists()
    # The laptop's audit chain head travels with the package and can be checked later.
    assert ok(cli(laptop, "audit", "verify", "--head", exported["audit_head"], "--json"))["sound"]
    before = ok(cli(laptop, "package", "status", "--json"))
    assert before["undelivered"]["finding"] == 22 and before["awaiting_receipt"] == 1
    imported = ok(cli(centre, "package", "import", str(package), "--json"))
    assert imported["outcomes"] == {"added": sum(exported["records"].values())}
    assert imported["sender_device"] == "laptop-7"
    receipt = Path(imported["receipt_path"])
    assert receipt == tmp_path / "week-12.receipt.json"
    taken = ok(cli(laptop, "package", "receipt", str(receipt), "--json"))
    assert taken["delivered"] == sum(exported["records"].values())
    after = ok(cli(laptop, "package", "status", "--json"))
    assert after["undelivered"] == {} and after["awaiting_receipt"] == 0
    assert ok(cli(centre, "finding", "list", "--json", "--limit", "100"))["rows"].__len__() == 22
    again = cli(centre, "package", "import", str(package))
    assert again.code == 0 and "was imported before; nothing changed" in again.out
    text = cli(laptop, "package", "status")
    assert "not yet delivered: nothing" in text.out and "centre" in text.out


def test_a_conflict_exits_1_and_is_resolved_from_the_command_line(
        stores: tuple[Path, Path], tmp_path: Path) -> None:
    laptop, centre = stores
    _deliver(laptop, centre, tmp_path / "first.zip")
    finding = _first_finding(laptop)
    ok(cli(laptop, "finding", "edit", finding, "--notes", "read in the field", "--json"))
    ok(cli(centre, "finding", "edit", finding, "--notes", "read at the lab", "--json"))
    ok(cli(laptop, "package", "export", str(tmp_path / "second.zip"), "--json"))
    imported = cli(centre, "package", "import", str(tmp_path / "second.zip"))
    assert imported.code == 1, str(imported)
    assert "1 conflict(s) left for a person to resolve" in imported.out
    [waiting] = ok(cli(centre, "conflicts", "--json"))
    assert waiting["record_id"] == finding and waiting["differing"] == ["notes"]
    shown = cli(centre, "conflicts", "show", waiting["id"])
    assert "ours: read at the lab" in shown.out and "theirs: read in the field" in shown.out
    refused = cli(centre, "conflicts", "resolve", waiting["id"], "--keep", "both",
                  "--reason", "x")
    assert refused.code == 2
    done = ok(cli(centre, "conflicts", "resolve", waiting["id"], "--keep", "theirs",
                  "--reason", "the field reading is the photographed one", "--json"))
    assert (done["state"], done["kept"]) == ("resolved", "theirs")
    notes = ok(cli(centre, "finding", "show", finding, "--json"))["notes"]
    assert notes == "read in the field"
    assert ok(cli(centre, "conflicts", "list", "--json")) == []
    assert len(ok(cli(centre, "conflicts", "list", "--all", "--json"))) == 1


def test_a_damaged_package_is_refused_with_exit_code_2(stores: tuple[Path, Path],
                                                        tmp_path: Path) -> None:
    laptop, centre = stores
    package = tmp_path / "p.zip"
    ok(cli(laptop, "package", "export", str(package), "--json"))
    package.write_bytes(package.read_bytes()[:1000])
    assert_user_error(cli(centre, "package", "import", str(package)), 2,
                      "p.zip is not a complete case package")
    assert ok(cli(centre, "package", "status", "--json"))["received"] == 0
    assert_user_error(cli(laptop, "package", "receipt", str(tmp_path / "none.json")), 2,
                      "cannot read the receipt")


def test_sync_merges_into_another_store_and_marks_records_delivered(
        stores: tuple[Path, Path]) -> None:
    laptop, centre = stores
    merged = ok(cli(laptop, "sync", "--to", str(centre), "--json"))
    assert merged["imported"]["outcomes"]["added"] == merged["receipt"]["delivered"]
    finding = _first_finding(laptop)
    ok(cli(laptop, "finding", "edit", finding, "--notes", "second look", "--json"))
    second = ok(cli(laptop, "sync", "--to", str(centre), "--json"))
    assert second["imported"]["by_kind"]["finding"] == {"updated": 1}
    assert ok(cli(centre, "finding", "show", finding, "--json"))["notes"] == "second look"
    assert ok(cli(laptop, "package", "status", "--json"))["undelivered"] == {}


@pytest.mark.postgres
def test_sync_into_postgresql(stores: tuple[Path, Path], pg_store: object,
                              pg_migrated: str) -> None:
    laptop, _centre = stores
    merged = ok(cli(laptop, "sync", "--to", pg_migrated, "--json"))
    assert merged["imported"]["by_kind"]["finding"] == {"added": 22}
    assert len(ok(cli(pg_migrated, "finding", "list", "--json", "--limit", "100"))["rows"]) == 22
    assert ok(cli(laptop, "sync", "--to", pg_migrated, "--json"))["imported"]["outcomes"] == {}
