"""Tests of UUID version 7 record ids."""

from __future__ import annotations

import time
import uuid

from forensics_gui.core.ids import id_time_ms, new_id


def test_version_and_variant() -> None:
    value = new_id()
    assert value.version == 7
    assert value.variant == uuid.RFC_4122


def test_ids_sort_in_creation_order_and_are_unique() -> None:
    ids = [new_id() for _ in range(10_000)]
    assert ids == sorted(ids)
    assert [str(value) for value in ids] == sorted(str(value) for value in ids)
    assert len(set(ids)) == len(ids)


def test_timestamp_is_now() -> None:
    before = time.time_ns() // 1_000_000
    value = new_id()
    after = time.time_ns() // 1_000_000
    assert before <= id_time_ms(value) <= after


def test_random_part_differs() -> None:
    first, second = new_id(), new_id()
    assert (first.int & ((1 << 62) - 1)) != (second.int & ((1 << 62) - 1))
