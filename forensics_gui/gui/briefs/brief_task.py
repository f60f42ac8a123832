"""What the brief dialog hands to the worker (the brief written through `reports/`, with
progress and cancellation), and where a brief is saved unless the user says otherwise."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QStandardPaths

from forensics_gui.core.errors import KnownError
from forensics_gui.gui.kit.i18n import translate
from forensics_gui.gui.kit.lazy import briefs

if TYPE_CHECKING:  # for typing only
    from forensics_gui.gui.kit.tasks import TaskControl

FILE_STEMS = {"teardown": "teardown", "dossier": "dossier", "system": "system-summary",
              "gap": "sanctions-gap"}


def documents_folder() -> Path:
    """Where briefs go unless the user says otherwise: the documents folder (else home)."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


def default_path(kind: str, reference: str, folder: Path, day: date) -> Path:
    """'teardown-UA-2024-0117-2025-03-02.pdf' in `folder`; a name already taken gets -2, -3…"""
    slug = re.sub(r"[^\w.-]+", "-", reference.strip(), flags=re.UNICODE).strip("-.")[:60]
    stem = "-".join(p for p in (FILE_STEMS.get(kind, kind), slug, day.isoformat()) if p)
    path, number = folder / f"{stem}.pdf", 2
    while path.exists():
        path, number = folder / f"{stem}-{number}.pdf", number + 1
    return path


def write_brief(store: Any, kind: str, reference: str, path: str, values: dict[str, Any],
                progressed: Callable[[int, int, str], None], control: TaskControl) -> Any:
    """Write the brief (on the worker): the BriefResult, or None when it was cancelled."""

    def check() -> None:
        if control.cancelled:
            raise briefs.Cancelled()

    def progress(done: int, total: int, text: str) -> None:
        control.report(done, total, text)
        progressed(done, total, text)

    try:
        return briefs.write(store, kind, reference or None, path, briefs.BriefOptions(**values),
                            progress=progress, check=check)
    except Exception as error:
        if control.cancelled and isinstance(error, briefs.Cancelled):
            return None  # nothing was written at the target
        if isinstance(error, OSError):  # the folder cannot be written, the disk is full…
            raise KnownError(translate("brief_task", "cannot write {path}: {reason}").format(
                path=path, reason=error.strerror or error)) from None
        raise
