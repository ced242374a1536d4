"""`curate import`: turn an awesome list written in Markdown into database records.

Pipeline: markdown (typed lines, with the block structure markdown-it-py reads) -> outline
(headings to taxonomy) -> reader/blocks (entries to drafts: entryforms, entrytext, entrytitle read
one entry; tables, paperrows, htmlentries the other forms) -> merge (one draft per paper) ->
records and listconfig (validated models; what they refuse is a reported skip) -> writer (new
files only) -> report (what each line became). What the rules know is data: vocabulary.yaml.
"""

from generator.importer.pipeline import ImportOutcome, import_list

__all__ = ["ImportOutcome", "import_list"]
