"""Many writers editing the same records at once, and the check that no edit was lost.

Every edit appends a token of its own to a record's notes, read at the version it edits. An
edit the store accepted whose token is missing afterwards was silently written over (a lost
update); the record's version must have gone up by exactly one for every token it holds; and
a conflict must name a version newer than the one the edit was based on (someone really
changed the record). Editors run as real processes: service-layer clients (as the desktop
client saves an edit), `forensics item edit` command lines, and a raw SQL session (psql, or
a Python sqlite3 session) that edits the rows behind the application's back.

Run a service-layer editor on its own with
`python -m tests.concurrency edit STORE RESULTS NAME COUNT SEED ID...`.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from uuid import UUID

ROOT = Path(__file__).resolve().parents[1]
FORENSICS = str(Path(sys.executable).with_name("forensics"))
CONFLICT_EXIT = 4
# A session of raw SQL on a SQLite store, as a user's own script would run it: statements
# read from standard input, each in its own transaction, waiting up to 30 s for the lock.
RAW_SQLITE = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], timeout=30, isolation_level=None)
for line in sys.stdin:
    if line.strip():
        connection.execute(line)
connection.close()
"""


def make_items(location: str, count: int) -> list[str]:
    """`count` recovered items with empty notes (version 1) in the store; their ids."""
    from forensics_gui.services import records, stores

    store = stores.open_existing(location)
    try:
        system = records.create(store, "system", {"name": f"Editing test {time.time_ns()}"})
        return [str(records.create(store, "item", {
            "system_type_id": system.id, "case_reference": f"EDIT-{time.time_ns()}-{n}",
        }).id) for n in range(count)]
    finally:
        store.close()


# ------------------------------------------------------------------------------ editors
def service_editor(location: str, results: Path, name: str, count: int, seed: int,
                   ids: list[str], *, name_version: bool = True) -> None:
    """Edit random records `count` times through the services, as the desktop client saves:
    read the record, think a moment, save the change naming the version read (or, with
    `name_version` false, as a script that means "whatever is there now": the baseline that
    loses edits)."""
    from forensics_gui.core.errors import ConflictError, KnownError
    from forensics_gui.services import records, stores

    chooser = random.Random(seed)
    store = stores.open_existing(location)
    with results.open("w", encoding="utf-8") as out:
        for n in range(count):
            record_id = chooser.choice(ids)
            token = f"{name}-{n}"
            read = records.get(store, "item", record_id)
            time.sleep(chooser.uniform(0, 0.004))
            outcome: dict[str, Any] = {"token": token, "id": record_id, "base": read.version}
            try:
                saved = records.update(store, "item", record_id,
                                       read.version if name_version else None,
                                       {"notes": f"{read.notes} {token}".strip()})
                outcome |= {"outcome": "accepted", "now": saved.version}
            except ConflictError as error:
                outcome |= {"outcome": "conflict", "now": error.current_version}
            except KnownError as error:
                outcome |= {"outcome": "failed", "error": str(error)}
            out.write(json.dumps(outcome) + "\n")
    store.close()


def start_service_editor(location: str, results: Path, name: str, count: int, seed: int,
                         ids: list[str], *, name_version: bool = True
                         ) -> subprocess.Popen[bytes]:
    """A service-layer editor in a process of its own."""
    how = "edit" if name_version else "edit-blind"
    return subprocess.Popen(
        [sys.executable, "-m", "tests.concurrency", how, location, str(results), name,
         str(count), str(seed), *ids], cwd=ROOT, env=_env())


def cli_editor(location: str, name: str, count: int, seed: int,
               ids: list[str]) -> list[dict[str, Any]]:
    """Edit random records `count` times with the command line as a user would: `item show`
    to read, then `item edit --expect-version` with the notes as read plus a token."""
    chooser = random.Random(seed)
    outcomes = []
    for n in range(count):
        record_id, token = chooser.choice(ids), f"{name}-{n}"
        shown = json.loads(_forensics(location, "item", "show", record_id, "--json").stdout)
        edit = _forensics(location, "item", "edit", record_id, "--json", "--expect-version",
                          str(shown["version"]), "--notes",
                          f"{shown['notes'] or ''} {token}".strip())
        outcome: dict[str, Any] = {"token": token, "id": record_id, "base": shown["version"]}
        if edit.returncode == 0:
            outcome |= {"outcome": "accepted", "now": json.loads(edit.stdout)["version"]}
        elif edit.returncode == CONFLICT_EXIT:
            outcome |= {"outcome": "conflict", "now": _now_version(edit.stderr)}
        else:
            outcome |= {"outcome": "failed", "error": edit.stderr.strip()}
        outcomes.append(outcome)
    return outcomes


def _now_version(message: str) -> int:
    """The current version a conflict message names ("... (now version 7); reload ...")."""
    return int(message.split("now version ", 1)[1].split(")", 1)[0])


def _forensics(location: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([FORENSICS, "--store", location, *args], capture_output=True,
                          text=True, env=_env(), timeout=120)


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}


def raw_sql_editor(location: str, name: str, count: int, seed: int,
                   ids: list[str]) -> subprocess.Popen[str]:
    """A psql session (PostgreSQL) or a raw sqlite3 session (SQLite) that appends tokens to
    the notes and raises the version by hand, `count` times, with short pauses between:
    another user's edits made with SQL alone. Returns the running session; its tokens are
    `name`-0, `name`-1...
    """
    chooser = random.Random(seed)
    if location.startswith("postgresql"):
        command = ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1",
                   location.replace("postgresql+psycopg://", "postgresql://")]
        pause = "SELECT pg_sleep({:.4f});"
    else:
        command = [sys.executable, "-c", RAW_SQLITE, location]
        pause = "SELECT count(*) FROM recovered_item WHERE {:.4f} < 0;"
    lines: list[str] = []
    for n in range(count):
        token, record = f"{name}-{n}", _stored_id(location, ids, chooser)
        lines.append(f"UPDATE recovered_item SET notes = trim(coalesce(notes, '') || ' {token}'),"
                     f" version = version + 1 WHERE id = '{record}';")
        lines.append(pause.format(chooser.uniform(0, 0.02)))
    session = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)
    assert session.stdin is not None
    session.stdin.write("\n".join(lines) + "\n")
    session.stdin.close()
    return session


def _stored_id(location: str, ids: list[str], chooser: random.Random) -> str:
    """An id as the backend stores it (SQLite keeps UUIDs as 32 hex digits)."""
    chosen = UUID(chooser.choice(ids))
    return str(chosen) if location.startswith("postgresql") else chosen.hex


# ------------------------------------------------------------------------------ deadlocks
def crossed_writes(location: str, ids: list[str], rounds: int) -> dict[str, int]:
    """`rounds` times, two writers on their own connections each lock one of two records and
    then the other, in opposite orders: PostgreSQL breaks the deadlock by stopping one of
    them, which must be run again from its start and then succeed. Each writer appends its
    token to both records' notes. Returns how many writes ran again, how many deadlocks were
    reported, and how many tokens both records hold in the end."""
    import logging
    import threading

    from forensics_gui.services import stores
    from forensics_gui.storage.store import retried_writes

    store = stores.open_existing(location)
    reruns: list[str] = []
    handler = logging.Handler()
    handler.emit = lambda record: reruns.append(record.getMessage())  # type: ignore[method-assign]
    logging.getLogger("forensics_gui.storage.store").addHandler(handler)
    first, second = UUID(ids[0]), UUID(ids[1])
    try:
        for n in range(rounds):
            barrier = threading.Barrier(2, timeout=30)
            writers = [threading.Thread(target=_crossed, args=(store, order, f"x{n}-{k}",
                                                                barrier, retried_writes))
                       for k, order in enumerate(((first, second), (second, first)))]
            for writer in writers:
                writer.start()
            for writer in writers:
                writer.join()
        held = [set((_notes(store, i)).split()) for i in (first, second)]
    finally:
        logging.getLogger("forensics_gui.storage.store").removeHandler(handler)
        store.close()
    wanted = {f"x{n}-{k}" for n in range(rounds) for k in (0, 1)}
    return {"rounds": rounds, "reruns": len(reruns),
            "deadlocks": sum("deadlock" in r for r in reruns),
            "writes_held": min(len(h & wanted) for h in held), "writes_made": len(wanted)}


def _crossed(store: Any, order: tuple[UUID, UUID], token: str, barrier: Any,
             retried: Any) -> None:
    attempts = [0]

    @retried
    def work() -> None:
        attempts[0] += 1
        with store.writing() as uow:
            for step, record_id in enumerate(order):
                uow.lock("item", record_id)
                if step == 0 and attempts[0] == 1:
                    barrier.wait()  # both hold their first record: each now waits for the other
                notes = uow.get("item", record_id).notes or ""
                uow.update("item", record_id, None, {"notes": f"{notes} {token}".strip()})

    work()


def _notes(store: Any, record_id: UUID) -> str:
    with store.reading() as uow:
        return uow.get("item", record_id).notes or ""


# ------------------------------------------------------------------------------ kills
def endless_writer(location: str, name: str, seed: int, ids: list[str]) -> None:
    """Write until killed: edits of the records' notes (each with a token), new recovered
    items, and photos (picture, thumbnail and record in one transaction). Prints "ready"
    once the store is open, so that a kill lands among the writes."""
    from forensics_gui.core.errors import KnownError
    from forensics_gui.services import photos, records, stores

    chooser = random.Random(seed)
    store = stores.open_existing(location)
    system = records.get(store, "item", ids[0]).system_type_id
    print("ready", flush=True)
    for n in range(10**9):
        record_id, token = chooser.choice(ids), f"{name}-{n}"
        try:
            what = chooser.random()
            if what < 0.6:
                read = records.get(store, "item", record_id)
                records.update(store, "item", record_id, read.version,
                               {"notes": f"{read.notes} {token}".strip()})
            elif what < 0.8:
                records.create(store, "item", {"system_type_id": system,
                                               "case_reference": f"KILL-{token}"})
            else:
                photos.add_photo_bytes(store, _picture(chooser), f"{token}.png",
                                       item_id=UUID(record_id))
        except KnownError:
            pass  # a conflict with another writer: the next write goes on


def _picture(chooser: random.Random) -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    colour = tuple(chooser.randrange(256) for _ in range(3))
    Image.new("RGB", (64, 48), colour).save(buffer, "PNG")
    return buffer.getvalue()


@dataclass
class KillTally:
    """Writers killed, and stores found damaged or inconsistent afterwards."""

    kills: int = 0
    damaged: int = 0
    cli_checks: int = 0
    edits_seen: int = 0
    problems: list[str] = field(default_factory=list)

    def figures(self) -> dict[str, int]:
        return {k: v for k, v in vars(self).items() if k != "problems"}


def kill_writers(location: str, ids: list[str], kills: int, *, writers: int = 8,
                 seed: int = 1, cli_every: int = 5, longest_s: float = 1.0) -> KillTally:
    """Start `writers` writing processes at once and kill each (SIGKILL) at its own random
    moment within `longest_s` of their start, until `kills` kills were made. After every
    kill SQLite's own checks run on the file while the others still write; once a batch is
    dead, the store's check and the edits against the audit trail (`check_store`), and every
    `cli_every` batches `forensics db check` too."""
    chooser = random.Random(seed)
    tally = KillTally()
    sqlite = not location.startswith("postgresql")
    batches = 0
    while tally.kills < kills:
        batch = _ready_writers(location, ids, min(writers, kills - tally.kills), chooser,
                               tally.kills)
        started = time.monotonic()
        moments = sorted(chooser.uniform(0, longest_s) for _ in batch)
        for writer, moment in zip(batch, moments, strict=True):
            time.sleep(max(0.0, started + moment - time.monotonic()))
            writer.kill()  # SIGKILL
            writer.wait()
            tally.kills += 1
            problems = _sqlite_checks(location) if sqlite else []
            tally.damaged += bool(problems)
            tally.problems += [f"after kill {tally.kills}: {p}" for p in problems]
        batches += 1
        with_cli = batches % cli_every == 0 or tally.kills >= kills
        problems = check_store(location, ids, with_cli=with_cli)
        tally.cli_checks += with_cli
        tally.damaged += bool(problems)
        tally.problems += [f"after kill {tally.kills}: {p}" for p in problems]
    tally.edits_seen = _edits_held(location, ids)
    return tally


def _ready_writers(location: str, ids: list[str], count: int, chooser: random.Random,
                   made: int) -> list[subprocess.Popen[str]]:
    batch = [_start_writer(location, f"w{made + k}", chooser.randrange(10**6), ids)
             for k in range(count)]
    for writer in batch:
        assert writer.stdout is not None
        if writer.stdout.readline().strip() != "ready":
            raise RuntimeError(f"a writer did not start: {writer.communicate()}")
    return batch


def _start_writer(location: str, name: str, seed: int, ids: list[str]
                  ) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "tests.concurrency", "write", location,
                             name, str(seed), *ids], cwd=ROOT, env=_env(), text=True,
                            stdout=subprocess.PIPE)


def check_store(location: str, ids: list[str], *, with_cli: bool = False) -> list[str]:
    """What is wrong with the store after a kill: SQLite's own checks, the store's check
    (`forensics db check`), and every edit held by a record with its audit event and none
    without (an edit and its audit event are one transaction)."""
    from forensics_gui.services import audit, records, stores

    problems = _sqlite_checks(location) if not location.startswith("postgresql") else []
    store = stores.open_existing(location)
    try:
        problems += stores.check(store)
        for record_id in ids:
            held = set((records.get(store, "item", record_id).notes or "").split())
            audited = _audited_tokens(audit, store, record_id)
            if held != audited:
                problems.append(f"record {record_id}: notes and audit trail differ by "
                                f"{sorted(held ^ audited)[:5]}")
    finally:
        store.close()
    if with_cli:
        run = _forensics(location, "db", "check")
        if run.returncode != 0:
            problems.append(f"forensics db check: {run.stdout.strip()} {run.stderr.strip()}")
    return problems


def _sqlite_checks(path: str) -> list[str]:
    import sqlite3

    with sqlite3.connect(path, timeout=30) as connection:
        integrity = [r[0] for r in connection.execute("PRAGMA integrity_check")]
        broken = connection.execute("PRAGMA foreign_key_check").fetchall()
    connection.close()
    problems = [] if integrity == ["ok"] else [f"integrity_check: {integrity[:3]}"]
    return problems + ([f"foreign_key_check: {broken[:3]}"] if broken else [])


def _edits_held(location: str, ids: list[str]) -> int:
    from forensics_gui.services import records, stores

    store = stores.open_existing(location)
    try:
        return sum(len((records.get(store, "item", i).notes or "").split()) for i in ids)
    finally:
        store.close()


# ------------------------------------------------------------------------------ the check
@dataclass
class Tally:
    """What happened to the edits, and the edits whose outcome does not hold up."""

    accepted: int = 0
    conflicts: int = 0
    raw_edits: int = 0
    failed: int = 0
    silent_overwrites: int = 0
    version_gaps: int = 0
    unfounded_conflicts: int = 0
    missing_from_audit: int = 0
    problems: list[str] = field(default_factory=list)

    def figures(self) -> dict[str, int]:
        return {k: v for k, v in vars(self).items() if k != "problems"}


def read_outcomes(paths: Iterable[Path]) -> list[dict[str, Any]]:
    return [json.loads(line) for path in paths
            for line in path.read_text(encoding="utf-8").splitlines()]


def check_edits(location: str, outcomes: list[dict[str, Any]], raw_tokens: list[str],
                ids: list[str]) -> Tally:
    """Count accepted edits and conflicts, and find every edit that was lost."""
    from forensics_gui.services import audit, records, stores

    tally = Tally(raw_edits=len(raw_tokens))
    store = stores.open_existing(location)
    try:
        final = {i: records.get(store, "item", i) for i in ids}
        audited = {i: _audited_tokens(audit, store, i) for i in ids}
    finally:
        store.close()
    held = {i: (r.notes or "").split() for i, r in final.items()}
    where = {token: i for i, tokens in held.items() for token in tokens}
    for outcome in outcomes:
        _check_outcome(tally, outcome, where, audited)
    for token in raw_tokens:
        if token not in where:
            tally.silent_overwrites += 1
            tally.problems.append(f"raw edit {token} is missing")
    for record_id, record in final.items():
        tokens = held[record_id]
        if len(tokens) != len(set(tokens)) or record.version != 1 + len(tokens):
            tally.problems.append(f"record {record_id} is at version {record.version} but "
                                  f"holds {len(tokens)} edits")
            tally.version_gaps += abs(record.version - 1 - len(set(tokens)))
    return tally


def _check_outcome(tally: Tally, outcome: dict[str, Any], where: dict[str, str],
                   audited: dict[str, set[str]]) -> None:
    token = outcome["token"]
    if outcome["outcome"] == "accepted":
        tally.accepted += 1
        if where.get(token) != outcome["id"] or outcome["now"] != outcome["base"] + 1:
            tally.silent_overwrites += 1  # lost, or written over a version it never saw
            tally.problems.append(f"accepted edit {token} replaced version {outcome['now'] - 1}"
                                  f" but was based on {outcome['base']}, or is missing")
        if token not in audited[outcome["id"]]:
            tally.missing_from_audit += 1
            tally.problems.append(f"accepted edit {token} is not in the audit trail")
    elif outcome["outcome"] == "conflict":
        tally.conflicts += 1
        if outcome["now"] <= outcome["base"] or token in where:
            tally.unfounded_conflicts += 1
            tally.problems.append(f"conflict of {token} names no newer version")
    else:
        tally.failed += 1
        tally.problems.append(f"edit {token} failed: {outcome.get('error')}")


def _audited_tokens(audit: Any, store: Any, record_id: str) -> set[str]:
    """The tokens the audit trail's updates of the record added to its notes."""
    found: set[str] = set()
    for event in audit.history(store, "item", record_id, limit=100_000):
        if event.action == "update" and "notes" in event.new_values:
            before = set(str(event.old_values.get("notes") or "").split())
            found |= set(str(event.new_values["notes"] or "").split()) - before
    return found


def _main(argv: list[str]) -> None:
    if argv[0] in ("edit", "edit-blind"):
        location, results, name, count, seed, *ids = argv[1:]
        service_editor(location, Path(results), name, int(count), int(seed), ids,
                       name_version=argv[0] == "edit")
    elif argv[0] == "write":
        location, name, seed, *ids = argv[1:]
        endless_writer(location, name, int(seed), ids)


if __name__ == "__main__":
    _main(sys.argv[1:])
