"""The welcome: one sentence on what the app is for, two questions, straight into the Path view."""

from __future__ import annotations

from career_explorer.ui.dialogs.welcome_dialog import PURPOSE
from career_explorer.ui.main_window import MainWindow
from career_explorer.ui.settings import app_settings


def test_the_welcome_asks_two_questions_and_opens_the_path_view(qtbot, fixture_repo):
    window = MainWindow(fixture_repo)
    qtbot.addWidget(window)
    window.show()
    assert window.first_run()
    dialog = window.show_welcome()
    assert not window.first_run()
    assert dialog.windowTitle() == "Welcome to Career Explorer" and PURPOSE.startswith("Career Explorer shows")
    assert not dialog.show_button.isEnabled()
    dialog.from_picker.set_role_id("fx/rep")
    dialog.to_picker.set_role_id("fx/manager")
    assert dialog.show_button.isEnabled()
    dialog.show_button.click()
    assert window.current_view_name() == "Path"
    path = window.view("Path")
    assert (path.from_picker.role_id(), path.to_picker.role_id()) == ("fx/rep", "fx/manager")
    assert app_settings().recent_routes == [("fx/rep", "fx/manager")]


def test_recent_routes_reappear_by_title_and_open_with_one_activation(qtbot, fixture_repo):
    window = MainWindow(fixture_repo)
    qtbot.addWidget(window)
    window.plan_path("fx/rep", "fx/lead")
    window.plan_path("fx/lead", "fx/manager")
    dialog = window.show_welcome()
    items = [dialog.recent.item(i).text() for i in range(dialog.recent.count())]
    assert items == ["Support Team Lead → Support Manager", "Support Representative → Support Team Lead"]
    dialog.recent.itemActivated.emit(dialog.recent.item(1))
    path = window.view("Path")
    assert (path.from_picker.role_id(), path.to_picker.role_id()) == ("fx/rep", "fx/lead")


def test_help_menu_opens_the_welcome_again(qtbot, fixture_repo):
    window = MainWindow(fixture_repo)
    qtbot.addWidget(window)
    from career_explorer.ui.dialogs.welcome_dialog import WelcomeDialog

    assert window.findChildren(WelcomeDialog) == []
    window.welcome_action.trigger()
    shown = window.findChildren(WelcomeDialog)
    assert len(shown) == 1 and shown[0].isVisible()
