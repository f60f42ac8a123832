"""What large imports share between rows: checked values (`parse_values` memo) and the
paused cycle collector."""

from __future__ import annotations

import gc
import threading

import pytest

from forensics_gui.core.errors import ValidationError
from forensics_gui.core.fields import kind, parse_values
from forensics_gui.services import bulk


def test_a_memo_gives_the_same_checked_values_and_refuses_every_time() -> None:
    memo: dict[tuple[str, str], object] = {}
    spec = kind("org")
    first = parse_values(spec, {"name": " Acme \u00e9 ", "roles": "manufacturer"},
                         partial=True, memo=memo)
    again = parse_values(spec, {"name": " Acme \u00e9 ", "roles": "manufacturer"},
                         partial=True, memo=memo)
    assert first == again == parse_values(spec, {"name": " Acme \u00e9 ",
                                                 "roles": "manufacturer"}, partial=True)
    assert first["roles"] is not again["roles"]  # lists are never shared between rows
    for _ in range(2):
        with pytest.raises(ValidationError, match="U\\+200B"):
            parse_values(spec, {"name": "Ac\u200bme"}, partial=True, memo=memo)


def test_the_collector_is_paused_while_any_import_runs_and_only_then() -> None:
    assert gc.isenabled()
    entered, leave = threading.Event(), threading.Event()

    def other_import() -> None:
        with bulk.collector_paused():
            entered.set()
            leave.wait(5)

    thread = threading.Thread(target=other_import)
    with bulk.collector_paused():
        assert not gc.isenabled()
        thread.start()
        entered.wait(5)
    assert not gc.isenabled()  # the other import still runs
    leave.set()
    thread.join(5)
    assert gc.isenabled()


def test_a_collector_already_off_stays_off() -> None:
    gc.disable()
    try:
        with bulk.collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
