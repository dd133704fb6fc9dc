"""Guards against a broken Qt binding: PySide6 6.12.0 leaks references to None on Python 3.11."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_void_qt_calls_do_not_drop_references_to_none(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("x")
    # A leaking binding loses one reference per call; allow a little noise from the interpreter.
    assert before - sys.getrefcount(None) < 100
