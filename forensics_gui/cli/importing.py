"""`forensics import`: add the rows of a CSV or Excel file as findings, parts, organizations,
recovered items or supply links, in one transaction.

The columns are matched to fields by their headers (shown first); `--map` changes what the
guess got wrong. The HUR "Foreign components in weapons" list and KSE/RUSI-style component
tables are recognised as they are published and cited as a graded source.
"""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path
from typing import Any

from forensics_gui.cli.output import cell, print_json
from forensics_gui.core.errors import ValidationError
from forensics_gui.core.exchange import IMPORT_KINDS, LAYOUTS, targets

SHOWN_REFUSALS = 20


def build(parser: argparse.ArgumentParser) -> None:
    """The grammar of `forensics import` on its command's parser."""
    parser.description = (
        "Import the rows of a CSV (UTF-8, or --encoding) or .xlsx file in one transaction. "
        "Every row is checked first; refused rows are listed with their row, column and "
        "reason and written to a rejects file, the others are imported. Importing the same "
        "file again changes nothing. Exit code 0 when every row was imported or already "
        "held, 1 when some were refused, 2 when the file or the options are refused (nothing "
        "written).")
    parser.add_argument("file", help="the .csv or .xlsx file")
    parser.add_argument("--kind", choices=IMPORT_KINDS,
                        help="what the rows are (default: findings, or the public layout the "
                             "columns are)")
    parser.add_argument("--layout", choices=[layout.name for layout in LAYOUTS] + ["none"],
                        help="read the file as a public layout: hur (HUR 'Foreign components in "
                             "weapons') or kse (KSE/RUSI component table); none: never")
    parser.add_argument("--map", action="append", default=[], metavar="COLUMN=FIELD",
                        help="map a column to a field (FIELD empty: ignore the column); "
                             "repeatable. `--fields` lists the fields of each kind")
    parser.add_argument("--fields", action="store_true",
                        help="list the fields each kind of import takes, and stop")
    parser.add_argument("--sheet", help="the sheet of a workbook (default: the first with data)")
    parser.add_argument("--encoding", help="the CSV file's encoding when not UTF-8, e.g. cp1251")
    parser.add_argument("--delimiter", help="the CSV file's delimiter (default: detected)")
    parser.add_argument("--source", metavar="TITLE",
                        help="cite every row to this source (with a public layout: instead of "
                             "the layout's own title)")
    parser.add_argument("--grade", metavar="B2",
                        help="reliability (A-F) and credibility (1-6) of that source, e.g. B2")
    parser.add_argument("--rejects", metavar="FILE",
                        help="where to write refused rows (default: FILE.rejects.csv beside it, "
                             "when any row is refused)")
    parser.add_argument("--dry-run", action="store_true",
                        help="check every row and say what would be done; write nothing")
    parser.add_argument("--strict", action="store_true",
                        help="write nothing when any row is refused")
    parser.set_defaults(handler=cmd_import)


def cmd_import(args: argparse.Namespace, store: Any) -> int:
    from forensics_gui.services.exchange import importer

    if args.fields:
        _print_fields()
        return 0
    sheet = importer.read(args.file, sheet=args.sheet, encoding=args.encoding,
                          delimiter=args.delimiter)
    settings = _settings(importer, sheet, args)
    as_json = getattr(args, "json", False)
    if not as_json:
        _print_mapping(sheet, settings)
    if args.dry_run:
        plan = importer.preview(store, sheet, settings)
    else:
        plan = importer.run(store, sheet, settings, strict=args.strict)
    rejects = ""
    if plan.refused:
        rejects = args.rejects or str(Path(args.file).with_suffix("")) + ".rejects.csv"
        importer.write_rejects(sheet, plan, rejects)
    if as_json:
        print_json({"file": sheet.name, "kind": settings.kind, "layout": settings.layout,
                    "dry_run": args.dry_run, "rows": plan.rows, "added": plan.counts(),
                    "held": len(plan.held), "refused": [dataclasses.asdict(r)
                                                        for r in plan.refused],
                    "rejects_file": rejects})
    else:
        _print_result(plan, args.dry_run, rejects)
    return 1 if plan.refused else 0


def _settings(importer: Any, sheet: Any, args: argparse.Namespace) -> Any:
    if args.layout and args.layout != "none":
        settings = importer.layout_settings(args.layout, sheet)
    elif args.layout == "none":
        settings = importer.suggested(sheet, args.kind or "finding")
    else:
        settings = importer.suggested(sheet, args.kind)
    if args.kind and settings.kind != args.kind:
        settings = importer.suggested(sheet, args.kind)
    mapping = dict(settings.mapping)
    for given in args.map:
        column, sep, target = given.partition("=")
        if not sep:
            raise ValidationError("--map", f"{given!r}: write COLUMN=FIELD")
        matches = [c for c in sheet.columns if c.strip().casefold() == column.strip().casefold()]
        if not matches:
            raise ValidationError("--map", f"{sheet.name} has no column {column!r}; its columns: "
                                           f"{', '.join(sheet.columns)}")
        mapping[matches[0]] = target.strip() or None
    changes: dict[str, Any] = {"mapping": mapping}
    if args.source:
        changes["source_title"] = args.source.strip()
    if args.grade:
        grade = args.grade.strip().upper()
        if len(grade) != 2 or grade[0] not in "ABCDEF" or grade[1] not in "123456":
            raise ValidationError("--grade", f"{args.grade!r}: write a reliability A-F and a "
                                             f"credibility 1-6, e.g. B2")
        changes |= {"source_reliability": grade[0], "source_credibility": grade[1]}
    return dataclasses.replace(settings, **changes)


def _print_fields() -> None:
    for kind in IMPORT_KINDS:
        print(f"{kind}:")
        for target in targets(kind):
            print(f"  {target.name:<22} {target.label}{' — ' + target.help if target.help else ''}")


def _print_mapping(sheet: Any, settings: Any) -> None:
    what = f"as {settings.kind} records"
    if settings.layout:
        layout = next(x for x in LAYOUTS if x.name == settings.layout)
        what = f"as the {layout.label} list"
    source = (f", cited to {settings.source_title!r} ({settings.source_reliability}"
              f"{settings.source_credibility})" if settings.source_title else "")
    print(f"{sheet.name}: {len(sheet.rows):,} rows read {what}{source}")
    labels = {t.name: t.label for t in targets(settings.kind)}
    for column in sheet.columns:
        target = settings.mapping.get(column)
        print(f"  {cell(column, 30):<30} → {labels.get(target, target) if target else '(ignored)'}")


def _print_result(plan: Any, dry_run: bool, rejects: str) -> None:
    print(("would import " if dry_run else "imported ") + plan.summary())
    title = plan.settings.source_title
    if title and plan.new_rows and "source" not in plan.counts():
        print(f"the source {title!r} is already in the store: its grade there is kept")
    for refusal in plan.refused[:SHOWN_REFUSALS]:
        print(f"  refused {refusal}")
    if len(plan.refused) > SHOWN_REFUSALS:
        print(f"  ... and {len(plan.refused) - SHOWN_REFUSALS:,} more")
    if rejects:
        print(f"refused rows written to {rejects}")
