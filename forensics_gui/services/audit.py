"""The audit trail: who changed what, and when."""

from __future__ import annotations

from uuid import UUID

from forensics_gui.core import records
from forensics_gui.core.errors import ValidationError
from forensics_gui.services.records import resolve_one
from forensics_gui.storage.store import Store


def history(store: Store, kind: str | None = None, reference: str | UUID | None = None,
            limit: int = 200) -> list[records.AuditEvent]:
    """Audit events, newest first: of one record when `kind` and `reference` are given."""
    if not 1 <= limit <= 100_000:
        raise ValidationError("limit", "must be between 1 and 100000")
    with store.reading() as uow:
        record_id = resolve_one(uow, kind, reference) if kind and reference else None
        return uow.audit_events(kind, record_id, limit)
