"""What loading the catalogue and filling the first view read (issue 10): never every role's alternate titles."""

from __future__ import annotations

import re
import sqlite3

from career_explorer.ui.catalogue_loader import load_repository, open_for_first_view
from career_explorer.ui.main_window import MainWindow


def reads_every_role(statement: str) -> bool:
    """A statement over the alternate titles, or a full scan of the search index's rows (which hold them)."""
    if "alt_titles" in statement:
        return True
    return bool(re.search(r"\bFROM role_search\b", statement)) and "MATCH" not in statement \
        and "LIMIT 0" not in statement


def test_the_first_view_fills_without_reading_every_roles_alternate_titles(qtbot, monkeypatch,
                                                                          fixture_catalogue_path):
    statements: list[str] = []
    connect = sqlite3.connect

    def traced(*args, **kwargs):
        conn = connect(*args, **kwargs)
        conn.set_trace_callback(statements.append)
        return conn

    monkeypatch.setattr(sqlite3, "connect", traced)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.set_repository(load_repository(open_for_first_view(fixture_catalogue_path)))
    assert window.view("Browse").model.rowCount() == 5
    assert statements, "the trace saw nothing: the check would prove nothing"
    assert [s for s in statements if reads_every_role(s)] == []


def test_the_first_search_reads_the_index_then_finds_by_alternate_title(qtbot, fixture_catalogue_path):
    window = MainWindow()
    qtbot.addWidget(window)
    window.set_repository(load_repository(open_for_first_view(fixture_catalogue_path)))
    browser = window.view("Browse").browser
    assert [s.id for s in browser.search("")] == [s.id for s in browser.summaries]
    assert [s.id for s in browser.search("agent")] == ["fx/rep"]  # "Chat Agent" is its alternate title only
