"""Writing files that readers never see half-written."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from forensics_gui.core.errors import KnownError


def replace_atomically(target: Path, write: Callable[[str], None], *,
                       failed: Callable[[str], KnownError] | None = None) -> None:
    """Have `write` fill a temporary file beside `target` (it is given the file's path), then
    rename it over `target`: the old file stays whole until the new one is complete.

    The temporary file is made readable by its owner only (exports may hold sensitive
    findings) and is removed if anything goes wrong. An error of the file system becomes
    `failed(reason)`, by default "cannot write TARGET: reason".
    """
    def refuse(error: OSError) -> KnownError:
        reason = error.strerror or str(error)
        return failed(reason) if failed else KnownError(f"cannot write {target}: {reason}")

    try:
        handle, temporary = tempfile.mkstemp(prefix=".export-", suffix=target.suffix or ".tmp",
                                             dir=target.parent)
    except OSError as error:
        raise refuse(error) from None
    os.close(handle)
    try:
        write(temporary)
        os.replace(temporary, target)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise refuse(error) from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
