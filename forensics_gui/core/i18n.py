"""Marking text of the plain-Python layers for translation in the interface.

`QT_TRANSLATE_NOOP("fields", "Handling marking")` returns the text unchanged; Qt's `lupdate`
finds it by that name and puts it in the translation files, and the desktop client shows it
through `translate("fields", text)`. The command line, exports and briefs keep the English
text. Data (markings, part numbers, names) is never passed through it.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """`text`, marked for translation in `context`."""
    del context
    return text
