"""What each command does: calls the services, prints for people or for scripts."""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections.abc import Callable
from datetime import date
from typing import Any

from forensics_gui.cli.output import (
    LIST_COLUMNS,
    plain,
    print_json,
    print_record,
    print_results,
    print_seen,
    print_table,
)
from forensics_gui.core.errors import StoreError, ValidationError
from forensics_gui.core.fields import KINDS, WITHDRAWABLE

Prompt = Callable[[str], str | None]


def run(args: argparse.Namespace, prompt: Prompt) -> int:
    """Run the command chosen on the command line; returns the exit code."""
    handler = args.handler
    if getattr(args, "store_free", False):
        return handler(args)
    store = _open_store(args, prompt)
    try:
        for warning in store.warnings:
            print(f"forensics: warning: {warning}", file=sys.stderr)
        if store.backup_path:
            print(f"forensics: upgraded the store; the old version is kept at "
                  f"{store.backup_path}", file=sys.stderr)
        if store.read_only is not None:
            print(f"forensics: note: opened read-only: {store.read_only}", file=sys.stderr)
        return handler(args, store)
    finally:
        store.close()


def _open_store(args: argparse.Namespace, prompt: Prompt) -> Any:
    """The store named on the command line, opened (and created for `init` and `demo`).

    The store layers load here, only for commands that use a store (`datecode` answers at
    once). They build many objects that live as long as the process (the models, SQLAlchemy's
    tables): the cyclic collector walking them again and again while they load costs a fifth
    of a search, so it waits, and afterwards leaves them out of its walks.
    """
    gc.disable()
    try:
        from forensics_gui.services import stores

        opener = stores.init if getattr(args, "creates_store", False) else stores.open_existing
        return opener(getattr(args, "store", None), prompt=prompt,
                      read_only=getattr(args, "read_only", False))
    finally:
        gc.freeze()
        gc.enable()


def _json(args: argparse.Namespace) -> bool:
    return bool(getattr(args, "json", False))


def _field_values(args: argparse.Namespace) -> dict[str, Any]:
    return {k.removeprefix("field_"): v for k, v in vars(args).items()
            if k.startswith("field_") and v is not None}


def cmd_init(args: argparse.Namespace, store: Any) -> int:
    return cmd_info(args, store)


def cmd_demo(args: argparse.Namespace, store: Any) -> int:
    from forensics_gui.services import demo
    counts = demo.load_demo(store)
    if _json(args):
        print_json(counts)
    else:
        print(f"Loaded the demo data into {store.location.display}")
    return cmd_info(args, store) if not _json(args) else 0


def cmd_info(args: argparse.Namespace, store: Any) -> int:
    from forensics_gui.services import stores
    summary = stores.summary(store)
    if _json(args):
        print_json(summary)
        return 0
    print(f"Store:   {summary.location} ({summary.kind}, schema {summary.schema_revision})")
    print(f"Acting as: {summary.user}" + (f" ({summary.access})" if summary.access else ""))
    if summary.read_only:
        print(f"Read-only: {summary.read_only}")
    for kind, n in summary.counts.items():
        label = KINDS[kind].plural if kind in KINDS else {"custody": "custody events",
                                                          "audit": "audit events"}[kind]
        gone = summary.withdrawn.get(kind)
        print(f"  {label:<26} {n:>9,}" + (f"  (and {gone:,} withdrawn)" if gone else ""))
    return 0


def cmd_db_current(args: argparse.Namespace, store: Any) -> int:
    from forensics_gui.services import stores
    revision, head = stores.current(store)
    if _json(args):
        print_json({"revision": revision, "head": head, "up_to_date": revision == head})
    else:
        print(f"{revision} (newest known: {head})")
    return 0


def cmd_db_upgrade(args: argparse.Namespace, store: Any) -> int:
    from forensics_gui.services import stores
    revision = stores.upgrade(store)
    print_json({"revision": revision}) if _json(args) else print(f"schema at {revision}")
    return 0


def cmd_db_check(args: argparse.Namespace, store: Any) -> int:
    from forensics_gui.services import stores
    problems = stores.check(store)
    if _json(args):
        print_json({"ok": not problems, "problems": problems})
    else:
        print("\n".join(problems) if problems else "the store is sound")
    return 0 if not problems else 1


def _filters(args: argparse.Namespace) -> dict[str, Any]:
    spec = KINDS[args.kind]
    names = {f.name for f in spec.fields}
    filters: dict[str, Any] = {}
    for text in args.filter:
        field, sep, value = text.partition("=")
        field = field.strip().replace("-", "_")
        field = next((n for n in (field, f"{field}_id") if n in names), field)
        if not sep:
            raise ValidationError("filter", f"{text!r} is not FIELD=VALUE")
        filters[field] = value
    return filters


def cmd_list(args: argparse.Namespace, store: Any) -> int:
    from forensics_gui.services import records
    pages, cursor = [], args.cursor
    while True:
        page = records.list_records(store, args.kind, filters=_filters(args),
                                    contains=args.contains, sort=args.sort,
                                    descending=args.desc, cursor=cursor, limit=args.limit,
                                    with_total=not pages,
                                    withdrawn=getattr(args, "withdrawn", "hide"))
        pages.append(page)
        cursor = page.next_cursor
        if not (args.all and cursor):
            break
    rows = [r for p in pages for r in p.rows]
    if _json(args):
        print_json({"rows": rows, "total": pages[0].total, "next_cursor": cursor})
        return 0
    print_table(rows, LIST_COLUMNS[args.kind])
    more = f"; more with --cursor {cursor}" if cursor else ""
    print(f"({len(rows)} of {pages[0].total}{more})", file=sys.stderr)
    return 0


def _show(args: argparse.Namespace, record: Any) -> int:
    print_json(record) if _json(args) else print_record(record)
    return 0


def cmd_show(args: argparse.Namespace, store: Any) -> int:
    from forensics_gui.services import records
    return _show(args, records.get(store, args.kind, args.ref))


def _cited_by_title(store: Any, values: dict[str, Any]) -> dict[str, Any]:
    """Sources may be given by title as well as by id (`--source "RUSI teardown"`)."""
    if values.get("source_ids"):
        from forensics_gui.cli.supply import source_id

        values["source_ids"] = [source_id(store, v) for v in values["source_ids"]]
    return values


def cmd_add(args: argparse.Namespace, store: Any) -> int:
    from forensics_gui.services import records
    values = _cited_by_title(store, _field_values(args))
    return _show(args, records.create(store, args.kind, values))


def cmd_edit(args: argparse.Namespace, store: Any) -> int:
    from forensics_gui.services import records
    changes = _cited_by_title(store, _field_values(args))
    if not changes:
        raise ValidationError("edit", "give at least one field to change (see --help)")
    # Compare-and-set, as in the GUI: the edit applies to the version read here, and is
    # refused (a conflict) when someone changed the record in between.
    version = args.expected_version
    if version is None:
        version = records.get(store, args.kind, args.ref).version
    return _show(args, records.update(store, args.kind, args.ref, version, changes))


def cmd_withdraw(args: argparse.Namespace, store: Any) -> int:
    from forensics_gui.services import records
    withdrawn = records.withdraw(store, args.kind, args.ref, args.expected_version, args.reason)
    if _json(args):
        print_json(withdrawn)
    else:
        print(f"withdrawn {KINDS[args.kind].label} {withdrawn.id}: {withdrawn.withdrawal_reason}")
    return 0


def cmd_purge(args: argparse.Namespace, store: Any) -> int:
    from forensics_gui.services import records
    label = KINDS[args.kind].label
    if not args.yes:
        if not sys.stdin.isatty():
            raise ValidationError("purge", "add --yes to purge without being asked")
        answer = input(f"Erase {label} {args.ref} and everything recorded with it for good? "
                       "The audit trail keeps a copy of its values. [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            print("nothing purged")
            return 1
    erased = records.purge(store, args.kind, args.ref, args.reason)
    if _json(args):
        print_json(erased)
    else:
        print(f"purged {label} {args.ref}: " + ", ".join(f"{n} {what}"
                                                        for what, n in erased.items()))
    return 0


def cmd_delete(args: argparse.Namespace, store: Any) -> int:
    from forensics_gui.services import records
    if args.kind in WITHDRAWABLE:  # refused with the way to withdraw it; nothing to ask
        records.delete(store, args.kind, args.ref, args.expected_version)
    affected = records.dependents(store, args.kind, args.ref)
    effects = [f"{effect} {n} {label}" for label, n, effect in affected]
    if not args.yes:
        if not sys.stdin.isatty():
            raise ValidationError("delete", "add --yes to delete without being asked")
        question = f"Delete {KINDS[args.kind].label} {args.ref}"
        answer = input(f"{question}{' (' + ', '.join(effects) + ')' if effects else ''}? [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            print("nothing deleted")
            return 1
    removed = records.delete(store, args.kind, args.ref, args.expected_version)
    if _json(args):
        print_json({"deleted": removed, "affected": [list(a) for a in affected]})
    else:
        print(f"deleted {KINDS[args.kind].label} {removed.id}")
    return 0


def cmd_history(args: argparse.Namespace, store: Any) -> int:
    from forensics_gui.services import audit
    events = audit.history(store, args.kind, args.ref, limit=getattr(args, "limit", 200),
                           database=getattr(args, "database", False))
    if _json(args):
        print_json(events)
        return 0
    for e in events:
        changes = ", ".join(f"{k}: {e.old_values.get(k)!r} → {v!r}"
                            for k, v in e.new_values.items() if k != "ids")
        print(f"{e.occurred_at:%Y-%m-%d %H:%M:%S}  {e.actor:<12} {e.action:<11} "
              f"{e.record_kind:<8} {e.record_id or ''}  {changes[:200]}")
    return 0


def cmd_transfer(args: argparse.Namespace, store: Any) -> int:
    from forensics_gui.services import custody
    values = {k: getattr(args, k) for k in ("released_by", "received_by", "occurred_at",
                                            "place", "purpose", "notes")}
    return _show(args, custody.record_transfer(store, args.ref, values))


def cmd_custody(args: argparse.Namespace, store: Any) -> int:
    from forensics_gui.services import custody
    events = custody.custody_history(store, args.ref)
    holder = custody.current_custodian(events)
    if _json(args):
        print_json({"current_custodian": holder, "events": events})
        return 0
    replaced = custody.replaced_by(events)
    for e in events:
        place = f"  at {e.place}" if e.place else ""
        purpose = f"  ({e.purpose})" if e.purpose else ""
        print(f"{e.occurred_at:%Y-%m-%d %H:%M}  {e.released_by} → {e.received_by}{place}"
              f"{purpose}{_custody_note(e, replaced.get(e.id))}  [{e.id}]")
    print(f"Current custodian: {holder or 'none recorded'}")
    return 0


def _custody_note(event: Any, later: Any) -> str:
    note = ""
    if event.action != "transfer":
        note = f"  {event.action.upper()} of {event.corrects_id}: {event.reason}"
    if later is not None:
        note += f"  ({'corrected' if later.action == 'correction' else 'withdrawn'} by " \
                f"{later.id})"
    return note


def cmd_correct_transfer(args: argparse.Namespace, store: Any) -> int:
    from forensics_gui.services import custody
    values = {k: getattr(args, k) for k in ("released_by", "received_by", "occurred_at",
                                            "place", "purpose", "notes")
              if getattr(args, k) is not None}
    return _show(args, custody.correct_transfer(store, args.event, values, args.reason))


def cmd_withdraw_transfer(args: argparse.Namespace, store: Any) -> int:
    from forensics_gui.services import custody
    return _show(args, custody.withdraw_transfer(store, args.event, args.reason))


def cmd_photo_add(args: argparse.Namespace, store: Any) -> int:
    from forensics_gui.services import photos
    limits = photos.ImageLimits(max_bytes=int(args.max_mb * 1024 * 1024))
    report = photos.add_photos(store, args.files, item=args.item, finding=args.finding,
                               caption=args.caption, limits=limits)
    print_json(report) if _json(args) else _print_added(report)
    if report.stopped is not None:  # the store could not take more
        return StoreError.exit_code
    return 2 if report.refused else 0


def _print_added(report: Any) -> None:
    for photo in report.added:
        print(f"added {photo.file_name}  {photo.sha256[:16]}…  {photo.id}")
    for path in report.already_attached:
        print(f"already attached: {path}")
    for refused in report.refused:
        print(f"forensics: refused: {refused.path}: {refused.reason}", file=sys.stderr)
    counts = (f"{len(report.added)} added, {len(report.already_attached)} already attached, "
              f"{len(report.refused)} refused")
    if report.stopped is not None:
        print(f"forensics: error: stopped at {report.stopped.path}: {report.stopped.reason}",
              file=sys.stderr)
        for path in report.not_attempted:
            print(f"forensics: not attempted: {path}", file=sys.stderr)
        counts += (f", 1 failed, {len(report.not_attempted)} not attempted; the photos added "
                   "before it stopped are kept: add the others again once the problem is solved")
    print(counts, file=sys.stderr)


def cmd_photo_export(args: argparse.Namespace, store: Any) -> int:
    from forensics_gui.services import photos, records
    ids = [records.parse_id("ids", i) for i in args.ids]
    written = photos.export(store, ids, args.folder, redacted=not args.original)
    if _json(args):
        print_json([str(p) for p in written])
    else:
        kind = "original" if args.original else "redacted"
        for path in written:
            print(f"{kind}: {path}")
    return 0


def cmd_verify(args: argparse.Namespace, store: Any) -> int:
    from forensics_gui.services import photos
    report = photos.verify(store)
    if _json(args):
        print_json({"problems": report.problems, **plain(report)})
    else:
        _print_verified(report)
    return 1 if report.problems else 0


def _print_verified(report: Any) -> None:
    for failure in report.failures:
        for photo in failure.photos or (None,):
            print(f"MISMATCH {failure.sha256[:16]}… now {failure.actual[:16]}… "
                  f"{_photo_origin(photo)}")
    for photo in report.photos_without_original:
        print(f"MISSING  {photo.sha256[:16]}… the original is not in the store: "
              f"{_photo_origin(photo)}")
    for original in report.originals_without_photo:
        print(f"UNUSED   {original.sha256[:16]}… no photo refers to this original: "
              f"{original.media_type}, {original.byte_size:,} bytes, stored by "
              f"{original.created_by}{_on(original.created_at)}")
    recorded = ("the check is recorded in the audit trail" if report.recorded else
                "the check is not recorded in the audit trail: the store is open read-only")
    print(f"{report.checked} originals and {report.photos_checked} photos checked: "
          f"{len(report.failures)} mismatches, {len(report.photos_without_original)} photos "
          f"without their original, {len(report.originals_without_photo)} originals without a "
          f"photo; {recorded}")
    if report.problems:
        print("Keep the store as it is and tell the person responsible for the evidence.")


def _photo_origin(photo: Any) -> str:
    """Which photo, of which item, added by whom and when."""
    if photo is None:
        return "(no photo uses it)"
    return (f"{photo.file_name} (item {photo.item_case_reference}, added by "
            f"{photo.created_by}{_on(photo.created_at)})")


def _on(moment: Any) -> str:
    return f" on {moment:%Y-%m-%d}" if moment else ""


def tool_datecode(args: argparse.Namespace) -> int:
    not_after = None
    if args.not_after:
        try:
            not_after = date.fromisoformat(args.not_after)
        except ValueError:
            raise ValidationError("not-after", f"{args.not_after!r} is not a date") from None
    from forensics_gui.core import datecodes

    result = datecodes.parse_date_code(args.code, not_after=not_after)
    if _json(args):
        print_json(result)
    else:
        print(result.message)
    return 0 if result.reading else 1


def tool_hs(args: argparse.Namespace) -> int:
    from forensics_gui.core import hs

    code = hs.normalise_hs_code(args.code)
    entry = hs.chpl_entry(code)
    if _json(args):
        print_json({"hs_code": code, "chpl": entry})
    elif entry:
        print(f"{code}: CHPL tier {entry.tier} ({entry.hs6}: {entry.description})")
    else:
        print(f"{code}: not on the Common High Priority List")
    return 0


def tool_partnumber(args: argparse.Namespace) -> int:
    from forensics_gui.core import partnumbers

    result = {"search_key": partnumbers.search_key(args.number),
              "confusable_key": partnumbers.confusable_key(args.number),
              "candidates": partnumbers.candidate_keys(args.number, limit=20)}
    if _json(args):
        print_json(result)
    else:
        print(f"search key: {result['search_key']}")
        print(f"misread candidates: {', '.join(result['candidates'][1:]) or 'none'}")
    return 0


def cmd_search(args: argparse.Namespace, store: Any) -> int:
    from forensics_gui.services import search, search_lists
    conditions = {k.removeprefix("filter_"): v for k, v in vars(args).items()
                  if k.startswith("filter_") and v is not None}
    if args.saved:
        if args.query or conditions:
            raise ValidationError("saved", "give either a saved search or a query and filters")
        results = search_lists.run_saved(store, args.saved, limit=args.limit)
    else:
        kinds = tuple(dict.fromkeys(args.kinds)) if args.kinds else search.SEARCH_KINDS
        results = search.search(store, args.query, filters=conditions, kinds=kinds,
                                limit=args.limit)
    if args.save:
        search_lists.save_search(store, args.save, args.query, conditions,
                                 overwrite=args.replace)
        print(f"saved as {args.save!r}", file=sys.stderr)
    if args.export:
        count = search_lists.export_results(results, args.export)
        print(f"wrote {count} rows to {args.export}", file=sys.stderr)
    if _json(args):
        print_json({"query": results.query, "filters": results.filters,
                    "notice": results.notice, "more": sorted(results.more),
                    "groups": {k: list(v) for k, v in results.groups.items()}})
    else:
        print_results(results)
    return 0 if len(results) else 1


def cmd_seen(args: argparse.Namespace, store: Any) -> int:
    from forensics_gui.services import search
    seen = search.seen_before(store, args.kind, args.ref)
    if _json(args):
        print_json(seen)
        return 0
    print_seen(seen)
    return 0


def cmd_reindex(args: argparse.Namespace, store: Any) -> int:
    from forensics_gui.services import search
    started = time.perf_counter()
    counts = search.reindex(store)
    seconds = time.perf_counter() - started
    if _json(args):
        print_json({"terms": counts, "seconds": round(seconds, 2)})
    else:
        print(f"indexed {sum(counts.values()):,} terms in {seconds:.1f} s: " +
              ", ".join(f"{KINDS[k].plural} {n:,}" for k, n in counts.items()))
    return 0

