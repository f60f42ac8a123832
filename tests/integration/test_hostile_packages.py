"""Damaged, altered and hostile packages and receipts: each is refused with a message naming
what is wrong, before anything is written to the store."""

from __future__ import annotations

import json
import stat
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from forensics_gui.formats.package import (
    PackageError,
    PackageLimits,
    seal_receipt,
    sha256_hex,
)
from forensics_gui.services import stores
from forensics_gui.services.exchange import packages
from tests.integration.exchange_support import counts, field_case, laptop

Entries = dict[str, bytes]


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path) -> Path:
    """A real package of one field case with its photo."""
    folder = tmp_path_factory.mktemp("package")
    store = laptop(folder / "laptop.sqlite", sqlite_template)
    field_case(store)
    packages.export_package(store, folder / "case.zip")
    store.close()
    return folder / "case.zip"


def _entries(path: Path) -> Entries:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _rewrite(package: Path, target: Path, change: Callable[[Entries], Entries]) -> Path:
    with zipfile.ZipFile(target, "w") as archive:
        for name, data in change(_entries(package)).items():
            archive.writestr(name, data)
    return target


def _with_manifest(change: Callable[[dict], object]) -> Callable[[Entries], Entries]:
    """Change the manifest and seal it again (its hash matches: only its content is bad)."""
    def edit(entries: Entries) -> Entries:
        manifest = json.loads(entries["manifest.json"])
        change(manifest)
        body = json.dumps(manifest).encode()
        return {**entries, "manifest.json": body, "manifest.sha256": sha256_hex(body).encode()}
    return edit


def _photo(entries: Entries) -> str:
    return next(name for name in entries if name.startswith("photos/"))


def _refused(store: stores.Store, path: Path, match: str,
             limits: PackageLimits | None = None) -> None:
    before = counts(store)
    with pytest.raises(PackageError, match=match):
        packages.import_package(store, path, limits=limits)
    assert counts(store) == before
    assert not path.with_name(f"{path.stem}.receipt.json").exists()


def test_the_untouched_package_is_taken(package: Path, sqlite_store: stores.Store,
                                       tmp_path: Path) -> None:
    report = packages.import_package(sqlite_store, package, receipt_path=tmp_path / "r.json")
    assert report.outcomes["added"] > 10


def test_a_package_carries_the_senders_audit_chain_head(package: Path) -> None:
    """The head of the laptop's trail when the package was made: checked later against the
    laptop's store (`forensics audit verify --head`), it shows the trail was not rewritten."""
    from forensics_gui.core.audit import Head

    head = Head.parse(json.loads(_entries(package)["manifest.json"])["audit_head"])
    laptop_store = stores.open_existing(str(package.with_name("laptop.sqlite")))
    try:
        from forensics_gui.services import audit

        assert head.seq >= 3
        assert audit.verify_chain(laptop_store, [head]).sound
    finally:
        laptop_store.close()


def test_a_truncated_package(package: Path, sqlite_store: stores.Store, tmp_path: Path) -> None:
    cut = tmp_path / "cut.zip"
    cut.write_bytes(package.read_bytes()[: package.stat().st_size * 2 // 3])
    _refused(sqlite_store, cut, "not a complete case package")


def test_an_altered_manifest(package: Path, sqlite_store: stores.Store, tmp_path: Path) -> None:
    def alter(entries: Entries) -> Entries:
        body = entries["manifest.json"].replace(b"Field site", b"Other site")
        return {**entries, "manifest.json": body}
    _refused(sqlite_store, _rewrite(package, tmp_path / "x.zip", alter),
             "manifest does not match its SHA-256")


def test_altered_photo_bytes(package: Path, sqlite_store: stores.Store, tmp_path: Path) -> None:
    def alter(entries: Entries) -> Entries:
        name = _photo(entries)
        return {**entries, name: entries[name][:-10] + b"0123456789"}
    _refused(sqlite_store, _rewrite(package, tmp_path / "x.zip", alter),
             r"entry photos/[0-9a-f]{64} does not match its SHA-256")


def test_a_photo_missing(package: Path, sqlite_store: stores.Store, tmp_path: Path) -> None:
    def drop(entries: Entries) -> Entries:
        return {k: v for k, v in entries.items() if k != _photo(entries)}
    _refused(sqlite_store, _rewrite(package, tmp_path / "x.zip", drop),
             "listed in the manifest but missing from the package")


@pytest.mark.parametrize(("name", "match"), [
    ("/etc/cron.d/evil", "absolute path"), ("C:/Windows/evil", "absolute path"),
    ("photos/../../evil", r"leads out of the package's folder \('..'\)"),
    ("..\\evil", "leads out"), ("notes.txt", "is not part of a case package")])
def test_entry_names_that_escape_or_do_not_belong(package: Path, sqlite_store: stores.Store,
                                                  tmp_path: Path, name: str,
                                                  match: str) -> None:
    _refused(sqlite_store, _rewrite(package, tmp_path / "x.zip",
                                    lambda entries: {**entries, name: b"x"}), match)


def test_a_symbolic_link_entry(package: Path, sqlite_store: stores.Store,
                               tmp_path: Path) -> None:
    target = _rewrite(package, tmp_path / "x.zip", lambda entries: entries)
    with zipfile.ZipFile(target, "a") as archive:
        link = zipfile.ZipInfo("photos/" + "a" * 64)
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(link, "/etc/passwd")
    _refused(sqlite_store, target, "is a symbolic link")


def test_more_than_100000_entries(package: Path, sqlite_store: stores.Store,
                                  tmp_path: Path) -> None:
    target = _rewrite(package, tmp_path / "many.zip", lambda entries: entries)
    with zipfile.ZipFile(target, "a") as archive:
        for n in range(100_000):
            archive.writestr(f"thumbs/{n:064x}", b"")
    _refused(sqlite_store, target, "holds 100,004 entries; a package holds at most 100,000")


def test_an_entry_or_the_whole_over_the_size_limits(package: Path,
                                                    sqlite_store: stores.Store) -> None:
    _refused(sqlite_store, package, r"entry 'photos/[0-9a-f]{64}' is \d+ bytes; at most 100",
             PackageLimits(max_entry_bytes=100))
    _refused(sqlite_store, package, "would unpack to more than 2,000 bytes",
             PackageLimits(max_total_bytes=2000))


def test_a_compression_bomb(package: Path, sqlite_store: stores.Store, tmp_path: Path) -> None:
    target = _rewrite(package, tmp_path / "bomb.zip", lambda entries: entries)
    with zipfile.ZipFile(target, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("photos/" + "b" * 64, b"\0" * (64 * 1024 * 1024))
    assert target.stat().st_size < 1024 * 1024
    _refused(sqlite_store, target, r"would expand [\d,]+ times \(at most 100\): a compression "
                                   "bomb")


@pytest.mark.parametrize(("change", "match"), [
    (lambda m: m.update(format_version=2), "in package format 2, newer than this version"),
    (lambda m: m.update(schema_revision="9999"), "written by a newer version .schema 9999"),
    (lambda m: m.pop("records"), "the manifest lacks the field 'records'"),
    (lambda m: m["records"][0].pop("sha256"), "record 1 lacks the field 'sha256'"),
    (lambda m: m.update(package_id="not-an-id"), "package_id is not an id"),
    (lambda m: m.update(audit_head="12:abc"), "audit_head is not NUMBER:SHA-256"),
    (lambda m: m["records"][0]["values"].update(name="Other"),
     "its values do not match its SHA-256"),
    (lambda m: m["records"][0].update(kind="purge_permit"), "are not exchanged"),
])
def test_a_manifest_from_a_newer_version_or_lacking_fields(
        package: Path, sqlite_store: stores.Store, tmp_path: Path,
        change: Callable[[dict], object], match: str) -> None:
    _refused(sqlite_store, _rewrite(package, tmp_path / "x.zip", _with_manifest(change)), match)


def test_a_manifest_that_is_not_json(package: Path, sqlite_store: stores.Store,
                                     tmp_path: Path) -> None:
    def garble(entries: Entries) -> Entries:
        body = b"{not json"
        return {**entries, "manifest.json": body, "manifest.sha256": sha256_hex(body).encode()}
    _refused(sqlite_store, _rewrite(package, tmp_path / "x.zip", garble),
             "the manifest is not JSON")


# ------------------------------------------------------------------------------ receipts
@pytest.fixture
def sent(tmp_path: Path, sqlite_template: Path, sqlite_store: stores.Store
         ) -> tuple[stores.Store, Path]:
    """A laptop that sent a package, and the receipt the centre wrote."""
    store = laptop(tmp_path / "laptop.sqlite", sqlite_template)
    field_case(store)
    packages.export_package(store, tmp_path / "p.zip")
    report = packages.import_package(sqlite_store, tmp_path / "p.zip")
    yield store, Path(report.receipt_path)
    store.close()


def _refused_receipt(store: stores.Store, path: Path, match: str) -> None:
    before = packages.status(store)
    with pytest.raises(PackageError, match=match):
        packages.import_receipt(store, path)
    assert packages.status(store) == before


def test_an_altered_receipt(sent: tuple[stores.Store, Path]) -> None:
    store, path = sent
    receipt = json.loads(path.read_text())
    receipt["records"][0]["outcome"] = "conflict"
    path.write_text(json.dumps(receipt))
    _refused_receipt(store, path, "receipt does not match its SHA-256")


def test_a_receipt_naming_a_version_not_sent(sent: tuple[stores.Store, Path]) -> None:
    store, path = sent
    receipt = json.loads(path.read_text())
    receipt["records"][0]["version"] += 1
    path.write_text(json.dumps(seal_receipt(receipt)))
    _refused_receipt(store, path, r"record 1 .* is not what package .* carried")


def test_a_receipt_for_a_package_this_store_never_sent(
        sent: tuple[stores.Store, Path], tmp_path: Path, sqlite_template: Path) -> None:
    _store, path = sent
    other = laptop(tmp_path / "other.sqlite", sqlite_template, "laptop-2")
    _refused_receipt(other, path, "which this store never sent")
    other.close()


def test_a_receipt_that_is_not_one(sent: tuple[stores.Store, Path]) -> None:
    store, path = sent
    path.write_text("<html>")
    _refused_receipt(store, path, "is not a receipt")
