"""Hostile input for the importers: strings people and tools really produce (invisible
characters, decimal commas, impossible dates, huge numbers, formula prefixes, NUL, lone
surrogates, enormous cells) and byte-level damage to files that were valid."""

from __future__ import annotations

import io
import warnings
import zipfile

from hypothesis import strategies as st

HOSTILE_TEXT = (
    "", " ", "\t", "\u200b", "\ufeff", "\u202eevil", "\u00a0", "\u2028", "\x1a", "\x7f",
    "1,5", "1.234,56", "1 000", "-0", "-1", "0", "007", "1e309", "-1e309", "NaN", "Infinity",
    "99999999999999999999999999999999", "9" * 5000, "0x1F", "１２３", "ⅠⅡ",
    "2023-02-30", "2023-13-01", "0000-00-00", "31/31/2031", "9999-12-31T25:61", "1899-12-30",
    "2026-03-01T10:00:00+99:00", "2026-03-01 10:00", "=cmd|' /C calc'!A0", "+SUM(1)", "-2+3",
    "@A1", "\t=1", "\x00", "a\x00b", "\r\n", "\r", "\"", "\"\"\"", ";", ",", "|", "-0-",
    "../../etc/passwd", "C:\\Windows", "\ud800", "x\udfffy", "АD22100STZ", "ＡＤ２２１００",
    "🧨", "true", "null", "{}", "[]", "X-101", "AD22100STZ", "Analog Devices, Inc.",
    "Kh-101", "FT-2024-17", "2220", "8542.31", "85423100000000", "US", "ru", "zz",
    "A" * 300, "B" * 70_000,
)


def hostile_text(max_size: int = 40) -> st.SearchStrategy[str]:
    """A hostile string, or any text."""
    return st.one_of(st.sampled_from(HOSTILE_TEXT), st.text(max_size=max_size),
                     st.text(alphabet=st.characters(codec="utf-8"), max_size=max_size))


def random_bytes(max_size: int = 4096) -> st.SearchStrategy[bytes]:
    return st.binary(max_size=max_size)


@st.composite
def damaged(draw: st.DrawFn, data: bytes) -> bytes:
    """`data` with one to four kinds of damage: cut short, bytes flipped, bytes inserted,
    removed or repeated, or a run overwritten."""
    out = bytearray(data)
    for _ in range(draw(st.integers(1, 4))):
        if not out:
            break
        at = draw(st.integers(0, len(out) - 1))
        how = draw(st.sampled_from(("cut", "flip", "insert", "delete", "repeat", "overwrite")))
        if how == "cut":
            del out[at:]
        elif how == "flip":
            out[at] ^= 1 << draw(st.integers(0, 7))
        elif how == "insert":
            out[at:at] = draw(st.binary(min_size=1, max_size=16))
        elif how == "delete":
            del out[at:at + draw(st.integers(1, 64))]
        elif how == "repeat":
            out[at:at] = out[at:at + draw(st.integers(1, 256))]
        else:
            run = draw(st.binary(min_size=1, max_size=8))
            out[at:at + len(run)] = run
    return bytes(out)


def zip_entries(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(info.filename, archive.read(info)) for info in archive.infolist()]


def rezip(entries: list[tuple[str, bytes]], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A zip of the entries as given (names are written as they are, `..` and all)."""
    buffer = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(buffer, "w", compression) as archive:
        warnings.simplefilter("ignore", UserWarning)  # a name given twice, on purpose
        for name, body in entries:
            info = zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0))
            info.compress_type = compression
            archive.writestr(info, body)
    return buffer.getvalue()


HOSTILE_NAMES = ("../evil", "../../etc/passwd", "/abs", "\\abs", "C:/x", "photos/..",
                 "a/../../b", "xl/externalLinks/externalLink1.xml", "xl/vbaProject.bin",
                 "photos/" + "0" * 64, "thumbs/" + "f" * 64, "dir/", "manifest.json",
                 "[Content_Types].xml", "xl/worksheets/sheet1.xml", "ünï\u200bcode")


@st.composite
def damaged_zip(draw: st.DrawFn, data: bytes) -> bytes:
    """A zip rebuilt with one to three structural changes: an entry renamed (to a hostile
    name or a duplicate), dropped, added, truncated, its text swapped for hostile text or a
    DOCTYPE added, stored uncompressed; or the valid zip's bytes damaged."""
    entries = zip_entries(data)
    for _ in range(draw(st.integers(1, 3))):
        how = draw(st.sampled_from(("rename", "drop", "add", "cut", "text", "doctype",
                                    "duplicate", "bytes")))
        at = draw(st.integers(0, max(len(entries) - 1, 0)))
        if how == "bytes" or not entries:
            return draw(damaged(rezip(entries)))
        name, body = entries[at]
        if how == "rename":
            entries[at] = (draw(st.sampled_from(HOSTILE_NAMES)), body)
        elif how == "drop":
            del entries[at]
        elif how == "add":
            entries.append((draw(st.sampled_from(HOSTILE_NAMES)),
                            draw(st.binary(max_size=256))))
        elif how == "cut":
            entries[at] = (name, body[:draw(st.integers(0, len(body)))])
        elif how == "text":
            old = body.decode("utf-8", "replace")
            needle = draw(st.sampled_from([w for w in old.split('"') if w] or [old]))
            new = draw(hostile_text()).encode("utf-8", "surrogatepass")
            entries[at] = (name, body.replace(needle.encode("utf-8", "replace"), new, 1))
        elif how == "doctype":
            entries[at] = (name, b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM '
                                 b'"file:///etc/passwd">]>' + body)
        else:
            entries.append((name, body))
    stored = draw(st.booleans())
    return rezip(entries, zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED)
