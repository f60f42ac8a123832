"""Screens for writing PDF briefs (through `gui/kit/lazy.py` to `services/briefs`)."""
