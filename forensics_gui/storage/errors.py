"""Turning database driver exceptions into plain messages that say what to do."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import exc

from forensics_gui.core.errors import (
    IntegrityRuleError,
    KnownError,
    StoreAuthError,
    StoreDamagedError,
    StoreError,
    StoreFullError,
    StoreLockedError,
    StoreRefusedError,
    StoreUnreachableError,
)

_log = logging.getLogger(__name__)

# PostgreSQL's codes for a transaction it gave up so that another could go on: a
# serialization failure and a deadlock. Running the whole unit of work again succeeds.
_LOST_RACE = {"40001": "another user's change got in the way",
              "40P01": "it was deadlocked with another user's change"}
_UNKNOWN_ROLE = re.compile(r'connection to server .*\brole "([^"]*)" does not exist', re.I)
_RULES: tuple[tuple[tuple[str, ...], type[StoreError], str], ...] = (
    (("database is locked", "database table is locked"), StoreLockedError,
     "the store {where} is locked by another program writing to it; wait a moment and try "
     "again, or close the other program"),
    (("file is not a database", "malformed", "not a database"), StoreDamagedError,
     "{where} is not a forensic store or is damaged; open another file or restore a backup"),
    (("disk is full", "disk full", "no space left"), StoreFullError,
     "the disk holding {where} is full; free some space and try again"),
    (("unable to open database file", "readonly database", "read-only"), StoreError,
     "cannot write to {where}; check that the folder exists and that you may write to it"),
    (("password authentication failed", "no password supplied", "authentication failed"),
     StoreAuthError,
     "the PostgreSQL server {where} refused the login; check the user name and the password "
     "in your .pgpass or service file"),
    (("definition of service", 'service file "'), StoreError,
     "{where} is not defined in your PostgreSQL service file (pg_service.conf or "
     "$PGSERVICEFILE); check the name"),
    (("does not exist",), StoreError,
     "{where}: {detail}; check the database name, or create it first"),
    (("connection refused", "could not connect", "timeout expired", "could not translate host",
      "server closed the connection", "connection timed out", "name or service not known",
      "no such host", "connection is bad", "consuming input failed"),
     StoreUnreachableError,
     "cannot reach the PostgreSQL server {where}; check that it is running and that the host "
     "and port are right"),
    (("permission denied",), StoreError,
     "{where}: {detail}; ask the database administrator for the rights you need"),
)


def translate(error: exc.DBAPIError | exc.OperationalError, where: str) -> KnownError | None:
    """The known error matching a driver exception, or None when it looks like a bug."""
    detail = str(getattr(error, "orig", error) or error).strip().splitlines()[0][:300]
    lowered = str(error).lower()
    if isinstance(error, exc.IntegrityError):
        return IntegrityRuleError(f"the change breaks a rule of the store: {detail}")
    race = _LOST_RACE.get(getattr(getattr(error, "orig", None), "sqlstate", None) or "")
    if race:
        return StoreLockedError(f"the PostgreSQL server {where} stopped a write because {race}; "
                                "nothing was written; try again")
    if getattr(getattr(error, "orig", None), "sqlstate", None) == "42501":
        return _refused(error, where, detail)
    role = _UNKNOWN_ROLE.search(str(error))
    if role:  # a login refused, not a missing database: say which user
        return StoreAuthError(f"the PostgreSQL server {where} has no user {role[1]!r}; check "
                              "the user name in the address or in your service file",
                              password_may_help=False)
    for needles, error_type, template in _RULES:
        if any(n in lowered for n in needles):
            return error_type(template.format(where=where, detail=detail))
    return None


@contextmanager
def known_errors(where: str) -> Iterator[None]:
    """Re-raise driver errors of the environment as known errors with a plain message."""
    try:
        yield
    except (exc.DBAPIError, exc.OperationalError) as error:
        known = translate(error, where)
        if known is None:
            raise
        raise known from error


def _refused(error: exc.DBAPIError, where: str, detail: str) -> StoreRefusedError:
    """A right the login lacks, or a record above its clearance: said plainly, and written to
    the log (the server logs it too), since it may be an attempt at what the login may not do."""
    login = _login_of(error)
    if "row-level security" in detail:
        message = (f"the database {where} refused the change: it would file a record above "
                   "your clearance, or change one you may not see; nothing was changed")
    else:
        message = (f"the database {where} refused: {detail}; your login may not do this, so "
                   "nothing was changed (ask an administrator for the rights you need)")
    _log.warning("refused by the database%s: %s (statement: %s)",
                 f" for {login}" if login else "", detail,
                 " ".join(str(getattr(error, "statement", "") or "").split())[:200])
    return StoreRefusedError(message)


def _login_of(error: exc.DBAPIError) -> str | None:
    orig = getattr(error, "orig", None)
    info = getattr(getattr(orig, "pgconn", None), "user", None)
    return info.decode() if isinstance(info, bytes) else info
