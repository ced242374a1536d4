"""`curate new`: a complete list project from the template shipped in the package.

The template (`generator/project_template/`) holds this repository's own site pages, MkDocs
configuration, GitHub workflows and templates, pre-commit configuration and README, with the
list's title and description substituted for a few markers.
"""

from generator.newproject.create import ProjectExists, create_project, template_files

__all__ = ["ProjectExists", "create_project", "template_files"]
