"""Render the app's screens and dialogs offscreen, with real content from the bundled catalogue.

    .venv/bin/python tools/screenshots.py [--out DIR] [--dark] [--scale 2] [--only NAME ...]
    make screenshots        # light and dark at 1024x700, 1280x800 and 1920x1080, then light at 200%

Writes one PNG per screen and size to DIR (default: screenshots/, which git ignores), so a person
can look at every screen after a change. Uses a throwaway user-data folder; the user's own plan and
settings are never touched. The pictures are not compared by any test: they are for looking at.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_HOME = tempfile.TemporaryDirectory(prefix="ce-shots-")
os.environ["CAREER_EXPLORER_HOME"] = _HOME.name
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SIZES = ((1024, 700), (1280, 800), (1920, 1080))


def settle(app, seconds: float = 0.4) -> None:
    """Let queued work (worker threads, lazy charts) finish and paint."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def dark_palette():
    from PySide6.QtGui import QColor, QPalette

    palette = QPalette()
    for role, colour in ((QPalette.Window, "#202124"), (QPalette.WindowText, "#e8eaed"),
                         (QPalette.Base, "#17181a"), (QPalette.AlternateBase, "#2a2b2e"),
                         (QPalette.Text, "#e8eaed"), (QPalette.Button, "#2d2e31"),
                         (QPalette.ButtonText, "#e8eaed"), (QPalette.Highlight, "#3b6fb6"),
                         (QPalette.HighlightedText, "#ffffff"), (QPalette.ToolTipBase, "#2d2e31"),
                         (QPalette.ToolTipText, "#e8eaed"), (QPalette.PlaceholderText, "#9aa0a6")):
        palette.setColor(role, QColor(colour))
    return palette


def seed_cohort() -> None:
    """Three people a coach might keep, written through the CLI into this run's own home."""
    from career_explorer.launcher import main as cli

    rep = "Chat Support Representative I"
    people = (("Ana Diaz", "Customer Service Manager", ["Products And Services=2", "Customer Analytics=1"]),
              ("Ben Okafor", "Customer Service Manager",
               ["Products And Services=3", "Customer Analytics=2", "Call Center Management=1"]),
              ("Cleo Park", "Chat Support Manager", ["Products And Services=1"]))
    for name, target, ratings in people:
        cli(["person", "add", name])
        cli(["person", "set-role", name, rep])
        cli(["person", "set-target", name, target])
        cli(["assess", name, "--target", target] + [arg for r in ratings for arg in ("--set", r)])
    cli(["person", "tag", "Ana Diaz", "--add", "spring onboarding"])
    cli(["person", "session", "Ana Diaz", "--discussed", "The product FAQ and the escalation queue",
         "--agreed", "Shadow a team lead for two shifts"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    parser.add_argument("--dark", action="store_true", help="use a dark palette")
    parser.add_argument("--scale", type=float, default=1.0, help="device pixel ratio, e.g. 2 for 200%%")
    parser.add_argument("--only", nargs="*", help="screen names to render (default: all)")
    args = parser.parse_args(argv)

    if args.scale != 1.0:
        os.environ["QT_SCALE_FACTOR"] = f"{args.scale:g}"  # before the QApplication exists
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from career_explorer.ui.style import install

    install(app)
    if args.dark:
        app.setPalette(dark_palette())
    from career_explorer.data.catalogue_repository import CatalogueRepository
    from career_explorer.paths import bundled_catalogue
    from career_explorer.services.profile import role_profile
    from career_explorer.ui.main_window import MainWindow
    from career_explorer.ui.panels.role_profile import RoleProfileDialog

    repo = CatalogueRepository(bundled_catalogue())
    args.out.mkdir(parents=True, exist_ok=True)
    suffix = ("-dark" if args.dark else "") + (f"-x{args.scale:g}" if args.scale != 1.0 else "")

    def browse(window):
        view = window.show_view("Browse")
        view.search.setText("nurse")
        return window

    def path_picker(window):
        view = window.show_view("Path")
        view.from_picker.setFocus()
        QTest.keyClicks(view.from_picker.lineEdit(), "software dev")
        settle(app, 0.3)
        return window

    def path_route(window):
        window.plan_path("salary-com/chat-support-representative-i", "salary-com/customer-service-manager")
        return window

    def path_onet(window):
        window.plan_path("onet/43-4051.00", "onet/11-3012.00")
        return window

    def compare(window):
        window.show_comparison(["onet/29-1141.00", "onet/15-1252.00", "onet/43-4051.00"])
        return window

    def plan(window):
        view = window.show_view("My plan")
        view.set_roles("salary-com/chat-support-representative-i", "salary-com/customer-service-manager")
        return window

    def plan_gap(window):
        view = window.show_view("My plan")
        view.set_roles("salary-com/chat-support-representative-i", "salary-com/customer-service-manager")
        editor = view.editor
        for row, level in ((0, 2), (1, 2), (2, 3)):
            if row < editor.table.rowCount():
                editor.table.selectRow(row)
                button = editor.level_group.button(level)
                if button is not None:
                    button.click()
        editor.save_button.click()
        view.tabs.setCurrentWidget(view.gap_panel)
        return window

    def path_web(window):
        window.plan_path("onet/15-1254.00", "onet/11-3021.00")
        return window

    def cohort(window):
        view = window.show_view("My plan")
        view.coach_mode.setChecked(True)
        view.tabs.setCurrentIndex(view.tabs.count() - 1)  # the Cohort tab comes last
        return window

    def about(window):
        return window.show_about()

    def welcome(window):
        window.plan_path("salary-com/chat-support-representative-i", "salary-com/customer-service-manager")
        return window.show_welcome()

    screens = {
        "browse": browse, "path-picker": path_picker, "path-ladder": path_route, "path-onet": path_onet,
        "path-web": path_web, "compare": compare, "plan": plan, "plan-gap": plan_gap, "cohort": cohort,
        "about": about,
        "welcome": welcome,
    }
    profiles = {"profile-csr": "onet/43-4051.00", "profile-software": "onet/15-1252.00",
                "profile-chat-rep": "salary-com/chat-support-representative-i"}
    wanted = set(args.only or list(screens) + list(profiles))
    if "cohort" in wanted:
        seed_cohort()
    started = time.monotonic()
    for width, height in SIZES:
        for name, prepare in screens.items():
            if name not in wanted:
                continue
            window = MainWindow(repo)
            window.resize(width, height)
            window.show()
            settle(app)
            shown = prepare(window)
            settle(app, 1.0)
            target = args.out / f"{name}-{width}x{height}{suffix}.png"
            shown.grab().save(str(target))
            print(target)
            for popup in app.topLevelWidgets():
                if popup is not window and popup.isVisible() and popup.windowFlags() & Qt.Popup:
                    popup_target = args.out / f"{name}-popup-{width}x{height}{suffix}.png"
                    popup.grab().save(str(popup_target))
                    print(popup_target)
            if shown is not window:
                shown.close()
            window.close()
            window.deleteLater()
            settle(app, 0.1)
        for name, role_id in profiles.items():
            if name not in wanted:
                continue
            dialog = RoleProfileDialog(repo, role_profile(repo, role_id))
            dialog.resize(width, height)
            dialog.show()
            settle(app, 1.2)
            target = args.out / f"{name}-{width}x{height}{suffix}.png"
            dialog.grab().save(str(target))
            print(target)
            dialog.close()
            dialog.deleteLater()
    print(f"rendered in {time.monotonic() - started:.0f} s into {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
