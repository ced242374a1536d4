"""Implementations grouped by framework, and resources grouped by kind."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from generator.database.assemble import Database
from generator.models import Implementation, Resource
from generator.views import paths
from generator.views.papers import LinkView, PaperRefView

UNKNOWN_FRAMEWORK = "Other"
RESOURCE_KIND_TITLES = {
    "related-list": "Related lists",
    "tutorial": "Tutorials",
    "video": "Videos",
    "survey": "Surveys",
    "article": "Articles",
    "tool": "Tools",
    "other": "Other resources",
}


@dataclass(frozen=True)
class ImplementationView:
    id: str
    name: str
    url: str
    framework: str | None
    description: str | None
    score: str | None
    paper: PaperRefView | None
    group: str | None
    links: tuple[LinkView, ...]


@dataclass(frozen=True)
class FrameworkView:
    title: str
    anchor: str
    implementations: tuple[ImplementationView, ...]
    """Ordered by group (ungrouped first), then name."""


def framework_views(database: Database, refs: dict[str, PaperRefView]) -> list[FrameworkView]:
    """Implementations by framework (named case-insensitively), most populated first."""
    groups: dict[str, list[ImplementationView]] = defaultdict(list)
    titles: dict[str, str] = {}
    for item in database.implementations.values():
        key = (item.framework or UNKNOWN_FRAMEWORK).lower()
        titles.setdefault(key, item.framework or UNKNOWN_FRAMEWORK)
        groups[key].append(_implementation_view(item, refs))
    order = sorted(groups, key=lambda key: (key == UNKNOWN_FRAMEWORK.lower(), -len(groups[key]), key))
    return [
        FrameworkView(titles[key], f"framework-{paths.slug(key)}", tuple(sorted(
            groups[key], key=lambda view: (view.group or "", view.name.lower()))))
        for key in order
    ]


def _implementation_view(item: Implementation, refs: dict[str, PaperRefView]) -> ImplementationView:
    return ImplementationView(
        id=item.id, name=item.name, url=item.url, framework=item.framework,
        description=item.description, score=item.score,
        paper=refs.get(item.paper) if item.paper else None, group=item.group,
        links=tuple(LinkView(link.label, link.url) for link in item.links),
    )


@dataclass(frozen=True)
class ResourceView:
    id: str
    title: str
    links: tuple[LinkView, ...]
    description: str | None
    venue_year: str


@dataclass(frozen=True)
class ResourceKindView:
    kind: str
    title: str
    resources: tuple[ResourceView, ...]


def resource_kind_views(database: Database) -> list[ResourceKindView]:
    """Resources by kind, in a fixed reading order; each kind's resources newest first."""
    by_kind: dict[str, list[Resource]] = defaultdict(list)
    for resource in database.resources.values():
        by_kind[resource.kind].append(resource)
    return [
        ResourceKindView(kind, title, tuple(
            _resource_view(resource)
            for resource in sorted(by_kind[kind], key=lambda r: (-(r.year or 0), r.title.lower()))
        ))
        for kind, title in RESOURCE_KIND_TITLES.items() if by_kind[kind]
    ]


def _resource_view(resource: Resource) -> ResourceView:
    parts = [resource.venue, str(resource.year) if resource.year else None]
    return ResourceView(
        resource.id, resource.title,
        tuple(LinkView(link.label, link.url) for link in resource.links),
        resource.description, " ".join(part for part in parts if part),
    )
