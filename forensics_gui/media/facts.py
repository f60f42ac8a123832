"""What the media layer reports about a picture, and the formats it accepts (no Pillow here)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class ImageLimits:
    """How large a picture may be before it is refused without being decoded."""

    max_bytes: int = 200 * 1024 * 1024
    max_pixels: int = 200_000_000


DEFAULT_LIMITS = ImageLimits()


@dataclass(frozen=True)
class GpsPosition:
    """Where the camera says it was: decimal degrees (south and west negative), metres."""

    latitude: float
    longitude: float
    altitude: float | None = None


@dataclass(frozen=True)
class ImageFacts:
    """What a picture file holds, read from its header and metadata.

    `width`/`height` are the pixels as stored; `display_width`/`display_height` are the size
    once the EXIF orientation (1..8, 1 if none) is applied. `taken_at` is aware when the
    camera recorded its UTC offset, otherwise naive: the camera's local clock, zone unknown.
    Camera, model and lens are "" when the file does not say.
    """

    media_type: str
    width: int
    height: int
    orientation: int
    display_width: int
    display_height: int
    taken_at: datetime | None = None
    camera_make: str = ""
    camera_model: str = ""
    lens: str = ""
    gps: GpsPosition | None = None
    exif: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class MediaFormat:
    """One accepted picture format: its media type, a name for people, its file suffixes."""

    media_type: str
    label: str
    suffixes: tuple[str, ...]


JPEG = MediaFormat("image/jpeg", "JPEG", (".jpg", ".jpeg", ".jpe", ".jfif"))
PNG = MediaFormat("image/png", "PNG", (".png",))
TIFF = MediaFormat("image/tiff", "TIFF", (".tif", ".tiff"))
WEBP = MediaFormat("image/webp", "WebP", (".webp",))
HEIC = MediaFormat("image/heic", "HEIC", (".heic", ".heif", ".hif"))
HEIF = MediaFormat("image/heif", "HEIF", (".heif", ".heic", ".hif"))

FORMATS = {f.media_type: f for f in (JPEG, PNG, TIFF, WEBP, HEIC, HEIF)}
ACCEPTED_TEXT = "use JPEG, PNG, TIFF, WebP or HEIC"


def media_format(media_type: str) -> MediaFormat:
    """The accepted format with this media type; ValueError for any other (a bug)."""
    try:
        return FORMATS[media_type]
    except KeyError:
        raise ValueError(f"not an accepted picture media type: {media_type!r}") from None
