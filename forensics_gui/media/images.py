"""Checking picture files on the way in, their fingerprints, and the copies shown on screen.

Originals are never changed: every function here reads the bytes it is given and returns new
bytes or facts. Thumbnails and display copies are upright 8-bit sRGB JPEGs without metadata.
"""

from __future__ import annotations

import hashlib

from PIL import Image

from forensics_gui.media import opening, pixels
from forensics_gui.media.exif import CameraMetadata, read_camera_metadata
from forensics_gui.media.facts import (
    DEFAULT_LIMITS,
    HEIC,
    HEIF,
    TIFF,
    GpsPosition,
    ImageFacts,
    ImageLimits,
    MediaFormat,
    media_format,
)

__all__ = [
    "GpsPosition",
    "ImageFacts",
    "ImageLimits",
    "inspect_image",
    "inspect_with_thumbnail",
    "make_display_copy",
    "make_thumbnail",
    "original_suffix",
    "sha256_hex",
]

_TURNED = {5, 6, 7, 8}  # orientations that swap width and height


def inspect_with_thumbnail(data: bytes, file_name: str, limits: ImageLimits = DEFAULT_LIMITS,
                           max_side: int = 320) -> tuple[ImageFacts, tuple[bytes, int, int]]:
    """`inspect_image` and `make_thumbnail` from one decoding of the picture (ingest path)."""
    image, media = opening.open_image(data, file_name, limits)
    camera = read_camera_metadata(image)
    stored, shown = _sizes(image, media, camera.orientation)
    decoded = opening.decode_checked(data, file_name, media, max_side)
    return _facts(media, camera, stored, shown), _jpeg_of(decoded, max_side, quality=85)


def inspect_image(data: bytes, file_name: str,
                  limits: ImageLimits = DEFAULT_LIMITS) -> ImageFacts:
    """What the picture is (format, size, time, camera, position, EXIF summary).

    The whole picture is decoded once, so that an empty, oversized, damaged, truncated,
    misnamed or unaccepted file is refused with a MediaError naming the file and the reason.
    """
    image, media = opening.open_image(data, file_name, limits)
    camera = read_camera_metadata(image)
    stored, shown = _sizes(image, media, camera.orientation)
    opening.check_decodes(data, file_name, media)
    return _facts(media, camera, stored, shown)


def _facts(media: MediaFormat, camera: CameraMetadata, stored: tuple[int, int],
           shown: tuple[int, int]) -> ImageFacts:
    return ImageFacts(
        media_type=media.media_type, width=stored[0], height=stored[1],
        orientation=camera.orientation, display_width=shown[0], display_height=shown[1],
        taken_at=camera.taken_at, camera_make=camera.camera_make,
        camera_model=camera.camera_model, lens=camera.lens, gps=camera.gps,
        exif=camera.summary,
    )


def _sizes(image: Image.Image, media: MediaFormat,
           orientation: int) -> tuple[tuple[int, int], tuple[int, int]]:
    """(stored, displayed) sizes. Decoders differ: pillow-heif (and Pillow 13 for TIFF)
    report the size after orientation, the others the size as stored."""
    if media is TIFF:
        tags = getattr(image, "tag_v2", {})
        stored = (tags.get(256, image.width), tags.get(257, image.height))
        return stored, _turned(stored, orientation)
    if media in (HEIC, HEIF):
        return _turned(image.size, orientation), image.size
    return image.size, _turned(image.size, orientation)


def _turned(size: tuple[int, int], orientation: int) -> tuple[int, int]:
    return (size[1], size[0]) if orientation in _TURNED else size


def sha256_hex(data: bytes) -> str:
    """The SHA-256 of the bytes as 64 lowercase hex digits: the picture's fingerprint."""
    return hashlib.sha256(data).hexdigest()


def original_suffix(media_type: str) -> str:
    """The usual file suffix for an accepted media type (".jpg" for image/jpeg)."""
    return media_format(media_type).suffixes[0]


def make_thumbnail(data: bytes, max_side: int = 320, *, file_name: str = "image",
                   limits: ImageLimits = DEFAULT_LIMITS) -> tuple[bytes, int, int]:
    """A small upright JPEG (quality 85) whose longer side is at most `max_side`, with its
    width and height. JPEGs are decoded at reduced size, so this stays fast for big photos."""
    return _reduced_jpeg(data, max_side, file_name, limits, quality=85)


def make_display_copy(data: bytes, max_side: int = 2048, *, file_name: str = "image",
                      limits: ImageLimits = DEFAULT_LIMITS) -> tuple[bytes, int, int]:
    """An upright JPEG for the screen (quality 90), longer side at most `max_side`."""
    return _reduced_jpeg(data, max_side, file_name, limits, quality=90)


def _reduced_jpeg(data: bytes, max_side: int, file_name: str, limits: ImageLimits,
                  quality: int) -> tuple[bytes, int, int]:
    if max_side < 1:
        raise ValueError(f"max_side must be at least 1, not {max_side}")
    image = opening.decode_reduced(data, file_name, max_side, limits)
    return _jpeg_of(image, max_side, quality)


def _jpeg_of(image: Image.Image, max_side: int, quality: int) -> tuple[bytes, int, int]:
    # Pillow cannot reduce 16-bit grey (I;16) in steps: such pictures are resized in one.
    gap = None if image.mode.startswith("I;16") else 2.0
    image.thumbnail((max_side, max_side), Image.Resampling.LANCZOS, reducing_gap=gap)
    picture = pixels.as_srgb(pixels.upright(image)).convert("RGB")  # grey too: one mode
    return pixels.encode(picture, "JPEG", quality=quality), picture.width, picture.height
