"""Rules between fields, and the values derived from what users type.

Derived values (search keys, CHPL tier, production period) are always computed here, never
typed, so they cannot disagree with what they derive from.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from forensics_gui.core.datecodes import parse_date_code
from forensics_gui.core.errors import ValidationError
from forensics_gui.core.hs import chpl_tier, normalise_hs_code
from forensics_gui.core.names import name_key
from forensics_gui.core.partnumbers import confusable_key, search_key

Rule = Callable[[Any, dict[str, Any], dict[str, Any]], dict[str, Any]]
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


def for_create(uow: Any, kind: str, values: dict[str, Any]) -> dict[str, Any]:
    """The full set of column values for a new record (derived ones included)."""
    return {**values, **_RULES.get(kind, _no_rule)(uow, dict(values), values)}


def for_update(uow: Any, kind: str, current: Any, changes: dict[str, Any]) -> dict[str, Any]:
    """The changes plus every derived value they alter, checked against the whole record."""
    merged = {k: v for k, v in asdict(current).items()} | changes
    merged["id"] = current.id
    return {**changes, **_RULES.get(kind, _no_rule)(uow, merged, changes)}


def _no_rule(_uow: Any, _merged: dict[str, Any], _given: dict[str, Any]) -> dict[str, Any]:
    return {}


def hs_code(field: str, raw: Any) -> str:
    """An HS code as bare digits, or '' when none is given."""
    if raw is None or not str(raw).strip():
        return ""
    try:
        return normalise_hs_code(str(raw))
    except ValidationError as error:
        raise ValidationError(field, error.reason) from None


def _unique(uow: Any, kind: str, column: str, merged: dict[str, Any], label: str) -> None:
    value = merged.get(column)
    if not value:
        return
    clash = [r for r in uow.find_by_name(kind, column, value) if r.id != merged.get("id")]
    if clash:
        raise ValidationError(column, f"{label} {value!r} already exists")


def _system(uow: Any, merged: dict[str, Any], _given: dict[str, Any]) -> dict[str, Any]:
    _unique(uow, "system", "name", merged, "a weapon system type named")
    return {}


def _item(uow: Any, merged: dict[str, Any], _given: dict[str, Any]) -> dict[str, Any]:
    _unique(uow, "item", "case_reference", merged, "a recovered item with case reference")
    lat, lon = merged.get("latitude"), merged.get("longitude")
    if (lat is None) != (lon is None):
        raise ValidationError("longitude" if lon is None else "latitude",
                              "give both latitude and longitude, or neither")
    if lat is not None and not -90 <= lat <= 90:
        raise ValidationError("latitude", f"{lat} is outside -90 to 90")
    if lon is not None and not -180 <= lon <= 180:
        raise ValidationError("longitude", f"{lon} is outside -180 to 180")
    return {} if merged.get("handling_marking") else {"handling_marking": "UNCLASSIFIED"}


def _part(uow: Any, merged: dict[str, Any], given: dict[str, Any]) -> dict[str, Any]:
    derived: dict[str, Any] = {}
    key = search_key(merged["part_number"])
    if not key:
        raise ValidationError("part_number", "must contain letters or digits")
    clash = [p for p in uow.find("part", search_key=key,
                                 manufacturer_id=merged.get("manufacturer_id"))
             if p.id != merged.get("id")]
    if clash:
        raise ValidationError("part_number", f"part {clash[0].part_number!r} of this "
                                             "manufacturer already exists")
    if "part_number" in given or "id" not in merged:
        derived |= {"search_key": key, "confusable_key": confusable_key(merged["part_number"])}
    if "hs_code" in given:
        code = hs_code("hs_code", given["hs_code"])
        derived |= {"hs_code": code, "chpl_tier": chpl_tier(code) or ""}
    return derived


def _finding(uow: Any, merged: dict[str, Any], given: dict[str, Any]) -> dict[str, Any]:
    derived: dict[str, Any] = {}
    part = uow.get("part", merged["part_id"]) if merged.get("part_id") else None
    if part and part.manufacturer_id:
        # Only a maker given with this write can contradict the part; a stored one is replaced.
        if given.get("manufacturer_id") not in (None, part.manufacturer_id):
            raise ValidationError("manufacturer_id", f"part {part.part_number} is made by "
                                                     f"{part.manufacturer_name}, not this maker")
        derived["manufacturer_id"] = merged["manufacturer_id"] = part.manufacturer_id
    # A new part or maker re-derives the identification unless it is given too.
    kept = None if {"part_id", "manufacturer_id"} & given.keys() else merged.get("identification")
    identification = given.get("identification") or kept or _identification(merged, part)
    if identification == "part" and part is None:
        raise ValidationError("part_id", "is empty but the finding is marked as identified")
    if identification == "manufacturer" and not (merged.get("manufacturer_id") or part):
        raise ValidationError("manufacturer_id", "is empty but the finding names its maker")
    derived["identification"] = identification
    if merged.get("quantity") is not None and merged["quantity"] < 1:
        raise ValidationError("quantity", "must be at least 1")
    if "date_code" in given or "item_id" in given:
        derived |= _production_period(uow, merged)
    return derived


def _identification(merged: dict[str, Any], part: Any) -> str:
    if part is not None:
        return "part"
    return "manufacturer" if merged.get("manufacturer_id") else "unidentified"


def _production_period(uow: Any, merged: dict[str, Any]) -> dict[str, Any]:
    code = merged.get("date_code") or ""
    if not code:
        return {"produced_from": None, "produced_to": None, "date_code_format": "",
                "date_code_note": ""}
    item = uow.get("item", merged["item_id"])
    result = parse_date_code(code, not_after=item.recovered_on)
    reading = result.reading
    return {
        "produced_from": reading.start if reading else None,
        "produced_to": reading.end if reading else None,
        "date_code_format": reading.format if reading else "",
        "date_code_note": result.message,
    }


def _org(_uow: Any, merged: dict[str, Any], given: dict[str, Any]) -> dict[str, Any]:
    if merged.get("successor_id") and merged.get("successor_id") == merged.get("id"):
        raise ValidationError("successor_id", "an organization cannot succeed itself")
    return {"name_key": name_key(merged["name"])} if "name" in given else {}


def _alias(uow: Any, merged: dict[str, Any], _given: dict[str, Any]) -> dict[str, Any]:
    names = {"name_key": name_key(merged["name"]), "current_key": name_key(merged["current_name"])}
    if names["name_key"] == names["current_key"]:
        raise ValidationError("current_name", "is the same name; an alias names another one")
    clash = [r for r in uow.find("alias", **names) if r.id != merged.get("id")]
    if clash:
        raise ValidationError("name", f"{merged['name']!r} is already recorded as a name of "
                                      f"{merged['current_name']!r}")
    return {**names, "relation": merged.get("relation") or "alias"}


def _saved_search(uow: Any, merged: dict[str, Any], _given: dict[str, Any]) -> dict[str, Any]:
    _unique(uow, "saved", "name", merged, "a saved search named")
    return {}


def _hub(uow: Any, merged: dict[str, Any], _given: dict[str, Any]) -> dict[str, Any]:
    _unique(uow, "hub", "country", merged, "a transshipment hub for country")
    return {}


def _rule(uow: Any, merged: dict[str, Any], given: dict[str, Any]) -> dict[str, Any]:
    maker = name_key(merged["maker"])
    if merged.get("now_part_of") and name_key(merged["now_part_of"]) == maker:
        raise ValidationError("now_part_of", "is the maker itself; leave it empty unless "
                                             "another company owns the maker today")
    clash = [r for r in uow.find("rule", pattern=merged["pattern"])
             if r.id != merged.get("id") and name_key(r.maker) == maker]
    if clash:
        raise ValidationError("pattern", f"a rule naming {clash[0].maker!r} as the maker of "
                                         f"{merged['pattern']!r} already exists")
    return {"hs_code": hs_code("hs_code", given["hs_code"])} if "hs_code" in given else {}


def _module(uow: Any, merged: dict[str, Any], _given: dict[str, Any]) -> dict[str, Any]:
    """Module names are unique within their system type (whatever their case); a module
    given no place in the checklist comes last."""
    others = [r for r in uow.find("module", system_type_id=merged["system_type_id"])
              if r.id != merged.get("id")]
    clash = [r for r in others if r.name.casefold() == merged["name"].casefold()]
    if clash:
        raise ValidationError("name", f"{clash[0].system_type_name} already has a module "
                                      f"named {clash[0].name!r}")
    position = merged.get("position")
    if position is None:
        return {"position": max((r.position or 0 for r in others), default=0) + 1}
    if position < 1:
        raise ValidationError("position", "must be at least 1 (the first module of the "
                                          "checklist)")
    return {}


def _designation(_uow: Any, merged: dict[str, Any], _given: dict[str, Any]) -> dict[str, Any]:
    listed, delisted = merged.get("listed_on"), merged.get("delisted_on")
    if listed and delisted and delisted < listed:
        raise ValidationError("delisted_on", "is before the listing date")
    return {}


def _link(uow: Any, merged: dict[str, Any], given: dict[str, Any]) -> dict[str, Any]:
    if merged["seller_id"] == merged["buyer_id"]:
        raise ValidationError("buyer_id", "is the same organization as the seller")
    if (merged.get("quantity") is not None) and merged["quantity"] < 1:
        raise ValidationError("quantity", "must be at least 1")
    if merged.get("value") is not None and merged["value"] < 0:
        raise ValidationError("value", "cannot be negative")
    derived: dict[str, Any] = {}
    if merged.get("finding_id") and not merged.get("part_id"):
        derived["part_id"] = uow.get("finding", merged["finding_id"]).part_id
    if "declared_hs_code" in given:
        derived["declared_hs_code"] = hs_code("declared_hs_code", given["declared_hs_code"])
    return derived


def _photo(uow: Any, merged: dict[str, Any], given: dict[str, Any]) -> dict[str, Any]:
    digest = str(merged.get("sha256", "")).lower()
    if not _SHA256.match(digest):
        raise ValidationError("sha256", "must be 64 hexadecimal digits")
    if "sha256" in given and not uow.blobs.has(digest):
        raise ValidationError("sha256", "no picture with this hash is in the store; add "
                                        "pictures with `forensics photo add` or the Photos tab")
    return {"sha256": digest} if "sha256" in given else {}


def _annotation(_uow: Any, merged: dict[str, Any], _given: dict[str, Any]) -> dict[str, Any]:
    for name in ("x", "y", "width", "height"):
        value = merged.get(name)
        if value is None or not 0 <= value <= 1:
            raise ValidationError(name, "must be a fraction of the picture, from 0 to 1")
    if merged["width"] <= 0 or merged["height"] <= 0:
        raise ValidationError("width" if merged["width"] <= 0 else "height", "must be above 0")
    if merged["x"] + merged["width"] > 1.0001 or merged["y"] + merged["height"] > 1.0001:
        raise ValidationError("width", "the rectangle reaches outside the picture")
    return {}


_RULES: dict[str, Rule] = {
    "system": _system, "item": _item, "part": _part, "finding": _finding, "org": _org,
    "designation": _designation, "link": _link, "photo": _photo, "annotation": _annotation,
    "alias": _alias, "saved": _saved_search, "hub": _hub, "rule": _rule, "module": _module,
}
