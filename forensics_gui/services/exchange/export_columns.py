"""The columns of exported tables, and the values of each record in them.

A table of a kind holds `id`, `version`, then every field of the kind by its field name
(`core.fields.KINDS`, the names `forensics import` reads back), each reference followed by a
column naming the record it points to (`part_id`, then `part_number`), then the withdrawal
and who created and changed the record when. Values stay typed here; how they are written
(text for CSV and Excel, JSON values) is the writer's business (see `text_cell`,
`json_cell`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

from forensics_gui.core.fields import KINDS, REFERENCE_NAMES, WITHDRAWABLE, FieldSpec, describe

CUSTODY = "custody"
# Every kind of the whole store's export, a kind before the kinds that refer to it (so that
# a reader can take them in this order). Sanctions lists' entries, screening matches and
# saved searches are left out: they are rebuilt by screening and belong to each user.
STORE_KINDS = ("marking", "system", "source", "org", "alias", "hub", "designation", "part",
               "item", "finding", "link", "photo", "annotation", "rule", "module", CUSTODY)
# Kinds a table may be exported of: every kind `forensics KIND list` lists, and custody events.
TABLE_KINDS = (*KINDS, CUSTODY)
# Name columns of references that records do not carry themselves (see REFERENCE_NAMES).
OTHER_NAMES = {("designation", "source_id"): "source_title", ("list", "source_id"): "source_title",
               ("link", "finding_id"): "finding_label", ("photo", "finding_id"): "finding_label",
               ("annotation", "photo_id"): "photo_file_name",
               ("match", "list_id"): "list_title", ("match", "designation_id"): "designation_title"}
WITHDRAWAL = ("withdrawn_at", "withdrawn_by", "withdrawal_reason")
TRACKING = ("created_at", "created_by", "updated_at", "updated_by")
LIST_SEPARATOR = "; "


@dataclass(frozen=True)
class Column:
    """One column: its name and how a record's value is found (`names` looks up the names of
    records referred to, see `ReferenceNames`)."""

    name: str
    value: Callable[[Any, ReferenceNames], Any]


# The sheet a workbook of the whole store starts with: what was exported, when, by whom.
ABOUT_SHEET = "About"

def kind_title(kind: str) -> str:
    """What users call records of `kind`, in the plural ("component findings")."""
    return "custody events" if kind == CUSTODY else KINDS[kind].plural


def columns_of(kind: str) -> tuple[Column, ...]:
    """The columns of a table of `kind`, in order."""
    if kind == CUSTODY:
        return _CUSTODY_COLUMNS
    found = [_attribute("id"), _attribute("version")]
    for spec in KINDS[kind].fields:
        found.append(_attribute(spec.name))
        named = _named_column(kind, spec)
        if named is not None:
            found.append(named)
    found += [_attribute(name) for name in (WITHDRAWAL if kind in WITHDRAWABLE else ())]
    found += [_attribute(name) for name in TRACKING]
    return tuple(found)


def _attribute(name: str) -> Column:
    return Column(name, lambda record, _names: getattr(record, name, None))


def _named_column(kind: str, spec: FieldSpec) -> Column | None:
    """The column naming what a reference points to (None for plain fields, and for the
    handling marking, which is kept by its name)."""
    if spec.type not in ("ref", "refs") or spec.ref == "marking":
        return None
    if spec.type == "refs":
        name = spec.name.removesuffix("_ids") + "_titles"
        return Column(name, lambda r, names: [names.title(spec.ref, i)
                                              for i in getattr(r, spec.name)])
    carried = REFERENCE_NAMES.get((kind, spec.name))
    if carried is not None:
        return _attribute(carried)
    return Column(OTHER_NAMES[(kind, spec.name)],
                  lambda r, names: names.title(spec.ref, getattr(r, spec.name)))


_CUSTODY_COLUMNS = (
    _attribute("id"), _attribute("item_id"),
    Column("case_reference", lambda r, names: names.title("item", r.item_id)),
    *(_attribute(name) for name in ("occurred_at", "released_by", "received_by", "place",
                                    "purpose", "notes", "action", "corrects_id", "reason",
                                    "created_at", "created_by")))


def references_of(kind: str) -> tuple[tuple[str, str], ...]:
    """(field, kind referred to) of the references whose names are looked up."""
    if kind == CUSTODY:
        return (("item_id", "item"),)
    return tuple((spec.name, spec.ref) for spec in KINDS[kind].fields
                 if spec.type == "refs" or (spec.type == "ref" and spec.ref != "marking"
                                            and (kind, spec.name) not in REFERENCE_NAMES))


class ReferenceNames:
    """The names of records referred to, looked up a batch at a time and remembered."""

    def __init__(self, uow: Any) -> None:
        self._uow = uow
        self._known: dict[tuple[str, UUID], str] = {}

    def learn(self, kind: str, records: Sequence[Any]) -> None:
        """Look up, in one go, every name the columns of these records will ask for."""
        wanted: dict[str, set[UUID]] = {}
        for field, ref in references_of(kind):
            for record in records:
                value = getattr(record, field)
                ids = value if isinstance(value, tuple) else (value,)
                wanted.setdefault(ref, set()).update(
                    i for i in ids if i is not None and (ref, i) not in self._known)
        for ref, ids in wanted.items():
            if ids:
                for found in self._uow.get_many(ref, sorted(ids)):
                    self._known[(ref, found.id)] = describe(ref, found)

    def title(self, kind: str, record_id: UUID | None) -> str:
        """The name of a record referred to ("" for no reference)."""
        if record_id is None:
            return ""
        return self._known.get((kind, record_id), str(record_id))


def rows_of(columns: Sequence[Column], records: Iterable[Any],
            names: ReferenceNames) -> list[list[Any]]:
    """The typed values of each record, column by column."""
    return [[column.value(record, names) for column in columns] for record in records]


def text_cell(value: Any) -> str:
    """A value as the text of a CSV or Excel cell: lists joined with "; ", dates and times
    in ISO 8601, amounts as written, nothing for no value."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, tuple | list):
        return LIST_SEPARATOR.join(text_cell(v) for v in value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def json_cell(value: Any) -> Any:
    """A value as JSON: lists as arrays, numbers as numbers (amounts as text, which keeps
    their cents exact), ids, dates and times as text."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, tuple | list):
        return [json_cell(v) for v in value]
    if isinstance(value, dict):
        return {str(k): json_cell(v) for k, v in value.items()}
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, UUID | Decimal):
        return str(value)
    return str(value)


def kind_of_title(title: str) -> str | None:
    """The kind whose records a sheet or CSV file of the whole store's export holds, from its
    name ("Component findings", "component-findings.csv"); None for any other name."""
    wanted = " ".join(title.removesuffix(".csv").replace("-", " ").lower().split())
    return next((kind for kind in TABLE_KINDS if kind_title(kind) == wanted), None)
