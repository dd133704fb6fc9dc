"""What a role picker offers as the user types: titles and alternate titles, told apart when they repeat."""

from __future__ import annotations

from collections import Counter
from typing import Any, Optional

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from career_explorer.domain.catalogue import TitleMatch

Index = QModelIndex | QPersistentModelIndex
ROLE_ID = Qt.UserRole + 1


class RoleCompletionModel(QAbstractListModel):
    """The completions for what is typed in a role picker: a screenful of titles and alternate titles."""

    def __init__(self, matches: list[TitleMatch] | None = None, parent=None) -> None:
        super().__init__(parent)
        self._matches: list[TitleMatch] = []
        self._labels: list[str] = []
        self.set_matches(matches or [])

    def set_matches(self, matches: list[TitleMatch]) -> None:
        self.beginResetModel()
        self._matches = list(matches)
        labels = [m.label for m in self._matches]
        counts = Counter(label.casefold() for label in labels)
        # Two roles may share a title (two sources, or two levels): their level and source tell them apart.
        self._labels = [f"{label}  ({_details(m)})" if counts[label.casefold()] > 1 and _details(m) else label
                        for label, m in zip(labels, self._matches)]
        self.endResetModel()

    def entry(self, row: int) -> Optional[TitleMatch]:
        return self._matches[row] if 0 <= row < len(self._matches) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._matches)

    def data(self, index: Index, role: int = Qt.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid() or index.column() != 0:
            return None
        match = self.entry(index.row())
        if match is None:
            return None
        if role == Qt.DisplayRole:
            return self._labels[index.row()]
        if role == Qt.EditRole:
            return match.title
        if role == ROLE_ID:
            return match.role_id
        if role == Qt.ToolTipRole:
            about = f"{match.title} ({_details(match)})" if _details(match) else match.title
            return f"Alternate title of {about}" if match.is_alternate else about
        return None


def _details(match: TitleMatch) -> str:
    return ", ".join(part for part in (match.level, match.source_name) if part)
