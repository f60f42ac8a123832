"""The kinds of brief and the sections of each, in the users' words: what the desktop client's
brief dialog offers, what `forensics brief` accepts, and what the services check options
against. Plain data, so that a window or the command line's help can show them without
loading the store layers or ReportLab."""

from __future__ import annotations

KINDS = ("teardown", "dossier", "system", "gap")
SECTIONS: dict[str, tuple[str, ...]] = {
    "teardown": ("recovery", "photos", "findings", "makers", "dates", "chains", "sources"),
    "dossier": ("sightings", "chains", "sanctions", "sources"),
    "system": ("overview", "countries", "makers", "tiers", "dates", "changes", "sources"),
    "gap": ("parts", "companies", "sources"),
}
KIND_TITLES = {
    "teardown": "Teardown report of a recovered item",
    "dossier": "Dossier of a part or a maker",
    "system": "Summary of a weapon system type",
    "gap": "Sanctions gap of the whole store",
}
# What the reference of each kind names ("" where a brief takes none).
REFERENCES = {
    "teardown": "the recovered item's case reference",
    "dossier": "a part number or a maker's name",
    "system": "a weapon system type's name",
    "gap": "",
}
SECTION_TITLES = {
    "recovery": "Recovery and custody",
    "photos": "Photos with their annotations",
    "findings": "Findings by where they sat",
    "makers": "Makers and countries",
    "dates": "Production dates",
    "chains": "Probable supply chains",
    "sources": "Sources",
    "sightings": "Where it was found",
    "sanctions": "Sanctions status",
    "overview": "Overview",
    "countries": "Countries of origin",
    "tiers": "CHPL tiers",
    "changes": "Changes over time",
    "parts": "Parts in the gap",
    "companies": "Companies designated nowhere",
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
