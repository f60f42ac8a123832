"""Which store to open: a SQLite file, a PostgreSQL URL or a libpq service name."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote_plus, urlencode, urlsplit

from platformdirs import user_data_dir

from forensics_gui.core.errors import StoreError

ENV_VAR = "FORENSICS_STORE"
APP_NAME = "forensics-gui"
_PG_PREFIXES = ("postgresql://", "postgres://", "postgresql+psycopg://")
# The words of a libpq keyword string ("host=db dbname=cases"), and those that hold a secret.
_LIBPQ_KEYWORDS = frozenset((
    "host", "hostaddr", "port", "dbname", "user", "password", "passfile", "require_auth",
    "channel_binding", "connect_timeout", "client_encoding", "options", "application_name",
    "fallback_application_name", "keepalives", "keepalives_idle", "keepalives_interval",
    "keepalives_count", "tcp_user_timeout", "replication", "gssencmode", "sslmode",
    "requiressl", "sslcompression", "sslcert", "sslkey", "sslpassword", "sslcertmode",
    "sslrootcert", "sslcrl", "sslcrldir", "sslsni", "requirepeer", "ssl_min_protocol_version",
    "ssl_max_protocol_version", "krbsrvname", "gsslib", "gssdelegation", "service",
    "target_session_attrs", "load_balance_hosts"))
_SECRETS = frozenset(("password", "sslpassword"))


@dataclass(frozen=True)
class StoreLocation:
    """Where a store lives, as SQLAlchemy needs it and as users should see it."""

    kind: str  # "sqlite" or "postgresql"
    url: str
    display: str
    path: Path | None = None


def default_store_path() -> Path:
    """The local store in the platform's user data folder."""
    return Path(user_data_dir(APP_NAME, appauthor=False)) / "forensics.sqlite"


def resolve_location(text: str | None = None) -> StoreLocation:
    """Turn what the user gave (option, environment variable or nothing) into a location."""
    text = (text or os.environ.get(ENV_VAR) or "").strip()
    if not text:
        return _sqlite(default_store_path())
    if text.startswith(("service:", "pgservice:")):
        name = text.split(":", 1)[1]
        return StoreLocation("postgresql", f"postgresql+psycopg:///?service={name}",
                             f"PostgreSQL service {name}")
    if text.startswith(_PG_PREFIXES):
        url = re.sub(r"^postgres(ql)?(\+psycopg)?://", "postgresql+psycopg://", text)
        return StoreLocation("postgresql", url, strip_password(url.replace("+psycopg", "")))
    if text.startswith("sqlite:///"):
        return _sqlite(Path(text.removeprefix("sqlite:///")))
    if "://" in text:  # not a file name: say so without repeating a password it may hold
        raise StoreError(f"{strip_password(text)} is not a store address; give a SQLite file, "
                         "a postgresql:// URL, a libpq connection string or service:NAME")
    pairs = _keyword_pairs(text)
    if pairs is not None:
        query = urlencode([(key, _keyword_value(raw)) for key, raw in pairs], quote_via=quote)
        return StoreLocation("postgresql", f"postgresql+psycopg:///?{query}",
                             f"PostgreSQL {strip_password(text)}")
    return _sqlite(Path(text).expanduser())


def _sqlite(path: Path) -> StoreLocation:
    path = path.resolve()
    return StoreLocation("sqlite", f"sqlite+pysqlite:///{path}", str(path), path)


def strip_password(text: str) -> str:
    """The store address `text` without any password, for messages and settings.

    The password is left out, not masked: what remains still connects, with the password
    from libpq's .pgpass or service file, or asked for. Handles URLs (user information and
    `password=` in the query) and libpq keyword strings; file names come back unchanged.
    """
    if "://" in text:
        return _url_without_password(text)
    pairs = _keyword_pairs(text)
    if pairs is None:
        return text
    return " ".join(f"{key}={raw}" for key, raw in pairs if key.lower() not in _SECRETS)


def has_password(text: str) -> bool:
    """True when a store address carries a password in plain text."""
    return strip_password(text) != text


def _url_without_password(url: str) -> str:
    parts = urlsplit(url)
    # The last '@' ends the user information, so a password holding '@' goes with it.
    userinfo, at, hostinfo = parts.netloc.rpartition("@")
    user = userinfo.partition(":")[0]
    netloc = (f"{user}@{hostinfo}" if user else hostinfo) if at else parts.netloc
    kept = [pair for pair in parts.query.split("&") if pair
            and unquote_plus(pair.partition("=")[0]).strip().lower() not in _SECRETS]
    query = f"?{'&'.join(kept)}" if kept else ""
    # Built by hand: urlunsplit drops the '//' of an empty host for schemes it does not know.
    return f"{parts.scheme}://{netloc}{parts.path}{query}"


def _keyword_pairs(text: str) -> list[tuple[str, str]] | None:
    """The (keyword, value as written) pairs of a libpq keyword string such as
    "host=db dbname=cases password='a b'", or None when `text` is not one."""
    pairs: list[tuple[str, str]] = []
    at = _skip_spaces(text, 0)
    while at < len(text):
        equals = text.find("=", at)
        key = text[at:equals].strip() if equals > 0 else ""
        if key not in _LIBPQ_KEYWORDS:
            return None
        start = _skip_spaces(text, equals + 1)
        end = _value_end(text, start)
        if end is None:
            return None
        pairs.append((key, text[start:end]))
        at = _skip_spaces(text, end)
    return pairs or None


def _skip_spaces(text: str, at: int) -> int:
    while at < len(text) and text[at].isspace():
        at += 1
    return at


def _value_end(text: str, at: int) -> int | None:
    """Where the value starting at `at` ends: a quoted value at its closing quote, any other
    at the next space; a backslash escapes the next character. None when a quote is open."""
    quoted = text.startswith("'", at)
    at += quoted
    while at < len(text):
        if text[at] == "\\":
            at += 2
        elif (text[at] == "'") if quoted else text[at].isspace():
            return at + quoted
        else:
            at += 1
    return None if quoted else len(text)


def _keyword_value(raw: str) -> str:
    """A keyword string's value as written (quoted, escaped) turned into the value itself."""
    if raw.startswith("'"):
        raw = raw[1:-1]
    return re.sub(r"\\(.)", r"\1", raw)


def read_only_reason(path: Path) -> str | None:
    """Why the SQLite store at `path` can only be read, or None when it may be written.

    SQLite writes beside the store as well (its write-ahead log), so the folder counts too.
    """
    if path.exists() and not os.access(path, os.W_OK):
        return f"you may not write to {path}"
    if path.exists() and not os.access(path.parent, os.W_OK):
        return f"you may not write to its folder {path.parent}"
    return None


def risky_location(path: Path) -> str | None:
    """Why a SQLite file should not live at `path` (network share, sync folder), or None."""
    from forensics_gui.storage.places import risky_location as judged

    return judged(path)
