"""How a supply graph and the analytics charts look wherever they are drawn: on screen, in a
GraphML file (yEd shows the colours) and in a brief. One palette, so that a printed diagram
reads like the screen."""

from __future__ import annotations

from collections.abc import Iterable

from forensics_gui.core.graph import ROLE_RANKS, UNKNOWN_ROLE_RANK

# Fill colour of each role.
ROLE_FILLS = {
    "manufacturer": "#D6E6F8", "authorised distributor": "#D3EFE0", "distributor": "#E0F2D4",
    "trading company": "#FCEFC4", "logistics": "#ECE1F5", "importer": "#FBDDC8",
    "end user": "#E1E1E1", "other": "#F4F4F4",
}
UNKNOWN_ROLE_FILL = "#F4F4F4"
# Border and marker of an organization by its sanctions status.
SANCTION_COLOURS = {"designated": "#C62828", "formerly": "#E08E00", "none": "#59636E"}
HUB_COLOUR = "#00796B"
# Line colour of a supply link by its status.
EDGE_COLOURS = {"documented": "#1F2937", "probable": "#2F4A6D", "hypothesis": "#6B7280"}


def role_fill(roles: Iterable[str]) -> str:
    """The fill colour of an organization with these roles (its first role along the flow)."""
    ranked = sorted((ROLE_RANKS.get(r, UNKNOWN_ROLE_RANK), r) for r in roles if r in ROLE_FILLS)
    return ROLE_FILLS[ranked[0][1]] if ranked else UNKNOWN_ROLE_FILL


# Charts (the analytics dashboard and the briefs): the Okabe–Ito colours, which readers with
# any common colour-vision deficiency tell apart; reference dates differ by line style too.
CHART_SERIES = ("#0072B2", "#E69F00", "#56B4E9", "#009E73", "#CC79A7", "#D55E00", "#F0E442",
                "#999999")
CHART_COLOURS = {
    "paper": "#FFFFFF", "ink": "#1F2933", "muted": "#52606D", "grid": "#E4E7EB",
    "axis": "#7B8794", "bar": "#0072B2", "row": "#F2F4F7", "highlight": "#1F2933",
    "marker event": "#D55E00", "marker chpl": "#007A5A", "marker designation": "#A8487F",
    "marker": "#52606D",
}


def chart_colour(role: str) -> str:
    """The colour of a chart's role: "bar", "series 3", "on series 3" (text on that series'
    fill: dark or white, whichever reads better), "marker designation"..."""
    if role.startswith("on series "):
        fill = _luminance(chart_colour(role.removeprefix("on "))) + 0.05
        ink, paper = (_luminance(CHART_COLOURS[r]) + 0.05 for r in ("ink", "paper"))
        return CHART_COLOURS["ink"] if fill / ink > paper / fill else CHART_COLOURS["paper"]
    if role.startswith("series "):
        return CHART_SERIES[int(role.removeprefix("series ")) % len(CHART_SERIES)]
    return CHART_COLOURS.get(role, CHART_COLOURS["marker"] if role.startswith("marker")
                             else CHART_COLOURS["ink"])


def _luminance(colour: str) -> float:
    """Relative luminance (WCAG) of "#RRGGBB"."""
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
