"""Copies of photos for leaving the organisation: the picture, and no metadata at all.

Why re-encode instead of deleting tags: a list of tags to delete (GPS, body and lens serial
numbers, owner, artist, copyright, maker notes, user comment, XMP, IPTC, ICC descriptions...)
misses whatever a camera maker invents next. Here the pixels are decoded, turned upright (so
the orientation tag can go too) and converted to sRGB (so the ICC profile, whose text can
name a device or a person, can go too), then written into a new file that carries only the
pixels. Only the first frame of a multi-frame file is kept. Output formats:

- JPEG: JPEG at quality 95 without chroma subsampling (markings on small parts stay legible);
- PNG: PNG; TIFF: LZW-compressed TIFF; WebP: lossless WebP (no second loss of quality);
- HEIC/HEIF: JPEG at quality 95, which every recipient can open.

The copy is a different file from the original (its SHA-256 differs); the original stays the
evidence. Each copy is re-read before it is returned and must carry no metadata.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from PIL import ExifTags, Image

from forensics_gui.media import opening, pixels
from forensics_gui.media.facts import (
    DEFAULT_LIMITS,
    JPEG,
    PNG,
    TIFF,
    WEBP,
    ImageLimits,
    MediaFormat,
    media_format,
)

__all__ = ["redacted_copy", "redacted_media_type", "redacted_name", "redacted_suffix"]


@dataclass(frozen=True)
class _Output:
    media: MediaFormat
    pillow_format: str
    options: dict[str, Any]


_JPEG_OUT = _Output(JPEG, "JPEG", {"quality": 95, "subsampling": 0})
_OUTPUTS = {
    JPEG: _JPEG_OUT,
    PNG: _Output(PNG, "PNG", {}),
    TIFF: _Output(TIFF, "TIFF", {"compression": "tiff_lzw"}),
    WEBP: _Output(WEBP, "WEBP", {"lossless": True}),
}
# What a copy may still say about itself: how its pixels are laid out, nothing else.
_ALLOWED_INFO = {"jfif", "jfif_version", "jfif_unit", "jfif_density", "dpi", "compression",
                 "resolution", "background", "loop", "duration", "timestamp"}
_ALLOWED_TIFF_TAGS = {
    ExifTags.Base.ImageWidth, ExifTags.Base.ImageLength, ExifTags.Base.BitsPerSample,
    ExifTags.Base.Compression, ExifTags.Base.PhotometricInterpretation,
    ExifTags.Base.StripOffsets, ExifTags.Base.SamplesPerPixel, ExifTags.Base.RowsPerStrip,
    ExifTags.Base.StripByteCounts, ExifTags.Base.PlanarConfiguration,
    ExifTags.Base.ExtraSamples, ExifTags.Base.SampleFormat, ExifTags.Base.Predictor,
    ExifTags.Base.XResolution, ExifTags.Base.YResolution, ExifTags.Base.ResolutionUnit,
}


def redacted_copy(data: bytes, file_name: str, *,
                  limits: ImageLimits = DEFAULT_LIMITS) -> bytes:
    """A copy of the picture with GPS and every other piece of metadata removed.

    The format is kept, except HEIC/HEIF which becomes JPEG (see `redacted_name`). Raises
    MediaError (naming the file) when the bytes are not an acceptable picture.
    """
    image, media = opening.open_image(data, file_name, limits)
    with opening.decoding(file_name):
        image.load()
    output = _output_for(media)
    upright = pixels.upright(image)
    picture = pixels.as_srgb(upright, keep_alpha=output.media is not JPEG)
    copy = pixels.encode(picture, output.pillow_format, **output.options)
    _check_clean(copy)
    return copy


def redacted_media_type(media_type: str) -> str:
    """The media type of the redacted copy of a picture of this media type."""
    return _output_for(media_format(media_type)).media.media_type


def redacted_suffix(media_type: str) -> str:
    """The file suffix of the redacted copy (".jpg" for HEIC, else the usual one)."""
    return _output_for(media_format(media_type)).media.suffixes[0]


def redacted_name(file_name: str, media_type: str) -> str:
    """The file name for the redacted copy: the same name, with the suffix changed only when
    the format changes (IMG_1.HEIC -> IMG_1.jpg) or added when the name has none."""
    output = _output_for(media_format(media_type)).media
    path = PurePath(file_name or "image")
    if path.suffix.lower() in output.suffixes:
        return str(path)
    if not path.suffix:
        return f"{path}{output.suffixes[0]}"
    return str(path.with_suffix(output.suffixes[0]))


def _output_for(media: MediaFormat) -> _Output:
    return _OUTPUTS.get(media, _JPEG_OUT)


def _check_clean(copy: bytes) -> None:
    """Re-read the copy: any metadata left is a bug, and nothing may leave with it."""
    written = Image.open(io.BytesIO(copy))
    extra_info = set(written.info) - _ALLOWED_INFO
    tags = set(written.getexif())
    extra_tags = tags - _ALLOWED_TIFF_TAGS if written.format == "TIFF" else tags
    if extra_info or extra_tags:
        raise RuntimeError(f"redacted copy still carries metadata: {sorted(extra_info)} "
                           f"{sorted(extra_tags)}")

