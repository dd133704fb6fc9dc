"""`career-explorer --self-test`: every check passes on a good catalogue; a bad one fails with the reason."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from career_explorer.ui import app as app_module

REPO_ROOT = Path(__file__).resolve().parents[1]
CHECKS = ("platform", "resources", "catalogue", "window", "route", "chart", "report")


def test_self_test_passes_every_check_in_process(qapp, fixture_catalogue_path, capsys):
    code = app_module.run_gui(catalogue=fixture_catalogue_path, self_test=True)
    out, err = capsys.readouterr()
    assert code == 0, err
    assert err == ""
    lines = out.splitlines()
    assert lines[0].startswith("Career Explorer ") and lines[0].endswith(" self-test")
    for name in CHECKS:
        assert any(line.startswith(f"ok    {name} ") for line in lines), f"no passing {name!r} check in:\n{out}"
    assert "Fixture ladder 0.1: 5 roles, 3 transitions" in out
    assert "Support Representative -> Support Team Lead -> Support Manager" in out
    assert "rendered to PNG in memory" in out
    assert "route report written as a PDF: " in out and ", 2 charts (one drawn by a helper process), " in out
    assert lines[-1].startswith("self-test passed: 7 checks")


def test_missing_catalogue_fails_with_the_reason_and_no_dialog(qapp, tmp_path, capsys, monkeypatch):
    from career_explorer.ui import messages

    monkeypatch.setattr(messages, "show_error", lambda *a: pytest.fail("the self-test must not open a dialog"))
    code = app_module.run_gui(catalogue=tmp_path / "nowhere.sqlite", self_test=True)
    out, err = capsys.readouterr()
    assert code == 1
    assert "FAIL  catalogue" in out
    assert err.strip() == (f"career-explorer: self-test failed: catalogue: {tmp_path / 'nowhere.sqlite'}: "
                           "catalogue file not found")
    assert "ok    window" not in out


def test_a_corrupt_catalogue_fails_with_the_reason(qapp, tmp_path, capsys):
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"\0garbage" * 64)
    assert app_module.run_gui(catalogue=junk, self_test=True) == 1
    assert "self-test failed: catalogue:" in capsys.readouterr().err


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "CAREER_EXPLORER_HOME")}
    env.update(extra)
    return env


def test_self_test_from_source_forces_offscreen_and_exits_0(tmp_path, fixture_catalogue_path):
    """A fresh interpreter with no QT_QPA_PLATFORM: the self-test picks offscreen itself."""
    env = _env(tmp_path, CAREER_EXPLORER_HOME=str(tmp_path / "home"), DISPLAY="", WAYLAND_DISPLAY="")
    done = subprocess.run(
        [sys.executable, "-m", "career_explorer", "--catalogue", str(fixture_catalogue_path), "--self-test"],
        capture_output=True, text=True, env=env, cwd=REPO_ROOT, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "on the 'offscreen' platform" in done.stdout
    assert "self-test passed" in done.stdout


def test_self_test_from_source_exits_non_zero_with_the_reason(tmp_path):
    env = _env(tmp_path, CAREER_EXPLORER_HOME=str(tmp_path / "home"))
    missing = tmp_path / "missing.sqlite"
    done = subprocess.run(
        [sys.executable, "-m", "career_explorer", "--catalogue", str(missing), "--self-test"],
        capture_output=True, text=True, env=env, cwd=REPO_ROOT, timeout=120,
    )
    assert done.returncode != 0
    assert done.stderr.strip().splitlines()[-1] == (
        f"career-explorer: self-test failed: catalogue: {missing}: catalogue file not found"
    )


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG folders are Linux's")
def test_self_test_leaves_the_users_data_and_settings_alone(tmp_path, fixture_catalogue_path):
    """Without CAREER_EXPLORER_HOME the self-test uses a throwaway folder: no user store, no settings."""
    xdg = {name: str(tmp_path / name.lower()) for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME")}
    env = _env(tmp_path, HOME=str(tmp_path / "home"), **xdg)
    done = subprocess.run(
        [sys.executable, "-m", "career_explorer", "--catalogue", str(fixture_catalogue_path), "--self-test"],
        capture_output=True, text=True, env=env, cwd=REPO_ROOT, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    written = [p for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME") for p in Path(xdg[name]).glob("*")]
    # From source, matplotlib keeps its own default config folder; the frozen app moves it to the cache.
    assert [p.name for p in written if p.name != "matplotlib"] == []
