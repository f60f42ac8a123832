"""The use cases: one API for the GUI, the command line and reports. Services take a store,
open units of work, and return plain data objects; they import storage, media, formats and
core, and nothing above them."""
