"""The domain in plain Python: part numbers, date codes, HS/CHPL, names, field rules, chains
and supply graphs, screening rules, the data objects every layer passes around, what a write
changed, and errors; plus two small file helpers (atomic writes, where the assets are).

Nothing here imports another layer of the application or a third-party library.
"""
