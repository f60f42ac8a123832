"""FollowTheMoney entities as JSON lines, the form OpenSanctions publishes its data sets in.

One entity a line: {"id", "schema", "properties": {name: [values]}, ...}. Designations are
Sanction entities whose `entity` property holds the listed entity's id (flat export), or
sit inside the entity under properties.sanctions (nested export); both are read.
Companies, organizations, legal entities, public bodies and persons are kept; other schemas
(vessels, aircraft, ownerships, addresses...) are counted and left out.

Only entities the file lists become entries, since every entry may become a screening
candidate and a confirmed candidate a designation. An entity is listed when its `topics`
hold one of LISTED_TOPICS (sanctioned, export controlled, debarred), or when a designation
in force names it (a Sanction without an end date before the export's date) and its topics
do not say the sanction is a counter-sanction. The other entities a data set carries for
context (owners, directors, counterparties, relatives, entities "linked to" a sanctioned
one, those only of political or criminal interest) are counted and left out: they are no
one's designation. An entry's topics are kept at the head of its remarks ("Topics: ...")
and shown with the candidate.

The date of the export is the newest `last_seen` of its entities (the day OpenSanctions'
crawler last saw them), else the newest `last_change`.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date
from typing import Any

from forensics_gui.core.records import ListEntry
from forensics_gui.core.screening import TOPICS_PREFIX, ParsedList
from forensics_gui.formats.lists.files import ListFile, refuse, unique_refs
from forensics_gui.formats.lists.ofac import russian_scheme

PUBLISHER = "OpenSanctions"
KEPT_SCHEMAS = ("Company", "Organization", "LegalEntity", "PublicBody", "Person")
NAME_PROPERTIES = ("alias", "weakAlias", "previousName")
ID_PROPERTIES = {"innCode": "INN", "ogrnCode": "OGRN", "registrationNumber": "REG",
                 "taxNumber": "TAX", "leiCode": "LEI", "swiftBic": "SWIFT", "okpoCode": "OKPO",
                 "kppCode": "KPP", "dunsCode": "DUNS", "vatCode": "VAT", "imoNumber": "IMO"}
COUNTRY_PROPERTIES = ("country", "jurisdiction", "mainCountry")
# Topics that make an entity a list entry: designated under a sanctions programme, on an
# export-control list (the BIS Entity List and the like, as the Consolidated Screening List
# counts them), debarred by an authority. "sanction.linked" (owned by or tied to a
# sanctioned party, not designated itself) and "sanction.counter" (sanctioned by Russia or
# Belarus in return) are not.
LISTED_TOPICS = ("sanction", "export.control", "debarment")
COUNTER_TOPIC = "sanction.counter"
NOT_LISTED = "entity without a sanction, export control or debarment"
_DATES = {key: re.compile(rf'"{key}"\s*:\s*"(\d{{4}}-\d{{2}}-\d{{2}})')
          for key in ("last_seen", "last_change")}
STATED_BY = {"last_seen": "the newest last_seen of its entities",
             "last_change": "the newest last_change of its entities"}
# Authority of a designation, by words of its `authority` property or its data set's name.
AUTHORITY_WORDS = (
    ("office of foreign assets control", "OFAC"), ("ofac", "OFAC"),
    ("bureau of industry and security", "BIS"), ("european union", "EU"),
    ("council of the eu", "EU"), ("hm treasury", "UK"), ("united kingdom", "UK"),
    ("financial sanctions implementation", "UK"), ("foreign, commonwealth", "UK"),
    ("state secretariat for economic affairs", "CH"), ("seco", "CH"), ("canada", "CA"),
    ("japan", "JP"), ("ministry of economy, trade and industry", "JP"), ("australia", "AU"),
    ("dfat", "AU"), ("security council", "UN"), ("united nations", "UN"),
    ("national security and defense council", "UA"), ("ukraine", "UA"),
)
DATASET_AUTHORITIES = (("us_ofac", "OFAC"), ("us_bis", "BIS"), ("us_trade_csl", "BIS"),
                       ("eu_", "EU"), ("gb_", "UK"), ("ch_", "CH"), ("ca_", "CA"),
                       ("au_", "AU"), ("un_", "UN"), ("ua_", "UA"), ("jp_", "JP"))


def values(properties: dict[str, Any], name: str) -> list[str]:
    """The text values of a property (FollowTheMoney gives lists; a lone string is allowed)."""
    found = properties.get(name) or []
    items = [found] if isinstance(found, str) else found if isinstance(found, list) else []
    return [str(v).strip() for v in items if isinstance(v, str | int) and str(v).strip()]


def authority_of(texts: list[str], datasets: list[str]) -> str:
    """OFAC, BIS, EU... from a designation's authority, else from its data set's name."""
    for text in texts:
        lower = text.lower()
        for words, authority in AUTHORITY_WORDS:
            if words in lower:
                return authority
    for dataset in datasets:
        for prefix, authority in DATASET_AUTHORITIES:
            if dataset.startswith(prefix):
                return authority
    return "OTHER"


def parse(file: ListFile, text: str) -> ParsedList:
    """The kept entities of a JSON lines file, each with its designations."""
    kept: list[tuple[int, dict[str, Any]]] = []
    sanctions: dict[str, list[dict[str, Any]]] = {}
    skipped: Counter[str] = Counter()
    for line, entity in _entities(file, text):
        schema, properties = entity["schema"], entity["properties"]
        if schema == "Sanction":
            for target in values(properties, "entity"):
                sanctions.setdefault(target, []).append(properties)
        elif schema in KEPT_SCHEMAS:
            kept.append((line, entity))
            sanctions.setdefault(entity["id"], []).extend(
                _nested_sanctions(properties.get("sanctions")))
        else:
            skipped[f"{schema} entity"] += 1
    published, dated_by = stated_date(text)
    listed = [(line, e) for line, e in kept
              if is_listed(e["properties"], sanctions.get(e["id"], []), published)]
    if len(listed) < len(kept):
        skipped[NOT_LISTED] += len(kept) - len(listed)
    entries = [(line, _entry(file, line, e, sanctions.get(e["id"], []))) for line, e in listed]
    named = [(line, e) for line, e in entries if e is not None]
    if len(named) < len(entries):
        skipped["entity without a name"] += len(entries) - len(named)
    return ParsedList("ftm", unique_refs(file, named), _list_name(kept),  # type: ignore[arg-type]
                      PUBLISHER, published, dict(skipped), dated_by)


def is_listed(properties: dict[str, Any], designations: list[dict[str, Any]],
              published: date | None) -> bool:
    """Whether the file lists the entity (see the module's docstring): a listing topic, or
    a designation in force that is not a counter-sanction."""
    topics = values(properties, "topics")
    if any(t in LISTED_TOPICS for t in topics):
        return True
    if COUNTER_TOPIC in topics:
        return False
    return any(_in_force(d, published) for d in designations)


def _in_force(designation: dict[str, Any], published: date | None) -> bool:
    ended = _first_date(values(designation, "endDate"))
    return ended is None or ended >= (published or date.min)


def stated_date(text: str) -> tuple[date | None, str]:
    """(the export's date, where the file states it): the newest `last_seen` of the
    entities, else the newest `last_change`; (None, "") when the file states neither."""
    for key, pattern in _DATES.items():
        found = _latest(pattern.findall(text))
        if found is not None:
            return found, STATED_BY[key]
    return None, ""


def _entities(file: ListFile, text: str) -> list[tuple[int, dict[str, Any]]]:
    """The entities, one a line. Only their text values are read later (see `values`): a
    value nested deeply, which only repr() or a walk would recurse into, is never touched."""
    found = []
    for line, raw in enumerate(text.split("\n"), 1):
        if not raw.strip():
            continue
        try:
            entity = json.loads(raw)
        except json.JSONDecodeError as error:
            raise refuse(file.name, f"line {line}: {error.msg} at column {error.colno} (the "
                                    "line is cut off, or this is not a JSON lines file)") from None
        except RecursionError:
            # The JSON reader recurses once per level; an entity has a handful of levels.
            raise refuse(file.name, f"line {line}: nests lists or objects too deeply to be a "
                                    "FollowTheMoney entity") from None
        except ValueError:  # Python refuses to read a number of thousands of digits
            raise refuse(file.name, f"line {line}: holds a number thousands of digits long; "
                                    "it is not a FollowTheMoney entity") from None
        if (not isinstance(entity, dict) or not isinstance(entity.get("schema"), str)
                or not isinstance(entity.get("properties"), dict)
                or not isinstance(entity.get("id"), str) or not entity["id"]):
            raise refuse(file.name, f"line {line}: is not a FollowTheMoney entity (it needs "
                                    "'id', 'schema' and 'properties')")
        found.append((line, entity))
    return found


def _nested_sanctions(nested: Any) -> list[dict[str, Any]]:
    """The properties of the designations nested in an entity (the nested export)."""
    found = [s.get("properties") for s in nested if isinstance(s, dict)] \
        if isinstance(nested, list) else []
    return [p for p in found if isinstance(p, dict)]


def _texts(value: Any) -> list[str]:
    """The strings of a list of strings (data sets); anything else gives none."""
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _entry(file: ListFile, line: int, entity: dict[str, Any],
           designations: list[dict[str, Any]]) -> ListEntry | None:
    properties = entity["properties"]
    names = values(properties, "name") or [_text(entity.get("caption"))]
    if not names[0]:
        return None
    countries = [c.upper() for p in COUNTRY_PROPERTIES for c in values(properties, p)]
    datasets = _texts(entity.get("datasets"))
    return ListEntry(
        ref=entity["id"], name=names[0], entity_type=entity["schema"].lower(),
        names=tuple(dict.fromkeys(n for n in [*names[1:], *_other_names(properties)]
                                  if n != names[0])),
        identifiers=_identifiers(properties, countries),
        countries=tuple(dict.fromkeys(countries)),
        programmes=tuple(dict.fromkeys(
            [*values(properties, "program"), *(p for d in designations
                                               for p in values(d, "program"))])),
        authority=authority_of([a for d in designations for a in values(d, "authority")],
                               datasets),
        listed_on=_first_date([v for d in designations for k in ("startDate", "listingDate")
                               for v in values(d, k)]),
        addresses=tuple(values(properties, "address")),
        remarks="; ".join(_topics_remark(properties) + values(properties, "notes"))[:2000])


def _topics_remark(properties: dict[str, Any]) -> list[str]:
    topics = values(properties, "topics")
    return [TOPICS_PREFIX + ", ".join(dict.fromkeys(topics))] if topics else []


def _other_names(properties: dict[str, Any]) -> list[str]:
    return [n for p in NAME_PROPERTIES for n in values(properties, p)]


def _identifiers(properties: dict[str, Any], countries: list[str]) -> tuple[str, ...]:
    country = "RU" if "RU" in countries else ""
    found = [f"{russian_scheme(scheme, v, country)}:{v}"
             for prop, scheme in ID_PROPERTIES.items() for v in values(properties, prop)]
    return tuple(dict.fromkeys(found))


def _first_date(texts: list[str]) -> date | None:
    dates = []
    for text in texts:
        try:
            dates.append(date.fromisoformat(text[:10]))
        except ValueError:
            continue  # a partial date such as "2022" says too little to keep
    return min(dates) if dates else None


def _list_name(kept: list[tuple[int, dict[str, Any]]]) -> str:
    datasets = {d for _, e in kept for d in _texts(e.get("datasets"))}
    return f"OpenSanctions {datasets.pop()}" if len(datasets) == 1 else "OpenSanctions"


def _latest(texts: list[str]) -> date | None:
    dates = []
    for text in texts:
        try:
            dates.append(date.fromisoformat(text))
        except ValueError:
            continue
    return max(dates) if dates else None
