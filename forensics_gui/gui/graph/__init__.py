"""The supply graph: layout drawn on a canvas, filters, and image export."""
