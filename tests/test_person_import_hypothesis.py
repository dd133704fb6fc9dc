"""Hypothesis on the person import: malformed input never escapes as an uncaught exception and never
writes part of a person. Valid imports write everything they previewed."""

from __future__ import annotations

import copy
import datetime as dt
import json
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from career_explorer.data.user_store import UserStore
from career_explorer.domain.user import Assessment, Rating
from career_explorer.services.person_transfer import (
    TransferError,
    apply_import,
    export_text,
    parse_export,
    preview_import,
)

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=12,
)


def sample_export(name: str = "Dana") -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        source = UserStore.open(Path(folder) / "source.sqlite")
        person = source.add_person(name, "fx/rep")
        for level in (1, 2, 3):
            source.add_assessment(person.id, Assessment(
                taken=dt.datetime(2024, 1, level, tzinfo=dt.timezone.utc), note=f"session {level}",
                ratings=(Rating(competency="fx/products", level=level, evidence="demo"),
                         Rating(competency="fx/escalation", level=2))))
        source.set_action(person.id, "fx/products", "Run a clinic")
        text = export_text(source, person.id)
        source.close()
    return json.loads(text)


SAMPLE = sample_export()


def contents(store: UserStore) -> dict[str, list]:
    conn: sqlite3.Connection = store._conn
    return {t: sorted(map(repr, conn.execute(f"SELECT * FROM {t}").fetchall()))
            for t in ("people", "assessments", "ratings", "targets", "saved_routes", "plan_actions")}


def attempt(store: UserStore, data: Any, repo=None) -> None:
    """Import `data`; a failure must be a TransferError and must leave the store as it was."""
    before = contents(store)
    text = data if isinstance(data, (str, bytes)) else json.dumps(data)
    try:
        preview = preview_import(store, parse_export(text), repo)
        person = apply_import(store, preview)
    except TransferError as exc:
        assert "\n" not in str(exc) and str(exc)
        assert contents(store) == before
        return
    # A success writes the whole person: every snapshot in the file is there.
    have = {a.uid for a in store.assessments(person.id)}
    assert {a.uid for a in preview.record.assessments} <= have


@SETTINGS
@given(st.binary(max_size=300))
def test_any_bytes_are_refused_cleanly(data):
    store = UserStore.open()
    attempt(store, data)
    assert store.people() == []


@SETTINGS
@given(json_values)
def test_any_json_value_is_refused_cleanly(value):
    store = UserStore.open()
    attempt(store, value)
    assert store.people() == []


def _paths(node: Any, prefix: tuple = ()) -> list[tuple]:
    found = [prefix]
    if isinstance(node, dict):
        for key, child in node.items():
            found += _paths(child, prefix + (key,))
    elif isinstance(node, list):
        for index, child in enumerate(node):
            found += _paths(child, prefix + (index,))
    return found


PATHS = _paths(SAMPLE)[1:]


@st.composite
def mutated_exports(draw) -> dict:
    data = copy.deepcopy(SAMPLE)
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(PATHS))
        parent = data
        try:
            for key in path[:-1]:
                parent = parent[key]
            if draw(st.booleans()):
                parent[path[-1]] = draw(json_values)
            elif isinstance(parent, dict):
                parent.pop(path[-1], None)
            else:
                parent[path[-1]] = None
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed this path
    return data


@SETTINGS
@given(mutated_exports())
def test_a_damaged_export_imports_whole_or_not_at_all(fixture_repo, data):
    store = UserStore.open()
    attempt(store, data, fixture_repo)
    # Also into a store that already has people, one of them with the exported name.
    store.find_person("Dana") or store.add_person("Dana")
    attempt(store, data, fixture_repo)


@SETTINGS
@given(st.text(max_size=200))
def test_truncated_or_edited_text_is_refused_cleanly(tail):
    store = UserStore.open()
    text = json.dumps(SAMPLE)
    attempt(store, text[: len(tail) * 3 % len(text)] + tail)


def test_the_sample_export_imports_everything(fixture_repo):
    store = UserStore.open()
    preview = preview_import(store, parse_export(json.dumps(SAMPLE)), fixture_repo)
    assert preview.into is None and preview.new_snapshots == 3 and preview.actions_added == 1
    person = apply_import(store, preview)
    assert person.name == "Dana" and len(store.assessments(person.id)) == 3
    assert store.actions(person.id)["fx/products"].text == "Run a clinic"
