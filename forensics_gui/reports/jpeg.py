"""A JPEG placed on the page as it is: its bytes go into the PDF untouched, and nothing decodes
it while the brief is laid out."""

from __future__ import annotations

from io import BytesIO

from reportlab.lib.utils import ImageReader
from reportlab.platypus import Image


class _JpegReader(ImageReader):
    """ReportLab names each image it embeds by a digest of its pixels, which decodes every
    photo again at each pass of the layout (a tenth of a second per photo and pass for 24
    megapixels downsampled to print). The JPEG's own bytes name it as surely; they are
    embedded as they are (`jpeg_fh`), never read back as pixels."""

    def __init__(self, data: bytes) -> None:
        super().__init__(BytesIO(data))
        self._jpeg = data
        self._dataA = None  # no transparency: a JPEG has none

    def getRGBData(self) -> bytes:
        return self._jpeg


class JpegImage(Image):
    """A JPEG flowable of `width` x `height` points."""

    def __init__(self, data: bytes, width: float, height: float) -> None:
        self._img = _JpegReader(data)  # before Image looks for one of its own
        super().__init__(BytesIO(data), width=width, height=height)
