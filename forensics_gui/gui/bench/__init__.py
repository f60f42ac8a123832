"""Bench mode: recording many findings of one recovered item in a row, with its photos and
its system type's template beside the grid."""
