"""Writing many rows at once: executemany inserts, and staging on SQLite so that the costly
part runs as one long statement.

Python's sqlite3 module lets go of the interpreter lock only while SQLite works on a
statement. Inserting row by row, most of that work (index pages, foreign-key lookups,
full-text tokens) is cut into many short calls; staged, the rows first go into a temporary
table with no index (quick), and one INSERT ... SELECT then does the long work while other
Python threads run.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import count
from typing import Any

from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError


def insert_many(connection: Connection, table: str, names: Sequence[str],
                params: list[tuple[Any, ...]]) -> None:
    """INSERT rows of values for the columns `names`: through PostgreSQL's COPY (several
    times quicker than single inserts, still inside the transaction), else through the
    driver's executemany."""
    if not params:
        return
    if connection.dialect.name == "postgresql":
        if _row_security(connection, table):
            _copy_through_stage(connection, table, names, params)
        else:
            _copy(connection, table, names, params)
        return
    marker = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    connection.exec_driver_sql(f"INSERT INTO {table} ({', '.join(names)}) "
                               f"VALUES ({', '.join(marker for _ in names)})", params)


def _row_security(connection: Connection, table: str) -> bool:
    """Whether row-level security binds this login on `table` (a shared store's policies),
    which COPY does not pass through; asked once per connection and table."""
    known = connection.info.setdefault("forensics_row_security", {})
    if table not in known:
        known[table] = bool(connection.exec_driver_sql(
            "SELECT to_regclass(%(t)s) IS NOT NULL AND row_security_active(%(t)s)",
            {"t": table}).scalar())
    return bool(known[table])


def _copy_through_stage(connection: Connection, table: str, names: Sequence[str],
                        params: list[tuple[Any, ...]]) -> None:
    """COPY the rows into a temporary table, then INSERT them from it: the policies check
    each row as they would an INSERT's."""
    stage = f"stage_{table}_{next(_STAGES)}"
    columns = ", ".join(names)
    connection.exec_driver_sql(f"CREATE TEMP TABLE {stage} ON COMMIT DROP AS "
                               f"SELECT {columns} FROM {table} WITH NO DATA")
    _copy(connection, stage, names, params)
    connection.exec_driver_sql(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM {stage}")
    connection.exec_driver_sql(f"DROP TABLE {stage}")


def _copy(connection: Connection, table: str, names: Sequence[str],
           params: list[tuple[Any, ...]]) -> None:
    """COPY the rows in; the driver's errors are raised as SQLAlchemy raises them (a broken
    rule as IntegrityError), so that callers see the same errors as from inserts."""
    driver = connection.connection.driver_connection
    assert driver is not None
    statement = f"COPY {table} ({', '.join(names)}) FROM STDIN"
    dbapi = connection.dialect.loaded_dbapi
    try:
        with driver.cursor() as cursor, cursor.copy(statement) as copy:
            for row in params:
                copy.write_row(row)
    except dbapi.Error as error:
        raise DBAPIError.instance(statement, None, error, dbapi.Error) from error


def stage_rows(connection: Connection, table: str, names: Sequence[str],
               params: list[tuple[Any, ...]]) -> Callable[[], None]:
    """Put `params` (values for the columns `names`) in a temporary copy of `table`; returns
    the function that moves them into `table` (one statement) and drops the copy.

    Nothing is in `table` until that function has run, in the same transaction. Each call
    has a copy of its own, so that several batches can wait to be moved.
    """
    if not params:
        return nothing
    stage = f"stage_{table}_{next(_STAGES)}"
    columns = ", ".join(names)
    connection.exec_driver_sql(
        f"CREATE TEMP TABLE {stage} AS SELECT {columns} FROM main.{table} WHERE 0")
    insert_many(connection, f"temp.{stage}", names, params)

    def move() -> None:
        connection.exec_driver_sql(f"INSERT INTO main.{table} ({columns}) "
                                   f"SELECT {columns} FROM temp.{stage} ORDER BY rowid")
        connection.exec_driver_sql(f"DROP TABLE temp.{stage}")

    return move


_STAGES = count(1)


def nothing() -> None:
    """Nothing left to do: what `stage_rows` returns for no rows."""
