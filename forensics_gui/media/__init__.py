"""media layer: checking, fingerprinting, and copying pictures (the only user of Pillow)."""

from __future__ import annotations

from forensics_gui.media.facts import GpsPosition, ImageFacts, ImageLimits
from forensics_gui.media.images import (
    inspect_image,
    make_display_copy,
    make_thumbnail,
    original_suffix,
    sha256_hex,
)
from forensics_gui.media.redact import (
    redacted_copy,
    redacted_media_type,
    redacted_name,
    redacted_suffix,
)

__all__ = [
    "GpsPosition",
    "ImageFacts",
    "ImageLimits",
    "inspect_image",
    "make_display_copy",
    "make_thumbnail",
    "original_suffix",
    "redacted_copy",
    "redacted_media_type",
    "redacted_name",
    "redacted_suffix",
    "sha256_hex",
]
