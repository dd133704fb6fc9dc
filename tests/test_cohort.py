"""The cohort table, shared gaps, `cohort gaps` and the cohort pack, on a cohort of three."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from career_explorer.data.user_store import UserStore
from career_explorer.domain.plan import GapStatus
from career_explorer.services.cohort import cohort_table, find_column, load_members, sort_rows
from career_explorer.services.cohort_output import cell_text
from tests.cohort_fixtures import add_cohort

PEOPLE = ["Ana Lima", "Ben Okafor", "Cleo Park"]


@pytest.fixture
def store():
    store = UserStore.open()
    yield store
    store.close()


@pytest.fixture
def cohort(store):
    return add_cohort(store)


def grid(table) -> dict[str, list[str]]:
    return {r.person: [cell_text(r.cells.get(c.competency)) for c in table.columns] for r in table.rows}


def test_table_has_each_persons_gap_to_their_own_target(fixture_repo, store, cohort):
    store.add_person("Dee Without Target")
    table = cohort_table(fixture_repo, load_members(store))
    # Columns: the union of the targets' competencies, the one most people must grow first.
    assert [c.name for c in table.columns] == ["Products And Services", "Customer Analytics",
                                                 "Customer Escalation Management"]
    assert grid(table) == {
        "Ana Lima": ["+2", "not rated", "met"],  # Support Manager asks 4, 3, 3
        "Ben Okafor": ["+1", "+2", "+1"],
        "Cleo Park": ["+2", "met", "not rated"],  # Support Team Lead asks 3, 2, 3
    }
    ana = table.rows[0]
    unknown = ana.cells["fx/analytics"]
    assert unknown.status == GapStatus.UNRATED and unknown.gap is None and unknown.shortfall is None  # never 0
    assert ana.cells["fx/products"].evidence == "Ana Lima evidence for fx/products"
    assert table.without_target == ("Dee Without Target",)
    assert [t.title for t in table.targets] == ["Support Manager", "Support Team Lead"]


def test_shared_gaps_count_people_average_gap_and_next_level(fixture_repo, store, cohort):
    table = cohort_table(fixture_repo, load_members(store))
    shared = {s.name: s for s in table.shared}
    assert [s.name for s in table.shared] == ["Products And Services", "Customer Analytics",
                                                "Customer Escalation Management"]
    products = shared["Products And Services"]
    assert (products.growing, products.needed_by, products.unrated) == (3, 3, 0)
    assert products.average_gap == pytest.approx(5 / 3)
    # Rated 2, 3 and 1: next levels 3, 4 and 2 tie, so the lowest, where the group starts.
    assert products.next_level == 2 and [b.text for b in products.behaviours] == ["Products behaviour at level 2."]
    analytics = shared["Customer Analytics"]
    assert (analytics.growing, analytics.unrated, analytics.people) == (1, 1, ("Ben Okafor",))


def test_filter_by_target_role_and_sort_by_competency(fixture_repo, store, cohort):
    members = load_members(store)
    managers = cohort_table(fixture_repo, members, role="fx/manager")
    assert [r.person for r in managers.rows] == ["Ana Lima", "Ben Okafor"]
    assert {s.name: s.growing for s in managers.shared}["Products And Services"] == 2
    assert len(managers.targets) == 2  # the filter's choices stay
    table = cohort_table(fixture_repo, members)
    by_products = sort_rows(table, find_column(table, "products and services").competency)
    assert [r.person for r in by_products.rows] == ["Ana Lima", "Cleo Park", "Ben Okafor"]  # +2, +2, +1
    by_escalation = sort_rows(table, "fx/escalation")
    assert [r.person for r in by_escalation.rows] == ["Ben Okafor", "Ana Lima", "Cleo Park"]  # +1, met, unknown
    with pytest.raises(LookupError, match="Customer Analytics"):
        find_column(table, "Juggling")


def test_cohort_gaps_cli_text_and_json(cli, cohort):
    code, out, err = cli("cohort", "gaps", "--sort", "Customer Analytics")
    assert code == 0, err
    lines = [" ".join(line.split()) for line in out.splitlines()]
    assert "Ben Okafor Support Manager 39% 3 of 3 (+1 not named) +1 +2 +1" in lines
    assert lines.index(next(x for x in lines if x.startswith("Ben Okafor"))) < lines.index(
        next(x for x in lines if x.startswith("Ana Lima")))
    assert "Products And Services 3 of 3 1.7 levels (of 1-5) level 2" in lines
    code, out, err = cli("cohort", "gaps", "--json", "--role", "Support Team Lead")
    data = json.loads(out)
    assert [r["person"] for r in data["rows"]] == ["Cleo Park"]
    assert data["rows"][0]["cells"]["fx/escalation"] == {
        "status": "unrated", "rating": None, "required": 3, "required_word": None, "gap": None, "importance": None,
        "evidence": None}
    code, out, err = cli("cohort", "gaps", "--sort", "Juggling")
    assert code == 2 and "no competency 'Juggling'" in err and err.count("\n") == 1


def pdf_lines(pdf) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    return [" ".join(line.split()) for line in text.splitlines()]


def test_cohort_pack_names_the_people_chosen_with_contents_and_numbers(cli, cohort, store, tmp_path):
    pdf = tmp_path / "pack.pdf"
    code, out, err = cli("cohort", "report", "--person", "Ana Lima", "--person", "Cleo Park", "-o", str(pdf))
    assert code == 0, err
    assert pdf.read_bytes().startswith(b"%PDF") and "Ana Lima, Cleo Park" in out
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext is not installed")
    lines = pdf_lines(pdf)
    assert not any("Ben Okafor" in line for line in lines)  # only the people selected are named
    assert "Products And Services 2 of 2 2.0 levels (of 1-5) level 2" in lines
    pages = [line for line in lines if " - page " in line]
    total = len(pages)
    assert pages[0].endswith(f"page 1 of {total}") and pages[-1].endswith(f"page {total} of {total}")
    # The contents give the page each person's plan starts on.
    for name, target in (("Ana Lima", "Support Manager"), ("Cleo Park", "Support Team Lead")):
        entry = next(line for line in lines if line.startswith(f"{name}: {target} "))
        page = int(entry.split()[-1])
        text = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
                              capture_output=True, text=True).stdout
        assert f"Development plan: {name}" in text
