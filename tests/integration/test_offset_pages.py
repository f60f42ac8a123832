"""Jumping into the middle of a listing (offset) shows the same rows as paging to it."""

from __future__ import annotations

import pytest

from forensics_gui.services import records, stores


def _all_ids(store: stores.Store, kind: str, sort: str, descending: bool) -> list[object]:
    ids, cursor = [], None
    while True:
        page = records.list_records(store, kind, sort=sort, descending=descending, limit=5,
                                    cursor=cursor)
        ids += [r.id for r in page.rows]
        cursor = page.next_cursor
        if not cursor:
            return ids


@pytest.mark.parametrize(("kind", "sort"), [("finding", "part"), ("finding", "manufacturer"),
                                            ("finding", "produced"), ("item", "recovered_on")])
def test_offset_pages_match_keyset_pages(demo_store: stores.Store, kind: str, sort: str) -> None:
    for descending in (False, True):
        expected = _all_ids(demo_store, kind, sort, descending)
        for offset in (0, 3, 5, 7):
            page = records.list_records(demo_store, kind, sort=sort, descending=descending,
                                        limit=5, offset=offset)
            assert [r.id for r in page.rows] == expected[offset:offset + 5], (descending, offset)
