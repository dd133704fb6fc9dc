"""Run a check in a fresh, offscreen Python: for what this test session has long since imported or built."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def assert_holds_in_a_fresh_interpreter(code: str, home: Path) -> None:
    """Run `code` (its own asserts) with its own user-data folder; fail with its error output if it fails."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CAREER_EXPLORER_HOME": str(home)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
