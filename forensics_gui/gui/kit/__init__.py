"""What every screen of the desktop client shares: the application context, the store
worker, the edge to the services, lazy tables, field widgets, errors and icons."""
