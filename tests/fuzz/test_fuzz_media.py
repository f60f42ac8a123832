"""Pictures fuzzed: JPEG, PNG, TIFF and WebP files with hostile EXIF (impossible dates, zero
denominators, huge and odd values, enormous text), lying sizes, damaged and random bytes are
inspected (facts and thumbnail) or refused with a known error naming the file."""

from __future__ import annotations

import io
import struct
import zlib

from hypothesis import given
from hypothesis import strategies as st
from PIL import Image, TiffImagePlugin

from forensics_gui.core.errors import MediaError
from forensics_gui.media import images
from forensics_gui.media.facts import ImageLimits

from .conftest import FUZZ, outcome
from .hostile import damaged, hostile_text, random_bytes

FORMATS = {"JPEG": "photo.jpg", "PNG": "photo.png", "TIFF": "photo.tif", "WEBP": "photo.webp"}
# EXIF tags: orientation, make, model, date taken, GPS, lens.
ORIENTATION, MAKE, MODEL, DATE_TAKEN, GPS, LENS = 0x0112, 0x010F, 0x0110, 0x9003, 0x8825, 0xA434


def rational() -> st.SearchStrategy[object]:
    return st.one_of(st.integers(-2**40, 2**40),
                     st.builds(TiffImagePlugin.IFDRational, st.integers(-2**31, 2**31),
                               st.integers(-2**31, 2**31)),
                     st.floats(allow_nan=True), hostile_text(12))


@st.composite
def exif(draw: st.DrawFn) -> Image.Exif:
    tags = Image.Exif()
    if draw(st.booleans()):
        tags[ORIENTATION] = draw(st.one_of(st.integers(-5, 70000), hostile_text(4)))
    for tag in (MAKE, MODEL):
        if draw(st.booleans()):
            tags[tag] = draw(hostile_text(300)).encode("utf-8", "surrogatepass").decode(
                "utf-8", "replace")
    exif_ifd = tags.get_ifd(0x8769)
    if draw(st.booleans()):
        exif_ifd[DATE_TAKEN] = draw(st.sampled_from(
            ("0000:00:00 00:00:00", "2023:02:30 25:61:61", "9999:99:99 99:99:99", "", "x",
             "2024:06:01 10:00:00", "2024-06-01T10:00:00+99:00")))
    if draw(st.booleans()):
        exif_ifd[LENS] = draw(hostile_text(40)).encode("utf-8", "replace").decode()
    if draw(st.booleans()):
        gps = tags.get_ifd(GPS)
        gps[1] = draw(st.sampled_from(("N", "S", "X", "")))
        gps[2] = tuple(draw(st.lists(rational(), min_size=0, max_size=4)))
        gps[3] = draw(st.sampled_from(("E", "W", "?")))
        gps[4] = tuple(draw(st.lists(rational(), min_size=0, max_size=4)))
        gps[6] = draw(rational())
    return tags


@st.composite
def pictures(draw: st.DrawFn) -> tuple[bytes, str]:
    fmt = draw(st.sampled_from(sorted(FORMATS)))
    size = (draw(st.integers(1, 40)), draw(st.integers(1, 40)))
    mode = draw(st.sampled_from(("RGB", "L", "RGBA", "P", "1", "CMYK", "I;16")))
    image = Image.new(mode, size)
    buffer = io.BytesIO()
    try:
        image.save(buffer, fmt, exif=draw(exif()))
    except (OSError, ValueError, TypeError, KeyError, struct.error):
        buffer = io.BytesIO()
        Image.new("RGB", size).save(buffer, fmt)  # this mode or EXIF cannot be written so
    data = buffer.getvalue()
    how = draw(st.sampled_from(("plain", "bytes", "bytes", "size", "name", "random")))
    name = FORMATS[fmt]
    if how == "bytes":
        data = draw(damaged(data))
    elif how == "size" and fmt == "PNG":
        data = _png_claiming(data, draw(st.integers(0, 2**31 - 1)), draw(st.integers(0, 2**31 - 1)))
    elif how == "name":
        name = draw(st.sampled_from(("photo.jpg", "photo.png", "photo", "photo.heic", ".jpg",
                                     "photo.JPG", "photo.txt")))
    elif how == "random":
        data = draw(st.sampled_from((b"", b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"II*\x00",
                                     b"RIFF\x00\x00\x00\x00WEBP"))) + draw(random_bytes())
    return data, name


def _png_claiming(data: bytes, width: int, height: int) -> bytes:
    """The PNG with its header claiming another size (its checksum made to match)."""
    header = b"IHDR" + struct.pack(">II", width, height) + data[24:29]
    return data[:12] + header + struct.pack(">I", zlib.crc32(header)) + data[33:]


@FUZZ
@given(picture=pictures())
def test_pictures_are_inspected_or_refused(picture: tuple[bytes, str]) -> None:
    data, name = picture
    limits = ImageLimits(max_bytes=1024 * 1024, max_pixels=4_000_000)
    facts = outcome(lambda: images.inspect_image(data, name, limits))
    if isinstance(facts, MediaError):
        assert name in str(facts)
        return
    assert facts.width > 0 and facts.height > 0 and 1 <= facts.orientation <= 8
    found = outcome(lambda: images.inspect_with_thumbnail(data, name, limits, 64))
    if not isinstance(found, MediaError):
        thumb, width, height = found[1]
        assert thumb.startswith(b"\xff\xd8") and 0 < max(width, height) <= 64
    outcome(lambda: images.make_display_copy(data, 128, file_name=name))


def test_a_png_claiming_a_huge_size_is_refused_by_name() -> None:
    """The plain example behind the properties: a decompression bomb's header."""
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4)).save(buffer, "PNG")
    bomb = _png_claiming(buffer.getvalue(), 100_000, 100_000)
    facts = outcome(lambda: images.inspect_image(bomb, "bomb.png"))
    assert isinstance(facts, MediaError) and "bomb.png" in str(facts)


def test_a_sixteen_bit_grey_png_gets_a_thumbnail() -> None:
    """Found by fuzzing: a 16-bit greyscale PNG (as X-ray and scientific cameras write) more
    than twice the thumbnail's size failed with a bug's traceback ("image has wrong mode")."""
    buffer = io.BytesIO()
    Image.new("I;16", (256, 200), 40_000).save(buffer, "PNG")
    facts, (thumb, width, height) = images.inspect_with_thumbnail(buffer.getvalue(), "xray.png",
                                                                  max_side=64)
    assert (facts.width, facts.height) == (256, 200) and (width, height) == (64, 50)
    shown = Image.open(io.BytesIO(thumb))
    assert shown.format == "JPEG" and shown.getpixel((10, 10))[0] > 100  # light grey, not black
