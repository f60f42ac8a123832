"""`forensics export ftm|graphml` and `forensics graph`: the supply graph for other tools and
for scripts."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from forensics_gui.cli.output import cell, print_json

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

