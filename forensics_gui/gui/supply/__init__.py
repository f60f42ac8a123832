"""Supply links of a record, probable chains and the sanctions gap."""
