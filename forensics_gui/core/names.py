"""Comparing names of organizations and systems as people write them."""

from __future__ import annotations

import re
import unicodedata

_PUNCTUATION = re.compile(r"[^\w]+", re.UNICODE)


def name_key(name: str | None) -> str:
    """A sort and comparison key: case, accents, punctuation and spacing ignored."""
    text = unicodedata.normalize("NFKD", name or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return " ".join(_PUNCTUATION.sub(" ", text).split())
