"""A stand-in that says what will come, until the real view is built (not a view: it has no catalogue)."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PlaceholderView(QWidget):
    def __init__(self, title: str, promise: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Centred by the HTML, not setAlignment(Qt.AlignCenter): these are in the empty start-up window,
        # and the first touch of the Qt namespace builds its ~90 enums (about 30 ms of a cold start).
        heading = QLabel(f"<h2 align='center'>{escape(title)}</h2>", self)
        body = QLabel(f"<div align='center'>{escape(promise)}</div>", self)
        body.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for label in (heading, body):
            layout.addWidget(label)
        layout.addStretch(2)
