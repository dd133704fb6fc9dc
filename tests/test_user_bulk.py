"""Reading many people at once gives what reading them one by one gives: latest snapshot, target, actions."""

from __future__ import annotations

import datetime as dt

import pytest

from career_explorer.data.user_store import UserStore
from career_explorer.domain.user import Assessment, Rating, Target

WHEN = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.timezone.utc)


@pytest.fixture
def store():
    store = UserStore.open()
    yield store
    store.close()


def snapshot(days: int, **levels: float) -> Assessment:
    return Assessment(taken=WHEN + dt.timedelta(days=days),
                      ratings=tuple(Rating(competency=f"fx/{c}", level=lv) for c, lv in levels.items()))


def test_latest_snapshot_is_the_last_taken_not_the_last_saved(store):
    ana = store.add_person("Ana Lima")
    store.add_assessment(ana.id, snapshot(5, products=3, escalation=2))
    store.add_assessment(ana.id, snapshot(1, products=1))  # entered later, taken earlier
    ben = store.add_person("Ben Okafor")
    store.add_assessment(ben.id, snapshot(2, analytics=2))
    store.add_assessment(ben.id, snapshot(2, analytics=4))  # same time: the later save wins
    cleo = store.add_person("Cleo Park")  # never assessed
    found = store.latest_assessments([ana.id, ben.id, cleo.id])
    assert found == {p: store.latest_assessment(p) for p in (ana.id, ben.id, cleo.id)}
    assert found[ana.id].levels() == {"fx/products": 3, "fx/escalation": 2}
    assert found[ben.id].levels() == {"fx/analytics": 4}
    assert found[cleo.id] is None


def test_a_damaged_rating_is_repaired_or_left_out_as_in_the_single_read(store):
    ana = store.add_person("Ana Lima")
    store.add_assessment(ana.id, snapshot(1, products=3, escalation=2))
    with store.transaction() as c:  # another program wrote a level that is not a number
        c.execute("UPDATE ratings SET level = 'lots' WHERE competency = 'fx/escalation'")
    found = store.latest_assessments([ana.id])[ana.id]
    assert found == store.latest_assessment(ana.id)
    assert found.levels() == {"fx/products": 3}


def test_targets_and_actions_for_many_people(store):
    ana, ben = store.add_person("Ana Lima"), store.add_person("Ben Okafor")
    store.set_target(ana.id, Target(role_id="fx/manager", route=("fx/rep", "fx/lead", "fx/manager"), set_at=WHEN))
    store.set_action(ana.id, "fx/products", "Shadow the product team for a week")
    store.set_action(ana.id, "fx/analytics", "Build the weekly contact-reason report")
    targets, actions = store.targets([ana.id, ben.id]), store.actions_of([ana.id, ben.id])
    assert targets == {ana.id: store.target(ana.id), ben.id: None}
    assert targets[ana.id].route == ("fx/rep", "fx/lead", "fx/manager")
    assert actions == {ana.id: store.actions(ana.id), ben.id: {}}
    assert actions[ana.id]["fx/products"].text == "Shadow the product team for a week"


def test_a_cohort_larger_than_one_query_may_name(store, monkeypatch):
    from career_explorer.data import user_bulk

    monkeypatch.setattr(user_bulk, "CHUNK", 3)  # so a cohort of seven spans three queries
    ids = []
    for n in range(7):
        person = store.add_person(f"Client {n}")
        store.add_assessment(person.id, snapshot(n, products=1 + n % 5))
        ids.append(person.id)
    found = store.latest_assessments(ids)
    assert [found[i].levels()["fx/products"] for i in ids] == [1 + n % 5 for n in range(7)]
