"""What a backup of a store is and what checking one found: plain data for the GUI and the CLI.

A backup is checked after it is written and again before it is restored: a copy nobody has
read back is only a hope. A check that finds a problem refuses the backup, naming the problem.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from forensics_gui.core.errors import KnownError
from forensics_gui.core.i18n import QT_TRANSLATE_NOOP

# The tables whose rows a backup's message counts for people; every table is compared. Their
# names are marked for the desktop client's translation.
MAIN_TABLES = ("weapon_system_type", "recovered_item", "component_finding", "part",
               "organization", "source", "supply_link", "photo", "photo_blob",
               "custody_event", "audit_event")
TABLE_LABELS = {"weapon_system_type": QT_TRANSLATE_NOOP("backups", "weapon system types"),
                "recovered_item": QT_TRANSLATE_NOOP("backups", "recovered items"),
                "component_finding": QT_TRANSLATE_NOOP("backups", "component findings"),
                "part": QT_TRANSLATE_NOOP("backups", "parts"),
                "organization": QT_TRANSLATE_NOOP("backups", "organizations"),
                "source": QT_TRANSLATE_NOOP("backups", "sources"),
                "supply_link": QT_TRANSLATE_NOOP("backups", "supply links"),
                "photo": QT_TRANSLATE_NOOP("backups", "photos"),
                "photo_blob": QT_TRANSLATE_NOOP("backups", "original pictures"),
                "custody_event": QT_TRANSLATE_NOOP("backups", "custody events"),
                "audit_event": QT_TRANSLATE_NOOP("backups", "audit events")}


class BackupRefusedError(KnownError):
    """A backup failed its check, or cannot be written or restored where asked; nothing was
    changed."""

    exit_code = 2


@dataclass(frozen=True)
class BackupCheck:
    """What reading a backup back found: its schema revision, rows per table, the originals
    whose bytes were hashed, and the problems (none when it may be trusted)."""

    path: str
    kind: str  # "sqlite" or "postgresql"
    revision: str | None
    counts: dict[str, int] = field(default_factory=dict)
    originals_checked: int = 0
    problems: tuple[str, ...] = ()
    checks: tuple[str, ...] = ()  # what was checked, in words

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class BackupReport:
    """A backup written and checked."""

    path: str
    kind: str
    source: str
    revision: str | None
    byte_size: int
    seconds: float
    check: BackupCheck


@dataclass(frozen=True)
class RestoreReport:
    """A backup restored into a store: where, what the store held before (kept aside), and
    the check the restored copy passed before it took the store's place."""

    backup: str
    store: str
    kept_aside: str | None
    check: BackupCheck


def counted(counts: dict[str, int], words: Callable[[str], str] = str) -> str:
    """The main tables' row counts in words: '12 recovered items, 40 component findings…';
    `words` translates the tables' names (the desktop client; `str` keeps them English)."""
    shown = [f"{counts[t]:,} {words(TABLE_LABELS[t])}" for t in MAIN_TABLES if counts.get(t)]
    return ", ".join(shown) if shown else words(QT_TRANSLATE_NOOP("backups", "no records"))


def refusal(check: BackupCheck, what: str = "the backup") -> BackupRefusedError:
    """The error that refuses a backup whose check found problems."""
    first = "; ".join(check.problems[:5])
    more = f" (and {len(check.problems) - 5} more)" if len(check.problems) > 5 else ""
    return BackupRefusedError(f"{what} {check.path} failed its check: {first}{more}; "
                              "nothing was changed")
