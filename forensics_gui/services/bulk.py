"""Adding many records at once: imports and the generation of large test stores.

Every row is checked as `records.create` would check it; rules that need a look at other
records (uniqueness, references) are left to the store's constraints, which refuse the whole
batch. References must be ids. Each batch is one transaction and one audit event.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from datetime import date
from functools import lru_cache, partial
from itertools import islice
from typing import Any
from uuid import UUID

from forensics_gui.core.datecodes import parse_date_code
from forensics_gui.core.errors import ValidationError
from forensics_gui.core.fields import kind as kind_spec
from forensics_gui.core.fields import parse_values
from forensics_gui.core.hs import chpl_tier
from forensics_gui.core.ids import new_id
from forensics_gui.core.names import name_key
from forensics_gui.core.partnumbers import confusable_key, search_key
from forensics_gui.services.derive import hs_code
from forensics_gui.storage.repository import BulkBatch
from forensics_gui.storage.store import Store

Progress = Callable[[int], bool]  # rows done so far -> False to stop


def bulk_create(store: Store, kind: str, rows: Iterable[dict[str, Any]], *,
                batch_size: int = 50_000, progress: Progress | None = None) -> list[UUID]:
    """Add every row as a record of `kind`; returns the new ids in order.

    A row that breaks a rule stops the import with an error naming its position; batches
    already committed stay (each is complete and audited).

    Batches overlap: while the store fills its tables and indexes with one batch (on SQLite,
    long statements that run without Python's interpreter lock, on a helper thread), the
    next is checked and prepared, reading what it needs through another connection. Each
    batch is committed, in order, before the next is written.
    """
    ids: list[UUID] = []
    cache: dict[Any, Any] = {}  # what batches look up about other records, asked once
    batches = _batches(rows, batch_size)

    def prepare(first: int) -> BulkBatch | None:
        batch = [_checked(kind, row, first + i)
                 for i, row in enumerate(next(batches, []))]
        if not batch:
            return None
        with store.reading() as uow:
            _derive_batch(uow, kind, batch, first + 1, cache)
            return uow.bulk_prepare(kind, batch, cache)

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="bulk-store") as helper:
        ready = prepare(0)
        while ready is not None:
            work: list[Future[None]] = []
            error: Exception | None = None
            with store.writing(bulk=True) as uow:
                added = uow.bulk_write(ready, defer=partial(_submit, helper, work))
                try:
                    ready = prepare(len(ids) + len(added))
                except Exception as problem:  # this batch is fine: commit it, then report
                    ready, error = None, problem
                finally:
                    for job in work:
                        job.result()  # an error here rolls this batch back
            ids += added
            if error is not None:
                raise error
            if progress is not None and progress(len(ids)) is False:
                break
    return ids


_collector_lock = threading.Lock()
_collector_pauses = 0
_collector_state: list[bool] = []  # was the collector on when the first pause began


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while a large import builds millions of small rows.

    The collector runs every few hundred new objects and walks everything still alive, so
    on a 100,000-row file it would take about a tenth of the time while finding nothing to
    free (rows hold no cycles; reference counting frees them). Nested and concurrent pauses
    are counted; the collector runs again when the last ends.
    """
    global _collector_pauses
    with _collector_lock:
        _collector_pauses += 1
        if _collector_pauses == 1:
            was_enabled = gc.isenabled()
            gc.disable()
            _collector_state.append(was_enabled)
    try:
        yield
    finally:
        with _collector_lock:
            _collector_pauses -= 1
            if _collector_pauses == 0 and _collector_state.pop():
                gc.enable()


def _submit(helper: ThreadPoolExecutor, work: list[Future[None]],
            job: Callable[[], None]) -> None:
    work.append(helper.submit(job))


def _batches(rows: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    iterator = iter(rows)
    while batch := list(islice(iterator, size)):
        yield batch


def add_in(uow: Any, kind: str, rows: list[dict[str, Any]], first_row: int,
           cache: dict[Any, Any],
           defer: Callable[[Callable[[], None]], None] | None = None) -> list[UUID]:
    """Add rows already checked by `checked_row` inside the caller's unit of work (one
    transaction with whatever else it writes); `first_row` numbers them in messages.
    `defer`: as `UnitOfWork.bulk_write` takes it."""
    return uow.bulk_write(prepare_in(uow, kind, rows, first_row, cache), defer=defer)


def prepare_in(uow: Any, kind: str, rows: list[dict[str, Any]], first_row: int,
               cache: dict[Any, Any]) -> BulkBatch:
    """The first half of `add_in`: the rows derived and prepared, nothing written (the
    store is read only for what `cache` lacks)."""
    _derive_batch(uow, kind, rows, first_row, cache)
    return uow.bulk_prepare(kind, rows, cache)


def checked_row(kind: str, values: dict[str, Any], *, record_id: UUID | None = None,
                memo: dict[tuple[str, str], Any] | None = None) -> dict[str, Any]:
    """A row's values checked as `records.create` checks them (references must be ids), with
    the values derived from them alone; raises ValidationError naming the field. The id is
    `values["id"]`, else `record_id`, else a new one; `memo`: see `fields.parse_values`."""
    if "id" in values:
        record_id = values["id"]
        values = {k: v for k, v in values.items() if k != "id"}
    parsed = parse_values(kind_spec(kind), values, partial=False, memo=memo)
    parsed["id"] = record_id or new_id()
    return _derive_row(kind, parsed)


def _checked(kind: str, row: dict[str, Any], position: int) -> dict[str, Any]:
    try:
        return checked_row(kind, row)
    except ValidationError as error:
        raise ValidationError(error.field, f"{error.reason} (row {position + 1})") from None


def _derive_row(kind: str, values: dict[str, Any]) -> dict[str, Any]:
    if kind == "part":
        code = hs_code("hs_code", values.get("hs_code"))
        key = search_key(values["part_number"])
        if not key:
            raise ValidationError("part_number", "must contain letters or digits")
        values |= {"search_key": key, "confusable_key": confusable_key(values["part_number"]),
                   "hs_code": code, "chpl_tier": chpl_tier(code) or ""}
    elif kind == "org":
        values["name_key"] = name_key(values["name"])
    elif kind == "item":
        values["handling_marking"] = values.get("handling_marking") or "UNCLASSIFIED"
    elif kind == "finding":
        values.setdefault("quantity", 1)
        if values["quantity"] is None or values["quantity"] < 1:
            raise ValidationError("quantity", "must be at least 1")
    return values


def _derive_batch(uow: Any, kind: str, rows: list[dict[str, Any]], first_row: int,
                  cache: dict[Any, Any]) -> None:
    if kind != "finding":
        return
    makers = uow.values_of("part", "manufacturer_id", (r.get("part_id") for r in rows), cache)
    recovered = uow.values_of("item", "recovered_on", (r["item_id"] for r in rows), cache)
    for number, row in enumerate(rows, start=first_row):
        part = row.get("part_id")
        row["manufacturer_id"] = row.get("manufacturer_id") or makers.get(part)
        row["identification"] = row.get("identification") or (
            "part" if part else "manufacturer" if row["manufacturer_id"] else "unidentified")
        if row["identification"] == "part" and not part:
            raise ValidationError("part_id", "is empty but the finding is marked as identified "
                                             f"(row {number})")
        _period(row, recovered.get(row["item_id"]))


@lru_cache(maxsize=65_536)
def _read_in_year(code: str, year: int | None) -> Any:
    return parse_date_code(code, not_after=None if year is None else date(year, 12, 31))


def _read_date_code(code: str, not_after: date | None) -> Any:
    """Date codes repeat a great deal across a large import: two-digit years depend only on the
    recovery year, so each code is read once per year; only a reading that could fall after
    the exact recovery date is read again with it."""
    result = _read_in_year(code, None if not_after is None else not_after.year)
    if not_after is None:
        return result
    if (f"after {date(not_after.year, 12, 31)}" in result.message
            or any(r.start > not_after for r in result.readings)):
        return parse_date_code(code, not_after=not_after)
    return result


def _period(row: dict[str, Any], not_after: Any) -> None:
    code = row.get("date_code") or ""
    if not code:
        return
    result = _read_date_code(code, not_after)
    reading = result.reading
    row |= {"produced_from": reading.start if reading else None,
            "produced_to": reading.end if reading else None,
            "date_code_format": reading.format if reading else "",
            "date_code_note": result.message}
