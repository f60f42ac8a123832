"""Stores: SQLAlchemy models, opening and upgrading SQLite and PostgreSQL stores, the unit of
work, the audit trail and the integrity rules (what a deletion may take, what is append-only).
The only user of SQLAlchemy and Alembic besides `migrations/`; imports only `core`."""
