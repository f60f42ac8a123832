"""Record identifiers: UUID version 7 (RFC 9562), sortable by creation time.

Layout: 48-bit Unix time in milliseconds, 4-bit version (7), 12 bits rand_a, 2-bit variant
(0b10), 62 bits rand_b. rand_a and rand_b together form a 74-bit counter: a new millisecond
starts it at a random value, and further ids in the same millisecond add a random step to it
(RFC 9562 section 6.2, method 2), so ids made by one process sort in creation order.
"""

from __future__ import annotations

import os
import secrets
import threading
import time
import uuid

_COUNTER_BITS = 74
_RAND_B_BITS = 62
_MAX_MS = (1 << 48) - 1
# Starting below half the range leaves room for many ids in one millisecond before overflow.
_SEED_BITS = _COUNTER_BITS - 1
# A random step (not +1) keeps ids made in one millisecond hard to guess from one another.
_STEP_BITS = 32

_lock = threading.Lock()
_last_ms = -1
_counter = 0


def _reset_after_fork() -> None:
    global _last_ms, _counter
    # A child must not continue the parent's sequence, or both could make the same ids.
    _last_ms, _counter = -1, 0


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_reset_after_fork)


def _next_state(now_ms: int) -> tuple[int, int]:
    # The clock may step back (NTP); staying on the last millisecond keeps ids sorted.
    if now_ms > _last_ms:
        return now_ms, secrets.randbits(_SEED_BITS)
    counter = _counter + 1 + secrets.randbits(_STEP_BITS)
    if counter >> _COUNTER_BITS:
        return min(_last_ms + 1, _MAX_MS), secrets.randbits(_SEED_BITS)
    return _last_ms, counter


def _pack(ms: int, counter: int) -> uuid.UUID:
    rand_a = counter >> _RAND_B_BITS
    rand_b = counter & ((1 << _RAND_B_BITS) - 1)
    value = (ms << 80) | (0x7 << 76) | (rand_a << 64) | (0b10 << 62) | rand_b
    return uuid.UUID(int=value)


def new_id() -> uuid.UUID:
    """Return a new UUID version 7; ids made by this process sort in creation order."""
    global _last_ms, _counter
    with _lock:
        _last_ms, _counter = _next_state(time.time_ns() // 1_000_000)
        return _pack(_last_ms, _counter)


def id_time_ms(value: uuid.UUID) -> int:
    """Unix time in milliseconds stored in a version 7 UUID."""
    return value.int >> 80
