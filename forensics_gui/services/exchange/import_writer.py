"""Writing an import while it is still being checked: rows are written in chunks, and on
SQLite the long statements that put a chunk into its indexed tables run on a helper thread
(SQLite works on them without Python's interpreter lock) while the next chunk is checked.

Everything goes into the caller's one transaction: a row refused later (with `strict`), an
error or a kill still leaves the store as it was. The helper and the caller never use the
connection at once: the caller waits (`quiet`) before every statement of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from types import TracebackType
from typing import Any
from uuid import UUID

from forensics_gui.services import bulk

WRITE_ORDER = ("source", "system", "org", "part", "item", "finding", "link")


class ChunkWriter:
    """Writes the chunks of one import inside the unit of work `uow`."""

    def __init__(self, uow: Any, *, overlap: bool) -> None:
        self.uow = uow
        self.cache: dict[Any, Any] = {}  # what the rows name, so writing asks the store less
        self.helper = ThreadPoolExecutor(1, "import-store") if overlap else None
        self.pending: Future[None] | None = None
        uow.before_bulk_read = self.quiet

    def __enter__(self) -> ChunkWriter:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        try:
            if error is None:
                self.quiet()
        finally:
            self.uow.before_bulk_read = _nothing
            if self.helper is not None:
                self.helper.shutdown(wait=True)

    def quiet(self) -> None:
        """Wait until the helper has finished with the connection (and raise its error)."""
        if self.pending is not None:
            pending, self.pending = self.pending, None
            pending.result()

    def remember(self, known: dict[tuple[str, str], dict[UUID, Any]]) -> None:
        for (kind, column), values in known.items():
            self.uow.remember(self.cache, kind, column,
                              {k: v for k, v in values.items() if k.int})

    def write(self, rows: dict[str, list[dict[str, Any]]],
              order: Callable[[str, list[dict[str, Any]]], list[dict[str, Any]]]) -> None:
        """Write a chunk: the records of each kind in dependency order (`order` may sort a
        kind's rows). Every kind is prepared while the helper may still be writing the last
        chunk; then all are staged, and moved into their tables by one job on the helper,
        which may still run when this returns."""
        batches = [bulk.prepare_in(self.uow, kind, list(order(kind, rows[kind])), 1,
                                   self.cache)
                   for kind in WRITE_ORDER if rows.get(kind)]
        self.quiet()
        if self.helper is None:
            for batch in batches:
                self.uow.bulk_write(batch)
            return
        jobs: list[Callable[[], None]] = []
        for batch in batches:
            self.uow.bulk_write(batch, defer=jobs.append)
        self.pending = self.helper.submit(_run_all, jobs)


def _nothing() -> None:
    pass


def _run_all(jobs: list[Callable[[], None]]) -> None:
    for job in jobs:
        job()
