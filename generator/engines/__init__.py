"""Site engines: the MkDocs plugin adapter and the staged build that runs an engine."""
