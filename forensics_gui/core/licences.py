"""The libraries the application runs with, and their licences: the distributions
`forensics-gui` requires, and theirs, as installed (a bundle carries their metadata)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import metadata

APPLICATION = "forensics-gui"
_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[([^\]]*)\])?")
_EXTRA = re.compile(r"""extra\s*==\s*["']([^"']+)["']""")
_SHORT = 60  # a License field longer than this is the licence's text, not its name


@dataclass(frozen=True)
class Licence:
    name: str
    version: str
    licence: str


def _key(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def requirements_of(dist: metadata.Distribution,
                    extras: frozenset[str] = frozenset()) -> list[tuple[str, frozenset[str]]]:
    """What `dist` requires, with the extras asked of each: its own requirements and those
    of the extras in `extras`."""
    found = []
    for requirement in dist.requires or []:
        text, _, marker = requirement.partition(";")
        extra = _EXTRA.search(marker)
        if extra and _key(extra.group(1)) not in extras:
            continue
        name = _NAME.match(text)
        if name:
            wanted = frozenset(_key(e) for e in (name.group(2) or "").split(",") if e.strip())
            found.append((name.group(1), wanted))
    return found


def runtime_distributions(root: str = APPLICATION) -> list[metadata.Distribution]:
    """`root` and everything it requires, installed (requirements of other systems, which are
    not installed, are left out), without repeats."""
    seen: dict[str, metadata.Distribution] = {}
    asked: set[tuple[str, frozenset[str]]] = set()
    waiting: list[tuple[str, frozenset[str]]] = [(root, frozenset())]
    while waiting:
        name, extras = waiting.pop()
        if (_key(name), extras) in asked:
            continue
        asked.add((_key(name), extras))
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        seen[_key(name)] = dist
        waiting.extend(requirements_of(dist, extras))
    return list(seen.values())


def licence_of(dist: metadata.Distribution) -> str:
    """The licence's name as the distribution states it: its SPDX expression, else its
    License field when short, else its classifiers."""
    meta = dist.metadata
    expression = meta.get("License-Expression")
    if expression:
        return str(expression)
    stated = (meta.get("License") or "").strip()
    if stated and len(stated) <= _SHORT and "\n" not in stated:
        return stated
    classifiers = [c.split(" :: ")[-1] for c in meta.get_all("Classifier") or []
                   if c.startswith("License ::")]
    if classifiers:
        return "; ".join(classifiers)
    return stated.splitlines()[0][:_SHORT] if stated else "not stated"


def bundled() -> list[Licence]:
    """Every library the application runs with (itself left out), by name."""
    return sorted((Licence(str(d.metadata["Name"]), d.version, licence_of(d))
                   for d in runtime_distributions()
                   if _key(str(d.metadata["Name"])) != APPLICATION),
                  key=lambda licence: licence.name.lower())
