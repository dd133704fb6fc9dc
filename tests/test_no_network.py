"""The app makes no network calls: with sockets blocked it still starts and answers."""

from __future__ import annotations

import socket

import pytest

from career_explorer.launcher import main
from career_explorer.ui.main_window import MainWindow


@pytest.fixture
def no_sockets(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_app_starts_with_sockets_blocked(no_sockets, qtbot, fixture_catalogue_path):
    from career_explorer.data.catalogue_repository import CatalogueRepository

    window = MainWindow(CatalogueRepository(fixture_catalogue_path))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.show_about().close()
    assert window.isVisible()


def test_cli_works_with_sockets_blocked(no_sockets, capsys, fixture_catalogue_path):
    assert main(["--catalogue", str(fixture_catalogue_path), "roles", "--json"]) == 0
    assert "fx/manager" in capsys.readouterr().out
