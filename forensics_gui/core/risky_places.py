"""Places where a SQLite store is at risk: network file systems and cloud-sync folders.

SQLite relies on file locks that network file systems often get wrong, so two programs can
write at once and damage the store. Sync clients copy a file while it is being written (a
half-written copy arrives elsewhere) and make "conflicted copies" when two machines change
it. This module only decides, from text and names it is given (the mount table, a path, the
marker files found); reading them from the machine is the storage layer's work.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePath, PurePosixPath, PureWindowsPath

# File system types (as Linux's mount table and macOS's statfs name them) that are remote.
NETWORK_FILESYSTEMS = frozenset((
    "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "sshfs", "fuse.sshfs", "9p", "afs",
    "openafs", "davfs", "davfs2", "fuse.davfs2", "webdav", "fuse.rclone", "rclone", "ncpfs",
    "glusterfs", "fuse.glusterfs", "ceph", "fuse.ceph", "lustre", "gpfs", "beegfs", "ocfs2",
    "gfs2", "fuse.s3fs", "fuse.gcsfuse", "fuse.goofys", "fuse.mountpoint-s3", "fuse.onedriver",
    "fuse.google-drive-ocamlfuse", "fuse.juicefs", "afpfs", "fuse.afpfs", "nfs3", "acfs",
))
# Folder names (compared case-insensitively) that sync clients create, and the service each
# belongs to. A name ending in "*" matches names starting so ("OneDrive - Company").
SYNC_FOLDERS: tuple[tuple[str, str], ...] = (
    ("dropbox*", "Dropbox"), ("onedrive*", "OneDrive"), ("google drive", "Google Drive"),
    ("googledrive*", "Google Drive"), ("my drive", "Google Drive"),
    ("icloud drive", "iCloud Drive"), ("iclouddrive", "iCloud Drive"),
    ("mobile documents", "iCloud Drive"), ("cloudstorage", "a cloud storage provider"),
    ("nextcloud*", "Nextcloud"), ("owncloud*", "ownCloud"), ("pcloud*", "pCloud"),
    ("box", "Box"), ("box sync", "Box"), ("mega", "MEGA"), ("megasync", "MEGA"),
    ("mega sync", "MEGA"), ("sync.com", "Sync.com"), ("yandex.disk", "Yandex.Disk"),
    ("yandexdisk", "Yandex.Disk"), ("syncthing", "Syncthing"), ("tresorit", "Tresorit"),
    ("seafile", "Seafile"), ("resilio sync", "Resilio Sync"),
)
# Files or folders a sync client keeps in the folder it synchronises.
SYNC_MARKERS: dict[str, str] = {
    ".dropbox": "Dropbox", ".dropbox.cache": "Dropbox", ".dropbox.attr": "Dropbox",
    ".stfolder": "Syncthing", ".owncloudsync.log": "ownCloud or Nextcloud",
    ".nextcloudsync.log": "Nextcloud", ".sync": "Resilio Sync", ".tresorit": "Tresorit",
    ".megaignore": "MEGA",
}
MOUNTINFO_VAR = "FORENSICS_MOUNTINFO"
WHAT_TO_DO = ("Keep the store on a local disk; to share the records, send backups or case "
              "packages, or use a shared PostgreSQL store.")
_ESCAPE = re.compile(r"\\([0-7]{3})")


@dataclass(frozen=True)
class Mount:
    """One line of the mount table: where a file system is mounted and its type."""

    point: str
    fs_type: str
    source: str = ""


def _unescape(field: str) -> str:
    """The kernel writes spaces, tabs, newlines and backslashes in paths as octal escapes."""
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 8)), field)


def parse_mount_table(text: str) -> list[Mount]:
    """The mounts listed in Linux's /proc/self/mountinfo or /proc/mounts (either format);
    lines that are neither are skipped."""
    mounts = []
    for line in text.splitlines():
        fields = line.split()
        if " - " in line and len(fields) >= 7:  # mountinfo: ... mount-point ... - type source
            before, _, after = line.partition(" - ")
            head, tail = before.split(), after.split()
            if len(head) >= 5 and tail:
                mounts.append(Mount(_unescape(head[4]), tail[0],
                                    _unescape(tail[1]) if len(tail) > 1 else ""))
        elif len(fields) >= 3 and fields[1].startswith("/"):  # mounts: source point type ...
            mounts.append(Mount(_unescape(fields[1]), fields[2], _unescape(fields[0])))
    return mounts


def mount_of(mounts: list[Mount], path: str) -> Mount | None:
    """The mount that holds `path` (absolute): the one with the longest mount point that is
    `path` or one of its folders; the last mounted wins when two have the same point."""
    best: Mount | None = None
    target = PurePosixPath(path)
    for mount in mounts:
        point = PurePosixPath(mount.point)
        if (target == point or point in target.parents) and (
                best is None or len(point.parts) >= len(PurePosixPath(best.point).parts)):
            best = mount
    return best


def is_network_filesystem(fs_type: str | None) -> bool:
    """Whether a file system of this type lies on another machine."""
    if not fs_type:
        return False
    kind = fs_type.lower()
    return kind in NETWORK_FILESYSTEMS or kind.removeprefix("fuse.") in NETWORK_FILESYSTEMS


def is_unc_path(path: str) -> bool:
    r"""Whether a Windows path names a share on another machine (\\server\share\...), not a
    local device path (\\?\C:\..., \\.\...)."""
    if path.startswith(("\\\\?\\UNC\\", "//?/UNC/")):
        return True
    return path.startswith(("\\\\", "//")) and not path.startswith(
        ("\\\\?\\", "\\\\.\\", "//?/", "//./"))


def sync_service(path: PurePath | str) -> str | None:
    """The sync service whose folder holds `path`, judged by its folders' names."""
    text = str(path)
    pure = PureWindowsPath(text) if "\\" in text else PurePosixPath(text)
    for folder in pure.parts[:-1]:
        name = folder.strip("\\/").lower()
        for pattern, service in SYNC_FOLDERS:
            if name == pattern or (pattern.endswith("*") and name.startswith(pattern[:-1])):
                return service
    return None


def network_warning(path: str, fs_type: str) -> str:
    """What to tell a user whose store lies on a network file system."""
    return (f"{path} lies on a network file system ({fs_type}). SQLite's file locks are not "
            "reliable over a network, so two programs can write at once and damage the "
            f"store. {WHAT_TO_DO}")


def network_share_warning(path: str) -> str:
    """What to tell a user whose store lies on a network share (Windows)."""
    return (f"{path} lies on a network share. SQLite's file locks are not reliable over a "
            "network, so two programs can write at once and damage the store. "
            f"{WHAT_TO_DO}")


def sync_warning(path: str, service: str) -> str:
    """What to tell a user whose store lies in a folder a sync client copies."""
    return (f"{path} lies in a folder synchronised by {service}. Sync clients can copy the "
            "store while it is being written (the copy elsewhere is then half-written) and "
            f"make conflicted copies when two computers change it. {WHAT_TO_DO}")


def risky_place(path: str, *, fs_type: str | None = None, network_share: bool = False,
                marker_service: str | None = None) -> str | None:
    """Why a SQLite store should not live at `path`, or None. `fs_type`: the type of the file
    system holding it; `network_share`: the platform says it is remote (a UNC path, a mapped
    network drive, a file system not marked local); `marker_service`: the sync service whose
    marker file was found in one of its folders."""
    if is_network_filesystem(fs_type):
        return network_warning(path, str(fs_type))
    if network_share or is_unc_path(path):
        return network_share_warning(path)
    service = sync_service(path) or marker_service
    return sync_warning(path, service) if service else None


def linux_risky_place(path: str, mount_table: str,
                      marker_service: str | None = None) -> str | None:
    """`risky_place` for Linux, from the text of its mount table."""
    mount = mount_of(parse_mount_table(mount_table), path)
    return risky_place(path, fs_type=mount.fs_type if mount else None,
                       marker_service=marker_service)
