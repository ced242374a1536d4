"""Tests of the contributor flow: curate add, curate enrich, the repository's CI files."""
