"""The unit of work: every read and write of records, with the audit trail and conflict checks.

Services receive a UnitOfWork from `Store.reading()` or `Store.writing()` and never see the
SQLAlchemy session behind it. Everything returned is a plain frozen data object.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from functools import cache, partial
from typing import Any
from uuid import UUID

from sqlalchemy import (
    ColumnElement,
    Select,
    String,
    delete,
    false,
    func,
    insert,
    literal,
    or_,
    select,
    tuple_,
    update,
)
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from forensics_gui.core import records
from forensics_gui.core.changes import Changes
from forensics_gui.core.errors import (
    ConflictError,
    IntegrityRuleError,
    NotFoundError,
    ValidationError,
)
from forensics_gui.core.fields import FILTER_COLUMNS, FIXED_FIELDS, WITHDRAWABLE, WITHDRAWN_SHOWN
from forensics_gui.core.fields import kind as kind_spec
from forensics_gui.core.i18n import QT_TRANSLATE_NOOP
from forensics_gui.core.ids import new_id
from forensics_gui.core.search import term_fields
from forensics_gui.storage import audit_chain, search_index
from forensics_gui.storage import models as m
from forensics_gui.storage.blobs import BlobStore
from forensics_gui.storage.bulk_stage import insert_many, nothing, stage_rows
from forensics_gui.storage.convert import decode_cursor, encode_cursor, json_value, to_dto

FINDING_SORTS = {"part": "sort_part", "manufacturer": "sort_maker", "produced": "sort_produced"}
UNKNOWN = "~"  # sort key of findings whose part, maker or production date is not known
# Stand-ins for NULL in sort keys, below every real value; money is never negative. Whole
# numbers are 32-bit in the store and kept above -2**31 by validation (core.fields.INT_LIMIT);
# a wider stand-in would not fit PostgreSQL's INTEGER.
_SENTINELS: dict[type, Any] = {
    str: "", int: -(2**31), float: -1e308, date: date(1, 1, 1),
    datetime: datetime(1, 1, 1, tzinfo=UTC), Decimal: Decimal(-1), UUID: UUID(int=0),
}
_META = {"id", "version", "created_at", "created_by", "updated_at", "updated_by"}
# (label, model, column, effect) for what a deletion affects; effect is "blocks", "deletes"
# or "unlinks". The labels are marked for the desktop client's translation (its record editor
# shows them; core.i18n).
DEPENDENTS: dict[str, tuple[tuple[str, Any, str, str], ...]] = {
    "marking": ((QT_TRANSLATE_NOOP("RecordEditor", "recovered items"),
                 m.RecoveredItemRow, "handling_marking", "blocks"),),
    "system": ((QT_TRANSLATE_NOOP("RecordEditor", "recovered items"),
                m.RecoveredItemRow, "system_type_id", "blocks"),
               (QT_TRANSLATE_NOOP("RecordEditor", "template modules"),
                m.TemplateModuleRow, "system_type_id", "deletes")),
    "item": ((QT_TRANSLATE_NOOP("RecordEditor", "component findings"),
              m.ComponentFindingRow, "item_id", "deletes"),
             (QT_TRANSLATE_NOOP("RecordEditor", "custody events"),
              m.CustodyEventRow, "item_id", "deletes"),
             (QT_TRANSLATE_NOOP("RecordEditor", "photos"), m.PhotoRow, "item_id", "deletes")),
    "part": ((QT_TRANSLATE_NOOP("RecordEditor", "component findings"),
              m.ComponentFindingRow, "part_id", "blocks"),
             (QT_TRANSLATE_NOOP("RecordEditor", "supply links"),
              m.SupplyLinkRow, "part_id", "blocks")),
    "finding": ((QT_TRANSLATE_NOOP("RecordEditor", "supply links"),
                 m.SupplyLinkRow, "finding_id", "unlinks"),
                (QT_TRANSLATE_NOOP("RecordEditor", "photos"), m.PhotoRow, "finding_id", "deletes"),
                (QT_TRANSLATE_NOOP("RecordEditor", "photo annotations"),
                 m.PhotoAnnotationRow, "finding_id", "unlinks")),
    "org": ((QT_TRANSLATE_NOOP("RecordEditor", "parts"), m.PartRow, "manufacturer_id", "blocks"),
            (QT_TRANSLATE_NOOP("RecordEditor", "component findings"),
             m.ComponentFindingRow, "manufacturer_id", "blocks"),
            (QT_TRANSLATE_NOOP("RecordEditor", "supply links as seller"),
             m.SupplyLinkRow, "seller_id", "blocks"),
            (QT_TRANSLATE_NOOP("RecordEditor", "supply links as buyer"),
             m.SupplyLinkRow, "buyer_id", "blocks"),
            (QT_TRANSLATE_NOOP("RecordEditor", "sanctions designations"),
             m.SanctionsDesignationRow, "organization_id", "deletes"),
            (QT_TRANSLATE_NOOP("RecordEditor", "successor of organizations"),
             m.OrganizationRow, "successor_id", "unlinks"),
            (QT_TRANSLATE_NOOP("RecordEditor", "screening matches"),
             m.ScreeningMatchRow, "organization_id", "deletes")),
    "source": ((QT_TRANSLATE_NOOP("RecordEditor", "findings citing it"),
                m.finding_source, "source_id", "blocks"),
               (QT_TRANSLATE_NOOP("RecordEditor", "supply links citing it"),
                m.link_source, "source_id", "blocks"),
               (QT_TRANSLATE_NOOP("RecordEditor", "designations citing it"),
                m.SanctionsDesignationRow, "source_id", "blocks"),
               (QT_TRANSLATE_NOOP("RecordEditor", "sanctions lists citing it"),
                m.SanctionsListRow, "source_id", "blocks"),
               (QT_TRANSLATE_NOOP("RecordEditor", "identification rules citing it"),
                m.IdentificationRuleRow, "source_id",
                "blocks"),
               (QT_TRANSLATE_NOOP("RecordEditor", "template modules citing it"),
                m.TemplateModuleRow, "source_id", "blocks")),
    "designation": ((QT_TRANSLATE_NOOP("RecordEditor", "screening matches"),
                     m.ScreeningMatchRow, "designation_id", "unlinks"),),
    "link": (), "annotation": (), "alias": (), "saved": (), "hub": (), "match": (),
    "rule": (), "module": (),
    "list": ((QT_TRANSLATE_NOOP("RecordEditor", "screening matches"),
              m.ScreeningMatchRow, "list_id", "unlinks"),
             (QT_TRANSLATE_NOOP("RecordEditor", "entries"),
              m.SanctionsEntryRow, "list_id", "deletes")),
    "photo": ((QT_TRANSLATE_NOOP("RecordEditor", "photo annotations"),
               m.PhotoAnnotationRow, "photo_id", "deletes"),),
}

_CUSTODY_ACTIONS = {"transfer": "transfer", "correction": "correct transfer",
                    "withdrawal": "withdraw transfer"}
# The kind of record each dependent is, for what a deletion reports it changed (a citation
# belongs to the record that cites).
_KIND_OF_MODEL: dict[Any, str] = {model: kind for kind, model in m.MODEL_OF_KIND.items()}
_KIND_OF_MODEL |= {m.finding_source: "finding", m.link_source: "link",
                   m.CustodyEventRow: "custody", m.SanctionsEntryRow: "list"}
_DEPENDENT_KINDS = {kind: {label: _KIND_OF_MODEL[model]
                           for label, model, _c, _e in found}
                    for kind, found in DEPENDENTS.items()}

class UnitOfWork:
    """Reads and writes inside one transaction, acting as `actor`."""

    def __init__(self, session: Session, actor: str) -> None:
        self.session = session
        self.actor = actor
        self.dialect = session.get_bind().dialect.name
        self.blobs = BlobStore(session, actor)
        self._kinds: set[str] = set()
        self._records: set[tuple[str, UUID]] = set()
        self._withdrawn_seen: dict[Any, bool] = {}  # per table, within this transaction
        # Run before bulk work reads records the caller's cache lacks (a writer may first
        # have to wait for a helper thread to finish with the connection).
        self.before_bulk_read: Callable[[], None] = nothing

    # ----------------------------------------------------------------- reading
    def row(self, kind: str, record_id: UUID) -> Any:
        row = self.session.get(m.MODEL_OF_KIND[kind], record_id)
        if row is None:
            raise NotFoundError(f"there is no {kind_spec(kind).label} with id {record_id}")
        return row

    def get(self, kind: str, record_id: UUID) -> Any:
        """The record of `kind` with `record_id`, or NotFoundError."""
        row = self.row(kind, record_id)
        return to_dto(kind, row, self._citations(kind, [row.id]).get(row.id, ()))

    def find(self, kind: str, **equals: Any) -> list[Any]:
        """Records whose columns equal the given values."""
        model = m.MODEL_OF_KIND[kind]
        query = select(model).filter_by(**equals).order_by(model.id).limit(1000)
        return self._dtos(kind, self.session.scalars(query).all())

    def find_by_name(self, kind: str, column: str, name: str) -> list[Any]:
        """Records whose `column` matches `name` ignoring case (exact otherwise)."""
        model = m.MODEL_OF_KIND[kind]
        col = getattr(model, column)
        lower = func.unicode_lower if self.dialect == "sqlite" else func.lower
        query = select(model).where(lower(col) == name.lower()).limit(50)
        return self._dtos(kind, self.session.scalars(query).all())

    def find_in_list(self, kind: str, column: str, value: str) -> list[Any]:
        """Records whose JSON list `column` holds `value` (case-insensitive); small tables only."""
        model = m.MODEL_OF_KIND[kind]
        pattern = f"%{value.lower()}%"
        rows = self.session.scalars(
            select(model).where(func.lower(func.cast(getattr(model, column), String))
                                .like(pattern)).limit(200)).all()
        hits = [r for r in rows if value.lower() in (a.lower() for a in getattr(r, column))]
        return self._dtos(kind, hits)

    def _dtos(self, kind: str, rows: Sequence[Any]) -> list[Any]:
        cited = self._citations(kind, [r.id for r in rows])
        return [to_dto(kind, r, cited.get(r.id, ())) for r in rows]

    def _citations(self, kind: str, ids: list[UUID]) -> dict[UUID, tuple[UUID, ...]]:
        if kind not in m.CITATION_TABLES or not ids:
            return {}
        table, column = m.CITATION_TABLES[kind]
        found: dict[UUID, list[UUID]] = {}
        for chunk in _chunks(ids, 500):
            query = select(table.c[column], table.c.source_id).where(table.c[column].in_(chunk))
            for owner, source in self.session.execute(query):
                found.setdefault(owner, []).append(source)
        return {k: tuple(sorted(v)) for k, v in found.items()}

    def list_page(self, kind: str, *, filters: dict[str, Any] | None = None,
                  contains: str = "", sort: str = "", descending: bool = False,
                  cursor: str | None = None, limit: int = 50, offset: int = 0,
                  with_total: bool = False) -> records.Page:
        """One page of records, sorted in SQL and continued by keyset (see `cursor`).

        `offset` jumps into the middle of a listing (slower at depth than a cursor).
        """
        model = m.MODEL_OF_KIND[kind]
        key = self._sort_expression(kind, sort)
        query = self._filtered(kind, select(*_listed(kind)), filters, contains)
        if descending and kind == "finding" and sort in FINDING_SORTS:
            rows = self._unknown_last(query, key, model.id, cursor, limit + 1, offset)
        else:
            if cursor:
                query = query.where(self._after(key, model.id, cursor, descending))
            order = (key.desc(), model.id.desc()) if descending else (key, model.id)
            if offset:
                # Skip rows on the (sort key, id) index alone: PostgreSQL would otherwise work
                # out the derived names (scalar subqueries) of every skipped row.
                window = (query.with_only_columns(model.id).order_by(*order).offset(offset)
                          .limit(limit + 1).subquery())
                query = select(*_listed(kind)).join(window, model.id == window.c.id)
            rows = self._listing(query.order_by(*order).limit(limit + 1))
        more = len(rows) > limit
        rows = rows[:limit]
        next_cursor = None
        if more and rows:
            last = rows[-1]
            next_cursor = encode_cursor([self._key_value(kind, sort, last), last.id])
        total = self.count(kind, filters, contains) if with_total else None
        return records.Page(tuple(self._dtos(kind, rows)), next_cursor, total)

    def _unknown_last(self, query: Select[Any], key: Any, id_column: Any, cursor: str | None,
                      n: int, offset: int) -> list[Any]:
        """Descending order with unknown values ('~') after the known ones, not before.

        Two index range scans: the known values from the top, then the unknown ones.
        """
        last_key, last_id = decode_cursor(cursor) if cursor else (None, None)
        known = query.where(key < UNKNOWN)
        unknown = query.where(key == UNKNOWN)
        rows: list[Any] = []
        skip_known = 0
        if offset:
            skip_known = self.session.execute(
                select(func.count()).select_from(known.subquery())).scalar_one()
        if last_key != UNKNOWN and offset <= skip_known:
            if cursor:
                known = known.where(self._after(key, id_column, cursor, True))
            known = known.order_by(key.desc(), id_column.desc()).limit(n).offset(offset)
            rows = self._listing(known)
        if len(rows) < n:
            if last_key == UNKNOWN:
                unknown = unknown.where(id_column < UUID(last_id))
            unknown = unknown.order_by(id_column.desc()).limit(n - len(rows))
            if offset > skip_known:
                unknown = unknown.offset(offset - skip_known)
            rows += self._listing(unknown)
        return rows

    def _listing(self, query: Select[Any]) -> list[Any]:
        """Rows of a listing as plain result rows (their values named as the model's
        attributes): loading mapped objects would cost more than the query on a long page."""
        return list(self.session.connection().execute(query))

    def list_ids(self, kind: str, *, filters: dict[str, Any] | None = None,
                 contains: str = "", sort: str = "", descending: bool = False,
                 offset: int = 0, limit: int = 1000) -> list[UUID]:
        """The ids of a window of records in sort order (for lazy table models)."""
        model = m.MODEL_OF_KIND[kind]
        key = self._sort_expression(kind, sort)
        order = (key.desc(), model.id.desc()) if descending else (key, model.id)
        query = self._filtered(kind, select(model.id), filters, contains)
        return list(self.session.scalars(query.order_by(*order).offset(offset).limit(limit)))

    def get_many(self, kind: str, ids: Sequence[UUID]) -> list[Any]:
        """The records with the given ids, in the order of `ids` (missing ones left out)."""
        model = m.MODEL_OF_KIND[kind]
        rows: dict[UUID, Any] = {}
        for chunk in _chunks(list(ids), 500):
            rows.update((r.id, r) for r in self.session.scalars(
                select(model).where(model.id.in_(chunk))))
        return self._dtos(kind, [rows[i] for i in ids if i in rows])

    def count(self, kind: str, filters: dict[str, Any] | None = None, contains: str = "") -> int:
        """How many records match."""
        model = m.MODEL_OF_KIND[kind]
        query = self._filtered(kind, select(func.count()).select_from(model), filters, contains)
        return int(self.session.execute(query).scalar_one())

    def withdrawn_counts(self) -> dict[str, int]:
        """How many records of each kind of evidence were withdrawn (kept, not listed); one
        query, answered from the partial indexes of withdrawn ids."""
        models = [m.MODEL_OF_KIND[k] for k in WITHDRAWABLE]
        row = self.session.execute(select(*(
            select(func.count()).select_from(model).where(model.withdrawn_at.is_not(None))
            .scalar_subquery() for model in models))).one()
        return {kind: int(n) for kind, n in zip(WITHDRAWABLE, row, strict=True)}

    def counts(self) -> dict[str, int]:
        """How many records of each kind the store holds (withdrawn evidence left out)."""
        totals = {k: self.count(k, {"withdrawn": "include"}) for k in m.MODEL_OF_KIND}
        for kind, withdrawn in self.withdrawn_counts().items():
            totals[kind] -= withdrawn
        totals["custody"] = int(self.session.execute(
            select(func.count()).select_from(m.CustodyEventRow)).scalar_one())
        totals["audit"] = int(self.session.execute(
            select(func.count()).select_from(m.AuditEventRow).where(
                m.AuditEventRow.action.not_like(audit_chain.DATABASE_ACTIONS))).scalar_one())
        return totals

    def _filtered(self, kind: str, query: Select[Any], filters: dict[str, Any] | None,
                  contains: str) -> Select[Any]:
        model = m.MODEL_OF_KIND[kind]
        filters = dict(filters or {})
        shown = filters.pop("withdrawn", "hide")
        if shown not in WITHDRAWN_SHOWN:
            raise ValidationError("withdrawn", f"{shown!r} is not one of: "
                                               f"{', '.join(WITHDRAWN_SHOWN)}")
        # While nothing of a kind is withdrawn (most stores, most of the time) listings run
        # exactly as before; then `id NOT IN (...)` keeps them on their indexes.
        if kind in WITHDRAWABLE and shown != "include":
            if not self._has_withdrawn(model):
                query = query.where(false()) if shown == "only" else query
            else:
                withdrawn = m.withdrawn_ids(model)
                query = query.where(model.id.not_in(withdrawn) if shown == "hide"
                                    else model.id.in_(withdrawn))
        for name, value in filters.items():
            query = query.where(getattr(model, name) == value)
        if contains:
            names = FILTER_COLUMNS.get(kind, (kind_spec(kind).title_field,))
            escaped = contains.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            query = query.where(or_(*(getattr(model, n).ilike(f"%{escaped}%", escape="\\")
                                      for n in names)))
        return query

    def _has_withdrawn(self, model: Any) -> bool:
        """Whether any row of the table was withdrawn (one probe of its withdrawn index per
        unit of work: a page and its total ask once). A withdrawal made here counts."""
        if model not in self._withdrawn_seen or self._kinds:
            probe = select(model.id).where(model.withdrawn_at.is_not(None)).limit(1)
            self._withdrawn_seen[model] = self.session.execute(probe).first() is not None
        return self._withdrawn_seen[model]

    def _sort_expression(self, kind: str, sort: str) -> ColumnElement[Any]:
        model = m.MODEL_OF_KIND[kind]
        if not sort or sort == "created":
            return model.id
        if kind == "finding" and sort in FINDING_SORTS:
            return getattr(model, FINDING_SORTS[sort])
        if kind == "org" and sort == "name":
            return model.name_key
        column = model.__table__.c.get(sort)
        if column is None or sort.startswith("sort_"):
            raise ValidationError("sort", f"{kind_spec(kind).plural} cannot be sorted by "
                                          f"{sort[:60]!r}")
        if not column.nullable:
            return column
        sentinel = _SENTINELS.get(column.type.python_type, "")
        return func.coalesce(column, literal(sentinel, column.type))

    def _key_value(self, kind: str, sort: str, row: Any) -> Any:
        if not sort or sort == "created":
            return row.id
        column = FINDING_SORTS.get(sort, sort) if kind == "finding" else sort
        if kind == "org" and sort == "name":
            column = "name_key"
        value = getattr(row, column)
        if value is None:
            python_type = m.MODEL_OF_KIND[kind].__table__.c[column].type.python_type
            value = _SENTINELS.get(python_type, "")
        return value

    def _after(self, key: ColumnElement[Any], id_column: Any, cursor: str,
               descending: bool) -> ColumnElement[bool]:
        try:
            raw_key, raw_id = decode_cursor(cursor)
            last_id = UUID(raw_id)
            python_type = key.type.python_type
            last_key = _from_json(raw_key, python_type)
        except (ValueError, TypeError, NotImplementedError):
            raise ValidationError("cursor", "is not valid; start from the first page") from None
        if key is id_column:
            return id_column < last_id if descending else id_column > last_id
        pair, last = tuple_(key, id_column), tuple_(literal(last_key, key.type), literal(last_id))
        return pair < last if descending else pair > last

    def dependents(self, kind: str, record_id: UUID) -> list[tuple[str, int, str]]:
        """What deleting the record would affect: (what, how many, 'blocks'/'deletes'/...)."""
        found = []
        for label, model, column, effect in DEPENDENTS[kind]:
            table = model if hasattr(model, "c") else model.__table__
            key = record_id
            if kind == "marking":
                key = self.row(kind, record_id).name
            n = self.session.execute(select(func.count()).select_from(table)
                                     .where(table.c[column] == key)).scalar_one()
            if n:
                found.append((label, int(n), effect))
        return found

    # ----------------------------------------------------------------- writing
    def insert(self, kind: str, values: dict[str, Any]) -> Any:
        """Add a record; the audit trail records every value it was given."""
        model = m.MODEL_OF_KIND[kind]
        values = dict(values)
        source_ids = values.pop("source_ids", None)
        now = datetime.now(UTC)
        row = model(**values, id=values.pop("id", None) or new_id(), created_at=now,
                    created_by=self.actor, updated_at=now, updated_by=self.actor)
        if kind == "finding":
            self._set_finding_sort_keys(row)
        self.session.add(row)
        self.session.flush()
        if source_ids is not None:
            self._set_citations(kind, row.id, source_ids)
        new = {k: json_value(v) for k, v in values.items()}
        if source_ids:
            new["source_ids"] = json_value(list(source_ids))
        search_index.write_terms(self.session, kind, row.id, values)
        self.record_audit("create", kind, row.id, {}, new)
        return self.get(kind, row.id)

    def update(self, kind: str, record_id: UUID, expected_version: int | None,
               changes: dict[str, Any]) -> Any:
        """Change a record that is still at `expected_version`, else raise ConflictError."""
        row = self.row(kind, record_id)
        self.check_version(kind, row, expected_version)
        self._check_editable(kind, row, changes)
        changes = dict(changes)
        source_ids = changes.pop("source_ids", None)
        # Every flush of a changed row raises its version: queries made while the edit is
        # assembled must not flush it early, so that one edit is one version.
        with self.session.no_autoflush:
            old, new = self._apply(row, changes)
            if source_ids is not None:
                before = self._citations(kind, [row.id]).get(row.id, ())
                if tuple(sorted(source_ids)) != before:
                    self._set_citations(kind, row.id, source_ids)
                    old["source_ids"] = json_value(before)
                    new["source_ids"] = json_value(source_ids)
            if not new:
                return self.get(kind, record_id)
            row.updated_at, row.updated_by = datetime.now(UTC), self.actor
            if kind == "finding":
                self._set_finding_sort_keys(row)
        self.flush_versioned(kind, row)
        self._refresh_dependent_sort_keys(kind, row, new)
        if term_fields(kind) & new.keys():
            search_index.write_terms(self.session, kind, row.id, row)
        self.record_audit("update", kind, row.id, old, new)
        return self.get(kind, record_id)

    def _apply(self, row: Any, changes: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
        old: dict[str, Any] = {}
        new: dict[str, Any] = {}
        for name, value in changes.items():
            current = getattr(row, name)
            comparable = list(value) if isinstance(value, tuple) else value
            if current != comparable:
                old[name], new[name] = json_value(current), json_value(value)
                setattr(row, name, comparable)
        return old, new

    def _check_editable(self, kind: str, row: Any, changes: dict[str, Any]) -> None:
        fixed = sorted(FIXED_FIELDS.get(kind, frozenset()) & changes.keys())
        if fixed:
            raise ValidationError(fixed[0], "is a fact about the original, read from the file "
                                            "when it was added; it cannot be changed")
        if kind in WITHDRAWABLE and row.withdrawn_at is not None:
            raise IntegrityRuleError(
                f"{kind_spec(kind).label} {title_of(kind, row)} was withdrawn on "
                f"{row.withdrawn_at:%Y-%m-%d} by {row.withdrawn_by} and can no longer be edited")

    def delete(self, kind: str, record_id: UUID, expected_version: int | None = None) -> Any:
        """Remove a record (and what depends on it by cascade); refused while others need it,
        and for evidence, which is withdrawn instead (see `withdraw`)."""
        row = self.row(kind, record_id)
        self.check_version(kind, row, expected_version)
        if kind in WITHDRAWABLE:
            label = kind_spec(kind).label
            raise IntegrityRuleError(
                f"{label} {title_of(kind, row)} is evidence and cannot be deleted: withdraw it "
                f"with a reason instead (forensics {kind} withdraw REF --reason TEXT)")
        affected = self.dependents(kind, record_id)
        blocking = [f"{n} {label}" for label, n, effect in affected if effect == "blocks"]
        if blocking:
            raise IntegrityRuleError(
                f"{kind_spec(kind).label} {title_of(kind, row)} cannot be deleted: it is used by "
                f"{', '.join(blocking)}; remove or re-link those first")
        dto = self.get(kind, record_id)
        old = {k: json_value(v) for k, v in vars(dto).items() if k not in _META}
        if affected:
            old["_also_deleted_or_unlinked"] = {label: n for label, n, _ in affected}
        self.session.delete(row)
        self.flush_versioned(kind, row)
        for label, _n, _effect in affected:
            self.touch(_DEPENDENT_KINDS[kind][label])
        self.record_audit("delete", kind, record_id, old, {})
        return dto

    def check_version(self, kind: str, row: Any, expected: int | None) -> None:
        if expected is not None and row.version != expected:
            raise ConflictError(kind_spec(kind).label, row.id, row.updated_by,
                                row.updated_at.isoformat(timespec="seconds"), row.version)

    def lock(self, kind: str, record_id: UUID) -> None:
        """Hold the record against other writers until this unit of work ends, so that what
        is checked against it (and against what hangs off it) stays true until the write
        commits. PostgreSQL takes a row lock; SQLite runs one writer at a time already."""
        if self.dialect == "postgresql":
            model = m.MODEL_OF_KIND[kind]
            self.session.execute(select(model.id).where(model.id == record_id)
                                 .with_for_update())

    def flush_versioned(self, kind: str, row: Any) -> None:
        try:
            self.session.flush()
        except StaleDataError:
            self.session.rollback()
            current = self.session.get(m.MODEL_OF_KIND[kind], row.id)
            who = current.updated_by if current else "another user (deleted it)"
            when = current.updated_at.isoformat(timespec="seconds") if current else "just now"
            raise ConflictError(kind_spec(kind).label, row.id, who, when,
                                current.version if current else 0) from None

    def _set_citations(self, kind: str, record_id: UUID, source_ids: Iterable[UUID]) -> None:
        table, column = m.CITATION_TABLES[kind]
        self.session.execute(delete(table).where(table.c[column] == record_id))
        rows = [{column: record_id, "source_id": s} for s in dict.fromkeys(source_ids)]
        if rows:
            self.session.execute(insert(table), rows)

    def _set_finding_sort_keys(self, row: m.ComponentFindingRow) -> None:
        row.sort_part = self._part_key(row.part_id)
        row.sort_maker = self._org_key(row.manufacturer_id)
        row.sort_produced = row.produced_from.isoformat() if row.produced_from else "~"

    def _part_key(self, part_id: UUID | None) -> str:
        if part_id is None:
            return "~"
        key = self.session.execute(select(m.PartRow.search_key)
                                   .where(m.PartRow.id == part_id)).scalar()
        return key or "~"

    def _org_key(self, org_id: UUID | None) -> str:
        if org_id is None:
            return "~"
        key = self.session.execute(select(m.OrganizationRow.name_key)
                                   .where(m.OrganizationRow.id == org_id)).scalar()
        return key or "~"

    def _refresh_dependent_sort_keys(self, kind: str, row: Any, new: dict[str, Any]) -> None:
        table = m.ComponentFindingRow.__table__
        if kind == "part" and "search_key" in new:
            self.session.execute(update(table).where(table.c.part_id == row.id)
                                 .values(sort_part=row.search_key or "~"))
        if kind == "org" and "name_key" in new:
            self.session.execute(update(table).where(table.c.manufacturer_id == row.id)
                                 .values(sort_maker=row.name_key or "~"))

    def bulk_insert(self, kind: str, rows: list[dict[str, Any]],
                    cache: dict[Any, Any] | None = None) -> list[UUID]:
        """Add many records at once; one audit event names every record of the batch."""
        return self.bulk_write(self.bulk_prepare(kind, rows, cache))

    def bulk_prepare(self, kind: str, rows: list[dict[str, Any]],
                     cache: dict[Any, Any] | None = None) -> BulkBatch:
        """Everything `bulk_write` needs to add `rows` as records of `kind`, read (not
        written) through this unit of work: ids, derived sort keys, the values as the
        database takes them, search terms. The rows are completed in place (ids, sort keys),
        not copied. `cache` saves looking the same record up twice across batches."""
        model = m.MODEL_OF_KIND[kind]
        now = datetime.now(UTC)
        meta = {"version": 1, "created_at": now, "created_by": self.actor,
                "updated_at": now, "updated_by": self.actor}
        for r in rows:
            if not r.get("id"):
                r["id"] = new_id()
        citations = [(r["id"], r.pop("source_ids", ())) for r in rows]
        prepared = rows
        if kind == "finding":
            self._bulk_finding_sort_keys(prepared, cache)
        dialect = self.session.get_bind().dialect
        names, params = _insert_params(model.__table__, prepared, meta, dialect)
        terms = search_index.term_params(dialect, kind, ((r["id"], r) for r in prepared))
        return BulkBatch(kind, model.__table__.name, names, params, terms,
                         [r["id"] for r in prepared], citations)

    def bulk_write(self, batch: BulkBatch, *,
                   defer: Callable[[Callable[[], None]], None] | None = None) -> list[UUID]:
        """Add the records of a prepared batch; one audit event names them all.

        `defer`: the long work of putting the rows and their search terms into the indexed
        tables is handed to `defer`, which must run it (on any thread, while nothing else
        uses this unit of work) before the transaction ends; the caller prepares its next
        batch meanwhile. On SQLite the rows are staged in temporary tables here and moved in
        by statements SQLite runs without Python's interpreter lock; on PostgreSQL the COPY
        itself is handed over, and the server builds the indexes in its own process.
        """
        if not batch.ids:
            return []
        connection = self.session.connection()
        if defer is not None and self.dialect == "sqlite":
            move_rows = stage_rows(connection, batch.table, batch.names, batch.params)
            move_terms = search_index.stage_terms(connection, batch.kind, batch.terms)
        elif defer is not None:
            move_rows = partial(insert_many, connection, batch.table, batch.names, batch.params)
            move_terms = partial(search_index.insert_terms, connection, batch.kind, batch.terms)
        else:
            insert_many(connection, batch.table, batch.names, batch.params)
            search_index.insert_terms(connection, batch.kind, batch.terms)
            move_rows = move_terms = nothing
        self.record_audit("bulk create", batch.kind, None, {},
                          {"count": len(batch.ids), "ids": json_value(batch.ids)})

        def finish() -> None:
            move_rows()
            move_terms()
            self._bulk_citations(batch.kind, batch.citations)

        if defer is not None:
            defer(finish)
        else:
            finish()
        return batch.ids

    def _executemany(self, table: Any, rows: list[dict[str, Any]],
                     constants: dict[str, Any]) -> None:
        """INSERT through the driver's executemany (see `_insert_params`)."""
        dialect = self.session.get_bind().dialect
        names, params = _insert_params(table, rows, constants, dialect)
        insert_many(self.session.connection(), table.name, names, params)

    def _bulk_finding_sort_keys(self, rows: list[dict[str, Any]],
                                cache: dict[Any, Any] | None) -> None:
        parts = self._keys_of(m.PartRow.search_key, {r.get("part_id") for r in rows}, cache)
        orgs = self._keys_of(m.OrganizationRow.name_key, {r.get("manufacturer_id") for r in rows},
                             cache)
        for r in rows:
            r["sort_part"] = parts.get(r.get("part_id"), "~")
            r["sort_maker"] = orgs.get(r.get("manufacturer_id"), "~")
            produced = r.get("produced_from")
            r["sort_produced"] = produced.isoformat() if produced else "~"

    def values_of(self, kind: str, column: str, ids: Iterable[UUID | None],
                  cache: dict[Any, Any] | None = None) -> dict[UUID, Any]:
        """{id: value of `column`} for the records with the given ids (for bulk work).

        `cache`, a dict the caller keeps across batches, saves asking twice for the same id.
        """
        return self._keys_of(getattr(m.MODEL_OF_KIND[kind], column), set(ids), cache)

    def remember(self, cache: dict[Any, Any], kind: str, column: str,
                 values: dict[UUID, Any]) -> None:
        """Tell the `cache` of `values_of` what the caller already knows of records (those
        it is about to write, say), so that it is not asked of the store."""
        model_column = getattr(m.MODEL_OF_KIND[kind], column)
        cache.setdefault(model_column.key + "@" + model_column.class_.__tablename__,
                         {}).update(values)

    def _keys_of(self, column: Any, ids: set[UUID | None],
                 cache: dict[Any, Any] | None = None) -> dict[UUID, Any]:
        if cache is not None:
            known = cache.setdefault(column.key + "@" + column.class_.__tablename__, {})
            missing = {i for i in ids if i is not None and i not in known}
            if missing:
                self.before_bulk_read()
                known.update(self._keys_of(column, missing))
            return known
        model = column.class_
        found: dict[UUID, Any] = {}
        for chunk in _chunks([i for i in ids if i is not None], 500):
            found.update(self.session.execute(select(model.id, column)
                                              .where(model.id.in_(chunk))).all())
        return found

    def _bulk_citations(self, kind: str, citations: list[tuple[UUID, Iterable[UUID]]]) -> None:
        if kind not in m.CITATION_TABLES:
            return
        table, column = m.CITATION_TABLES[kind]
        rows = [{column: owner, "source_id": s} for owner, ids in citations for s in ids]
        if rows:
            self.session.execute(insert(table), rows)

    # ------------------------------------------------------- custody and audit
    def add_custody_event(self, values: dict[str, Any]) -> records.CustodyEvent:
        """Append one transfer of a recovered item."""
        self.row("item", values["item_id"])
        row = m.CustodyEventRow(id=new_id(), created_at=datetime.now(UTC),
                                created_by=self.actor, **values)
        self.session.add(row)
        self.session.flush()
        self.touch("custody", row.id)
        self.record_audit(_CUSTODY_ACTIONS[row.action], "item", row.item_id, {},
                          {k: json_value(v) for k, v in values.items()} | {"event": str(row.id)})
        return _custody_dto(row)

    def custody_events(self, item_id: UUID) -> list[records.CustodyEvent]:
        """Every custody event of an item, oldest first (corrections where they belong)."""
        row = m.CustodyEventRow
        query = (select(row).where(row.item_id == item_id)
                 .order_by(row.occurred_at, row.created_at, row.id))
        return [_custody_dto(r) for r in self.session.scalars(query)]

    def custody_event(self, event_id: UUID) -> records.CustodyEvent | None:
        """One custody event, or None."""
        row = self.session.get(m.CustodyEventRow, event_id)
        return _custody_dto(row) if row is not None else None

    def record_audit(self, action: str, kind: str, record_id: UUID | None,
                     old: dict[str, Any], new: dict[str, Any], *, changed: bool = True) -> None:
        """Append one event to the audit trail; every write of records comes through here.
        `changed`: the event records a change of `kind` (not a check, such as a verification),
        which `changes` reports once the write has committed."""
        if changed:
            self.touch(kind, record_id)
        self.session.flush()  # the change it records goes first
        audit_chain.append(self.session.connection(), [{
            "id": new_id(), "occurred_at": datetime.now(UTC), "actor": self.actor,
            "action": action, "record_kind": kind, "record_id": record_id,
            "old_values": old, "new_values": new}])

    def audit_head(self) -> audit_chain.Head | None:
        """The newest audit event's number and seal, as briefs and packages print it."""
        return audit_chain.head(self.session.connection())

    def verify_audit(self, heads: Sequence[audit_chain.Head] = ()) -> audit_chain.Verdict:
        """Check the audit trail's hash chain (see `audit_chain.verify`)."""
        return audit_chain.verify(self.session.connection(), heads)

    def rebuild_search_index(self, progress: Callable[[str, int], bool | None] | None = None
                             ) -> dict[str, int]:
        """Recompute the search index from the records inside this unit of work; {kind: terms}."""
        return search_index.rebuild(self.session.connection(), progress)

    def search_index_status(self) -> dict[str, Any]:
        """Terms per kind in the search index and the index engine in use."""
        return search_index.status(self.session.connection())

    def touch(self, kind: str, record_id: UUID | None = None) -> None:
        """Note that records of `kind` (this one, when named) changed in this unit of work."""
        self._kinds.add(kind)
        if record_id is not None:
            self._records.add((kind, record_id))

    @property
    def changes(self) -> Changes:
        """What this unit of work has changed so far."""
        return Changes(frozenset(self._kinds), frozenset(self._records))

    def audit_events(self, kind: str | None = None, record_id: UUID | None = None,
                     limit: int = 200, *, database: bool = False) -> list[records.AuditEvent]:
        """The newest audit events, optionally of one record. `database`: also the events
        PostgreSQL records for each statement that changed rows (see `audit_chain`), which
        are left out otherwise (the application's own events say what each change meant)."""
        row = m.AuditEventRow
        query = select(row).order_by(row.occurred_at.desc(), row.id.desc()).limit(limit)
        if not database:
            query = query.where(row.action.not_like(audit_chain.DATABASE_ACTIONS))
        if kind:
            query = query.where(row.record_kind == kind)
        if record_id:
            query = query.where(row.record_id == record_id)
        return [records.AuditEvent(id=r.id, occurred_at=r.occurred_at, actor=r.actor,
                                   action=r.action, record_kind=r.record_kind,
                                   record_id=r.record_id, old_values=dict(r.old_values or {}),
                                   new_values=dict(r.new_values or {}))
                for r in self.session.scalars(query)]


def _processor(column: Any, dialect: Any) -> Any:
    """The bind conversion the dialect really uses for the column (its dialect-specific type,
    variants and type decorators included)."""
    return column.type._cached_bind_processor(dialect)


def _converted(column: Any, dialect: Any, value: Any) -> Any:
    process = _processor(column, dialect)
    return value if process is None else process(value)


@cache
def _listed(kind: str) -> tuple[Any, ...]:
    """What a listing selects: every value a mapped row of the kind would load (columns, sort
    keys, derived names of referenced records), each named as its attribute."""
    model = m.MODEL_OF_KIND[kind]
    return tuple(getattr(model, attribute.key).label(attribute.key)
                 for attribute in model.__mapper__.column_attrs)


@dataclass(frozen=True, slots=True)
class BulkBatch:
    """Records ready to be written by `UnitOfWork.bulk_write` (see `bulk_prepare`)."""

    kind: str
    table: str
    names: list[str]
    params: list[tuple[Any, ...]]
    terms: list[tuple[Any, ...]]
    ids: list[UUID]
    citations: list[tuple[UUID, Iterable[UUID]]]


def _insert_params(table: Any, rows: list[dict[str, Any]], constants: dict[str, Any],
                   dialect: Any) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Column names and the rows' values converted by each column's type, for executemany.

    SQLAlchemy's per-row parameter handling would cost more than writing the rows; values
    shared by the whole batch (`constants`) are converted once.
    """
    fixed = [c for c in table.columns if c.name in constants]
    varying = [c for c in table.columns if c.name not in constants]
    columns = [_column_values(rows, c.name, _processor(c, dialect), _default_of(c))
               for c in varying]
    columns += [[_converted(c, dialect, constants[c.name])] * len(rows) for c in fixed]
    return [c.name for c in varying + fixed], list(zip(*columns, strict=True))


_MISSING = object()


def _column_values(rows: list[dict[str, Any]], name: str, process: Any,
                   default: Any) -> list[Any]:
    """One column's values over many rows (the column's default where a row lacks it), as
    the driver takes them; column by column is several times quicker than row by row."""
    values = [r.get(name, _MISSING) for r in rows]
    if any(v is _MISSING for v in values):
        values = [default() if v is _MISSING else v for v in values]
    if process is None:
        return values
    # Rows share values (the same item, part or maker objects): each is converted once.
    distinct = {id(v): v for v in values}
    if len(distinct) * 2 > len(values):
        return [process(v) for v in values]
    converted = {key: process(v) for key, v in distinct.items()}
    return [converted[id(v)] for v in values]


def _default_of(column: Any) -> Any:
    """A function giving the column's Python-side default (what an ORM insert would use)."""
    default = column.default
    if default is None:
        return lambda: None
    if default.is_scalar:
        return lambda: default.arg
    return lambda: default.arg(None)


def _custody_dto(row: m.CustodyEventRow) -> records.CustodyEvent:
    return records.CustodyEvent(
        id=row.id, item_id=row.item_id, occurred_at=row.occurred_at,
        released_by=row.released_by, received_by=row.received_by, place=row.place,
        purpose=row.purpose, notes=row.notes, created_at=row.created_at,
        created_by=row.created_by, action=row.action, corrects_id=row.corrects_id,
        reason=row.reason)


def title_of(kind: str, row: Any) -> str:
    value = getattr(row, kind_spec(kind).title_field, "")
    return repr(str(value)[:60]) if value else str(row.id)


def _from_json(value: Any, python_type: type) -> Any:
    if python_type is datetime:
        return datetime.fromisoformat(value)
    if python_type is date:
        return date.fromisoformat(value)
    if python_type is UUID:
        return UUID(value)
    return python_type(value)


def _chunks(items: list[Any], size: int) -> Iterable[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]
