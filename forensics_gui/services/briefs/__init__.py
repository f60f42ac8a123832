"""PDF briefs: choosing what a brief holds (records, photos, chains, sources) and handing
it to `reports/` to draw. Imports storage, media, formats and core like every service."""
