"""The store's side of field exchange: its identity, the log of packages sent and received,
which record versions were delivered, what was last received from each sender, conflicts,
and writing received records with their own ids, versions and makers.

Everything runs inside a unit of work (one transaction): a package is taken in whole or not
at all. Rows go in and out as plain dicts; the services make data objects of them.
"""

from __future__ import annotations

import socket
import uuid
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from sqlalchemy import delete, exists, func, literal, select, update

from forensics_gui.core.errors import IntegrityRuleError
from forensics_gui.storage import audit_chain, search_index
from forensics_gui.storage import models as m
from forensics_gui.storage.bulk_stage import insert_many
from forensics_gui.storage.repository import UnitOfWork, _custody_dto, _insert_params

_CHUNK = 500
_IDENTITY = m.StoreIdentityRow


# ------------------------------------------------------------------------------ identity
def identity(uow: UnitOfWork) -> tuple[UUID, str]:
    """(store id, device name); made now when the store has none (a store emptied by hand)."""
    row = uow.session.get(_IDENTITY, 1)
    if row is None:
        row = _IDENTITY(singleton=1, store_id=uuid.uuid4(), device_name=default_device(),
                        changed_at=datetime.now(UTC))
        uow.session.add(row)
        uow.session.flush()
    return row.store_id, row.device_name


def default_device() -> str:
    """The host's name, as people usually call the laptop."""
    return (socket.gethostname() or "unnamed device")[:200]


def set_identity(uow: UnitOfWork, device_name: str | None, new_store_id: bool) -> None:
    """Rename the device and, for a copied store file, give the store a new id."""
    identity(uow)
    values: dict[str, Any] = {"changed_at": datetime.now(UTC)}
    if device_name is not None:
        values["device_name"] = device_name
    if new_store_id:
        values["store_id"] = uuid.uuid4()
    uow.session.execute(update(_IDENTITY).where(_IDENTITY.singleton == 1).values(**values))
    uow.session.expire_all()


# ------------------------------------------------------------------------- choosing records
def _table(kind: str) -> Any:
    return m.CustodyEventRow if kind == "custody" else m.MODEL_OF_KIND[kind]


def undelivered_ids(uow: UnitOfWork, kind: str, excluded_seed: bool = True) -> list[UUID]:
    """Ids of the records of `kind` whose current version no receipt has confirmed. Records
    seeded by the schema and never changed (handling markings, company names, hubs: every
    store has them) are left out."""
    model = _table(kind)
    version = literal(1) if kind == "custody" else model.version
    delivered = exists().where(m.ExchangeDeliveredRow.kind == kind,
                               m.ExchangeDeliveredRow.record_id == model.id,
                               m.ExchangeDeliveredRow.version == version)
    query = select(model.id).where(~delivered)
    if excluded_seed and kind != "custody":
        query = query.where(~((model.created_by == "schema") & (model.version == 1)))
    return list(uow.session.scalars(query.order_by(model.id)))


def all_ids(uow: UnitOfWork, kind: str) -> list[UUID]:
    """Every id of a kind (withdrawn records included)."""
    model = _table(kind)
    return list(uow.session.scalars(select(model.id).order_by(model.id)))


def ids_where(uow: UnitOfWork, kind: str, column: str, values: Iterable[Any]) -> list[UUID]:
    """Ids of the records of `kind` whose `column` is one of `values`."""
    model = _table(kind)
    wanted = [v for v in set(values) if v is not None]
    found: list[UUID] = []
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start:start + _CHUNK]
        found += uow.session.scalars(select(model.id).where(getattr(model, column).in_(chunk)))
    return found


def custody_events(uow: UnitOfWork, ids: Sequence[UUID]) -> list[Any]:
    """Custody events by id, as data objects."""
    rows: list[Any] = []
    for start in range(0, len(ids), _CHUNK):
        chunk = list(ids[start:start + _CHUNK])
        rows += uow.session.scalars(select(m.CustodyEventRow)
                                    .where(m.CustodyEventRow.id.in_(chunk)))
    return [_custody_dto(r) for r in rows]


def versions(uow: UnitOfWork, kind: str, ids: Iterable[UUID]) -> dict[UUID, int]:
    """{id: current version} of the records that exist among `ids`."""
    model = _table(kind)
    column = literal(1) if kind == "custody" else model.version
    wanted = list(set(ids))
    found: dict[UUID, int] = {}
    for start in range(0, len(wanted), _CHUNK):
        found.update(uow.session.execute(select(model.id, column).where(
            model.id.in_(wanted[start:start + _CHUNK]))).all())
    return found


def undelivered_counts(uow: UnitOfWork, kinds: Iterable[str]) -> dict[str, int]:
    """How many records of each kind are not delivered (kinds with none left out)."""
    counts = {kind: len(undelivered_ids(uow, kind)) for kind in kinds}
    return {kind: n for kind, n in counts.items() if n}


# ------------------------------------------------------------------------------ packages
def log_package(uow: UnitOfWork, values: dict[str, Any],
                sent: Sequence[tuple[str, UUID, int, str]] = ()) -> None:
    """Note a package sent or received; a sent one with the record versions it carried."""
    uow.session.add(m.ExchangePackageRow(recorded_at=datetime.now(UTC), recorded_by=uow.actor,
                                         **values))
    uow.session.flush()
    rows = [{"package_id": values["id"], "kind": k, "record_id": i, "version": v, "sha256": h}
            for k, i, v, h in sent]
    _insert(uow, m.ExchangeSentRecordRow.__table__, rows)


def package(uow: UnitOfWork, package_id: UUID) -> dict[str, Any] | None:
    """A logged package's columns, or None."""
    row = uow.session.get(m.ExchangePackageRow, package_id)
    return None if row is None else _columns(row)


def packages(uow: UnitOfWork, direction: str, limit: int = 200) -> list[dict[str, Any]]:
    """The newest packages sent or received."""
    row = m.ExchangePackageRow
    query = (select(row).where(row.direction == direction)
             .order_by(row.recorded_at.desc(), row.id).limit(limit))
    return [_columns(r) for r in uow.session.scalars(query)]


def package_counts(uow: UnitOfWork) -> dict[str, int]:
    """{'sent': n, 'received': n, 'awaiting receipt': n}."""
    row = m.ExchangePackageRow
    counts = dict(uow.session.execute(select(row.direction, func.count()).group_by(row.direction))
                  .all())
    waiting = uow.session.execute(select(func.count()).where(
        row.direction == "sent", row.receipt_at.is_(None))).scalar_one()
    return {"sent": counts.get("sent", 0), "received": counts.get("received", 0),
            "awaiting receipt": int(waiting)}


def sent_records(uow: UnitOfWork, package_id: UUID) -> dict[tuple[str, UUID], tuple[int, str]]:
    """{(kind, id): (version, sha256)} of what a sent package carried."""
    row = m.ExchangeSentRecordRow
    query = select(row.kind, row.record_id, row.version, row.sha256).where(
        row.package_id == package_id)
    return {(k, i): (v, h) for k, i, v, h in uow.session.execute(query)}


def note_receipt(uow: UnitOfWork, package_id: UUID, receiver: UUID, receipt: dict[str, Any],
                 outcomes: dict[str, int]) -> None:
    """Keep a sent package's receipt and when it came back."""
    uow.session.execute(update(m.ExchangePackageRow).where(m.ExchangePackageRow.id == package_id)
                        .values(receipt=receipt, receipt_at=datetime.now(UTC),
                                peer_store_id=receiver, outcomes=outcomes,
                                peer_device=str(receipt.get("device_name", ""))[:200]))


def mark_delivered(uow: UnitOfWork, package_id: UUID,
                   delivered: Sequence[tuple[str, UUID, int, str]]) -> int:
    """Note record versions a receipt confirmed (an older version than one already noted
    does not replace it); returns how many were noted."""
    table = m.ExchangeDeliveredRow.__table__
    known = _delivered_versions(uow, [(k, i) for k, i, _v, _h in delivered])
    newer = [(k, i, v, h) for k, i, v, h in delivered if known.get((k, i), 0) < v]
    for kind in {k for k, *_ in newer}:
        ids = [i for k, i, *_ in newer if k == kind]
        for start in range(0, len(ids), _CHUNK):
            uow.session.execute(delete(table).where(table.c.kind == kind, table.c.record_id.in_(
                ids[start:start + _CHUNK])))
    now = datetime.now(UTC)
    _insert(uow, table, [{"kind": k, "record_id": i, "version": v, "sha256": h,
                          "package_id": package_id, "delivered_at": now}
                         for k, i, v, h in newer])
    return len(newer)


def _delivered_versions(uow: UnitOfWork, keys: list[tuple[str, UUID]]) -> dict[Any, int]:
    row = m.ExchangeDeliveredRow
    found: dict[Any, int] = {}
    for kind in {k for k, _ in keys}:
        ids = [i for k, i in keys if k == kind]
        for start in range(0, len(ids), _CHUNK):
            query = select(row.record_id, row.version).where(
                row.kind == kind, row.record_id.in_(ids[start:start + _CHUNK]))
            found.update(((kind, i), v) for i, v in uow.session.execute(query))
    return found


# ------------------------------------------------------------------------------ received
def received_states(uow: UnitOfWork, sender: UUID) -> dict[tuple[str, UUID], dict[str, Any]]:
    """What was last received of each record of a sender: {(kind, sender's id): columns}."""
    row = m.ExchangeReceivedRow
    query = select(row).where(row.sender_store_id == sender)
    return {(r.kind, r.record_id): _columns(r) for r in uow.session.scalars(query)}


def put_received(uow: UnitOfWork, sender: UUID, states: Sequence[dict[str, Any]]) -> None:
    """Replace what was last received of these records of a sender."""
    table = m.ExchangeReceivedRow.__table__
    for kind in {s["kind"] for s in states}:
        ids = [s["record_id"] for s in states if s["kind"] == kind]
        for start in range(0, len(ids), _CHUNK):
            uow.session.execute(delete(table).where(
                table.c.sender_store_id == sender, table.c.kind == kind,
                table.c.record_id.in_(ids[start:start + _CHUNK])))
    now = datetime.now(UTC)
    _insert(uow, table, [{"sender_store_id": sender, "received_at": now, **s} for s in states])


def received_for_local(uow: UnitOfWork, kind: str, local_id: UUID) -> list[dict[str, Any]]:
    """What was received, from any sender, of this store's record."""
    row = m.ExchangeReceivedRow
    query = select(row).where(row.kind == kind, row.local_id == local_id)
    return [_columns(r) for r in uow.session.scalars(query)]


def set_local_hash(uow: UnitOfWork, sender: UUID, kind: str, their_id: UUID,
                   local_sha256: str) -> None:
    """Note the store's content after a conflict was resolved (the next merge's ancestor)."""
    row = m.ExchangeReceivedRow
    uow.session.execute(update(row).where(row.sender_store_id == sender, row.kind == kind,
                                          row.record_id == their_id)
                        .values(local_sha256=local_sha256))


# ------------------------------------------------------------------------------ conflicts
def add_conflict(uow: UnitOfWork, values: dict[str, Any]) -> UUID:
    """Keep a sender's version beside the store's; an open conflict of the same record from
    the same sender is superseded by it (kept, closed)."""
    row = m.ExchangeConflictRow
    uow.session.execute(update(row).where(
        row.kind == values["kind"], row.record_id == values["record_id"],
        row.sender_store_id == values["sender_store_id"], row.state == "open")
        .values(state="superseded"))
    conflict = row(id=uuid.uuid4(), received_at=datetime.now(UTC), received_by=uow.actor,
                   **values)
    uow.session.add(conflict)
    uow.session.flush()
    return conflict.id


def open_conflict(uow: UnitOfWork, kind: str, record_id: UUID, sender: UUID
                  ) -> dict[str, Any] | None:
    """The open conflict of a record from a sender, if there is one."""
    row = m.ExchangeConflictRow
    found = uow.session.scalars(select(row).where(
        row.kind == kind, row.record_id == record_id, row.sender_store_id == sender,
        row.state == "open")).first()
    return None if found is None else _columns(found)


def open_conflict_keys(uow: UnitOfWork, sender: UUID) -> set[tuple[str, UUID]]:
    """(kind, record id) of every conflict open with a sender."""
    row = m.ExchangeConflictRow
    query = select(row.kind, row.record_id).where(row.sender_store_id == sender,
                                                  row.state == "open")
    return {(kind, record_id) for kind, record_id in uow.session.execute(query)}


def conflicts(uow: UnitOfWork, state: str | None = "open", limit: int = 1000
              ) -> list[dict[str, Any]]:
    """Conflicts, newest first (all states when `state` is None)."""
    row = m.ExchangeConflictRow
    query = select(row).order_by(row.received_at.desc(), row.id).limit(limit)
    if state is not None:
        query = query.where(row.state == state)
    return [_columns(r) for r in uow.session.scalars(query)]


def conflict(uow: UnitOfWork, conflict_id: UUID) -> dict[str, Any] | None:
    row = uow.session.get(m.ExchangeConflictRow, conflict_id)
    return None if row is None else _columns(row)


def count_open_conflicts(uow: UnitOfWork) -> int:
    row = m.ExchangeConflictRow
    return int(uow.session.execute(select(func.count()).where(row.state == "open"))
               .scalar_one())


def close_conflict(uow: UnitOfWork, conflict_id: UUID, kept: str, reason: str) -> None:
    """Note who decided a conflict, when, which version was kept and why."""
    row = m.ExchangeConflictRow
    # Only an open conflict is decided: of two people deciding it at once, the second finds
    # it decided (PostgreSQL re-reads the row once the first commits) and changes nothing.
    done = uow.session.execute(update(row).where(row.id == conflict_id, row.state == "open")
                               .values(state="resolved", kept=kept, reason=reason,
                                       resolved_by=uow.actor, resolved_at=datetime.now(UTC)))
    if done.rowcount != 1:
        raise IntegrityRuleError(f"conflict {conflict_id} was decided by someone else "
                                 "meanwhile; nothing changed")


# ----------------------------------------------------------------------- writing records
def insert_received(uow: UnitOfWork, kind: str, rows: list[dict[str, Any]]) -> None:
    """Add records exactly as another store holds them: their ids, versions, makers and
    times (`rows` hold every column value, derived ones included, and `source_ids` where the
    kind cites sources). Search terms and citations follow; the caller writes the audit."""
    if not rows:
        return
    table = _table(kind).__table__
    citations = [(r["id"], r.pop("source_ids", ())) for r in rows]
    if kind == "finding":
        uow._bulk_finding_sort_keys(rows, None)
    dialect = uow.session.get_bind().dialect
    names, params = _insert_params(table, rows, {}, dialect)
    connection = uow.session.connection()
    insert_many(connection, table.name, names, params)
    if kind != "custody":
        search_index.insert_terms(connection, kind, search_index.term_params(
            dialect, kind, ((r["id"], r) for r in rows)))
        uow._bulk_citations(kind, citations)
    uow.touch(kind)


def audit_many(uow: UnitOfWork, action: str, kind: str,
               events: Sequence[tuple[UUID, dict[str, Any]]]) -> None:
    """One audit event per record, written at once (a package may bring thousands)."""
    now = datetime.now(UTC)
    audit_chain.append(uow.session.connection(), [
        {"id": uuid.uuid4(), "occurred_at": now, "actor": uow.actor, "action": action,
         "record_kind": kind, "record_id": record_id, "old_values": {}, "new_values": values}
        for record_id, values in events])
    for record_id, _values in events:
        uow.touch(kind, record_id)


def _insert(uow: UnitOfWork, table: Any, rows: list[dict[str, Any]]) -> None:
    if rows:
        names, params = _insert_params(table, rows, {}, uow.session.get_bind().dialect)
        insert_many(uow.session.connection(), table.name, names, params)


def _columns(row: Any) -> dict[str, Any]:
    return {c.key: getattr(row, c.key) for c in row.__mapper__.column_attrs}
