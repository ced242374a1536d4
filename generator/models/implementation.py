"""An implementation: a code base worth knowing, possibly of a listed paper."""

from __future__ import annotations

from generator.models.fields import (
    HttpUrl,
    MarkdownText,
    NamedLink,
    PlainText,
    RecordId,
    StoredRecord,
)


class Implementation(StoredRecord):
    """A code repository, with what it implements and how well it scores."""

    id: RecordId
    """Record id, equal to the file name."""
    name: PlainText
    """Name shown in the list, e.g. 'pytorch-deeplab-resnet'."""
    url: HttpUrl
    """Repository URL."""
    framework: PlainText | None = None
    """Framework, e.g. 'pytorch', 'tensorflow', 'caffe', 'mxnet'."""
    description: MarkdownText | None = None
    """What it is (Markdown)."""
    score: PlainText | None = None
    """Reported score as written, e.g. '75.6%'."""
    paper: RecordId | None = None
    """Id of the paper it implements, when the paper is on the list."""
    group: PlainText | None = None
    """Heading it is listed under, e.g. 'SEC' for the ports of one method."""
    links: list[NamedLink] = []
    """Further links, e.g. the code base it borrows from."""
