"""Rows to plain data objects, and values to JSON for the audit trail."""

from __future__ import annotations

import base64
import json
from dataclasses import fields
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from typing import Any
from uuid import UUID

from forensics_gui.core import records

DTO_OF_KIND = records.DTO_OF_KIND


@cache
def _plan(kind: str) -> tuple[type[Any], tuple[tuple[str, bool], ...], bool]:
    """(data class, (field, blank-when-None) for each stored value, whether it cites sources);
    worked out once per kind because listings convert many rows."""
    dto_type = DTO_OF_KIND[kind]
    names = tuple((f.name, f.default == "") for f in fields(dto_type) if f.name != "source_ids")
    return dto_type, names, any(f.name == "source_ids" for f in fields(dto_type))


def to_dto(kind: str, row: Any, source_ids: tuple[UUID, ...] = ()) -> Any:
    """The frozen data object for an ORM row (lists become tuples; derived names never None)."""
    dto_type, names, cites = _plan(kind)
    values: dict[str, Any] = {"source_ids": source_ids} if cites else {}
    for name, blank in names:
        value = getattr(row, name)
        if value is None:
            values[name] = "" if blank else None
        else:
            values[name] = tuple(value) if isinstance(value, list) else value
    return dto_type(**values)


def json_value(value: Any) -> Any:
    """A JSON-safe form of a column value, for audit records and cursors."""
    if isinstance(value, UUID | Decimal):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [json_value(v) for v in value]
    return value


def encode_cursor(values: list[Any]) -> str:
    """An opaque continuation token for keyset paging."""
    raw = json.dumps([json_value(v) for v in values]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(token: str) -> list[Any]:
    """The values inside a continuation token."""
    padded = token + "=" * (-len(token) % 4)
    return list(json.loads(base64.urlsafe_b64decode(padded.encode())))
