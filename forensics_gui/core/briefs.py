"""The kinds of brief and the sections of each, in the users' words: what the desktop client's
brief dialog offers, what `forensics brief` accepts, and what the services check options
against. Plain data, so that a window or the command line's help can show them without
loading the store layers or ReportLab."""

from __future__ import annotations

from forensics_gui.core.i18n import QT_TRANSLATE_NOOP

KINDS = ("teardown", "dossier", "system", "gap")
SECTIONS: dict[str, tuple[str, ...]] = {
    "teardown": ("recovery", "photos", "findings", "makers", "dates", "chains", "sources"),
    "dossier": ("sightings", "chains", "sanctions", "sources"),
    "system": ("overview", "countries", "makers", "tiers", "dates", "changes", "sources"),
    "gap": ("parts", "companies", "sources"),
}
# Titles are marked for the interface's translation (the desktop client shows them through
# translate("briefs", ...)); briefs and the command line keep them as written.
KIND_TITLES = {
    "teardown": QT_TRANSLATE_NOOP("briefs", "Teardown report of a recovered item"),
    "dossier": QT_TRANSLATE_NOOP("briefs", "Dossier of a part or a maker"),
    "system": QT_TRANSLATE_NOOP("briefs", "Summary of a weapon system type"),
    "gap": QT_TRANSLATE_NOOP("briefs", "Sanctions gap of the whole store"),
}
# What the reference of each kind names ("" where a brief takes none).
REFERENCES = {
    "teardown": QT_TRANSLATE_NOOP("briefs", "the recovered item's case reference"),
    "dossier": QT_TRANSLATE_NOOP("briefs", "a part number or a maker's name"),
    "system": QT_TRANSLATE_NOOP("briefs", "a weapon system type's name"),
    "gap": "",
}
SECTION_TITLES = {
    "recovery": QT_TRANSLATE_NOOP("briefs", "Recovery and custody"),
    "photos": QT_TRANSLATE_NOOP("briefs", "Photos with their annotations"),
    "findings": QT_TRANSLATE_NOOP("briefs", "Findings by where they sat"),
    "makers": QT_TRANSLATE_NOOP("briefs", "Makers and countries"),
    "dates": QT_TRANSLATE_NOOP("briefs", "Production dates"),
    "chains": QT_TRANSLATE_NOOP("briefs", "Probable supply chains"),
    "sources": QT_TRANSLATE_NOOP("briefs", "Sources"),
    "sightings": QT_TRANSLATE_NOOP("briefs", "Where it was found"),
    "sanctions": QT_TRANSLATE_NOOP("briefs", "Sanctions status"),
    "overview": QT_TRANSLATE_NOOP("briefs", "Overview"),
    "countries": QT_TRANSLATE_NOOP("briefs", "Countries of origin"),
    "tiers": QT_TRANSLATE_NOOP("briefs", "CHPL tiers"),
    "changes": QT_TRANSLATE_NOOP("briefs", "Changes over time"),
    "parts": QT_TRANSLATE_NOOP("briefs", "Parts in the gap"),
    "companies": QT_TRANSLATE_NOOP("briefs", "Companies designated nowhere"),
}
LANGUAGES = {"en": "English", "uk": "Українська"}
PRINT_DPI = 200  # photos' print resolution unless asked otherwise
MIN_DPI, MAX_DPI = 72, 600
# The brief a record is the subject of: (record kind) -> brief kind.
BRIEF_OF_RECORD = {"item": "teardown", "part": "dossier", "org": "dossier",
                   "system": "system"}


def section_title(section: str) -> str:
    """A section's name as the dialog and the help show it (a new section reads as named)."""
    return SECTION_TITLES.get(section) or section.replace("_", " ").capitalize()


def kind_title(kind: str) -> str:
    return KIND_TITLES.get(kind) or f"{kind.replace('_', ' ').capitalize()} brief"


def needs_reference(kind: str) -> bool:
    """Whether a brief of `kind` is about one record named by a reference."""
    return bool(REFERENCES.get(kind, "a reference"))
