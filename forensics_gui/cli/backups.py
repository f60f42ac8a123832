"""`forensics backup` and `forensics restore`: a checked copy of the store, and the way back.

Both call the same services as the desktop client's File menu. Exit code 2 when the backup
fails its check or the place named is refused (nothing is changed then).
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from typing import Any

from forensics_gui.cli.output import print_json
from forensics_gui.core.backups import counted

Common = Callable[[bool], argparse.ArgumentParser]


class _Progress:
    """Progress on stderr while a terminal watches; scripts get none."""

    def __init__(self) -> None:
        self.shown = sys.stderr.isatty()

    def report(self, done: int, total: int, text: str = "") -> None:
        if self.shown and text:
            sys.stderr.write(f"\r\x1b[K{text}")
            sys.stderr.flush()

    def check(self) -> None:
        return None

    def end(self) -> None:
        if self.shown:
            sys.stderr.write("\r\x1b[K")


def _password(where: str) -> str | None:
    """Asked for only at a terminal: a script gets libpq's own answer instead."""
    if not sys.stdin.isatty():
        return None
    return getpass.getpass(f"Password for {where}: ")


def build(name: str, parser: argparse.ArgumentParser, common: Common) -> None:
    """The grammar of `forensics backup` or `forensics restore` on its command's parser."""
    if name == "backup":
        parser.description = (
            "Write a backup of the store and check it. SQLite: one consistent copy of the "
            "store file (taken safely while others write), its pictures inside it. "
            "PostgreSQL: pg_dump --format=custom (the PostgreSQL client programs must be "
            "installed). The backup is read back and checked before it gets its name; exit "
            "code 2 when it fails.")
        parser.add_argument("destination", metavar="DEST",
                            help="the backup file to write (it must not exist yet), or a "
                                 "folder to write it into under a name with the date and time")
        parser.set_defaults(handler=cmd_backup)
        return
    parser.description = (
        "Restore a backup. A SQLite backup becomes the store named by --store (else "
        "$FORENSICS_STORE, else the local store); a store already there is replaced only with "
        "--replace, and is first kept aside under a name with the date and time. A PostgreSQL "
        "dump is restored into an existing, empty database. The backup is checked first and "
        "refused (exit code 2) when it fails. Close other programs using the store first.")
    parser.add_argument("backup", help="the backup file (.sqlite, or a .dump of pg_dump)")
    parser.add_argument("--store", default=argparse.SUPPRESS,
                        help="the store to restore into (SQLite file or the postgresql:// URL "
                             "of an empty database)")
    parser.add_argument("--replace", action="store_true",
                        help="replace the SQLite store there (it is kept aside first)")
    parser.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                        help="print JSON for scripts")
    parser.set_defaults(handler=cmd_restore, store_free=True)


def cmd_backup(args: argparse.Namespace, store: Any) -> int:
    from forensics_gui.services import backups

    progress = _Progress()
    try:
        report = backups.back_up(store, args.destination, control=progress)
    finally:
        progress.end()
    if getattr(args, "json", False):
        print_json(report)
        return 0
    check = report.check
    print(f"backed up {report.source} to {report.path} ({report.byte_size:,} bytes, "
          f"{report.seconds:.1f} s)")
    print(f"checked: {', '.join(check.checks)}: no problem found")
    print(f"schema {report.revision}; it holds {counted(check.counts)}"
          if report.kind == "sqlite" else f"schema {report.revision}; "
          f"{len(check.counts)} tables' data")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from forensics_gui.services import backups

    progress = _Progress()
    try:
        report = backups.restore(args.backup, getattr(args, "store", None),
                                 replace=args.replace, prompt=_password, control=progress)
    finally:
        progress.end()
    if getattr(args, "json", False):
        print_json(report)
        return 0
    print(f"restored {report.backup} into {report.store}")
    print(f"checked before it took the store's place: {', '.join(report.check.checks)}")
    if report.check.kind == "sqlite":
        print(f"schema {report.check.revision}; it holds {counted(report.check.counts)}")
    if report.kept_aside:
        print(f"the store as it was is kept at {report.kept_aside}")
    return 0
