"""What a record carries in a case package, and how a package's record is read back.

A record travels as its values (the fields people write, the facts read from a photo's file,
its withdrawal), who made it and when, its version and a content hash. Values derived from
others (search keys, CHPL tier, production period, sort keys) do not travel: the receiving
store derives them itself, with the same rules as for a record typed there, so they cannot
disagree with what they derive from. The content hash covers the values and the maker, not
the version nor the last change's author, which differ between stores holding the same
content.

Every received value is checked as if typed (`core.fields.parse_values`): a package is no
way around the store's rules.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

from forensics_gui.core.errors import ValidationError
from forensics_gui.core.fields import (
    CUSTODY_FIELDS,
    KINDS,
    WITHDRAWABLE,
    parse_uuid,
    parse_value,
    parse_values,
)
from forensics_gui.core.fields import kind as kind_spec
from forensics_gui.formats.package import PackageError, content_hash

# In the order a receiving store adds them: every record after those it refers to.
EXCHANGED_KINDS = ("marking", "system", "source", "org", "alias", "hub", "rule", "module",
                   "designation", "item", "custody", "part", "finding", "link", "photo",
                   "annotation")
PHOTO_FACTS = ("orientation", "camera_make", "camera_model", "lens", "gps_latitude",
               "gps_longitude", "gps_altitude", "exif")
WITHDRAWAL = ("withdrawn_at", "withdrawn_by", "withdrawal_reason")
CUSTODY_VALUES = ("item_id", "action", "corrects_id", "reason", *(f.name for f in CUSTODY_FIELDS))
CUSTODY_ACTIONS = ("transfer", "correction", "withdrawal")
_CUSTODY_SPECS = {f.name: f for f in CUSTODY_FIELDS}


def value_names(kind: str) -> tuple[str, ...]:
    """The values a record of `kind` carries."""
    if kind == "custody":
        return CUSTODY_VALUES
    names = tuple(f.name for f in KINDS[kind].fields)
    if kind == "photo":
        names += PHOTO_FACTS
    return names + (WITHDRAWAL if kind in WITHDRAWABLE else ())


def references(kind: str) -> dict[str, str]:
    """{field: kind it names by id} for the record's references (handling markings are named
    by their name, which is the same in every store)."""
    if kind == "custody":
        return {"item_id": "item", "corrects_id": "custody"}
    return {f.name: f.ref for f in KINDS[kind].fields
            if f.type in ("ref", "refs") and f.ref != "marking"}


def plain(value: Any) -> Any:
    """A value as JSON holds it (the same text on every store and database)."""
    if isinstance(value, UUID):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    return value


def values_of(kind: str, record: Any) -> dict[str, Any]:
    """The values a record carries, as JSON holds them."""
    return {name: plain(getattr(record, name)) for name in value_names(kind)}


def entry_of(kind: str, record: Any) -> dict[str, Any]:
    """A record as a package's manifest lists it."""
    values = values_of(kind, record)
    created_at, created_by = plain(record.created_at), record.created_by
    return {"kind": kind, "id": str(record.id), "version": getattr(record, "version", 1),
            "sha256": content_hash(values, created_at, created_by), "created_at": created_at,
            "created_by": created_by,
            "updated_at": plain(getattr(record, "updated_at", record.created_at)),
            "updated_by": getattr(record, "updated_by", record.created_by), "values": values}


def hash_of(kind: str, record: Any) -> str:
    """The content hash of a record as this store holds it."""
    return content_hash(values_of(kind, record), plain(record.created_at), record.created_by)


def seeded(record: Any) -> bool:
    """Made by the schema in every store and never changed: not worth sending."""
    return record.created_by == "schema" and getattr(record, "version", 1) == 1


@dataclass
class Incoming:
    """A package's record, checked: its values as written (`raw`, for hashes) and as the
    store takes them (`typed`)."""

    kind: str
    id: UUID
    version: int
    sha256: str
    raw: dict[str, Any]
    typed: dict[str, Any]
    meta: dict[str, Any]
    entry: dict[str, Any] = field(repr=False)

    def label(self) -> str:
        return f"{kind_spec(self.kind).label if self.kind != 'custody' else 'custody event'} " \
               f"{self.id}"


def incoming(entry: dict[str, Any], where: str) -> Incoming:
    """Check one record of a manifest (already known to have its fields) as a store checks
    what people type; PackageError names the record, the field and the reason."""
    kind = entry["kind"]
    label = f"{where}: {kind[:20]} {entry['id']}"
    if kind not in EXCHANGED_KINDS:
        raise PackageError(f"{label}: records of kind {kind[:20]!r} are not exchanged")
    raw = entry["values"]
    unknown = sorted(set(raw) - set(value_names(kind)))
    if unknown:
        raise PackageError(f"{label}: {unknown[0][:40]!r} is not a value of this kind")
    if content_hash(raw, entry["created_at"], entry["created_by"]) != entry["sha256"]:
        raise PackageError(f"{label}: its values do not match its SHA-256 (altered); refused")
    if entry["version"] < 1:
        raise PackageError(f"{label}: version {entry['version']} is not a version")
    try:
        typed = _typed(kind, raw)
        meta = {"created_at": _moment("created_at", entry["created_at"]),
                "created_by": _name("created_by", entry["created_by"]),
                "updated_at": _moment("updated_at", entry["updated_at"]),
                "updated_by": _name("updated_by", entry["updated_by"])}
    except ValidationError as error:
        raise PackageError(f"{label}: {error}") from None
    return Incoming(kind, UUID(entry["id"]), entry["version"], entry["sha256"], raw, typed,
                    meta, entry)


def _typed(kind: str, raw: dict[str, Any]) -> dict[str, Any]:
    if kind == "custody":
        return _custody(raw)
    spec = KINDS[kind]
    names = {f.name for f in spec.fields}
    typed = parse_values(spec, {k: v for k, v in raw.items() if k in names}, partial=False)
    for name in references(kind):
        if name in typed:
            typed[name] = _ids(name, typed[name])
    if kind == "photo":
        typed |= _photo_facts(raw)
    if kind in WITHDRAWABLE:
        typed |= _withdrawal(raw)
    return typed


def _ids(name: str, value: Any) -> Any:
    if value is None or value == "":
        return None
    if isinstance(value, list | tuple):
        return tuple(parse_uuid(name, v) for v in value)
    return parse_uuid(name, value)


def _custody(raw: dict[str, Any]) -> dict[str, Any]:
    typed = {name: parse_value(_CUSTODY_SPECS[name], raw[name])
             for name in _CUSTODY_SPECS if name in raw}
    for name in ("released_by", "received_by"):
        if not typed.get(name):
            raise ValidationError(name, "is required")
    if typed.get("occurred_at") is None:
        raise ValidationError("occurred_at", "is required")
    action = raw.get("action", "transfer")
    if action not in CUSTODY_ACTIONS:
        raise ValidationError("action", f"{str(action)[:40]!r} is not one of: "
                                        f"{', '.join(CUSTODY_ACTIONS)}")
    corrects = _ids("corrects_id", raw.get("corrects_id"))
    if (action == "transfer") != (corrects is None):
        raise ValidationError("corrects_id", "names the event corrected, for corrections "
                                             "and withdrawals only")
    return {**typed, "item_id": parse_uuid("item_id", raw.get("item_id")), "action": action,
            "corrects_id": corrects, "reason": _text("reason", raw.get("reason", ""), 100_000)}


def _photo_facts(raw: dict[str, Any]) -> dict[str, Any]:
    facts: dict[str, Any] = {}
    orientation = raw.get("orientation", 1)
    if not isinstance(orientation, int) or isinstance(orientation, bool) \
            or not 1 <= orientation <= 8:
        raise ValidationError("orientation", "must be a whole number from 1 to 8")
    facts["orientation"] = orientation
    for name in ("camera_make", "camera_model", "lens"):
        facts[name] = _text(name, raw.get(name, ""), 200)
    for name in ("gps_latitude", "gps_longitude", "gps_altitude"):
        value = raw.get(name)
        if value is not None and (not isinstance(value, int | float) or isinstance(value, bool)):
            raise ValidationError(name, "must be a number or empty")
        facts[name] = None if value is None else float(value)
    exif = raw.get("exif", {})
    if not isinstance(exif, dict):
        raise ValidationError("exif", "must be an object")
    return facts | {"exif": exif}


def _withdrawal(raw: dict[str, Any]) -> dict[str, Any]:
    when = raw.get("withdrawn_at")
    return {"withdrawn_at": None if when in (None, "") else _moment("withdrawn_at", when),
            "withdrawn_by": _text("withdrawn_by", raw.get("withdrawn_by", ""), 200),
            "withdrawal_reason": _text("withdrawal_reason", raw.get("withdrawal_reason", ""),
                                       100_000)}


def _text(name: str, value: Any, most: int) -> str:
    if not isinstance(value, str):
        raise ValidationError(name, "must be text")
    if len(value) > most:
        raise ValidationError(name, f"is longer than {most:,} characters")
    return value


def _name(name: str, value: Any) -> str:
    text = _text(name, value, 200)
    if not text.strip():
        raise ValidationError(name, "is required")
    return text


def _moment(name: str, value: Any) -> datetime:
    try:
        moment = datetime.fromisoformat(_text(name, value, 40))
    except ValueError:
        raise ValidationError(name, f"{str(value)[:40]!r} is not a date and time") from None
    if moment.tzinfo is None:
        raise ValidationError(name, "has no time zone")
    return moment


def mapped(kind: str, values: dict[str, Any], local: Callable[[str, Any], Any]) -> dict[str, Any]:
    """`values` with every reference replaced by `local(kind referred to, id)`; works on raw
    (text ids) and typed (UUID) values alike."""
    out = dict(values)
    for name, ref in references(kind).items():
        value = out.get(name)
        if isinstance(value, list | tuple):
            out[name] = type(value)(sorted(local(ref, v) for v in value))
        elif value not in (None, ""):
            out[name] = local(ref, value)
    return out


def referenced(kind: str, record: Any) -> Iterable[tuple[str, UUID]]:
    """(kind, id) of every record a stored record refers to by id."""
    for name, ref in references(kind).items():
        value = getattr(record, name, None)
        if isinstance(value, tuple | list):
            yield from ((ref, v) for v in value)
        elif value is not None:
            yield ref, value
