"""Exceptions raised by the importers. Each message is one line a user can act on."""

from __future__ import annotations

from typing import Optional

from career_explorer.data.errors import DataError


class ImporterError(DataError):
    """Base for importer failures that are about the input, not about a bug."""


class SourceFormatError(ImporterError, ValueError):
    """An input file is missing, or a file, column or value is not what the format promises.

    The message is one line: ``FILE[:LINE][: COLUMN]: problem``. ``line`` is the 1-based line in a
    text file or the row number shown by a spreadsheet program; the header is line/row 1.
    """

    def __init__(self, file: object, problem: str, line: Optional[int] = None, column: Optional[str] = None) -> None:
        self.file = str(file)
        self.line = line
        self.column = column
        self.problem = problem
        where = self.file if line is None else f"{self.file}:{line}"
        if column is not None:
            where = f"{where}: {column}"
        super().__init__(f"{where}: {problem}")


class UnknownOccupationError(ImporterError, ValueError):
    """The caller asked for an occupation code the input does not hold."""


class Cancelled(Exception):
    """The caller's cancel() callback asked the import to stop. Nothing was written."""
