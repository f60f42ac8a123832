"""Sizes of files as people read them: "15.8 KB", "200 MB".

Units are of 1024, as `--max-mb` and the photo limits count them.
"""

from __future__ import annotations

_UNITS = ("KB", "MB", "GB", "TB")


def readable_size(size: int | float) -> str:
    """'812 bytes', '15.8 KB', '10.2 KB', '200 MB', '1.5 GB': one decimal, none when it is 0."""
    if size < 1024:
        return f"{size:,.0f} byte{'s' * (round(size) != 1)}"
    amount = float(size)
    for unit in _UNITS:
        amount /= 1024
        if amount < 1024 or unit == _UNITS[-1]:
            return f"{amount:,.1f}".removesuffix(".0") + f" {unit}"
    raise AssertionError("unreachable")  # pragma: no cover


def readable_sizes(size: int | float, limit: int | float) -> tuple[str, str]:
    """`size` and `limit` in readable units, in bytes when those would read the same (a
    file a few bytes over its limit must not read "is 200 MB; at most 200 MB")."""
    shown, most = readable_size(size), readable_size(limit)
    if shown == most and size != limit:
        return f"{size:,.0f} bytes", f"{limit:,.0f} bytes"
    return shown, most
