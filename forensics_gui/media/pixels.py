"""Turning decoded pictures into plain upright 8-bit sRGB copies that carry no metadata."""

from __future__ import annotations

import io
from typing import Any

from PIL import Image, ImageCms, ImageOps

_SRGB = ImageCms.createProfile("sRGB")
_HIGH_DEPTH = {"I", "I;16", "I;16L", "I;16B", "I;16N", "F"}


def upright(image: Image.Image) -> Image.Image:
    """The picture turned as its EXIF orientation says (a no-op where the decoder did it)."""
    try:
        return ImageOps.exif_transpose(image)
    except Exception:  # damaged EXIF counts as no orientation, as in inspect_image
        return image


def as_srgb(image: Image.Image, *, keep_alpha: bool = False) -> Image.Image:
    """An 8-bit copy in sRGB: RGB, L (grey without a colour profile) or, with keep_alpha and
    a transparent picture, RGBA; otherwise transparency is flattened onto white."""
    profile = image.info.get("icc_profile")
    image = _eight_bit(image)
    alpha = None
    if image.has_transparency_data:
        rgba = image.convert("RGBA")
        alpha, image = rgba.getchannel("A"), rgba.convert("RGB")
    elif image.mode not in ("RGB", "CMYK", "L"):
        image = image.convert("RGB")
    colour = _to_srgb(image, profile)
    if alpha is None:
        return colour
    if keep_alpha:
        colour.putalpha(alpha)
        return colour
    white = Image.new("RGB", colour.size, "white")
    white.paste(colour, mask=alpha)
    return white


def _to_srgb(image: Image.Image, profile: bytes | None) -> Image.Image:
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(profile)) if profile else None
        # Most cameras embed sRGB itself: converting to it again costs a second per 24 MP.
        if source is not None and "srgb" not in ImageCms.getProfileDescription(source).lower():
            converted = ImageCms.profileToProfile(image, source, _SRGB, outputMode="RGB")
            if converted is not None:
                return converted
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        pass  # a broken profile, or one that does not fit the pixels: use them as they are
    return image.copy() if image.mode == "L" else image.convert("RGB")


def _eight_bit(image: Image.Image) -> Image.Image:
    """16-bit and float pictures scaled to 8-bit grey (Pillow's own conversion clips)."""
    if image.mode not in _HIGH_DEPTH:
        return image if image.mode != "1" else image.convert("L")
    wide = image.convert("F")
    low, high = wide.getextrema()
    if image.mode != "F" and low >= 0 and high <= 65535:
        low, high = 0, (255 if high <= 255 else 65535)
    scale = 255 / (high - low) if high > low else 1.0
    return wide.point(lambda value: (value - low) * scale).convert("L")


def encode(image: Image.Image, pillow_format: str, **options: Any) -> bytes:
    """The picture encoded with nothing but pixels: no EXIF, XMP, ICC profile or comment."""
    image.info = {}
    out = io.BytesIO()
    image.save(out, pillow_format, **options)
    return out.getvalue()
