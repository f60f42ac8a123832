"""Screens for field exchange (through `gui/kit/lazy.py` to `services/exchange`)."""
