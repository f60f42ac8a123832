"""OFAC's SDN list in its legacy CSV form: sdn.csv with the entries, alt.csv with their
other names and add.csv with their addresses (no header rows; "-0-" for an empty value).

Identifiers are not columns of their own: OFAC writes them into Remarks ("Tax ID No.
7701234567 (Russia); Registration Number 1027700123456 (Russia); ..."), where they are read
from. Vessels and aircraft are left out: organizations are screened, not ships.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from forensics_gui.core.records import ListEntry
from forensics_gui.core.screening import ParsedList
from forensics_gui.formats.lists.files import (
    OFAC_LAYOUTS,
    OFAC_NULL,
    ListFile,
    csv_rows,
    ofac_kind,
    refuse,
    split_list,
    unique_refs,
)

PUBLISHER = "U.S. Department of the Treasury, Office of Foreign Assets Control"
SKIPPED_TYPES = ("vessel", "aircraft")
RUSSIA = {"russia", "russian federation", "ru"}
# (label as OFAC writes it, in lower case; scheme), longest first so that the most specific
# label wins.
ID_LABELS = tuple(sorted((
    ("tax id no.", "TAX"), ("registration number", "REG"), ("registration id", "REG"),
    ("registration no.", "REG"), ("business registration number", "REG"),
    ("business registration document #", "REG"), ("company number", "REG"),
    ("commercial registry number", "REG"), ("enterprise number", "REG"),
    ("government gazette number", "OKPO"), ("legal entity number", "LEI"),
    ("swift/bic", "SWIFT"), ("d-u-n-s number", "DUNS"),
    ("unified social credit code (uscc)", "USCC"), ("v.a.t. number", "VAT"),
    ("vessel registration identification imo", "IMO"), ("kpp", "KPP"), ("okpo", "OKPO"),
    ("ogrn", "OGRN"), ("inn", "INN"),
), key=lambda pair: len(pair[0]), reverse=True))
_COUNTRY_AT_END = re.compile(r"^(?P<value>.*?)\s*\((?P<country>[^()]*)\)\s*$")


def value(text: str) -> str:
    """A field's value: OFAC's "-0-" (with or without spaces) is empty."""
    text = text.strip()
    return "" if text == OFAC_NULL else text


def russian_scheme(scheme: str, number: str, country: str) -> str:
    """Russian tax and registration numbers under their own names (INN, OGRN)."""
    if country.strip().lower() not in RUSSIA:
        return scheme
    digits = re.sub(r"\D", "", number)
    if scheme == "TAX" and len(digits) in (10, 12):
        return "INN"
    if scheme == "REG" and len(digits) in (13, 15):
        return "OGRN"
    return scheme


def remark_identifiers(remarks: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(identifiers as 'SCHEME:value', countries named with them) read from Remarks; other
    remarks (established dates, "Additional Sanctions Information - ...", websites) are not
    identifiers and are left in the remarks."""
    identifiers: list[str] = []
    countries: list[str] = []
    for item in (i.strip().rstrip(".").strip() for i in remarks.split(";")):
        text = item[5:] if item.lower().startswith("alt. ") else item
        lower = text.lower()
        for label, scheme in ID_LABELS:
            if lower.startswith(label + " "):
                number, country = _number_and_country(text[len(label):].strip())
                if number:
                    identifiers.append(f"{russian_scheme(scheme, number, country)}:{number}")
                    countries += [country] if country else []
                break
    return tuple(dict.fromkeys(identifiers)), tuple(dict.fromkeys(countries))


def _number_and_country(text: str) -> tuple[str, str]:
    match = _COUNTRY_AT_END.match(text)
    if match:
        return match["value"].strip(), match["country"].strip()
    return text.strip(), ""


def parse(files: Sequence[ListFile], texts: Sequence[str]) -> ParsedList:
    """The entries of OFAC's files, given in any order; sdn.csv is required."""
    by_kind = _files_by_kind(files, texts)
    if "sdn" not in by_kind:
        names = ", ".join(f.name for f in files)
        raise refuse(names, "OFAC's main file (sdn.csv, 12 fields a line) is missing; give "
                            "sdn.csv together with alt.csv and add.csv")
    skipped: Counter[str] = Counter()
    sdn_file, sdn_text = by_kind["sdn"]
    entries = {e.ref: (line, e) for line, e in _sdn_entries(sdn_file, sdn_text, skipped)}
    extra_names = _linked(by_kind.get("alt"), "alt", entries)
    addresses = _linked(by_kind.get("add"), "add", entries)
    merged = [(line, _with_links(e, extra_names.get(ref, []), addresses.get(ref, [])))
              for ref, (line, e) in entries.items()]
    return ParsedList("ofac-sdn", unique_refs(sdn_file, merged), "OFAC SDN", PUBLISHER,
                      None, dict(skipped))


def _files_by_kind(files: Sequence[ListFile],
                   texts: Sequence[str]) -> dict[str, tuple[ListFile, str]]:
    found: dict[str, tuple[ListFile, str]] = {}
    for file, text in zip(files, texts, strict=True):
        kind = ofac_kind(text)
        if kind is None:
            raise refuse(file.name, "line 1: is not one of OFAC's files (sdn.csv has 12 "
                                    "fields a line, alt.csv 5, add.csv 6, each starting with "
                                    "the entry number)")
        if kind in found:
            raise refuse(file.name, f"is a second {kind}.csv (the first is "
                                    f"{found[kind][0].name}); give each file once")
        found[kind] = (file, text)
    return found


def _rows(file: ListFile, text: str, kind: str) -> list[tuple[int, list[str]]]:
    layout = OFAC_LAYOUTS[kind]
    rows = []
    for line, row in csv_rows(file, text):
        if len(row) != len(layout):
            raise refuse(file.name, f"line {line}: {len(row)} fields, but OFAC's {kind}.csv "
                                    f"has {len(layout)} ({', '.join(layout)}); the file is cut "
                                    f"off or is not {kind}.csv")
        if not row[0].strip().isdigit():
            raise refuse(file.name, f"line {line}: {layout[0]} {row[0][:20]!r} is not a number")
        rows.append((line, row))
    return rows


def _sdn_entries(file: ListFile, text: str,
                 skipped: Counter[str]) -> list[tuple[int, ListEntry]]:
    entries = []
    for line, row in _rows(file, text, "sdn"):
        ref, name, kind = row[0].strip(), value(row[1]), value(row[2]).lower() or "entity"
        if not name:
            raise refuse(file.name, f"line {line}: SDN_Name is empty")
        if kind in SKIPPED_TYPES:
            skipped[kind] += 1
            continue
        remarks = value(row[11])
        identifiers, countries = remark_identifiers(remarks)
        programmes = split_list(value(row[3]).strip("[] "), "] [")
        entries.append((line, ListEntry(
            ref=ref, name=name, entity_type=kind, identifiers=identifiers, countries=countries,
            programmes=programmes, authority="OFAC", remarks=remarks)))
    return entries


def _address(row: list[str]) -> str:
    return ", ".join(p for p in (value(row[2]), value(row[3]), value(row[4])) if p)


# What alt.csv and add.csv add to an entry: (text, country) from one row.
_LINKED_VALUES = {"alt": lambda row: (value(row[3]), ""),
                  "add": lambda row: (_address(row), value(row[4]))}


def _linked(found: tuple[ListFile, str] | None, kind: str,
            entries: dict[str, tuple[int, ListEntry]]) -> dict[str, list[tuple[str, str]]]:
    """{entry number: [(text, country)]} from alt.csv or add.csv; rows of entries that were
    left out (vessels) are ignored."""
    if found is None:
        return {}
    file, text = found
    linked: dict[str, list[tuple[str, str]]] = {}
    for _line, row in _rows(file, text, kind):
        ref = row[0].strip()
        if ref in entries:
            linked.setdefault(ref, []).append(_LINKED_VALUES[kind](row))
    return linked


def _with_links(entry: ListEntry, names: list[tuple[str, str]],
                addresses: list[tuple[str, str]]) -> ListEntry:
    return replace(
        entry, names=tuple(dict.fromkeys(n for n, _ in names if n and n != entry.name)),
        countries=tuple(dict.fromkeys([*entry.countries, *(c for _, c in addresses if c)])),
        addresses=tuple(dict.fromkeys(a for a, _ in addresses if a)))
