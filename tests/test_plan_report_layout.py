"""The printed plan's layout: the gap table follows the step cards on their last page when it has room."""

from __future__ import annotations

from career_explorer.data.user_store import UserStore
from career_explorer.services.gap_plan import gap_report
from career_explorer.services.plan_report import GAP_TABLE_START, report_pages
from tests.cohort_fixtures import add_cohort


def test_the_gap_table_starts_on_the_step_cards_last_page_when_it_has_room(fixture_repo):
    store = UserStore.open()
    person = store.person(add_cohort(store)["Ana Lima"])
    target = store.targets([person.id])[person.id]
    report = gap_report(fixture_repo, person, store.latest_assessments([person.id])[person.id], target.role_id,
                        target.route, closest=0)
    store.close()
    pages = report_pages(report)

    def first(prefixes: tuple[str, ...]) -> list[int]:
        return [i for i, page in enumerate(pages) if any(t.text.startswith(prefixes) for t in page.texts)]

    cards = first(("Whole route: ", "Step "))
    gap = first(("Gap to ",))[0]
    assert gap == cards[-1]  # the fixture's cards end high on their page: the table starts there
    texts = pages[gap].texts
    heading = next(t for t in texts if t.text.startswith("Gap to "))
    last_card = max(t.y for t in texts[:texts.index(heading)])
    assert last_card < heading.y < last_card + GAP_TABLE_START
