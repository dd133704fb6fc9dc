"""Long work off the GUI thread: a QRunnable with progress, cancel and result signals.

A job is `fn(progress, cancel) -> result`, where `progress(fraction, message)` reports and `cancel()`
says whether the user asked to stop; the job then raises the importers' Cancelled.
"""

from __future__ import annotations

import threading
import time
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

Job = Callable[[Callable[[float, str], None], Callable[[], bool]], Any]

# Tasks in flight, kept alive until they report (Qt does not own them: autoDelete is off).
_RUNNING: set["Task"] = set()


class TaskSignals(QObject):
    progress = Signal(float, str)
    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()


class Task(QRunnable):
    """Runs `job` on the global thread pool; signals arrive on the GUI thread."""

    MIN_INTERVAL = 0.05  # seconds between progress signals with the same message

    def __init__(self, job: Job) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.job = job
        self.signals = TaskSignals()
        self._cancel = threading.Event()
        self._last = (0.0, "")

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def _progress(self, fraction: float, message: str) -> None:
        now = time.monotonic()
        if message == self._last[1] and now - self._last[0] < self.MIN_INTERVAL and fraction < 1.0:
            return
        self._last = (now, message)
        self.signals.progress.emit(float(fraction), message)

    def run(self) -> None:  # runs on a pool thread
        try:
            result = self.job(self._progress, self.is_cancelled)
        except Exception as exc:  # reported to the GUI, which shows it as one message
            # Imported only here: the importers package stays off the start-up path.
            from career_explorer.data.importers.errors import Cancelled

            if isinstance(exc, Cancelled):
                self.signals.cancelled.emit()
            else:
                self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)
        finally:
            _RUNNING.discard(self)


def start(task: Task) -> Task:
    _RUNNING.add(task)
    QThreadPool.globalInstance().start(task)
    return task
