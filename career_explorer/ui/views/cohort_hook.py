"""Puts the Cohort tab into My plan and opens a person from it, so plan_view.py needs only a few lines."""

from __future__ import annotations

from typing import TYPE_CHECKING

from career_explorer.ui.cohort.cohort_view import CohortView

if TYPE_CHECKING:
    from career_explorer.ui.views.plan_view import PlanView


def attach_cohort(view: "PlanView") -> CohortView:
    """Add the Cohort tab; it refills whenever it is shown, so it never shows stale gaps."""
    cohort = CohortView(view.repo, view.store, view)
    view.tabs.addTab(cohort, "Cohort")
    view.tabs.currentChanged.connect(lambda i: cohort.reload() if view.tabs.widget(i) is cohort else None)
    cohort.open_person.connect(lambda pid, comp: open_person_at(view, pid, comp))
    cohort.people_changed.connect(lambda: view.people.reload(view.person.id if view.person else None))
    return cohort


def show_cohort_tab(view: "PlanView", on: bool) -> None:
    """The tab shows while the list of people does: a cohort of one is just the person's own plan."""
    view.tabs.setTabVisible(view.tabs.indexOf(view.cohort), on)


def open_person_at(view: "PlanView", person_id: int, competency: str) -> None:
    """Select the person and show their rating of the competency (their gap and plan when it is not rated here)."""
    view.people.select(person_id)
    if view.person is None or view.person.id != person_id:
        view.select_person(person_id)
    editor = view.editor
    if competency and any(r.competency.id == competency for r in editor.rows):
        view.tabs.setCurrentWidget(editor)
        editor.table.selectRow(editor.row_of(competency))
        editor.table.scrollTo(editor.table.model().index(editor.row_of(competency), 0))
    else:
        view.tabs.setCurrentWidget(view.gap_panel)
