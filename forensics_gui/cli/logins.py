"""`forensics db roles | logins | login | whoami`: the roles, logins and clearances of a
shared PostgreSQL store."""

from __future__ import annotations

import argparse
import getpass
from collections.abc import Callable
from typing import Any

from forensics_gui.cli.output import print_json

CommonOptions = Callable[[bool], argparse.ArgumentParser]

ROLES_HELP = (
    "Set up a shared PostgreSQL store's roles (as a PostgreSQL superuser, once, and again "
    "after an upgrade does no harm): an owner role nobody logs in as gets the tables and the "
    "functions behind the triggers; the groups forensics_viewer, forensics_editor and "
    "forensics_admin get their rights, and nothing more, on every table; administrators "
    "manage logins through functions only they may call.")


def build(verbs: Any, common: CommonOptions) -> None:
    """Add the verbs to `forensics db`'s subparsers."""
    roles = verbs.add_parser("roles", parents=[common(True)], description=ROLES_HELP,
                             help="set up the roles and grants of a shared PostgreSQL store")
    roles.set_defaults(handler=cmd_roles)
    listing = verbs.add_parser("logins", parents=[common(True)],
                               help="the store's logins with their group and clearance "
                                    "(administrators)")
    listing.set_defaults(handler=cmd_logins)
    login = verbs.add_parser(
        "login", parents=[common(True)],
        help="add a login or change its group, clearance or password; or disable it "
             "(administrators)",
        description="Add a login to a shared store, or change it. Its clearance is the "
                    "highest handling marking it may read: records marked above it are "
                    "hidden from it everywhere, psql included.")
    login.add_argument("name", help="the login name (lower-case letters, digits, . - _)")
    login.add_argument("--group", choices=("viewer", "editor", "admin"),
                       help="viewer reads; editor adds and changes records; admin also "
                            "deletes, manages markings and logins")
    login.add_argument("--clearance", metavar="MARKING",
                       help="the highest handling marking it may read, e.g. OFFICIAL")
    login.add_argument("--password", action="store_true",
                       help="ask for a new password (typed twice, never shown)")
    login.add_argument("--disable", action="store_true",
                       help="stop the login from logging in (it stays on record)")
    login.set_defaults(handler=cmd_login)
    whoami = verbs.add_parser("whoami", parents=[common(True)],
                              help="who the store is open as: login, group, clearance")
    whoami.set_defaults(handler=cmd_whoami)


def cmd_roles(args: argparse.Namespace, store: Any) -> int:
    from forensics_gui.services import access
    done = access.set_up_roles(store)
    if getattr(args, "json", False):
        print_json({"created_roles": list(done.created_roles), "tables": done.tables,
                    "functions": done.functions})
        return 0
    made = ", ".join(done.created_roles) or "none (they existed)"
    print(f"roles created: {made}\n{done.tables} tables, views and sequences and "
          f"{done.functions} functions given to the owner role; each group granted its rights")
    print("next: `forensics db login NAME --group editor --clearance OFFICIAL --password` "
          "for each person")
    return 0


def cmd_logins(args: argparse.Namespace, store: Any) -> int:
    from forensics_gui.services import access
    found = access.logins(store)
    if getattr(args, "json", False):
        print_json([vars(login) for login in found])
        return 0
    if not found:
        print("no logins yet: add one with `forensics db login NAME --group ... "
              "--clearance ...`")
    for login in found:
        state = "" if login.can_log_in else "  (disabled)"
        print(f"{login.login:<24} {access.GROUP_LABELS.get(login.group, login.group):<14} "
              f"{login.clearance:<20} changed {login.changed_at} by {login.changed_by}{state}")
    return 0


def cmd_login(args: argparse.Namespace, store: Any) -> int:
    from forensics_gui.core.errors import ValidationError
    from forensics_gui.services import access
    if args.disable:
        if args.group or args.clearance or args.password:
            raise ValidationError("--disable", "give --disable alone")
        access.disable_login(store, args.name)
        print(f"{args.name} may no longer log in; what it did stays on record")
        return 0
    if not args.group or not args.clearance:
        raise ValidationError("login", "give --group and --clearance (or --disable)")
    password = None
    if args.password:
        password = getpass.getpass(f"New password for {args.name}: ")
        if password != getpass.getpass("The same again: "):
            raise ValidationError("--password", "the two passwords differ; nothing changed")
        if not password:
            raise ValidationError("--password", "an empty password; nothing changed")
    access.set_login(store, args.name, args.group, args.clearance, password)
    print(f"{args.name}: {access.GROUP_LABELS[args.group]}, cleared to {args.clearance}"
          + (", password set" if password else ""))
    return 0


def cmd_whoami(args: argparse.Namespace, store: Any) -> int:
    from forensics_gui.services import access
    standing = access.standing(store)
    if getattr(args, "json", False):
        print_json(vars(standing))
    else:
        print(access.describe(standing))
    return 0
