"""Which store to open: a SQLite file, a PostgreSQL URL or a libpq service name."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_dir

ENV_VAR = "FORENSICS_STORE"
APP_NAME = "forensics-gui"
_PG_PREFIXES = ("postgresql://", "postgres://", "postgresql+psycopg://")
_SYNC_FOLDERS = ("dropbox", "onedrive", "google drive", "googledrive", "icloud", "nextcloud",
                 "owncloud", "syncthing", "box sync", "mega")
_NETWORK_FS = {"nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "afs", "9p", "davfs",
               "fuse.rclone", "ncpfs", "glusterfs", "ceph"}


@dataclass(frozen=True)
class StoreLocation:
    """Where a store lives, as SQLAlchemy needs it and as users should see it."""

    kind: str  # "sqlite" or "postgresql"
    url: str
    display: str
    path: Path | None = None


def default_store_path() -> Path:
    """The local store in the platform's user data folder."""
    return Path(user_data_dir(APP_NAME, appauthor=False)) / "forensics.sqlite"


def resolve_location(text: str | None = None) -> StoreLocation:
    """Turn what the user gave (option, environment variable or nothing) into a location."""
    text = (text or os.environ.get(ENV_VAR) or "").strip()
    if not text:
        return _sqlite(default_store_path())
    if text.startswith(("service:", "pgservice:")):
        name = text.split(":", 1)[1]
        return StoreLocation("postgresql", f"postgresql+psycopg:///?service={name}",
                             f"PostgreSQL service {name}")
    if text.startswith(_PG_PREFIXES):
        url = re.sub(r"^postgres(ql)?(\+psycopg)?://", "postgresql+psycopg://", text)
        return StoreLocation("postgresql", url, mask_password(url.replace("+psycopg", "")))
    if text.startswith("sqlite:///"):
        return _sqlite(Path(text.removeprefix("sqlite:///")))
    return _sqlite(Path(text).expanduser())


def _sqlite(path: Path) -> StoreLocation:
    path = path.resolve()
    return StoreLocation("sqlite", f"sqlite+pysqlite:///{path}", str(path), path)


def mask_password(url: str) -> str:
    """The URL with any password replaced by '***', for messages and settings."""
    masked = re.sub(r"(://[^:/@]+:)[^@]*@", r"\1***@", url)
    return re.sub(r"(\bpassword=)[^&\s]*", r"\1***", masked, flags=re.IGNORECASE)


def has_password(text: str) -> bool:
    """True when a store address carries a password in plain text."""
    return mask_password(text) != text or "password=" in text


def risky_location(path: Path) -> str | None:
    """Why a SQLite file should not live at `path` (network share, sync folder), or None."""
    lowered = str(path).lower()
    for folder in _SYNC_FOLDERS:
        if f"/{folder}" in lowered or f"\\{folder}" in lowered:
            return (f"{path} lies in a synchronised folder ({folder}); SQLite files can be "
                    "damaged there. Keep the store on a local disk.")
    fs_type = _filesystem_type(path)
    if fs_type in _NETWORK_FS:
        return (f"{path} lies on a network file system ({fs_type}); SQLite is not safe there. "
                "Keep the store on a local disk or use a shared PostgreSQL store.")
    return None


def _filesystem_type(path: Path) -> str | None:
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return None
    best, best_type = "", None
    target = str(path.resolve())
    for line in mounts:
        parts = line.split()
        if len(parts) >= 3 and target.startswith(parts[1]) and len(parts[1]) > len(best):
            best, best_type = parts[1], parts[2]
    return best_type
