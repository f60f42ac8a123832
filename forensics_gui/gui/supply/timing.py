"""How designation timing is shown in the supply screens (the links box and the chains)."""

from __future__ import annotations

from typing import Any

from forensics_gui.core.chains import timing_text
from forensics_gui.gui.kit.i18n import translate

# The colour that flags a party designated at the link's date, or possibly so.
TIMING_COLOURS = {"before": "#c0392b", "after": "#b9770e", "link-undated": "#b9770e",
                  "listing-undated": "#b9770e"}


def chain_words(text: str) -> str:
    """The fixed words of core.chains' texts in the interface's language."""
    return translate("chains", text)


def shown_timing(timing: Any) -> str:
    """What a designation timing says, in the interface's language."""
    return timing_text(timing, chain_words)
