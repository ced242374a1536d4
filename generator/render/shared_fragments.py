"""Fragments that many generated pages print alike, rendered once for the whole site.

A paper's line in a list (title, short name, venue, links) appears on about ten list pages:
its year, venue, topics, tags and each author's initial. Written as HTML, the line is the same
on every one of them but for the relative link to the paper's page.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable

from markupsafe import Markup

from generator.views import paths

ROOT_SLOT = "\x00"
"""Stands for the way from a page up to the site's root in a shared fragment."""


class RenderedOnce:
    """Block outputs by key: a block is rendered the first time its key is seen and its text
    reused afterwards, with the slots that differ between pages filled in by the caller."""

    def __init__(self) -> None:
        self.fragments: dict[tuple[object, ...], str] = {}

    def rendered(self, key: tuple[object, ...], caller: Callable[[], str]) -> str:
        if key not in self.fragments:
            self.fragments[key] = str(caller())
        return self.fragments[key]


class SharedFragments(RenderedOnce):
    """`{% call once(*key) %}...{% endcall %}` on a page written as HTML: the block rendered the
    first time its key is seen, on any page, and printed as it is afterwards; a link written
    `from_root(target)` inside it leads from each page up to the root, then to `target` (the
    URL MkDocs would write for a page outside the folders of the pages that print it)."""

    def __init__(self, directory_urls: bool) -> None:
        super().__init__()
        self.directory_urls = directory_urls

    def from_root(self, target: str) -> str:
        return ROOT_SLOT + paths.site_url(target, self.directory_urls)

    def once_on(self, here: str) -> Callable[..., Markup]:
        """The `once` of page `here`."""
        to_root = self.to_root(here)

        def once(*key: object, caller: Callable[[], str]) -> Markup:
            return Markup(self.rendered(key, caller).replace(ROOT_SLOT, to_root))

        return once

    def to_root(self, here: str) -> str:
        """'../' once for each folder of the URL MkDocs writes for page `here`."""
        here_url = paths.page_url(here, self.directory_urls)
        folder = here_url.rstrip("/") if here_url.endswith("/") else posixpath.dirname(here_url)
        return "../" * (folder.count("/") + 1) if folder else ""
