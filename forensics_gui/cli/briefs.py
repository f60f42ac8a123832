"""`forensics brief`: write a PDF brief (teardown report, dossier, system summary, sanctions
gap) with the options the desktop client's brief dialog offers. Progress goes to standard
error; the file appears only once the whole brief is written."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any, TextIO

from forensics_gui.cli.output import print_json
from forensics_gui.core.briefs import (
    KINDS,
    LANGUAGES,
    MAX_DPI,
    MIN_DPI,
    PRINT_DPI,
    REFERENCES,
    SECTIONS,
    kind_title,
    needs_reference,
)
from forensics_gui.core.errors import KnownError, ValidationError
from forensics_gui.core.sizes import readable_size


def build(parser: argparse.ArgumentParser) -> None:
    """The grammar of `brief` on its command's parser."""
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.description = ("Write a PDF brief. Nothing is written at --out unless the whole "
                          "brief is;\nthe store is only read. Exit code 2 on bad input.")
    parser.epilog = "kinds:\n" + "\n".join(
        f"  {kind:<9}{kind_title(kind)}"
        + (f"\n           REFERENCE: {REFERENCES[kind]}" if needs_reference(kind) else
           "\n           no REFERENCE")
        + f"\n           sections: {', '.join(SECTIONS[kind])}" for kind in KINDS)
    parser.add_argument("kind", choices=KINDS, metavar="KIND",
                        help=f"what to write: {', '.join(KINDS)}")
    parser.add_argument("reference", nargs="?", default="", metavar="REFERENCE",
                        help="what the brief is about (a case reference, a part number or "
                             "maker's name, a system type's name); none for gap")
    parser.add_argument("--out", required=True, metavar="FILE", help="the PDF to write")
    parser.add_argument("--language", choices=tuple(LANGUAGES), default="en",
                        help="language of the brief (default en); names and markings are "
                             "kept as recorded")
    parser.add_argument("--without-hypotheses", action="store_true",
                        help="leave out supply links whose status is hypothesis")
    parser.add_argument("--redact-photo-metadata", action="store_true",
                        help="leave out when and with which camera photos were taken, and "
                             "where")
    parser.add_argument("--section", dest="sections", action="extend", nargs="+",
                        metavar="S", help="only these sections (repeatable; default: every "
                                          "section of the kind)")
    parser.add_argument("--from", dest="period_from", metavar="DATE",
                        help="only supply links dated on or after (YYYY-MM-DD); undated links "
                             "stay, since they may fall inside")
    parser.add_argument("--to", dest="period_to", metavar="DATE",
                        help="only supply links dated on or before (YYYY-MM-DD)")
    parser.add_argument("--author", default="",
                        help="author named in the brief (default: the user you act as)")
    parser.add_argument("--dpi", type=int, default=PRINT_DPI,
                        help=f"print resolution of photos, {MIN_DPI} to {MAX_DPI} (default "
                             f"{PRINT_DPI})")
    parser.set_defaults(handler=cmd_brief)


def cmd_brief(args: argparse.Namespace, store: Any) -> int:
    """Write the brief; one line says where, how many pages, how large and its marking."""
    kind, reference, target = args.kind, args.reference.strip(), Path(args.out)
    _check_request(kind, reference, target)
    from forensics_gui.reports import briefs

    options = briefs.BriefOptions(
        language=args.language, without_hypotheses=args.without_hypotheses,
        redact_photo_metadata=args.redact_photo_metadata,
        sections=tuple(dict.fromkeys(args.sections or ())), author=args.author.strip(),
        photo_dpi=args.dpi, period_from=args.period_from, period_to=args.period_to)
    progress = Progress(sys.stderr)
    try:
        result = briefs.write(store, kind, reference or None, target, options,
                              progress=progress)
    except OSError as error:
        raise KnownError(f"cannot write {target}: {error.strerror or error}") from None
    finally:
        progress.done()
    if getattr(args, "json", False):
        print_json({"path": str(result.path), "pages": result.pages, "size": result.size,
                    "marking": result.marking, "title": result.title})
        return 0
    print(f"wrote {result.path} ({result.pages} page{'s' * (result.pages != 1)}, "
          f"{readable_size(result.size)}, {result.marking})")
    return 0


def _check_request(kind: str, reference: str, target: Path) -> None:
    if needs_reference(kind) and not reference:
        raise ValidationError("reference", f"a {kind} brief is about one record: give "
                                           f"{REFERENCES[kind]}")
    if reference and not needs_reference(kind):
        raise ValidationError("reference", f"a {kind} brief covers the whole store and takes "
                                           f"no reference (given {reference[:80]!r})")
    if target.is_dir():
        raise ValidationError("out", f"{target} is a folder: give the file to write")


class Progress:
    """Progress on standard error: one line rewritten in place on a terminal, cleared at the
    end; otherwise one line per step (a step's counts left out, so that a hundred photos make
    one line), from the step after reading the store, so that a request refused while the
    store is read prints its error alone, as every user error does."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.live = out.isatty()
        self.step = ""

    def __call__(self, done: int, total: int, text: str) -> None:
        if self.live:
            share = f" {min(100, round(100 * done / total))} %" if total else ""
            self.out.write(f"\r\x1b[Kforensics: {text}{share}")
            self.out.flush()
            return
        step = re.sub(r"\d+", "#", text)
        if step != self.step:
            if self.step:
                print(f"forensics: {text}", file=self.out, flush=True)
            self.step = step

    def done(self) -> None:
        if self.live:
            self.out.write("\r\x1b[K")
            self.out.flush()
