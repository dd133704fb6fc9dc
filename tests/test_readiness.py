"""Readiness admits what it does not know: coverage "N of M", thin evidence never wins, nothing to compare
gives no figure. Checked where a user reads it: `plan`, `plan --json`, the PDF and the gap panel."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess

import pytest
from pydantic import ValidationError

from career_explorer.data.catalogue_repository import CatalogueRepository
from career_explorer.domain.plan import Readiness
from career_explorer.domain.user import Assessment, Rating
from career_explorer.launcher import main
from career_explorer.services.assessment import RatingIndex
from career_explorer.services.readiness import ranking_score
from career_explorer.ui.main_window import MainWindow
from career_explorer.ui.views.plan_view import PlanView
from tests.fixture_sources import fixture_sources
from tests.route_fixtures import build_catalogue

PRACTICES = [f"fx/practice-{i}" for i in range(1, 11)]
BROAD, NARROW, NAMED = "Broad Specialist", "Narrow Specialist", "Named-Only Adviser"


def coverage_sources() -> dict:
    """The fixture ladder plus three roles measured on ten practices (1-5 scale, level 3 each):
    Broad Specialist lists all ten, Narrow Specialist one, and Named-Only Adviser names two without
    a level and says it has more it does not name."""
    data = fixture_sources()
    data["competencies"] += [
        {"id": cid, "name": f"Practice {i}", "kind": "core", "scale": "proficiency-5", "source": "fixture",
         "behaviours": [{"level": lv, "text": f"Practice {i} at level {lv}."} for lv in range(1, 6)]}
        for i, cid in enumerate(PRACTICES, 1)
    ]
    roles = [("fx/broad", BROAD, [{"competency": c, "level": 3} for c in PRACTICES], False),
             ("fx/narrow", NARROW, [{"competency": PRACTICES[0], "level": 3}], False),
             ("fx/named", NAMED, [{"competency": c} for c in PRACTICES[:2]], True)]
    data["roles"] += [{"id": rid, "title": title, "family": "support", "source": "fixture", "requirements": reqs,
                       "unpublished_unknown": unknown} for rid, title, reqs, unknown in roles]
    return data


@pytest.fixture(scope="module")
def coverage_catalogue(tmp_path_factory):
    return build_catalogue(tmp_path_factory.mktemp("coverage"), coverage_sources())


@pytest.fixture
def cli(capsys, coverage_catalogue):
    def run(*argv: str) -> str:
        code = main(["--catalogue", str(coverage_catalogue), *argv])
        out, err = capsys.readouterr()
        assert code == 0, err
        return out
    return run


def rate_all(cli, last: int) -> None:
    """Ada aims at Broad Specialist and rates all ten practices at the required 3, the tenth at `last`."""
    cli("person", "add", "Ada", "--role", "Support Representative")
    cli("person", "set-target", "Ada", BROAD)
    settings = [a for i in range(1, 10) for a in ("--set", f"Practice {i}=3")]
    cli("assess", "Ada", *settings, "--set", f"Practice 10={last}")


def closest_lines(out: str) -> list[str]:
    lines = out.splitlines()
    start = lines.index("Roles closest now:")
    return [" ".join(line.split()) for line in lines[start:] if line.startswith("  ") and "----" not in line]


@pytest.mark.parametrize("last, broad_ready", [(3, "100%"), (2, "95%")])
def test_one_comparable_competency_does_not_outrank_ten(cli, last, broad_ready):
    rate_all(cli, last)
    rows = [r for r in closest_lines(cli("plan", "Ada")) if r.startswith((BROAD, NARROW, NAMED))]
    assert rows[0].startswith(f"{BROAD} {broad_ready} 10 of 10")
    assert rows[1].startswith(f"{NARROW} 100% 1 of 1")
    # Nothing can be compared (the practices are named without a level): no figure, and last.
    assert rows[2] == f"{NAMED} not enough to compare 0 of 2 (+ maybe more not named)"


def test_ranking_rule_pulls_thin_evidence_toward_half_way():
    assert ranking_score(1.0, 1) == pytest.approx(2 / 3)
    assert ranking_score(0.7, 10) == pytest.approx(2 / 3)  # ten at 70% tie one at 100%
    assert ranking_score(0.95, 10) > ranking_score(1.0, 1)
    assert ranking_score(0.0, 1) == pytest.approx(1 / 3)
    assert ranking_score(None, 0) is None and ranking_score(0.5, 0) is None


def test_readiness_names_n_of_m_and_what_was_left_out(cli):
    rate_all(cli, 2)
    out = cli("plan", "Ada", "--target", NARROW)
    assert "Readiness: 100% (1 of 1 comparable)" in out
    said = " ".join(out.split())
    assert ("Based on 1 of 1 competency of Narrow Specialist that you have rated and the role publishes a level "
            "for. You meet it fully.") in said
    assert "With only 1 to compare, take it as a rough guide." in said
    out = cli("plan", "Ada")
    said = " ".join(out.split())
    assert "Readiness: 95% (10 of 10 comparable)" in out
    assert "You meet 9 of them fully; on the other one you are one level short." in said
    assert "rough guide" not in said.split("Gap to the target")[0]


def test_readiness_over_a_few_rated_competencies_says_what_it_leaves_out(cli):
    cli("person", "add", "Bo")
    cli("assess", "Bo", "--target", BROAD, "--set", "Practice 1=3", "--set", "Practice 2=3", "--set",
        "Practice 3=1")
    out = cli("plan", "Bo", "--target", BROAD)
    said = " ".join(out.split())
    # Unrated practices are left out, not counted as 0%: (1 + 1 + 0) / 3.
    assert "Readiness: 67% (3 of 10 comparable)" in out
    assert ("You meet 2 of them fully; on the other one you are two levels short." in said
            and "You have rated fewer than half of those it publishes a level for, so take it as a rough guide."
            in said and "Not compared: 7 you have not rated yet." in said)


def test_nothing_to_compare_gives_no_percentage(cli):
    rate_all(cli, 3)
    out = cli("plan", "Ada", "--target", NAMED)
    readiness = out.split("\n\n")[1]  # the readiness paragraph, before the gap table
    assert readiness.startswith("Readiness: not enough to compare (0 of 2 comparable; the source may have more "
                                "it does not name)")
    assert "%" not in readiness
    said = " ".join(readiness.split())
    assert ("Not enough to compare: 0 of 2 competencies of Named-Only Adviser have both a rating from you and a "
            "level the role publishes. Not compared: 2 named without a level and any more the source does not "
            "name.") in said
    data = json.loads(cli("plan", "Ada", "--target", NAMED, "--json"))
    assert data["readiness"]["readiness"] is None and data["readiness"]["ranking_score"] is None
    assert (data["readiness"]["comparable"], data["readiness"]["listed"], data["readiness"]["no_level"]) == (0, 2, 2)


def test_plan_json_has_coverage_fields_for_the_target_and_each_closest_role(cli):
    rate_all(cli, 2)
    data = json.loads(cli("plan", "Ada", "--json"))
    fields = {"readiness", "ranking_score", "comparable", "listed", "unpublished", "unpublished_unknown", "met",
              "explanation"}
    ready = data["readiness"]
    assert fields <= ready.keys()
    assert (ready["comparable"], ready["listed"], ready["unpublished"], ready["met"]) == (10, 10, 0, 9)
    assert ready["readiness"] == 95 and ready["ranking_score"] == 87.5  # (10 x 95% + 2 x 50%) / 12
    closest = {c["id"]: c for c in data["closest"]}
    assert all(fields <= c.keys() for c in closest.values())
    assert [c["id"] for c in data["closest"]][:2] == ["fx/broad", "fx/narrow"]
    assert (closest["fx/narrow"]["comparable"], closest["fx/narrow"]["ranking_score"]) == (1, 66.7)
    assert closest["fx/named"]["readiness"] is None and closest["fx/named"]["unpublished_unknown"] is True


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_pdf_says_coverage_and_how_closest_roles_are_ranked(cli, tmp_path):
    rate_all(cli, 2)
    pdf = tmp_path / "plan.pdf"
    cli("report", "Ada", "-o", str(pdf))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    said = " ".join(text.split())
    assert "95% 10 of 10 comparable Based on 10 of 10 competencies of Broad Specialist" in said
    assert "pulled toward 50% when only a few competencies can be compared" in said
    assert f"{NAMED} not enough to compare" in said


def test_readiness_without_anything_compared_cannot_carry_a_figure():
    with pytest.raises(ValidationError, match="exactly when something can be compared"):
        Readiness(listed=2, no_level=2, percent=0.0, score=50.0, explanation="x")
    with pytest.raises(ValidationError, match="add up"):
        Readiness(listed=3, comparable=1, met=1, percent=100.0, score=66.7, explanation="x")


def test_gap_panel_shows_coverage_and_no_figure_when_nothing_compares(qtbot, coverage_catalogue):
    repo = CatalogueRepository(coverage_catalogue)
    window = MainWindow(repo)
    qtbot.addWidget(window)
    window.show()
    view = window.show_view("My plan")
    assert isinstance(view, PlanView)
    view.set_roles("fx/rep", "fx/broad")
    for cid in PRACTICES:
        view.editor.set_rating(cid, 3)
    view.editor.set_rating(PRACTICES[-1], 2)
    view.editor.save()
    view.refresh()
    panel = view.gap_panel
    assert "95%" in panel.readiness_label.text()
    assert panel.coverage_label.text() == "<b>10 of 10 comparable</b>"
    assert "You meet 9 of them fully; on the other one you are one level short." in panel.explanation.text()
    rows = [(panel.closest.item(r, 0).text(), panel.closest.item(r, 1).text())
            for r in range(panel.closest.rowCount())]
    titles = [role.split("\n")[0] for role, _ in rows]
    assert titles.index(BROAD) < titles.index(NARROW) < titles.index(NAMED) == len(titles) - 1
    assert rows[titles.index(BROAD)] == (f"{BROAD}\n10 of 10 comparable", "95%")
    assert rows[titles.index(NARROW)] == (f"{NARROW}\n1 of 1 comparable", "100%")
    assert rows[-1] == (f"{NAMED}\n0 of 2 comparable (+ maybe more not named)", "not enough to compare")
    assert "Based on 1 of 1 competency of Narrow Specialist" in panel.closest.item(titles.index(NARROW), 0).toolTip()

    view.set_roles(None, "fx/named")
    assert panel.readiness_label.text().count("%") == 0 and "Not enough to compare" in panel.readiness_label.text()
    assert panel.coverage_label.text() == ("<b>0 of 2 comparable; the source may have more it does not name"
                                           "</b>")
    window.close()
    repo.close()


def test_a_rating_of_one_sources_competency_does_not_stand_for_its_namesake_in_that_source(bundled_repo):
    comps = bundled_repo.competencies
    skill, knowledge = comps["onet/2.a.1.e"], comps["onet/2.c.4.a"]
    assert (skill.name, knowledge.name) == ("Mathematics (skill)", "Mathematics (knowledge)")
    rated = Assessment(taken=dt.datetime(2026, 1, 5, tzinfo=dt.timezone.utc),
                       ratings=(Rating(competency=skill.id, level=4.0),))
    index = RatingIndex(rated, comps)
    assert index.level(skill) == 4.0
    assert index.level(knowledge) is None
