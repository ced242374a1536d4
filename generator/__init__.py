"""Curate: an awesome-list website generator backed by a YAML metadata database.

A record becomes a page in this order, one folder per step:

- `database/`: `yamlsource` reads one YAML file keeping each field's line, `load` reads every
  file of `papers/`, `validate` turns each into a typed record (`models/`), `crosscheck` checks
  what spans records, `assemble` builds the indexed `Database`; `schema` and `write` go back out.
- `views/`: what each page needs (leaderboards, years, topics, checklist, papers, feed), as
  plain objects computed from the Database.
- `render/`: Jinja2 templates (`templates/`) and escaping turn views into page text, the
  README's list, BibTeX and the JSON export; `site_pages` renders the whole generated site.
- `engines/`: `staging` writes the whole site source (hand-written and generated pages, a
  plugin-free `mkdocs.yml`) into a folder, `build` runs an engine on it (MkDocs or Zensical);
  `mkdocs_plugin` is the thin adapter for `mkdocs build` and `mkdocs serve`.

Beside the pipeline: `importer/` (a Markdown list into records), `lookup/` (metadata from
web services for `curate add` and `enrich`), `linkcheck/` (`curate check-links`), `commands/`
(one module per `curate` verb, `cli.py` dispatches), `newproject/` with `project_template/`
(`curate new`: a complete project for someone else's list), `text/` (URLs, Markdown, ids and
linear-time patterns read from prose), and the short top level: `project` (where things
live), `errors` (`CurateError`, the base of every error the CLI reports), `problems`
(`file:line: field: message`), `atomic` (writes that never leave half a file), `retry_after`
(the one `Retry-After` reader).
"""

__version__ = "0.1.0"
