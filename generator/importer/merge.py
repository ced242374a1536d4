"""The same paper under several headings (or in a table and a list) becomes one draft.

Two drafts are one paper when they share a title (compared as lower-case letters and digits), an
arXiv id, a main URL, or a short name at the same venue and year ('FickleNet' in a table row
and 'FickleNet: Weakly and ...' under a CVPR2019 heading).
"""

from __future__ import annotations

from generator.database.crosscheck import normalized_title
from generator.importer.drafts import STATUS_RANK, PaperDraft


def identity_keys(draft: PaperDraft) -> list[tuple[str, str]]:
    """The keys under which `draft` meets the other drafts of the same paper."""
    keys = [("title", normalized_title(draft.title))]  # the same title is one record, always
    if draft.short_name:
        keys.append(("name", f"{normalized_title(draft.short_name)}@{draft.venue}{draft.year}"))
    if draft.arxiv:
        keys.append(("arxiv", draft.arxiv))
    if draft.url:
        keys.append(("url", draft.url.rstrip("/")))
    return keys


def merge_papers(drafts: list[PaperDraft]) -> list[PaperDraft]:
    """One draft per paper, in order of first appearance."""
    parent = list(range(len(drafts)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    owner: dict[tuple[str, str], int] = {}
    for index, draft in enumerate(drafts):
        for key in identity_keys(draft):
            if key in owner:
                first, second = sorted((root(owner[key]), root(index)))
                parent[second] = first
            else:
                owner[key] = index
    groups: dict[int, list[PaperDraft]] = {}
    for index, draft in enumerate(drafts):
        groups.setdefault(root(index), []).append(draft)
    return [_merge_group(group) for _, group in sorted(groups.items())]


def _merge_group(group: list[PaperDraft]) -> PaperDraft:
    titled = [draft for draft in group if not draft.title_is_name] or group
    merged = PaperDraft(
        lines=[], title=titled[0].title, topics=[], title_is_name=titled[0].title_is_name
    )
    for draft in group:
        merged.lines += draft.lines
        merged.topics += [topic for topic in draft.topics if topic not in merged.topics]
        if STATUS_RANK[draft.status] > STATUS_RANK[merged.status]:
            merged.status = draft.status
        for name in ("short_name", "venue", "venue_note", "year", "arxiv"):
            if getattr(merged, name) is None:
                setattr(merged, name, getattr(draft, name))
        if draft.kind != "paper":
            merged.kind = draft.kind
        merged.code += [
            code for code in draft.code if code["url"] not in {c["url"] for c in merged.code}
        ]
        merged.other += [link for link in draft.other if link not in merged.other]
        merged.notes += draft.notes
        merged.results += draft.results
    _merge_urls(merged, titled, group)
    if (
        merged.venue is not None
        and merged.kind == "preprint"
        and any(draft.kind == "paper" and draft.venue for draft in group)
    ):
        merged.kind = "paper"
    return merged


def _merge_urls(merged: PaperDraft, titled: list[PaperDraft], group: list[PaperDraft]) -> None:
    """Main URL from a titled entry first; other URLs stay as further links, none lost."""
    urls = [draft.url for draft in [*titled, *group] if draft.url]
    merged.url = urls[0] if urls else None
    known = {merged.url, *(code["url"] for code in merged.code), *(o["url"] for o in merged.other)}
    for result in merged.results:
        if merged.url and result.get("url") == merged.url:
            del result["url"]
        known.add(result.get("url"))
    for url in urls:
        if url not in known:
            merged.other.append({"label": "link", "url": url})
            known.add(url)


def notes_markdown(notes: list[tuple[str, str]]) -> str | None:
    """The notes of every heading, each once: the first as written, later ones after their topic.

    A note already contained in a kept note (same words) is not repeated.
    """
    kept: list[str] = []
    for topic_title, note in notes:
        if any(_words(note) in _words(other) for other in kept):
            continue
        kept.append(note if not kept else f"{topic_title}: {note}")
    return "\n\n".join(kept) or None


def _words(text: str) -> str:
    return " ".join(text.split())
