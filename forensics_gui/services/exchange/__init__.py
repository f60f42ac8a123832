"""Field exchange: packages written on an offline laptop and merged into a shared store
(the package file format itself lives in `formats/`)."""
