"""File formats other tools and publishers use: sanctions list files, FollowTheMoney,
GraphML, CSV and Excel tables. Plain reading and writing: imports only `core` (and openpyxl
for spreadsheets); the services decide what is read or written and where."""
