"""What the fuzz tests share: how many examples each property runs, the one rule every
importer is held to, and a fingerprint of everything a store holds.

Every importer may only succeed or raise one of the application's known errors
(`KnownError` and its subclasses, which the CLI and the GUI show as one plain message);
anything else is a bug. When an input is refused, the store must be exactly as it was.

The number of examples per property is FORENSICS_FUZZ_EXAMPLES (default 20, which keeps the
whole folder within a few minutes); a long session sets it to thousands. The default run is
derandomized, so that it is repeatable; a long run explores new inputs each time. No example
database is kept, and what Hypothesis caches while these tests run goes to a temporary folder
of the test run, not to a .hypothesis folder beside the sources.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis.configuration import set_hypothesis_home_dir

from forensics_gui.core.errors import KnownError
from forensics_gui.services import stores
from forensics_gui.services.exchange.content import EXCHANGED_KINDS, hash_of
from forensics_gui.storage import exchange_query as xq

EXAMPLES_VAR = "FORENSICS_FUZZ_EXAMPLES"
_LONG = EXAMPLES_VAR in os.environ
EXAMPLES = int(os.environ.get(EXAMPLES_VAR, "20"))

FUZZ = settings(
    max_examples=EXAMPLES, deadline=None, database=None, derandomize=not _LONG,
    print_blob=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                           HealthCheck.data_too_large, HealthCheck.filter_too_much,
                           HealthCheck.large_base_example])


@pytest.fixture(autouse=True, scope="module")
def hypothesis_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Hypothesis's caches in the test run's temporary folder while these tests run."""
    set_hypothesis_home_dir(tmp_path_factory.mktemp("hypothesis"))
    yield
    set_hypothesis_home_dir(None)  # back to where the other tests keep it


def examples(share: float) -> settings:
    """FUZZ with a share of the examples, for targets that write to a store per example."""
    return settings(FUZZ, max_examples=max(5, int(EXAMPLES * share)))


def outcome(call: Callable[[], Any]) -> Any:
    """What `call` returned, or the known error it raised; any other exception propagates
    and fails the test."""
    try:
        return call()
    except KnownError as error:
        assert str(error).strip(), f"{type(error).__name__} with an empty message"
        return error


def fingerprint(store: stores.Store) -> str:
    """A digest of every record (kind, id, version, content hash), every table's row count,
    the exchange log and the stored pictures: equal digests, equal stores."""
    digest = hashlib.sha256()
    with store.reading() as uow:
        digest.update(repr(sorted(uow.counts().items())).encode())
        for kind in EXCHANGED_KINDS:
            ids = sorted(xq.all_ids(uow, kind))
            held = (xq.custody_events(uow, ids) if kind == "custody"
                    else uow.get_many(kind, ids))
            for record in sorted(held, key=lambda r: str(r.id)):
                digest.update(f"{kind} {record.id} {getattr(record, 'version', 1)} "
                              f"{hash_of(kind, record)}\n".encode())
        digest.update(repr(sorted(xq.package_counts(uow).items())).encode())
        digest.update(repr(len(xq.conflicts(uow, None))).encode())
        digest.update(repr(uow.blobs.count()).encode())
    return digest.hexdigest()


@contextmanager
def unchanged_unless_accepted(store: stores.Store) -> Iterator[dict[str, Any]]:
    """Run an import inside: when it raises a known error (put in `result["error"]`), the
    store must be as it was."""
    before = fingerprint(store)
    result: dict[str, Any] = {"error": None}
    try:
        yield result
    except KnownError as error:
        result["error"] = error
        assert str(error).strip()
        after = fingerprint(store)
        assert after == before, f"the store changed although the input was refused: {error}"
