"""Route charts: medians and bands per source, the skill heatmap's cells, and saving by extension."""

from __future__ import annotations

import pytest

from career_explorer.charts.heatmap_rows import focus_rows
from career_explorer.charts.pay_progression import pay_progression_figure
from career_explorer.charts.route_figure import route_figure, save_figure
from career_explorer.charts.skill_heatmap import cells, skill_heatmap_figure
from career_explorer.services.routes import find_routes
from tests.route_fixtures import ISLAND, LEAD, MANAGER, REP

MAGIC = {".png": b"\x89PNG\r\n\x1a\n", ".pdf": b"%PDF", ".svg": b"<?xml"}


@pytest.fixture
def route(fixture_repo):
    return find_routes(fixture_repo, REP, MANAGER).routes[0]


def test_pay_chart_plots_each_source_and_basis_as_its_own_median_line(route):
    ax = pay_progression_figure(route).axes[0]
    lines = {line.get_label(): line for line in ax.get_lines() if not line.get_label().startswith("_")}
    assert set(lines) == {"Fixture facts base median", "Fixture facts total median"}
    base = lines["Fixture facts base median"]
    assert list(base.get_xdata()) == [0, 1, 2] and list(base.get_ydata()) == [40000, 55000, 80000]
    assert list(lines["Fixture facts total median"].get_ydata()) == [42000]
    assert ax.get_ylabel() == "Annual pay (USD)"
    assert [t.get_text() for t in ax.get_xticklabels()] == [
        "Support\nRepresentative\n(Level A02)", "Support Team\nLead\n(Level S01)", "Support Manager\n(Level M02)"]
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "p25–p75 band" in legend and "p10–p90 band" in legend


def test_pay_line_breaks_at_a_role_without_pay_instead_of_passing_through_it(route):
    base = next(s for s in route.pay_series if s.basis == "base")
    gapped = base.model_copy(update={"points": (base.points[0], None, base.points[2])})
    ax = pay_progression_figure(route.model_copy(update={"pay_series": (gapped,)})).axes[0]
    medians = [line for line in ax.get_lines() if line.get_marker() == "o"]
    assert sorted(list(line.get_xdata()) for line in medians) == [[0], [2]]
    assert [t.get_text() for t in ax.get_legend().get_texts()][0] == "Fixture facts base median"


def test_a_single_pay_figure_gets_an_axis_a_person_can_read(route):
    base = next(s for s in route.pay_series if s.basis == "base")
    median_only = base.points[1].model_copy(update={"p10": None, "p25": None, "p75": None, "p90": None})
    single = base.model_copy(update={"points": (None, median_only, None)})
    ax = pay_progression_figure(route.model_copy(update={"pay_series": (single,)})).axes[0]
    low, high = ax.get_ylim()
    assert high - low >= 0.3 * base.points[1].p50


def test_pay_chart_says_so_when_no_pay_is_published(fixture_repo):
    direct = find_routes(fixture_repo, ISLAND, "fx/onet-csr").direct
    ax = pay_progression_figure(direct).axes[0]
    assert [t.get_text() for t in ax.texts] == ["No pay published for these roles"]


def test_heatmap_prints_levels_and_marks_unknown_as_question_never_zero(route):
    grid = cells(route)
    rows = {row.name: [c.text for c in line] for row, line in zip(focus_rows(route), grid)}
    assert rows["Products And Services"] == ["1", "3", "4"]
    assert rows["Customer Analytics"] == ["?", "2", "3"]
    assert all(c.text != "0" for line in grid for c in line)
    analytics = grid[[r.name for r in focus_rows(route)].index("Customer Analytics")]
    assert analytics[0].unknown and analytics[0].value is None
    assert [c.jump for c in grid[0]] == [False, True, True]


def test_heatmap_figure_shows_the_same_cells(route):
    ax = skill_heatmap_figure(route).axes[0]
    texts = [t.get_text() for t in ax.texts]
    assert texts[:3] == ["1", "3", "4"]
    assert [t.get_text() for t in ax.get_yticklabels()][0] == "Products And Services"


def test_heatmap_marks_a_competency_not_required_by_a_complete_role_with_a_dash(fixture_repo):
    route = find_routes(fixture_repo, LEAD, MANAGER).routes[0]
    direct = find_routes(fixture_repo, "fx/onet-csr", LEAD).direct
    rows = {r.name: [c.text for c in line] for r, line in zip(focus_rows(direct), cells(direct))}
    assert rows["Speaking"] == ["3.88", "–"]
    assert route.complete == (True, False)


@pytest.mark.parametrize("suffix", [".png", ".svg", ".pdf"])
def test_route_figure_saves_by_extension(route, tmp_path, suffix):
    fig = route_figure(route)
    assert len(fig.axes) >= 2 and fig._suptitle.get_text().startswith("Route 1: Support Representative")
    path = save_figure(fig, tmp_path / f"route{suffix}")
    assert path.read_bytes().startswith(MAGIC[suffix])


def test_saving_to_an_unknown_extension_is_refused(route, tmp_path):
    with pytest.raises(ValueError, match="use a .png, .svg or .pdf"):
        save_figure(route_figure(route), tmp_path / "route.gif")


def test_a_title_placed_at_the_right_takes_the_dark_palette_colour():
    from matplotlib.figure import Figure

    from career_explorer.charts.theme import DARK, apply_theme

    figure = Figure()
    ax = figure.add_subplot()
    ax.set_title("Top 10 of 67 skill levels along the route", loc="right")
    apply_theme(figure, DARK)
    right = next(t for t in ax.texts + [ax._right_title] if t.get_text().startswith("Top 10"))
    assert right.get_color() == DARK.foreground


def test_heatmap_shows_a_skill_onet_flags_not_relevant_as_such_not_as_level_zero(bundled_repo):
    route = find_routes(bundled_repo, "onet/43-4051.00", "onet/11-3012.00").routes[0]
    rows = {r.name: [c.text for c in line] for r, line in zip(focus_rows(route), cells(route))}
    # Skills.txt flags Installation "Not Relevant" (level 0) for all three occupations on this route.
    assert rows["Installation"] == ["n/r", "n/r", "n/r"]
    assert not any(text == "0" for texts in rows.values() for text in texts)
    ax = skill_heatmap_figure(route).axes[0]
    assert "n/r: not relevant to the job" in ax.get_xlabel()


def test_a_curated_route_marks_its_onet_twins_not_relevant_levels_as_such(bundled_repo):
    """A curated role has no O*NET levels of its own: its row cells are its linked occupation's, and where
    O*NET flags that occupation's level Not Relevant the cell says so (it showed the bare level before)."""
    from career_explorer.services.role_lookup import find_role

    start, end = (find_role(bundled_repo, title).id for title in ("Chat Support Representative I",
                                                                   "Customer Service Manager"))
    route = find_routes(bundled_repo, start, end).routes[0]
    lens = next(lens for lens in route.steps[0].lenses if lens.competencies)
    twin = bundled_repo.role(lens.from_role.id)  # Customer Service Representatives, O*NET 43-4051.00
    flagged = {q.competency: q.not_relevant for q in twin.requirements if q.level is not None}
    own = {row.competency for row in route.skill_rows}
    first_cells = {row.competency: line[0].text for row, line in zip(focus_rows(route), cells(route))
                   if row.competency not in own and row.competency in flagged}
    assert len(first_cells) > 30  # the twin's skills and knowledge, seen through the lens
    assert {cid for cid, text in first_cells.items() if text == "n/r"} == {
        cid for cid in first_cells if flagged[cid]}
    assert any(flagged[cid] for cid in first_cells) and not all(flagged[cid] for cid in first_cells)
