"""The import help shipped inside the package (an installed app has no repository beside it), and its templates."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from career_explorer.paths import resource


@dataclass(frozen=True)
class HelpTopic:
    title: str
    document: str  # a Markdown file in career_explorer/help
    templates: tuple[str, ...]  # files and folders in career_explorer/help/templates


TOPICS = {
    "framework": HelpTopic("Company framework format", "framework-format.md",
                           ("acme-framework.xlsx", "acme-framework.json", "acme-framework-csv")),
    "flat-sheet": HelpTopic("Flat-sheet mapping", "flat-sheet-mapping.md", ("flat-sheet",)),
}


def help_text(topic: str) -> str:
    return resource("help", TOPICS[topic].document).read_text(encoding="utf-8")


def export_templates(topic: str, folder: Path) -> list[Path]:
    """Copy the topic's document and templates into `folder`; return what was written (existing files are replaced)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    entry = TOPICS[topic]
    written = [Path(shutil.copyfile(resource("help", entry.document), folder / entry.document))]
    for name in entry.templates:
        source = resource("help", "templates", name)
        if source.is_dir():
            written.append(Path(shutil.copytree(source, folder / name, dirs_exist_ok=True)))
        else:
            written.append(Path(shutil.copyfile(source, folder / name)))
    return written
