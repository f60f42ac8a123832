"""Case packages and receipts fuzzed: a package damaged as bytes, as a zip (hostile entry
names, entries dropped, repeated, cut short) or in its manifest (resealed, so that the checks
behind the hash are reached: hostile values, wrong types, sizes and hashes) is taken or
refused with a known error, and a refused package leaves the store as it was. The same for
receipts taken back by the laptop that sent the package."""

from __future__ import annotations

import contextlib
import json
import math
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from forensics_gui.core.errors import KnownError
from forensics_gui.formats.package import (
    PackageError,
    content_hash,
    open_package,
    read_receipt,
    seal_receipt,
    sha256_hex,
)
from forensics_gui.services import stores
from forensics_gui.services.exchange import packages
from tests.integration.exchange_support import field_case, laptop

from .conftest import FUZZ, examples, outcome, unchanged_unless_accepted
from .hostile import damaged, damaged_zip, hostile_text, random_bytes, rezip, zip_entries


class Exchange(dict):  # type: ignore[type-arg]
    """What the tests fuzz, shown by name only when an example fails."""

    def __repr__(self) -> str:
        return "exchange"


@pytest.fixture(scope="module")
def exchange(tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path
             ) -> Iterator[Exchange]:
    """A laptop that sent a real package of one field case (photo included), and the
    receipt a centre wrote for it."""
    folder = tmp_path_factory.mktemp("exchange")
    sender = laptop(folder / "laptop.sqlite", sqlite_template)
    field_case(sender)
    packages.export_package(sender, folder / "case.zip")
    centre = laptop(folder / "centre.sqlite", sqlite_template, "centre")
    packages.import_package(centre, folder / "case.zip", receipt_path=folder / "case.json")
    centre.close()
    yield Exchange(sender=sender, package=(folder / "case.zip").read_bytes(),
                   receipt=(folder / "case.json").read_bytes())
    sender.close()


def any_value() -> st.SearchStrategy[Any]:
    """A JSON value of any type, hostile text and non-finite numbers included."""
    scalars = st.one_of(hostile_text(), st.integers(-2**80, 2**80), st.floats(), st.booleans(),
                        st.none(), st.sampled_from((math.nan, math.inf, 0, -1, 10**30)))
    return st.recursive(scalars, lambda inner: st.lists(inner, max_size=3)
                        | st.dictionaries(hostile_text(8), inner, max_size=3), max_leaves=6)


@st.composite
def edited_manifest(draw: st.DrawFn, manifest: dict[str, Any]) -> dict[str, Any]:
    """The manifest with one to four edits; a record whose values were edited usually gets
    its content hash again, so that its values are checked as typed ones."""
    for _ in range(draw(st.integers(1, 4))):
        records = manifest.get("records")
        how = draw(st.sampled_from(("top", "value", "value", "value", "meta", "record",
                                    "original", "twice")))
        if how == "top" or not isinstance(records, list) or not records:
            manifest[draw(st.sampled_from(sorted(manifest)))] = draw(any_value())
            continue
        record = draw(st.sampled_from(records))
        if not isinstance(record, dict):
            continue
        if how == "value" and isinstance(record.get("values"), dict) and record["values"]:
            values = record["values"]
            name = draw(st.sampled_from([*sorted(values), "unknown_field"]))
            values[name] = draw(any_value())
            if draw(st.integers(0, 4)):
                # When the hash cannot be made again, the package keeps the old one.
                with contextlib.suppress(ValueError, TypeError, UnicodeError, KeyError):
                    record["sha256"] = content_hash(values, record["created_at"],
                                                    record["created_by"])
        elif how == "meta":
            record[draw(st.sampled_from(sorted(record)))] = draw(any_value())
        elif how == "record":
            record["kind"] = draw(st.sampled_from(("finding", "part", "photo", "custody", "org",
                                                   "audit", "")))
        elif how == "original" and isinstance(manifest.get("originals"), list) \
                and manifest["originals"] and isinstance(manifest["originals"][0], dict):
            original = manifest["originals"][0]
            original[draw(st.sampled_from(sorted(original)))] = draw(any_value())
        else:
            records.append(json.loads(json.dumps(record)))
    return manifest


@st.composite
def hostile_packages(draw: st.DrawFn, valid: bytes) -> bytes:
    how = draw(st.sampled_from(("manifest", "manifest", "manifest", "zip", "bytes", "random")))
    if how == "random":
        return draw(random_bytes())
    if how == "bytes":
        return draw(damaged(valid))
    if how == "zip":
        return draw(damaged_zip(valid))
    entries = dict(zip_entries(valid))
    manifest = draw(edited_manifest(json.loads(entries["manifest.json"])))
    body = json.dumps(manifest, ensure_ascii=draw(st.booleans())).encode("utf-8", "surrogatepass")
    entries["manifest.json"] = body
    if draw(st.integers(0, 5)):
        entries["manifest.sha256"] = sha256_hex(body).encode()
    return rezip(list(entries.items()))


@examples(0.5)
@given(data=st.data())
def test_packages_are_taken_or_refused_unchanged(exchange: Exchange, store: stores.Store,
                                                 tmp_path: Path, data: st.DataObject) -> None:
    path = tmp_path / "case.zip"
    path.write_bytes(data.draw(hostile_packages(exchange["package"])))
    receipt = tmp_path / "case.receipt.json"
    receipt.unlink(missing_ok=True)
    with unchanged_unless_accepted(store) as result:
        packages.import_package(store, path, receipt_path=receipt)
    if result["error"] is not None:
        assert not receipt.exists()
    else:
        outcome(lambda: read_receipt(receipt))  # what was written reads back


@FUZZ
@given(data=st.data())
def test_package_files_are_opened_or_refused(exchange: Exchange, tmp_path: Path,
                                             data: st.DataObject) -> None:
    path = tmp_path / "case.zip"
    path.write_bytes(data.draw(hostile_packages(exchange["package"])))
    reader = outcome(lambda: open_package(path))
    if isinstance(reader, KnownError):
        return
    with reader:
        manifest = reader.manifest
        outcome(lambda: packages.checked_records(manifest, path.name))
        for original in manifest["originals"]:
            assert isinstance(outcome(lambda o=original: reader.original(o["sha256"])),
                              bytes | KnownError)


@st.composite
def hostile_receipts(draw: st.DrawFn, valid: bytes) -> bytes:
    how = draw(st.sampled_from(("fields", "fields", "fields", "bytes", "random")))
    if how == "random":
        return draw(random_bytes(512))
    if how == "bytes":
        return draw(damaged(valid))
    receipt = json.loads(valid)
    for _ in range(draw(st.integers(1, 3))):
        records = receipt.get("records")
        if isinstance(records, list) and records and draw(st.booleans()):
            record = draw(st.sampled_from(records))
            if isinstance(record, dict):
                record[draw(st.sampled_from(sorted(record)))] = draw(any_value())
        else:
            receipt[draw(st.sampled_from(sorted(receipt)))] = draw(any_value())
    if draw(st.integers(0, 4)):
        with contextlib.suppress(ValueError, TypeError, UnicodeError):
            receipt = seal_receipt(receipt)
    return json.dumps(receipt, ensure_ascii=draw(st.booleans())).encode("utf-8",
                                                                          "surrogatepass")


@examples(0.5)
@given(data=st.data())
def test_receipts_are_taken_or_refused_unchanged(exchange: Exchange, tmp_path: Path,
                                                 data: st.DataObject) -> None:
    path = tmp_path / "case.receipt.json"
    path.write_bytes(data.draw(hostile_receipts(exchange["receipt"])))
    with unchanged_unless_accepted(exchange["sender"]):
        packages.import_receipt(exchange["sender"], path)


def test_an_altered_manifest_is_refused_by_name(exchange: Exchange,
                                                tmp_path: Path) -> None:
    """The plain example behind the properties."""
    entries = dict(zip_entries(exchange["package"]))
    entries["manifest.json"] = entries["manifest.json"].replace(b"FIELD", b"FIELX", 1)
    path = tmp_path / "altered.zip"
    path.write_bytes(rezip(list(entries.items())))
    with pytest.raises(PackageError, match=r"altered\.zip: the manifest does not match"):
        open_package(path)


def test_a_receipt_with_infinity_is_refused_as_not_json(exchange: Exchange,
                                                        tmp_path: Path) -> None:
    """Found by fuzzing: Python reads `Infinity` and `NaN` as numbers, but no hash can be
    made over them, and checking the receipt's own hash failed with a bug's traceback."""
    receipt = json.loads(exchange["receipt"])
    receipt["records"][0]["id"] = math.inf
    path = tmp_path / "case.receipt.json"
    path.write_text(json.dumps(receipt), encoding="utf-8")
    assert b"Infinity" in path.read_bytes()
    with unchanged_unless_accepted(exchange["sender"]) as result:
        packages.import_receipt(exchange["sender"], path)
    assert isinstance(result["error"], PackageError)
    assert "case.receipt.json is not a receipt" in str(result["error"])
    assert "Infinity is not a number JSON allows" in str(result["error"])


def test_a_manifest_with_half_a_surrogate_pair_is_refused(exchange: Exchange,
                                                          store: stores.Store,
                                                          tmp_path: Path) -> None:
    """Found by fuzzing: a resealed manifest whose text holds a lone surrogate escape
    (`\\ud800`) failed with a bug's traceback when the record's hash was computed."""
    entries = dict(zip_entries(exchange["package"]))
    manifest = json.loads(entries["manifest.json"])
    manifest["device_name"] = "laptop \ud800"
    body = json.dumps(manifest).encode()
    entries["manifest.json"], entries["manifest.sha256"] = body, sha256_hex(body).encode()
    path = tmp_path / "surrogate.zip"
    path.write_bytes(rezip(list(entries.items())))
    with unchanged_unless_accepted(store) as result:
        packages.import_package(store, path, receipt_path=tmp_path / "r.json")
    assert isinstance(result["error"], PackageError)
    assert "surrogate.zip: the manifest is not JSON" in str(result["error"])
    assert "surrogate" in str(result["error"]).split("JSON", 1)[1]


def test_a_manifest_nested_too_deeply_is_refused(exchange: Exchange, tmp_path: Path) -> None:
    """A manifest of a hundred thousand nested lists is refused by name, not with the JSON
    reader's recursion error."""
    body = b"[" * 100_000 + b"]" * 100_000
    path = tmp_path / "deep.zip"
    path.write_bytes(rezip([("manifest.json", body),
                            ("manifest.sha256", sha256_hex(body).encode())]))
    with pytest.raises(PackageError, match=r"deep\.zip: the manifest is not JSON .*too deeply"):
        open_package(path)


def test_a_receipt_with_surrogate_bytes_is_refused(exchange: Exchange, tmp_path: Path) -> None:
    """Found by fuzzing: the UTF-8 bytes of a lone surrogate (ED A0 80), which Python's JSON
    reader lets through, failed with a bug's traceback when the receipt's hash was checked."""
    path = tmp_path / "case.receipt.json"
    field = b'"device_name": "'
    path.write_bytes(exchange["receipt"].replace(field, field + b"\xed\xa0\x80", 1))
    with unchanged_unless_accepted(exchange["sender"]) as result:
        packages.import_receipt(exchange["sender"], path)
    assert isinstance(result["error"], PackageError)
    assert "case.receipt.json is not a receipt (not JSON" in str(result["error"])
    assert "0xed in position" in str(result["error"])


def test_a_list_value_that_is_a_number_is_refused_by_field(exchange: Exchange,
                                                           store: stores.Store,
                                                           tmp_path: Path) -> None:
    """Found by fuzzing: an organization whose aliases are a number (record and manifest
    resealed) failed with a bug's traceback; it is refused naming the record and field."""
    entries = dict(zip_entries(exchange["package"]))
    manifest = json.loads(entries["manifest.json"])
    org = next(r for r in manifest["records"] if r["kind"] == "org")
    org["values"]["aliases"] = 0
    org["sha256"] = content_hash(org["values"], org["created_at"], org["created_by"])
    body = json.dumps(manifest).encode()
    entries["manifest.json"], entries["manifest.sha256"] = body, sha256_hex(body).encode()
    path = tmp_path / "aliases.zip"
    path.write_bytes(rezip(list(entries.items())))
    with unchanged_unless_accepted(store) as result:
        packages.import_package(store, path, receipt_path=tmp_path / "r.json")
    assert isinstance(result["error"], PackageError)
    assert "aliases.zip: record" in str(result["error"])
    assert f"org {org['id']}: aliases: '0' is not a list of values" in str(result["error"])


def _patched(data: bytes, name: str, *, flags: int = 0, method: int | None = None) -> bytes:
    """The zip with an entry's general purpose flags OR-ed with `flags` and its compression
    method replaced, in its local header and in the central directory alike."""
    out = bytearray(data)
    # (signature, where the flags are, where the name's length is, where the name starts)
    for signature, flag_at, length_at, name_at in ((b"PK\x03\x04", 6, 26, 30),
                                                   (b"PK\x01\x02", 8, 28, 46)):
        at = out.find(signature)
        while at >= 0:
            length = struct.unpack_from("<H", out, at + length_at)[0]
            if out[at + name_at:at + name_at + length] == name.encode():
                struct.pack_into("<H", out, at + flag_at,
                                 struct.unpack_from("<H", out, at + flag_at)[0] | flags)
                if method is not None:
                    struct.pack_into("<H", out, at + flag_at + 2, method)
            at = out.find(signature, at + 4)
    return bytes(out)


@pytest.mark.parametrize(("flags", "method", "reason"), [
    (0x1, None, "is encrypted; packages are never encrypted"),
    (0x40, None, "is encrypted; packages are never encrypted"),
    (0, 98, "cannot be read .*compression method is not supported.*damaged"),
    (0x20, None, "cannot be read .*compressed patched data.*damaged")])
def test_an_entry_this_reader_cannot_unpack_is_refused(exchange: Exchange, tmp_path: Path,
                                                       flags: int, method: int | None,
                                                       reason: str) -> None:
    """Found by fuzzing: an encrypted entry, or one written with a compression method or zip
    feature Python's reader lacks, failed with a bug's traceback (RuntimeError or
    NotImplementedError) instead of refusing the package."""
    photo = next(name for name, _ in zip_entries(exchange["package"])
                 if name.startswith("photos/"))
    path = tmp_path / "odd.zip"
    path.write_bytes(_patched(exchange["package"], photo, flags=flags, method=method))
    with pytest.raises(PackageError, match=rf"odd\.zip: entry '?photos/[0-9a-f]+'? {reason}"):
        open_package(path)
