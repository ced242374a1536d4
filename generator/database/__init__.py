"""The database step: read YAML with lines, validate records, cross-check, assemble the Database.

`yamlsource` reads one file, `load` reads the project's files, `validate` makes typed records,
`crosscheck` checks what spans records, `assemble` builds the `Database`; `schema` and `write`
are the way back out (JSON Schemas, record files).
"""
