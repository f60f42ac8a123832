"""What the command-line tests share: a demo store made once per test module by the CLI
itself, and a private copy of it for each test."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.e2e.test_cli import Run, cli


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Run]:
    """A store made by `forensics demo` on a missing file, and that run."""
    path = tmp_path_factory.mktemp("cli") / "demo.sqlite"
    return path, cli(path, "demo", "--json")


@pytest.fixture
def demo_file(demo_run: tuple[Path, Run], tmp_path: Path) -> Path:
    """A private copy of the demo store."""
    source, run = demo_run
    assert run.code == 0, str(run)
    target = tmp_path / "store.sqlite"
    shutil.copy(source, target)
    return target
