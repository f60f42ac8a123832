#!/usr/bin/env python3
"""Build the application as a one-folder bundle that needs nothing installed, pack it, and
try it on a clean system.

    .venv/bin/python installer/build_bundle.py            build, pack, print the figures
    .venv/bin/python installer/build_bundle.py --try      also try the Linux bundle on a
                                                          minimal Debian system (as root)
    .venv/bin/python installer/build_bundle.py --try-only try the bundle already built

Run it with the project's Python (`python3 installer/bootstrap.py setup` makes it); PyInstaller
comes from `installer/bundle.lock`, at the versions written there, with their hashes.

What it makes, in `dist/`:
- `forensics/`: the one-folder bundle: `forensics-gui` (the desktop client), `forensics` (the
  command line), the assets (icons, fonts, demo and reference data, translations), the
  migrations, the user guide, and every library they load;
- Linux: `forensics-<version>-linux-<machine>.tar.gz`, the folder with a desktop entry, its
  icon and `install.sh`, which puts both in the applications menu;
- Windows: the folder, which `installer/windows/forensics.iss` (Inno Setup) turns into an
  installer; macOS: `Forensics.app` (see installer/README.md).

Trying it (`--try`, Linux, root): a minimal Debian system is made with debootstrap (kept in
`build/rootfs` for the next time), holding no X11, xcb or Qt library at all; an X server
(Xvfb) runs outside it. Inside, the bundle answers `forensics --version`, then the desktop
client starts on that X server, creates a store, loads the demo data, writes a brief and exits;
then it is started again on that store, five times, to time how long it takes until its window
shows the first rows. Every figure is printed; a failure stops with exit code 1.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
WORK = ROOT / "build" / "bundle"
ROOTFS = ROOT / "build" / "rootfs"
BUNDLE = DIST / "forensics"
LOCK = ROOT / "installer" / "bundle.lock"
MAX_MB = 250
MAX_START_S = 2.0
SUITE = "bookworm"
MIRROR = "http://deb.debian.org/debian"
DISPLAY = ":93"
# Client-side libraries a clean system must not have for the try to mean anything.
SYSTEM_MUST_LACK = ("libxcb", "libX11", "libxkbcommon", "libQt6", "libfontconfig",
                    "libfreetype", "libGL", "libEGL", "libdbus")


def step(text: str) -> None:
    print(f"==> {text}", flush=True)


def version() -> str:
    import tomllib

    with (ROOT / "pyproject.toml").open("rb") as handle:
        return str(tomllib.load(handle)["project"]["version"])


def ensure_pyinstaller() -> None:
    """PyInstaller at the locked version, installed into this Python when missing."""
    wanted = next(line.split("==")[1].split()[0] for line in LOCK.read_text().splitlines()
                  if line.startswith("pyinstaller=="))
    try:
        from importlib.metadata import version as installed

        if installed("pyinstaller") == wanted:
            return
    except Exception:
        pass
    step(f"Installing PyInstaller {wanted} from installer/bundle.lock")
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
                    "--require-hashes", "-r", str(LOCK)], check=True)


def render_icons() -> None:
    """The application icon as PNG (Linux), ICO (Windows) and ICNS (macOS), drawn from
    assets/icons/app.svg with Qt and packed with Pillow."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([])
    folder = WORK / "icons"
    folder.mkdir(parents=True, exist_ok=True)
    renderer = QSvgRenderer(str(ROOT / "assets" / "icons" / "app.svg"))
    image = QImage(QSize(512, 512), QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    big = folder / "forensics-512.png"
    image.save(str(big))
    del app
    with Image.open(big) as picture:
        picture.resize((256, 256), Image.Resampling.LANCZOS).save(folder / "forensics-gui.png")
        picture.save(folder / "forensics.ico", sizes=[(16, 16), (32, 32), (48, 48), (256, 256)])
        picture.save(folder / "forensics.icns")


def system_libraries() -> None:
    """Linux: the libraries Qt's window plugin loads must be on the building system, to be
    bundled (installed with apt-get when building as root; else named, and the build
    stops)."""
    if platform.system() != "Linux":
        return
    sys.path.insert(0, str(ROOT / "installer"))
    import bootstrap

    if not bootstrap.check_system(Path(sys.executable), "xcb", bootstrap.Steps(1)):
        raise SystemExit("install the libraries named above, then build again: the bundle "
                         "must carry them")


def build() -> None:
    step("Building the one-folder bundle with PyInstaller")
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
                    "--log-level", "WARN", "--distpath", str(DIST), "--workpath", str(WORK),
                    str(ROOT / "installer" / "forensics.spec")], check=True, cwd=ROOT)
    print(f"    built in {time.monotonic() - started:.0f} s")


def pack_linux() -> Path:
    """`forensics-gui` (a link to the one program), the desktop entry, icon and installer
    script beside it, then the archive."""
    link = BUNDLE / "forensics-gui"
    if not link.exists():
        link.symlink_to("forensics")
    shutil.copy(ROOT / "installer" / "linux" / "forensics.desktop", BUNDLE)
    shutil.copy(ROOT / "installer" / "linux" / "install.sh", BUNDLE)
    shutil.copy(WORK / "icons" / "forensics-gui.png", BUNDLE)
    archive = DIST / f"forensics-{version()}-linux-{platform.machine()}.tar.gz"
    step(f"Packing {archive.name}")
    with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
        tar.add(BUNDLE, arcname=f"forensics-{version()}")
    return archive


def folder_mb(path: Path) -> float:
    """What the folder takes: every file once (links not followed)."""
    return sum(f.lstat().st_size for f in path.rglob("*")
               if f.is_file() and not f.is_symlink()) / 1e6


# ------------------------------------------------------------------ trying it

def run(*command: str, **options: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, check=True, text=True, **options)  # type: ignore[call-overload]


def apt_install(*packages: str) -> None:
    step(f"Installing {', '.join(packages)} with apt-get")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    run("apt-get", "update", "--quiet", env=env, stdout=subprocess.DEVNULL)
    run("apt-get", "install", "--yes", "--quiet", "--no-install-recommends", *packages, env=env,
        stdout=subprocess.DEVNULL)


def make_rootfs() -> None:
    """A minimal Debian system (debootstrap's minbase): no X11, xcb, Qt or font library."""
    stamp = ROOTFS / ".forensics-rootfs"
    if stamp.exists():
        return
    if not shutil.which("debootstrap"):
        apt_install("debootstrap")
    step(f"Making a minimal Debian {SUITE} system in {ROOTFS.relative_to(ROOT)} (once)")
    shutil.rmtree(ROOTFS, ignore_errors=True)
    ROOTFS.parent.mkdir(parents=True, exist_ok=True)
    run("debootstrap", "--variant=minbase", SUITE, str(ROOTFS), MIRROR,
        stdout=subprocess.DEVNULL)
    stamp.write_text(SUITE)


class Mounted:
    """/proc, /dev and the X server's socket folder seen inside the minimal system, and the
    bundle at /opt/forensics (read-only)."""

    def __init__(self) -> None:
        self.points = [("/proc", "proc"), ("/dev", "dev"), ("/tmp/.X11-unix", "tmp/.X11-unix"),
                       (str(BUNDLE), "opt/forensics")]

    def __enter__(self) -> Mounted:
        for source, target in self.points:
            (ROOTFS / target).mkdir(parents=True, exist_ok=True)
            run("mount", "--bind", source, str(ROOTFS / target))
        run("mount", "-o", "remount,bind,ro", str(ROOTFS / "opt/forensics"))
        return self

    def __exit__(self, *_exc: object) -> None:
        for _, target in reversed(self.points):
            subprocess.run(["umount", "-l", str(ROOTFS / target)], check=False)


def inside(*command: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run `command` in the minimal system, on the X server outside it."""
    env = {"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "HOME": "/root", "DISPLAY": DISPLAY,
           "QT_QPA_PLATFORM": "xcb", "LANG": "C.UTF-8"}
    return subprocess.run(["chroot", str(ROOTFS), *command], env=env, text=True,
                          capture_output=True, timeout=timeout)


def try_bundle() -> dict[str, object]:
    if platform.system() != "Linux" or os.geteuid() != 0:
        raise SystemExit("trying the bundle needs Linux and root (chroot, mount, debootstrap)")
    make_rootfs()
    present = inside("/bin/sh", "-c", "ldconfig -p").stdout
    found = sorted({line.split()[0] for line in present.splitlines()
                    if line.strip().startswith(SYSTEM_MUST_LACK)})
    if found:
        raise SystemExit(f"the minimal system holds client libraries it must not: {found}")
    figures: dict[str, object] = {"system_libraries_checked_absent": list(SYSTEM_MUST_LACK)}
    if not shutil.which("Xvfb"):
        apt_install("xvfb")  # outside the minimal system
    Path("/tmp/.X11-unix").mkdir(exist_ok=True)
    server = subprocess.Popen(["Xvfb", DISPLAY, "-screen", "0", "1280x800x24", "-nolisten",
                               "tcp"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(1.0)
        with Mounted():
            figures |= _try_inside()
    finally:
        server.terminate()
        server.wait(10)
    return figures


def _try_inside() -> dict[str, object]:
    step("Inside the minimal system: forensics --version")
    answer = inside("/opt/forensics/forensics", "--version", timeout=60)
    if answer.returncode != 0 or not answer.stdout.startswith(f"forensics {version()}"):
        raise SystemExit(f"`forensics --version` failed: {answer.stdout}{answer.stderr}")
    print(f"    {answer.stdout.strip()}")
    step("Inside: the desktop client creates a store, loads the demo data, writes a brief")
    inside("/bin/rm", "-rf", "/root/try")
    first = inside("/opt/forensics/forensics-gui", "--self-test", "/root/try", timeout=180)
    report = _report(first, "the first start")
    brief = ROOTFS / str(report["brief"]).lstrip("/")
    if not brief.is_file() or not brief.read_bytes().startswith(b"%PDF"):
        raise SystemExit(f"the brief was not written: {brief}")
    if not report.get("fonts"):
        raise SystemExit("the desktop client found no font to write its text with")
    picture = ROOTFS / "root" / "try" / "window.png"
    shutil.copy(picture, DIST / "tried-window.png")
    print(f"    store with {report['items']} recovered items; brief of {report['pages']} "
          f"page(s), {brief.stat().st_size / 1e3:.0f} kB; {report['fonts']} font families; "
          f"exited cleanly; its window: dist/tried-window.png")
    step("Inside: five starts on that store, timed to the first rows on screen")
    starts = []
    for _ in range(5):
        started = time.time()
        again = inside("/opt/forensics/forensics-gui", "--self-test", "/root/try",
                       "--no-brief", timeout=120)
        starts.append(float(_report(again, "a later start")["usable_at"]) - started)
    usable = statistics.median(starts)
    print(f"    usable window after {usable:.2f} s (median of 5: "
          f"{', '.join(f'{s:.2f}' for s in starts)})")
    return {"version_line": answer.stdout.strip(), "demo_items": report["items"],
            "brief_pages": report["pages"], "start_to_usable_s": round(usable, 2),
            "starts_s": [round(s, 2) for s in starts]}


def _report(done: subprocess.CompletedProcess[str], what: str) -> dict[str, object]:
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise SystemExit(f"the desktop client failed on {what} (exit code {done.returncode}):"
                         f"\n{done.stdout}\n{done.stderr}")
    return dict(json.loads(lines[-1]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--try", dest="try_it", action="store_true",
                        help="also try the Linux bundle on a minimal Debian system (root)")
    parser.add_argument("--try-only", action="store_true", help="try the bundle already built")
    args = parser.parse_args(argv)
    figures: dict[str, object] = {"version": version()}
    if not args.try_only:
        ensure_pyinstaller()
        system_libraries()
        render_icons()
        build()
        if platform.system() == "Linux":
            archive = pack_linux()
            figures["archive"] = archive.name
            figures["archive_mb"] = round(archive.stat().st_size / 1e6, 1)
    figures["bundle_mb"] = round(folder_mb(BUNDLE), 1)
    print(f"    bundle folder: {figures['bundle_mb']} MB (limit {MAX_MB} MB)"
          + (f"; archive {figures['archive_mb']} MB" if "archive_mb" in figures else ""))
    failed = []
    if float(figures["bundle_mb"]) > MAX_MB:  # type: ignore[arg-type]
        failed.append(f"the bundle is {figures['bundle_mb']} MB, over {MAX_MB} MB")
    if args.try_it or args.try_only:
        figures |= try_bundle()
        if float(figures["start_to_usable_s"]) > MAX_START_S:  # type: ignore[arg-type]
            failed.append(f"the window took {figures['start_to_usable_s']} s to be usable, "
                          f"over {MAX_START_S} s")
    print(json.dumps(figures))
    for problem in failed:
        print(f"FAIL: {problem}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
