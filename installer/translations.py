#!/usr/bin/env python3
"""Update the interface's translation files from the source, and compile them.

    python3 installer/translations.py            update every area's .ts, then compile .qm
    python3 installer/translations.py --area records
    python3 installer/translations.py --check    exit 1 when a .ts lacks a translation or a
                                                 .qm is not compiled from its .ts

Each area of the interface has one Qt Linguist file per language,
`assets/translations/<area>_<language>.ts`. `lupdate` (Qt's own tool, shipped with PySide6)
collects every `translate("context", "text")` of the area's modules, and every
`QT_TRANSLATE_NOOP` of the plain-Python modules the area shows (field and kind labels). The
translations are written in the .ts files (by hand or in Qt Linguist) and compiled by
`lrelease` into the .qm files the application loads.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "assets" / "translations"
LANGUAGES = ("uk",)
GUI = ROOT / "forensics_gui" / "gui"
# area -> the source files and folders lupdate reads for it
AREAS: dict[str, tuple[Path, ...]] = {
    "main": (GUI / "app.py", GUI / "mainwindow", GUI / "kit", ROOT / "forensics_gui" / "core",
             # what a deletion affects (DEPENDENTS), shown by the record editor
             ROOT / "forensics_gui" / "storage" / "repository.py"),
    "records": (GUI / "records", GUI / "bench", GUI / "search",
                # what the Seen before box says it looked for and counted
                ROOT / "forensics_gui" / "services" / "search.py"),
    "exchange": (GUI / "exchange", GUI / "photos"),
    "analysis": (GUI / "analytics", GUI / "graph", GUI / "screening", GUI / "supply",
                 GUI / "briefs",
                 # the dashboard's figures (titles, notes, bar labels), made by the services
                 ROOT / "forensics_gui" / "services" / "analytics"),
}


def _tool(name: str) -> str:
    here = Path(sys.executable).parent
    for candidate in (here / f"pyside6-{name}", here / name):
        if candidate.is_file():
            return str(candidate)
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if not found:
        raise SystemExit(f"pyside6-{name} was not found: run this with the project's Python "
                         "(.venv/bin/python installer/translations.py)")
    return found


def _sources(area: str) -> list[str]:
    files: list[Path] = []
    for path in AREAS[area]:
        files += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    return [str(f) for f in files]


def ts_file(area: str, language: str) -> Path:
    return FOLDER / f"{area}_{language}.ts"


def update(area: str) -> None:
    """Collect the area's texts into its .ts files (translations already made are kept)."""
    FOLDER.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        subprocess.run([_tool("lupdate"), "-no-obsolete", "-locations", "none",
                        *_sources(area), "-ts", str(ts_file(area, language))],
                       check=True, capture_output=True, text=True)


def compile_qm(ts: Path, target: Path) -> None:
    subprocess.run([_tool("lrelease"), "-silent", str(ts), "-qm", str(target)], check=True)


def untranslated(ts: Path) -> list[str]:
    """The source texts of `ts` without a finished translation."""
    missing = []
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        if (translation is None or translation.get("type") in ("unfinished", "vanished",
                                                                 "obsolete")
                or not "".join(translation.itertext()).strip()):
            missing.append(message.findtext("source") or "")
    return missing


def problems() -> list[str]:
    """What `--check` reports: texts without translation, .qm files not compiled from their
    .ts, and areas without their files."""
    found = []
    with tempfile.TemporaryDirectory() as scratch:
        for area in AREAS:
            for language in LANGUAGES:
                ts = ts_file(area, language)
                if not ts.is_file():
                    found.append(f"{ts.name} is missing")
                    continue
                found += [f"{ts.name}: no translation of {text!r}" for text in untranslated(ts)]
                fresh = Path(scratch) / ts.with_suffix(".qm").name
                compile_qm(ts, fresh)
                qm = ts.with_suffix(".qm")
                if not qm.is_file() or qm.read_bytes() != fresh.read_bytes():
                    found.append(f"{qm.name} is not compiled from {ts.name}: run "
                                 "installer/translations.py")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--area", choices=sorted(AREAS), action="append")
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    if args.check:
        found = problems()
        print("\n".join(found) if found else "every text is translated and compiled")
        return 1 if found else 0
    for area in args.area or AREAS:
        update(area)
        for language in LANGUAGES:
            ts = ts_file(area, language)
            compile_qm(ts, ts.with_suffix(".qm"))
            left = untranslated(ts)
            print(f"{ts.name}: {len(left)} text(s) without translation")
    return 0


if __name__ == "__main__":
    sys.exit(main())
