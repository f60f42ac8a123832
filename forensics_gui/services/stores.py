"""Opening, creating, upgrading and checking stores."""

from __future__ import annotations

from forensics_gui.core import records
from forensics_gui.core.errors import StoreDamagedError
from forensics_gui.storage.locator import (
    default_store_path,
    has_password,
    resolve_location,
    strip_password,
)
from forensics_gui.storage.store import PasswordPrompt, Store, open_store

__all__ = ["PasswordPrompt", "Store", "check", "current", "default_store_path", "has_password",
           "init", "is_empty", "open_existing", "summary", "upgrade", "without_password"]


def open_existing(location: str | None = None, *, prompt: PasswordPrompt | None = None,
                  upgrade: bool = True, read_only: bool = False) -> Store:
    """Open the store at `location` (or FORENSICS_STORE, or the default), upgrading it.
    It is opened read-only when `read_only` is true or when it may not be written
    (`Store.read_only` then says why)."""
    return open_store(location, create=False, prompt=prompt, upgrade=upgrade,
                      read_only=read_only)


def init(location: str | None = None, *, prompt: PasswordPrompt | None = None,
         read_only: bool = False) -> Store:
    """Create the store if it does not exist yet, and bring its schema up to date."""
    return open_store(location, create=True, prompt=prompt, read_only=read_only)


def summary(store: Store, *, with_counts: bool = True) -> records.StoreSummary:
    """Where the store is, who acts on it, its schema revision, and what it holds (counting a
    large store takes a while: the desktop client's status line goes without)."""
    counts: dict[str, int] = {}
    withdrawn: dict[str, int] = {}
    if with_counts:
        with store.reading() as uow:
            counts = uow.counts()
            withdrawn = uow.withdrawn_counts()
    shared = ""
    if store.kind == "postgresql":
        from forensics_gui.services.access import describe

        shared = describe(store.standing(), login=False)
    return records.StoreSummary(store.location.display, store.kind, store.actor,
                                store.schema_revision() or "none", counts,
                                read_only=store.read_only or "", withdrawn=withdrawn,
                                access=shared)


def schema_head() -> str:
    """The newest store schema this version writes (and brings older stores up to)."""
    from forensics_gui.storage.store import SCHEMA_HEAD

    return SCHEMA_HEAD


def version_line(program: str) -> str:
    """What `--version` prints: the program, its version and the newest schema it writes."""
    from forensics_gui import __version__

    return f"{program} {__version__} (store schema {schema_head()})"


def is_empty(store: Store) -> bool:
    """Whether the store holds no record yet (it has no weapon system type: the demo data and
    every real store start with those)."""
    with store.reading() as uow:
        return uow.count("system") == 0


def current(store: Store) -> tuple[str | None, str]:
    """(the store's schema revision, the newest revision this version knows)."""
    from forensics_gui.storage import migrate  # Alembic is loaded only when needed

    return store.schema_revision(), migrate.head_revision()


def upgrade(store: Store) -> str | None:
    """Bring the store to the newest schema (opening a store already does this)."""
    store.upgrade_schema()
    return store.schema_revision()


def check(store: Store) -> list[str]:
    """Problems found in the store's schema (an empty list when it is sound)."""
    problems = []
    revision, head = current(store)
    if revision != head:
        problems.append(f"schema is at {revision}, the newest is {head}")
    try:
        problems += store.schema_problems()
    except StoreDamagedError as error:
        problems.append(str(error))
    return problems


def resolve(location: str | None) -> str:
    """How a store location reads for people (passwords left out)."""
    return resolve_location(location).display


def without_password(location: str) -> str:
    """A store location as it may be kept (settings, recent stores) or shown: any password
    left out, the rest as given, so that it still connects with the password from .pgpass
    or asked for."""
    return strip_password(location)
