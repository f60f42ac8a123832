"""The demo data set: what a new user sees after loading it."""

from __future__ import annotations

from datetime import date

import pytest

from forensics_gui.core.errors import IntegrityRuleError
from forensics_gui.services import custody, demo, records, stores

from .support import store_counts


def test_demo_store_holds_the_published_set(demo_store: stores.Store) -> None:
    counts = store_counts(demo_store)
    assert (counts["system"], counts["finding"], counts["link"]) == (7, 22, 9)
    assert counts["item"] == counts["custody"] > 0
    systems = {s.name for s in records.list_records(demo_store, "system", limit=100).rows}
    assert {"Shahed-136", "Kh-101", "Iskander-M 9M723", "Orlan-10"} <= systems
    assert records.get(demo_store, "system", "Geran-2").name == "Shahed-136"

    orgs = records.list_records(demo_store, "org", limit=1000).rows
    fictional = [o for o in orgs if "(fictional)" in o.name]
    assert len(fictional) >= 5
    assert {o.notes for o in fictional} == {"Fictional demo entity"}
    real = [o for o in orgs if o.name in ("Analog Devices", "STMicroelectronics", "Traco Power")]
    assert len(real) == 3 and all("ictional" not in o.notes for o in real)
    links = records.list_records(demo_store, "link", limit=100).rows
    assert sum("(fictional)" in k.seller_name + k.buyer_name for k in links) == 9


def test_demo_findings_carry_derived_values(demo_store: stores.Store) -> None:
    sensor = records.list_records(demo_store, "finding",
                                  filters={"part_id": "AD22100STZ"}).rows
    assert len(sensor) == 1
    finding = sensor[0]
    assert finding.case_reference.startswith(demo.DEMO_PREFIX)
    assert (finding.produced_from, finding.date_code_format) == (date(2022, 5, 16), "YYWW")
    assert (finding.manufacturer_name, finding.identification) == ("Analog Devices", "part")
    assert finding.source_ids
    part = records.get(demo_store, "part", "AD22100-STZ")
    assert (part.hs_code, part.chpl_tier) == ("854239", "1")
    history = custody.custody_history(demo_store, finding.case_reference)
    assert custody.current_custodian(history) == "Demo forensic laboratory"

    before = store_counts(demo_store)
    with pytest.raises(IntegrityRuleError):
        demo.load_demo(demo_store)
    assert store_counts(demo_store) == before
