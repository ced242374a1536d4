"""`curate import`: turn an awesome list written in Markdown into database records.

Pipeline: markdown (typed lines) -> outline (headings to taxonomy) -> reader/blocks (entries to
drafts) -> merge (one draft per paper) -> records (validated models) -> writer (new files only).
"""

from generator.importer.pipeline import ImportOutcome, import_list

__all__ = ["ImportOutcome", "import_list"]
