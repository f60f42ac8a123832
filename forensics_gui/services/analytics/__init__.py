"""Analytics across the store: counts and trends of parts, makers and supply routes, for
screens and briefs. Imports storage and core like every service."""
