"""The media layer: facts read from pictures, fast upright copies, redaction, hostile files.

Every picture is made here with Pillow (and pillow-heif for HEIC), so the tests need no files.
"""

from __future__ import annotations

import functools
import io
import json
import os
import shutil
import struct
import subprocess
import time
import zlib
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from PIL import ExifTags, Image, ImageChops, ImageCms, ImageOps, ImageStat, JpegImagePlugin
from PIL.PngImagePlugin import PngInfo

from forensics_gui.core.errors import MediaError
from forensics_gui.media import (
    ImageLimits,
    inspect_image,
    make_display_copy,
    make_thumbnail,
    opening,
    original_suffix,
    redacted_copy,
    redacted_name,
    redacted_suffix,
    sha256_hex,
)

try:
    import pillow_heif
except ImportError:  # pragma: no cover - pillow-heif is a dependency of the app
    pillow_heif = None

XMP = (b'<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">'
       b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
       b'xmlns:dc="http://purl.org/dc/elements/1.1/" dc:creator="J. Smith"/></rdf:RDF>'
       b'</x:xmpmeta><?xpacket end="w"?>')
SRGB_ICC = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
RED, BLUE = (200, 40, 40), (40, 40, 200)
IFD = ExifTags.IFD


# ------------------------------------------------------------------ making pictures
def scene(width: int, height: int) -> Image.Image:
    """Top half red, bottom half blue, under a gradient so that encoders have work to do."""
    if width > 1000:  # drawn small and blown up: making 24 megapixels stays quick
        return scene(width // 8, height // 8).resize((width, height), Image.Resampling.NEAREST)
    picture = Image.new("RGB", (width, height), BLUE)
    picture.paste(RED, (0, 0, width, height // 2))
    ramp = Image.linear_gradient("L").rotate(90).resize((width, height)).convert("RGB")
    return Image.blend(picture, ramp, 0.2)


def camera_exif(orientation: int = 6, *, south_west: bool = False,
                offset: str | None = "+03:00") -> Image.Exif:
    exif = Image.Exif()
    exif[ExifTags.Base.Make], exif[ExifTags.Base.Model] = "Canon", "EOS R5"
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.Artist], exif[ExifTags.Base.Copyright] = "J. Smith", "J. Smith 2024"
    details = exif.get_ifd(IFD.Exif)
    details[ExifTags.Base.DateTimeOriginal] = "2024:03:05 14:22:10"
    if offset:
        details[ExifTags.Base.OffsetTimeOriginal] = offset
    details[ExifTags.Base.LensModel] = "RF24-105mm F4 L IS USM"
    details[ExifTags.Base.BodySerialNumber] = "082021001234"
    details[ExifTags.Base.MakerNote] = b"\x00\x01binary maker note\xff"
    gps = exif.get_ifd(IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "S" if south_west else "N"
    gps[ExifTags.GPS.GPSLatitude] = (48.0, 30.0, 15.5)
    gps[ExifTags.GPS.GPSLongitudeRef] = "W" if south_west else "E"
    gps[ExifTags.GPS.GPSLongitude] = (37.0, 12.0, 1.25)
    gps[ExifTags.GPS.GPSAltitudeRef] = b"\x01" if south_west else b"\x00"
    gps[ExifTags.GPS.GPSAltitude] = 150.5
    return exif


def encode(picture: Image.Image, pillow_format: str, **options: object) -> bytes:
    out = io.BytesIO()
    picture.save(out, pillow_format, **options)
    return out.getvalue()


def heic_supported() -> bool:
    return pillow_heif is not None and bool(pillow_heif.libheif_info().get("HEIF"))


@functools.cache  # the bytes never change, and HEIC encoding is slow
def camera_file(suffix: str, width: int = 600, height: int = 400, *, south_west: bool = False,
                offset: str | None = "+03:00") -> bytes:
    """A picture as a camera or phone would write it: EXIF with GPS, XMP, ICC, comments."""
    picture = scene(width, height)
    exif = camera_exif(south_west=south_west, offset=offset).tobytes()
    if suffix == ".jpg":
        return encode(picture, "JPEG", quality=90, exif=exif, xmp=XMP, icc_profile=SRGB_ICC,
                      comment=b"photographed by J. Smith")
    if suffix == ".png":
        text = PngInfo()
        text.add_itxt("XML:com.adobe.xmp", XMP.decode())
        text.add_text("Author", "J. Smith")
        return encode(picture, "PNG", exif=exif, icc_profile=SRGB_ICC, pnginfo=text)
    if suffix == ".tif":
        return encode(picture, "TIFF", exif=exif, icc_profile=SRGB_ICC)
    if suffix == ".webp":
        return encode(picture, "WEBP", exif=exif, xmp=XMP, icc_profile=SRGB_ICC, quality=90)
    if not heic_supported():
        pytest.skip("pillow-heif on this machine cannot encode HEIC, so no HEIC test file")
    return encode(picture, "HEIF", exif=exif, xmp=XMP, icc_profile=SRGB_ICC, quality=90)


FORMATS = [(".jpg", "image/jpeg"), (".png", "image/png"), (".tif", "image/tiff"),
           (".webp", "image/webp"), (".heic", "image/heic")]


@pytest.fixture(scope="module")
def big_jpeg() -> bytes:
    """24 megapixels, 6000 x 4000 as stored, to be shown turned (orientation 6)."""
    return camera_file(".jpg", 6000, 4000)


def colour_at(picture: Image.Image, x: float, y: float) -> tuple[int, ...]:
    rgb = picture.convert("RGB")
    return tuple(rgb.getpixel((int(x * (rgb.width - 1)), int(y * (rgb.height - 1)))))


def is_reddish(colour: tuple[int, ...]) -> bool:
    return colour[0] > colour[2] + 60


def is_bluish(colour: tuple[int, ...]) -> bool:
    return colour[2] > colour[0] + 60


# ------------------------------------------------------------------ facts
def test_facts_of_a_camera_jpeg(big_jpeg: bytes) -> None:
    facts = inspect_image(big_jpeg, "IMG_0001.JPG")
    assert (facts.media_type, facts.width, facts.height) == ("image/jpeg", 6000, 4000)
    assert (facts.orientation, facts.display_width, facts.display_height) == (6, 4000, 6000)
    assert facts.taken_at == datetime(2024, 3, 5, 14, 22, 10, tzinfo=timezone(timedelta(hours=3)))
    assert (facts.camera_make, facts.camera_model) == ("Canon", "EOS R5")
    assert facts.lens == "RF24-105mm F4 L IS USM"
    assert facts.gps is not None
    assert facts.gps.latitude == pytest.approx(48 + 30 / 60 + 15.5 / 3600)
    assert facts.gps.longitude == pytest.approx(37 + 12 / 60 + 1.25 / 3600)
    assert facts.gps.altitude == pytest.approx(150.5)


def test_exif_summary_is_readable_text(big_jpeg: bytes) -> None:
    summary = inspect_image(big_jpeg, "IMG_0001.jpg").exif
    assert summary["Make"] == "Canon"
    assert summary["BodySerialNumber"] == "082021001234"
    assert summary["GPSLatitude"] == "48, 30, 15.5"
    assert "MakerNote" not in summary and "GPSInfo" not in summary
    assert len(summary) <= 60
    assert all(isinstance(v, str) and v.isprintable() for v in summary.values())


def test_south_west_below_sea_level_and_local_camera_time() -> None:
    facts = inspect_image(camera_file(".jpg", south_west=True, offset=None), "a.jpg")
    assert facts.gps is not None
    assert facts.gps.latitude < 0 and facts.gps.longitude < 0 and facts.gps.altitude == -150.5
    assert facts.taken_at == datetime(2024, 3, 5, 14, 22, 10)
    assert facts.taken_at.tzinfo is None  # the camera's clock; its zone is unknown


def test_a_picture_without_metadata() -> None:
    facts = inspect_image(encode(scene(30, 20), "PNG"), "scan.png")
    assert (facts.orientation, facts.display_width, facts.display_height) == (1, 30, 20)
    assert (facts.taken_at, facts.gps, facts.camera_make, facts.lens) == (None, None, "", "")


@pytest.mark.parametrize(("suffix", "media_type"), FORMATS)
def test_every_accepted_format_is_read(suffix: str, media_type: str) -> None:
    facts = inspect_image(camera_file(suffix), f"photo{suffix}")
    assert facts.media_type == media_type
    assert (facts.width, facts.height, facts.orientation) == (600, 400, 6)
    assert (facts.display_width, facts.display_height) == (400, 600)
    assert facts.camera_model == "EOS R5" and facts.gps is not None
    assert facts.taken_at is not None and facts.taken_at.utcoffset() == timedelta(hours=3)


# ------------------------------------------------------------------ thumbnails
def test_thumbnail_is_small_and_upright(big_jpeg: bytes) -> None:
    data, width, height = make_thumbnail(big_jpeg)
    thumb = Image.open(io.BytesIO(data))
    assert (thumb.format, thumb.size, (width, height)) == ("JPEG", (213, 320), (213, 320))
    # stored: red on top; orientation 6 turns it a quarter clockwise: red on the right
    assert is_reddish(colour_at(thumb, 0.9, 0.5)) and is_bluish(colour_at(thumb, 0.1, 0.5))
    assert not thumb.getexif() and "icc_profile" not in thumb.info


def test_thumbnail_of_24_megapixels_uses_reduced_decoding(
        big_jpeg: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    decoded_sizes = []
    load = JpegImagePlugin.JpegImageFile.load

    def spy(self: JpegImagePlugin.JpegImageFile) -> object:
        decoded_sizes.append(self.size)
        return load(self)

    monkeypatch.setattr(JpegImagePlugin.JpegImageFile, "load", spy)
    timings = []
    for _ in range(3):
        started = time.perf_counter()
        make_thumbnail(big_jpeg, 320)
        timings.append(time.perf_counter() - started)
    assert decoded_sizes[0] == (750, 500)  # 1/8 of 6000 x 4000: the full size is never decoded
    assert min(timings) < 0.3, f"thumbnail of 24 MP took {min(timings):.3f} s"


def test_display_copy_is_large_and_upright(big_jpeg: bytes) -> None:
    data, width, height = make_display_copy(big_jpeg)
    shown = Image.open(io.BytesIO(data))
    assert shown.size == (width, height) == (1365, 2048)
    assert is_reddish(colour_at(shown, 0.9, 0.5))


@pytest.mark.parametrize("suffix", [".png", ".tif", ".webp", ".heic"])
def test_thumbnails_of_other_formats_are_upright(suffix: str) -> None:
    data, width, height = make_thumbnail(camera_file(suffix), 120)
    thumb = Image.open(io.BytesIO(data))
    assert (thumb.format, thumb.size, (width, height)) == ("JPEG", (80, 120), (80, 120))
    assert is_reddish(colour_at(thumb, 0.9, 0.5)) and is_bluish(colour_at(thumb, 0.1, 0.5))


@pytest.mark.parametrize(("picture", "pillow_format", "expected"), [
    (Image.new("I;16", (40, 30), 32768), "PNG", (128, 128, 128)),  # scaled, not clipped
    (Image.new("RGBA", (40, 30), (0, 0, 0, 0)), "PNG", (255, 255, 255)),  # onto white
    (Image.new("P", (40, 30), 0), "PNG", (0, 0, 0)),
    (Image.new("CMYK", (40, 30), (0, 0, 0, 0)), "TIFF", (255, 255, 255)),
    (Image.new("CMYK", (40, 30), (0, 255, 255, 0)), "JPEG", (255, 0, 0)),
])
def test_unusual_pixel_modes_become_rgb(picture: Image.Image, pillow_format: str,
                                        expected: tuple[int, int, int]) -> None:
    data, _, _ = make_thumbnail(encode(picture, pillow_format), 20)
    thumb = Image.open(io.BytesIO(data))
    assert thumb.mode == "RGB"
    assert all(abs(a - b) <= 6 for a, b in zip(colour_at(thumb, 0.5, 0.5), expected, strict=True))


# ------------------------------------------------------------------ redaction
def difference(a: Image.Image, b: Image.Image) -> float:
    """Mean difference (0..255) of two pictures scaled down to 64 x 64."""
    small = [p.convert("RGB").resize((64, 64), Image.Resampling.BOX) for p in (a, b)]
    return max(ImageStat.Stat(ImageChops.difference(*small)).mean)


@pytest.mark.parametrize(("suffix", "media_type"), FORMATS)
def test_redacted_copy_is_the_picture_without_metadata(suffix: str, media_type: str) -> None:
    original = camera_file(suffix)
    copy = Image.open(io.BytesIO(redacted_copy(original, f"photo{suffix}")))
    assert copy.format == ("JPEG" if suffix == ".heic" else Image.open(io.BytesIO(original)).format)
    exif = copy.getexif()
    assert IFD.GPSInfo not in exif and not exif.get_ifd(IFD.GPSInfo)
    assert IFD.Exif not in exif and not exif.get_ifd(IFD.Exif)
    assert not {ExifTags.Base.Make, ExifTags.Base.Artist, ExifTags.Base.Orientation} & set(exif)
    assert not {"exif", "xmp", "XML:com.adobe.xmp", "icc_profile", "comment", "Author"} & set(
        copy.info)
    upright = ImageOps.exif_transpose(Image.open(io.BytesIO(original)))
    assert copy.size == upright.size == (400, 600)
    assert difference(copy, upright) < 3


LAYOUT_GROUPS = {"ExifTool", "System", "File", "JFIF", "PNG", "RIFF", "Composite"}
TIFF_LAYOUT = {"ImageWidth", "ImageHeight", "BitsPerSample", "Compression", "StripOffsets",
               "PhotometricInterpretation", "SamplesPerPixel", "RowsPerStrip",
               "StripByteCounts", "PlanarConfiguration", "ExtraSamples"}


@pytest.fixture(scope="module")
def exiftool_views(tmp_path_factory: pytest.TempPathFactory
                   ) -> dict[str, tuple[dict[str, object], dict[str, object]]]:
    """{suffix: (what exiftool reads in the original, in its redacted copy)}, for every
    format, from one exiftool run (it is slow to start)."""
    if shutil.which("exiftool") is None:
        if os.environ.get("FORENSICS_REQUIRE_EXIFTOOL") == "1":
            pytest.fail("exiftool is required here (Debian: libimage-exiftool-perl)")
        pytest.skip("exiftool is not installed (Debian: libimage-exiftool-perl); "
                    "only the Pillow check of redacted copies ran")
    folder = tmp_path_factory.mktemp("exiftool")
    files: dict[Path, bytes] = {}
    pairs: dict[str, tuple[str, str]] = {}
    for suffix, media_type in FORMATS:
        if suffix == ".heic" and not heic_supported():
            continue
        original, copy = folder / f"original{suffix}", folder / redacted_name(
            f"copy-{suffix[1:]}{suffix}", media_type)
        files[original] = camera_file(suffix)
        files[copy] = redacted_copy(files[original], original.name)
        pairs[suffix] = (original.name, copy.name)
    for path, data in files.items():
        path.write_bytes(data)
    result = subprocess.run(["exiftool", "-j", "-a", "-G1", *map(str, files)],
                            capture_output=True, text=True, check=True, timeout=60)
    found = {Path(str(tags["SourceFile"])).name: tags for tags in json.loads(result.stdout)}
    return {suffix: (found[original], found[copy]) for suffix, (original, copy) in pairs.items()}


@pytest.mark.parametrize("suffix", [suffix for suffix, _ in FORMATS])
def test_exiftool_finds_no_metadata_in_redacted_copy(
        suffix: str, exiftool_views: dict[str, tuple[dict[str, object], dict[str, object]]]
) -> None:
    if suffix not in exiftool_views:
        pytest.skip("pillow-heif on this machine cannot encode HEIC, so no HEIC test file")
    before, after = exiftool_views[suffix]
    assert any(key.startswith("GPS:") for key in before)  # exiftool does see what we remove
    assert any(key.startswith("XMP") for key in before) or suffix == ".tif"
    left = {key for key in after if ":" in key and key.split(":")[0] not in LAYOUT_GROUPS}
    assert {key.split(":")[1] for key in left} <= TIFF_LAYOUT, sorted(left)
    assert {key.split(":")[0] for key in left} <= {"IFD0"}, sorted(left)


def test_redacted_names_follow_the_format() -> None:
    assert redacted_name("IMG_0001.HEIC", "image/heic") == "IMG_0001.jpg"
    assert redacted_name("IMG_0001.JPG", "image/jpeg") == "IMG_0001.JPG"
    assert redacted_name("scan.tiff", "image/tiff") == "scan.tiff"
    assert redacted_name("pasted", "image/png") == "pasted.png"
    assert redacted_suffix("image/heif") == ".jpg" and redacted_suffix("image/webp") == ".webp"


def test_fingerprint_and_suffixes() -> None:
    assert sha256_hex(b"abc") == ("ba7816bf8f01cfea414140de5dae2223"
                                  "b00361a396177a9cb410ff61f20015ad")
    assert [original_suffix(t) for _, t in FORMATS] == [".jpg", ".png", ".tif", ".webp",
                                                        ".heic"]
    with pytest.raises(ValueError):
        original_suffix("image/gif")


# ------------------------------------------------------------------ hostile files
def declared_size(png: bytes, width: int, height: int) -> bytes:
    """The PNG with its header claiming another size (and a correct header checksum)."""
    data = bytearray(png)
    data[16:24] = struct.pack(">II", width, height)
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(data[12:29])))
    return bytes(data)


def flipped_idat(png: bytes) -> bytes:
    data = bytearray(png)
    start = data.index(b"IDAT") + 40
    data[start:start + 8] = bytes(b ^ 0xFF for b in data[start:start + 8])
    return bytes(data)


def noisy_jpeg() -> bytes:
    return encode(Image.effect_noise((600, 400), 60).convert("RGB"), "JPEG", quality=90)


def hostile_files() -> list[tuple[str, bytes, str]]:
    small_png = encode(scene(8, 8), "PNG")
    noisy_png = encode(Image.effect_noise((300, 200), 60), "PNG")
    jpeg = noisy_jpeg()
    return [
        ("empty.jpg", b"", "the file is empty"),
        ("report.jpg", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "PDF document"),
        ("notes.jpg", "Part list: STM32F405, ADSP-21062 …\n".encode() * 20, "holds text"),
        ("random.jpg", bytes(range(256)) * 4, "not an image"),
        ("cut.jpg", jpeg[: len(jpeg) // 2], "damaged or truncated"),
        ("header-only.jpg", jpeg[:40], "damaged or truncated"),
        ("header-only.png", small_png[:20], "damaged or truncated"),
        ("flipped.png", flipped_idat(noisy_png), "damaged or truncated"),
        ("bomb.png", declared_size(small_png, 50_000, 50_000), "it was not decoded"),
        ("big.png", declared_size(small_png, 15_000, 15_000), "15000 x 15000 pixels"),
        ("photo.png", jpeg, "the file is a JPEG image but its name ends in .png"),
        ("anim.gif", encode(scene(8, 8), "GIF"),
         "format GIF is not accepted; use JPEG, PNG, TIFF, WebP or HEIC"),
        ("old.bmp", encode(scene(8, 8), "BMP"), "format BMP is not accepted"),
    ]


@pytest.mark.parametrize(("name", "data", "reason"), hostile_files(),
                         ids=[case[0] for case in hostile_files()])
def test_hostile_files_are_refused_by_name(name: str, data: bytes, reason: str) -> None:
    with pytest.raises(MediaError) as refused:
        inspect_image(data, name)
    assert refused.value.file_name == name and str(refused.value).startswith(f"{name}: ")
    assert reason in refused.value.reason


def test_limits_are_the_callers() -> None:
    picture = encode(Image.effect_noise((200, 100), 60), "PNG")
    with pytest.raises(MediaError, match=r"is \d{2},\d{3} bytes, more than the 1,000 bytes"):
        inspect_image(picture, "a.png", ImageLimits(max_bytes=1000))
    with pytest.raises(MediaError, match=r"200 x 100 pixels .* more than the 10,000 accepted"):
        inspect_image(picture, "a.png", ImageLimits(max_pixels=10_000))
    with pytest.raises(MediaError, match="more than the 10,000 accepted"):
        make_thumbnail(picture, file_name="a.png", limits=ImageLimits(max_pixels=10_000))


def test_copies_refuse_hostile_files_too() -> None:
    bomb = declared_size(encode(scene(8, 8), "PNG"), 50_000, 50_000)
    with pytest.raises(MediaError, match="not decoded"):
        make_thumbnail(bomb, file_name="bomb.png")
    cut = noisy_jpeg()[:5000]
    with pytest.raises(MediaError, match=r"cut\.jpg: .*truncated"):
        redacted_copy(cut, "cut.jpg")
    with pytest.raises(MediaError, match="truncated"):
        make_display_copy(cut)


@pytest.mark.parametrize("kept", [0.25, 0.5, 0.9, -10],
                         ids=["quarter", "half", "most", "all-but-10"])
def test_damaged_heic_is_refused(kept: float) -> None:
    # What is promised, whichever pillow-heif release reads the file: refused, the file named,
    # the format said, in our words on one line (the decoder's own wording may follow).
    heic = camera_file(".heic")
    cut = heic[: int(len(heic) * kept)] if kept > 0 else heic[: int(kept)]
    with pytest.raises(MediaError) as refused:
        inspect_image(cut, "IMG.HEIC")
    message = str(refused.value)
    assert refused.value.file_name == "IMG.HEIC" and message.startswith("IMG.HEIC: ")
    assert "the file is a HEIC/HEIF image but it is damaged or truncated" in message
    assert "\n" not in message


def test_heic_without_pillow_heif_is_refused_with_the_reason(
        monkeypatch: pytest.MonkeyPatch) -> None:
    heic = camera_file(".heic")
    monkeypatch.setattr(Image, "ID", [name for name in Image.ID if name != "HEIF"])
    monkeypatch.setattr(opening, "HEIF_SUPPORTED", False)
    with pytest.raises(MediaError, match="pillow-heif package is not installed"):
        inspect_image(heic, "IMG.HEIC")
