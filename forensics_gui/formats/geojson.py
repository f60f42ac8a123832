"""GeoJSON (RFC 7946): points on a map, as QGIS, GDAL and web maps read them.

Positions are WGS84 longitude then latitude, in that order, rounded to six decimals (about
ten centimetres: more would only pretend to a precision no recovery report has). The
collection is written feature by feature, so that a large one is never held in memory.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from typing import Any, TextIO

DECIMALS = 6
MEDIA_TYPE = "application/geo+json"


def position_problem(latitude: Any, longitude: Any) -> str | None:
    """Why a latitude and longitude cannot be placed on a map ("missing" or "impossible"),
    or None when they can.

    Impossible: not numbers, not finite, a latitude beyond ±90 or a longitude beyond ±180,
    and 0, 0 exactly, which forms and spreadsheets write for "unknown" (no weapon was
    recovered in the Gulf of Guinea, where it lies).
    """
    if latitude is None or longitude is None or latitude == "" or longitude == "":
        return "missing"
    try:
        lat, lon = float(latitude), float(longitude)
    except (TypeError, ValueError):
        return "impossible"
    if not (math.isfinite(lat) and math.isfinite(lon)):
        return "impossible"
    if abs(lat) > 90 or abs(lon) > 180 or (lat == 0 and lon == 0):
        return "impossible"
    return None


def point_feature(latitude: float, longitude: float,
                  properties: dict[str, Any]) -> dict[str, Any]:
    """A Feature with a Point geometry at (longitude, latitude), rounded (see DECIMALS).

    The record's id belongs in `properties`: a Feature's own "id" member beside an "id"
    property would give GDAL (and so QGIS) two fields of one name."""
    coordinates = [round(float(longitude), DECIMALS), round(float(latitude), DECIMALS)]
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": coordinates},
            "properties": properties}


def write_collection(stream: TextIO, features: Iterable[dict[str, Any]],
                     members: dict[str, Any] | None = None) -> int:
    """A FeatureCollection of `features`, with `members` (foreign members such as a name or
    a note about the file) before the features; returns the number of features written."""
    stream.write('{"type": "FeatureCollection"')
    for key, value in (members or {}).items():
        stream.write(f", {json.dumps(key)}: {_dumps(value)}")
    stream.write(', "features": [')
    written = 0
    for feature in features:
        stream.write(("\n" if not written else ",\n") + _dumps(feature))
        written += 1
    stream.write("\n]}\n")
    return written


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, allow_nan=False)
