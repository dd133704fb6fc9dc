"""Import help shipped as package data: the documents, Save templates…, the Help menu, and the wheel's file list."""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

from career_explorer.data.importers.sheet_convert import import_sheet
from career_explorer.data.importers.sheet_mapping import load_map
from career_explorer.paths import resource
from career_explorer.services.help_files import TOPICS, export_templates, help_text
from career_explorer.ui import messages

REPO = Path(__file__).resolve().parents[1]
FLAT = Path(__file__).parent / "fixtures" / "flat"


def test_shipped_flat_template_is_the_tested_fixture():
    for name in ("acme-flat.csv", "acme-flat.map.toml"):
        assert resource("help", "templates", "flat-sheet", name).read_bytes() == (FLAT / name).read_bytes()


def test_exported_templates_import(tmp_path):
    written = export_templates("flat-sheet", tmp_path)
    assert {p.name for p in written} == {"flat-sheet-mapping.md", "flat-sheet"}
    folder = tmp_path / "flat-sheet"
    result = import_sheet(folder / "acme-flat.csv", load_map(folder / "acme-flat.map.toml"))
    assert len(result.catalogue.roles) == 8
    written = export_templates("framework", tmp_path / "fw")
    assert {p.name for p in written} == {"framework-format.md", "acme-framework.xlsx", "acme-framework.json",
                                         "acme-framework-csv"}
    assert (tmp_path / "fw" / "acme-framework-csv" / "roles.csv").is_file()


def test_every_help_file_is_package_data():
    setuptools = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]
    patterns = setuptools["package-data"]["career_explorer"]
    package = REPO / "career_explorer"
    files = [p.relative_to(package).as_posix() for p in (package / "help").rglob("*") if p.is_file()]
    assert files
    missing = [f for f in files if not any(fnmatch.fnmatch(f, pattern) and f.count("/") == pattern.count("/")
                                           for pattern in patterns)]
    assert missing == []
    assert '(str(PACKAGE / "help"), "career_explorer/help")' in (REPO / "build_installer.spec").read_text()


def test_help_menu_shows_each_topic_and_saves_templates(window, qtbot, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(messages, "show_info", lambda parent, title, text: shown.append((title, text)))
    actions = {a.text(): a for a in window.menuBar().actions()[-1].menu().actions()}
    for label, topic in (("Company &framework format", "framework"), ("Flat-&sheet mapping", "flat-sheet")):
        actions[label].trigger()
        dialog = window.help_dialog
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == TOPICS[topic].title
        assert "FILE:ROW:COLUMN: message" in dialog.text.toPlainText()
        assert dialog.save_templates(tmp_path / topic)
        dialog.close()
    assert shown[-1][0] == "Templates saved" and "flat-sheet-mapping.md" in shown[-1][1]
    assert "MAP.toml" in help_text("flat-sheet")
