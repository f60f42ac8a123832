"""The audit trail's hash chain as people see it: a head printed on briefs and in case
packages, and what checking the chain found (see storage/audit_chain.py for the chain)."""

from __future__ import annotations

from dataclasses import dataclass

from forensics_gui.core.errors import ValidationError


@dataclass(frozen=True)
class Head:
    """The newest event's number and seal: what briefs and packages print."""

    seq: int
    hash: str

    def __str__(self) -> str:
        return f"{self.seq}:{self.hash}"

    @classmethod
    def parse(cls, text: str) -> Head:
        """A head as printed ("SEQ:HASH"); ValidationError saying what is wrong."""
        number, sep, digest = text.strip().partition(":")
        digest = digest.strip().lower()
        if not sep or not number.strip().isdigit() or len(digest) != 64 or any(
                c not in "0123456789abcdef" for c in digest):
            raise ValidationError("head", f"{text!r} is not an audit chain head (NUMBER:64 hex "
                                          f"digits, as briefs and packages print it)")
        return cls(int(number), digest)


@dataclass(frozen=True)
class Verdict:
    """What checking the chain found: the events checked, the head, and the problems (the
    first names the first bad event)."""

    events: int
    head: Head | None
    problems: tuple[str, ...]
    # Events above the checking login's clearance (a shared store): their links and numbers
    # were checked, their seals only by a login cleared to read them.
    unread: int = 0

    @property
    def sound(self) -> bool:
        return not self.problems
