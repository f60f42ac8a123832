"""Every released schema version still opens: one small store per version lives in
tests/fixtures, and each is upgraded to the newest schema with its data intact."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from forensics_gui.services import records, search, stores
from forensics_gui.storage import migrate, store

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
