"""Help > Company framework format / Flat-sheet mapping: the shipped document, and Save templates… to a folder."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QTextBrowser, QVBoxLayout, QWidget

from career_explorer.services.help_files import TOPICS, export_templates, help_text
from career_explorer.ui import messages


def ask_folder(parent: QWidget) -> Optional[Path]:
    chosen = QFileDialog.getExistingDirectory(parent, "Save the templates in")
    return Path(chosen) if chosen else None


class HelpDialog(QDialog):
    """One help topic as formatted text, with its templates one click away."""

    def __init__(self, topic: str, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.topic = topic
        self.setWindowTitle(TOPICS[topic].title)
        layout = QVBoxLayout(self)
        self.text = QTextBrowser(self)
        self.text.setOpenLinks(False)  # the app never opens the network, and the documents link nowhere else
        self.text.setMarkdown(help_text(topic))
        layout.addWidget(self.text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.Close, self)
        self.save_button = buttons.addButton("Save templates…", QDialogButtonBox.ActionRole)
        self.save_button.clicked.connect(self.save_templates)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(900, 640)

    def save_templates(self, folder: Optional[Path] = None) -> list[Path]:
        folder = folder or ask_folder(self)
        if folder is None:
            return []
        try:
            written = export_templates(self.topic, folder)
        except OSError as exc:
            messages.show_error(self, "Cannot save the templates", f"{folder}: {exc.strerror or exc}")
            return []
        messages.show_info(self, "Templates saved", "Saved in " + str(folder) + ":\n" +
                           "\n".join(p.name for p in written))
        return written


def show_help(parent: Optional[QWidget], topic: str) -> HelpDialog:
    dialog = HelpDialog(topic, parent)
    dialog.show()
    return dialog
