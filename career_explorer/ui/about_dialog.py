"""Help > About: the version and every data source with its licence and required attribution."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Optional

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from career_explorer import __version__

if TYPE_CHECKING:
    from career_explorer.domain.catalogue import CatalogueInfo, Source


def about_html(info: Optional["CatalogueInfo"], sources: list["Source"]) -> str:
    parts = [
        f"<h2>Career Explorer {escape(__version__)}</h2>",
        "<p>Career routes, skill jumps and pay, explored offline. Your career data stays on this computer.</p>",
        f"<p><b>Catalogue:</b> {escape(info.name)} {escape(info.version)}</p>" if info else
        "<p><b>Catalogue:</b> still loading</p>",
        "<h3>Data sources</h3>",
    ]
    for source in sources:
        url = f"<br/><tt>{escape(str(source.url))}</tt>" if source.url else ""
        retrieved = f", retrieved {source.retrieved.isoformat()}" if source.retrieved else ""
        attribution = f"<br/><i>{escape(source.attribution)}</i>" if source.attribution else ""
        parts.append(
            f"<p><b>{escape(source.name)}</b> - licence: {escape(source.licence)}{retrieved}{url}{attribution}</p>"
        )
    parts.append("<p>Links are shown as text: the app never opens the network.</p>")
    return "\n".join(parts)


class AboutDialog(QDialog):
    def __init__(
        self, info: Optional["CatalogueInfo"], sources: list["Source"], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("About Career Explorer")
        self.resize(640, 520)
        self.text = QTextBrowser(self)
        self.text.setOpenLinks(False)
        self.text.setOpenExternalLinks(False)
        self.text.setHtml(about_html(info, sources))
        buttons = QDialogButtonBox(QDialogButtonBox.Close, parent=self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
