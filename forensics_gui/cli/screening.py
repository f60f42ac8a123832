"""`forensics lists`, `forensics screen` and `forensics matches`: importing official sanctions
lists, screening organizations against them, and deciding about the candidates.

The generic `forensics list ...` and `forensics match ...` commands show and edit the same
records one by one; these commands are the screening workflow.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

from forensics_gui.cli.output import print_json, print_record, print_table
from forensics_gui.core.fields import LIST_FORMATS, MATCH_CHANGES, MATCH_STATES
from forensics_gui.core.screening import THRESHOLD, describe_topics, entry_topics
from forensics_gui.formats.lists import MAX_BYTES, MAX_ENTRIES

Common = Callable[[bool], argparse.ArgumentParser]
MATCH_COLUMNS = ("organization_name", "list_name", "entry_name", "score", "matched_on", "state",
                 "change")
VERSION_COLUMNS = ("name", "list_version", "published_on", "format", "entries", "newest",
                   "screened", "candidates", "confirmed", "rejected")


def build(name: str, parser: argparse.ArgumentParser, common: Common) -> None:
    """The grammar of `lists`, `screen` or `matches` (`name`) on its command's parser."""
    if name == "lists":
        _lists_commands(parser, common)
    elif name == "matches":
        _matches_commands(parser, common)
    else:
        parser.description = (f"Compare every organization's name, aliases, former names and "
                              f"identifiers with the entries of the newest version of each "
                              f"imported list; candidates scoring {THRESHOLD} or more are "
                              f"kept for a decision.")
        parser.set_defaults(handler=cmd_screen)


def _lists_commands(lists: argparse.ArgumentParser, common: Common) -> None:
    lists.description = ("Sanctions lists imported from their publishers' files: `versions` "
                         "shows every version imported, with its candidates and decisions "
                         "(`forensics lists` alone does the same); `import` adds a version. "
                         "A version's record itself is shown and edited with `forensics list "
                         "show|edit|history`.")
    lists.set_defaults(handler=cmd_lists)
    verbs = lists.add_subparsers(dest="verb", metavar="VERB")
    versions = verbs.add_parser(
        "versions", parents=[common(True)],
        help="every version imported, newest first within each list, with its candidates "
             "waiting for a decision, confirmed and rejected matches (the default)",
        description="Every imported list version, newest first within each list: when it was "
                    "published, how many entries it holds, whether every organization was "
                    "screened against it, and its matches: waiting for a decision, confirmed, "
                    "rejected. Screening uses the newest version of each list.")
    versions.set_defaults(handler=cmd_lists)
    add = verbs.add_parser(
        "import", parents=[common(True)], help="import a list from the files you downloaded",
        description="Import one version of a list: OFAC's sdn.csv with alt.csv and add.csv "
                    "(give the three together), the Consolidated Screening List "
                    "(consolidated.csv) or FollowTheMoney JSON lines (OpenSanctions). Then "
                    "every organization is screened again and what changed is shown. "
                    f"Files over {MAX_BYTES // 2**20} MB or {MAX_ENTRIES:,} entries are "
                    "refused; a file imported before is refused.")
    add.add_argument("files", nargs="+", metavar="FILE", help="the list's file(s)")
    add.add_argument("--format", choices=LIST_FORMATS, dest="list_format",
                     help="the files' format (default: recognised from the files)")
    add.add_argument("--name", help="the list's name (default: OFAC SDN, Consolidated "
                                    "Screening List, OpenSanctions ...)")
    add.add_argument("--list-version", help="the version's name (default: its date)")
    add.add_argument("--published", help="the version's date, YYYY-MM-DD (default: the date "
                                         "the file states, else the file's own date)")
    add.add_argument("--no-screen", action="store_true", help="do not screen afterwards")
    add.set_defaults(handler=cmd_lists_import)


def _matches_commands(matches: argparse.ArgumentParser, common: Common) -> None:
    matches.add_argument("--state", choices=MATCH_STATES, help="only matches in this state")
    matches.add_argument("--change", choices=MATCH_CHANGES,
                         help="only matches with this change since the previous list version")
    matches.add_argument("--list", dest="list_name", help="only matches against this list")
    matches.add_argument("--org", help="only matches of this organization (name or id)")
    matches.add_argument("--limit", type=int, default=200, help="rows (default 200)")
    matches.set_defaults(handler=cmd_matches)
    verbs = matches.add_subparsers(dest="verb", metavar="VERB")
    show = verbs.add_parser("show", parents=[common(True)],
                            help="a match with the list entry it is about")
    show.add_argument("ref", help="the match's id, or its last 6 characters or more")
    show.set_defaults(handler=cmd_matches_show)
    for verb, text, handler in (
            ("confirm", "the organization is the listed entry: record a designation citing "
                        "the list", cmd_matches_confirm),
            ("reject", "the organization is not the listed entry", cmd_matches_reject)):
        decide = verbs.add_parser(verb, parents=[common(True)], help=text)
        decide.add_argument("ref", help="the match's id, or its last 6 characters or more")
        decide.add_argument("--note", default="", help="why (kept with the match)")
        decide.add_argument("--expect-version", type=int, dest="expected_version",
                            help="refuse if the match changed since this version")
        decide.set_defaults(handler=handler)


def _json(args: argparse.Namespace) -> bool:
    return bool(getattr(args, "json", False))


def cmd_lists(args: argparse.Namespace, store: Any) -> int:
    from forensics_gui.services import screening
    versions = screening.list_versions(store)
    if _json(args):
        print_json(versions)
        return 0
    rows = [SimpleNamespace(id=v.list.id, name=v.list.name, list_version=v.list.list_version,
                            published_on=v.list.published_on, format=v.list.format,
                            entries=v.list.entry_count, newest="yes" if v.newest else "",
                            screened=f"{v.list.screened_at:%Y-%m-%d}" if v.list.screened
                            else "NOT SCREENED", candidates=v.candidates,
                            confirmed=v.confirmed, rejected=v.rejected) for v in versions]
    print_table(rows, VERSION_COLUMNS)
    if any(v.newest and not v.list.screened for v in versions):
        print("The newest version of a list was not screened against: run `forensics "
              "screen`.", file=sys.stderr)
    print(f"({len(rows)} list versions)" if rows else
          "No list imported yet: `forensics lists import FILE...`", file=sys.stderr)
    return 0


def cmd_lists_import(args: argparse.Namespace, store: Any) -> int:
    from forensics_gui.services import sanctions_lists
    result = sanctions_lists.import_list(
        store, args.files, fmt=args.list_format, name=args.name,
        list_version=args.list_version, published_on=args.published,
        screen=not args.no_screen)
    if _json(args):
        print_json(result)
    else:
        print(result.describe())
    if result.dated and not result.dated.startswith("Stated"):
        print(f"forensics: note: the version's date is {result.list.published_on}. "
              f"{result.dated.replace('Give the', 'Give --published with the')}",
              file=sys.stderr)
    return 0


def cmd_screen(args: argparse.Namespace, store: Any) -> int:
    from forensics_gui.services import screening
    summary = screening.screen(store)
    print_json(summary) if _json(args) else print(summary.describe())
    return 0


def cmd_matches(args: argparse.Namespace, store: Any) -> int:
    from forensics_gui.services import screening
    page = screening.list_matches(store, state=args.state, change=args.change,
                                  list_name=args.list_name, organization=args.org,
                                  limit=args.limit)
    if _json(args):
        print_json({"rows": page.rows, "total": page.total})
        return 0
    print_table(list(page.rows), MATCH_COLUMNS)
    print(f"({len(page.rows)} of {page.total} matches)", file=sys.stderr)
    return 0


def cmd_matches_show(args: argparse.Namespace, store: Any) -> int:
    from forensics_gui.services import screening
    detail = screening.match_detail(store, args.ref)
    if _json(args):
        print_json(detail)
        return 0
    print_record(detail.match)
    if detail.removed_in is not None:
        print(f"\nRemoved from the list in {detail.removed_in.name} version "
              f"{detail.removed_in.list_version}: no longer waiting for a decision.")
    if detail.entry is not None:
        print("\nListed as:")
        print_record(detail.entry)
        topics = entry_topics(detail.entry.remarks)
        if topics:
            print(f"\nTopics: {describe_topics(topics)}")
    return 0


def _decided(args: argparse.Namespace, decision: Any, verb: str) -> int:
    if _json(args):
        print_json(decision)
        return 0
    match = decision.match
    print(f"{verb} {match.organization_name} = {match.entry_name} ({match.list_name} "
          f"{match.entry_ref})")
    designation = decision.designation
    if designation is not None:
        print(f"recorded designation {designation.id}: {designation.authority} "
              f"{designation.programme}".rstrip())
    return 0


def cmd_matches_confirm(args: argparse.Namespace, store: Any) -> int:
    from forensics_gui.services import screening
    decision = screening.confirm(store, args.ref, args.note, args.expected_version)
    return _decided(args, decision, "confirmed")


def cmd_matches_reject(args: argparse.Namespace, store: Any) -> int:
    from forensics_gui.services import screening
    decision = screening.reject(store, args.ref, args.note, args.expected_version)
    return _decided(args, decision, "rejected")

