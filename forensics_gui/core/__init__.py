"""Plain-Python domain logic: part numbers, date codes, HS/CHPL, validation, DTOs, errors.

Nothing here imports another layer of the application or a third-party library.
"""
