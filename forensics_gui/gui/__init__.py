"""The PySide6 desktop client. Reaches the services only through `gui/kit/lazy.py`."""
