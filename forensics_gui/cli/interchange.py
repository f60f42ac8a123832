"""`forensics export ftm|graphml` and `forensics graph`: the supply graph for other tools and
for scripts; `forensics export csv|xlsx|json|geojson`: lists, the whole store and recovery
places for spreadsheets, scripts and maps."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from forensics_gui.cli.commands import _filters
from forensics_gui.cli.output import cell, plain, print_json
from forensics_gui.core.errors import ValidationError
from forensics_gui.core.fields import KINDS, WITHDRAWN_SHOWN

CommonOptions = Callable[[bool], argparse.ArgumentParser]


def _scope_options(parser: argparse.ArgumentParser, *, everything: bool) -> None:
    parser.add_argument("--part", help="only the links of this part (id or part number)")
    if everything:
        parser.add_argument("--finding", help="only the links of this finding (id) and its part")
        parser.add_argument("--organization", help="only the links within three steps of "
                                                   "this organization (id or name)")
    parser.add_argument("--from", dest="date_from", metavar="DATE",
                        help="only links shipped on or after this date (YYYY-MM-DD)")
    parser.add_argument("--to", dest="date_to", metavar="DATE",
                        help="only links shipped on or before this date (YYYY-MM-DD)")
    parser.add_argument("--no-undated", dest="include_undated", action="store_false",
                        help="leave out links without a date (kept by default)")


def build(name: str, parser: argparse.ArgumentParser, common: CommonOptions) -> None:
    """The grammar of `export` or `graph` (`name`) on its command's parser."""
    if name == "graph":
        _scope_options(parser, everything=True)
        parser.set_defaults(handler=cmd_graph)
        return
    formats = parser.add_subparsers(dest="verb", metavar="FORMAT")
    ftm = formats.add_parser("ftm", parents=[common(True)],
                             help="FollowTheMoney entities as JSON lines")
    ftm.add_argument("file", help="file to write (replaced whole)")
    _scope_options(ftm, everything=False)
    ftm.set_defaults(handler=cmd_export_ftm)
    graphml = formats.add_parser("graphml", parents=[common(True)],
                                 help="the supply graph as GraphML (Gephi, yEd, networkx)")
    graphml.add_argument("file", help="file to write (replaced whole)")
    _scope_options(graphml, everything=True)
    graphml.set_defaults(handler=cmd_export_graphml)
    _table_formats(formats, common)


def _scope(args: argparse.Namespace) -> dict[str, Any]:
    names = ("part", "finding", "organization", "date_from", "date_to", "include_undated")
    return {name: getattr(args, name) for name in names if hasattr(args, name)}


def cmd_export_ftm(args: argparse.Namespace, store: Any) -> int:
    from forensics_gui.services import interchange
    summary = interchange.export_ftm(store, args.file, **_scope(args))
    if getattr(args, "json", False):
        print_json(summary)
        return 0
    counts = ", ".join(f"{name} {n:,}" for name, n in summary.counts.items())
    print(f"wrote {sum(summary.counts.values()):,} entities to {summary.path}"
          f"{' (' + counts + ')' if counts else ''}")
    return 0


def cmd_export_graphml(args: argparse.Namespace, store: Any) -> int:
    from forensics_gui.services import interchange
    summary = interchange.export_graphml(store, args.file, **_scope(args))
    if getattr(args, "json", False):
        print_json(summary)
    else:
        print(f"wrote {summary.counts['nodes']:,} organizations and {summary.counts['edges']:,} "
              f"supply links to {summary.path}")
    return 0


def cmd_graph(args: argparse.Namespace, store: Any) -> int:
    from forensics_gui.services import graph
    shown = graph.supply_graph(store, **_scope(args), max_nodes=None, max_links=None)
    if getattr(args, "json", False):
        print_json(shown)
        return 0
    if shown.message:
        print(shown.message)
    names = {n.id: n.name for n in shown.nodes}
    for node in shown.nodes:
        status = {"designated": f"designated by {', '.join(node.designated_by)}",
                  "formerly": f"formerly designated by {', '.join(node.formerly_by)}"
                  }.get(node.sanctions, "")
        facts = [", ".join(node.roles), node.country, f"hub: {node.hub}" if node.hub else "",
                 status]
        print(f"{cell(node.name, 50):<50}  {'; '.join(f for f in facts if f)}")
    if shown.edges:
        print()
    for edge in shown.edges:
        when = edge.shipped_on.isoformat() if edge.shipped_on else "undated"
        print(f"{when:<10}  {edge.status:<10}  {cell(names.get(edge.seller_id, ''), 40)} → "
              f"{cell(names.get(edge.buyer_id, ''), 40)}  {edge.part_number}  {edge.id}")
    return 0


# ------------------------------------------------------------ tables and maps
TABLE_HELP = {
    "csv": "records of one kind as CSV; `all`: the whole store as a .zip of one CSV file per "
           "kind (and about.csv)",
    "xlsx": "records of one kind as an Excel workbook; `all`: the whole store, one sheet per "
            "kind; the first sheet says what was exported and its highest handling marking",
    "json": "records of one kind, or `all` of the store, as one JSON document with an "
            "`about` object",
}


def _table_formats(formats: argparse._SubParsersAction, common: CommonOptions) -> None:
    from forensics_gui.services.exchange.export_columns import TABLE_KINDS

    for name, text in TABLE_HELP.items():
        table = formats.add_parser(name, parents=[common(True)], help=text, description=text)
        table.add_argument("kind", metavar="KIND", choices=(*TABLE_KINDS, "all"),
                           help=f"what to export: {', '.join(TABLE_KINDS)}, or all")
        table.add_argument("file", help="file to write (replaced whole)" + (
            "; a .zip for all" if name == "csv" else ""))
        table.add_argument("--query", "--contains", dest="contains", default="",
                           help="only records with this text, as the list's search box")
        table.add_argument("--filter", action="append", default=[], metavar="FIELD=VALUE",
                           help="only records whose field has this value (repeatable)")
        table.add_argument("--withdrawn", choices=WITHDRAWN_SHOWN,
                           help="withdrawn evidence: hide (default for one kind), include "
                                "(default for all) or only")
        table.add_argument("--sort", default="", help="field to sort by")
        table.add_argument("--desc", action="store_true", help="sort in descending order")
        table.set_defaults(handler=cmd_export_table, export_format=name)
    places = formats.add_parser(
        "geojson", parents=[common(True)],
        help="recovery places of recovered items as GeoJSON points (QGIS); withdrawn items "
             "and items without possible coordinates are left out and counted")
    places.add_argument("file", help="file to write, ending in .geojson (replaced whole)")
    places.add_argument("--system", help="only items of this weapon system type (name or id)")
    places.add_argument("--from", dest="date_from", metavar="DATE",
                        help="only items recovered on or after this date (YYYY-MM-DD)")
    places.add_argument("--to", dest="date_to", metavar="DATE",
                        help="only items recovered on or before this date (YYYY-MM-DD)")
    places.set_defaults(handler=cmd_export_geojson)


def cmd_export_table(args: argparse.Namespace, store: Any) -> int:
    from forensics_gui.services.exchange import export

    if args.kind == "all":
        if args.filter or args.contains or args.sort:
            raise ValidationError("all", "the whole store is exported without search, "
                                         "filters or order; name one kind to use them")
        summary = export.export_store(store, args.file, format=args.export_format,
                                      withdrawn=args.withdrawn or "include")
    else:
        filters = _filters(args) if args.filter else {}
        summary = export.export_table(store, args.kind, args.file, format=args.export_format,
                                      filters=filters, contains=args.contains,
                                      withdrawn=args.withdrawn or "hide", sort=args.sort,
                                      descending=args.desc)
    if getattr(args, "json", False):
        print_json({**plain(summary), "total": summary.total})
        return 0
    what = (f"{summary.total:,} records of {len(summary.counts)} kinds" if args.kind == "all"
            else f"{summary.total:,} {_title(args.kind, summary.total)}")
    print(f"wrote {what} to {summary.path} (highest handling marking: "
          f"{summary.highest_marking})")
    return 0


def _title(kind: str, count: int) -> str:
    """"component findings", or "component finding" for one."""
    from forensics_gui.services.exchange.export_columns import CUSTODY, kind_title

    if count != 1:
        return kind_title(kind)
    return "custody event" if kind == CUSTODY else KINDS[kind].label


def cmd_export_geojson(args: argparse.Namespace, store: Any) -> int:
    from forensics_gui.services.exchange import export

    summary = export.export_places(store, args.file, system=args.system,
                                   date_from=args.date_from, date_to=args.date_to)
    if getattr(args, "json", False):
        print_json({**plain(summary), "skipped": summary.skipped})
        return 0
    print(f"wrote {_count(summary.written, 'recovery place')} to {summary.path} (highest "
          f"handling marking: {summary.highest_marking})")
    if summary.missing:
        print(f"left out {_count(summary.missing, 'recovered item')} without coordinates")
    if summary.impossible:
        shown = ", ".join(summary.impossible_items[:10])
        more = f" and {summary.impossible - 10:,} more" if summary.impossible > 10 else ""
        print(f"left out {_count(summary.impossible, 'recovered item')} whose coordinates no "
              f"place has: {shown}{more}")
    return 0


def _count(n: int, thing: str) -> str:
    return f"{n:,} {thing}{'' if n == 1 else 's'}"
