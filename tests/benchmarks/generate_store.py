"""A large, realistic store made through the service layer's bulk path, for benchmarks.

    .venv/bin/python tests/benchmarks/generate_store.py [LOCATION] [--findings N] [--keep]

LOCATION is a SQLite file (default: a new temporary folder, never the repository) or a
PostgreSQL URL such as postgresql://root@127.0.0.1:5432/forensics_bench, whose database is
created here and must not exist yet. The store is removed at the end unless --keep is given
(an explicit SQLite path is always kept). Other benchmarks call `generate()` directly.

Everything is drawn from `random.Random(seed)`, so two runs with the same seed and sizes hold
the same part numbers, names and date codes (ids differ: they are made by the store).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from uuid import UUID

import psycopg
from psycopg import sql
from sqlalchemy.engine import make_url

from forensics_gui.core.partnumbers import search_key
from forensics_gui.services import stores
from forensics_gui.services.bulk import bulk_create

PG_PREFIXES = ("postgresql://", "postgres://", "postgresql+psycopg://")
FIRST_RECOVERY, LAST_RECOVERY = date(2022, 2, 24), date(2025, 12, 31)
MARKINGS = (("OFFICIAL", 70), ("OFFICIAL-SENSITIVE", 20), ("UNCLASSIFIED", 8), ("SECRET", 2))
SYSTEMS = (
    ("Kh-101", "cruise missile", "Raduga"), ("Kalibr 3M-14", "cruise missile", "Novator"),
    ("Kh-55", "cruise missile", "Raduga"), ("Kh-59", "cruise missile", "Raduga"),
    ("Iskander-M 9M723", "ballistic missile", "KBM"), ("Kh-47M2 Kinzhal", "ballistic missile",
                                                       "KBM"),
    ("Shahed-136 / Geran-2", "loitering munition", "Alabuga"), ("Lancet-3", "loitering munition",
                                                                "ZALA Aero"),
    ("Orlan-10", "UAV", "STC"), ("Supercam S350", "UAV", "Unmanned Systems"),
    ("ZALA 421-16E", "UAV", "ZALA Aero"), ("Eleron-3", "UAV", "Enics"),
    ("Tornado-S 9M544", "rocket", "Splav"), ("Kh-31P", "anti-radiation missile", "Zvezda"),
    ("Kh-69", "cruise missile", "Raduga"), ("Ka-52", "helicopter", "Progress"),
    ("T-72B3", "tank", "Uralvagonzavod"), ("Pantsir-S1", "air defence", "KBP"),
    ("Krasukha-4", "electronic warfare", "KRET"), ("Zhitel R-330Zh", "electronic warfare",
                                                   "Protek"),
)
OBLASTS = ("Kyiv", "Kharkiv", "Donetsk", "Zaporizhzhia", "Kherson", "Mykolaiv", "Dnipro",
           "Odesa", "Sumy", "Chernihiv", "Luhansk", "Lviv", "Vinnytsia", "Poltava")
REAL_MAKERS = (
    ("STMicroelectronics", "CH"), ("Analog Devices", "US"), ("Linear Technology", "US"),
    ("Maxim Integrated", "US"), ("Texas Instruments", "US"), ("Xilinx", "US"), ("Altera", "US"),
    ("Microchip Technology", "US"), ("Atmel", "US"), ("Infineon Technologies", "DE"),
    ("International Rectifier", "US"), ("Micron Technology", "US"),
    ("Cypress Semiconductor", "US"), ("Integrated Silicon Solution", "US"),
    ("Nordic Semiconductor", "NO"), ("NXP Semiconductors", "NL"), ("ON Semiconductor", "US"),
    ("Vishay Intertechnology", "US"), ("Murata Manufacturing", "JP"), ("u-blox", "CH"),
    ("Milandr", "RU"), ("Angstrem", "RU"), ("Renesas Electronics", "JP"), ("Lattice", "US"),
)
CITIES = ("Shenzhen", "Hong Kong", "Dongguan", "Xiamen", "Ningbo", "Suzhou", "Wuxi", "Tianjin",
          "Almaty", "Istanbul", "Dubai", "Yerevan", "Tashkent", "Minsk", "Moscow", "Taipei",
          "Bishkek", "Tbilisi", "Baku", "Hangzhou")
STEMS = ("Huaxin", "Jinyuan", "Xinhe", "Tianrui", "Hengtai", "Dali", "Sinotech", "Everbright",
         "Topwell", "Greatwall", "Bluestar", "Unitech", "Novatek", "Polaris", "Vostok", "Sever",
         "Kvant", "Radian", "Impuls", "Signal", "Orion", "Zenit", "Triada", "Akvilon",
         "Meridian", "Spectra", "Atlant", "Baltic", "Helix", "Quantum", "Vector", "Delta",
         "Omega", "Sigma", "Pioneer", "Fortune", "Harmony", "Sunrise", "Golden Bridge", "Apex")
FORMS = ("Electronics Co., Ltd.", "Technology Co., Ltd.", "Trading Limited", "Components LLC",
         "Semiconductor Ltd.", "Microelectronics JSC", "Import-Export LLC", "Industrial Group",
         "Logistics FZE", "Elektronika OOO")
BOARDS = ("main board", "guidance unit", "power board", "GNSS module", "radio module",
          "servo controller", "camera board", "flight controller", "seeker", "data link")


def _pick(rng: random.Random, choices: str) -> str:
    return choices[rng.randrange(len(choices))]


def _num(rng: random.Random, low: int, high: int) -> str:
    return str(rng.randint(low, high))


# Each family: (weight, maker index in REAL_MAKERS, CHPL HS code, function, part number maker).
Family = tuple[int, int, str, str, Callable[[random.Random], str]]
FAMILIES: tuple[Family, ...] = (
    (14, 0, "854231", "microcontroller", lambda r: (
        f"STM32{r.choice(('F0', 'F1', 'F2', 'F3', 'F4', 'F7', 'H7', 'L0', 'L4', 'G0', 'G4'))}"
        f"{r.randrange(100):02d}{_pick(r, 'CRVZIK')}{_pick(r, '468BCEGI')}{_pick(r, 'THU')}"
        f"{_pick(r, '67')}")),
    (10, 1, "854239", "data converter", lambda r: (
        f"AD{_num(r, 5000, 9999)}{_pick(r, 'ABSTJK')}"
        f"{r.choice(('RZ', 'CPZ', 'BCZ', 'ARMZ', 'RUZ', 'ACPZ', 'BRMZ'))}")),
    (4, 1, "854239", "sensor", lambda r: (
        f"{r.choice(('ADXL', 'ADXRS', 'ADIS', 'ADuM'))}{_num(r, 100, 16999)}"
        f"{r.choice(('BCCZ', 'BRIZ', 'ARWZ', 'BMLZ', 'CRZ'))}")),
    (8, 2, "854239", "power management", lambda r: (
        f"LTC{_num(r, 1000, 7999)}{_pick(r, 'CIH')}{r.choice(('DD', 'MS', 'S8', 'GN', 'UF'))}"
        f"{r.choice(('#PBF', '#TRPBF', '-1#PBF'))}")),
    (8, 3, "854233", "interface", lambda r: (
        f"MAX{_num(r, 200, 39999)}{_pick(r, 'ECA')}{r.choice(('SA', 'UA', 'TE', 'EUA', 'ETP'))}"
        f"{r.choice(('+', '+T', ''))}")),
    (10, 4, "854239", "power management", lambda r: (
        f"{r.choice(('TPS', 'LM', 'OPA', 'INA', 'TLV', 'DRV', 'CC'))}{_num(r, 100, 65999)}"
        f"{r.choice(('DRVR', 'DGQ', 'RGTR', 'DBVT', 'IDR', 'PWR', 'MDCKRQ1'))}")),
    (4, 4, "854231", "signal processor", lambda r: (
        f"TMS320{r.choice(('F28', 'C67', 'C64', 'F2837'))}{_num(r, 10, 999)}"
        f"{r.choice(('PGFA', 'ZJZ', 'GDP', 'PTPT', 'ZWTQ'))}")),
    (5, 4, "854239", "logic", lambda r: (
        f"SN74{r.choice(('LVC', 'HC', 'AHC', 'ALVC', 'LV', 'AUP'))}{_num(r, 1, 16999)}"
        f"{r.choice(('D', 'PW', 'DR', 'PWR', 'DBVR', 'RGYR'))}")),
    (5, 5, "854231", "FPGA", lambda r: (
        f"XC{r.choice(('7A', '7K', '7Z', '6SLX', '3S', 'KU', 'ZU'))}{_num(r, 4, 999)}"
        f"{r.choice(('T', '', 'EG'))}-{_pick(r, '123')}{r.choice(('FGG', 'CSG', 'CLG', 'FTG'))}"
        f"{r.choice(('256', '324', '400', '484', '676', '900'))}{_pick(r, 'CI')}")),
    (3, 6, "854231", "FPGA", lambda r: (
        f"EP{r.choice(('4CE', '3C', '2C', '5CE', '1C'))}{_num(r, 5, 150)}{_pick(r, 'FEUM')}"
        f"{r.choice(('17', '22', '23', '29'))}{_pick(r, 'CIA')}{_pick(r, '6789')}N")),
    (5, 8, "854231", "microcontroller", lambda r: (
        f"ATMEGA{r.choice(('8', '16', '32', '48', '64', '88', '128', '168', '328', '2560'))}"
        f"{r.choice(('A', 'P', 'PB', 'L', 'U2', ''))}-{r.choice(('16AU', '20AU', '16MU', 'PU'))}"
        f"{r.choice(('', 'R'))}")),
    (5, 7, "854231", "microcontroller", lambda r: (
        f"PIC{r.choice(('16F', '18F', '24FJ', '32MX', '12F', '33EP'))}{_num(r, 10, 99999)}"
        f"-{_pick(r, 'IE')}/{r.choice(('PT', 'SO', 'ML', 'SS', 'MV'))}")),
    (5, 9, "854129", "transistor", lambda r: (
        f"{r.choice(('IRF', 'IRLML', 'IRFR', 'BSS', 'BSC', 'IPD'))}{_num(r, 10, 9999)}"
        f"{r.choice(('PBF', 'TRPBF', 'N', 'NS', ''))}")),
    (4, 11, "854232", "memory", lambda r: (
        f"{r.choice(('MT29F', 'MT41K', 'MT25QL', 'MT47H', 'MT48LC'))}{_num(r, 1, 512)}"
        f"{r.choice(('G08', 'M16', 'M8', 'ABA'))}{_pick(r, 'ABCE')}{r.choice(('WP', 'H4', 'TW'))}"
        f"-{r.choice(('107', '125', '25E', '6A', 'IT'))}{r.choice(('', ':A', ':B', ':C'))}")),
    (3, 12, "854232", "memory", lambda r: (
        f"CY{r.choice(('7C', '62', '14B', '15B', '8C'))}{_num(r, 1000, 9999)}"
        f"{r.choice(('', 'A', 'B', 'G'))}-{r.choice(('10', '12', '15', '45'))}"
        f"{r.choice(('ZSXI', 'BVXI', 'ZXI', 'LTXI', 'AXI'))}")),
    (2, 13, "854232", "memory", lambda r: (
        f"IS{r.choice(('61WV', '62WV', '42S', '43TR', '25LP'))}{_num(r, 100, 99999)}"
        f"{_pick(r, 'BEDA')}LL-{r.choice(('10', '8', '55', '7'))}{r.choice(('TLI', 'BLI', 'B'))}")),
    (2, 14, "851762", "radio", lambda r: (
        f"NRF{r.choice(('24L01', '24LE1', '51822', '52832', '52840', '9160'))}"
        f"-{r.choice(('QFAA', 'QIAA', 'CEAA', 'QFAC', 'SICA'))}{r.choice(('', '-R', '-R7'))}"
        f"{_num(r, 0, 99)}")),
    (3, 17, "853224", "capacitor", lambda r: (
        f"{r.choice(('CRCW', 'TNPW', 'VJ', 'T491'))}{r.choice(('0402', '0603', '0805', '1206'))}"
        f"{_num(r, 10, 9999)}{_pick(r, 'FJKM')}{r.choice(('KEA', 'XAT', 'EA', 'KFKA'))}")),
    (3, 18, "853224", "capacitor", lambda r: (
        f"GRM{r.choice(('155', '188', '21B', '31C', '32E'))}{r.choice(('R7', 'R6', 'C8', '5C'))}"
        f"{_pick(r, '1AEH')}{_num(r, 100, 999)}{_pick(r, 'KMJ')}{r.choice(('A01D', 'E15D'))}")),
    (2, 19, "852691", "GNSS receiver", lambda r: (
        f"{r.choice(('NEO', 'LEA', 'MAX', 'ZED', 'NINA'))}-{_num(r, 5, 9)}"
        f"{r.choice(('M', 'N', 'Q', 'T', 'F9P', 'P'))}-{_num(r, 0, 9)}{_num(r, 0, 9)}B")),
    (2, 20, "854231", "microcontroller", lambda r: (
        f"1986{r.choice(('ВЕ', 'ВК', 'ВЕ9'))}{_num(r, 1, 99)}{r.choice(('Т', 'У', 'Н4', 'ТУ'))}")),
    (2, 21, "854239", "logic", lambda r: (
        f"{r.choice(('5576ХС', '5559ИН', '1645РУ', '5578ТС', '1636РР', '5023ВС'))}"
        f"{_num(r, 1, 999)}{r.choice(('Т', 'У', 'У1', 'Т1'))}")),
    (3, 22, "854231", "microcontroller", lambda r: (
        f"R{r.choice(('5F', '7S', '7F'))}{_num(r, 100, 99999)}{_pick(r, 'ABDEFGHJ')}"
        f"{r.choice(('FP', 'DFP', 'NBG', 'BG'))}{r.choice(('#V0', '#30', '#U0', ''))}")),
    (2, 23, "854231", "FPGA", lambda r: (
        f"{r.choice(('LCMXO2', 'LFE5U', 'ICE40', 'LCMXO3', 'LFXP2'))}-{_num(r, 256, 9999)}"
        f"{r.choice(('HC', 'UP', 'LP', 'F'))}-{_pick(r, '4568')}{r.choice(('TG144', 'BG256'))}"
        f"{_pick(r, 'CI')}")),
)
FAMILY_WEIGHTS = tuple(f[0] for f in FAMILIES)
ECCNS = ("", "", "", "", "EAR99", "3A991.a.2", "5A992.c", "3A001.a.2.c", "3A991.b.1.a")


@dataclass(frozen=True)
class Made:
    """Ids of what was made so far, for the kinds that refer to them."""

    systems: list[UUID]
    orgs: list[UUID]
    parts: list[UUID]
    part_functions: list[str]
    part_numbers: list[str]
    items: list[UUID]
    recovered: list[date]


# ----------------------------------------------------------------- rows of each kind
def system_rows() -> Iterator[dict[str, Any]]:
    """The weapon system types (fixed list, the same whatever the seed)."""
    for name, category, producer in SYSTEMS:
        yield {"name": name, "category": category, "origin_country": "RU",
               "producer": producer, "aliases": [name.split()[0]]}


def org_rows(rng: random.Random, count: int) -> Iterator[dict[str, Any]]:
    """Manufacturers: the known makers first, then traders and clone makers."""
    yield from ({"name": n, "country": c, "roles": ["manufacturer"]}
                for n, c in REAL_MAKERS[:count])
    names = [f"{c} {s} {f}" for c in CITIES for s in STEMS for f in FORMS]
    rng.shuffle(names)
    for number in range(max(0, count - len(REAL_MAKERS))):
        base = names[number % len(names)]
        name = base if number < len(names) else f"{base} No. {number // len(names) + 1}"
        yield {"name": name, "country": rng.choice(("CN", "HK", "TR", "AE", "KZ", "RU", "AM")),
               "roles": ["manufacturer", "distributor"]}


def part_rows(rng: random.Random, count: int, orgs: list[UUID],
              functions: list[str], numbers: list[str]) -> Iterator[dict[str, Any]]:
    """Parts with unique part numbers; most carry their family's maker and CHPL code."""
    seen: set[str] = set()
    while len(numbers) < count:
        _, maker, hs6, function, make = rng.choices(FAMILIES, FAMILY_WEIGHTS)[0]
        number = make(rng)
        key = search_key(number)
        if key in seen:
            continue
        seen.add(key)
        functions.append(function)
        numbers.append(number)
        own = maker < len(orgs) and rng.random() < 0.7
        yield {"part_number": number, "manufacturer_id": orgs[maker] if own else rng.choice(orgs),
               "function": function, "category": "electronic component",
               "hs_code": _hs_text(rng, hs6), "eccn": rng.choice(ECCNS)}


def _hs_text(rng: random.Random, hs6: str) -> str:
    roll = rng.random()
    if roll < 0.1:
        return ""
    if roll < 0.4:
        return f"{hs6[:4]}.{hs6[4:]}.00"
    return hs6 if roll < 0.8 else hs6 + "0000"


def item_rows(rng: random.Random, count: int, systems: list[UUID],
              recovered: list[date]) -> Iterator[dict[str, Any]]:
    """Recovered items, recovered between February 2022 and December 2025."""
    span = (LAST_RECOVERY - FIRST_RECOVERY).days
    markings, weights = zip(*MARKINGS, strict=True)
    for number in range(count):
        day = FIRST_RECOVERY + timedelta(days=rng.randrange(span + 1))
        recovered.append(day)
        yield {"system_type_id": rng.choice(systems),
               "case_reference": f"UA-{day.year}-{number + 1:06d}",
               "serial_number": f"{rng.randrange(10**6):06d}", "recovered_on": day,
               "recovery_place": f"{rng.choice(OBLASTS)} oblast",
               "latitude": round(rng.uniform(44.5, 52.0), 4),
               "longitude": round(rng.uniform(22.5, 40.0), 4),
               "condition": rng.choice(("intact", "damaged", "fragments")),
               "handling_marking": rng.choices(markings, weights)[0]}


# Drawn from pools so that making a million rows costs little next to adding them.
LOCATIONS = tuple(f"{board} U{n}" for board in BOARDS for n in range(1, 121))
CONFIDENCE = ("confirmed",) * 3 + ("high",) * 4 + ("medium",) * 2 + ("low",)
QUANTITY = (1,) * 85 + (2, 2, 2, 3, 3, 4, 4, 5, 6, 8) + (1,) * 5
ODD_CODES = ("2254", "X9K3", "1932A", "201945", "07/19", "E3", "2100", "??")


def finding_rows(rng: random.Random, count: int, made: Made) -> Iterator[dict[str, Any]]:
    """Findings entered item by item; popular parts recur, most date codes are YYWW."""
    items, parts = len(made.items), len(made.parts)
    lots = [f"{_pick(rng, 'ABCDEFGHKMNPRTXZ')}{rng.randrange(10**4):04d}" for _ in range(4096)]
    codes = {year: _week_codes(year) for year in range(FIRST_RECOVERY.year,
                                                       LAST_RECOVERY.year + 1)}
    random_ = rng.random
    for number in range(count):
        at = number * items // count
        roll = random_()
        code = _date_code(rng, codes[made.recovered[at].year])
        row = {"item_id": made.items[at], "part_id": None, "manufacturer_id": None,
               "function": "", "marking": code, "date_code": code,
               "lot_code": lots[int(random_() * 4096)],
               "quantity": QUANTITY[int(random_() * 100)],
               "location": LOCATIONS[int(random_() * len(LOCATIONS))],
               "confidence": CONFIDENCE[int(random_() * 10)]}
        if roll < 0.92:
            part = int(parts * random_() ** 2)
            row |= {"part_id": made.parts[part], "function": made.part_functions[part],
                    "marking": f"{made.part_numbers[part]} {code}".strip()}
        elif roll < 0.97:
            row["manufacturer_id"] = made.orgs[int(random_() * len(made.orgs))]
        yield row


def _week_codes(recovered_year: int) -> tuple[str, ...]:
    """YYWW codes of the twelve years up to the recovery year."""
    return tuple(f"{year % 100:02d}{week:02d}"
                 for year in range(max(2005, recovered_year - 12), recovered_year + 1)
                 for week in range(1, 53))


def _date_code(rng: random.Random, week_codes: tuple[str, ...]) -> str:
    roll = rng.random()
    if roll < 0.10:
        return ""
    if roll < 0.95:
        return week_codes[int(rng.random() * len(week_codes))]
    return ODD_CODES[int(rng.random() * len(ODD_CODES))]


# ----------------------------------------------------------------- filling a store
def generate(location: str, findings: int = 1_000_000, parts: int = 200_000,
             items: int = 20_000, orgs: int = 2_000, seed: int = 1, *,
             batch_size: int | None = None,
             echo: Callable[[str], None] | None = print) -> dict[str, Any]:
    """Fill a new store at `location` through `bulk_create`; returns sizes and seconds.

    A PostgreSQL database is created first (see `create_database`); a SQLite file must not
    exist yet. `batch_size` None keeps bulk_create's own default.
    """
    prepare_location(location)
    rng = random.Random(seed)
    seconds: dict[str, float] = {}
    cpu_seconds: dict[str, float] = {}
    store = stores.init(location)
    started, cpu = time.perf_counter(), time.process_time()
    try:
        made = _fill(store, rng, (seconds, cpu_seconds), (findings, parts, items, orgs),
                     batch_size, echo)
    finally:
        store.close()
    seconds["total"] = time.perf_counter() - started
    cpu_seconds["total"] = time.process_time() - cpu
    if echo:
        echo(f"  total     {seconds['total']:8.1f} s (this process's CPU "
             f"{cpu_seconds['total']:.1f} s; load average {os.getloadavg()[0]:.1f})")
    sizes = {"system": len(made.systems), "org": len(made.orgs), "part": len(made.parts),
             "item": len(made.items), "finding": findings}
    return {"location": location, "backend": backend_of(location), "seed": seed,
            "counts": sizes, "seconds": {k: round(v, 2) for k, v in seconds.items()},
            "cpu_seconds": {k: round(v, 2) for k, v in cpu_seconds.items()}}


def _fill(store: stores.Store, rng: random.Random,
          clocks: tuple[dict[str, float], dict[str, float]], sizes: tuple[int, int, int, int],
          batch_size: int | None, echo: Callable[[str], None] | None) -> Made:
    findings, parts, items, orgs = sizes
    seconds, cpu_seconds = clocks
    options: dict[str, Any] = {} if batch_size is None else {"batch_size": batch_size}

    def timed(kind: str, rows: Iterator[dict[str, Any]]) -> list[UUID]:
        started, cpu = time.perf_counter(), time.process_time()
        ids = bulk_create(store, kind, rows, progress=_progress(kind, started, echo), **options)
        seconds[kind] = time.perf_counter() - started
        cpu_seconds[kind] = time.process_time() - cpu
        if echo:
            rate = len(ids) / seconds[kind] if seconds[kind] else 0.0
            echo(f"  {kind:<8}{len(ids):>10,} in {seconds[kind]:7.1f} s ({rate:,.0f}/s, "
                 f"this process's CPU {cpu_seconds[kind]:.1f} s)")
        return ids

    made = Made(timed("system", system_rows()), [], [], [], [], [], [])
    made.orgs.extend(timed("org", org_rows(rng, orgs)))
    made.parts.extend(timed("part", part_rows(rng, parts, made.orgs, made.part_functions,
                                              made.part_numbers)))
    made.items.extend(timed("item", item_rows(rng, items, made.systems, made.recovered)))
    timed("finding", finding_rows(rng, findings, made))
    return made


def _progress(kind: str, started: float,
              echo: Callable[[str], None] | None) -> Callable[[int], bool]:
    """Report after each 100,000 rows, so that a slowdown as the store grows shows."""
    reported = [0]

    def report(done: int) -> bool:
        if echo and done // 100_000 > reported[0]:
            reported[0] = done // 100_000
            echo(f"    {kind} {done:>10,} after {time.perf_counter() - started:7.1f} s")
        return True

    return report


# ----------------------------------------------------------------- where stores live
def shown_location(location: str) -> str:
    """A store location fit to print (a URL's password hidden)."""
    return make_url(location).render_as_string() if "://" in location else location


def backend_of(location: str) -> str:
    """'postgresql' for a PostgreSQL URL, else 'sqlite'."""
    return "postgresql" if location.startswith(PG_PREFIXES) else "sqlite"


def temp_store_path(name: str = "store.sqlite") -> str:
    """A SQLite path in a new temporary folder (outside the repository)."""
    return str(Path(tempfile.mkdtemp(prefix="forensics-bench-")) / name)


def pg_store_url(server_url: str, database: str) -> str:
    """A database of a benchmark's own on the server of `server_url`."""
    return make_url(server_url).set(database=database).render_as_string(hide_password=False)


def planned_stores(reuse: list[str], keep_store: str | None, pg_url: str | None,
                   database: str) -> list[tuple[str, bool]]:
    """(location of the large store, generate it?) for each backend a benchmark measures:
    the stores given to reuse, else a new SQLite store (at `keep_store` if given) and, with a
    server URL, a new PostgreSQL database named `database`."""
    reused = {backend_of(r): r for r in reuse}
    planned = [(reused["sqlite"], False) if "sqlite" in reused else
               (keep_store or temp_store_path(), True)]
    if "postgresql" in reused:
        planned.append((reused["postgresql"], False))
    elif pg_url:
        planned.append((pg_store_url(pg_url, database), True))
    return planned


def prepare_location(location: str) -> None:
    """Make sure `location` is a fresh place: create the PostgreSQL database, or check that
    the SQLite file does not exist yet (FileExistsError otherwise, before anything is made)."""
    if backend_of(location) == "postgresql":
        create_database(location)
    elif Path(location).exists():
        raise FileExistsError(f"{location} exists already; give the path of a new store")


def _server(url: str) -> tuple[str, str]:
    parsed = make_url(url)
    admin = parsed.set(drivername="postgresql", database="postgres")
    return admin.render_as_string(hide_password=False), str(parsed.database)


def create_database(url: str) -> None:
    """CREATE DATABASE for the store at `url`; FileExistsError if it exists already."""
    admin, name = _server(url)
    with psycopg.connect(admin, autocommit=True) as connection:
        try:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        except psycopg.errors.DuplicateDatabase:
            raise FileExistsError(f"database {name} exists already; drop it or give another "
                                  "name") from None


def new_database(server_url: str) -> str:
    """The location of a new, empty database of a benchmark's own on that server."""
    location = pg_store_url(server_url, f"forensics_bench_{uuid.uuid4().hex[:8]}")
    create_database(location)
    return location


def drop_database(url: str) -> None:
    """DROP DATABASE for the store at `url`, closing anything still connected to it."""
    admin, name = _server(url)
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)")
                           .format(sql.Identifier(name)))


def remove_store(location: str) -> None:
    """Drop the PostgreSQL database, or delete the SQLite file with its WAL and temp folder."""
    if backend_of(location) == "postgresql":
        drop_database(location)
        return
    path = Path(location)
    for extra in ("", "-wal", "-shm"):
        Path(f"{path}{extra}").unlink(missing_ok=True)
    if path.parent.name.startswith("forensics-bench-"):
        shutil.rmtree(path.parent, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("location", nargs="?", help="SQLite path or PostgreSQL URL")
    parser.add_argument("--findings", type=int, default=1_000_000)
    parser.add_argument("--parts", type=int, default=200_000)
    parser.add_argument("--items", type=int, default=20_000)
    parser.add_argument("--orgs", type=int, default=2_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--batch-size", type=int, help="rows per bulk_create batch "
                                                       "(default: the product's)")
    parser.add_argument("--keep", action="store_true", help="keep the store at the end")
    args = parser.parse_args(argv)
    location = args.location or temp_store_path()
    keep = args.keep or (args.location is not None and backend_of(location) == "sqlite")
    print(f"generating {args.findings:,} findings in {location}")
    try:
        result = generate(location, args.findings, args.parts, args.items, args.orgs,
                          args.seed, batch_size=args.batch_size)
    except FileExistsError:
        keep = True  # never remove a store that was there before
        raise
    finally:
        if not keep:
            remove_store(location)
    print(f"store {'kept at ' + location if keep else 'removed'}")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
