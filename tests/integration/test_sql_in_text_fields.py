"""SQL typed into every text field of every kind of record is kept as the text it is: the
store runs none of it, changes nothing else, and stays sound; a value the field refuses is
refused with a plain error and changes nothing."""

from __future__ import annotations

from forensics_gui.core.errors import KnownError
from forensics_gui.core.fields import KINDS
from forensics_gui.services import records, stores

from .support import store_counts

PAYLOADS = ("'; DROP TABLE recovered_item; --",
            "x'); DELETE FROM audit_event; UPDATE handling_marking SET rank = -1; --",
            "1 OR 1=1; TRUNCATE component_finding CASCADE",
            "$$; ALTER TABLE audit_event DISABLE TRIGGER USER; $$")
TEXT_TYPES = {"text", "code"}
# Kinds whose rows a new store is made with, which a shared test database keeps from test to
# test: the SQL goes into a record of their kind made for this test, not into those rows.
MADE_FOR_THE_TEST = {"marking": {"name": "TEST-MARKING", "rank": 900},
                     "alias": {"name": "Fictional Old Name Ltd",
                               "current_name": "Fictional New Name Ltd"},
                     "hub": {"name": "Fictional Free Zone", "country": "NZ"}}


def _text_fields() -> list[tuple[str, str]]:
    return [(kind, spec.name) for kind, kind_spec in KINDS.items() for spec in kind_spec.fields
            if spec.type in TEXT_TYPES]


def test_sql_in_every_text_field_is_stored_as_text(demo_store: stores.Store) -> None:
    fields = _text_fields()
    assert len(fields) > 40
    made = {kind: records.create(demo_store, kind, values)
            for kind, values in MADE_FOR_THE_TEST.items()}
    before = store_counts(demo_store)
    kept = refused = 0
    for kind, name in fields:
        if kind in made:
            record = made[kind]
        else:
            page = records.list_records(demo_store, kind, limit=1)
            if not page.rows:
                continue
            record = page.rows[0]
        for payload in PAYLOADS:
            current = records.get(demo_store, kind, record.id)
            try:
                changed = records.update(demo_store, kind, record.id, current.version,
                                         {name: payload})
            except KnownError:
                refused += 1  # said plainly; the record is as it was
                assert getattr(records.get(demo_store, kind, record.id), name) == getattr(
                    current, name)
                continue
            kept += 1
            assert getattr(changed, name) == payload
            assert getattr(records.get(demo_store, kind, record.id), name) == payload
    assert kept > 100
    after = store_counts(demo_store)
    assert {k: after[k] for k in after if k != "audit"} == {
        k: before[k] for k in before if k != "audit"}
    assert after["audit"] > before["audit"]  # each change recorded, nothing erased
    assert stores.check(demo_store) == []
    print(f"\nSQL in text fields: {kept} values kept as text, {refused} refused by the "
          f"field's rules, {len(fields)} fields of {len({k for k, _ in fields})} kinds")

