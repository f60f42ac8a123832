"""Table columns read differently from one another, and references are offered by name."""

from __future__ import annotations

from dataclasses import fields

import pytest

from forensics_gui.core.fields import KINDS, REFERENCE_NAMES, column_label, reference_kinds
from forensics_gui.core.records import DTO_OF_KIND


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_no_two_columns_of_a_kind_read_the_same(kind: str) -> None:
    named = {name for k, name in REFERENCE_NAMES if k == kind}
    labels = [column_label(kind, f.name) for f in fields(DTO_OF_KIND[kind])
              if f.name not in named]
    assert len(labels) == len(set(labels)), labels


def test_a_reference_named_beside_it_points_to_a_value_the_record_holds() -> None:
    for (kind, reference), name in REFERENCE_NAMES.items():
        held = {f.name for f in fields(DTO_OF_KIND[kind])}
        assert {reference, name} <= held, (kind, reference)
        assert reference in reference_kinds()


def test_a_reference_shown_as_an_id_says_so() -> None:
    assert column_label("link", "finding_id") == "Finding (id)"
    assert column_label("item", "system_type_name") == "System type"
    assert column_label("list", "version") == "Version (record)"
