"""Turn the failures of a damaged catalogue file into one CatalogueCorrupt naming the file, for every query."""

from __future__ import annotations

import functools
import inspect
import sqlite3
import sys
from functools import cached_property
from typing import Callable

from career_explorer.data.errors import CatalogueCorrupt


def _is_validation_error(exc: ValueError) -> bool:
    """Whether `exc` is pydantic's ValidationError (a ValueError), without importing pydantic: the first
    view reads the catalogue before pydantic loads, and until it has loaded nothing can raise one."""
    core = sys.modules.get("pydantic_core")
    return core is not None and isinstance(exc, core.ValidationError)


def _guarded(method: Callable) -> Callable:
    """`method`, with the failures of a damaged file turned into CatalogueCorrupt naming the file.

    A catalogue whose header is sound can still hold damaged pages (sqlite3.DatabaseError: "database
    disk image is malformed" when a query reaches them) or rows that no longer fit the models
    (pydantic's ValidationError); either can surface in any query, long after opening.
    """

    @functools.wraps(method)
    def guarded(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except sqlite3.DatabaseError as exc:
            raise CatalogueCorrupt(self.path, f"the catalogue file is damaged ({exc}); "
                                              "rebuild, re-import or reinstall it") from None
        except ValueError as exc:
            if not _is_validation_error(exc):
                raise
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"]) or exc.title
            raise CatalogueCorrupt(self.path, f"the catalogue holds a {exc.title} that does not fit the app "
                                              f"({where}: {first['msg']}); rebuild or re-import it") from None

    return guarded


def guard_every_query(cls: type) -> type:
    """Guard every method and cached property of a repository class (see _guarded)."""
    for name, attr in list(vars(cls).items()):
        if name.startswith("__"):
            continue
        if isinstance(attr, cached_property):
            wrapped = cached_property(_guarded(attr.func))
            wrapped.__set_name__(cls, name)
            setattr(cls, name, wrapped)
        elif inspect.isfunction(attr):
            setattr(cls, name, _guarded(attr))
    return cls
