"""A small case file shared by the integration tests: one of each record a finding needs.

Every test gets it fresh in the store of its backend (SQLite, then PostgreSQL).
"""

from __future__ import annotations

import pytest

from forensics_gui.services import records, stores

from .support import CASE, RECOVERED_ON, CaseFile


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
