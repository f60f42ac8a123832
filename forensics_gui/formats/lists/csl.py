"""The US Consolidated Screening List in its CSV form (consolidated.csv, one header row).

It gathers the export screening lists of Commerce (BIS: Entity List, Denied Persons, ...),
Treasury (OFAC: SDN, SSI, ...) and State; `source` says which list a row comes from, and
gives the authority of the entry. Several values share a cell, separated by "; ".
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from forensics_gui.core.records import ListEntry
from forensics_gui.core.screening import ParsedList
from forensics_gui.formats.lists.files import ListFile, csv_rows, refuse, split_list
from forensics_gui.formats.lists.ofac import ID_LABELS, russian_scheme

PUBLISHER = "U.S. Department of Commerce, International Trade Administration"
COLUMNS = ("_id", "source", "entity_number", "type", "programs", "name", "title", "addresses",
           "federal_register_notice", "start_date", "end_date", "standard_order",
           "license_requirement", "license_policy", "call_sign", "vessel_type", "gross_tonnage",
           "gross_registered_tonnage", "vessel_flag", "vessel_owner", "remarks",
           "source_list_url", "alt_names", "citizenships", "dates_of_birth", "nationalities",
           "places_of_birth", "source_information_url", "ids")
REQUIRED = ("source", "name")
SKIPPED_TYPES = ("vessel", "aircraft")
# Authority of each source list, by the words of its name.
AUTHORITY_WORDS = (("bureau of industry and security", "BIS"), ("treasury", "OFAC"),
                   ("entity list", "BIS"), ("denied persons", "BIS"), ("unverified", "BIS"),
                   ("military end user", "BIS"), ("specially designated", "OFAC"),
                   ("sectoral sanctions", "OFAC"), ("foreign sanctions evaders", "OFAC"))
_SHORT_NAME = re.compile(r"\(([^()]+)\)")


def authority_of(source: str) -> str:
    """The authority behind a CSL source list (Entity List -> BIS, SDN -> OFAC, ...)."""
    lower = source.lower()
    for words, authority in AUTHORITY_WORDS:
        if words in lower:
            return authority
    return "OTHER"


def short_name(source: str) -> str:
    """'EL' for 'Entity List (EL) - Bureau of Industry and Security'; the list's own
    abbreviation, which prefixes entry references so that lists cannot clash."""
    match = _SHORT_NAME.search(source)
    text = match[1] if match else source.split(" - ")[0]
    return re.sub(r"[^A-Za-z0-9]+", "-", text.replace(" List", "")).strip("-").upper()


def parse(file: ListFile, text: str) -> ParsedList:
    """Every entry of consolidated.csv; vessels and aircraft are counted and left out."""
    rows = csv_rows(file, text)
    header_line, header = next(rows, (1, []))
    columns = _columns(file, header_line, header)
    skipped: dict[str, int] = {}
    entries: dict[str, ListEntry] = {}
    for line, row in rows:
        if len(row) != len(header):
            raise refuse(file.name, f"line {line}: {len(row)} fields where the header has "
                                    f"{len(header)}; the file is cut off or damaged")
        entry = _entry(file, line, {c: row[i].strip() for c, i in columns.items()})
        if entry.entity_type in SKIPPED_TYPES:
            skipped[entry.entity_type] = skipped.get(entry.entity_type, 0) + 1
        else:
            entries[entry.ref] = _merged(entries.get(entry.ref), entry)
    return ParsedList("csl", tuple(entries.values()), "Consolidated Screening List",
                      PUBLISHER, None, skipped)


def _columns(file: ListFile, line: int, header: list[str]) -> dict[str, int]:
    found = {name.strip().lower(): i for i, name in enumerate(header)}
    missing = [c for c in REQUIRED if c not in found]
    if "_id" not in found and "entity_number" not in found:
        missing.append("_id or entity_number")
    if missing:
        shown = ", ".join(h[:30] for h in header[:8]) + (", ..." if len(header) > 8 else "")
        raise refuse(file.name, f"line {line}: the header lacks {', '.join(missing)} (it has "
                                f"{shown or 'nothing'}); this is not the Consolidated "
                                "Screening List's CSV layout")
    return {c: found[c] for c in COLUMNS if c in found}


def _entry(file: ListFile, line: int, cells: dict[str, str]) -> ListEntry:
    name, source = cells.get("name", ""), cells.get("source", "")
    number = cells.get("entity_number") or cells.get("_id", "")
    if not name or not number:
        missing = "name" if not name else "_id and entity_number"
        raise refuse(file.name, f"line {line}: {missing} is empty")
    identifiers, id_countries = csl_identifiers(cells.get("ids", ""))
    addresses = split_list(cells.get("addresses", ""))
    countries = (*id_countries, *(a.rsplit(",", 1)[-1].strip() for a in addresses if "," in a))
    return ListEntry(
        ref=f"{short_name(source)}-{number}", name=name,
        entity_type=(cells.get("type") or "entity").lower(),
        names=tuple(n for n in split_list(cells.get("alt_names", "")) if n != name),
        identifiers=identifiers, countries=tuple(dict.fromkeys(c for c in countries if c)),
        programmes=split_list(cells.get("programs", "")), authority=authority_of(source),
        listed_on=_date(cells.get("start_date", "")), addresses=addresses,
        remarks=cells.get("remarks", ""))


def csl_identifiers(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Identifiers from the `ids` cell ("Tax ID No., 7701234567, RU; ...") as 'SCHEME:value',
    and the countries named with them; kinds of identifier not used for screening are left."""
    identifiers: list[str] = []
    countries: list[str] = []
    for item in split_list(text):
        parts = [p.strip() for p in item.split(",")]
        if len(parts) < 2 or not parts[1]:
            continue
        label, number = parts[0].lower().removeprefix("alt. "), parts[1]
        country = parts[2] if len(parts) > 2 else ""
        scheme = next((s for lab, s in ID_LABELS if label.rstrip(":") == lab), None)
        if scheme:
            identifiers.append(f"{russian_scheme(scheme, number, country)}:{number}")
            countries += [country] if country else []
    return tuple(dict.fromkeys(identifiers)), tuple(dict.fromkeys(countries))


def _date(text: str) -> date | None:
    try:
        return date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def _merged(first: ListEntry | None, again: ListEntry) -> ListEntry:
    """One entry for a reference given on several rows (its other addresses, names)."""
    if first is None:
        return again
    def both(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(dict.fromkeys((*a, *b)))
    return replace(first, names=both(first.names, again.names),
                   identifiers=both(first.identifiers, again.identifiers),
                   countries=both(first.countries, again.countries),
                   programmes=both(first.programmes, again.programmes),
                   addresses=both(first.addresses, again.addresses))
