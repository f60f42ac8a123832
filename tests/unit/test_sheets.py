"""Reading spreadsheets for an import: CSV in the encodings and delimiters people use, .xlsx
through openpyxl, and every hostile file refused with a message naming the file and the
place, before anything is parsed."""

from __future__ import annotations

import codecs
import csv
import io
import time
import zipfile
from collections.abc import Sequence
from datetime import date, datetime
from datetime import time as clock
from pathlib import Path

import pytest
from openpyxl import Workbook

from forensics_gui.core.errors import KnownError
from forensics_gui.formats import sheets, tables
from forensics_gui.formats.sheets import Sheet, SheetError, read_sheet, sheet_names

XXE = (b'<?xml version="1.0" encoding="UTF-8"?>\n'
       b'<!DOCTYPE workbook [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n')


def csv_file(folder: Path, name: str, content: bytes | str) -> Path:
    path = folder / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def book_file(folder: Path, name: str, sheets_rows: dict[str, Sequence[Sequence[object]]]
              ) -> Path:
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets_rows.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(list(row))
    path = folder / name
    book.save(path)
    return path


PARTS = {"Parts": [["product", "marking", "weapon"],
                   ["Flight controller", "STM32F405", "Shahed-136"]]}


def tampered(source: Path, target: Path, *, add: dict[str, bytes] | None = None,
             replace: dict[str, bytes] | None = None,
             compression: int = zipfile.ZIP_DEFLATED) -> Path:
    """A copy of the workbook `source` with parts added or replaced, as a hostile sender
    would build it."""
    replace = replace or {}
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", compression) as new:
        for info in old.infolist():
            new.writestr(info.filename, replace.get(info.filename, old.read(info)))
        for part, data in (add or {}).items():
            new.writestr(part, data)
    return target


def refusal(path: Path, **options: object) -> str:
    with pytest.raises(SheetError) as caught:
        read_sheet(path, **options)  # type: ignore[arg-type]
    return str(caught.value)


# ------------------------------------------------------------------ the error itself
def test_an_error_is_one_sentence_naming_file_row_and_column() -> None:
    error = SheetError("suppliers.csv", 14, "marking", "the marking is empty")
    assert str(error) == "suppliers.csv, row 14, column 'marking': the marking is empty"
    assert (error.file, error.row, error.column, error.reason) == (
        "suppliers.csv", 14, "marking", "the marking is empty")
    assert isinstance(error, ValueError) and isinstance(error, KnownError)
    assert str(SheetError("parts.xlsx", reason="is damaged")) == "parts.xlsx: is damaged"


# ------------------------------------------------------------------ CSV
def test_csv_cells_come_back_exactly_as_written_with_spreadsheet_row_numbers(
        tmp_path: Path) -> None:
    path = csv_file(tmp_path, "findings.csv",
                    " product , refs / marking ,weapon\n"
                    "Receiver,007, Kh-101 \n"
                    "\n"
                    ",,\n"
                    '"Servo, tail","line one\nline two",Shahed-136\n'
                    "GNSS module,1.50E+03,Iskander-M\n")
    table = read_sheet(path)
    assert table == Sheet("findings.csv", "csv", ("product", "refs / marking", "weapon"), [
        (2, ("Receiver", "007", " Kh-101 ")),
        (5, ("Servo, tail", "line one\nline two", "Shahed-136")),
        (6, ("GNSS module", "1.50E+03", "Iskander-M")),
    ], encoding="utf-8", delimiter=",")


def test_a_byte_order_mark_is_not_part_of_the_first_header(tmp_path: Path) -> None:
    text = "марка,производитель\nМ1,Фиктивный завод\n"
    path = csv_file(tmp_path, "bom.csv", codecs.BOM_UTF8 + text.encode())
    table = read_sheet(path)
    assert table.columns == ("марка", "производитель")
    assert table.rows == [(2, ("М1", "Фиктивный завод"))]
    assert table.encoding == "utf-8-sig"


def test_utf16_text_as_excel_saves_it_is_read(tmp_path: Path) -> None:
    path = csv_file(tmp_path, "unicode.txt.csv",
                    "component\tmanufacturer\r\nADC\tТестовый завод\r\n".encode("utf-16"))
    table = read_sheet(path)
    assert (table.encoding, table.delimiter) == ("utf-16", "\t")
    assert table.rows == [(2, ("ADC", "Тестовый завод"))]


def test_a_cp1251_file_is_refused_naming_line_byte_and_the_likely_encoding(
        tmp_path: Path) -> None:
    content = "product,manufacturer\nADC,Acme\nДатчик давления,Завод Пример\n"
    path = csv_file(tmp_path, "suppliers.csv", content.encode("cp1251"))
    with pytest.raises(SheetError) as caught:
        read_sheet(path)
    message = str(caught.value)
    assert message.startswith("suppliers.csv: line 3 holds the byte 0xC4")
    assert "Windows-1251" in message and "--encoding cp1251" in message
    assert caught.value.encoding == "cp1251"
    table = read_sheet(path, encoding="windows-1251")
    assert table.rows[1] == (3, ("Датчик давления", "Завод Пример"))
    assert table.encoding == "cp1251"


def test_a_western_european_file_gets_its_own_hint(tmp_path: Path) -> None:
    path = csv_file(tmp_path, "makers.csv", "maker,city\nSociété Fictive,Zürich\n"
                    .encode("cp1252"))
    assert "--encoding cp1252" in refusal(path)
    assert read_sheet(path, encoding="cp1252").rows == [(2, ("Société Fictive", "Zürich"))]


def test_an_unknown_encoding_name_is_refused(tmp_path: Path) -> None:
    path = csv_file(tmp_path, "a.csv", "a\n1\n")
    assert "'klingon' is not an encoding" in refusal(path, encoding="klingon")


def test_semicolons_are_detected_even_with_decimal_commas(tmp_path: Path) -> None:
    path = csv_file(tmp_path, "de.csv", "Bauteil;Preis;Waffe\nADC;12,50;Kh-101\n"
                    "DAC;3,20;Shahed-136\n")
    table = read_sheet(path)
    assert table.delimiter == ";"
    assert table.rows[0] == (2, ("ADC", "12,50", "Kh-101"))


def test_delimiters_inside_quotes_do_not_fool_the_detection(tmp_path: Path) -> None:
    path = csv_file(tmp_path, "quoted.csv", 'part,note\n"A;B;C;D","x;y;z"\n"E;F","p;q"\n')
    table = read_sheet(path)
    assert table.delimiter == ","
    assert table.rows == [(2, ("A;B;C;D", "x;y;z")), (3, ("E;F", "p;q"))]


@pytest.mark.parametrize("delimiter", ["\t", "|"])
def test_tabs_and_bars_are_detected(tmp_path: Path, delimiter: str) -> None:
    path = csv_file(tmp_path, "t.csv", delimiter.join(["a", "b", "c"]) + "\n1" + delimiter
                    + "2" + delimiter + "3\n")
    assert read_sheet(path).delimiter == delimiter


def test_excels_sep_line_names_the_delimiter_and_is_not_a_row(tmp_path: Path) -> None:
    path = csv_file(tmp_path, "sep.csv", "sep=;\nproduct;marking\nADC;AD7606\n")
    table = read_sheet(path)
    assert (table.delimiter, table.columns) == (";", ("product", "marking"))
    assert table.rows == [(2, ("ADC", "AD7606"))]


def test_a_delimiter_given_against_the_file_is_refused(tmp_path: Path) -> None:
    path = csv_file(tmp_path, "parts.csv", "product;marking;weapon;maker\nADC;AD7606;Kh-101;X\n")
    assert refusal(path, delimiter=",") == (
        "parts.csv: the file seems to use ';' between columns, not ','; read it with that "
        "delimiter, or let it be detected")
    assert read_sheet(path, delimiter=";").columns == ("product", "marking", "weapon", "maker")


def test_a_delimiter_given_for_a_one_column_file_is_taken(tmp_path: Path) -> None:
    path = csv_file(tmp_path, "notes.csv", "note\nleft wing; burnt\nnose\n")
    assert read_sheet(path, delimiter=",").rows == [(2, ("left wing; burnt",)), (3, ("nose",))]


def test_short_rows_are_padded_and_long_rows_with_text_are_refused(tmp_path: Path) -> None:
    path = csv_file(tmp_path, "ragged.csv", "a,b,c\n1\n2,,,\n3,4,5,extra\n")
    with pytest.raises(SheetError) as caught:
        read_sheet(path)
    assert (caught.value.row, caught.value.column) == (4, "D (4)")
    assert str(caught.value).startswith("ragged.csv, row 4, column D (4): this row has text "
                                        "('extra') beyond the 3 columns")
    path.write_text("a,b,c\n1\n2,,,\n")
    assert read_sheet(path).rows == [(2, ("1", "", "")), (3, ("2", "", ""))]


def test_duplicate_and_empty_header_names_are_refused_by_position(tmp_path: Path) -> None:
    duplicate = csv_file(tmp_path, "dup.csv", "Marking,weapon,marking\n1,2,3\n")
    assert refusal(duplicate) == (
        "dup.csv, row 1, column C (3): the header 'marking' is also the name of column A (1); "
        "each column needs its own name")
    empty = csv_file(tmp_path, "empty.csv", "product,,weapon\n1,2,3\n")
    assert refusal(empty).startswith("empty.csv, row 1, column B (2): this column has no name")
    trailing = csv_file(tmp_path, "trailing.csv", "product,weapon,,\n1,2,,\n")
    assert read_sheet(trailing).columns == ("product", "weapon")


def test_nul_bytes_mean_a_binary_file(tmp_path: Path) -> None:
    path = csv_file(tmp_path, "photo.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert refusal(path) == "photo.csv: holds NUL bytes: it is a binary file, not CSV text"
    late = csv_file(tmp_path, "late.csv", b"a,b\n" + b"1,2\n" * 40_000 + b"3,\x004\n")
    assert refusal(late) == ("late.csv: line 40002 holds a NUL byte: it is a binary file, not "
                             "CSV text")
    no_mark = csv_file(tmp_path, "u16.csv", "a,b\n1,2\n".encode("utf-16-le"))
    assert "--encoding utf-16-le" in refusal(no_mark)
    assert read_sheet(no_mark, encoding="utf-16-le").rows == [(2, ("1", "2"))]


def test_empty_files_and_header_only_files(tmp_path: Path) -> None:
    assert refusal(csv_file(tmp_path, "empty.csv", b"")) == "empty.csv: the file is empty"
    assert "holds no header row" in refusal(csv_file(tmp_path, "blank.csv", "\n\n ,\n"))
    header_only = read_sheet(csv_file(tmp_path, "header.csv", "product,marking\n"))
    assert header_only.columns == ("product", "marking") and header_only.rows == []


def test_quotes_that_would_change_or_swallow_cells_are_refused(tmp_path: Path) -> None:
    unclosed = csv_file(tmp_path, "open.csv", 'a,b\n1,2\n3,"4\n5,6\n')
    assert refusal(unclosed).startswith("open.csv: the file ends inside a quoted cell: a quote "
                                        '(") opened on line 3')
    stray = csv_file(tmp_path, "stray.csv", 'a,b\n"5" display",2\n')
    assert "on line 2, text follows the closing quote" in refusal(stray)
    inches = csv_file(tmp_path, "inch.csv", 'a,b\nscreen 5" wide,2\n')
    assert read_sheet(inches).rows == [(2, ('screen 5" wide', "2"))]


def test_too_many_rows_are_refused(tmp_path: Path) -> None:
    path = csv_file(tmp_path, "many.csv", "a\n" + "x\n" * 11)
    assert refusal(path, max_rows=10) == ("many.csv: has more than 10 rows, more than one "
                                         "import takes; split it into smaller files")
    assert len(read_sheet(path, max_rows=11).rows) == 11


def test_a_file_too_large_is_refused_before_reading(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sheets, "MAX_FILE_BYTES", 1024 * 1024)
    path = csv_file(tmp_path, "huge.csv", b"a\n" + b"x\n" * (1536 * 1024))
    assert refusal(path) == "huge.csv: the file is 3 MB, more than the 1 MB a spreadsheet may have"


def test_missing_files_and_folders_are_named(tmp_path: Path) -> None:
    assert refusal(tmp_path / "gone.csv").startswith("gone.csv: cannot be opened")
    (tmp_path / "folder.csv").mkdir()
    assert refusal(tmp_path / "folder.csv").startswith("folder.csv: is a folder")


def test_a_hundred_thousand_rows_are_read_fast(tmp_path: Path) -> None:
    text = io.StringIO()
    out = csv.writer(text)
    out.writerow([f"column {n}" for n in range(10)])
    for n in range(100_000):
        out.writerow([f"Компонент {n}", "STM32F405", "A, quoted", "12.5", "", "Shahed-136",
                      "Fictional Trading LLC", "2023-01-01", "x" * 20, str(n)])
    path = csv_file(tmp_path, "big.csv", text.getvalue())
    started = time.perf_counter()
    table = read_sheet(path)
    elapsed = time.perf_counter() - started
    print(f"read 100,000 rows x 10 columns of CSV in {elapsed:.3f} s")
    assert len(table.rows) == 100_000 and table.rows[-1][0] == 100_001
    assert elapsed < 3.0


def test_a_csv_export_of_ours_reads_back_cell_for_cell(tmp_path: Path) -> None:
    rows = [["Датчик", "AD7606\nBSTZ", "Fictional Trading LLC"], ["", "0042", " x "]]
    with (tmp_path / "export.csv").open("wb") as stream:
        tables.write_csv(stream, ("product", "refs / marking", "manufacturer"), rows)
    table = read_sheet(tmp_path / "export.csv")
    assert table.columns == ("product", "refs / marking", "manufacturer")
    assert table.rows == [(2, tuple(rows[0])), (3, tuple(rows[1]))]


# ------------------------------------------------------------------ XLSX
def test_an_xlsx_export_of_ours_reads_back_cell_for_cell(tmp_path: Path) -> None:
    rows = [["Датчик", "AD7606\nBSTZ", "12"], ["", "0042", "2023-01-01"]]
    with (tmp_path / "export.xlsx").open("wb") as stream:
        tables.write_xlsx(stream, "Findings", ("product", "marking", "count"), rows,
                          about=[("Exported", "today")])
    table = read_sheet(tmp_path / "export.xlsx")
    assert (table.name, table.sheets) == ("export.xlsx / Findings", ("Findings", "About"))
    assert table.rows == [(2, tuple(rows[0])), (3, tuple(rows[1]))]


def test_excel_values_become_the_text_excel_shows(tmp_path: Path) -> None:
    path = book_file(tmp_path, "parts.xlsx", {"Parts": [
        [" product ", "count", "price", "share"],
        ["ADC", 12, 3.0, 0.1 + 0.2],
        ["tiny", -7, 0.0000015, 1e21],
        [datetime(2023, 4, 5), datetime(2023, 4, 5, 14, 30), date(2022, 1, 2), clock(8, 15)],
        [True, False, None, "=SUM(B2:B3)"],
        ["007", " spaced ", "", "Ж"],
    ]})
    table = read_sheet(path)
    assert (table.name, table.kind, table.sheets) == ("parts.xlsx / Parts", "xlsx", ("Parts",))
    assert table.columns == ("product", "count", "price", "share")
    assert table.rows == [
        (2, ("ADC", "12", "3", "0.3")),
        (3, ("tiny", "-7", "0.0000015", "1000000000000000000000")),
        (4, ("2023-04-05", "2023-04-05 14:30:00", "2022-01-02", "08:15:00")),
        (5, ("true", "false", "", "")),
        (6, ("007", " spaced ", "", "Ж")),
    ]


def test_a_formula_gives_its_cached_value_and_never_its_text(tmp_path: Path) -> None:
    source = book_file(tmp_path, "f.xlsx", {"Sheet": [["total", "note"], ["=1+2", "x"]]})
    with zipfile.ZipFile(source) as book:
        xml = book.read("xl/worksheets/sheet1.xml")
    assert b"<f>1+2</f><v />" in xml
    cached = tampered(source, tmp_path / "cached.xlsx", replace={
        "xl/worksheets/sheet1.xml": xml.replace(b"<f>1+2</f><v />", b"<f>1+2</f><v>3</v>")})
    assert read_sheet(cached).rows == [(2, ("3", "x"))]
    assert read_sheet(source).rows == [(2, ("", "x"))]


def test_the_first_sheet_holding_data_is_read_unless_one_is_named(tmp_path: Path) -> None:
    path = book_file(tmp_path, "book.xlsx", {
        "Cover": [], "Parts": [[], [], ["product", "marking"], [], ["ADC", "AD7606"]],
        "Makers": [["maker"], ["Fictional Trading LLC"]]})
    assert sheet_names(path) == ("Cover", "Parts", "Makers")
    table = read_sheet(path)
    assert (table.name, table.columns, table.rows) == (
        "book.xlsx / Parts", ("product", "marking"), [(5, ("ADC", "AD7606"))])
    assert table.sheets == ("Cover", "Parts", "Makers")
    assert read_sheet(path, sheet="Makers").rows == [(2, ("Fictional Trading LLC",))]
    assert refusal(path, sheet="Weapons") == (
        "book.xlsx: the workbook has no sheet named 'Weapons'; its sheets are 'Cover', "
        "'Parts', 'Makers'")
    assert "holds no header row" in refusal(path, sheet="Cover")


def test_an_empty_workbook_is_refused(tmp_path: Path) -> None:
    path = book_file(tmp_path, "empty.xlsx", {"One": [], "Two": [[None, ""]]})
    assert refusal(path) == "empty.xlsx: the workbook holds no data: every sheet is empty"


def test_workbook_rows_follow_the_same_rules_as_csv(tmp_path: Path) -> None:
    path = book_file(tmp_path, "ragged.xlsx", {"S": [["a", "b"], ["1"], ["2", "3", "4"]]})
    assert refusal(path).startswith("ragged.xlsx / S, row 3, column C (3): this row has text")
    dup = book_file(tmp_path, "dup.xlsx", {"S": [["a", "A"], ["1", "2"]]})
    assert refusal(dup).startswith("dup.xlsx / S, row 1, column B (2): the header 'A'")
    many = book_file(tmp_path, "many.xlsx", {"S": [["a"], *[[n] for n in range(6)]]})
    assert "has more than 5 rows" in refusal(many, max_rows=5)


def test_a_workbook_is_known_by_its_content_not_its_name(tmp_path: Path) -> None:
    real = book_file(tmp_path, "parts.xlsx", PARTS)
    renamed = tmp_path / "parts.csv"
    renamed.write_bytes(real.read_bytes())
    assert read_sheet(renamed).kind == "xlsx"
    assert sheet_names(csv_file(tmp_path, "plain.csv", "a\n1\n")) == ()
    fake = csv_file(tmp_path, "fake.xlsx", "product,marking\n")
    assert refusal(fake).startswith("fake.xlsx: is not an Excel .xlsx workbook")
    with zipfile.ZipFile(tmp_path / "photos.xlsx", "w") as package:
        package.writestr("manifest.json", "{}")
    assert refusal(tmp_path / "photos.xlsx") == (
        "photos.xlsx: is a zip archive, not an Excel .xlsx workbook")


def test_old_xls_and_password_protected_workbooks_are_refused(tmp_path: Path) -> None:
    ole2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    old = csv_file(tmp_path, "old.xls", ole2 + "Workbook".encode("utf-16-le"))
    assert "old Excel .xls workbook" in refusal(old)
    assert "save it as .xlsx" in refusal(old)
    locked = csv_file(tmp_path, "locked.xlsx", ole2 + bytes(3 * 1024 * 1024)
                      + "EncryptedPackage".encode("utf-16-le"))
    assert "protected by a password" in refusal(locked)


def test_a_cut_or_damaged_workbook_is_refused(tmp_path: Path) -> None:
    real = book_file(tmp_path, "parts.xlsx", PARTS).read_bytes()
    cut = csv_file(tmp_path, "cut.xlsx", real[: len(real) // 2])
    assert refusal(cut).startswith("cut.xlsx: is not an Excel .xlsx workbook")
    source = book_file(tmp_path, "source.xlsx", PARTS)
    broken = tampered(source, tmp_path / "broken.xlsx",
                      replace={"xl/worksheets/sheet1.xml": b"<worksheet><sheetData><row>"})
    assert refusal(broken).startswith("broken.xlsx: the workbook is damaged")


def test_a_compression_bomb_is_refused(tmp_path: Path) -> None:
    source = book_file(tmp_path, "source.xlsx", PARTS)
    bomb = tampered(source, tmp_path / "bomb.xlsx",
                    add={"xl/media/image1.png": b"\x00" * (20 * 1024 * 1024)})
    message = refusal(bomb)
    assert message.startswith("bomb.xlsx: the part xl/media/image1.png would unpack to ")
    assert "a compression bomb" in message


def test_a_workbook_unpacking_too_large_is_refused(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sheets, "MAX_UNPACKED_BYTES", 4096)
    path = book_file(tmp_path, "large.xlsx", PARTS)
    assert "more than the 0 MB allowed" in refusal(path)


def test_too_many_parts_are_refused_before_the_zip_is_read(tmp_path: Path) -> None:
    source = book_file(tmp_path, "source.xlsx", PARTS)
    parts = {f"customXml/item{n}.xml": b"<a/>" for n in range(10_001)}
    crowded = tampered(source, tmp_path / "crowded.xlsx", add=parts,
                       compression=zipfile.ZIP_STORED)
    assert refusal(crowded) == ("crowded.xlsx: the workbook holds more than 10,000 parts; no "
                                "spreadsheet needs that many, so it is refused")


@pytest.mark.parametrize("part", ["../evil.xml", "xl/../../evil.xml", "/etc/evil.xml",
                                  "C:/evil.xml", "xl\\..\\evil.xml"])
def test_part_names_escaping_the_workbook_are_refused(tmp_path: Path, part: str) -> None:
    source = book_file(tmp_path, "source.xlsx", PARTS)
    escaping = tampered(source, tmp_path / "escape.xlsx", add={part: b"<a/>"})
    assert f"the part name '{part}' points outside the workbook" in refusal(escaping)


@pytest.mark.parametrize("hostile", ["xl/vbaProject.bin", "xl/macrosheets/sheet1.xml",
                                     "content type", "name"])
def test_macros_are_refused(tmp_path: Path, hostile: str) -> None:
    source = book_file(tmp_path, "source.xlsx", PARTS)
    target = tmp_path / ("macro.xlsm" if hostile == "name" else "macro.xlsx")
    if hostile == "content type":
        with zipfile.ZipFile(source) as book:
            types = book.read("[Content_Types].xml").replace(
                b"spreadsheetml.sheet.main+xml", b"ms-excel.sheet.macroEnabled.main+xml")
        tampered(source, target, replace={"[Content_Types].xml": types})
    elif hostile == "name":
        target.write_bytes(source.read_bytes())
    else:
        tampered(source, target, add={hostile: b"Attribute VB_Name = \"Module1\""})
    assert "the workbook holds macros, which are never opened here" in refusal(target)
    with pytest.raises(SheetError, match="macros"):
        sheet_names(target)


def test_links_to_other_workbooks_are_refused(tmp_path: Path) -> None:
    source = book_file(tmp_path, "source.xlsx", PARTS)
    linked = tampered(source, tmp_path / "linked.xlsx", add={
        "xl/externalLinks/externalLink1.xml": b"<externalLink/>"})
    assert refusal(linked).startswith(
        "linked.xlsx: the workbook links to other workbooks (xl/externalLinks/externalLink1.xml)")


@pytest.mark.parametrize("part", ["xl/workbook.xml", "xl/worksheets/sheet1.xml",
                                  "[Content_Types].xml", "docProps/app.xml"])
def test_external_entities_are_refused_before_parsing(tmp_path: Path, part: str) -> None:
    source = book_file(tmp_path, "source.xlsx", PARTS)
    with zipfile.ZipFile(source) as book:
        body = book.read(part).split(b"?>", 1)[-1]
    hostile = tampered(source, tmp_path / "xxe.xlsx", replace={part: XXE + body})
    assert refusal(hostile) == (
        f"xxe.xlsx: the part {part} declares a DOCTYPE or an ENTITY, which Excel never writes "
        "and which can make a reader fetch other files; the file is refused")


def test_external_entities_in_utf16_or_odd_encodings_are_refused(tmp_path: Path) -> None:
    source = book_file(tmp_path, "source.xlsx", PARTS)
    with zipfile.ZipFile(source) as book:
        body = book.read("xl/workbook.xml").split(b"?>", 1)[-1].decode()
    wide = (XXE.decode().replace("UTF-8", "UTF-16") + body).encode("utf-16")
    utf16 = tampered(source, tmp_path / "wide.xlsx", replace={"xl/workbook.xml": wide})
    assert "declares a DOCTYPE or an ENTITY" in refusal(utf16)
    ebcdic = tampered(source, tmp_path / "ebcdic.xlsx", replace={
        "xl/workbook.xml": b'<?xml version="1.0" encoding="cp037"?>' + body.encode("cp037")})
    assert "is written in the encoding 'cp037', which Excel never uses" in refusal(ebcdic)
    latin = tampered(source, tmp_path / "latin.xlsx", replace={
        "xl/workbook.xml": b'<?xml version="1.0" encoding="windows-1252"?>' + body.encode()})
    assert read_sheet(latin).columns == ("product", "marking", "weapon")


def test_pictures_may_carry_a_doctype(tmp_path: Path) -> None:
    source = book_file(tmp_path, "source.xlsx", PARTS)
    svg = b'<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x"><svg/>'
    pictured = tampered(source, tmp_path / "pictured.xlsx", add={"xl/media/image1.svg": svg})
    assert read_sheet(pictured).rows == [(2, ("Flight controller", "STM32F405", "Shahed-136"))]


def test_a_stated_sheet_size_is_not_trusted(tmp_path: Path) -> None:
    source = book_file(tmp_path, "source.xlsx", PARTS)
    with zipfile.ZipFile(source) as book:
        xml = book.read("xl/worksheets/sheet1.xml")
    lying = tampered(source, tmp_path / "lying.xlsx", replace={
        "xl/worksheets/sheet1.xml": xml.replace(b'<dimension ref="A1:C2"',
                                                b'<dimension ref="A1:XFD1048576"')})
    started = time.perf_counter()
    assert read_sheet(lying, max_rows=10).rows == [
        (2, ("Flight controller", "STM32F405", "Shahed-136"))]
    assert time.perf_counter() - started < 2.0
