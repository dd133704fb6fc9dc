"""Small interactions people expect: a name click expands, plan buttons keep the other end, picking order."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QPoint, Qt

from career_explorer.ui.main_window import MainWindow


def test_clicking_a_competency_name_expands_it(qtbot, window):
    dialog = window.open_role("fx/manager")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    row = dialog.profile_widget.competency_list.find("Products And Services")
    assert not row.expanded
    qtbot.mouseClick(row.name_label, Qt.LeftButton, pos=QPoint(5, 5))
    assert row.expanded and "behaviour" in row.details.text()
    qtbot.mouseClick(row.name_label, Qt.LeftButton, pos=QPoint(5, 5))
    assert not row.expanded


def test_plan_a_path_from_and_to_here_keep_the_other_end(qtbot, fixture_repo):
    window = MainWindow(fixture_repo)
    qtbot.addWidget(window)
    view = window.plan_path("fx/rep", "fx/manager")
    window.plan_path(from_id="fx/lead")
    assert (view.from_picker.role_id(), view.to_picker.role_id()) == ("fx/lead", "fx/manager")
    window.plan_path(to_id="fx/rep")
    assert (view.from_picker.role_id(), view.to_picker.role_id()) == ("fx/lead", "fx/rep")
    # "to here" on the role the route starts from cannot keep that start: the route would go nowhere
    window.plan_path(to_id="fx/lead")
    assert (view.from_picker.role_id(), view.to_picker.role_id()) == (None, "fx/lead")


def test_compare_selected_keeps_the_order_roles_were_picked(qtbot, fixture_repo):
    window = MainWindow(fixture_repo)
    qtbot.addWidget(window)
    browse = window.show_view("Browse")
    model, selection = browse.model, browse.table.selectionModel()
    for role_id in ("fx/manager", "fx/rep", "fx/lead"):  # not the table's order
        index = model.index(model.row_of(role_id), 0)
        selection.select(index, QItemSelectionModel.Select | QItemSelectionModel.Rows)
    assert browse.selected_role_ids() == ["fx/manager", "fx/rep", "fx/lead"]
    browse.compare_selected()
    assert window.view("Compare").role_ids() == ["fx/manager", "fx/rep", "fx/lead"]
