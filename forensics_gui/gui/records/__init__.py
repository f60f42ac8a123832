"""Record editors: the generic editor, recovered items with their custody, findings, and
where else a record was seen."""
