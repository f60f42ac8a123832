"""Case packages and their receipts: the files an offline laptop and the shared store exchange.

A package is one zip file:

- `manifest.json`: the format and its version, the package id, the sending store's id and
  device name, its schema revision, when and by whom it was written, every record (kind, id,
  version, content hash, values) and every original picture it carries (hash, size, type);
- `manifest.sha256`: the manifest's own SHA-256, so that an altered manifest is refused;
- `photos/<sha256>`: each original's bytes, named by their hash;
- `thumbs/<sha256>`: the sender's thumbnail of an original, when it had one (saves making it
  again; its hash is in the manifest too).

Reading trusts nothing: before any record is looked at, every entry's name (no absolute
path, no `..`, no link), the number of entries, their sizes and compression ratios, the
manifest's hash and every picture's hash are checked (`open_package`). Anything wrong raises
`PackageError` naming the file and what is wrong; the caller has written nothing yet.

A receipt is a small JSON file the receiving store writes: the package id, the receiving
store, and the outcome of every record version; it carries the SHA-256 of its own content.
This module only reads and writes files: what the records mean is the services' business.
"""

from __future__ import annotations

import hashlib
import json
import re
import stat
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any
from uuid import UUID

from forensics_gui.core.errors import KnownError
from forensics_gui.core.files import replace_atomically

FORMAT = "forensics-case-package"
RECEIPT_FORMAT = "forensics-package-receipt"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
MANIFEST_HASH = "manifest.sha256"
PHOTOS = "photos/"
THUMBS = "thumbs/"
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_ENTRY = re.compile(r"^(photos|thumbs)/([0-9a-f]{64})$")
_DRIVE = re.compile(r"^[A-Za-z]:")
_AUDIT_HEAD = re.compile(r"^[0-9]{1,19}:[0-9a-f]{64}$")
_CHUNK = 1 << 20
# What reading a damaged or unusual zip raises (NotImplementedError: a compression method,
# zip version or feature this reader does not have).
_ZIP_FAULTS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError)
MANIFEST_FIELDS = {"format": str, "format_version": int, "package_id": str, "store_id": str,
                   "device_name": str, "schema_revision": str, "created_at": str,
                   "created_by": str, "records": list, "originals": list}
RECORD_FIELDS = {"kind": str, "id": str, "version": int, "sha256": str, "created_at": str,
                 "created_by": str, "updated_at": str, "updated_by": str, "values": dict}
ORIGINAL_FIELDS = {"sha256": str, "byte_size": int, "media_type": str, "thumb_sha256": str,
                   "thumb_width": int, "thumb_height": int}
RECEIPT_FIELDS = {"format": str, "format_version": int, "package_id": str, "store_id": str,
                  "device_name": str, "received_at": str, "received_by": str, "records": list,
                  "sha256": str}
RECEIPT_RECORD_FIELDS = {"kind": str, "id": str, "version": int, "sha256": str, "outcome": str}


class PackageError(KnownError):
    """A package or receipt was refused (damaged, altered, hostile or from a newer version);
    nothing was written."""

    exit_code = 2


@dataclass(frozen=True)
class PackageLimits:
    """What a package may hold at most. A compression bomb is refused by its declared sizes
    and ratio before anything is unpacked (zip readers never return more than the declared
    size of an entry)."""

    max_entries: int = 100_000
    max_entry_bytes: int = 512 * 1024 * 1024
    max_manifest_bytes: int = 1024 * 1024 * 1024
    max_total_bytes: int = 64 * 1024 * 1024 * 1024
    max_ratio: int = 100
    ratio_from_bytes: int = 1024 * 1024  # smaller entries are not held to the ratio


def canonical_json(value: Any) -> bytes:
    """The one byte form of a JSON value that hashes are computed over (keys sorted, no
    spaces, UTF-8)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      allow_nan=False).encode()


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def content_hash(values: dict[str, Any], created_at: str, created_by: str) -> str:
    """A record's content hash: its values (withdrawal included) and who made it when; not
    its version nor who changed it last, which differ between stores holding the same
    content."""
    return sha256_hex(canonical_json({"values": values, "created_at": created_at,
                                      "created_by": created_by}))


# ----------------------------------------------------------------------------- writing
def write_package(path: str | Path, manifest: dict[str, Any],
                  originals: Iterable[tuple[str, bytes]],
                  thumbs: Iterable[tuple[str, bytes]] = ()) -> Path:
    """Write a package whole or not at all (a temporary file beside `path`, then renamed).

    `originals` and `thumbs` give (sha256, bytes) one at a time, so that pictures are never
    all in memory; pictures are stored as they are (JPEG does not compress further)."""
    target = Path(path)
    body = json.dumps(manifest, ensure_ascii=False, sort_keys=True).encode()

    def write(temporary: str) -> None:
        with zipfile.ZipFile(temporary, "w", allowZip64=True) as archive:
            archive.writestr(_info(MANIFEST, zipfile.ZIP_DEFLATED), body)
            archive.writestr(_info(MANIFEST_HASH, zipfile.ZIP_STORED), sha256_hex(body) + "\n")
            for folder, pictures in ((PHOTOS, originals), (THUMBS, thumbs)):
                for digest, data in pictures:
                    archive.writestr(_info(folder + digest, zipfile.ZIP_STORED), data)

    replace_atomically(target, write, failed=lambda why: PackageError(
        f"cannot write the package {target}: {why}"))
    return target


def _info(name: str, compression: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0))
    info.compress_type = compression
    info.external_attr = (stat.S_IFREG | 0o600) << 16
    return info


def write_receipt(path: str | Path, receipt: dict[str, Any]) -> dict[str, Any]:
    """Write a receipt (its SHA-256 added) whole or not at all; returns what was written."""
    sealed = seal_receipt(receipt)
    target = Path(path)
    body = json.dumps(sealed, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    replace_atomically(target, lambda temporary: Path(temporary).write_text(body, "utf-8"),
                       failed=lambda why: PackageError(f"cannot write the receipt {target}: "
                                                       f"{why}"))
    return sealed


def seal_receipt(receipt: dict[str, Any]) -> dict[str, Any]:
    """The receipt with the SHA-256 of its content (everything but that hash)."""
    content = {k: v for k, v in receipt.items() if k != "sha256"}
    return {**content, "sha256": sha256_hex(canonical_json(content))}


# ----------------------------------------------------------------------------- reading
class PackageReader:
    """An open package whose entries, manifest and pictures have all been checked."""

    def __init__(self, path: Path, archive: zipfile.ZipFile, manifest: dict[str, Any]) -> None:
        self.path = path
        self._archive = archive
        self.manifest = manifest
        self._names = set(archive.namelist())

    def original(self, digest: str) -> bytes:
        """An original picture's bytes (checked against its hash once more: the file may
        have changed since it was opened)."""
        data = self._read(PHOTOS + digest)
        if sha256_hex(data) != digest:
            raise PackageError(f"{self.path.name}: picture {digest[:12]}… no longer matches "
                               "its SHA-256; the file changed while it was read")
        return data

    def thumb(self, digest: str) -> bytes | None:
        """The sender's thumbnail of an original, if the package carries one."""
        name = THUMBS + digest
        return self._read(name) if name in self._names else None

    def _read(self, name: str) -> bytes:
        try:
            return self._archive.read(name)
        except _ZIP_FAULTS as error:
            raise PackageError(f"{self.path.name}: entry {name} cannot be read ({error}); "
                               "the package is damaged") from None

    def close(self) -> None:
        self._archive.close()

    def __enter__(self) -> PackageReader:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def open_package(path: str | Path, limits: PackageLimits | None = None) -> PackageReader:
    """Open a package and check all of it (see the module's description); PackageError
    names what is wrong. Close the reader (or use it in a `with` block) when done."""
    source = Path(path)
    limits = limits or PackageLimits()
    archive = _open_zip(source)
    try:
        entries = _checked_entries(source, archive, limits)
        manifest = _checked_manifest(source, archive, entries)
        _check_pictures(source, archive, manifest, entries)
    except BaseException:
        archive.close()
        raise
    return PackageReader(source, archive, manifest)


def _open_zip(source: Path) -> zipfile.ZipFile:
    if not source.is_file():
        raise PackageError(f"there is no package file {source}")
    try:
        return zipfile.ZipFile(source)
    except (*_ZIP_FAULTS, ValueError) as error:
        raise PackageError(f"{source.name} is not a complete case package (truncated, or not "
                           f"a zip file: {error})") from None


def _checked_entries(source: Path, archive: zipfile.ZipFile,
                     limits: PackageLimits) -> dict[str, zipfile.ZipInfo]:
    infos = archive.infolist()
    if len(infos) > limits.max_entries:
        raise PackageError(f"{source.name} holds {len(infos):,} entries; a package holds at "
                           f"most {limits.max_entries:,}")
    entries: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in infos:
        _check_entry(source, info, limits)
        if info.filename in entries:
            raise PackageError(f"{source.name}: entry {info.filename!r} appears twice")
        entries[info.filename] = info
        total += info.file_size
        if total > limits.max_total_bytes:
            raise PackageError(f"{source.name} would unpack to more than "
                               f"{limits.max_total_bytes:,} bytes; refused")
    return entries


def _check_entry(source: Path, info: zipfile.ZipInfo, limits: PackageLimits) -> None:
    name = info.filename
    where = f"{source.name}: entry {name[:200]!r}"
    if name.startswith(("/", "\\")) or _DRIVE.match(name):
        raise PackageError(f"{where} has an absolute path; refused")
    if ".." in re.split(r"[/\\]", name):
        raise PackageError(f"{where} leads out of the package's folder ('..'); refused")
    if stat.S_ISLNK(info.external_attr >> 16):
        raise PackageError(f"{where} is a symbolic link; packages hold no links")
    if info.is_dir() or not (name in (MANIFEST, MANIFEST_HASH) or _ENTRY.match(name)):
        raise PackageError(f"{where} is not part of a case package")
    if info.flag_bits & 0x41:  # encrypted, or strongly encrypted
        raise PackageError(f"{where} is encrypted; packages are never encrypted")
    most = limits.max_manifest_bytes if name == MANIFEST else limits.max_entry_bytes
    if info.file_size > most:
        raise PackageError(f"{where} is {info.file_size:,} bytes; at most {most:,} are "
                           "accepted")
    if (info.file_size > limits.ratio_from_bytes
            and info.file_size > max(info.compress_size, 1) * limits.max_ratio):
        raise PackageError(f"{where} would expand {info.file_size // max(info.compress_size, 1):,}"
                           f" times (at most {limits.max_ratio}): a compression bomb; refused")


def _checked_manifest(source: Path, archive: zipfile.ZipFile,
                      entries: dict[str, zipfile.ZipInfo]) -> dict[str, Any]:
    for needed in (MANIFEST, MANIFEST_HASH):
        if needed not in entries:
            raise PackageError(f"{source.name} has no {needed}; it is not a case package")
    body = _read_entry(source, archive, MANIFEST)
    written = _read_entry(source, archive, MANIFEST_HASH).decode("ascii", "replace").strip()
    if sha256_hex(body) != written:
        raise PackageError(f"{source.name}: the manifest does not match its SHA-256 "
                           "(altered or damaged); refused")
    try:
        manifest = strict_json(body)
    except (ValueError, UnicodeDecodeError) as error:
        raise PackageError(f"{source.name}: the manifest is not JSON ({error})") from None
    check_manifest(manifest, source.name)
    return manifest


# A \uD800-\uDFFF escape: JSON text may carry half of a surrogate pair, which is no character.
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def strict_json(body: bytes) -> Any:
    """JSON as hashes are computed over it: ValueError (with what is wrong) for NaN or
    Infinity, which JSON does not allow, for text holding half of a surrogate pair (as an
    escape or as bytes), which no hash or store can take, and for nesting too deep to read;
    UnicodeDecodeError (a ValueError) for bytes that are not text."""
    try:
        # Decoded strictly: json.loads would let UTF-8 bytes of a surrogate through.
        value = json.loads(body.decode(json.detect_encoding(body)),
                           parse_constant=_not_a_number)
    except RecursionError:
        raise ValueError("it nests lists or objects too deeply") from None
    if _SURROGATE_ESCAPE.search(body):  # rare: pairs written as escapes are fine
        try:
            canonical_json(value)
        except UnicodeEncodeError:
            raise ValueError("it holds text with half of a surrogate pair (an escape "
                             "\\uD800 to \\uDFFF alone), which is not a character") from None
    return value


def _not_a_number(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def _read_entry(source: Path, archive: zipfile.ZipFile, name: str) -> bytes:
    try:
        return archive.read(name)
    except _ZIP_FAULTS as error:
        raise PackageError(f"{source.name}: entry {name} cannot be read ({error}); the "
                           "package is truncated or damaged") from None


def check_manifest(manifest: Any, where: str) -> None:
    """Refuse a manifest that lacks a field, has one of the wrong type, or comes from a newer
    package format (the schema revision is the services' to judge)."""
    _check_fields(manifest, MANIFEST_FIELDS, f"{where}: the manifest")
    if manifest["format"] != FORMAT:
        raise PackageError(f"{where}: the manifest is not a case package's "
                           f"(format {manifest['format'][:60]!r})")
    if manifest["format_version"] > FORMAT_VERSION:
        raise PackageError(f"{where} is in package format {manifest['format_version']}, newer "
                           f"than this version reads ({FORMAT_VERSION}); install the newer "
                           "version to import it")
    _check_uuid(manifest["package_id"], f"{where}: package_id")
    _check_uuid(manifest["store_id"], f"{where}: store_id")
    head = manifest.get("audit_head", "")  # the sender's audit chain head (optional)
    if not isinstance(head, str) or (head and not _AUDIT_HEAD.match(head)):
        raise PackageError(f"{where}: the manifest's audit_head is not NUMBER:SHA-256")
    for n, record in enumerate(manifest["records"], start=1):
        label = f"{where}: record {n}"
        _check_fields(record, RECORD_FIELDS, label)
        _check_uuid(record["id"], f"{label} ({record['kind'][:20]}): id")
        _check_hash(record["sha256"], f"{label}: sha256")
    for n, original in enumerate(manifest["originals"], start=1):
        _check_fields(original, ORIGINAL_FIELDS, f"{where}: picture {n}")
        _check_hash(original["sha256"], f"{where}: picture {n}: sha256")
        if original["thumb_sha256"]:
            _check_hash(original["thumb_sha256"], f"{where}: picture {n}: thumb_sha256")


def _check_fields(value: Any, fields: dict[str, type], label: str) -> None:
    if not isinstance(value, dict):
        raise PackageError(f"{label} is not a JSON object")
    for name, expected in fields.items():
        if name not in value:
            raise PackageError(f"{label} lacks the field {name!r}")
        found = value[name]
        if not isinstance(found, expected) or (expected is int and isinstance(found, bool)):
            raise PackageError(f"{label}: {name!r} is not {_TYPE_NAMES[expected]}")


_TYPE_NAMES = {str: "text", int: "a whole number", list: "a list", dict: "an object"}


def _check_uuid(value: str, label: str) -> None:
    try:
        UUID(value)
    except ValueError:
        raise PackageError(f"{label} is not an id ({value[:60]!r})") from None


def _check_hash(value: str, label: str) -> None:
    if not _HEX64.match(value):
        raise PackageError(f"{label} is not a SHA-256 (64 hexadecimal digits)")


def _check_pictures(source: Path, archive: zipfile.ZipFile, manifest: dict[str, Any],
                    entries: dict[str, zipfile.ZipInfo]) -> None:
    listed: set[str] = set()
    for original in manifest["originals"]:
        digest = original["sha256"]
        listed.add(PHOTOS + digest)
        if PHOTOS + digest not in entries:
            raise PackageError(f"{source.name}: picture {digest[:12]}… is listed in the "
                               "manifest but missing from the package")
        _check_stream(source, archive, entries[PHOTOS + digest], digest, original["byte_size"])
        thumb = original["thumb_sha256"]
        if thumb and THUMBS + digest in entries:
            listed.add(THUMBS + digest)
            _check_stream(source, archive, entries[THUMBS + digest], thumb, None)
    unlisted = sorted(set(entries) - listed - {MANIFEST, MANIFEST_HASH})
    if unlisted:
        raise PackageError(f"{source.name}: entry {unlisted[0]!r} is not in the manifest")


def _check_stream(source: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo, digest: str,
                  size: int | None) -> None:
    """Hash an entry as it is unpacked, never holding it whole."""
    hasher = hashlib.sha256()
    length = 0
    try:
        with archive.open(info) as stream:
            for chunk in _chunks(stream):
                hasher.update(chunk)
                length += len(chunk)
    except _ZIP_FAULTS as error:
        raise PackageError(f"{source.name}: entry {info.filename} cannot be read ({error}); "
                           "the package is truncated or damaged") from None
    if hasher.hexdigest() != digest or (size is not None and length != size):
        raise PackageError(f"{source.name}: entry {info.filename} does not match its SHA-256 "
                           "(altered or damaged); refused")


def _chunks(stream: IO[bytes]) -> Iterator[bytes]:
    return iter(lambda: stream.read(_CHUNK), b"")


def read_receipt(path: str | Path, max_bytes: int = 512 * 1024 * 1024) -> dict[str, Any]:
    """A receipt file, checked: JSON, its fields, and its own SHA-256."""
    source = Path(path)
    try:
        if source.stat().st_size > max_bytes:
            raise PackageError(f"{source.name} is larger than any receipt ({max_bytes:,} "
                               "bytes at most)")
        receipt = strict_json(source.read_bytes())
    except OSError as error:
        raise PackageError(f"cannot read the receipt {source}: "
                           f"{error.strerror or error}") from None
    except (ValueError, UnicodeDecodeError) as error:
        raise PackageError(f"{source.name} is not a receipt (not JSON: {error})") from None
    check_receipt(receipt, source.name)
    return receipt


def check_receipt(receipt: Any, where: str) -> None:
    """Refuse a receipt that lacks a field, is newer than this version reads, or does not
    match its own SHA-256 (altered)."""
    _check_fields(receipt, RECEIPT_FIELDS, f"{where}: the receipt")
    if receipt["format"] != RECEIPT_FORMAT or receipt["format_version"] > FORMAT_VERSION:
        raise PackageError(f"{where} is not a package receipt this version reads")
    if seal_receipt(receipt)["sha256"] != receipt["sha256"]:
        raise PackageError(f"{where}: the receipt does not match its SHA-256 (altered or "
                           "damaged); refused")
    for n, record in enumerate(receipt["records"], start=1):
        _check_fields(record, RECEIPT_RECORD_FIELDS, f"{where}: record {n}")
    _check_uuid(receipt["package_id"], f"{where}: package_id")
    _check_uuid(receipt["store_id"], f"{where}: store_id")


def default_receipt_path(package: str | Path) -> Path:
    """Where the receipt of a package goes unless told: beside it, named after it."""
    source = Path(package)
    return source.with_name(f"{source.stem}.receipt.json")

