"""Dialogs for moving a cohort, each behind a module function that tests patch instead of clicking."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Optional, Sequence

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from career_explorer.services.person_transfer import ImportPreview

EXPORT_FILTER = "Person or cohort export (*.json)"


def ask_open_paths(parent: QWidget, caption: str) -> list[Path]:
    names, _ = QFileDialog.getOpenFileNames(parent, caption, str(Path.home()), EXPORT_FILTER)
    return [Path(n) for n in names]


class ImportManyDialog(QDialog):
    """Everything the files will add, person by person; nothing is written unless the user presses Import."""

    def __init__(self, previews: Sequence[ImportPreview], parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import people")
        adding = sum(1 for p in previews if p.adds_anything)
        html = f"<p><b>{adding} of {len(previews)} {'person' if len(previews) == 1 else 'people'} in the files " \
               "bring something new:</b></p>"
        for preview in previews:
            head, *rest = preview.lines()
            html += f"<p>{escape(head)}</p><ul>" + "".join(f"<li>{escape(line)}</li>" for line in rest) + "</ul>"
        text = QLabel(html, self)
        text.setWordWrap(True)
        scroll = QScrollArea(self)
        scroll.setWidget(text)
        scroll.setWidgetResizable(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Cancel, self)
        self.import_button = buttons.addButton("Import", QDialogButtonBox.AcceptRole)
        self.import_button.setEnabled(adding > 0)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.resize(560, 420)


def confirm_many(parent: QWidget, previews: Sequence[ImportPreview]) -> bool:
    return ImportManyDialog(previews, parent).exec() == QDialog.Accepted
