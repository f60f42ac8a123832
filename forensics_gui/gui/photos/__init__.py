"""Photo evidence: galleries, the viewer with annotations, adding, exporting and verifying
photos."""
