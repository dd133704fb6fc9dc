"""Exceptions raised by the data layer. Each message is one line a user can act on."""

from __future__ import annotations


class DataError(Exception):
    """Base for data-layer failures."""


class SourceError(DataError):
    """A catalogue source file is invalid: the message names file, entry and field."""


class CatalogueError(DataError):
    """A compiled catalogue cannot be opened."""

    def __init__(self, path: object, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class CatalogueMissing(CatalogueError):
    pass


class CatalogueCorrupt(CatalogueError):
    pass


class CatalogueSchemaMismatch(CatalogueError):
    pass
