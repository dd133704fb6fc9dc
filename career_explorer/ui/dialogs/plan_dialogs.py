"""Dialogs of the My plan view, each behind a module function that tests patch instead of clicking."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Optional

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from career_explorer.services.person_transfer import ImportPreview
from career_explorer.ui import messages

JSON_FILTER = "Person export (*.json)"
PDF_FILTER = "PDF document (*.pdf)"


def ask_save_path(parent: QWidget, caption: str, suggested: Path, file_filter: str) -> Optional[Path]:
    """Where to save; None when cancelled. The filter's extension is added when missing."""
    name, _ = QFileDialog.getSaveFileName(parent, caption, str(suggested), file_filter)
    if not name:
        return None
    path = Path(name)
    suffix = file_filter[file_filter.find("*") + 1:file_filter.find(")")]
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


def ask_open_path(parent: QWidget, caption: str, file_filter: str) -> Optional[Path]:
    name, _ = QFileDialog.getOpenFileName(parent, caption, str(Path.home()), file_filter)
    return Path(name) if name else None


def ask_text(parent: QWidget, title: str, label: str, text: str = "") -> Optional[str]:
    value, ok = QInputDialog.getText(parent, title, label, text=text)
    return value.strip() if ok and value.strip() else None


def ask_tags(parent: QWidget, name: str, tags: tuple[str, ...]) -> Optional[list[str]]:
    """The person's tags as the user edits them, comma-separated; None when cancelled, [] when cleared."""
    value, ok = QInputDialog.getText(parent, "Tags", f"Tags of {name}, separated by commas\n"
                                     "(for example: spring onboarding, night shift):", text=", ".join(tags))
    return [t for t in (part.strip() for part in value.split(",")) if t] if ok else None


def inform(parent: Optional[QWidget], title: str, text: str) -> None:
    """A message that does not block (the app goes on starting behind it)."""
    messages.inform(parent, title, text)


class ImportPreviewDialog(QDialog):
    """Shows what an import will add; nothing is written unless the user presses Import."""

    def __init__(self, preview: ImportPreview, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import person")
        text = QLabel("<p><b>This import will add:</b></p><ul>"
                      + "".join(f"<li>{escape(line)}</li>" for line in preview.lines()) + "</ul>", self)
        text.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Cancel, self)
        self.import_button = buttons.addButton("Import", QDialogButtonBox.AcceptRole)
        self.import_button.setEnabled(preview.adds_anything)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)


def confirm_import(parent: QWidget, preview: ImportPreview) -> bool:
    return ImportPreviewDialog(preview, parent).exec() == QDialog.Accepted
