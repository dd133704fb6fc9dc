"""The first view (Browse) fills from the catalogue file before pydantic loads; the full repository then takes
over without rebuilding it, and what the user asked for meanwhile is carried out (issue 10)."""

from __future__ import annotations

import shutil
import sqlite3

import pytest
from PySide6.QtWidgets import QLabel

from career_explorer.data.catalogue_file import CatalogueFile
from career_explorer.data.errors import CatalogueCorrupt
from career_explorer.domain.role_listing import RoleFilter
from career_explorer.services.browse import browser_for
from career_explorer.ui.catalogue_loader import load_repository, open_for_first_view
from career_explorer.ui.main_window import MainWindow
from tests.fresh_interpreter import assert_holds_in_a_fresh_interpreter


def test_the_first_view_fills_with_every_role_before_pydantic_loads(tmp_path):
    """Importing pydantic and the models took a third of a cold start; Browse and the status bar need neither."""
    code = ("import sys; from PySide6.QtWidgets import QApplication; app = QApplication([]); "
            "from career_explorer.ui.main_window import MainWindow; "
            "from career_explorer.ui.catalogue_loader import open_for_first_view; "
            "from career_explorer.paths import bundled_catalogue; "
            "window = MainWindow(); window.show(); app.processEvents(); "
            "window.show_first_view(open_for_first_view(bundled_catalogue())); app.processEvents(); "
            "browse = window.stack.currentWidget(); "
            "assert browse is window.views['Browse'], window.views; "
            "assert browse.model.rowCount() > 1000, browse.model.rowCount(); "
            "assert 'from O*NET 29.0' in window.catalogue_label.text(), window.catalogue_label.text(); "
            "assert 'customer-support' in window.windowTitle(), window.windowTitle(); "
            "heavy = sorted(m for m in sys.modules if m.split('.')[0] == 'pydantic'); "
            "assert not heavy, heavy")
    assert_holds_in_a_fresh_interpreter(code, tmp_path)


def first_view(qtbot, path):
    """The window as the app shows it between the two loading steps: Browse filled, the repository on its way."""
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    opened = open_for_first_view(path)
    window.show_first_view(opened)
    return window, opened


def test_the_repository_takes_over_the_first_view_as_the_user_left_it(qtbot, fixture_catalogue_path):
    window, opened = first_view(qtbot, fixture_catalogue_path)
    browse = window.view("Browse")
    assert window.stack.currentWidget() is browse
    assert browse.model.rowCount() == 5
    path_page = window.stack.widget(1)  # Path needs the repository: it waits, saying so
    assert "Path" not in window.views
    assert "Loading the catalogue…" in " ".join(label.text() for label in path_page.findChildren(QLabel))
    browse.search.setText("agent")  # typed while the repository loads
    assert [browse.model.row_at(r).id for r in range(browse.model.rowCount())] == ["fx/rep"]

    repo = load_repository(opened)
    window.set_repository(repo)
    assert window.view("Browse") is browse and browse.repo is repo
    assert browse.search.text() == "agent" and browse.model.rowCount() == 1
    assert window.catalogue_label.text().startswith("Catalogue: Fixture ladder 0.1 · 5 roles")
    window.show_view("Path")
    assert window.stack.currentWidget() is window.views["Path"]


def test_a_profile_or_a_route_asked_for_while_the_repository_loads_opens_once_it_is_in(qtbot, fixture_catalogue_path):
    window, opened = first_view(qtbot, fixture_catalogue_path)
    window.view("Browse").select_role("fx/rep")
    window.view("Browse").open_current()  # Enter on a role, before the repository is in
    assert window.plan_path("fx/rep", "fx/manager") is None
    assert window._profiles == {}

    window.set_repository(load_repository(opened))
    dialog = window._profiles["fx/rep"]
    assert dialog.isVisible() and "Support Representative" in dialog.windowTitle()
    assert window.current_view_name() == "Path"
    assert window.view("Path").picked_roles() == ("fx/rep", "fx/manager")


def test_another_catalogue_rebuilds_browse(qtbot, fixture_catalogue_path, bundled_repo):
    window, _opened = first_view(qtbot, fixture_catalogue_path)
    browse = window.view("Browse")
    window.set_repository(bundled_repo)
    assert window.view("Browse") is not browse
    assert window.view("Browse").model.rowCount() > 1000


def test_browse_offers_the_families_and_levels_of_the_catalogue_in_ladder_order(bundled_repo):
    """Read from the role rows, the choices are those the catalogue's own tables give for the roles there."""
    facets = browser_for(bundled_repo).facets()
    summaries = bundled_repo.role_summaries()
    used_families = {s.family for s in summaries}
    assert [(f.id, f.name) for f in facets.families] == [
        (f.id, f.name) for f in bundled_repo.job_families.values() if f.id in used_families]
    used_levels = {s.level for s in summaries}
    expected = sorted((lv for lv in bundled_repo.job_levels.values() if lv.code in used_levels),
                      key=lambda lv: (lv.ladder, lv.rank, lv.code))
    assert [(lv.code, lv.name, lv.ladder, lv.rank, lv.track) for lv in facets.levels] == [
        (lv.code, lv.name, lv.ladder, lv.rank, lv.track) for lv in expected]
    assert "Job Zone 3 (medium preparation)" in [lv.label for lv in facets.levels]
    assert [s.id for s in facets.sources] == sorted({s.source for s in summaries})


@pytest.mark.parametrize("low, high, message", [(-1, None, "must not be negative"),
                                                (60000, 50000, "minimum pay (60000) is above maximum pay (50000)")])
def test_a_pay_filter_that_cannot_match_is_refused(low, high, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        RoleFilter(pay_min=low, pay_max=high)
    assert not RoleFilter().active and RoleFilter(pay_min=1).active


def test_a_role_row_with_an_unknown_track_is_a_damaged_catalogue(tmp_path, fixture_catalogue_path):
    damaged = tmp_path / "damaged.sqlite"
    shutil.copy(fixture_catalogue_path, damaged)
    with sqlite3.connect(damaged) as conn:
        conn.execute("UPDATE job_levels SET track = 'astronaut' WHERE code = 'A02'")
    with pytest.raises(CatalogueCorrupt, match=r"damaged\.sqlite.*unknown track 'astronaut'"):
        CatalogueFile(damaged).role_summaries()
