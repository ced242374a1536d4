"""Curate: an awesome-list website generator backed by a YAML metadata database."""

__version__ = "0.1.0"
