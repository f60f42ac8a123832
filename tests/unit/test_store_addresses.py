"""Store addresses as they are kept and shown: every shape of PostgreSQL address loses its
password (left out, not masked, so that what remains still connects with .pgpass or a prompt),
and libpq keyword strings are understood as PostgreSQL stores."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from forensics_gui.core.errors import StoreError
from forensics_gui.storage.locator import has_password, resolve_location, strip_password

SECRET = "s3cr:t@pw"

# (address with a password, the same address with the password left out)
SHAPES = [
    ("postgresql://analyst:pw@db.example.org/cases", "postgresql://analyst@db.example.org/cases"),
    ("postgresql://:pw@db.example.org/cases", "postgresql://db.example.org/cases"),
    ("postgresql://:pw@/cases", "postgresql:///cases"),
    ("postgresql://analyst:pw@/cases?host=/run/postgresql",
     "postgresql://analyst@/cases?host=/run/postgresql"),
    ("postgres://analyst:pw@db.example.org:6543/cases",
     "postgres://analyst@db.example.org:6543/cases"),
    ("postgresql+psycopg://analyst:pw@db.example.org/cases?sslmode=require",
     "postgresql+psycopg://analyst@db.example.org/cases?sslmode=require"),
    ("postgresql://analyst@db.example.org/cases?password=pw&sslmode=require",
     "postgresql://analyst@db.example.org/cases?sslmode=require"),
    ("postgresql://analyst@db.example.org/cases?sslmode=require&Password=pw",
     "postgresql://analyst@db.example.org/cases?sslmode=require"),
    ("postgresql://db.example.org/cases?password=pw", "postgresql://db.example.org/cases"),
    ("postgresql://analyst:s3cr%3At%40pw@db.example.org/cases",
     "postgresql://analyst@db.example.org/cases"),
    ("postgresql://analyst:s3cr:t@pw@db.example.org/cases",
     "postgresql://analyst@db.example.org/cases"),
    ("postgresql://analyst:pw@[::1]:5432,db2.example.org/cases",
     "postgresql://analyst@[::1]:5432,db2.example.org/cases"),
    ("postgresql://analyst@db.example.org/cases?sslpassword=pw&sslcert=/home/a/c.crt",
     "postgresql://analyst@db.example.org/cases?sslcert=/home/a/c.crt"),
    ("host=db.example.org dbname=cases password=pw", "host=db.example.org dbname=cases"),
    ("host=db.example.org password = 'two words' dbname=cases",
     "host=db.example.org dbname=cases"),
    (r"password='it\'s s3cr:t@pw' host=db.example.org", "host=db.example.org"),
]


@pytest.mark.parametrize(("given", "kept"), SHAPES, ids=[s[0] for s in SHAPES])
def test_the_password_is_left_out_of_every_shape(given: str, kept: str) -> None:
    assert strip_password(given) == kept
    assert has_password(given) and not has_password(kept)
    assert strip_password(kept) == kept


@pytest.mark.parametrize("given", [s[0] for s in SHAPES if "://" in s[0]])
def test_what_is_shown_of_a_url_has_no_password(given: str) -> None:
    location = resolve_location(given.replace("pw", SECRET) if "s3cr" not in given else given)
    assert location.kind == "postgresql"
    for piece in ("pw", "s3cr", "%40", "two words"):
        assert piece not in location.display
    assert "***" not in location.display  # left out, not masked


def test_a_url_without_a_user_still_names_the_server_and_database() -> None:
    location = resolve_location("postgresql://:secret@db.example.org:6543/cases")
    assert location.display == "postgresql://db.example.org:6543/cases"
    url = make_url(location.url)  # the password still reaches the server
    assert (url.password, url.host, url.database) == ("secret", "db.example.org", "cases")


def test_a_libpq_keyword_string_is_a_postgresql_store() -> None:
    location = resolve_location("host=db.example.org port=6543 dbname=cases "
                                "password='a b+c' sslmode=require")
    assert location.kind == "postgresql"
    assert location.display == ("PostgreSQL host=db.example.org port=6543 dbname=cases "
                                "sslmode=require")
    assert dict(make_url(location.url).query) == {
        "host": "db.example.org", "port": "6543", "dbname": "cases", "password": "a b+c",
        "sslmode": "require"}


@pytest.mark.parametrize("text", ["cases.sqlite", "my cases=2024.sqlite", "a=b c=d",
                                  "host='open quote"])
def test_other_text_is_a_file_name(text: str, tmp_path: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    location = resolve_location(text)
    assert location.kind == "sqlite" and location.path == tmp_path / text
    assert strip_password(text) == text and not has_password(text)


def test_an_address_of_another_kind_is_refused_without_its_password() -> None:
    with pytest.raises(StoreError, match="not a store address") as caught:
        resolve_location("mysql://analyst:s3cret@db.example.org/cases")
    assert "s3cret" not in str(caught.value)
    assert "mysql://analyst@db.example.org/cases" in str(caught.value)


def test_names_without_a_password_are_kept_as_they_are() -> None:
    for text in ("service:forensics_cases", "/data/cases.sqlite", "postgresql://db/cases",
                 "postgresql://analyst@/cases?host=/run/postgresql"):
        assert strip_password(text) == text
