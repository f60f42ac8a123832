"""Opening untrusted picture bytes with Pillow; every refusal is a MediaError naming the file.

The checks run cheapest first and nothing is decoded until the header has passed them all:
size in bytes, recognised as an image, accepted format, file name suffix, pixel count.
"""

from __future__ import annotations

import io
import math
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import PurePath

from PIL import Image, ImageFile, UnidentifiedImageError

from forensics_gui.core.errors import MediaError
from forensics_gui.media.facts import (
    ACCEPTED_TEXT,
    DEFAULT_LIMITS,
    HEIC,
    HEIF,
    JPEG,
    PNG,
    TIFF,
    WEBP,
    ImageLimits,
    MediaFormat,
)

try:
    import pi_heif
except ImportError:  # then HEIC files are refused with a message saying why
    HEIF_SUPPORTED = False
else:
    pi_heif.register_heif_opener()
    HEIF_SUPPORTED = True

# Pillow's own bomb check stays on behind ours: it refuses above twice this many pixels even
# if a caller forgets the limits. A truncated picture is an error, never half a picture.
Image.MAX_IMAGE_PIXELS = DEFAULT_LIMITS.max_pixels
ImageFile.LOAD_TRUNCATED_IMAGES = False

_PILLOW_FORMATS = {"JPEG": JPEG, "MPO": JPEG, "PNG": PNG, "TIFF": TIFF, "WEBP": WEBP}
_HEIC_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"hevm", b"hevs"}
_HEIF_BRANDS = _HEIC_BRANDS | {b"mif1", b"mif2", b"msf1"}
_MAGIC = ((b"\xff\xd8\xff", "JPEG"), (b"\x89PNG\r\n\x1a\n", "PNG"), (b"II*\x00", "TIFF"),
          (b"MM\x00*", "TIFF"))


def open_image(data: bytes, file_name: str,
               limits: ImageLimits = DEFAULT_LIMITS) -> tuple[Image.Image, MediaFormat]:
    """The picture with only its header read, and its format; MediaError if it is refused."""
    _check_byte_size(data, file_name, limits)
    image = _identify(data, file_name)
    media = _accepted_format(image, data, file_name)
    if media in (HEIC, HEIF):
        _check_boxes(data, file_name)
    _check_suffix(media, file_name)
    _check_pixels(image, file_name, limits)
    return image, media


def check_decodes(data: bytes, file_name: str, media: MediaFormat) -> None:
    """Decode the whole picture once so that damaged and truncated files are refused.

    A JPEG is decoded at 1/8 scale: the decoder still reads every byte (so truncation is
    caught) but skips most of the arithmetic. PNG chunk checksums are verified too.
    """
    with decoding(file_name, data):
        _open_quietly(data).verify()
        image = _open_quietly(data)
        if media is JPEG:
            image.draft("RGB", (max(1, image.width // 8), max(1, image.height // 8)))
        image.load()


def decode_checked(data: bytes, file_name: str, media: MediaFormat,
                   max_side: int) -> Image.Image:
    """`check_decodes` that keeps the decoded picture, at the reduced size a copy of
    `max_side` needs (never larger than 1/8 scale for a JPEG, which the check reads anyway)."""
    with decoding(file_name, data):
        _open_quietly(data).verify()
        image = _open_quietly(data)
        if media is JPEG:
            wanted = _draft_request(image.size, max_side)
            eighth = (max(1, image.width // 8), max(1, image.height // 8))
            image.draft("RGB", max(wanted, eighth))
        image.load()
    return image


def decode_reduced(data: bytes, file_name: str, max_side: int,
                   limits: ImageLimits = DEFAULT_LIMITS) -> Image.Image:
    """The picture decoded with its longer side at least `max_side` where that saves work.

    JPEG uses reduced-size DCT decoding (1/2, 1/4 or 1/8 scale); other formats decode fully.
    """
    image, media = open_image(data, file_name, limits)
    if media is JPEG:
        image.draft("RGB", _draft_request(image.size, max_side))
    with decoding(file_name, data):
        image.load()
    return image


def _draft_request(size: tuple[int, int], max_side: int) -> tuple[int, int]:
    scale = min(1.0, max_side / max(size))
    return max(1, math.ceil(size[0] * scale)), max(1, math.ceil(size[1] * scale))


@contextmanager
def decoding(file_name: str, data: bytes = b"") -> Iterator[None]:
    """Turn a decoder's failure on untrusted bytes into a MediaError naming the file (and the
    format, when `data` shows it)."""
    try:
        yield
    except MemoryError:
        raise MediaError(file_name, "there is not enough memory to decode the image") from None
    except MediaError:
        raise
    # Decoders fail on hostile input with many exception types (OSError, SyntaxError,
    # ValueError, struct.error, IndexError...): all of them mean the file is bad.
    except Exception as error:
        raise MediaError(file_name, _damaged(data, error)) from None


def _open_quietly(data: bytes) -> Image.Image:
    # Pillow warns (instead of refusing) between its limit and twice it; our own pixel check
    # runs right after every open and decides. catch_warnings is process-wide before Python
    # 3.14: a race can at worst leave this one warning ignored, which changes nothing here.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        return Image.open(io.BytesIO(data))


def _identify(data: bytes, file_name: str) -> Image.Image:
    try:
        return _open_quietly(data)
    except Image.DecompressionBombError as error:
        raise MediaError(file_name, "the image declares more pixels than can be decoded "
                                    f"safely; it was not decoded ({error})") from None
    except UnidentifiedImageError:
        raise MediaError(file_name, _unrecognised(data)) from None
    except MemoryError:
        raise MediaError(file_name, "there is not enough memory to read the image") from None
    except Exception as error:  # a header parser choking on hostile bytes
        raise MediaError(file_name, _damaged(data, error)) from None


def _damaged(data: bytes, error: BaseException | str) -> str:
    """Our words first, the decoder's after: its wording changes between releases."""
    label = _label_of(data)
    start = f"the file is a {label} image but it is" if label else "the image is"
    detail = error if isinstance(error, str) else _detail(error)
    return f"{start} damaged or truncated ({detail})"


def _label_of(data: bytes) -> str | None:
    if data[4:8] == b"ftyp" and data[8:12] in _HEIF_BRANDS:
        return "HEIC/HEIF"
    return _label_from_magic(data)


def _unrecognised(data: bytes) -> str:
    if data.startswith(b"%PDF"):
        return "the file is a PDF document, not an image"
    if data[4:8] == b"ftyp" and data[8:12] in _HEIF_BRANDS:
        if not HEIF_SUPPORTED:
            return ("HEIC/HEIF images cannot be read on this computer: the pillow-heif "
                    "package is not installed")
        return "the file is a HEIC/HEIF image but it is damaged or truncated"
    label = _label_from_magic(data)
    if label:
        return f"the file starts like a {label} image but is damaged or truncated"
    if _looks_like_text(data[:4096]):
        return "the file holds text, not an image"
    return "the file is not an image (its content was not recognised)"


def _label_from_magic(data: bytes) -> str | None:
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WebP"
    return next((label for magic, label in _MAGIC if data.startswith(magic)), None)


def _looks_like_text(sample: bytes) -> bool:
    if b"\x00" in sample:
        return False
    controls = sum(1 for byte in sample if byte < 32 and byte not in b"\t\n\r\f")
    return controls <= len(sample) // 100


def _accepted_format(image: Image.Image, data: bytes, file_name: str) -> MediaFormat:
    name = image.format or "unknown"
    if name == "HEIF":
        return HEIC if data[8:12] in _HEIC_BRANDS else HEIF
    if name not in _PILLOW_FORMATS:
        raise MediaError(file_name, f"format {name} is not accepted; {ACCEPTED_TEXT}")
    return _PILLOW_FORMATS[name]


def _check_boxes(data: bytes, file_name: str) -> None:
    """A HEIC/HEIF file is a chain of boxes, each stating its length; one that runs past the
    end means the file was cut. The decoder does not notice when only metadata was lost (the
    EXIF block sits after the picture), and a cut original is not accepted as evidence."""
    offset = 0
    while offset < len(data):
        if len(data) - offset < 8:
            raise MediaError(file_name, _cut(data, offset))
        size = int.from_bytes(data[offset:offset + 4], "big")
        if size == 1:  # the length follows as 64 bits
            size = int.from_bytes(data[offset + 8:offset + 16], "big")
        elif size == 0:  # the last box runs to the end of the file
            return
        if size < 8 or offset + size > len(data):
            raise MediaError(file_name, _cut(data, offset))
        offset += size


def _cut(data: bytes, offset: int) -> str:
    return _damaged(data, f"a part starting at byte {offset:,} runs past the end of the file")


def _check_suffix(media: MediaFormat, file_name: str) -> None:
    suffix = PurePath(file_name).suffix
    if suffix and suffix.lower() not in media.suffixes:
        raise MediaError(file_name,
                         f"the file is a {media.label} image but its name ends in {suffix}")


def _check_byte_size(data: bytes, file_name: str, limits: ImageLimits) -> None:
    if not data:
        raise MediaError(file_name, "the file is empty")
    if len(data) > limits.max_bytes:
        raise MediaError(file_name, f"the file is {_amount(len(data))}, more than the "
                                    f"{_amount(limits.max_bytes)} accepted")


def _check_pixels(image: Image.Image, file_name: str, limits: ImageLimits) -> None:
    width, height = image.size
    if width < 1 or height < 1:
        raise MediaError(file_name, "the image has no pixels")
    if width * height > limits.max_pixels:
        raise MediaError(file_name, f"the image is {width} x {height} pixels "
                                    f"({width * height:,}), more than the "
                                    f"{limits.max_pixels:,} accepted; it was not decoded")


def _amount(size: int) -> str:
    return f"{size:,} bytes" if size < 1024 * 1024 else f"{size / 1024 / 1024:,.1f} MB"


def _detail(error: BaseException) -> str:
    text = " ".join(str(error).split()) or type(error).__name__  # one line, however worded
    return text if len(text) <= 200 else text[:197] + "..."
