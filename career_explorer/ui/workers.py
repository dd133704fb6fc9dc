"""Long work off the GUI thread: the one background-job framework and the one progress dialog.

A job is `fn(progress, cancel) -> result` with domain.progress's `Progress` and `CancelCheck`: the job
reports `progress(fraction, message)` and, once `cancel()` says the user asked to stop, raises the
importers' Cancelled. `Task` runs a job on the thread pool; `TaskProgress` runs one under a progress dialog.
"""

from __future__ import annotations

import threading
import time
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QWidget

from career_explorer.domain.progress import CancelCheck, Progress

Job = Callable[[Progress, CancelCheck], Any]

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


class TaskProgress(QObject):
    """A window-modal progress dialog over a running job; Cancel asks the job to stop.

    The dialog appears after `delay_ms` (quick jobs never flash one) and goes when the job reports.
    """

    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()

    def __init__(self, parent: QWidget, title: str, job: Job, label: str = "", delay_ms: int = 0) -> None:
        # Imported here: the catalogue loader starts a Task right after first paint, and the Qt namespace
        # (~90 enums, ~30 ms) would hold up the loading thread's start.
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QProgressDialog

        super().__init__(parent)
        self.dialog = QProgressDialog(label or title + "…", "Cancel", 0, 1000, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModal)
        self.dialog.setMinimumDuration(delay_ms)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel)
        self.done = False
        self.task = Task(job)
        # Bound slots of this GUI-thread object: the worker's signals arrive queued on the GUI thread.
        self.task.signals.progress.connect(self._on_progress)
        self.task.signals.finished.connect(self._on_finished)
        self.task.signals.failed.connect(self._on_failed)
        self.task.signals.cancelled.connect(self._on_cancelled)
        self.dialog.setValue(0)
        start(self.task)

    @Slot()
    def cancel(self) -> None:
        if not self.done:
            self.task.cancel()
            self.dialog.setLabelText("Cancelling…")

    @Slot(float, str)
    def _on_progress(self, fraction: float, message: str) -> None:
        if not self.done and not self.task.is_cancelled():
            self.dialog.setValue(int(round(fraction * 1000)))
            self.dialog.setLabelText(message)

    @Slot(object)
    def _on_finished(self, result: object) -> None:
        self._end(self.finished, result)

    @Slot(object)
    def _on_failed(self, exc: object) -> None:
        self._end(self.failed, exc)

    @Slot()
    def _on_cancelled(self) -> None:
        self._end(self.cancelled)

    def _end(self, signal, *args) -> None:
        self.done = True
        self.dialog.hide()
        self.dialog.deleteLater()
        signal.emit(*args)
