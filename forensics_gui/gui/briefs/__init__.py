"""Screens for writing PDF briefs: the brief dialog and the "Brief…" buttons that open it
(through `gui/kit/lazy.py` to `reports/briefs`)."""
