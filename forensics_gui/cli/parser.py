"""The command line's grammar, built from the record kinds' field specs.

Only the grammar of the command being run is built (and only its module loaded): a script
calling `forensics` in a loop pays for one command, not for fifty. Every command's name and
one-line help are listed here, so that `forensics --help` costs nothing more.
"""

from __future__ import annotations

import argparse
import math
from collections.abc import Callable, Sequence
from typing import NoReturn

from forensics_gui.cli import commands as c
from forensics_gui.core.fields import KINDS, WITHDRAWABLE, WITHDRAWN_SHOWN, FieldSpec
from forensics_gui.core.search import SEARCH_KINDS

HIDDEN_KINDS = ()
# Kinds whose records are also reached through a workflow command, said where both are listed.
KIND_HELP = {"list": "sanctions list versions one record at a time (to import and see them "
                     "all: `lists`)",
             "match": "screening matches one record at a time (to decide: `matches`)"}
EXIT_CODES = ("Exit codes: 0 done; 1 nothing found or a problem found (search, chains, "
              "datecode: nothing found or read; verify, db check: a problem; a question "
              "answered no; package import, sync: conflicts left open; import: rows "
              "refused); 2 bad input (backup, restore: a backup that fails its check); "
              "3 not found; 4 conflict with another user's change; "
              "5 refused by a rule of the store; 6 store unavailable; 70 a bug.")


class Parser(argparse.ArgumentParser):
    """Usage errors as one line, like every other user error of the command line."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"forensics: error: {message} (see `{self.prog} --help`)\n")


def option_name(spec: FieldSpec) -> str:
    """The option for a field: references drop their '_id' ('--system-type', '--source')."""
    name = spec.name.removesuffix("_ids").removesuffix("_id")
    return "--" + name.replace("_", "-")


def _common(json_flag: bool) -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--store", default=argparse.SUPPRESS,
                        help="SQLite file, postgresql:// URL or service:NAME "
                             "(default: $FORENSICS_STORE or the local store)")
    common.add_argument("--read-only", action="store_true", default=argparse.SUPPRESS,
                        help="open the store read-only: nothing can be written (a store you "
                             "may not write to is always opened so)")
    if json_flag:
        common.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                            help="print JSON for scripts")
    return common


def _field_options(parser: argparse.ArgumentParser, kind: str) -> None:
    for spec in KINDS[kind].fields:
        extra = f" ({', '.join(spec.choices)})" if spec.choices else ""
        hint = {"list": "; several separated by ';'", "refs": "; repeat for several",
                "date": " (YYYY-MM-DD)", "datetime": " (YYYY-MM-DD HH:MM)",
                "ref": ": id or name"}.get(spec.type, "")
        # References also answer to their field's name ('--part-id' as well as '--part').
        aliases = ("--" + spec.name.replace("_", "-"),) if spec.type == "ref" else ()
        parser.add_argument(option_name(spec), *aliases, dest=f"field_{spec.name}",
                            action="append" if spec.type == "refs" else "store",
                            metavar=spec.type.upper() if spec.type != "text" else "TEXT",
                            help=f"{spec.label}{extra}{hint}{' ' + spec.help if spec.help else ''}")


def _kind_grammar(kind_parser: argparse.ArgumentParser, kind: str) -> None:
    spec = KINDS[kind]
    verbs = kind_parser.add_subparsers(dest="verb", metavar="VERB")
    listing = verbs.add_parser("list", help=f"list {spec.plural}", parents=[_common(True)])
    listing.add_argument("--sort", default="", help="field to sort by")
    listing.add_argument("--desc", action="store_true", help="sort in descending order")
    listing.add_argument("--limit", type=int, default=50, help="rows per page (default 50)")
    listing.add_argument("--cursor", help="continue after the page that printed this cursor")
    listing.add_argument("--all", action="store_true", help="every page, not only the first")
    listing.add_argument("--filter", action="append", default=[], metavar="FIELD=VALUE",
                         help="only records whose field has this value (repeatable)")
    listing.add_argument("--contains", default="", help=f"text in the {spec.title_field}")
    if kind in WITHDRAWABLE:
        listing.add_argument("--withdrawn", choices=WITHDRAWN_SHOWN, default="hide",
                             help="withdrawn records: hide (default), include or only")
    listing.set_defaults(handler=c.cmd_list, kind=kind)
    show = verbs.add_parser("show", help=f"show one {spec.label}", parents=[_common(True)])
    show.add_argument("ref", help="id or name")
    show.set_defaults(handler=c.cmd_show, kind=kind)
    if kind == "photo":
        _photo_commands(verbs)
    else:
        add = verbs.add_parser("add", help=f"add a {spec.label}", parents=[_common(True)])
        _field_options(add, kind)
        add.set_defaults(handler=c.cmd_add, kind=kind)
    edit = verbs.add_parser("edit", help=f"change a {spec.label}", parents=[_common(True)])
    edit.add_argument("ref", help="id or name")
    edit.add_argument("--expect-version", type=int, dest="expected_version",
                      help="refuse if the record is no longer at this version")
    _field_options(edit, kind)
    edit.set_defaults(handler=c.cmd_edit, kind=kind)
    if kind in WITHDRAWABLE:
        _withdraw_command(verbs, kind)
    remove = verbs.add_parser("delete", help=f"delete a {spec.label}" + (
        " (refused: evidence is withdrawn)" if kind in WITHDRAWABLE else ""),
        parents=[_common(True)])
    remove.add_argument("ref", help="id or name")
    remove.add_argument("--expect-version", type=int, dest="expected_version")
    remove.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    remove.set_defaults(handler=c.cmd_delete, kind=kind)
    history = verbs.add_parser("history", help="audit trail of one record",
                               parents=[_common(True)])
    history.add_argument("ref", help="id or name")
    history.set_defaults(handler=c.cmd_history, kind=kind)
    if kind == "item":
        _custody_commands(verbs)


def _withdraw_command(verbs: argparse._SubParsersAction, kind: str) -> None:
    spec = KINDS[kind]
    withdraw = verbs.add_parser(
        "withdraw", help=f"withdraw a {spec.label} with a reason: kept in the store and its "
                         "history, hidden from lists", parents=[_common(True)])
    withdraw.add_argument("ref", help="id or name")
    withdraw.add_argument("--reason", required=True, help="why it is withdrawn")
    withdraw.add_argument("--expect-version", type=int, dest="expected_version",
                          help="refuse if the record is no longer at this version")
    withdraw.set_defaults(handler=c.cmd_withdraw, kind=kind)


def _purge_grammar(purge: argparse.ArgumentParser) -> None:
    purge.description = ("Erase a recovered item, finding or photo for good, with everything "
                         "recorded with it (an administrator's decision). The audit trail "
                         "keeps a full copy of the values erased.")
    purge.add_argument("kind", choices=WITHDRAWABLE)
    purge.add_argument("ref", help="id or name")
    purge.add_argument("--reason", required=True, help="why it is erased")
    purge.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    purge.set_defaults(handler=c.cmd_purge)


MAX_MB = 1_000_000  # a terabyte: far above any picture, low enough to count in bytes


def megabytes(text: str) -> float:
    """A size in megabytes for --max-mb: a finite number above 0, at most MAX_MB."""
    try:
        number = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text[:40]!r} is not a number of megabytes "
                                         "(e.g. 200)") from None
    if not (math.isfinite(number) and 0 < number <= MAX_MB):
        raise argparse.ArgumentTypeError(f"{text[:40]!r} is not a size: give a number of "
                                         f"megabytes above 0 and at most {MAX_MB:,}")
    return number


def _photo_commands(verbs: argparse._SubParsersAction) -> None:
    add = verbs.add_parser("add", help="add picture files or folders to an item or a finding",
                           parents=[_common(True)])
    add.add_argument("files", nargs="+", help="picture files (JPEG, PNG, TIFF, WebP, HEIC) "
                                              "or folders holding them")
    target = add.add_mutually_exclusive_group(required=True)
    target.add_argument("--item", help="recovered item (id or case reference)")
    target.add_argument("--finding", help="component finding (id)")
    add.add_argument("--caption", default="")
    add.add_argument("--max-mb", type=megabytes, default=200,
                     help=f"largest file accepted (MB, above 0 and at most {MAX_MB:,})")
    add.set_defaults(handler=c.cmd_photo_add, kind="photo")
    export = verbs.add_parser("export", help="write photos to a folder: redacted copies (no GPS "
                              "or identifying metadata) unless --original",
                              parents=[_common(True)])
    export.add_argument("ids", nargs="+", help="photo ids")
    export.add_argument("--to", required=True, dest="folder", help="target folder")
    export.add_argument("--original", action="store_true",
                        help="the originals byte for byte (for use inside the organisation)")
    export.set_defaults(handler=c.cmd_photo_export, kind="photo")


def _custody_commands(verbs: argparse._SubParsersAction) -> None:
    transfer = verbs.add_parser("transfer", help="record a transfer of custody",
                                parents=[_common(True)])
    transfer.add_argument("ref", help="id or case reference of the item")
    transfer.add_argument("--released-by", required=True)
    transfer.add_argument("--received-by", required=True)
    transfer.add_argument("--at", dest="occurred_at", help="when (default: now)")
    transfer.add_argument("--place", default="")
    transfer.add_argument("--purpose", default="")
    transfer.add_argument("--notes", default="")
    transfer.set_defaults(handler=c.cmd_transfer, kind="item")
    custody = verbs.add_parser("custody", help="chain of custody and current custodian",
                               parents=[_common(True)])
    custody.add_argument("ref", help="id or case reference of the item")
    custody.set_defaults(handler=c.cmd_custody, kind="item")
    correct = verbs.add_parser("correct-transfer", help="record how a transfer should have "
                               "read (the wrong one stays in the history)",
                               parents=[_common(True)])
    correct.add_argument("event", help="id of the custody event to correct")
    correct.add_argument("--reason", required=True, help="why it is corrected")
    for option in ("--released-by", "--received-by", "--place", "--purpose", "--notes"):
        correct.add_argument(option, help="the corrected value (default: as recorded)")
    correct.add_argument("--at", dest="occurred_at", help="the corrected time")
    correct.set_defaults(handler=c.cmd_correct_transfer, kind="item")
    withdraw = verbs.add_parser("withdraw-transfer", help="record that a transfer did not "
                                "happen as recorded (it stays in the history)",
                                parents=[_common(True)])
    withdraw.add_argument("event", help="id of the custody event to withdraw")
    withdraw.add_argument("--reason", required=True, help="why it is withdrawn")
    withdraw.set_defaults(handler=c.cmd_withdraw_transfer, kind="item")


def _db_grammar(db: argparse.ArgumentParser) -> None:
    db_verbs = db.add_subparsers(dest="verb", metavar="VERB")
    for verb, text, handler in (
            ("upgrade", "bring the schema to the newest version", c.cmd_db_upgrade),
            ("current", "show the schema version", c.cmd_db_current),
            ("check", "check the schema and the data's integrity (exit code 1 when there is "
                      "a problem)", c.cmd_db_check)):
        db_verbs.add_parser(verb, help=text, parents=[_common(True)]).set_defaults(
            handler=handler)
    from forensics_gui.cli import logins

    logins.build(db_verbs, _common)


def _history_grammar(history: argparse.ArgumentParser) -> None:
    history.add_argument("--limit", type=int, default=50)
    history.add_argument("--database", action="store_true",
                         help="also the changes the database recorded itself, statement by "
                              "statement (PostgreSQL: psql and other tools included)")
    history.set_defaults(handler=c.cmd_history, kind=None, ref=None)


_SEARCH_FILTERS = (
    ("--system", "system_id", "weapon system type (name or id)"),
    ("--item", "item_id", "recovered item (case reference or id)"),
    ("--maker", "manufacturer_id", "manufacturer (name or id); its predecessors included"),
    ("--maker-country", "manufacturer_country", "manufacturer's country (2-letter code)"),
    ("--chpl-tier", "chpl_tier", "CHPL tier, e.g. 1 or 3.A"),
    ("--hs", "hs_code", "HS code or its beginning, e.g. 8542"),
    ("--made-after", "produced_after", "produced on or after (YYYY-MM-DD, from date codes)"),
    ("--made-before", "produced_before", "produced on or before (YYYY-MM-DD)"),
    ("--sanctioned", "sanctioned",
     "yes: a designated company is in the part's supply chain; no: none is"),
    ("--confidence", "confidence", "identification confidence"),
    ("--source", "source_id", "source cited by the finding (title or id)"),
)


def _search_grammar(search: argparse.ArgumentParser) -> None:
    search.description = ("Search by part number (case, separators and misread characters "
                          "tolerated), marking, maker (aliases, successors and predecessors "
                          "included), system, case reference or source. With filters, parts "
                          "and findings only. Exit code 1 when nothing is found.")
    search.add_argument("query", nargs="?", default="", help="what to look for")
    search.add_argument("--kind", action="append", choices=SEARCH_KINDS, dest="kinds",
                        help="only this kind of record (repeatable)")
    search.add_argument("--limit", type=int, default=50, help="records per kind (default 50)")
    for option, name, text in _SEARCH_FILTERS:
        search.add_argument(option, dest=f"filter_{name}", help=text)
    search.add_argument("--export", metavar="FILE", help="also write the results to a .csv or "
                                                         ".xlsx file")
    search.add_argument("--save", metavar="NAME", help="keep this search under a name")
    search.add_argument("--replace", action="store_true", help="with --save: replace a saved "
                                                               "search of that name")
    search.add_argument("--saved", metavar="NAME", help="run a saved search")
    search.set_defaults(handler=c.cmd_search)


def _seen_grammar(seen: argparse.ArgumentParser) -> None:
    seen.add_argument("kind", choices=("part", "org", "finding"))
    seen.add_argument("ref", help="id or name (part number, organization name)")
    seen.set_defaults(handler=c.cmd_seen)


def _datecode_grammar(code: argparse.ArgumentParser) -> None:
    code.add_argument("code")
    code.add_argument("--not-after", help="latest possible date, e.g. the recovery date")
    code.set_defaults(handler=c.tool_datecode, store_free=True)


def _hs_grammar(hs: argparse.ArgumentParser) -> None:
    hs.add_argument("code")
    hs.set_defaults(handler=c.tool_hs, store_free=True)


def _partnumber_grammar(pn: argparse.ArgumentParser) -> None:
    pn.add_argument("number")
    pn.set_defaults(handler=c.tool_partnumber, store_free=True)


Grammar = Callable[[argparse.ArgumentParser], None]


def _handler(handler: Callable[..., int], **defaults: object) -> Grammar:
    return lambda parser: parser.set_defaults(handler=handler, **defaults)


# The feature modules load only for their own commands.
def _supply(name: str) -> Grammar:
    def grammar(parser: argparse.ArgumentParser) -> None:
        from forensics_gui.cli import supply

        supply.build(name, parser)
    return grammar


def _interchange(name: str) -> Grammar:
    def grammar(parser: argparse.ArgumentParser) -> None:
        from forensics_gui.cli import interchange

        interchange.build(name, parser, _common)
    return grammar


def _screening(name: str) -> Grammar:
    def grammar(parser: argparse.ArgumentParser) -> None:
        from forensics_gui.cli import screening

        screening.build(name, parser, _common)
    return grammar


def _briefs(parser: argparse.ArgumentParser) -> None:
    from forensics_gui.cli import briefs

    briefs.build(parser)


def _stats(parser: argparse.ArgumentParser) -> None:
    from forensics_gui.cli import stats

    stats.build(parser)


def _audit(parser: argparse.ArgumentParser) -> None:
    from forensics_gui.cli import auditing

    auditing.build(parser, _common)


def _import(parser: argparse.ArgumentParser) -> None:
    from forensics_gui.cli import importing

    importing.build(parser)


def _identify(parser: argparse.ArgumentParser) -> None:
    from forensics_gui.cli import identify

    identify.build(parser)


def _exchange(name: str) -> Grammar:
    def grammar(parser: argparse.ArgumentParser) -> None:
        from forensics_gui.cli import exchange

        exchange.build(name, parser, _common)
    return grammar

def _backups(name: str) -> Grammar:
    def grammar(parser: argparse.ArgumentParser) -> None:
        from forensics_gui.cli import backups

        backups.build(name, parser, _common)
    return grammar


# name: (one-line help, the command's own options come from `_common`, its grammar)
COMMANDS: dict[str, tuple[str, bool, Grammar]] = {
    "init": ("create the store (and bring an old one up to date)", True,
             _handler(c.cmd_init, creates_store=True)),
    "demo": ("load the demo data set (creates the store if needed)", True,
             _handler(c.cmd_demo, creates_store=True)),
    "info": ("what the store holds", True, _handler(c.cmd_info)),
    "db": ("schema version: upgrade, current, check (exit code 1 when the check finds a "
           "problem); a shared store's roles, logins and clearances", False, _db_grammar),
    "verify": ("check every photo and original: mismatches, photos without their original, "
               "originals without a photo (exit code 1 when there is any)", True,
               _handler(c.cmd_verify)),
    "history": ("the newest audit events of the whole store", True, _history_grammar),
    "backup": ("write a checked backup of the store to a file or folder (exit code 2 when "
               "the check fails)", True, _backups("backup")),
    "restore": ("restore a backup: a SQLite store (--replace keeps the one there aside) or "
                "a PostgreSQL dump into an empty database", False, _backups("restore")),
    "audit": ("the audit trail's hash chain: verify it (exit code 1 when it does not hold), "
              "or print its head", False, _audit),
    "purge": ("erase a recovered item, finding or photo for good (administrators; the audit "
              "trail keeps a copy)", True, _purge_grammar),
    **{kind: (KIND_HELP.get(kind, KINDS[kind].plural), False,
              lambda p, k=kind: _kind_grammar(p, k))
       for kind in KINDS if kind not in HIDDEN_KINDS},
    "search": ("find parts, markings, makers, systems, items and sources (exit code 1 when "
               "nothing is found)", True, _search_grammar),
    "seen": ("where else a part, a maker or a finding's part was found", True, _seen_grammar),
    "reindex": ("rebuild the search index from the records", True, _handler(c.cmd_reindex)),
    "links": ("supply links of a part, a finding or an organization, with designation "
              "timing", True, _supply("links")),
    "chains": ("probable supply chains of a part or finding, from its maker to a Russian "
               "importer or end user, best first (exit code 1 when there is none)", True,
               _supply("chains")),
    "gap": ("parts and companies whose chains pass through no designated company (the maker "
            "apart), with the evidence behind each link", True, _supply("gap")),
    "import": ("add the rows of a CSV or Excel file as findings, parts, organizations, "
               "recovered items or supply links, in one transaction (the HUR and KSE/RUSI "
               "component lists as published)", True, _import),
    "export": ("write organizations, designations and supply links for other tools "
               "(FollowTheMoney, GraphML); lists or the whole store as CSV, Excel or JSON; "
               "recovery places as GeoJSON", False, _interchange("export")),
    "graph": ("the organizations and supply links of a part, a finding, an organization or "
              "the whole store", True, _interchange("graph")),
    "lists": ("sanctions lists: `versions` shows the versions imported (also `lists` "
              "alone), `import` adds one from the files downloaded", True,
              _screening("lists")),
    "screen": ("screen every organization against the newest version of each list", True,
               _screening("screen")),
    "matches": ("screening candidates and decisions; confirm or reject one", True,
                _screening("matches")),
    "stats": ("the analytics figures: makers' countries, CHPL tiers, production after the "
              "invasion, by system type...", True, _stats),
    "brief": ("write a PDF brief: teardown report of an item, dossier of a part or maker, "
              "summary of a system type, or the sanctions gap", True, _briefs),
    "identify": ("propose the maker, family and category of a marking or part number, or of "
                 "every row of a CSV file (the store's own rules too when there is a store)",
                 True, _identify),
    "package": ("case packages between an offline laptop and the shared store: export, "
                "import (exit code 1 when conflicts are left open), receipt, status, device",
                False, _exchange("package")),
    "conflicts": ("records changed both here and on a sending device: list, show, resolve "
                  "(keep ours or take theirs)", True, _exchange("conflicts")),
    "sync": ("merge this store's undelivered records straight into another store (exit code "
             "1 when conflicts are left open)", True, _exchange("sync")),
    "datecode": ("read a date code (no store needed; exit code 1 when it cannot be read)",
                 True, _datecode_grammar),
    "hs": ("check an HS code and its CHPL tier", True, _hs_grammar),
    "partnumber": ("search key and misread candidates of a part number", True,
                   _partnumber_grammar),
}


def chosen_command(argv: Sequence[str]) -> str | None:
    """The command named on the command line (the first word that is not an option)."""
    words = iter(argv)
    for word in words:
        if word == "--store":
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None


class _Version(argparse.Action):
    """`--version`: the version line, read only when asked for (it loads the store layer)."""

    def __call__(self, parser: argparse.ArgumentParser, *_args: object) -> None:
        from forensics_gui.services.stores import version_line

        print(version_line("forensics"))
        parser.exit()


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The `forensics` argument parser, with the grammar of the command in `argv` (every
    command's, when `argv` is None: for documentation and tests)."""
    parser = Parser(
        prog="forensics", parents=[_common(True)],
        description="Forensic database of components found in recovered weapons.",
        epilog=EXIT_CODES)
    parser.add_argument("--version", action=_Version, nargs=0,
                        help="print the version and the store schema it writes, then exit")
    sub = parser.add_subparsers(metavar="COMMAND")
    wanted = chosen_command(argv) if argv is not None else None
    for name, (text, common, grammar) in COMMANDS.items():
        command = sub.add_parser(name, help=text, parents=[_common(True)] if common else [])
        if argv is None or wanted == name:
            grammar(command)
    return parser
