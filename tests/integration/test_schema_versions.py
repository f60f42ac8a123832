"""Every released schema version still opens: one small store per version lives in
tests/fixtures, and each is upgraded to the newest schema with its data intact."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import inspect, select

from forensics_gui.core.search import terms_of
from forensics_gui.services import records, search, stores
from forensics_gui.storage import migrate, store
from forensics_gui.storage.models import SearchTermRow

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_the_quick_head_check_matches_the_migrations() -> None:
    assert migrate.head_revision() == store.SCHEMA_HEAD


def test_there_is_a_fixture_for_every_revision() -> None:
    from alembic.script import ScriptDirectory

    revisions = {r.revision for r in
                 ScriptDirectory.from_config(migrate.alembic_config()).walk_revisions()}
    fixtures = {p.stem.removeprefix("store-") for p in FIXTURES.glob("store-*.sqlite")}
    assert revisions == fixtures


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("store-*.sqlite")),
                         ids=lambda p: p.stem)
def test_released_store_opens_and_upgrades(fixture: Path, tmp_path: Path) -> None:
    copy = tmp_path / fixture.name
    shutil.copy(fixture, copy)
    opened = stores.open_existing(str(copy))
    try:
        assert opened.schema_revision() == migrate.head_revision()
        assert stores.check(opened) == []
        assert records.count(opened, "finding") == 22
        assert records.get(opened, "part", "STM32F765VIT6").chpl_tier == "1"
        # An older store gets its search index built while it is upgraded.
        found = search.search(opened, "32F765")
        assert [h.title for h in found.groups["part"]] == ["STM32F765VIT6"]
    finally:
        opened.close()


NEW_IN_0008 = {"identification_rule", "template_module"}


def test_a_0007_store_gets_rules_modules_and_its_terms_made_again(tmp_path: Path) -> None:
    copy = tmp_path / "store-0007.sqlite"
    shutil.copy(FIXTURES / "store-0007.sqlite", copy)
    with closing(sqlite3.connect(copy)) as db, db:
        # Terms the upgrade must make again from the records themselves, one of them from
        # a marking read over two lines.
        db.execute("DELETE FROM search_term WHERE kind = 'finding'")
        db.execute("UPDATE component_finding SET marking = 'STM32F765' || char(10) || 'VIT6' "
                   "WHERE marking = 'STM32F765VIT6'")
    opened = stores.open_existing(str(copy))
    try:
        assert opened.schema_revision() == migrate.head_revision()
        assert stores.check(opened) == []
        with opened.engine.connect() as connection:
            assert set(inspect(connection).get_table_names()) >= NEW_IN_0008
            terms = SearchTermRow.__table__
            indexed = set(connection.execute(select(terms.c.record_id, terms.c.field,
                                                    terms.c.key)
                                             .where(terms.c.kind == "finding")).all())
        findings = records.list_records(opened, "finding", limit=1000).rows
        assert any(f.marking == "STM32F765\nVIT6" for f in findings)
        assert indexed == {(f.id, t.field, t.key) for f in findings
                           for t in terms_of("finding", f)}
        found = search.search(opened, "GW1N-UV9")
        assert {h.title for h in found.groups["finding"]} == {"GW1N-UV9UG169C6/I5"}
        assert records.count(opened, "rule") == records.count(opened, "module") == 0
        rule = records.create(opened, "rule", {"pattern": "GW1N", "maker": "Gowin Semiconductor",
                                               "confidence": "high"})
        module = records.create(opened, "module", {"system_type_id": "Iskander-M 9M723",
                                                   "name": "on-board computer"})
        assert (rule.version, module.position, module.system_type_name) == (
            1, 1, "Iskander-M 9M723")
    finally:
        opened.close()


def test_0008_goes_back_to_0007_and_forward_again(store: stores.Store) -> None:
    records.create(store, "system", {"name": "Lancet"})
    records.create(store, "module", {"system_type_id": "Lancet", "name": "vision computer"})
    with store.engine.begin() as connection:
        command.downgrade(migrate.alembic_config(connection), "0007")
    with store.engine.connect() as connection:
        assert migrate.current_revision(connection) == "0007"
        assert not NEW_IN_0008 & set(inspect(connection).get_table_names())
    with store.engine.begin() as connection:
        command.upgrade(migrate.alembic_config(connection), "head")
    assert stores.check(store) == []
    assert records.count(store, "module") == 0
    assert records.create(store, "module", {"system_type_id": "Lancet", "name": "camera"})


NEW_IN_0009 = {"store_identity", "exchange_package", "exchange_sent_record", "exchange_delivered",
               "exchange_received", "exchange_conflict"}


def test_a_0008_store_gets_an_identity_of_its_own(tmp_path: Path) -> None:
    from forensics_gui.services.exchange import packages

    copies = []
    for name in ("one", "two"):
        copy = tmp_path / f"{name}.sqlite"
        shutil.copy(FIXTURES / "store-0008.sqlite", copy)
        opened = stores.open_existing(str(copy))
        copies.append(packages.identity(opened))
        with opened.engine.connect() as connection:
            assert set(inspect(connection).get_table_names()) >= NEW_IN_0009
        assert packages.status(opened).undelivered["finding"] == 22
        opened.close()
    assert copies[0].store_id != copies[1].store_id and copies[0].device_name


def test_0009_goes_back_to_0008_and_forward_again(store: stores.Store) -> None:
    with store.engine.begin() as connection:
        command.downgrade(migrate.alembic_config(connection), "0008")
    with store.engine.connect() as connection:
        assert not NEW_IN_0009 & set(inspect(connection).get_table_names())
    with store.engine.begin() as connection:
        command.upgrade(migrate.alembic_config(connection), "head")
    assert stores.check(store) == []
