"""Help > About: the version and every data source with its licence and required attribution."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Optional

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from career_explorer import __version__

if TYPE_CHECKING:
    from career_explorer.domain.catalogue import CatalogueInfo
    from career_explorer.services.catalogue_contents import SourcePart


def _count(number: int) -> str:
    return f"{number:,}" if number else "–"


def about_html(info: Optional["CatalogueInfo"], parts: list["SourcePart"]) -> str:
    html = [
        f"<h2>Career Explorer {escape(__version__)}</h2>",
        "<p>Career routes, skill jumps and pay, explored offline. Your career data stays on this computer.</p>",
        f"<p><b>Catalogue:</b> {escape(info.name)} {escape(info.version)}</p>" if info else
        "<p><b>Catalogue:</b> still loading</p>",
    ]
    if info is not None and info.description:
        html.append(f"<p>{escape(info.description)}</p>")
    if parts:
        html.append("<h3>What each source gives</h3>")
        html.append("<table cellspacing='0' cellpadding='3'><tr><th align='left'>Source</th><th>Roles</th>"
                    "<th>Pay figures</th><th>Competency levels</th><th>Moves</th></tr>")
        for part in parts:
            html.append(f"<tr><td>{escape(part.source.label)}</td><td align='right'>{_count(part.roles)}</td>"
                        f"<td align='right'>{_count(part.pay)}</td><td align='right'>{_count(part.requirements)}</td>"
                        f"<td align='right'>{_count(part.transitions)}</td></tr>")
        html.append("</table>")
    html.append("<h3>Data sources and licences</h3>")
    for source in (p.source for p in parts):
        url = f"<br/><tt>{escape(str(source.url))}</tt>" if source.url else ""
        retrieved = f", retrieved {source.retrieved.isoformat()}" if source.retrieved else ""
        attribution = f"<br/><i>{escape(source.attribution)}</i>" if source.attribution else ""
        html.append(
            f"<p><b>{escape(source.name)}</b> - licence: {escape(source.licence)}{retrieved}{url}{attribution}</p>"
        )
    html.append("<p>Links are shown as text: the app never opens the network.</p>")
    return "\n".join(html)


class AboutDialog(QDialog):
    def __init__(
        self, info: Optional["CatalogueInfo"], parts: list["SourcePart"], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("About Career Explorer")
        self.resize(640, 520)
        self.text = QTextBrowser(self)
        self.text.setOpenLinks(False)
        self.text.setOpenExternalLinks(False)
        self.text.setHtml(about_html(info, parts))
        buttons = QDialogButtonBox(QDialogButtonBox.Close, parent=self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
