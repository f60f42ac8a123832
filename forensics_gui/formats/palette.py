"""How a supply graph looks wherever it is drawn: on screen, in a GraphML file (yEd shows the
colours) and in a brief. One palette, so that a printed diagram reads like the screen."""

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
