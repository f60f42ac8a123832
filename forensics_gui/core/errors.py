"""Errors the user can act on (known errors), kept apart from bugs.

Everything deriving from :class:`KnownError` is shown as one plain message; anything else
is a bug and is shown with its traceback.
"""

from __future__ import annotations


class KnownError(Exception):
    """A problem caused by input or by the environment, not by a bug."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ValidationError(KnownError):
    """A value given for a field was refused; nothing was written."""

    exit_code = 2

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.reason = message


class NotFoundError(KnownError):
    """The record asked for does not exist."""

    exit_code = 3


class ConflictError(KnownError):
    """Someone else changed the record since it was read."""

    exit_code = 4

    def __init__(self, kind: str, record_id: object, changed_by: str, changed_at: object,
                 current_version: int) -> None:
        super().__init__(
            f"{kind} {record_id} was changed by {changed_by} at {changed_at} "
            f"(now version {current_version}); reload it and apply your changes again"
        )
        self.kind = kind
        self.record_id = record_id
        self.changed_by = changed_by
        self.changed_at = changed_at
        self.current_version = current_version


class IntegrityRuleError(KnownError):
    """The change would break a rule of the store (a reference still in use, a duplicate)."""

    exit_code = 5


class StoreError(KnownError):
    """The store cannot be opened or used; the message says what to do."""

    exit_code = 6


class StoreLockedError(StoreError):
    """Another program holds a lock on the store."""


class StoreUnreachableError(StoreError):
    """The database server cannot be reached."""


class StoreAuthError(StoreError):
    """The database server refused the login."""

    def __init__(self, message: str, *, password_may_help: bool = True) -> None:
        super().__init__(message)
        self.password_may_help = password_may_help


class StoreDamagedError(StoreError):
    """The file is not a store, or the store is damaged."""


class StoreFullError(StoreError):
    """The disk holding the store (or the database server's) has no space left."""


class StoreReadOnlyError(StoreError):
    """The store is open read-only, or would have to be changed to be opened read-only."""


class StoreRefusedError(StoreError):
    """The database refused the login what it asked: a right its group does not have, or a
    record above its clearance (a shared PostgreSQL store). Nothing was changed."""


class StoreTooNewError(StoreError):
    """The store was written by a newer version of the application."""


class MediaError(KnownError):
    """A file was refused as a photo (not an image, damaged, too large...); names the file."""

    exit_code = 2

    def __init__(self, file_name: str, reason: str) -> None:
        super().__init__(f"{file_name}: {reason}")
        self.file_name = file_name
        self.reason = reason
