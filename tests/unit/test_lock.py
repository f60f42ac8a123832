"""The locked releases are the ones pyproject.toml asks for, and the ones the tests run on."""

from __future__ import annotations

import os
import re
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[2]
LOCK = ROOT / "installer" / "requirements.lock"
ENTRY = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)==(?P<version>[^\s;\\]+)"
                   r"(?:\s*;\s*(?P<marker>[^\\]+?))?\s*\\?$")


def locked() -> list[tuple[str, Version, Marker | None, int]]:
    """(name, version, marker, hashes) of every release in the lock."""
    entries: list[tuple[str, Version, Marker | None, int]] = []
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        if line.startswith("    --hash=sha256:") and entries:
            name, version, marker, hashes = entries[-1]
            entries[-1] = (name, version, marker, hashes + 1)
        elif match := ENTRY.match(line):
            marker = Marker(match["marker"]) if match["marker"] else None
            entries.append((canonicalize_name(match["name"]), Version(match["version"]),
                            marker, 0))
    return entries


def wanted() -> list[Requirement]:
    """The application's requirements and its test tools', as pyproject.toml states them."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [Requirement(text) for text in
            (*project["dependencies"], *project["optional-dependencies"]["test"])]


def test_every_requirement_is_locked_within_its_range() -> None:
    releases = locked()
    assert len(releases) > 20
    for requirement in wanted():
        name = canonicalize_name(requirement.name)
        versions = [version for n, version, _, _ in releases if n == name]
        assert versions, f"{requirement.name} is in pyproject.toml but not in the lock"
        for version in versions:
            assert requirement.specifier.contains(version, prereleases=True), (
                f"{requirement.name} is locked at {version}, outside {requirement.specifier}")


def test_every_locked_release_has_its_hashes() -> None:
    for name, version, _, hashes in locked():
        assert hashes >= 1, f"{name}=={version} has no hash in the lock"


@pytest.mark.skipif(bool(os.environ.get("FORENSICS_LATEST_RELEASES")),
                    reason="this run tries the newest releases instead of the locked ones")
def test_the_tests_run_on_the_locked_releases() -> None:
    different = []
    for name, version, marker, _ in locked():
        if marker is not None and not marker.evaluate():
            continue  # locked for another platform or Python
        try:
            installed = Version(metadata.version(name))
        except metadata.PackageNotFoundError:
            different.append(f"{name}: locked {version}, not installed")
            continue
        if installed != version:
            different.append(f"{name}: locked {version}, installed {installed}")
    assert not different, ("this environment is not the locked one (run "
                           "`python3 installer/bootstrap.py setup`): " + "; ".join(different))
