"""The `forensics` command line: one grammar registry, each command's module loaded only when
it runs. Calls the services; no Qt, no store internals."""
