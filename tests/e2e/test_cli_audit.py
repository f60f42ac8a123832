"""`forensics audit` as a user runs it: the head printed, the chain verified with heads
printed earlier, an altered trail named at its first bad event, and `db check` failing too."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from tests.e2e.test_cli import cli


def test_the_head_and_the_check_of_a_sound_trail(demo_file: Path) -> None:
    head = cli(demo_file, "audit", "head")
    assert head.code == 0, str(head)
    printed = head.out.strip()
    seq, _, seal = printed.partition(":")
    assert seq.isdigit() and len(seal) == 64

    verified = cli(demo_file, "audit", "verify", "--head", printed)
    assert verified.code == 0, str(verified)
    assert "the audit trail holds" in verified.out and printed in verified.out

    as_json = cli(demo_file, "audit", "verify", "--json").json()
    assert as_json == {"sound": True, "events": int(seq), "head": printed, "problems": [],
                       "unread": 0}

    wrong = cli(demo_file, "audit", "verify", "--head", "12:xyz")
    assert wrong.code == 2 and "not an audit chain head" in wrong.err


def test_an_altered_trail_fails_the_check_naming_the_event(demo_file: Path) -> None:
    printed = cli(demo_file, "audit", "head").out.strip()
    with closing(sqlite3.connect(demo_file)) as db:
        db.execute("DROP TRIGGER audit_event_no_update")
        db.execute("UPDATE audit_event SET new_values = '{}' WHERE seq = 3")
        db.commit()
    verified = cli(demo_file, "audit", "verify", "--head", printed)
    assert verified.code == 1, str(verified)
    assert "does NOT hold" in verified.out
    assert "audit event 3 " in verified.out.splitlines()[1]
    check = cli(demo_file, "db", "check")
    assert check.code == 1
    assert "guard audit_event_no_update on audit_event is missing" in check.out
    assert "audit trail: audit event 3 " in check.out
