"""The bootstrap names the system libraries Qt is missing, with the command that installs them
on each distribution, instead of starting a window that cannot open; it says how it is used
without installing anything."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "installer" / "bootstrap.py"

# `ldd libqxcb.so libQt6XcbQpa.so.6` on a Debian machine without libxcb-icccm4 and
# libxcb-keysyms1 (the libraries found only with ldd after libxcb-cursor0 was installed).
LDD_WITHOUT_ICCCM_AND_KEYSYMS = """\
/opt/app/.venv/lib/python3.11/site-packages/PySide6/Qt/plugins/platforms/libqxcb.so:
\tlinux-vdso.so.1 (0x00007ffd3b5f1000)
\tlibQt6XcbQpa.so.6 => /opt/app/.venv/lib/python3.11/site-packages/PySide6/Qt/plugins/platforms/../../lib/libQt6XcbQpa.so.6 (0x00007f4df1d8d000)
\tlibQt6Gui.so.6 => /opt/app/.venv/lib/python3.11/site-packages/PySide6/Qt/plugins/platforms/../../lib/libQt6Gui.so.6 (0x00007f4df1200000)
\tlibxcb-cursor.so.0 => /lib/x86_64-linux-gnu/libxcb-cursor.so.0 (0x00007f4df1d7e000)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibEGL.so.1 => /lib/x86_64-linux-gnu/libEGL.so.1 (0x00007f4df1d6b000)
/opt/app/.venv/lib/python3.11/site-packages/PySide6/Qt/lib/libQt6XcbQpa.so.6:
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f8b93200000)
"""  # noqa: E501 - ldd's own lines


@pytest.fixture(scope="module")
def bootstrap() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bootstrap_under_test", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_each_library_maps_to_its_package_on_each_distribution(bootstrap: ModuleType) -> None:
    packages = bootstrap.SYSTEM_PACKAGES
    assert packages["libxcb-cursor.so.0"] == ("libxcb-cursor0", "xcb-util-cursor",
                                              "xcb-util-cursor")
    assert packages["libxcb-icccm.so.4"] == ("libxcb-icccm4", "xcb-util-wm", "xcb-util-wm")
    assert packages["libxcb-keysyms.so.1"] == ("libxcb-keysyms1", "xcb-util-keysyms",
                                               "xcb-util-keysyms")
    for name in ("libxcb-image.so.0", "libxcb-render-util.so.0", "libxkbcommon-x11.so.0",
                 "libxcb-xinerama.so.0", "libEGL.so.1", "libGL.so.1", "libxkbcommon.so.0",
                 "libfontconfig.so.1", "libdbus-1.so.3"):
        assert len(packages[name]) == 3 and all(packages[name]), name


def test_the_missing_libraries_are_read_from_ldd(bootstrap: ModuleType) -> None:
    assert bootstrap.not_found(LDD_WITHOUT_ICCCM_AND_KEYSYMS) == [
        "libxcb-icccm.so.4", "libxcb-keysyms.so.1"]
    assert bootstrap.not_found("\tlibc.so.6 => /lib/libc.so.6 (0x1)\n") == []


def test_the_message_names_them_with_one_command_per_distribution(
        bootstrap: ModuleType) -> None:
    missing = bootstrap.not_found(LDD_WITHOUT_ICCCM_AND_KEYSYMS)
    message = bootstrap.missing_message(missing, "Qt's xcb platform plugin needs them")
    lines = message.splitlines()
    assert lines[0] == "Qt's xcb platform plugin needs them:"
    assert "libxcb-icccm.so.4" in lines[1] and "libxcb-icccm4" in lines[1]
    assert "libxcb-keysyms.so.1" in lines[2] and "libxcb-keysyms1" in lines[2]
    commands = [line.split(":", 1)[1].strip() for line in lines[-3:]]
    assert commands == ["sudo apt-get install libxcb-icccm4 libxcb-keysyms1",
                        "sudo dnf install xcb-util-wm xcb-util-keysyms",
                        "sudo pacman -S --needed xcb-util-wm xcb-util-keysyms"]
    assert [line.split(":", 1)[0].strip() for line in lines[-3:]] == [
        "Debian/Ubuntu", "Fedora", "Arch"]


def test_packages_are_named_once_and_unknown_libraries_by_name(bootstrap: ModuleType) -> None:
    missing = ["libxcb-randr.so.0", "libxcb-shape.so.0", "libfoo-qt.so.3"]
    lines = bootstrap.install_commands(missing, root=True)
    assert lines[0].split(":", 1)[1].strip() == (
        "apt-get install libxcb-randr0 libxcb-shape0; apt-file search libfoo-qt.so.3")
    assert lines[1].split(":", 1)[1].strip() == (
        "dnf install libxcb; dnf provides '*/libfoo-qt.so.3'")
    assert lines[2].split(":", 1)[1].strip() == (
        "pacman -S --needed libxcb; pacman -F libfoo-qt.so.3")
    assert "libfoo-qt.so.3" in bootstrap.missing_message(missing, "missing")


@pytest.mark.parametrize(("value", "platform"), [
    (None, "xcb"), ("", "xcb"), ("xcb", "xcb"), ("xcb:no-grab", "xcb"),
    ("offscreen", "offscreen"), ("wayland;xcb", "wayland"), ("minimal", "minimal"),
])
def test_the_platform_qt_loads(bootstrap: ModuleType, value: str | None,
                               platform: str) -> None:
    environ = {} if value is None else {"QT_QPA_PLATFORM": value}
    assert bootstrap.qt_platform(environ, "xcb") == platform
    assert bootstrap.qt_platform({}, "offscreen") == "offscreen"


class Recorded:
    """What the bootstrap would have run, instead of running it."""

    def __init__(self) -> None:
        self.commands: list[tuple[str, ...]] = []
        self.opened = False


@pytest.fixture
def recorded(bootstrap: ModuleType, monkeypatch: pytest.MonkeyPatch) -> Recorded:
    record = Recorded()

    def run(*command: object, env: object = None) -> None:
        record.commands.append(tuple(str(c) for c in command))

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"nothing may be installed or started here: {args}")

    def open_application(python: Path) -> int:
        record.opened = True
        return 0

    monkeypatch.setattr(bootstrap, "_run", run)
    monkeypatch.setattr(bootstrap, "set_up", lambda steps=None: Path("/venv/bin/python"))
    monkeypatch.setattr(bootstrap, "setup_step_count", lambda: 0)
    monkeypatch.setattr(bootstrap, "open_application", open_application)
    monkeypatch.setattr(bootstrap, "run_tests", refuse)
    monkeypatch.setattr(bootstrap.venv, "EnvBuilder", refuse)
    monkeypatch.setattr(bootstrap.subprocess, "run", refuse)
    monkeypatch.setattr(bootstrap.subprocess, "call", refuse)
    return record


def test_the_window_is_not_started_while_libraries_are_missing(
        bootstrap: ModuleType, recorded: Recorded, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    asked: list[str] = []

    def missing(python: Path, platform: str) -> list[str]:
        asked.append(platform)
        return bootstrap.not_found(LDD_WITHOUT_ICCCM_AND_KEYSYMS)

    monkeypatch.setattr(bootstrap, "missing_libraries", missing)
    monkeypatch.setattr(bootstrap, "_is_root", lambda: False)
    monkeypatch.setattr(bootstrap, "_can_install", lambda: False)
    assert bootstrap.main([]) == 1
    assert asked == ["xcb"] and not recorded.opened and not recorded.commands
    err = capsys.readouterr().err
    assert "sudo apt-get install libxcb-icccm4 libxcb-keysyms1" in err
    assert "dnf install xcb-util-wm xcb-util-keysyms" in err
    assert "not started" in err


def test_as_root_with_apt_get_they_are_installed_then_the_window_opens(
        bootstrap: ModuleType, recorded: Recorded, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    answers = [["libxcb-icccm.so.4", "libxcb-keysyms.so.1"], []]
    monkeypatch.setattr(bootstrap, "missing_libraries", lambda python, platform: answers.pop(0))
    monkeypatch.setattr(bootstrap, "_can_install", lambda: True)
    assert bootstrap.main([]) == 0
    assert recorded.commands == [
        ("apt-get", "update"),
        ("apt-get", "install", "--yes", "--no-install-recommends", "libxcb-icccm4",
         "libxcb-keysyms1")]
    assert recorded.opened
    assert "==> Installing the missing system packages with apt-get" in capsys.readouterr().out


def test_a_failed_apt_get_still_names_what_is_missing(
        bootstrap: ModuleType, recorded: Recorded, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")

    def failing_apt(*command: object, env: object = None) -> None:
        raise subprocess.CalledProcessError(100, [str(c) for c in command])

    monkeypatch.setattr(bootstrap, "_run", failing_apt)
    monkeypatch.setattr(bootstrap, "missing_libraries",
                        lambda python, platform: ["libxcb-icccm.so.4"])
    monkeypatch.setattr(bootstrap, "_can_install", lambda: True)
    monkeypatch.setattr(bootstrap, "_is_root", lambda: True)
    assert bootstrap.main([]) == 1
    err = capsys.readouterr().err
    assert "apt-get failed (exit code 100)" in err
    assert "apt-get install libxcb-icccm4" in err and not recorded.opened


def test_the_tests_check_what_qt_needs_offscreen(
        bootstrap: ModuleType, recorded: Recorded, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    asked: list[str] = []

    def missing(python: Path, platform: str) -> list[str]:
        asked.append(platform)
        return ["libEGL.so.1", "libxkbcommon.so.0"]

    monkeypatch.setattr(bootstrap, "missing_libraries", missing)
    monkeypatch.setattr(bootstrap, "_can_install", lambda: False)
    assert bootstrap.main(["test"]) == 1
    assert asked == ["offscreen"]
    assert "apt-get install libegl1 libxkbcommon0" in capsys.readouterr().err


@pytest.mark.parametrize("option", ["--help", "-h", "help"])
def test_help_prints_the_usage_and_installs_nothing(
        bootstrap: ModuleType, recorded: Recorded, option: str,
        capsys: pytest.CaptureFixture[str]) -> None:
    assert bootstrap.main([option]) == 0
    out = capsys.readouterr().out
    assert "python3 installer/bootstrap.py test" in out and "system" in out
    assert not recorded.commands and not recorded.opened


def _copy_of_the_script(tmp_path: Path) -> Path:
    """The bootstrap in a folder of its own: whatever it would install would land there."""
    (tmp_path / "installer").mkdir()
    return Path(shutil.copy(SCRIPT, tmp_path / "installer" / "bootstrap.py"))


def test_help_run_as_a_script_creates_nothing(tmp_path: Path) -> None:
    script = _copy_of_the_script(tmp_path)
    done = subprocess.run([sys.executable, str(script), "--help"], capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0
    assert "python3 installer/bootstrap.py setup" in done.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["installer"]


@pytest.mark.parametrize("args", [["frobnicate"], ["--demo"], ["setup", "--now"]])
def test_an_unknown_command_is_an_error_with_the_usage(tmp_path: Path,
                                                       args: list[str]) -> None:
    script = _copy_of_the_script(tmp_path)
    done = subprocess.run([sys.executable, str(script), *args], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 2
    assert args[-1] in done.stderr and "python3 installer/bootstrap.py test" in done.stderr
    assert "==>" not in done.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["installer"]


@pytest.mark.skipif(not sys.platform.startswith("linux") or shutil.which("ldd") is None,
                    reason="the system libraries are checked with ldd, on Linux")
def test_the_libraries_of_this_machine_are_read(bootstrap: ModuleType) -> None:
    """The tests themselves run Qt offscreen, so nothing it needs there can be missing."""
    python = Path(sys.executable)
    assert bootstrap.missing_libraries(python, "offscreen") == []
    assert isinstance(bootstrap.missing_libraries(python, "xcb"), list)
