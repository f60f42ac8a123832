"""Who may do what on a shared PostgreSQL store: setting up its roles, its logins with their
group and clearance, and who the store is open as (storage/access.py holds the rules; the
database enforces them)."""

from __future__ import annotations

import re

from forensics_gui.core.errors import ValidationError
from forensics_gui.storage.access import GROUP_LABELS, Installed, Login, Standing
from forensics_gui.storage.store import Store

_LOGIN = re.compile(r"[a-z_][a-z0-9_.-]{0,62}")

__all__ = ["GROUP_LABELS", "Installed", "Login", "Standing", "describe", "disable_login",
           "logins", "set_login", "set_up_roles", "standing"]


def set_up_roles(store: Store) -> Installed:
    """Create the owner, login-managing and group roles and grant each group its rights
    (a PostgreSQL superuser; again after each schema upgrade does no harm)."""
    return store.set_up_roles()


def logins(store: Store) -> list[Login]:
    """The store's logins, with group and clearance (administrators)."""
    return store.logins()


def set_login(store: Store, login: str, group: str, clearance: str,
              password: str | None = None) -> None:
    """Add a login, or change its group, clearance or password (administrators). The
    database checks everything again; this says what is wrong before asking it."""
    if not _LOGIN.fullmatch(login):
        raise ValidationError("login", f"{login!r} is not a login name: lower-case letters, "
                                       "digits, '.', '-' and '_', starting with a letter")
    if group not in GROUP_LABELS:
        raise ValidationError("group", f"{group!r} is not one of {', '.join(GROUP_LABELS)}")
    store.set_login(login, group, clearance.strip(), password or None)


def disable_login(store: Store, login: str) -> None:
    """Stop a login from logging in; its name and what it did stay on record."""
    store.disable_login(login.strip())


def standing(store: Store) -> Standing:
    return store.standing()


def describe(standing: Standing, *, login: bool = True) -> str:
    """One line: who the store is open as (`login`), in which group, cleared to what."""
    group = GROUP_LABELS.get(standing.group or "", "")
    cleared = ("sees every record" if standing.sees_everything else
               f"cleared to {standing.clearance}: records marked above are hidden")
    if standing.clearance and standing.sees_everything:
        cleared = f"cleared to {standing.clearance} (every marking)"
    return ", ".join(filter(None, (standing.login if login else "", group, cleared)))
