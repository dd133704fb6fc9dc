"""The cohort pack's pages: every person's section present, where the contents say, and numbered in order."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess

import pytest

from career_explorer.data.user_store import UserStore
from career_explorer.domain.user import Assessment, Rating, Target
from career_explorer.services.cohort import cohort_table, load_members
from career_explorer.services.cohort_pack import pack_people, write_pack
from tests.cohort_fixtures import WHEN, add_cohort

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="pdftotext is not installed")
FOOTER = re.compile(r"Career Explorer - Cohort pack - (.+) - page (\d+) of (\d+)$")


@pytest.fixture
def store():
    store = UserStore.open()
    yield store
    store.close()


def page_texts(pdf) -> list[str]:
    """Each page's text, in order (pdftotext ends every page with a form feed)."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1]


def footers(pages: list[str]) -> list[tuple[str, int, int]]:
    found = []
    for text in pages:
        lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
        match = FOOTER.search(lines[-1])
        assert match, f"no page number at the foot of: {lines[-1]!r}"
        found.append((match.group(1), int(match.group(2)), int(match.group(3))))
    return found


def write(fixture_repo, store, path):
    table = cohort_table(fixture_repo, load_members(store))
    write_pack(fixture_repo, table, pack_people(store, table), path)
    return page_texts(path)


def test_every_page_is_numbered_n_of_m_in_order(fixture_repo, store, tmp_path):
    add_cohort(store)
    pages = write(fixture_repo, store, tmp_path / "pack.pdf")
    numbers = footers(pages)
    assert [n for _who, n, _of in numbers] == list(range(1, len(pages) + 1))
    assert {of for _who, _n, of in numbers} == {len(pages)}


def test_each_persons_section_starts_where_the_contents_say_and_runs_to_the_next(fixture_repo, store, tmp_path):
    add_cohort(store)
    pages = write(fixture_repo, store, tmp_path / "pack.pdf")
    contents = " ".join(pages[0].split())
    starts = {}
    for name, target in (("Ana Lima", "Support Manager"), ("Ben Okafor", "Support Manager"),
                         ("Cleo Park", "Support Team Lead")):
        found = re.search(rf"{name}: {target} .*?(\d+)(?= |$)", contents)
        assert found, f"{name} is not in the contents"
        starts[name] = int(found.group(1))
        assert f"Development plan: {name}" in pages[starts[name] - 1]
    # Between one person's first page and the next person's, every page's footer names that person.
    ordered = sorted(starts.items(), key=lambda kv: kv[1])
    ends = [start - 1 for _name, start in ordered[1:]] + [len(pages)]
    owners = [who for who, _n, _of in footers(pages)]
    for (name, start), end in zip(ordered, ends):
        assert set(owners[start - 1:end]) == {name}
    assert all(who == owners[0] for who in owners[:ordered[0][1] - 1])  # the front pages: the pack's date


def test_a_pack_of_many_people_has_a_section_for_each(fixture_repo, store, tmp_path):
    # Enough people that the contents run past the cover and every section's page depends on those before it.
    for n in range(1, 31):
        person = store.add_person(f"Client {n:02d}", "fx/rep")
        store.set_target(person.id, Target(role_id="fx/manager" if n % 2 else "fx/lead", set_at=WHEN))
        store.add_assessment(person.id, Assessment(taken=WHEN + dt.timedelta(days=n), ratings=(
            Rating(competency="fx/products", level=1 + n % 4),)))
    pages = write(fixture_repo, store, tmp_path / "pack.pdf")
    firsts = [i for i, text in enumerate(pages, 1) if "Development plan: Client" in text]
    named = [re.search(r"Development plan: (Client \d+)", pages[i - 1]).group(1) for i in firsts]
    assert named == [f"Client {n:02d}" for n in range(1, 31)]
    contents = " ".join(" ".join(p.split()) for p in pages[:firsts[0] - 1])
    for name, first in zip(named, firsts):
        assert re.search(rf"{name}: Support (Manager|Team Lead) .*?{first}(?= |$)", contents), name
    numbers = footers(pages)
    assert [n for _who, n, _of in numbers] == list(range(1, len(pages) + 1))


def test_people_sharing_a_route_each_keep_their_own_saved_route(fixture_repo, store):
    from career_explorer.services.gap_plan import gap_report

    ana, ben = store.add_person("Ana Lima", "fx/rep"), store.add_person("Ben Okafor", "fx/rep")
    routes: dict = {}
    chosen = gap_report(fixture_repo, ana, None, "fx/manager", ("fx/rep", "fx/lead", "fx/manager"), closest=0,
                        routes=routes)
    found = gap_report(fixture_repo, ben, None, "fx/manager", (), closest=0, routes=routes)
    again = gap_report(fixture_repo, ben, None, "fx/manager", (), closest=0, routes=routes)
    assert chosen.route_note == "The route chosen in the Path view."
    assert found.route_note == again.route_note == "The best route the catalogue's transitions give."
    assert [r.title for r in again.route.roles] == ["Support Representative", "Support Team Lead", "Support Manager"]


def test_people_on_one_route_each_see_its_charts_which_the_file_holds_once(fixture_repo, store, tmp_path):
    from pypdf import PdfReader

    add_cohort(store)  # Ana and Ben aim at the same manager role from the same role: one route
    pages = write(fixture_repo, store, tmp_path / "pack.pdf")
    with_pay = [footers([text])[0][0] for text in pages if "Pay along the route" in text]
    assert {"Ana Lima", "Ben Okafor"} <= set(with_pay)
    assert all("Each rating against its required level" in text for text in pages
               if "You against the target" in text)
    placed = []
    for page in PdfReader(tmp_path / "pack.pdf").pages:
        xobjects = page["/Resources"].get("/XObject", {})
        placed += [xobjects.raw_get(name).idnum for name in xobjects]
    # Every radar and bar chart is its own; the shared route's pay and skills charts appear twice, stored once.
    assert len(set(placed)) <= len(placed) - 2
