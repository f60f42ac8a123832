"""Reading camera metadata (EXIF) from an opened picture: when, with what, where.

Metadata that cannot be parsed is treated as absent: a photo with a damaged EXIF block is
still a photo, and the original keeps every byte for anyone who wants to look closer.
"""

from __future__ import annotations

import math
import numbers
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

from PIL import ExifTags, Image

from forensics_gui.media.facts import GpsPosition

Base, GPS = ExifTags.Base, ExifTags.GPS
MAX_SUMMARY_ENTRIES = 60
_MAX_TEXT = 200
_OFFSET = re.compile(r"([+-])(\d{2}):(\d{2})")
# Pointers, blobs and layout details: nothing a reader of the summary would want to see.
_NOT_SUMMARISED = frozenset({
    Base.ExifOffset, Base.GPSInfo, Base.ExifInteroperabilityOffset, Base.SubIFDs, Base.MakerNote,
    Base.XMLPacket, Base.IPTCNAA, Base.ImageResources, Base.InterColorProfile,
    Base.PrintImageMatching, Base.StripOffsets, Base.StripByteCounts, Base.TileOffsets,
    Base.TileByteCounts, Base.JpegIFOffset, Base.JpegIFByteCount, Base.ImageWidth,
    Base.ImageLength, Base.BitsPerSample, Base.Compression, Base.PhotometricInterpretation,
    Base.SamplesPerPixel, Base.RowsPerStrip, Base.PlanarConfiguration, Base.TileWidth,
    Base.TileLength, Base.ExtraSamples, Base.SampleFormat, Base.Predictor, Base.FillOrder,
})


@dataclass(frozen=True)
class CameraMetadata:
    """What the camera wrote about the picture."""

    orientation: int = 1
    taken_at: datetime | None = None
    camera_make: str = ""
    camera_model: str = ""
    lens: str = ""
    gps: GpsPosition | None = None
    summary: dict[str, str] = field(default_factory=dict)


def read_camera_metadata(image: Image.Image) -> CameraMetadata:
    """Orientation, time taken, camera, lens, position and a readable tag summary."""
    main, exif_ifd, gps_ifd = _load(image)
    orientation = _orientation(image, main)
    if Base.Orientation in main:  # the summary shows the file's value, as pillow-heif hides it
        main[Base.Orientation] = orientation
    return CameraMetadata(
        orientation=orientation,
        taken_at=_taken_at(exif_ifd),
        camera_make=_text(main.get(Base.Make)) or "",
        camera_model=_text(main.get(Base.Model)) or "",
        lens=_text(exif_ifd.get(Base.LensModel)) or "",
        gps=_position(gps_ifd),
        summary=_summary(main, exif_ifd, gps_ifd),
    )


def _load(image: Image.Image) -> tuple[dict[int, Any], dict[int, Any], dict[int, Any]]:
    try:
        exif = image.getexif()
        return dict(exif), dict(exif.get_ifd(ExifTags.IFD.Exif)), dict(
            exif.get_ifd(ExifTags.IFD.GPSInfo))
    except Exception:  # damaged metadata is absent metadata (see the module docstring)
        return {}, {}, {}


def _orientation(image: Image.Image, main: dict[int, Any]) -> int:
    # pillow-heif applies the rotation while decoding and resets the tag to 1; it keeps the
    # value the file gave in info["original_orientation"].
    value = image.info.get("original_orientation", main.get(Base.Orientation, 1))
    return value if isinstance(value, int) and 1 <= value <= 8 else 1


def _taken_at(exif_ifd: dict[int, Any]) -> datetime | None:
    text = _text(exif_ifd.get(Base.DateTimeOriginal)) or ""
    try:
        taken = datetime.strptime(text[:19], "%Y:%m:%d %H:%M:%S")
    except ValueError:  # absent, blank ("    :  :  ") or zeroed by the camera
        return None
    taken = taken.replace(microsecond=_microseconds(exif_ifd.get(Base.SubsecTimeOriginal)))
    offset = _utc_offset(_text(exif_ifd.get(Base.OffsetTimeOriginal)))
    return taken.replace(tzinfo=offset) if offset is not None else taken


def _microseconds(value: Any) -> int:
    digits = _text(value) or ""
    return int(digits[:6].ljust(6, "0")) if digits.isdigit() else 0


def _utc_offset(text: str | None) -> timezone | None:
    match = _OFFSET.fullmatch(text or "")
    if not match or int(match[2]) > 14 or int(match[3]) > 59:
        return None
    minutes = int(match[2]) * 60 + int(match[3])
    return timezone(timedelta(minutes=-minutes if match[1] == "-" else minutes))


def _position(gps_ifd: dict[int, Any]) -> GpsPosition | None:
    if (_text(gps_ifd.get(GPS.GPSStatus)) or "").upper() == "V":  # "measurement void"
        return None
    latitude = _degrees(gps_ifd.get(GPS.GPSLatitude), gps_ifd.get(GPS.GPSLatitudeRef), "S")
    longitude = _degrees(gps_ifd.get(GPS.GPSLongitude), gps_ifd.get(GPS.GPSLongitudeRef), "W")
    if latitude is None or longitude is None or abs(latitude) > 90 or abs(longitude) > 180:
        return None
    altitude = _altitude(gps_ifd.get(GPS.GPSAltitude), gps_ifd.get(GPS.GPSAltitudeRef))
    return GpsPosition(latitude, longitude, altitude)


def _degrees(value: Any, ref: Any, negative_ref: str) -> float | None:
    parts = (value if isinstance(value, tuple) else (value,))[:3]
    values = [number for number in map(_real, parts) if number is not None]
    if not values or len(values) != len(parts):
        return None
    degrees = sum(number / 60**i for i, number in enumerate(values))
    return -degrees if (_text(ref) or "").upper() == negative_ref else degrees


def _altitude(value: Any, ref: Any) -> float | None:
    metres = _real(value)
    if metres is None:
        return None
    below_sea = ref in (1, b"\x01", "1")
    return -metres if below_sea else metres


def _real(value: Any) -> float | None:
    if not isinstance(value, numbers.Real) or isinstance(value, bool):
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def _summary(main: dict[int, Any], exif_ifd: dict[int, Any],
             gps_ifd: dict[int, Any]) -> dict[str, str]:
    summary: dict[str, str] = {}
    for tags, names in ((main, ExifTags.TAGS), (gps_ifd, ExifTags.GPSTAGS),
                        (exif_ifd, ExifTags.TAGS)):
        for tag, value in tags.items():
            name, text = names.get(tag), _readable(tag, value)
            if name and text and tag not in _NOT_SUMMARISED and name not in summary:
                summary[name] = text
            if len(summary) >= MAX_SUMMARY_ENTRIES:
                return summary
    return summary


def _readable(tag: int, value: Any) -> str | None:
    if tag == Base.UserComment and isinstance(value, bytes):
        return _user_comment(value)
    if isinstance(value, tuple):
        if not 0 < len(value) <= 16:
            return None
        parts = [text for text in (_readable(tag, part) for part in value) if text]
        return ", ".join(parts) if len(parts) == len(value) else None
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        number = _real(value)
        return None if number is None else f"{number:.10g}"
    return _text(value)


def _user_comment(value: bytes) -> str | None:
    # EXIF prefixes the comment with its character code, eight bytes.
    codes = {b"ASCII\0\0\0": "ascii", b"UNICODE\0": "utf-16", b"\0" * 8: "ascii"}
    encoding = codes.get(value[:8])
    if encoding is None:
        return None
    return _text(value[8:].decode(encoding, "replace"))


def _text(value: Any) -> str | None:
    """A short printable string, or None (absent, empty, binary or not text)."""
    if isinstance(value, bytes):
        if len(value) > _MAX_TEXT or not value.isascii():
            return None
        value = value.decode("ascii")
    if not isinstance(value, str):
        return None
    text = " ".join(value.replace("\x00", " ").split())
    if not text or not text.isprintable():
        return None
    return text if len(text) <= _MAX_TEXT else text[: _MAX_TEXT - 3] + "..."
