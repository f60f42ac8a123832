"""Records as FollowTheMoney entities (the data model of OpenSanctions and Aleph).

Organizations become `Company` (or `Organization` for end users and others that do not
trade), designations `Sanction`, supply links `EconomicActivity` (FtM's schema for a
shipment of goods between a sender and a receiver), sources `Article` and corporate
successions `Succession`. Entity ids are made from the records' ids, so exporting the same
store twice gives the same ids.

Values are written in the form FtM itself cleans them to (country codes in lower case, names
with single spaces, identifiers with a checksum only where it holds), so that the library
reads every value back unchanged. This module needs no FtM installed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any
from uuid import UUID

from forensics_gui.core.records import (
    Organization,
    SanctionsDesignation,
    Source,
    SupplyLink,
)

ID_PREFIX = "forensics"
TRADING_ROLES = frozenset({"manufacturer", "authorised distributor", "distributor",
                           "trading company", "logistics", "importer"})
AUTHORITIES = {
    "OFAC": ("US Office of Foreign Assets Control", "us"),
    "BIS": ("US Bureau of Industry and Security", "us"),
    "EU": ("European Union", "eu"), "UK": ("United Kingdom", "gb"),
    "JP": ("Japan", "jp"), "CA": ("Canada", "ca"), "CH": ("Switzerland", "ch"),
    "AU": ("Australia", "au"), "UN": ("United Nations Security Council", ""),
    "UA": ("Ukraine", "ua"),
}
EXPORT_CONTROL = frozenset({"BIS"})
# Identifier schemes as users write them ("INN:7701234567") and the FtM property for each.
SCHEMES = {
    "INN": "innCode", "OGRN": "ogrnCode", "OGRNIP": "ogrnCode", "KPP": "kppCode",
    "OKPO": "okpoCode", "LEI": "leiCode", "DUNS": "dunsCode", "VAT": "vatCode",
    "TIN": "taxNumber", "TAX": "taxNumber", "TAXID": "taxNumber", "EIN": "taxNumber",
    "UNP": "taxNumber", "SWIFT": "swiftBic", "BIC": "swiftBic", "CAGE": "cageCode",
}
COMPANY_ONLY = frozenset({"kppCode"})
# FtM's length limit per identifier property; longer values are left out.
ID_LIMITS = {"dunsCode": 16, "cageCode": 16, "swiftBic": 16}
ID_LIMIT = 64
_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)
_BIC = re.compile(r"^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$")

Entity = dict[str, Any]


def entity_id(kind: str, record_id: UUID) -> str:
    """The FtM id of a record: stable, and unique across stores (the ids are UUIDs)."""
    return f"{ID_PREFIX}-{kind}-{record_id}"


def organization_entity(org: Organization, designations: Sequence[SanctionsDesignation] = (),
                        today: date | None = None) -> Entity:
    """A Company (an Organization when it does not trade) with names and identifiers."""
    schema = "Company" if TRADING_ROLES & set(org.roles) or not org.roles else "Organization"
    props: dict[str, list[str]] = {
        "name": [_name(org.name)], "alias": [_name(a) for a in org.aliases],
        "previousName": [_name(n) for n in org.former_names],
        "country": [_country(org.country)], "address": [_address(a) for a in org.addresses],
        "website": [_url(org.website)], "notes": [org.notes.strip()],
        "classification": list(org.roles), "topics": _topics(designations, today),
    }
    for prop, value in identifier_properties(org.identifiers, schema):
        props.setdefault(prop, []).append(value)
    return _entity(schema, entity_id("org", org.id), props)


def identifier_properties(identifiers: Iterable[str], schema: str = "Company"
                          ) -> list[tuple[str, str]]:
    """(FtM property, value) for identifiers written 'SCHEME:value'.

    A value whose checksum fails (INN, OGRN, LEI) or whose scheme FtM does not know is kept as
    a registration number rather than dropped.
    """
    found = []
    for text in identifiers:
        scheme, sep, value = text.partition(":")
        if not sep:
            scheme, value = "", text
        value = " ".join(value.split())
        prop = SCHEMES.get(re.sub(r"[^A-Z]", "", scheme.upper()), "registrationNumber")
        prop, value = _checked(prop, value)
        if prop in COMPANY_ONLY and schema != "Company":
            prop = "registrationNumber"
        if value and len(value) <= ID_LIMITS.get(prop, ID_LIMIT):
            found.append((prop, value))
        elif value and len(value) <= ID_LIMIT:
            found.append(("registrationNumber", value))
    return found


def _checked(prop: str, value: str) -> tuple[str, str]:
    compact = re.sub(r"[\s-]", "", value).upper()
    checks = {"innCode": valid_inn, "ogrnCode": valid_ogrn, "leiCode": valid_lei}
    if prop in checks:
        return (prop, compact) if checks[prop](compact) else ("registrationNumber", value)
    if prop == "swiftBic":
        # FtM keeps the bank's eight characters (the branch code is dropped).
        return (prop, compact[:8]) if _BIC.match(compact) else ("registrationNumber", value)
    return prop, value


def sanction_entity(designation: SanctionsDesignation, source: Source | None = None) -> Entity:
    """A Sanction naming the designated organization, the authority and the programme."""
    authority, country = AUTHORITIES.get(designation.authority, (designation.authority, ""))
    reference = designation.reference.strip()
    is_url = bool(_URL.match(reference))
    short = bool(reference) and not is_url and len(reference) <= ID_LIMIT
    urls = [reference] if is_url else []
    if source is not None and _URL.match(source.reference.strip()):
        urls.append(source.reference.strip())
    props = {
        "entity": [entity_id("org", designation.organization_id)],
        "authority": [authority], "country": [country], "program": [designation.programme],
        "startDate": [_date(designation.listed_on)], "endDate": [_date(designation.delisted_on)],
        "authorityId": [reference] if short else [], "sourceUrl": urls,
        "summary": [f"Reference: {reference}"] if reference and not short and not is_url
        else [],
        "description": [designation.notes],
        "proof": [entity_id("source", source.id)] if source is not None else [],
    }
    return _entity("Sanction", entity_id("designation", designation.id), props)


def link_entity(link: SupplyLink, part_maker: str = "") -> Entity:
    """An EconomicActivity: goods from the seller (sender) to the buyer (receiver).

    FtM has no field for how sure a link is or for a quantity, so the summary says both:
    'Probable supply link: 400 × STM32F765VIT6 (STMicroelectronics)'.
    """
    amount = f"{link.value} {link.currency}".strip() if link.value is not None else ""
    props = {
        "sender": [entity_id("org", link.seller_id)],
        "receiver": [entity_id("org", link.buyer_id)],
        "date": [_date(link.shipped_on)], "summary": [link_summary(link, part_maker)],
        "goodsDescription": [link.declared_description or link.part_number],
        "vedCode": [link.declared_hs_code], "invoiceAmount": [amount],
        "description": [link.notes], "recordId": [str(link.id)],
        "proof": [entity_id("source", s) for s in link.source_ids],
    }
    return _entity("EconomicActivity", entity_id("link", link.id), props)


def link_summary(link: SupplyLink, part_maker: str = "") -> str:
    """The status, quantity and part of a link in one line."""
    goods = link.part_number or "goods"
    if part_maker and link.part_number:
        goods += f" ({part_maker})"
    count = f"{link.quantity} × " if link.quantity is not None else ""
    return f"{link.status.capitalize()} supply link: {count}{goods}"


def source_entity(source: Source) -> Entity:
    """An Article for a cited source, with its grade (reliability and credibility)."""
    reference = source.reference.strip()
    props = {
        "name": [_name(source.title)], "title": [source.title],
        "publisher": [source.publisher], "publishedAt": [_date(source.published_on)],
        "sourceUrl": [reference] if _URL.match(reference) else [],
        "summary": [f"{source.kind}; source grade {source.grade}"],
        "description": [reference] if reference and not _URL.match(reference) else [],
        "notes": [source.notes],
    }
    return _entity("Article", entity_id("source", source.id), props)


def succession_entity(org: Organization) -> Entity | None:
    """A Succession from an organization to the one that took it over, if any."""
    if org.successor_id is None:
        return None
    props = {"predecessor": [entity_id("org", org.id)],
             "successor": [entity_id("org", org.successor_id)]}
    return _entity("Succession", entity_id("succession", org.id), props)


def references(entity: Entity) -> list[str]:
    """Ids of the entities this one points to."""
    props = entity["properties"]
    return [v for name in ("entity", "sender", "receiver", "proof", "predecessor", "successor")
            for v in props.get(name, ())]


# ------------------------------------------------------------------- checksums
def valid_inn(value: str) -> bool:
    """A Russian taxpayer number (INN) of 10 or 12 digits with correct check digits."""
    def digit(weights: tuple[int, ...]) -> int:
        return sum(w * int(d) for w, d in zip(weights, value, strict=False)) % 11 % 10

    if not value.isdigit():
        return False
    if len(value) == 10:
        return digit((2, 4, 10, 3, 5, 9, 4, 6, 8)) == int(value[9])
    if len(value) == 12:
        return (digit((7, 2, 4, 10, 3, 5, 9, 4, 6, 8)) == int(value[10])
                and digit((3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8)) == int(value[11]))
    return False


def valid_ogrn(value: str) -> bool:
    """A Russian registration number (OGRN, 13 digits; OGRNIP, 15) with its check digit."""
    if not value.isdigit() or value[0] == "0":
        return False
    if len(value) == 13:
        return int(value[:12]) % 11 % 10 == int(value[12])
    if len(value) == 15:
        return int(value[:14]) % 13 % 10 == int(value[14])
    return False


def valid_lei(value: str) -> bool:
    """A Legal Entity Identifier (ISO 17442): 20 characters, ISO 7064 mod 97-10."""
    if not re.fullmatch(r"[0-9A-Z]{18}[0-9]{2}", value):
        return False
    return int("".join(str(int(c, 36)) for c in value)) % 97 == 1


# ---------------------------------------------------------------------- values
def _entity(schema: str, entity_id_: str, props: dict[str, list[str]]) -> Entity:
    cleaned = {}
    for name, values in props.items():
        kept = list(dict.fromkeys(v.strip() for v in values if v and v.strip()))
        if kept:
            cleaned[name] = kept
    return {"id": entity_id_, "schema": schema, "properties": cleaned}


def _name(text: str) -> str:
    return " ".join(text.split())


def _address(text: str) -> str:
    return ", ".join(" ".join(line.split()) for line in text.splitlines() if line.strip())


def _country(code: str) -> str:
    return code.strip().lower() if re.fullmatch(r"[A-Za-z]{2}", code.strip()) else ""


def _date(value: date | None) -> str:
    return value.isoformat() if value else ""


def _url(text: str) -> str:
    text = text.strip()
    if not text or " " in text:
        return ""
    if not re.match(r"^https?://", text, re.IGNORECASE):
        text = "http://" + text
    if not _URL.match(text):
        return ""
    host_end = text.find("/", text.find("//") + 2)
    return text + "/" if host_end < 0 else text


def _topics(designations: Sequence[SanctionsDesignation], today: date | None) -> list[str]:
    current = [d for d in designations
               if d.delisted_on is None or (today is not None and d.delisted_on > today)]
    topics = ["sanction"] if any(d.authority not in EXPORT_CONTROL for d in current) else []
    if any(d.authority in EXPORT_CONTROL for d in current):
        topics.append("export.control")
    return topics
