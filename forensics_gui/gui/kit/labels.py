"""Field and kind names of `core.fields` in the interface's language.

The specs keep the English names (the command line, exports and briefs use them); they are
marked `QT_TRANSLATE_NOOP("fields", ...)` where written, and the interface shows them through
these functions. Field names used as keys and the values people recorded stay as they are.
"""

from __future__ import annotations

from forensics_gui.core.fields import (
    FILTER_COLUMNS,
    KINDS,
    FieldSpec,
    column_label,
    label_of,
)
from forensics_gui.core.i18n import QT_TRANSLATE_NOOP
from forensics_gui.gui.kit.i18n import translate


def shown(text: str) -> str:
    """A label of `core.fields` (a field's label, help, or a kind's name) as shown."""
    return translate("fields", text) if text else text


def field_label(kind: str, name: str) -> str:
    """What users call value `name` of a record of `kind` (see `core.fields.label_of`)."""
    return shown(label_of(kind, name))


def spec_label(spec: FieldSpec) -> str:
    """The label of a field spec as shown."""
    return shown(spec.label)


def spec_help(spec: FieldSpec) -> str:
    """The help text of a field spec as shown ('' when it has none)."""
    return shown(spec.help)


def kind_label(kind: str) -> str:
    """The name of one record of `kind` ("recovered item")."""
    return shown(KINDS[kind].label)


def kind_plural(kind: str) -> str:
    """The name of records of `kind` ("recovered items")."""
    return shown(KINDS[kind].plural)


# How `core.fields.column_label` tells columns of the same name apart, as shown.
_SUFFIXES = {" (id)": QT_TRANSLATE_NOOP("fields", "{label} (id)"),
             " (record)": QT_TRANSLATE_NOOP("fields", "{label} (record)")}


def column_title(kind: str, name: str) -> str:
    """A table column's heading and its name in the column chooser (see
    `core.fields.column_label`): no two columns of a kind read the same."""
    english = label_of(kind, name)
    suffix = column_label(kind, name)[len(english):]
    if suffix in _SUFFIXES:
        return translate("fields", _SUFFIXES[suffix]).format(label=shown(english))
    return shown(english)


def filter_label(kind: str) -> str:
    """What the filter box of a table of `kind` looks in, in users' words (see
    `core.fields.filter_label`)."""
    names = FILTER_COLUMNS.get(kind, (KINDS[kind].title_field,))
    labels = [field_label(kind, n).lower() for n in names]
    if len(labels) == 1:
        return labels[0]
    return translate("fields", "{some} or {last}").format(some=", ".join(labels[:-1]),
                                                          last=labels[-1])
