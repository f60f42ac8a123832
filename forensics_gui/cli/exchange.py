"""`forensics package`, `forensics conflicts` and `forensics sync`: field exchange between an
offline laptop's store and the shared one."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from forensics_gui.cli.output import cell, print_json

CommonOptions = Callable[[bool], argparse.ArgumentParser]
EXIT_OPEN_CONFLICTS = 1
IMPORT_CODES = ("Exit codes: 0 merged with no conflict left open; 1 merged, but this import "
                "left conflicts for a person to resolve (`forensics conflicts`); 2 refused "
                "(damaged, altered or hostile file, or values the store refuses): nothing was "
                "written; 6 store unavailable.")


def build(name: str, parser: argparse.ArgumentParser, common: CommonOptions) -> None:
    """The grammar of `package`, `conflicts` or `sync` (`name`) on its command's parser."""
    {"package": _package_grammar, "conflicts": _conflicts_grammar,
     "sync": _sync_grammar}[name](parser, common)


def _package_grammar(parser: argparse.ArgumentParser, common: CommonOptions) -> None:
    verbs = parser.add_subparsers(dest="verb", metavar="VERB")
    export = verbs.add_parser("export", parents=[common(True)],
                              help="write a case package of chosen items or of every record "
                                   "not yet delivered")
    export.add_argument("file", help="package file to write (replaced whole)")
    export.add_argument("--item", action="append", default=[], dest="items", metavar="CASE_REF",
                        help="a recovered item (case reference or id) with everything it needs "
                             "(repeatable)")
    export.add_argument("--undelivered", action="store_true",
                        help="every record whose current version no receipt confirmed "
                             "(the default without --item; with --item, both)")
    export.set_defaults(handler=cmd_package_export)
    imported = verbs.add_parser("import", parents=[common(True)], epilog=IMPORT_CODES,
                                help="take a case package into this store (one transaction) "
                                     "and write its receipt")
    imported.add_argument("file", help="package file")
    imported.add_argument("--receipt", metavar="FILE",
                          help="where to write the receipt (default: beside the package, "
                               "NAME.receipt.json)")
    imported.set_defaults(handler=cmd_package_import)
    receipt = verbs.add_parser("receipt", parents=[common(True)],
                               help="take in the receipt of a package this store sent: its "
                                    "records are then delivered")
    receipt.add_argument("file", help="receipt file")
    receipt.set_defaults(handler=cmd_package_receipt)
    status = verbs.add_parser("status", parents=[common(True)],
                              help="packages sent and received, records not yet delivered, "
                                   "open conflicts")
    status.set_defaults(handler=cmd_package_status)
    device = verbs.add_parser("device", parents=[common(True)],
                              help="show or set this device's name (and the store's id)")
    device.add_argument("name", nargs="?", help="the name receivers see (default: host name)")
    device.add_argument("--new-id", action="store_true",
                        help="give this store a new id (for a store file copied from another "
                             "device)")
    device.set_defaults(handler=cmd_package_device)


def _conflicts_grammar(parser: argparse.ArgumentParser, common: CommonOptions) -> None:
    parser.description = ("Records changed both here and on a sending device. The store's "
                          "record stayed as it was; decide which version to keep.")
    verbs = parser.add_subparsers(dest="verb", metavar="VERB")
    listing = verbs.add_parser("list", parents=[common(True)],
                               help="conflicts waiting for a decision (the default)")
    listing.add_argument("--all", action="store_true", help="decided ones too")
    listing.set_defaults(handler=cmd_conflicts_list)
    show = verbs.add_parser("show", parents=[common(True)],
                            help="one conflict, field by field: ours and theirs")
    show.add_argument("id", help="conflict id")
    show.set_defaults(handler=cmd_conflicts_show)
    resolve = verbs.add_parser("resolve", parents=[common(True)],
                               help="keep ours or take theirs (a new version of the record)")
    resolve.add_argument("id", help="conflict id")
    resolve.add_argument("--keep", required=True, choices=("ours", "theirs"))
    resolve.add_argument("--reason", required=True, help="why this version is kept")
    resolve.set_defaults(handler=cmd_conflicts_resolve)
    parser.set_defaults(handler=cmd_conflicts_list, all=False)


def _sync_grammar(parser: argparse.ArgumentParser, _common: CommonOptions) -> None:
    parser.description = ("Merge every record of this store not yet delivered into another "
                          "store (usually the shared PostgreSQL one) without a file: the same "
                          "rules as a package, its import and its receipt. " + IMPORT_CODES)
    parser.add_argument("--to", required=True, dest="target", metavar="STORE",
                        help="the receiving store: postgresql:// URL, service:NAME or file")
    parser.set_defaults(handler=cmd_sync)


def _json(args: argparse.Namespace) -> bool:
    return bool(getattr(args, "json", False))


# ------------------------------------------------------------------------------ package
def cmd_package_export(args: argparse.Namespace, store: Any) -> int:
    from forensics_gui.services.exchange import packages

    report = packages.export_package(store, args.file, items=args.items,
                                     undelivered=args.undelivered or None)
    if _json(args):
        print_json(report)
        return 0
    counts = ", ".join(f"{kind} {n:,}" for kind, n in report.records.items())
    total = sum(report.records.values())
    print(f"wrote package {report.package_id} to {report.path}: {total:,} records"
          f"{' (' + counts + ')' if counts else ''}, {report.originals:,} pictures, "
          f"{report.byte_size:,} bytes")
    if not total:
        print("nothing to send: every record was delivered")
    if report.audit_head:
        print(f"audit chain head of this store: {report.audit_head} (check it later with "
              f"`forensics audit verify --head`)")
    return 0


def cmd_package_import(args: argparse.Namespace, store: Any) -> int:
    from forensics_gui.services.exchange import packages

    report = packages.import_package(store, args.file, receipt_path=args.receipt)
    if _json(args):
        print_json(report)
    else:
        _print_import(report)
    return EXIT_OPEN_CONFLICTS if report.conflicts else 0


def _print_import(report: Any) -> None:
    if report.already_imported:
        print(f"package {report.package_id} from {report.sender_device} was imported before; "
              "nothing changed")
    else:
        print(f"package {report.package_id} from {report.sender_device}:")
        for kind, outcomes in report.by_kind.items():
            print(f"  {kind:<12} " + ", ".join(f"{o} {n:,}" for o, n in outcomes.items()))
    if report.conflicts:
        print(f"{report.conflicts:,} conflict(s) left for a person to resolve: "
              "see `forensics conflicts`")
    if report.receipt_path:
        print(f"receipt written to {report.receipt_path}")


def cmd_package_receipt(args: argparse.Namespace, store: Any) -> int:
    from forensics_gui.services.exchange import packages

    report = packages.import_receipt(store, args.file)
    if _json(args):
        print_json(report)
        return 0
    outcomes = ", ".join(f"{o} {n:,}" for o, n in report.outcomes.items())
    print(f"package {report.package_id} confirmed by {report.receiving_device} ({outcomes}): "
          f"{report.delivered:,} record versions now delivered; {report.undelivered:,} "
          "records not yet delivered")
    return 0


def cmd_package_status(args: argparse.Namespace, store: Any) -> int:
    from forensics_gui.services.exchange import packages

    status = packages.status(store)
    if _json(args):
        print_json(status)
        return 0
    print(f"this store: {status.identity.device_name} ({status.identity.store_id})")
    print(f"packages sent {status.sent:,} ({status.awaiting_receipt:,} awaiting their receipt), "
          f"received {status.received:,}")
    undelivered = ", ".join(f"{k} {n:,}" for k, n in status.undelivered.items())
    print(f"not yet delivered: {undelivered or 'nothing'}")
    print(f"open conflicts: {status.open_conflicts:,}")
    for entry in status.recent:
        peer = entry.peer_device or "(no receipt yet)"
        print(f"  {entry.recorded_at:%Y-%m-%d %H:%M}  {entry.direction:<8}  {entry.id}  "
              f"{entry.record_count:>7,} records  {cell(peer, 30)}")
    return 0


def cmd_package_device(args: argparse.Namespace, store: Any) -> int:
    from forensics_gui.services.exchange import packages

    if args.name is None and not args.new_id:
        found = packages.identity(store)
    else:
        found = packages.set_device(store, args.name, new_id=args.new_id)
    if _json(args):
        print_json(found)
    else:
        print(f"{found.device_name} (store {found.store_id})")
    return 0


# ------------------------------------------------------------------------------ conflicts
def cmd_conflicts_list(args: argparse.Namespace, store: Any) -> int:
    from forensics_gui.services.exchange import conflicts

    found = conflicts.open_conflicts(store, include_closed=getattr(args, "all", False))
    if _json(args):
        print_json(found)
        return 0
    if not found:
        print("no conflict waiting for a decision")
    for c in found:
        state = c.state if c.state != "resolved" else f"kept {c.kept}"
        print(f"{c.id}  {c.kind_label:<20}  {cell(c.title, 40):<40}  from "
              f"{cell(c.sender_device, 20):<20}  {state}  differs: "
              f"{cell(', '.join(c.differing), 50)}")
    return 0


def cmd_conflicts_show(args: argparse.Namespace, store: Any) -> int:
    from forensics_gui.services.exchange import conflicts

    detail = conflicts.show(store, args.id)
    if _json(args):
        print_json(detail)
        return 0
    c = detail.conflict
    print(f"{c.kind_label} {c.title} ({c.record_id})")
    print(f"theirs: version {c.their_version} from {c.sender_device}, package {c.package_id}; "
          f"made by {detail.theirs_made}, changed by {detail.theirs_changed}")
    decided = f" (kept {c.kept} by {c.resolved_by}: {c.reason})" if c.kept else ""
    print(f"ours: version {c.our_version} when the conflict arose; state: {c.state}{decided}")
    width = max(len(p.label) for p in detail.fields)
    for pair in detail.fields:
        mark = "≠" if pair.differs else " "
        print(f"{mark} {pair.label:<{width}}  ours: {cell(pair.ours, 40):<40}  theirs: "
              f"{cell(pair.theirs, 40)}")
    return 0


def cmd_conflicts_resolve(args: argparse.Namespace, store: Any) -> int:
    from forensics_gui.services.exchange import conflicts

    done = conflicts.resolve(store, args.id, args.keep, args.reason)
    if _json(args):
        print_json(done)
    else:
        print(f"conflict {done.id} resolved: kept {done.kept} ({done.title})")
    return 0


# ------------------------------------------------------------------------------ sync
def cmd_sync(args: argparse.Namespace, store: Any) -> int:
    from forensics_gui.services.exchange import sync

    report = sync.sync(store, args.target)
    if _json(args):
        print_json(report)
    else:
        print(f"merged into {report.target}")
        _print_import(report.imported)
        print(f"{report.receipt.delivered:,} record versions now delivered; "
              f"{report.receipt.undelivered:,} not yet delivered")
    return EXIT_OPEN_CONFLICTS if report.imported.conflicts else 0
