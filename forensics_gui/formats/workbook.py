"""Excel workbooks (Office Open XML) of many sheets, written row by row straight into the
file: a table of a million rows is never held in memory. Every cell is an inline text cell,
never a formula, whatever it starts with; the first sheet says what the workbook holds.

The parts are written by hand rather than through openpyxl's write-only mode, which spends
about four times as long per cell; they are the parts openpyxl itself writes for such a
workbook (inline strings, one bold style for headers, a frozen header row), and openpyxl,
Excel and LibreOffice read them.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import BinaryIO
from xml.sax.saxutils import escape, quoteattr

Row = Sequence[str]
# Characters of the widest column a sheet opens with; longer text wraps when opened.
MAX_WIDTH = 60
# Excel's limits on sheet names: 31 characters, none of these.
_SHEET_NAME_REFUSED = str.maketrans({c: " " for c in "[]:*?/\\"})
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELATIONS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
_OFFICE = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
# Fonts, fills, borders and formats every workbook must have; style 1 is bold (headers).
_STYLES = (f'{_XML}<styleSheet xmlns="{_MAIN}">'
           '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
           '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
           '<fills count="2"><fill><patternFill patternType="none"/></fill>'
           '<fill><patternFill patternType="gray125"/></fill></fills>'
           '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border>'
           '</borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" '
           'borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" '
           'fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" '
           'borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1">'
           '<cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>')


def sheet_name(text: str) -> str:
    """A name Excel accepts for a sheet."""
    return text.translate(_SHEET_NAME_REFUSED).strip()[:31] or "Sheet"


def column_letters(number: int) -> str:
    """The letters of column `number` (1 is A, 27 is AA)."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class WorkbookWriter:
    """Sheets written into `stream` one after the other, and an "About" sheet of labelled
    values that is written last (once what was written is known) but comes first when the
    workbook is opened."""

    def __init__(self, stream: BinaryIO, about_title: str = "About") -> None:
        self._archive = zipfile.ZipFile(stream, "w", compression=zipfile.ZIP_DEFLATED)
        self._titles = [sheet_name(about_title)]

    def add_sheet(self, title: str, columns: Row, rows: Iterable[Row],
                  widths: Sequence[int] = ()) -> int:
        """A sheet `title` with a bold, frozen header row; returns the rows written."""
        self._titles.append(_unique(sheet_name(title), self._titles))
        name = f"xl/worksheets/sheet{len(self._titles)}.xml"
        with self._archive.open(archive_member(name), "w", force_zip64=True) as part:
            part.write(_sheet_start(widths, frozen=True).encode())
            part.write(_row(1, columns, bold=True).encode())
            written = 0
            for written, row in enumerate(rows, 1):
                part.write(_row(written + 1, row).encode())
            part.write(b"</sheetData></worksheet>")
        return written

    def save(self, about: Sequence[tuple[str, str]]) -> None:
        """Write the About sheet with `about` and the workbook's other parts, and close."""
        with self._archive.open(archive_member("xl/worksheets/sheet1.xml"), "w") as part:
            part.write(_sheet_start((26, 90), frozen=False).encode())
            for number, (label, value) in enumerate(about, 1):
                part.write(_row(number, (label, value), bold_first=True).encode())
            part.write(b"</sheetData></worksheet>")
        for name, text in self._package_parts():
            self._archive.writestr(archive_member(name), text)
        self._archive.close()

    def discard(self) -> None:
        """Stop writing a workbook that will not be saved (an export failed or cancelled)."""
        self._archive.close()

    def _package_parts(self) -> list[tuple[str, str]]:
        count = len(self._titles)
        sheets = "".join(f'<sheet name={quoteattr(title)} sheetId="{n}" r:id="rId{n}"/>'
                         for n, title in enumerate(self._titles, 1))
        links = "".join(f'<Relationship Id="rId{n}" Type="{_RELATIONS}/worksheet" '
                        f'Target="worksheets/sheet{n}.xml"/>' for n in range(1, count + 1))
        types = "".join(f'<Override PartName="/xl/worksheets/sheet{n}.xml" '
                        f'ContentType="{_OFFICE}.worksheet+xml"/>' for n in range(1, count + 1))
        return [
            ("xl/workbook.xml", f'{_XML}<workbook xmlns="{_MAIN}" xmlns:r="{_RELATIONS}">'
                                f"<sheets>{sheets}</sheets></workbook>"),
            ("xl/_rels/workbook.xml.rels",
             f'{_XML}<Relationships xmlns="{_PACKAGE}">{links}<Relationship '
             f'Id="rId{count + 1}" Type="{_RELATIONS}/styles" Target="styles.xml"/>'
             "</Relationships>"),
            ("xl/styles.xml", _STYLES),
            ("_rels/.rels", f'{_XML}<Relationships xmlns="{_PACKAGE}"><Relationship Id="rId1" '
                            f'Type="{_RELATIONS}/officeDocument" Target="xl/workbook.xml"/>'
                            "</Relationships>"),
            ("[Content_Types].xml",
             f'{_XML}<Types xmlns="{_TYPES}"><Default Extension="rels" ContentType='
             '"application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/>'
             f'<Override PartName="/xl/workbook.xml" ContentType="{_OFFICE}.sheet.main+xml"/>'
             f'<Override PartName="/xl/styles.xml" ContentType="{_OFFICE}.styles+xml"/>'
             f"{types}</Types>")]


def archive_member(name: str) -> zipfile.ZipInfo:
    """A compressed file of a zip archive, dated now (zipfile would date it 1980)."""
    member = zipfile.ZipInfo(name, date_time=datetime.now().timetuple()[:6])
    member.compress_type = zipfile.ZIP_DEFLATED
    return member


def _unique(title: str, taken: list[str]) -> str:
    """Sheet names must differ regardless of case."""
    found, number = title, 2
    while found.lower() in (t.lower() for t in taken):
        found = f"{title[:27]} ({number})"
        number += 1
    return found


def _sheet_start(widths: Sequence[int], *, frozen: bool) -> str:
    pane = ('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
            if frozen else "")
    cols = "".join(f'<col min="{n}" max="{n}" width="{min(w, MAX_WIDTH)}" customWidth="1"/>'
                   for n, w in enumerate(widths, 1))
    return (f'{_XML}<worksheet xmlns="{_MAIN}" xmlns:r="{_RELATIONS}"><sheetViews>'
            f'<sheetView workbookViewId="0">{pane}</sheetView></sheetViews>'
            f'{"<cols>" + cols + "</cols>" if cols else ""}<sheetData>')


# A carriage return would be read back as a line feed (XML normalises line ends) unless kept
# as a character reference.
_KEPT = {"\r": "&#13;"}
_LETTERS = [column_letters(n) for n in range(1, 703)]  # A to ZZ, the columns of any table


def _row(number: int, values: Row, *, bold: bool = False, bold_first: bool = False) -> str:
    """One row of inline text cells; empty values are left out, as spreadsheets do."""
    cells = []
    for index, value in enumerate(values):
        if not value:
            continue
        style = ' s="1"' if bold or (bold_first and index == 0) else ""
        letters = _LETTERS[index] if index < len(_LETTERS) else column_letters(index + 1)
        cells.append(f'<c r="{letters}{number}"{style} t="inlineStr"><is>'
                     f'<t xml:space="preserve">{escape(value, _KEPT)}</t></is></c>')
    return f'<row r="{number}">{"".join(cells)}</row>'
