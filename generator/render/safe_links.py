"""A Markdown extension that drops links and images with a scheme other than http(s) or mailto."""

from __future__ import annotations

import logging
from urllib.parse import urlsplit
from xml.etree.ElementTree import Element

from markdown import Extension, Markdown  # type: ignore[import-untyped]
from markdown.treeprocessors import Treeprocessor  # type: ignore[import-untyped]

ALLOWED_SCHEMES = frozenset({"", "http", "https", "mailto"})
"""An empty scheme is a relative link inside the site."""

log = logging.getLogger("mkdocs.plugins.curate")


def is_allowed_url(url: str) -> bool:
    """True for relative links and http(s)/mailto URLs."""
    cleaned = "".join(character for character in url if character.isprintable()).strip()
    return urlsplit(cleaned).scheme.lower() in ALLOWED_SCHEMES


class _SafeLinksTreeprocessor(Treeprocessor):
    def run(self, root: Element) -> None:
        for element in root.iter():
            attribute = {"a": "href", "img": "src"}.get(element.tag)
            value = element.get(attribute) if attribute else None
            if value is not None and not is_allowed_url(value):
                log.warning(f"curate: removed a link to {value!r}: only http(s) links are allowed")
                del element.attrib[attribute]  # type: ignore[arg-type]
                # A link or image without its target is no longer one: MkDocs' own link pass
                # stops on an <a> without href (an assertion, shown as a traceback).
                element.tag = "span"


class SafeLinksExtension(Extension):
    """Every link of every page is checked, whatever wrote it."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Markdown's API name
        # Priority below 'inline' (20): links exist by then; above MkDocs' relative-path one.
        md.treeprocessors.register(_SafeLinksTreeprocessor(md), "curate_safe_links", 19)


def makeExtension(**kwargs: object) -> SafeLinksExtension:  # noqa: N802 - Markdown's API name
    """`markdown_extensions: [generator.render.safe_links]` in mkdocs.yml (staged builds)."""
    return SafeLinksExtension(**kwargs)
