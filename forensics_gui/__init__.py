"""Forensic database of components found in recovered weapons and their supply chains."""

from __future__ import annotations

__version__ = "0.1.0"
