"""An installed copy finds its migrations and assets, as a source checkout does."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "-q", "-w", str(out), str(ROOT)], check=True, capture_output=True,
                   timeout=300)
    return next(out.glob("*.whl"))


def test_wheel_carries_migrations_and_assets(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "forensics_gui/_data/migrations/env.py" in names
    assert any(n.startswith("forensics_gui/_data/migrations/versions/0001") for n in names)
    assert "forensics_gui/_data/assets/data/chpl_hs6.csv" in names
    assert "forensics_gui/_data/assets/data/demo/component_findings.csv" in names


def test_installed_copy_creates_a_store(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target",
                    str(target), str(wheel)], check=True, capture_output=True, timeout=300)
    script = (
        "import forensics_gui.core.resources as r, sys;"
        "from forensics_gui.services import stores, demo;"
        "print(r.resource_dir('migrations'));"
        f"s = stores.init({str(tmp_path / 'w.sqlite')!r}); print(demo.load_demo(s)['finding'])"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True,
                            text=True, env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"},
                            timeout=120)
    assert result.returncode == 0, result.stderr
    migrations_dir, findings = result.stdout.split()
    assert migrations_dir.startswith(str(target))
    assert findings == "22"
