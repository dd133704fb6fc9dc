"""The app makes no network calls through Python: with sockets refused, every view and the CLI still work
and nothing asked for one. (Qt's own sockets are C++: tests/test_no_network_syscalls.py watches the kernel.)"""

from __future__ import annotations

import socket

import pytest

from career_explorer.launcher import main
from career_explorer.ui.main_window import VIEWS, MainWindow


@pytest.fixture
def socket_attempts(monkeypatch) -> list[str]:
    """Every attempt to open a socket or look up a name, refused and recorded (an exception alone could be
    swallowed by the code under test; the record cannot)."""
    attempts: list[str] = []

    def refuse(name):
        def call(*args, **kwargs):
            attempts.append(f"{name}{args}")
            raise OSError("the network is off in this test")
        return call

    for name in ("socket", "create_connection", "getaddrinfo", "gethostbyname"):
        monkeypatch.setattr(socket, name, refuse(name))
    return attempts


def test_every_view_and_the_about_box_open_without_asking_for_a_socket(socket_attempts, qtbot, fixture_repo):
    window = MainWindow(fixture_repo)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    for name, _ in VIEWS:
        window.show_view(name)
        assert window.current_view_name() == name
    about = window.show_about()
    assert "Fixture facts - licence: CC0" in about.text.toPlainText()
    about.close()
    assert socket_attempts == []


def test_cli_answers_without_asking_for_a_socket(socket_attempts, capsys, fixture_catalogue_path):
    assert main(["--catalogue", str(fixture_catalogue_path), "roles", "--json"]) == 0
    assert main(["--catalogue", str(fixture_catalogue_path), "path", "fx/rep", "fx/manager"]) == 0
    out = capsys.readouterr().out
    assert "fx/manager" in out and "Support Manager" in out
    assert socket_attempts == []
