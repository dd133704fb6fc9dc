"""The views' one contract with the main window: BaseView methods in, signals out, nothing probed."""

from __future__ import annotations

from PySide6.QtCore import Qt

from career_explorer.ui import main_window
from career_explorer.ui.main_window import VIEWS, MainWindow
from career_explorer.ui.views.base_view import BaseView


def test_every_view_is_a_base_view_built_from_the_repo_and_the_window(window):
    for name, _ in VIEWS:
        view = window.view(name)
        assert isinstance(view, BaseView), name
        assert view.repo is window.repo and view.window() is window


def test_my_plan_hears_the_route_the_path_view_shows(qtbot, window):
    plan = window.view("My plan")  # built before Path: the route reaches it by route_shown alone
    path = window.plan_path("fx/rep", "fx/manager")
    route = path.current_route
    assert route is not None and plan.path_route is route
    plan.set_roles("fx/rep")
    window.show_view("My plan")
    qtbot.mouseClick(plan.use_route_button, Qt.LeftButton)
    target = plan.store.target(plan.person.id)
    assert target.route == route.role_ids and target.role_id == "fx/manager"
    path.set_roles(None, None)  # no route on screen: My plan must not aim for the old one
    assert plan.path_route is None


def test_a_view_built_after_the_route_was_shown_still_gets_it(window):
    route = window.plan_path("fx/rep", "fx/manager").current_route
    assert window.view("My plan").path_route is route


def test_the_window_drives_a_view_that_has_only_the_defaults(qtbot, fixture_repo, monkeypatch):
    bare = [(name, BaseView if name == "Compare" else factory) for name, factory in VIEWS]
    monkeypatch.setattr(main_window, "VIEWS", bare)
    window = MainWindow(fixture_repo)
    qtbot.addWidget(window)
    compare = window.show_comparison(["fx/lead", "fx/manager"])
    assert type(compare) is BaseView and compare.picked_roles() == ()
    window.set_repository(fixture_repo)  # set_repository says False: the window builds it afresh
    assert window.view("Compare") is not compare and type(window.view("Compare")) is BaseView
    window.save_settings()


def test_a_views_status_message_shows_in_the_status_bar(window):
    window.view("My plan").status_message.emit("Wrote plan.pdf")
    assert window.statusBar().currentMessage() == "Wrote plan.pdf"
