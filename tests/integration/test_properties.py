"""Arbitrary text, numbers and dates fed to every field of every kind through the services:
never an unexpected exception; what is stored reads back as what was meant, or the value is
refused and the record is left exactly as it was."""

from __future__ import annotations

import unicodedata
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from forensics_gui.core.errors import KnownError
from forensics_gui.core.fields import FIXED_FIELDS, KINDS, FieldSpec, has_control_characters
from forensics_gui.services import records, stores

from .support import CaseFile, store_original
from .test_records_service import SHA, _new

PROPERTY_SETTINGS = settings(max_examples=120, deadline=None, derandomize=True,
                             suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                    HealthCheck.too_slow])
# Text as people paste it: any character at all, including controls and invisible ones.
ANY_TEXT = st.text(st.characters(codec=None), max_size=40)


def _grouped(whole: int) -> str:
    return f"{whole:,}"


@st.composite
def spoken_number(draw: Any, places: int) -> tuple[Decimal, str]:
    """(a number, the way someone may have written it: point or comma, grouped or not)."""
    sign = draw(st.sampled_from([1, -1]))
    whole = draw(st.integers(0, 10**7))
    fraction = draw(st.integers(0, 10**places - 1)) if places else 0
    digits = f"{fraction:0{places}d}" if places else ""
    meant = sign * (Decimal(whole) + (Decimal(fraction) / Decimal(10**places) if places else 0))
    head = draw(st.sampled_from([str(whole), _grouped(whole)]))
    point = draw(st.sampled_from([".", ","])) if places else ""
    text = f"{'-' if sign < 0 else ''}{head}{point}{digits}"
    return meant, draw(st.sampled_from([text, f"  {text} "]))


def _values(spec: FieldSpec) -> st.SearchStrategy[tuple[str, Any, Any]]:
    """(what was meant: 'text'/'number'/'date'/'any', the meaning, the value given)."""
    junk = ANY_TEXT.map(lambda v: ("any", None, v))
    if spec.type in ("int", "float", "decimal"):
        places = {"int": 0, "float": 4, "decimal": 2}[spec.type]
        return st.one_of(spoken_number(places).map(lambda p: ("number", p[0], p[1])), junk)
    if spec.type == "date":
        return st.one_of(st.dates(date(1, 1, 1), date(2999, 12, 31)).map(
            lambda d: ("date", d, d.isoformat())), junk)
    if spec.type == "datetime":
        return st.one_of(st.datetimes(datetime(1, 1, 2), datetime(2999, 1, 1)).map(
            lambda d: ("datetime", d.replace(microsecond=0, tzinfo=UTC),
                       d.strftime("%Y-%m-%d %H:%M:%S"))), junk)
    if spec.type == "text":
        return ANY_TEXT.map(lambda v: ("text", None, v))
    return junk  # references, codes, choices, lists, HS codes, filters: no crash, no junk


def _check_meaning(spec: FieldSpec, meaning: str, meant: Any, given: Any, held: Any) -> None:
    if meaning == "text":
        assert held == unicodedata.normalize("NFC", given).strip()
    elif meaning == "number":
        assert Decimal(str(held)) == meant, (given, held)
    elif meaning == "date":
        assert held == meant
        assert spec.earliest is None or held >= spec.earliest
    elif meaning == "datetime":
        assert held == meant
    if isinstance(held, str):
        assert not has_control_characters(held), (given, held)


def _record_of(store: stores.Store, kind: str, case_file: CaseFile) -> Any:
    photo_id = None
    if kind in ("photo", "annotation"):
        store_original(store, SHA)
    if kind == "annotation":
        photo_id = records.create(store, "photo", {"sha256": SHA, "item_id": "CASE-2023-001"}).id
    values, _expected = _new(kind, case_file, photo_id)
    return records.create(store, kind, values)


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_field_holds_what_was_meant_or_refuses(store: stores.Store,
                                                     case_file: CaseFile, kind: str) -> None:

    record = _record_of(store, kind, case_file)
    fields = [f for f in KINDS[kind].fields if f.name not in FIXED_FIELDS.get(kind, ())]

    @PROPERTY_SETTINGS
    @given(st.data())
    def feed(data: st.DataObject) -> None:
        spec = data.draw(st.sampled_from(fields))
        meaning, meant, value = data.draw(_values(spec))
        before = records.get(store, kind, record.id)
        try:
            after = records.update(store, kind, record.id, None, {spec.name: value})
        except KnownError:
            assert records.get(store, kind, record.id) == before  # left exactly as it was
            return
        held = getattr(after, spec.name)
        if held is None or held == "" or held == ():
            assert meaning in ("any", "text") or str(value).strip() == ""
            return
        _check_meaning(spec, meaning, meant, value, held)
        if meaning == "date":
            assert held <= date.today() + timedelta(days=1) or not spec.past_only

    feed()
