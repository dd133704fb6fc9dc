"""On a real X display the window opens: Qt's xcb plugin finds every library it links.

A minimal Debian or Ubuntu desktop lacks some of them (libxcb-icccm4, libxcb-keysyms1, ...); Qt then
aborts with "no Qt platform plugin could be initialized". scripts/ensure-system-packages installs them.
The first test reads the plugin's links with ldd, so it needs no display and fails when a PySide6
upgrade links a library the script does not install; the second starts the self-test on a virtual X
server when Xvfb is there.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]


def _qt_dir() -> Path:
    import PySide6

    return Path(PySide6.__file__).parent / "Qt"


def _xcb_libraries() -> list[Path]:
    qt = _qt_dir()
    return [qt / "plugins" / "platforms" / "libqxcb.so", qt / "lib" / "libQt6XcbQpa.so.6",
            *sorted((qt / "plugins" / "xcbglintegrations").glob("*.so"))]


@pytest.mark.skipif(not sys.platform.startswith("linux") or shutil.which("ldd") is None,
                    reason="Qt's xcb plugin and ldd are Linux things")
def test_every_library_the_xcb_plugin_links_is_installed():
    libraries = [p for p in _xcb_libraries() if p.exists()]
    assert libraries and libraries[0].name == "libqxcb.so", "PySide6 ships no xcb platform plugin"
    missing = set()
    for library in libraries:
        done = subprocess.run(["ldd", str(library)], capture_output=True, text=True, timeout=60)
        missing |= {line.split()[0] for line in done.stdout.splitlines() if "not found" in line}
    assert not missing, f"run scripts/ensure-system-packages: missing {', '.join(sorted(missing))}"


@pytest.mark.skipif(shutil.which("Xvfb") is None, reason="no Xvfb to stand in for a display (apt-get install xvfb)")
def test_self_test_passes_on_an_x_display(tmp_path, fixture_catalogue_path):
    # -displayfd: Xvfb picks a free display number and writes it to our pipe once it accepts clients.
    server = subprocess.Popen(["Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        display = server.stdout.readline().strip()
        assert display.isdigit(), "Xvfb did not start"
        env = {**os.environ, "DISPLAY": f":{display}", "QT_QPA_PLATFORM": "xcb",
               "CAREER_EXPLORER_HOME": str(tmp_path / "home")}
        env.pop("WAYLAND_DISPLAY", None)
        done = subprocess.run([sys.executable, "-m", "career_explorer", "--catalogue", str(fixture_catalogue_path),
                               "--self-test"], capture_output=True, text=True, timeout=180, env=env, cwd=REPO_ROOT)
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert done.returncode == 0, (done.stdout + done.stderr)[-3000:]
    assert "on the 'xcb' platform" in done.stdout
    assert done.stdout.strip().splitlines()[-1].startswith("self-test passed")
