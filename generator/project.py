"""Where things live in a project: the database folders and the record kind of each."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar

from generator.errors import EXIT_USAGE, CurateError

if TYPE_CHECKING:
    from generator.models import ListConfig
    from generator.models.fields import Record, StoredRecord

DATABASE_DIR = "papers"
LIST_FILE = "list.yaml"
SCHEMA_DIR = "schema"
MKDOCS_FILE = "mkdocs.yml"


RecordT = TypeVar("RecordT", bound="Record")


@dataclass(frozen=True)
class RecordKind(Generic[RecordT]):
    """A kind of record: its name, its folder under `papers/` and its model."""

    name: str
    folder: str
    model_name: str
    """The model's class name in `generator.models`."""

    @property
    def model(self) -> type[RecordT]:
        """The model, imported on first use: finding a project builds no model (a link
        check of a few files needs none of them)."""
        model: type[RecordT] = getattr(importlib.import_module("generator.models"),
                                       self.model_name)
        return model

    @property
    def schema_file(self) -> str:
        """File name of its JSON Schema under `papers/schema/`."""
        return f"{self.name}.schema.json"


LIST_KIND: RecordKind[ListConfig] = RecordKind("list", "", "ListConfig")
RECORD_KINDS: tuple[RecordKind[StoredRecord], ...] = (
    RecordKind("paper", "papers", "Paper"),
    RecordKind("leaderboard", "leaderboards", "Leaderboard"),
    RecordKind("implementation", "implementations", "Implementation"),
    RecordKind("resource", "resources", "Resource"),
)
KIND_BY_NAME = {kind.name: kind for kind in RECORD_KINDS}


class ProjectNotFound(CurateError):
    """No `papers/list.yaml` in the given folder or any parent."""

    exit_code = EXIT_USAGE


@dataclass(frozen=True)
class Project:
    """A list project: a folder holding `papers/`, `site/` and `mkdocs.yml`."""

    root: Path

    @property
    def database_dir(self) -> Path:
        return self.root / DATABASE_DIR

    @property
    def list_file(self) -> Path:
        return self.database_dir / LIST_FILE

    @property
    def schema_dir(self) -> Path:
        return self.database_dir / SCHEMA_DIR

    @property
    def mkdocs_file(self) -> Path:
        return self.root / MKDOCS_FILE

    def folder_of(self, kind: RecordKind) -> Path:
        """Folder holding the records of `kind`."""
        return self.database_dir / kind.folder

    def record_path(self, kind: RecordKind, record_id: str) -> Path:
        """Path of the file that holds record `record_id` of `kind`."""
        return self.folder_of(kind) / f"{record_id}.yaml"

    @classmethod
    def find(cls, start: Path) -> Project:
        """Find the project holding `start`, walking up like git does."""
        start = start.resolve()
        for folder in (start, *start.parents):
            if (folder / DATABASE_DIR / LIST_FILE).is_file():
                return cls(folder)
        raise ProjectNotFound(
            f"no {DATABASE_DIR}/{LIST_FILE} in {start} or any parent folder; "
            "run this inside a list project (or pass -C DIR)"
        )
