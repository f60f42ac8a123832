"""A small case file shared by the integration tests: one of each record a finding needs.

Every test gets it fresh in the store of its backend (SQLite, then PostgreSQL).
"""

from __future__ import annotations

from collections.abc import Iterator

import psycopg
import pytest
from psycopg import sql

from forensics_gui.services import records, stores

from .support import CASE, RECOVERED_ON, CaseFile


def _empty(url: str) -> None:
    """Empty every table but keep the schema and the seeded handling markings.

    As tests/conftest.py does, but with DELETE where the server allows it: TRUNCATE costs
    about 0.2 s a test, DELETE on these small tables 0.02 s. DELETE has to get past the
    append-only triggers, which only a superuser may switch off.
    """
    with psycopg.connect(url, autocommit=True) as conn:
        tables = [sql.Identifier(r[0]) for r in conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
            "AND tablename NOT IN ('alembic_version', 'handling_marking')")]
        try:
            with conn.transaction():
                conn.execute("SET LOCAL session_replication_role = replica")
                for table in tables:
                    conn.execute(sql.SQL("DELETE FROM {}").format(table))
        except psycopg.errors.InsufficientPrivilege:
            conn.execute(sql.SQL("TRUNCATE {} CASCADE").format(sql.SQL(", ").join(tables)))
        conn.execute("DELETE FROM handling_marking WHERE created_by <> 'schema'")


@pytest.fixture
def pg_store(pg_migrated: str) -> Iterator[stores.Store]:
    """The shared fixture's fresh PostgreSQL store, emptied faster."""
    _empty(pg_migrated)
    store = stores.open_existing(pg_migrated)
    yield store
    store.close()


@pytest.fixture
def case_file(store: stores.Store) -> CaseFile:
    """A weapon system type, a recovered item, two organizations, a part and two sources."""
    with store.writing() as uow:  # one transaction: this runs before most tests
        def create(kind: str, values: dict[str, object]) -> object:
            return records.create_in(uow, kind, values)

        system = create("system", {"name": "Kh-101", "aliases": "X-101;Kh-101 cruise missile",
                                   "origin_country": "ru"})
        item = create("item", {"system_type_id": "X-101", "case_reference": CASE,
                               "recovered_on": RECOVERED_ON})
        maker = create("org", {"name": "Analog Devices, Inc.", "aliases": ["ADI"],
                               "roles": "manufacturer", "country": "us"})
        distributor = create("org", {"name": "Northwind Components GmbH",
                                     "roles": ["distributor"], "country": "DE"})
        part = create("part", {"part_number": "AD22100STZ",
                               "manufacturer_id": "Analog Devices, Inc.",
                               "function": "Temperature sensor", "hs_code": "8542.31"})
        source = create("source", {"title": "War & Sanctions portal", "kind": "teardown report",
                                   "reliability": "B", "credibility": "2"})
        other_source = create("source", {"title": "RUSI teardown", "reliability": "C"})
    return CaseFile(system, item, maker, distributor, part, source, other_source)
