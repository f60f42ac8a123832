"""PDF briefs drawn with ReportLab (its only user): pages, tables, charts, supply-chain
diagrams, sources, from what `services/briefs` gathers. Called by the GUI and the command
line; imports services, formats and core."""
