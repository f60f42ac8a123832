"""Analysts' identification rules and the template modules of system types: their rules,
the names they are found by, what deleting what they refer to does, and their history; on
SQLite and on PostgreSQL."""

from __future__ import annotations

from typing import Any

import pytest

from forensics_gui.core.changes import Changes
from forensics_gui.core.errors import IntegrityRuleError, NotFoundError, ValidationError
from forensics_gui.services import audit, records, stores

from .support import CaseFile, store_counts

RULE = {"pattern": "STM32[FGHLW][0-9]", "maker": "STMicroelectronics",
        "family": "STM32 32-bit Arm Cortex-M microcontroller", "category": "microcontroller",
        "confidence": "high"}


def _refused(store: stores.Store, kind: str, values: dict[str, Any], field: str,
             *words: str, reference: Any = None) -> str:
    """The write is refused naming `field` (and saying `words`), and nothing is written."""
    before = store_counts(store)
    with pytest.raises(ValidationError) as caught:
        if reference is None:
            records.create(store, kind, values)
        else:
            records.update(store, kind, reference, None, values)
    assert caught.value.field == field, caught.value
    for word in words:
        assert word in caught.value.reason, caught.value
    assert store_counts(store) == before
    return caught.value.reason


def _module(store: stores.Store, system: str, name: str, **values: Any) -> Any:
    return records.create(store, "module", {"system_type_id": system, "name": name, **values})


# ------------------------------------------------------------------ identification rules

def test_a_rule_names_its_source_and_keeps_its_hs_code_as_digits(
        store: stores.Store, case_file: CaseFile) -> None:
    rule = records.create(store, "rule", {**RULE, "hs_code": "8542.31",
                                          "source_id": "RUSI teardown"})
    assert (rule.source_id, rule.source_title) == (case_file.other_source.id, "RUSI teardown")
    assert (rule.hs_code, rule.confidence) == ("854231", "high")
    assert records.get(store, "rule", "stm32[fghlw][0-9]").id == rule.id  # by its pattern
    records.update(store, "source", "RUSI teardown", None, {"title": "RUSI, Silicon Lifeline"})
    assert records.get(store, "rule", rule.id).source_title == "RUSI, Silicon Lifeline"
    _refused(store, "rule", {"hs_code": "85.4"}, "hs_code", reference=rule.id)


def test_a_bad_pattern_is_refused_naming_the_field(store: stores.Store) -> None:
    _refused(store, "rule", {**RULE, "pattern": "STM32[FG"}, "pattern")
    _refused(store, "rule", {**RULE, "pattern": "  "}, "pattern", "required")
    rule = records.create(store, "rule", RULE)
    _refused(store, "rule", {"pattern": "(STM32"}, "pattern", reference=rule.id)
    assert records.get(store, "rule", rule.id) == rule


def test_a_rule_needs_its_maker_and_a_confidence(store: stores.Store) -> None:
    _refused(store, "rule", {k: v for k, v in RULE.items() if k != "maker"}, "maker", "required")
    _refused(store, "rule", {k: v for k, v in RULE.items() if k != "confidence"}, "confidence")
    _refused(store, "rule", {**RULE, "confidence": "certain"}, "confidence", "high")
    _refused(store, "rule", {**RULE, "now_part_of": "stmicroelectronics"}, "now_part_of")


def test_one_rule_per_pattern_and_maker(store: stores.Store) -> None:
    first = records.create(store, "rule", RULE)
    reason = _refused(store, "rule", {**RULE, "maker": "STMICROELECTRONICS", "notes": "again"},
                      "pattern", "already exists")
    assert "STMicroelectronics" in reason
    # The same pattern may name another maker (a second source of the same family) ...
    other = records.create(store, "rule", {**RULE, "maker": "GigaDevice", "confidence": "low"})
    # ... but not be changed into a rule that exists already.
    _refused(store, "rule", {"maker": "STMicroelectronics"}, "pattern", reference=other.id)
    with pytest.raises(ValidationError, match="give the id"):
        records.get(store, "rule", RULE["pattern"])  # two rules: which one is not guessed
    assert records.get(store, "rule", first.id) == first


# ---------------------------------------------------------------------- template modules

def test_a_module_belongs_to_a_system_and_comes_last_unless_placed(
        store: stores.Store, case_file: CaseFile) -> None:
    first = _module(store, "X-101", "satellite navigation receiver (SN-99)",
                    expected="FPGA; digital signal processor", source_id=case_file.source.id)
    second = _module(store, "Kh-101", "radio altimeter")
    placed = _module(store, "Kh-101", "air-data computer", position="7")
    assert (first.position, second.position, placed.position) == (1, 2, 7)
    assert _module(store, "Kh-101", "power supply").position == 8
    assert (first.system_type_id, first.system_type_name) == (case_file.system.id, "Kh-101")
    assert first.source_title == "War & Sanctions portal"
    assert first.expected == ("FPGA", "digital signal processor")
    records.update(store, "system", "Kh-101", None, {"name": "Kh-101 (X-101)"})
    assert records.get(store, "module", first.id).system_type_name == "Kh-101 (X-101)"
    cleared = records.update(store, "module", placed.id, None, {"position": ""})
    assert cleared.position == 9  # after the others again
    _refused(store, "module", {"position": "0"}, "position", "at least 1", reference=placed.id)
    listed = records.list_records(store, "module", filters={"system_type_id": "X-101"},
                                  sort="position").rows
    assert [m.name for m in listed] == ["satellite navigation receiver (SN-99)",
                                        "radio altimeter", "power supply", "air-data computer"]


def test_module_names_are_unique_within_a_system(store: stores.Store,
                                                 case_file: CaseFile) -> None:
    records.create(store, "system", {"name": "Shahed-136", "aliases": "Geran-2"})
    controller = _module(store, "Shahed-136", "flight controller")
    reason = _refused(store, "module", {"system_type_id": "Geran-2",
                                        "name": "Flight Controller"}, "name", "already has")
    assert "Shahed-136" in reason and "flight controller" in reason
    in_kh101 = _module(store, "Kh-101", "flight controller")  # another system: its own name
    servo = _module(store, "Shahed-136", "servo drives")
    _refused(store, "module", {"name": "FLIGHT controller"}, "name", reference=servo.id)
    # Moved to a system that already has one, it is refused too.
    _refused(store, "module", {"system_type_id": "Kh-101"}, "name", reference=controller.id)
    with pytest.raises(ValidationError, match="Shahed-136: flight controller"):
        records.get(store, "module", "flight controller")  # which system's is not guessed
    assert records.get(store, "module", "geran-2: FLIGHT CONTROLLER").id == controller.id
    assert records.get(store, "module", "Kh-101 : flight controller").id == in_kh101.id
    with pytest.raises(NotFoundError):
        records.get(store, "module", "Kh-101: servo drives")


def test_a_module_for_a_system_that_does_not_exist_is_refused(store: stores.Store,
                                                              case_file: CaseFile) -> None:
    _refused(store, "module", {"system_type_id": "Kh-47M2", "name": "seeker"},
             "system_type_id", "Kh-47M2")
    _refused(store, "module", {"system_type_id": "01a2442d-862e-7522-9bdc-19cd7b2139ec",
                               "name": "seeker"}, "system_type_id")
    _refused(store, "module", {"name": "seeker"}, "system_type_id", "required")
    _refused(store, "module", {"system_type_id": "Kh-101", "name": "seeker",
                               "source_id": "No such report"}, "source_id")


# ----------------------------------------------------------------- deletion and history

def test_a_source_cited_by_a_rule_or_a_module_cannot_be_deleted(
        store: stores.Store, case_file: CaseFile) -> None:
    rule = records.create(store, "rule", {**RULE, "source_id": "RUSI teardown"})
    module = _module(store, "Kh-101", "radio altimeter", source_id="RUSI teardown")
    assert sorted(records.dependents(store, "source", "RUSI teardown")) == [
        ("identification rules citing it", 1, "blocks"),
        ("template modules citing it", 1, "blocks")]
    before = store_counts(store)
    with pytest.raises(IntegrityRuleError, match="identification rules"):
        records.delete(store, "source", "RUSI teardown")
    assert store_counts(store) == before
    records.update(store, "rule", rule.id, None, {"source_id": ""})
    records.update(store, "module", module.id, None, {"source_id": None})
    records.delete(store, "source", "RUSI teardown")
    assert records.get(store, "module", module.id).source_title == ""


def test_deleting_a_system_type_takes_its_modules(store: stores.Store,
                                                  case_file: CaseFile) -> None:
    records.create(store, "system", {"name": "Orlan-10"})
    modules = [_module(store, "Orlan-10", name) for name in ("autopilot", "camera", "engine")]
    kept = _module(store, "Kh-101", "radio altimeter")
    heard: list[Changes] = []
    store.on_commit(heard.append)
    assert records.dependents(store, "system", "Orlan-10") == [("template modules", 3, "deletes")]
    records.delete(store, "system", "Orlan-10")
    for module in modules:
        with pytest.raises(NotFoundError):
            records.get(store, "module", module.id)
    assert records.get(store, "module", kept.id) == kept
    assert heard[-1].touches("module")
    deleted = audit.history(store, "system", limit=1)[0]
    assert deleted.action == "delete"
    assert deleted.old_values["_also_deleted_or_unlinked"] == {"template modules": 3}
    # A system type with recovered items is still kept, modules and all.
    with pytest.raises(IntegrityRuleError, match="recovered items"):
        records.delete(store, "system", "Kh-101")
    assert records.get(store, "module", kept.id) == kept


def test_every_change_is_in_the_history_with_names(store: stores.Store,
                                                   case_file: CaseFile) -> None:
    store.actor = "analyst.a"
    rule = records.create(store, "rule", {**RULE, "source_id": "RUSI teardown"})
    module = _module(store, "Kh-101", "radio altimeter", source_id="War & Sanctions portal")
    store.actor = "analyst.b"
    rule = records.update(store, "rule", rule.id, rule.version, {"confidence": "medium"})
    module = records.update(store, "module", module.id, module.version,
                            {"expected": "A-052 altimeter"})
    assert (module.created_by, module.updated_by) == ("analyst.a", "analyst.b")
    records.delete(store, "rule", rule.id, rule.version)

    rule_events = audit.history(store, "rule")
    assert [e.action for e in rule_events] == ["delete", "update", "create"]
    assert {e.record_id for e in rule_events} == {rule.id}
    assert rule_events[0].old_values["pattern"] == RULE["pattern"]
    assert (rule_events[1].old_values, rule_events[1].new_values) == (
        {"confidence": "high"}, {"confidence": "medium"})
    events, names = audit.history_with_names(store, "module", "Kh-101: radio altimeter")
    assert [e.action for e in events] == ["update", "create"]
    assert events[0].new_values == {"expected": ["A-052 altimeter"]}
    created = events[1].new_values
    assert names[created["system_type_id"]] == "Kh-101"
    assert names[created["source_id"]] == "War & Sanctions portal"
