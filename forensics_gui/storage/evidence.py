"""Evidence is kept: recovered items, findings and photos are withdrawn with a reason, never
deleted by ordinary use; only an administrator's purge erases them, and the audit trail keeps
a full copy of what it erased. The database refuses any other delete of those rows (see
migration 0006), so these rules hold for every caller.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from sqlalchemy import delete, or_, select

from forensics_gui.core.errors import IntegrityRuleError, ValidationError
from forensics_gui.core.fields import WITHDRAWABLE
from forensics_gui.core.fields import kind as kind_spec
from forensics_gui.core.ids import new_id
from forensics_gui.storage import models as m
from forensics_gui.storage import search_index
from forensics_gui.storage.convert import json_value
from forensics_gui.storage.repository import UnitOfWork, title_of

# What a withdrawal takes with it: (kind, model, column naming the withdrawn record).
_WITHDRAWN_WITH: dict[str, tuple[tuple[str, Any, str], ...]] = {
    "item": (("finding", m.ComponentFindingRow, "item_id"), ("photo", m.PhotoRow, "item_id")),
    "finding": (("photo", m.PhotoRow, "finding_id"),),
    "photo": (),
}


def withdraw(uow: UnitOfWork, kind: str, record_id: UUID, expected_version: int | None,
             reason: str) -> Any:
    """Withdraw evidence with a reason: kept, and shown in its history, but hidden from
    listings and never edited again. An item takes its findings and photos with it, a
    finding its photos (each with its own audit event)."""
    label = kind_spec(kind).label
    if kind not in WITHDRAWABLE:
        raise IntegrityRuleError(f"{label}s are not withdrawn: edit or delete them")
    reason = _required_reason(reason, f"say why the {label} is withdrawn")
    row = uow.row(kind, record_id)
    uow.check_version(kind, row, expected_version)
    if row.withdrawn_at is not None:
        raise IntegrityRuleError(f"{label} {title_of(kind, row)} was withdrawn already, on "
                                 f"{row.withdrawn_at:%Y-%m-%d} by {row.withdrawn_by}")
    now = datetime.now(UTC)
    _withdraw_row(uow, kind, row, now, reason)
    for part_kind, model, column in _WITHDRAWN_WITH[kind]:
        for part in uow.session.scalars(select(model).where(
                getattr(model, column) == record_id, model.withdrawn_at.is_(None))):
            _withdraw_row(uow, part_kind, part, now,
                          f"withdrawn with {label} {title_of(kind, row)}: {reason}")
    return uow.get(kind, record_id)


def _withdraw_row(uow: UnitOfWork, kind: str, row: Any, now: datetime, reason: str) -> None:
    row.withdrawn_at, row.withdrawn_by, row.withdrawal_reason = now, uow.actor, reason
    row.updated_at, row.updated_by = now, uow.actor
    uow.flush_versioned(kind, row)
    search_index.forget_terms(uow.session, kind, row.id)
    uow.record_audit("withdraw", kind, row.id, {}, {"reason": reason})


def purge(uow: UnitOfWork, kind: str, record_id: UUID, reason: str) -> dict[str, int]:
    """Erase evidence for good, an administrator's decision given with a reason: the
    record, what depends on it, and originals no other photo shows. The audit trail keeps
    a full copy of every value erased (of a picture: its hash, size and type, not its
    bytes). Returns how many rows of each kind went."""
    label = kind_spec(kind).label
    if kind not in WITHDRAWABLE:
        raise IntegrityRuleError(f"only evidence is purged; delete {label}s instead")
    reason = _required_reason(reason, f"say why the {label} is purged")
    row = uow.row(kind, record_id)
    copy = _full_copy(uow, kind, record_id)
    permit = m.PurgePermitRow(id=new_id(), actor=uow.actor, reason=reason)
    uow.session.add(permit)
    uow.session.flush()
    uow.session.delete(row)
    uow.session.flush()
    originals = _erase_unshown_originals(uow, {p["sha256"] for p in copy["photos"]})
    uow.session.delete(permit)
    uow.session.flush()
    for part_kind in ("finding", "photo", "custody", "annotation", "link"):
        uow.touch(part_kind)
    uow.record_audit("purge", kind, record_id, copy, {"reason": reason,
                                                        "originals erased": originals})
    return {"findings": len(copy["findings"]), "photos": len(copy["photos"]),
            "custody events": len(copy["custody events"]), "originals": len(originals)}


def _full_copy(uow: UnitOfWork, kind: str, record_id: UUID) -> dict[str, Any]:
    """Every stored value of a record and of what a purge of it erases or unlinks."""
    F, P, C = m.ComponentFindingRow, m.PhotoRow, m.CustodyEventRow
    owner = {"item": "item_id", "finding": "finding_id", "photo": "id"}[kind]
    findings = (list(uow.session.scalars(select(F).where(F.item_id == record_id)))
                if kind == "item" else [])
    finding_ids = [f.id for f in findings] + ([record_id] if kind == "finding" else [])
    photos = list(uow.session.scalars(select(P).where(getattr(P, owner) == record_id)))
    photos += [p for p in uow.session.scalars(select(P).where(P.finding_id.in_(
        [f.id for f in findings]))) if p.id not in {x.id for x in photos}]
    A, L = m.PhotoAnnotationRow, m.SupplyLinkRow
    return {
        "record": _row_values(uow.row(kind, record_id)),
        "findings": [_row_values(f) for f in findings],
        "photos": [_row_values(p) for p in photos],
        "annotations": [_row_values(a) for a in uow.session.scalars(select(A).where(
            or_(A.photo_id.in_([p.id for p in photos]), A.finding_id.in_(finding_ids))))],
        "custody events": ([_row_values(c) for c in uow.session.scalars(
            select(C).where(C.item_id == record_id))] if kind == "item" else []),
        "supply links unlinked": [str(i) for i in uow.session.scalars(
            select(L.id).where(L.finding_id.in_(finding_ids)))],
    }


def _erase_unshown_originals(uow: UnitOfWork, hashes: set[str]) -> list[str]:
    shown = set(uow.session.scalars(select(m.PhotoRow.sha256).where(
        m.PhotoRow.sha256.in_(hashes))))
    erased = sorted(hashes - shown)
    if erased:
        uow.session.execute(delete(m.PhotoBlobRow).where(m.PhotoBlobRow.sha256.in_(erased)))
    return erased


def _row_values(row: Any) -> dict[str, Any]:
    """Every column of a row as JSON-safe values (for a purge's copy in the audit trail)."""
    return {c.key: json_value(getattr(row, c.key)) for c in row.__mapper__.column_attrs
            if c.key not in ("data",)}


def _required_reason(reason: str, what: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("reason", f"is required: {what}")
    if len(reason) > 2_000:
        raise ValidationError("reason", f"is {len(reason)} characters long; at most 2,000")
    return reason
