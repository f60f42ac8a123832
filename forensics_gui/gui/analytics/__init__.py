"""Screens for analytics (through `gui/kit/lazy.py` to `services/analytics`)."""
