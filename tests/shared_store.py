"""A shared PostgreSQL store for tests of roles and clearances: its own database on the test
server, the demo data, the roles set up, and a login of each group (a viewer cleared to
UNCLASSIFIED, an editor to OFFICIAL, an administrator to SECRET); all dropped afterwards."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import psycopg
from psycopg import sql

from forensics_gui.services import access, demo, stores

CLEARANCE = {"viewer": "UNCLASSIFIED", "editor": "OFFICIAL", "admin": "SECRET"}
NAMES = {"viewer": "fx_vera", "editor": "fx_bob", "admin": "fx_alice"}


@dataclass
class SharedStore:
    admin_url: str  # the superuser who set the store up
    urls: dict[str, str]  # group: the store's address as its login
    logins: dict[str, str]  # group: its login
    suffix: str  # of every login made for this store: name others "fx_<name>_<suffix>"


def as_login(url: str, login: str) -> str:
    """`url` with `login` as its user."""
    scheme, rest = url.split("://", 1)
    return f"{scheme}://{login}@{rest.split('@', 1)[-1]}"


@contextmanager
def shared_store(server_url: str, purpose: str, *, secret: Iterable[str] = (),
                 more_logins: Iterable[str] = ()) -> Iterator[SharedStore]:
    """The store, with the recovered items whose case references are in `secret` marked
    SECRET; `more_logins` (names made with the suffix) are dropped at the end too."""
    name = f"forensics_{purpose}_{uuid.uuid4().hex[:8]}"
    url = f"{server_url.rsplit('/', 1)[0]}/{name}"
    suffix = uuid.uuid4().hex[:6]
    logins = {group: f"{base}_{suffix}" for group, base in NAMES.items()}
    with psycopg.connect(server_url, autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        store = stores.init(url)
        try:
            demo.load_demo(store)
            with psycopg.connect(url, autocommit=True) as db:
                db.execute("UPDATE recovered_item SET handling_marking = 'SECRET' "
                           "WHERE case_reference = ANY(%s)", [list(secret)])
            access.set_up_roles(store)
            for group, login in logins.items():
                access.set_login(store, login, group, CLEARANCE[group], "pw-" + suffix)
        finally:
            store.close()
        yield SharedStore(url, {g: as_login(url, login) for g, login in logins.items()},
                          logins, suffix)
    finally:
        with psycopg.connect(server_url, autocommit=True) as admin:
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(name)))
            for login in (*logins.values(), *(f"fx_{n}_{suffix}" for n in more_logins)):
                admin.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(login)))
