"""Alembic environment: runs on a connection handed over by the application, or on a URL."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from forensics_gui.storage.models import Base
from forensics_gui.storage.search_index import managed_outside_models

config = context.config
target_metadata = Base.metadata


def _configure(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        include_name=lambda name, type_, _parents: not managed_outside_models(name, type_),
    )


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = create_engine(config.get_main_option("sqlalchemy.url"))
    with engine.connect() as connection:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("offline migrations are not supported; run `forensics db upgrade`")
run_migrations_online()
