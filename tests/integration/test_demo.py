"""The demo data set: what a new user sees after loading it."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from forensics_gui.core.errors import IntegrityRuleError
from forensics_gui.services import custody, demo, records, stores

from .support import store_counts


def test_demo_store_holds_the_published_set(demo_store: stores.Store) -> None:
    counts = store_counts(demo_store)
    assert (counts["system"], counts["finding"], counts["link"]) == (7, 22, 9)
    assert (counts["source"], counts["module"], counts["rule"]) == (15, 38, 0)
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


def test_demo_has_a_cited_checklist_for_every_system_type(demo_store: stores.Store) -> None:
    systems = {s.name for s in records.list_records(demo_store, "system", limit=100).rows}
    modules = records.list_records(demo_store, "module", limit=1000, sort="position").rows
    by_system: dict[str, list[Any]] = {}
    for module in modules:
        by_system.setdefault(module.system_type_name, []).append(module)
    assert set(by_system) == systems
    for name, checklist in by_system.items():
        assert [m.position for m in checklist] == list(range(1, len(checklist) + 1)), name
        assert len(checklist) >= 4, name
    # Modules cite the publications the findings cite: the same source records.
    sources = {s.id: s.title for s in records.list_records(demo_store, "source", limit=100).rows}
    assert {m.source_title for m in modules if m.source_id} <= set(sources.values())
    assert {m.source_id for m in modules} - {None} <= set(sources)
    # No teardown of a Kh-55 is in the demo data: its modules wait for one to cite.
    assert {name for name, checklist in by_system.items()
            if not all(m.source_id for m in checklist)} == {"Kh-55"}
    shahed = {m.name: m for m in by_system["Shahed-136"]}
    assert {"flight controller", "GNSS receiver (CRPA antenna)", "servo drives",
            "power supply"} <= set(shahed)
    controller = shahed["flight controller"]
    assert any("STM32F765VIT6" in part for part in controller.expected)
    finding = records.list_records(demo_store, "finding",
                                   filters={"part_id": "STM32F765VIT6"}).rows[0]
    assert finding.source_ids == (controller.source_id,)
    lancet = records.get(demo_store, "module", "Lancet: vision computer module")
    assert lancet.expected == ("Jetson TX2 module (NVIDIA)",)
