#!/usr/bin/env python3
"""Set up the application on a fresh machine (Python 3.11+ and a few system libraries needed)
and run it or its tests.

    python3 installer/bootstrap.py           set up, then open the application on a local store
                                             holding the demo data
    python3 installer/bootstrap.py test      set up, then run the whole test suite
                                             (extra arguments go to pytest)
    python3 installer/bootstrap.py setup     set up only
    python3 installer/bootstrap.py system    set up, then check the system libraries Qt needs
                                             here and exiftool (the tests' independent photo
                                             metadata reader); as root on a system with
                                             apt-get, install what is missing
    python3 installer/bootstrap.py test --latest
                                             install the newest releases allowed by
                                             pyproject.toml into .venv-latest, run the tests
                                             there and say which releases differ from the lock
    python3 installer/bootstrap.py lock      refresh the lock to the newest releases, install
                                             them and run the tests; the old lock is put back
                                             if the tests fail
    python3 installer/bootstrap.py --help    this text

Everything is installed into `.venv` beside this folder, at the versions written in
`installer/requirements.lock` (with their hashes), so that every machine runs what the tests
passed with. On Linux, Qt needs some system libraries that no Python package brings (for the
desktop window, the X11 "xcb" ones): before opening the application or running the tests,
the bootstrap checks them and names the missing ones with the command that installs them on
Debian/Ubuntu, Fedora and Arch; run as root on a system with apt-get, it installs them
itself. Nothing else outside the folder is changed except the local store in the user data
folder.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import venv
from collections.abc import Iterable, Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "installer" / "requirements.lock"
LOCK_TOOL = ROOT / "installer" / "lock-tool.txt"
VENV = ROOT / ".venv"
LATEST_VENV = ROOT / ".venv-latest"
STAMP_NAME = ".installed-from"
LOCK_COMMAND = "python3 installer/bootstrap.py lock"
USAGE = __doc__.strip()
COMMANDS = ("", "test", "setup", "system", "lock")

# ---------------------------------------------------------------- system libraries
# What provides each library Qt's Linux wheels load but do not bring:
# soname -> (Debian/Ubuntu package, Fedora package, Arch package).
SYSTEM_PACKAGES: dict[str, tuple[str, str, str]] = {
    # the xcb platform plugin (a window on X11, and XWayland)
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor", "xcb-util-cursor"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm", "xcb-util-wm"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms", "xcb-util-keysyms"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image", "xcb-util-image"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil",
                                "xcb-util-renderutil"),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util", "xcb-util"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11", "libxkbcommon-x11"),
    "libxcb-xinerama.so.0": ("libxcb-xinerama0", "libxcb", "libxcb"),
    "libxcb-xinput.so.0": ("libxcb-xinput0", "libxcb", "libxcb"),
    "libxcb-randr.so.0": ("libxcb-randr0", "libxcb", "libxcb"),
    "libxcb-render.so.0": ("libxcb-render0", "libxcb", "libxcb"),
    "libxcb-shape.so.0": ("libxcb-shape0", "libxcb", "libxcb"),
    "libxcb-shm.so.0": ("libxcb-shm0", "libxcb", "libxcb"),
    "libxcb-sync.so.1": ("libxcb-sync1", "libxcb", "libxcb"),
    "libxcb-xfixes.so.0": ("libxcb-xfixes0", "libxcb", "libxcb"),
    "libxcb-xkb.so.1": ("libxcb-xkb1", "libxcb", "libxcb"),
    "libxcb-glx.so.0": ("libxcb-glx0", "libxcb", "libxcb"),
    "libxcb.so.1": ("libxcb1", "libxcb", "libxcb"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb", "libx11"),
    "libX11.so.6": ("libx11-6", "libX11", "libx11"),
    "libSM.so.6": ("libsm6", "libSM", "libsm"),
    "libICE.so.6": ("libice6", "libICE", "libice"),
    # Qt itself, even offscreen (the tests run it so)
    "libEGL.so.1": ("libegl1", "libglvnd-egl", "libglvnd"),
    "libGL.so.1": ("libgl1", "libglvnd-glx", "libglvnd"),
    "libGLX.so.0": ("libglx0", "libglvnd-glx", "libglvnd"),
    "libOpenGL.so.0": ("libopengl0", "libglvnd-opengl", "libglvnd"),
    "libGLdispatch.so.0": ("libglvnd0", "libglvnd", "libglvnd"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon", "libxkbcommon"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig", "fontconfig"),
    "libfreetype.so.6": ("libfreetype6", "freetype", "freetype2"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs", "dbus"),
    "libglib-2.0.so.0": ("libglib2.0-0", "glib2", "glib2"),
    "libgthread-2.0.so.0": ("libglib2.0-0", "glib2", "glib2"),
    "libpng16.so.16": ("libpng16-16", "libpng", "libpng"),
    # not a library: the photo tests read redacted copies back with it
    "exiftool": ("libimage-exiftool-perl", "perl-Image-ExifTool", "perl-image-exiftool"),
    # nor this: the brief tests read the PDFs back with poppler's tools
    "pdftotext": ("poppler-utils", "poppler-utils", "poppler"),
}
TOOLS = ("exiftool", "pdftotext")
DISTROS = ("Debian/Ubuntu", "Fedora", "Arch")
INSTALLERS = ("apt-get install", "dnf install", "pacman -S --needed")
FINDERS = ("apt-file search {}", "dnf provides '*/{}'", "pacman -F {}")
# Files of the PySide6 wheel whose libraries `ldd` lists: the xcb plugin (the desktop window
# on Linux) and, for every platform, the offscreen plugin and the widgets it draws.
XCB_FILES = ("Qt/plugins/platforms/libqxcb.so", "Qt/lib/libQt6XcbQpa.so.6")
BASE_FILES = ("Qt/plugins/platforms/libqoffscreen.so", "Qt/lib/libQt6Widgets.so.6")
EXIFTOOL_USE = ("the tools the tests read their output back with (exiftool for photos, "
                "poppler's pdftotext for briefs)")


def _bin(env: Path, name: str) -> Path:
    folder = env / ("Scripts" if os.name == "nt" else "bin")
    return folder / (f"{name}.exe" if os.name == "nt" else name)


def _run(*command: str | Path, env: dict[str, str] | None = None) -> None:
    subprocess.run([str(c) for c in command], check=True, cwd=ROOT, env=env)


def _step(text: str) -> None:
    print(f"==> {text}", flush=True)


class Steps:
    """Numbered progress lines, "==> step 2 of 5: ...": a first start installs for minutes.

    Quiet ones print nothing: a start with everything in place just starts."""

    def __init__(self, total: int, *, quiet: bool = False) -> None:
        self.total, self.done, self.quiet = total, 0, quiet

    def __call__(self, text: str, *, always: bool = False) -> None:
        self.done += 1
        self.total = max(self.total, self.done)
        if not self.quiet:
            _step(f"step {self.done} of {self.total}: {text}")
        elif always:
            _step(text)


def _create(env: Path, steps: Steps) -> Path:
    if sys.version_info < (3, 11):  # noqa: UP036 - this runs on whatever python3 the user has
        sys.exit(f"Python 3.11 or newer is needed; this is {sys.version.split()[0]}")
    python = _bin(env, "python")
    if not python.exists():
        steps(f"Creating the environment in {env.name}/")
        venv.EnvBuilder(with_pip=True).create(env)
    return python


def _fingerprint() -> bytes:
    digest = hashlib.sha256()
    for path in (ROOT / "pyproject.toml", LOCK):
        digest.update(path.read_bytes())
    return digest.hexdigest().encode()


def _is_set_up() -> bool:
    stamp = VENV / STAMP_NAME
    return _bin(VENV, "python").exists() and stamp.exists() and stamp.read_bytes() == _fingerprint()


def setup_step_count() -> int:
    """How many steps `set_up` has before it: none when `.venv` is current."""
    if _is_set_up():
        return 0
    return 3 + (not _bin(VENV, "python").exists())


def set_up(steps: Steps | None = None) -> Path:
    """Create `.venv` and install exactly the locked releases, then the application itself."""
    steps = steps or Steps(setup_step_count())
    python = _create(VENV, steps)
    if _is_set_up():
        return python
    steps(f"Installing the locked releases ({_count_locked()} packages, hashes checked)")
    _run(python, "-m", "pip", "install", "--require-hashes", "--no-deps", "--progress-bar",
         "on", "-r", LOCK)
    steps("Installing the application from these sources")
    # The build backend (hatchling) is one of the locked releases: no unlocked download.
    _run(python, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
         "--editable", ".")
    steps("Checking that the installed releases fit together")
    _run(python, "-m", "pip", "check")
    (VENV / STAMP_NAME).write_bytes(_fingerprint())
    return python


def _count_locked() -> int:
    return len(locked_versions(LOCK.read_text(encoding="utf-8")))


def locked_versions(text: str) -> dict[str, set[str]]:
    """{normalised name: versions} of a lock file (a name is locked twice when the version
    depends on the platform or the Python version)."""
    found: dict[str, set[str]] = {}
    for match in re.finditer(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", text, re.M):
        found.setdefault(_normalise(match[1]), set()).add(match[2])
    return found


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


# ---------------------------------------------------------------- system libraries
def qt_platform(environ: Mapping[str, str], default: str) -> str:
    """The platform plugin Qt loads first: QT_QPA_PLATFORM's first choice, else `default`
    ("xcb" for the application, whose window on Linux is an X11 one; "offscreen" for the
    tests)."""
    first = environ.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    return first or default


def not_found(ldd_output: str) -> list[str]:
    """The libraries `ldd` reports as "not found", each once, in the order it names them."""
    found = re.findall(r"^\s*(\S+)\s+=>\s+not found", ldd_output, re.M)
    return list(dict.fromkeys(found))


def packages(missing: Iterable[str], distro: int) -> tuple[list[str], list[str]]:
    """(the packages of distribution `distro` that provide `missing`, each once;
    the names no package is known for)."""
    known = [SYSTEM_PACKAGES[name][distro] for name in missing if name in SYSTEM_PACKAGES]
    unknown = [name for name in missing if name not in SYSTEM_PACKAGES]
    return list(dict.fromkeys(known)), unknown


def install_commands(missing: Iterable[str], *, root: bool = False) -> list[str]:
    """One line per distribution: its name and the one command that installs `missing`
    (with the package search for any library no package is known for)."""
    missing = list(missing)
    sudo = "" if root else "sudo "
    lines = []
    for distro, (name, installer, finder) in enumerate(zip(DISTROS, INSTALLERS, FINDERS,
                                                           strict=True)):
        known, unknown = packages(missing, distro)
        commands = [f"{sudo}{installer} {' '.join(known)}"] if known else []
        commands += [finder.format(library) for library in unknown]
        lines.append(f"{name + ':':<15}{'; '.join(commands)}")
    return lines


def missing_message(missing: list[str], what: str, *, root: bool = False) -> str:
    """What is missing, why, and how to install it on each distribution."""
    width = max(len(name) for name in missing) + 2
    lines = [f"{what}:"]
    for name in missing:
        package = SYSTEM_PACKAGES.get(name, ("no package known",))[0]
        lines.append(f"    {name:<{width}}(Debian/Ubuntu: {package})")
    lines.append("Install them with the command for your system, then run this again:")
    lines += [f"    {line}" for line in install_commands(missing, root=root)]
    return "\n".join(lines)


def _pyside_folder(python: Path) -> Path | None:
    found = subprocess.run(
        [str(python), "-c", "import importlib.util as u; s = u.find_spec('PySide6'); "
         "print(s.submodule_search_locations[0] if s else '')"],
        capture_output=True, text=True, cwd=ROOT)
    folder = found.stdout.strip()
    return Path(folder) if found.returncode == 0 and folder else None


def missing_libraries(python: Path, platform: str) -> list[str] | None:
    """The system libraries Qt cannot find for `platform` (xcb, or any other: the libraries
    every platform needs), by `ldd` on the PySide6 wheel's files; None where this cannot be
    told (not Linux, no ldd, no PySide6)."""
    folder = _pyside_folder(python) if sys.platform.startswith("linux") else None
    if folder is None or shutil.which("ldd") is None:
        return None
    files = [folder / name for name in (XCB_FILES if platform == "xcb" else BASE_FILES)]
    files = [str(path) for path in files if path.exists()]
    if not files:
        return None
    listed = subprocess.run(["ldd", *files], capture_output=True, text=True)
    return not_found(listed.stdout)


def missing_tools() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


def _is_root() -> bool:
    return os.name == "posix" and os.geteuid() == 0


def _can_install() -> bool:
    return _is_root() and shutil.which("apt-get") is not None


def _apt_install(missing: list[str], steps: Steps) -> None:
    known, _ = packages(missing, 0)
    steps(f"Installing the missing system packages with apt-get (running as root): "
          f"{' '.join(known)} (for {', '.join(missing)})", always=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    _run("apt-get", "update", env=env)
    _run("apt-get", "install", "--yes", "--no-install-recommends", *known, env=env)


def check_system(python: Path, platform: str, steps: Steps, *, tools: bool = False) -> bool:
    """Whether Qt finds the system libraries it needs for `platform` (and, with `tools`,
    whether exiftool is there). As root with apt-get, what is missing is installed first;
    whatever is still missing is named with the commands that install it."""
    steps(f"Checking the system libraries that {_qt_user(platform)} needs"
          + (", and the tools the tests read their output with" if tools else ""))
    missing = _missing(python, platform, tools)
    if missing and _can_install() and packages(missing, 0)[0]:
        try:
            _apt_install(missing, steps)
        except subprocess.CalledProcessError as error:
            print(f"apt-get failed (exit code {error.returncode})", file=sys.stderr)
        missing = _missing(python, platform, tools)
    if not missing:
        return True
    libraries = [name for name in missing if name not in TOOLS]
    what = (f"{_qt_user(platform)} needs system libraries that are missing here"
            if libraries else f"{EXIFTOOL_USE}, is missing here")
    if libraries and len(libraries) < len(missing):
        what += f" (and {EXIFTOOL_USE}, too)"
    print(missing_message(missing, what, root=_is_root()), file=sys.stderr, flush=True)
    return False


def _qt_user(platform: str) -> str:
    if platform == "xcb":
        return "Qt's xcb platform plugin (the application's window on Linux)"
    return f"Qt's {platform} platform plugin"


def _missing(python: Path, platform: str, tools: bool) -> list[str]:
    return (missing_libraries(python, platform) or []) + (missing_tools() if tools else [])


# ---------------------------------------------------------------- commands
def open_application(python: Path) -> int:
    """Open the desktop client on the local store; it loads the demo data on first start."""
    return subprocess.call([str(python), "-m", "forensics_gui.gui.app", "--demo-if-empty"],
                           cwd=ROOT)


def run_tests(python: Path, extra: list[str], *, latest: bool = False) -> int:
    """The whole test suite (PostgreSQL tests use FORENSICS_TEST_PG_URL or the local server,
    see the README)."""
    env = dict(os.environ)
    if latest:
        env["FORENSICS_LATEST_RELEASES"] = "1"  # the lock check does not apply there
    return subprocess.call([str(python), "-m", "pytest", *extra], cwd=ROOT, env=env)


def test_latest(extra: list[str]) -> int:
    """Install the newest releases pyproject.toml allows into .venv-latest and run the tests:
    what breaks there breaks for the next person who installs without the lock."""
    shutil.rmtree(LATEST_VENV, ignore_errors=True)
    steps = Steps(3)
    python = _create(LATEST_VENV, steps)
    steps("Installing the newest releases allowed by pyproject.toml (not the lock)")
    _run(python, "-m", "pip", "install", "--upgrade", "--upgrade-strategy", "eager",
         "--progress-bar", "on", "--editable", ".[test]")
    newer = _differences(python)
    steps("Running the tests on the newest releases")
    code = run_tests(python, extra, latest=True)
    _step("Releases that differ from the lock:" if newer else "The lock holds the newest "
          "releases")
    for line in newer:
        print(f"    {line}")
    verdict = "the tests pass" if code == 0 else f"the tests FAIL (pytest exit code {code})"
    _step(f"With the newest releases {verdict}; refresh the lock with `{LOCK_COMMAND}`"
          if code == 0 and newer else f"With the newest releases {verdict}")
    return code


def _differences(python: Path) -> list[str]:
    listed = subprocess.run([str(python), "-m", "pip", "list", "--format", "freeze"],
                            check=True, capture_output=True, text=True, cwd=ROOT).stdout
    locked = locked_versions(LOCK.read_text(encoding="utf-8"))
    lines = []
    for name, version in (line.split("==", 1) for line in listed.splitlines() if "==" in line):
        was = locked.get(_normalise(name))
        if was is not None and version not in was:
            lines.append(f"{name}: locked {', '.join(sorted(was))}, newest {version}")
        elif was is None and _normalise(name) not in ("pip", "setuptools", "forensics-gui"):
            lines.append(f"{name}: not in the lock, newest {version}")
    return lines


def refresh_lock(extra: list[str]) -> int:
    """Write the newest releases into the lock, install them and run the tests; put the old
    lock back if they fail."""
    steps = Steps(2 + (not _bin(VENV, "python").exists()) + 3 + 1)
    python = _create(VENV, steps)
    steps("Installing the locking tool (uv, at its locked version)")
    _run(python, "-m", "pip", "install", "--quiet", "--require-hashes", "--no-deps", "-r",
         LOCK_TOOL)
    previous = LOCK.read_bytes()
    steps("Resolving the newest releases for Linux, Windows and macOS")
    _run(_bin(VENV, "uv"), "pip", "compile", "pyproject.toml", "--extra", "test", "--universal",
         "--python-version", "3.11", "--generate-hashes", "--upgrade", "--quiet",
         "--custom-compile-command", LOCK_COMMAND, "--output-file", LOCK)
    python = set_up(steps)
    steps("Running the tests on the new releases")
    code = run_tests(python, extra)
    if code != 0:
        LOCK.write_bytes(previous)
        _step("The tests failed with the new releases: the previous lock is back in place "
              "(run `python3 installer/bootstrap.py setup` to reinstall it)")
        return code
    _step("The lock is refreshed and the tests pass: commit installer/requirements.lock")
    return 0


def _usage_error(text: str) -> int:
    print(f"bootstrap.py: {text}\n\n{USAGE}", file=sys.stderr)
    return 2


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    command, rest = (args[0], args[1:]) if args else ("", [])
    if command in ("-h", "--help", "help"):
        print(USAGE)
        return 0
    if command not in COMMANDS:
        return _usage_error(f"unknown command {command!r}")
    if rest and command in ("setup", "system"):
        return _usage_error(f"`{command}` takes no arguments (given: {' '.join(rest)})")
    if command == "test" and "--latest" in rest:
        return test_latest([a for a in rest if a != "--latest"])
    if command == "lock":
        return refresh_lock(rest)
    return _set_up_and_run(command, rest)


def _set_up_and_run(command: str, rest: list[str]) -> int:
    installing = setup_step_count()
    after = {"": 2, "test": 2, "setup": 0, "system": 1}[command]
    steps = Steps(installing + after, quiet=not installing and command != "system")
    python = set_up(steps)
    if command == "setup":
        return 0
    if command == "system":
        ready = check_system(python, qt_platform(os.environ, "xcb"), steps, tools=True)
        _step("Every system library and tool needed here is installed" if ready else
              "Not everything needed here is installed (see above)")
        return 0 if ready else 1
    if command == "test":
        if not check_system(python, qt_platform(os.environ, "offscreen"), steps):
            print("Qt cannot start without them, so the tests are not run.", file=sys.stderr)
            return 1
        if missing_tools():
            _step(f"{', '.join(missing_tools())} not installed: the tests that read photos "
                  "or briefs back with them will be skipped (Debian/Ubuntu: "
                  "libimage-exiftool-perl, poppler-utils)")
        steps("Running the tests")
        return run_tests(python, rest)
    if not check_system(python, qt_platform(os.environ, "xcb"), steps):
        print("The application cannot open its window without them, so it is not started.",
              file=sys.stderr)
        return 1
    steps("Opening the application")
    return open_application(python)


if __name__ == "__main__":
    sys.exit(main())
