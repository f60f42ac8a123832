"""`forensics links`, `forensics chains` and `forensics gap`: supply links with designation
timing, probable supply chains, and the sanctions gap."""

from __future__ import annotations

import argparse
import sys
from typing import Any, TextIO

from forensics_gui.cli.output import cell, print_json
from forensics_gui.core.chains import (
    CHAIN_KINDS,
    LINK_KINDS,
    MAX_LISTED,
    LinkView,
    Party,
    SearchLimits,
    SupplyChain,
    chain_summary,
    party_label,
)
from forensics_gui.core.errors import NotFoundError, ValidationError

INDENT = " " * 14
RECORDED_FOR = {"part": " (recorded for the part)", "finding": " (recorded for a finding)",
                "this finding": " (recorded for this finding)"}


def build(name: str, parser: argparse.ArgumentParser) -> None:
    """The grammar of `links`, `chains` or `gap` (`name`) on its command's parser."""
    if name == "links":
        parser.add_argument("kind", choices=LINK_KINDS)
        parser.add_argument("ref", help="id or name (part number, organization name); a "
                                        "finding by id")
        parser.add_argument("--limit", type=int, default=MAX_LISTED,
                            help=f"at most this many links (default {MAX_LISTED})")
        parser.set_defaults(handler=cmd_links)
    elif name == "chains":
        parser.add_argument("kind", choices=CHAIN_KINDS)
        parser.add_argument("ref", help="id or part number; a finding by id")
        _period_options(parser)
        parser.add_argument("--max-depth", type=int, default=SearchLimits.max_depth,
                            help=f"longest chain, in links (default {SearchLimits.max_depth})")
        parser.add_argument("--limit", type=int, default=SearchLimits.max_chains,
                            help=f"chains shown (default {SearchLimits.max_chains})")
        parser.set_defaults(handler=cmd_chains)
    else:
        _period_options(parser)
        parser.set_defaults(handler=cmd_gap)


def _period_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="period_from", metavar="DATE",
                        help="only links dated on or after (YYYY-MM-DD); undated links stay")
    parser.add_argument("--to", dest="period_to", metavar="DATE",
                        help="only links dated on or before (YYYY-MM-DD)")


# ------------------------------------------------------------------------ commands
def cmd_links(args: argparse.Namespace, store: Any) -> int:
    from forensics_gui.services import supply
    listing = supply.links_for(store, args.kind, args.ref, limit=args.limit)
    if getattr(args, "json", False):
        print_json(listing)
        return 0
    for notice in listing.notices:
        print(notice, file=sys.stderr)
    shown = len(listing.links)
    print(f"Supply links of {listing.subject_label}: {listing.total}"
          f"{f' (newest {shown} shown)' if listing.total > shown else ''}")
    for view in listing.links:
        print_link(view)
    return 0


def cmd_chains(args: argparse.Namespace, store: Any) -> int:
    from forensics_gui.services import supply
    if args.max_depth < 1 or args.limit < 1:
        raise ValidationError("max-depth" if args.max_depth < 1 else "limit", "must be at least 1")
    limits = SearchLimits(max_depth=args.max_depth, max_chains=args.limit)
    report = supply.chains_for(store, args.kind, args.ref, period_from=args.period_from,
                               period_to=args.period_to, limits=limits)
    if getattr(args, "json", False):
        print_json(report)
        return 0 if report.chains else 1
    maker = f" from {party_text(report.manufacturer)}" if report.manufacturer else ""
    print(f"Probable chains of {report.subject_label}{maker}: {len(report.chains)}")
    for number, chain in enumerate(report.chains, 1):
        print_chain(number, chain)
    for notice in (*report.notices, *filter(None, [report.cut_short])):
        print(notice, file=sys.stderr)
    return 0 if report.chains else 1


def cmd_gap(args: argparse.Namespace, store: Any) -> int:
    from forensics_gui.services import gap
    result = gap.sanctions_gap(store, period_from=args.period_from, period_to=args.period_to)
    if getattr(args, "json", False):
        print_json(result)
        return 0
    print(f"PARTS WITH CHAINS THROUGH NO DESIGNATED COMPANY ({len(result.parts)} of "
          f"{result.subjects_examined} examined)")
    for part in result.parts:
        maker = f" ({party_text(part.manufacturer)})" if part.manufacturer else ""
        print(f"{part.label}{maker}: {len(part.chains)} chain{'s' * (len(part.chains) != 1)}"
              f"  · {part.kind} {part.id}")
        for number, chain in enumerate(part.chains, 1):
            print_chain(number, chain, indent="  ")
    print(f"\nCOMPANIES DESIGNATED NOWHERE ON THOSE CHAINS ({len(result.organizations)})")
    for org in result.organizations:
        print(f"{party_text(org.party)}  · org {org.party.id}")
        print(f"  on chains of: {', '.join(org.subjects)}")
        for view in org.links:
            print_link(view, indent="  ")
    for notice in (*result.notices, *result.cut_short):
        print(notice, file=sys.stderr)
    return 0


def source_id(store: Any, reference: str) -> str:
    """The id of the source given by id or title, for citing on the command line."""
    from forensics_gui.services import records
    try:
        return str(records.get(store, "source", reference).id)
    except NotFoundError:
        raise ValidationError("source", f"there is no source {reference[:80]!r}") from None


# -------------------------------------------------------------------------- output
def party_text(party: Party) -> str:
    """'Name (HK, hub)', with the designations in force today."""
    from forensics_gui.services import supply
    return party_label(party, supply.today())


def print_link(view: LinkView, indent: str = "", out: TextIO = sys.stdout) -> None:
    """One link: date, seller → buyer, status, part, sources, each party's timing, id."""
    link = view.link
    when = str(link.shipped_on) if link.shipped_on else "undated"
    sources = f"{len(link.citations)} source{'s' * (len(link.citations) != 1)}"
    grades = f" ({link.grades})" if link.citations else ""
    part = f" {link.part_number}" if link.part_number else " no part"
    out.write(f"{indent}{when:<12}  {party_text(view.seller)} → {party_text(view.buyer)}\n"
              f"{indent}{INDENT}{link.status} · {sources}{grades} ·{part}"
              f"{RECORDED_FOR.get(view.recorded_for, '')}\n"
              f"{indent}{INDENT}seller {view.seller_timing.text}; "
              f"buyer {view.buyer_timing.text}\n"
              f"{indent}{INDENT}link {link.id}\n")


def print_chain(number: int, chain: SupplyChain, indent: str = "",
                out: TextIO = sys.stdout) -> None:
    """A chain's summary line, then each step with its evidence and designation timing."""
    out.write(f"{indent}#{number}  {chain_summary(chain)}\n")
    for step in chain.steps:
        link = step.link
        when = str(link.shipped_on) if link.shipped_on else "undated"
        titles = "; ".join(f"{cell(c.title, 50)} ({c.grade})" for c in link.citations)
        out.write(f"{indent}    {when:<10}  {party_text(step.seller)} → "
                  f"{party_text(step.buyer)}\n"
                  f"{indent}    {' ' * 10}  {link.status} · {titles or 'no source cited'}\n"
                  f"{indent}    {' ' * 10}  seller {step.seller_timing.text}; buyer "
                  f"{step.buyer_timing.text}\n")

