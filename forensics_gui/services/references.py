"""Finding the record a user means, by id or by the name people use for it."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from forensics_gui.core.errors import ValidationError
from forensics_gui.core.fields import FieldSpec, KindSpec, has_control_characters, normal_text
from forensics_gui.core.fields import kind as kind_spec
from forensics_gui.core.names import name_key
from forensics_gui.core.partnumbers import search_key

# kind -> (column compared case-insensitively, JSON list column of aliases or "")
_NAMED: dict[str, tuple[str, str]] = {
    "system": ("name", "aliases"), "org": ("name", "aliases"), "item": ("case_reference", ""),
    "source": ("title", ""), "marking": ("name", ""), "saved": ("name", ""), "alias": ("name", ""),
    "hub": ("name", ""), "list": ("name", ""), "rule": ("pattern", ""), "module": ("name", ""),
}
# A template module may also be named within its system type: "Shahed-136: flight controller".
_WITHIN = ":"


def _as_uuid(reference: str | UUID) -> UUID | None:
    if isinstance(reference, UUID):
        return reference
    try:
        return UUID(str(reference).strip())
    except ValueError:
        return None


def lookup(uow: Any, kind: str, reference: str | UUID) -> UUID | None:
    """The id of the record of `kind` given by id or name, None when there is none.

    A name that fits several records is refused rather than guessed.
    """
    as_id = _as_uuid(reference)
    if as_id is not None:
        return as_id if uow.find(kind, id=as_id) else None
    # Names are stored composed (NFC): one typed with combining accents is the same name.
    text = normal_text(str(reference).strip())
    if not text or has_control_characters(text):
        # No stored name holds control or invisible characters (and PostgreSQL refuses NUL).
        return None
    matches = _by_name(uow, kind, text)
    if len({m.id for m in matches}) > 1:
        names = sorted({_describe(kind, m) for m in matches})
        within = f", or name it within its system type ({names[0]!r})" if kind == "module" else ""
        raise ValidationError(kind, f"{text!r} fits several {kind_spec(kind).plural} "
                                    f"({', '.join(names[:5])}); give the id instead{within}")
    return matches[0].id if matches else None


def _by_name(uow: Any, kind: str, text: str) -> list[Any]:
    if kind == "part":
        return uow.find("part", search_key=search_key(text))
    if kind == "org":
        found = uow.find("org", name_key=name_key(text))
        return found or uow.find_in_list("org", "aliases", text)
    if kind not in _NAMED:
        return []
    column, aliases = _NAMED[kind]
    found = uow.find_by_name(kind, column, text)
    if not found and aliases:
        found = uow.find_in_list(kind, aliases, text)
    if not found and kind == "module":
        found = _module_within_system(uow, text)
    return found


def _module_within_system(uow: Any, text: str) -> list[Any]:
    """The modules named "SYSTEM: MODULE" (the system by its name or an alias)."""
    found: list[Any] = []
    at = text.find(_WITHIN)
    while at != -1 and not found:
        system, name = text[:at].strip(), text[at + 1:].strip()
        systems = _by_name(uow, "system", system) if system and name else []
        found = [m for s in systems for m in uow.find("module", system_type_id=s.id)
                 if m.name.casefold() == name.casefold()]
        at = text.find(_WITHIN, at + 1)
    return found


def _describe(kind: str, record: Any) -> str:
    if kind == "part":
        return f"{record.part_number} by {record.manufacturer_name or 'unknown maker'}"
    if kind == "rule":
        return f"{record.pattern} by {record.maker}"
    if kind == "module":
        return f"{record.system_type_name}{_WITHIN} {record.name}"
    return str(getattr(record, kind_spec(kind).title_field, record.id))


def resolve_references(uow: Any, spec: KindSpec, values: dict[str, Any]) -> dict[str, Any]:
    """Replace every reference given by name with the id of the record it names."""
    resolved = dict(values)
    for name, value in values.items():
        field = spec.field(name)
        if field.type == "ref":
            resolved[name] = _resolve_field(uow, field, value)
        elif field.type == "refs":
            resolved[name] = tuple(_resolve_field(uow, field, v) for v in value or ())
    return resolved


def _resolve_field(uow: Any, field: FieldSpec, value: Any) -> Any:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        found = lookup(uow, field.ref, value)
    except ValidationError as error:
        raise ValidationError(field.name, error.reason) from None
    if found is None:
        label = kind_spec(field.ref).label
        raise ValidationError(field.name, f"unknown {label} {str(value)[:80]!r}")
    if field.ref == "marking":
        return uow.get("marking", found).name
    return found

