"""The fonts of the briefs, embedded (subset) in every PDF: DejaVu Sans for Latin and Cyrillic,
Droid Sans Fallback for Chinese, Japanese and Korean names.

ReportLab draws a run of text in one font and shows an empty box for a glyph that font lacks,
so text is cut into runs by which font has each character (`markup`)."""

from __future__ import annotations

from functools import cache
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from forensics_gui.core.resources import asset_path

BODY = "BriefSans"
BOLD = "BriefSans-Bold"
ITALIC = "BriefSans-Oblique"
WIDE = "BriefCJK"  # Chinese, Japanese, Korean
FILES = {BODY: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf", ITALIC: "DejaVuSans-Oblique.ttf",
         WIDE: "DroidSansFallbackFull.ttf"}


@cache
def register() -> None:
    """Register the fonts with ReportLab (once per process)."""
    for name, file in FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(asset_path("fonts", file))))
    addMapping(BODY, 0, 0, BODY)
    addMapping(BODY, 1, 0, BOLD)
    addMapping(BODY, 0, 1, ITALIC)
    addMapping(BODY, 1, 1, BOLD)
    pdfmetrics.registerFontFamily(BODY, normal=BODY, bold=BOLD, italic=ITALIC,
                                  boldItalic=BOLD)


@cache
def _covered(font: str) -> frozenset[int]:
    register()
    face = pdfmetrics.getFont(font).face
    return frozenset(face.charToGlyph)


def font_for(char: str) -> str:
    """The font that has `char`: the body font where it can, else the CJK font."""
    code = ord(char)
    if code in _covered(BODY) or char in "\n\t ":
        return BODY
    return WIDE if code in _covered(WIDE) else BODY


def runs(text: str) -> list[tuple[str, str]]:
    """(font, text) runs of `text`, each drawable in one font."""
    found: list[tuple[str, str]] = []
    for char in text:
        font = font_for(char)
        if found and found[-1][0] == font:
            found[-1] = (font, found[-1][1] + char)
        else:
            found.append((font, char))
    return found


def markup(text: object) -> str:
    """`text` escaped for a ReportLab paragraph, with CJK runs in the CJK font (so a
    Chinese company name never shows empty boxes)."""
    plain = "" if text is None else str(text)
    if plain.isascii():
        return escape(plain)
    return "".join(escape(part) if font == BODY else f'<font name="{font}">{escape(part)}</font>'
                   for font, part in runs(plain))


def missing_glyphs(text: str) -> str:
    """Characters of `text` that no brief font can draw (shown as boxes)."""
    return "".join(sorted({c for c in text if c not in "\n\t "
                           and ord(c) not in _covered(BODY) and ord(c) not in _covered(WIDE)}))
