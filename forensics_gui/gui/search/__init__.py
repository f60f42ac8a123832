"""The search page: one box, filters, saved searches and exports."""
