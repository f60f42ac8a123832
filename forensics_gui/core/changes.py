"""What one committed write changed, so that everything showing those records can follow.

The unit of work notes every record it creates, changes, transfers or deletes (and what a
deletion takes with it); the store hands the sum to its listeners once the write has
committed. Nobody has to remember to announce a write.
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

EVERY_KIND = "*"  # a store replaced or restored as a whole


@dataclass(frozen=True)
class Changes:
    """The kinds of record a write touched and, where it named them, which records."""

    kinds: frozenset[str] = frozenset()
    records: frozenset[tuple[str, UUID]] = frozenset()

    def touches(self, *kinds: str) -> bool:
        """Whether records of any of `kinds` may have changed."""
        return EVERY_KIND in self.kinds or not self.kinds.isdisjoint(kinds)

    def __bool__(self) -> bool:
        return bool(self.kinds)

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.kinds | other.kinds, self.records | other.records)


EVERYTHING = Changes(frozenset({EVERY_KIND}))
