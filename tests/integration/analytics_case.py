"""A small store for the analytics tests, every figure of which is counted by hand below.

Two system types, five recovered items (one without a recovery date, one withdrawn), nine
makers (one taken over, one without a country, one Russian), eight parts across CHPL tiers
1, 2 and 3.A, one with no HS code and one with an HS code not on the list, and fifteen
findings, three of which never count (withdrawn, in the withdrawn item, added to the
withdrawn item afterwards). The twelve that count:

    finding item  part/maker              date code  production      tier  category
    F1      I1    STM32F765VIT6 / ST      2231       2022-08-01      1     microcontroller
    F2      I1    AD22100STZ / ADI        2150       2021-12-13      1     temperature sensor*
    F3      I1    LT1086CM / Linear       2208       2022-02-21..27  1     power management
    F4      I2    STM32F765VIT6 / ST      2405       2024-01-29      1     microcontroller
    F5      I2    GRM155 / Murata         2410       2024-03-04      2     capacitor
    F6      I2    1986VE91T / Milandr     231        ambiguous       -     microcontroller
    F7      I3    NC-100 / Nameless       X9K3       unreadable      3.A   computer
    F8      I3    GD32F303CCT6 / Giga     (none)     -               (8501.10 not listed)
    F9      I3    maker only: ADI         2301       2023-01-02      -     -
    F10     I3    unidentified            (none)     -               -     -
    F11     I4    STM32F765VIT6 / ST      2231       2022-08-01      1     microcontroller
    F12     I1    LATE-1 (maker set on    2301       2023-01-02      1     memory
                  the part afterwards: Infineon)

    * the part has no category: its function counts as one.
Items: I1 Shahed-136 recovered 2024-04-10, I2 Shahed-136 2024-09-20, I3 Kh-101 2025-01-15,
I4 Kh-101 with no recovery date, I5 Shahed-136 2024-05-05 (withdrawn).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any
from uuid import UUID

from forensics_gui.services import records, stores

ITEMS = {"I1": ("Shahed-136", date(2024, 4, 10)), "I2": ("Shahed-136", date(2024, 9, 20)),
         "I3": ("Kh-101", date(2025, 1, 15)), "I4": ("Kh-101", None),
         "I5": ("Shahed-136", date(2024, 5, 5))}
# name: (country, successor)
ORGS = {"STMicroelectronics": ("CH", None), "Analog Devices": ("US", None),
        "Linear Technology": ("US", "Analog Devices"), "Murata Manufacturing": ("JP", None),
        "Milandr": ("RU", None), "Infineon Technologies": ("DE", None),
        "Nameless Components": ("", None), "GigaDevice Semiconductor": ("CN", None),
        "Harbour Star Electronics Ltd (fictional)": ("HK", None),
        "OOO Vektor Komponent (fictional)": ("RU", None)}
# part number: (maker, HS code, category, function)
PARTS = {"STM32F765VIT6": ("STMicroelectronics", "8542.31", "microcontroller", ""),
         "AD22100STZ": ("Analog Devices", "8542.39", "", "temperature sensor"),
         "LT1086CM": ("Linear Technology", "8542.39", "power management", ""),
         "GRM155R71C104KA88D": ("Murata Manufacturing", "8532.24", "capacitor", ""),
         "1986VE91T": ("Milandr", "", "microcontroller", ""),
         "NC-100": ("Nameless Components", "8471.50", "computer", ""),
         "GD32F303CCT6": ("GigaDevice Semiconductor", "8501.10", "", ""),
         "LATE-1": (None, "8542.32", "memory", "")}
# name: (item, part, maker when no part, date code)
FINDINGS = {
    "F1": ("I1", "STM32F765VIT6", None, "2231"), "F2": ("I1", "AD22100STZ", None, "2150"),
    "F3": ("I1", "LT1086CM", None, "2208"), "F4": ("I2", "STM32F765VIT6", None, "2405"),
    "F5": ("I2", "GRM155R71C104KA88D", None, "2410"), "F6": ("I2", "1986VE91T", None, "231"),
    "F7": ("I3", "NC-100", None, "X9K3"), "F8": ("I3", "GD32F303CCT6", None, ""),
    "F9": ("I3", None, "Analog Devices", "2301"), "F10": ("I3", None, None, ""),
    "F11": ("I4", "STM32F765VIT6", None, "2231"), "F12": ("I1", "LATE-1", None, "2301"),
    "F13": ("I5", "STM32F765VIT6", None, "2410"), "F14": ("I2", "AD22100STZ", None, "2301"),
}
COUNTED = tuple(f"F{n}" for n in range(1, 13))


@dataclass
class AnalyticsCase:
    """The ids of what the case holds, by the names above."""

    systems: dict[str, UUID] = field(default_factory=dict)
    items: dict[str, UUID] = field(default_factory=dict)
    orgs: dict[str, UUID] = field(default_factory=dict)
    parts: dict[str, UUID] = field(default_factory=dict)
    findings: dict[str, UUID] = field(default_factory=dict)

    def names(self, ids: set[Any]) -> set[str]:
        """The findings' names for a set of their ids."""
        by_id = {found: name for name, found in self.findings.items()}
        return {by_id.get(i, str(i)) for i in ids}


def make_case(store: stores.Store) -> AnalyticsCase:
    case = AnalyticsCase()
    with store.writing() as uow:
        def create(kind: str, values: dict[str, Any]) -> UUID:
            return records.create_in(uow, kind, values).id

        for name in ("Shahed-136", "Kh-101"):
            case.systems[name] = create("system", {"name": name})
        for name, (system, recovered) in ITEMS.items():
            case.items[name] = create("item", {"system_type_id": case.systems[system],
                                               "case_reference": f"CASE-{name}",
                                               "recovered_on": recovered})
        for name, (country, _) in ORGS.items():
            case.orgs[name] = create("org", {"name": name, "country": country,
                                             "roles": ["manufacturer"]})
        for number, (maker, hs, category, function) in PARTS.items():
            case.parts[number] = create("part", {
                "part_number": number, "manufacturer_id": case.orgs.get(maker or ""),
                "hs_code": hs, "category": category, "function": function})
        for name, (item, part, maker, code) in FINDINGS.items():
            case.findings[name] = create("finding", {
                "item_id": case.items[item], "part_id": case.parts.get(part or ""),
                "manufacturer_id": case.orgs.get(maker or ""), "date_code": code,
                "marking": part or f"marking of {name}"})
        create("designation", {"organization_id": case.orgs[
            "Harbour Star Electronics Ltd (fictional)"], "authority": "OFAC",
            "listed_on": date(2023, 5, 19)})
        create("link", {"seller_id": case.orgs["Harbour Star Electronics Ltd (fictional)"],
                        "buyer_id": case.orgs["OOO Vektor Komponent (fictional)"],
                        "part_id": case.parts["STM32F765VIT6"], "status": "probable",
                        "shipped_on": date(2023, 8, 1)})
    for name, (_, successor) in ORGS.items():
        if successor:
            records.update(store, "org", case.orgs[name], None,
                           {"successor_id": case.orgs[successor]})
    # The part of F12 gets its maker after F12 was recorded: F12 keeps none of its own.
    records.update(store, "part", case.parts["LATE-1"], None,
                   {"manufacturer_id": case.orgs["Infineon Technologies"]})
    records.withdraw(store, "finding", case.findings["F14"], None, "recorded twice")
    records.withdraw(store, "item", case.items["I5"], None, "another case's wreckage")
    # Added to the withdrawn item afterwards: it never counts either.
    case.findings["F15"] = records.create(store, "finding", {
        "item_id": case.items["I5"], "part_id": case.parts["GRM155R71C104KA88D"],
        "date_code": "2231", "marking": "GRM155"}).id
    return case
