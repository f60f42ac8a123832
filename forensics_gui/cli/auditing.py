"""`forensics audit`: the audit trail's hash chain, its head and its check."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from forensics_gui.cli.output import print_json

CommonOptions = Callable[[bool], argparse.ArgumentParser]

VERIFY_CODES = ("exit codes: 0 the chain holds (and every --head given is in it), 1 it does "
                "not (the first problem names the first bad event), 2 bad options")


def build(parser: argparse.ArgumentParser, common: CommonOptions) -> None:
    """The grammar of `forensics audit` on its command's parser."""
    parser.description = (
        "Every audit event is numbered and sealed with SHA-256 over its values and the seal "
        "of the event before it, so that an event edited, deleted, inserted or moved, even "
        "with the database's own tools, breaks the chain. Briefs and case packages print the "
        "chain's head (NUMBER:SEAL); checking a head printed earlier catches a rewrite of the "
        "whole chain.")
    verbs = parser.add_subparsers(dest="verb", metavar="VERB")
    verify = verbs.add_parser("verify", parents=[common(True)], epilog=VERIFY_CODES,
                              help="check every event's seal, the numbering and the head")
    verify.add_argument("--head", action="append", default=[], dest="heads",
                        metavar="NUMBER:SEAL",
                        help="a head printed earlier (on a brief or in a package) that must "
                             "still be in the chain (repeatable)")
    verify.set_defaults(handler=cmd_audit_verify)
    head = verbs.add_parser("head", parents=[common(True)],
                            help="print the chain's head: the newest event's number and seal")
    head.set_defaults(handler=cmd_audit_head)


def cmd_audit_verify(args: argparse.Namespace, store: Any) -> int:
    from forensics_gui.services import audit

    verdict = audit.verify_chain(store, args.heads)
    if getattr(args, "json", False):
        print_json({"sound": verdict.sound, "events": verdict.events,
                    "head": str(verdict.head) if verdict.head else None,
                    "problems": list(verdict.problems), "unread": verdict.unread})
    elif verdict.sound:
        checked = f" and the {len(args.heads)} head(s) given" if args.heads else ""
        print(f"the audit trail holds: {verdict.events:,} events checked{checked}; "
              f"head {verdict.head or 'none (no events yet)'}")
        if verdict.unread:
            print(f"{verdict.unread:,} of them are above your clearance: their numbers and "
                  "links were checked, their contents only a login cleared to read them can "
                  "check")
    else:
        print(f"the audit trail does NOT hold ({verdict.events:,} events read):")
        for problem in verdict.problems:
            print(f"  {problem}")
    return 0 if verdict.sound else 1


def cmd_audit_head(args: argparse.Namespace, store: Any) -> int:
    from forensics_gui.services import audit

    found = audit.chain_head(store)
    if getattr(args, "json", False):
        print_json({"head": str(found) if found else None,
                    "seq": found.seq if found else 0, "hash": found.hash if found else None})
    else:
        print(found or "no audit events yet")
    return 0
