"""How long work reports on itself: the one `Progress` and `CancelCheck` every importer, writer and job uses.

`progress(fraction, message)` takes 0.0-1.0 and a line for the user; `cancel()` says whether the user asked
to stop, and the work then raises `data.importers.errors.Cancelled` before leaving any file behind.
"""

from __future__ import annotations

from typing import Callable

Progress = Callable[[float, str], None]
CancelCheck = Callable[[], bool]
