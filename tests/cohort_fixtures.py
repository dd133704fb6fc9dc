"""A cohort of three on the fixture catalogue, written to a user store the way a coach would."""

from __future__ import annotations

import datetime as dt

from career_explorer.data.user_store import UserStore
from career_explorer.domain.user import Assessment, Rating, Target

WHEN = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.timezone.utc)

# name -> (current role, target role, ratings)
COHORT = {
    "Ana Lima": ("fx/rep", "fx/manager", {"fx/products": 2, "fx/escalation": 3}),
    "Ben Okafor": ("fx/rep", "fx/manager", {"fx/products": 3, "fx/escalation": 2, "fx/analytics": 1}),
    "Cleo Park": ("fx/rep", "fx/lead", {"fx/products": 1, "fx/analytics": 2}),
}


def add_cohort(store: UserStore, cohort: dict = COHORT) -> dict[str, int]:
    """Add the people with a target and one snapshot each; returns name -> person id."""
    ids = {}
    for name, (current, target, levels) in cohort.items():
        person = store.add_person(name, current)
        store.set_target(person.id, Target(role_id=target, set_at=WHEN))
        ratings = tuple(Rating(competency=c, level=lv, evidence=f"{name} evidence for {c}")
                        for c, lv in sorted(levels.items()))
        store.add_assessment(person.id, Assessment(taken=WHEN, ratings=ratings))
        ids[name] = person.id
    return ids


def open_my_plan(qtbot, repo):
    """The main window at 1280x800, shown, with My plan open: what a coach sees on opening the app."""
    from career_explorer.ui.main_window import MainWindow

    window = MainWindow(repo)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    view = window.show_view("My plan")
    qtbot.waitExposed(window)
    return view
