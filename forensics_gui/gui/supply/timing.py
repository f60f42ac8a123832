"""How designation timing is shown in the supply screens (the links box and the chains)."""

from __future__ import annotations

# The colour that flags a party designated at the link's date, or possibly so.
TIMING_COLOURS = {"before": "#c0392b", "after": "#b9770e", "link-undated": "#b9770e",
                  "listing-undated": "#b9770e"}
