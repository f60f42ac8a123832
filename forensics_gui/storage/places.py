"""Where a SQLite store lies, as this machine tells it: the file system holding its folder
and the sync clients' marker files around it. `core.risky_places` decides what that means.

On Linux the mount table is read from /proc/self/mountinfo (else /proc/mounts); the
environment variable FORENSICS_MOUNTINFO names another file to read instead, in either
format, on any platform (to check what a machine's mount table would make of a store). On
Windows a UNC path or a drive Windows reports as remote is a network share; on macOS the file
system's type and its "local" flag come from statfs.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from forensics_gui.core.risky_places import (
    MOUNTINFO_VAR,
    SYNC_MARKERS,
    linux_risky_place,
    risky_place,
)

MOUNT_TABLES = ("/proc/self/mountinfo", "/proc/mounts")
DRIVE_REMOTE = 4  # GetDriveTypeW's answer for a network drive
MNT_LOCAL = 0x1000  # macOS statfs f_flags: the file system is on this machine
_STATFS_SIZE = 2168  # sizeof(struct statfs) on 64-bit macOS, rounded up
_FSTYPENAME_AT, _FLAGS_AT = 72, 64


def risky_location(path: Path) -> str | None:
    """Why a SQLite store should not live at `path` (network file system or share, folder a
    sync client copies), or None."""
    where = str(path)
    marker = marker_service(path)
    table = mount_table()
    if table is not None:
        return linux_risky_place(where, table, marker)
    if sys.platform == "win32":
        return risky_place(where, network_share=_windows_remote(path), marker_service=marker)
    if sys.platform == "darwin":
        fs_type, local = _macos_filesystem(path)
        return risky_place(where, fs_type=fs_type, network_share=local is False,
                           marker_service=marker)
    return risky_place(where, marker_service=marker)


def mount_table() -> str | None:
    """The text of the mount table ($FORENSICS_MOUNTINFO's file when set), or None where
    there is none (Windows, macOS)."""
    given = os.environ.get(MOUNTINFO_VAR, "").strip()
    for name in (given,) if given else MOUNT_TABLES:
        try:
            return Path(name).read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
    return None


def marker_service(path: Path) -> str | None:
    """The sync service whose marker file lies in one of the store's folders, or None."""
    for folder in path.parents:
        for name, service in SYNC_MARKERS.items():
            try:
                if (folder / name).exists():
                    return service
            except OSError:  # a folder we may not look into says nothing
                continue
    return None


def _windows_remote(path: Path) -> bool:
    drive = path.drive
    if not drive or drive.startswith("\\\\"):
        return bool(drive)
    import ctypes

    try:
        return ctypes.windll.kernel32.GetDriveTypeW(f"{drive}\\") == DRIVE_REMOTE  # type: ignore[attr-defined]
    except (AttributeError, OSError):
        return False


def _macos_filesystem(path: Path) -> tuple[str | None, bool | None]:
    """(file system type, whether it is local) of the folder holding `path`, from statfs;
    (None, None) when it cannot be asked."""
    import ctypes
    import ctypes.util

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        buffer = ctypes.create_string_buffer(_STATFS_SIZE)
        if libc.statfs(os.fsencode(path.parent), buffer) != 0:
            return None, None
    except (AttributeError, OSError):
        return None, None
    raw = buffer.raw
    name = raw[_FSTYPENAME_AT:_FSTYPENAME_AT + 16].split(b"\0", 1)[0].decode(errors="replace")
    flags = int.from_bytes(raw[_FLAGS_AT:_FLAGS_AT + 4], sys.byteorder)
    return name or None, bool(flags & MNT_LOCAL)
