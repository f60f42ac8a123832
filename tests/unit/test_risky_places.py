"""Which places put a SQLite store at risk, decided from a mount table's text and a path."""

from __future__ import annotations

import pytest

from forensics_gui.core.risky_places import (
    is_unc_path,
    linux_risky_place,
    mount_of,
    parse_mount_table,
    risky_place,
    sync_service,
)

# As /proc/self/mountinfo writes it: a space in a mount point is \040.
MOUNTINFO = """\
22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw,errors=remount-ro
25 22 0:23 / /home rw,relatime shared:2 - ext4 /dev/sda2 rw
61 25 0:52 / /home/ana/shares/lab rw,relatime shared:30 - nfs4 filer:/export/lab rw,vers=4.2
62 25 0:53 / /home/ana/shares/office\\040files rw,relatime shared:31 - cifs //nas/office rw
63 25 0:54 / /home/ana/remote rw,nosuid,nodev shared:32 - fuse.sshfs ana@lab:/data rw
64 22 0:55 / /mnt/c rw,noatime - 9p drvfs rw,aname=drvfs
65 22 0:56 / /mnt/cloud rw,nosuid - fuse.rclone gdrive: rw
66 25 0:57 / /home/ana/shares/lab/scratch rw - ext4 /dev/sdb1 rw
"""
# As /proc/mounts writes it.
MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
filer:/export /srv/cases nfs rw,vers=3 0 0
//nas/cases /media/cases smb3 rw 0 0
"""


def test_mountinfo_lines_are_read_with_their_escapes() -> None:
    mounts = parse_mount_table(MOUNTINFO + "not a mount line\n")
    assert len(mounts) == 8
    assert mounts[3].point == "/home/ana/shares/office files"
    assert (mounts[3].fs_type, mounts[3].source) == ("cifs", "//nas/office")


@pytest.mark.parametrize(("path", "fs_type"), [
    ("/home/ana/shares/lab/cases/store.sqlite", "nfs4"),
    ("/home/ana/shares/lab/scratch/store.sqlite", "ext4"),  # a local disk mounted inside
    ("/home/ana/shares/laboratory/store.sqlite", "ext4"),  # a neighbour, not inside
    ("/home/ana/shares/office files/store.sqlite", "cifs"),
    ("/home/ana/store.sqlite", "ext4"),
    ("/srv/other.sqlite", "ext4"),
])
def test_the_mount_holding_a_path_is_its_longest_enclosing_mount_point(path: str,
                                                                       fs_type: str) -> None:
    mount = mount_of(parse_mount_table(MOUNTINFO), path)
    assert mount is not None and mount.fs_type == fs_type


@pytest.mark.parametrize(("table", "path", "fs_type"), [
    (MOUNTINFO, "/home/ana/shares/lab/store.sqlite", "nfs4"),
    (MOUNTINFO, "/home/ana/shares/office files/store.sqlite", "cifs"),
    (MOUNTINFO, "/home/ana/remote/store.sqlite", "fuse.sshfs"),
    (MOUNTINFO, "/mnt/c/Users/ana/store.sqlite", "9p"),
    (MOUNTINFO, "/mnt/cloud/store.sqlite", "fuse.rclone"),
    (MOUNTS, "/srv/cases/2026/store.sqlite", "nfs"),
    (MOUNTS, "/media/cases/store.sqlite", "smb3"),
])
def test_a_store_on_a_network_file_system_is_warned_about(table: str, path: str,
                                                          fs_type: str) -> None:
    warning = linux_risky_place(path, table)
    assert warning is not None
    assert f"{path} lies on a network file system ({fs_type})" in warning
    assert "damage the store" in warning and "local disk" in warning
    assert "backups" in warning and "PostgreSQL" in warning


@pytest.mark.parametrize("path", ["/home/ana/store.sqlite",
                                  "/home/ana/shares/lab/scratch/store.sqlite",
                                  "/home/ana/Documents/boxes/store.sqlite",
                                  "/home/ana/dropbox-notes.sqlite"])
def test_a_store_on_a_local_disk_is_not_warned_about(path: str) -> None:
    assert linux_risky_place(path, MOUNTINFO) is None


@pytest.mark.parametrize(("path", "service"), [
    ("/home/ana/Dropbox/cases/store.sqlite", "Dropbox"),
    ("/home/ana/Dropbox (Field Office)/store.sqlite", "Dropbox"),
    ("C:\\Users\\ana\\OneDrive - Field Office\\store.sqlite", "OneDrive"),
    ("/Users/ana/Library/CloudStorage/GoogleDrive-ana@example.org/My Drive/x.sqlite",
     "a cloud storage provider"),
    ("G:\\My Drive\\cases\\store.sqlite", "Google Drive"),
    ("/home/ana/Google Drive/store.sqlite", "Google Drive"),
    ("/Users/ana/Library/Mobile Documents/com~apple~CloudDocs/store.sqlite", "iCloud Drive"),
    ("C:\\Users\\ana\\iCloudDrive\\store.sqlite", "iCloud Drive"),
    ("/home/ana/Nextcloud/store.sqlite", "Nextcloud"),
    ("/home/ana/ownCloud/store.sqlite", "ownCloud"),
    ("P:\\pCloud Drive\\store.sqlite", "pCloud"),
    ("/Users/ana/Box/store.sqlite", "Box"),
    ("/home/ana/MEGA/store.sqlite", "MEGA"),
    ("C:\\Users\\ana\\Sync.com\\store.sqlite", "Sync.com"),
    ("/home/ana/Yandex.Disk/store.sqlite", "Yandex.Disk"),
])
def test_a_store_in_a_sync_folder_is_warned_about(path: str, service: str) -> None:
    assert sync_service(path) == service
    warning = risky_place(path)
    assert warning is not None and f"synchronised by {service}" in warning
    assert "half-written" in warning and "conflicted copies" in warning
    assert "local disk" in warning


def test_a_sync_client_s_marker_file_counts_as_its_folder() -> None:
    warning = risky_place("/home/ana/work/store.sqlite", marker_service="Dropbox")
    assert warning is not None and "synchronised by Dropbox" in warning
    assert risky_place("/home/ana/work/store.sqlite") is None


@pytest.mark.parametrize(("path", "remote"), [
    ("\\\\fileserver\\cases\\store.sqlite", True),
    ("//fileserver/cases/store.sqlite", True),
    ("\\\\?\\UNC\\fileserver\\cases\\store.sqlite", True),
    ("\\\\?\\C:\\cases\\store.sqlite", False),
    ("C:\\cases\\store.sqlite", False),
])
def test_windows_network_shares(path: str, remote: bool) -> None:
    assert is_unc_path(path) is remote
    warning = risky_place(path)
    assert (warning is not None and "lies on a network share" in warning) is remote


def test_a_mapped_network_drive_or_a_remote_file_system_on_macos() -> None:
    assert "network share" in str(risky_place("Z:\\cases\\store.sqlite", network_share=True))
    assert "(smbfs)" in str(risky_place("/Volumes/cases/store.sqlite", fs_type="smbfs"))
    assert risky_place("/Users/ana/store.sqlite", fs_type="apfs") is None
