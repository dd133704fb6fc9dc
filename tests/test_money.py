"""Money reads the same everywhere: one formatter for Browse, Path, the profile, the CLI, reports and charts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from career_explorer.charts.pay_progression import money_formatter
from career_explorer.domain.catalogue import SalaryBand
from career_explorer.domain.money import format_money, short_money
from career_explorer.domain.profile import PayEntry
from career_explorer.domain.role_gap import PayChange
from career_explorer.domain.role_listing import RoleSummary
from career_explorer.services.browse import browser_for
from career_explorer.services.path_report import pay_text
from career_explorer.ui.models.role_table_model import COL_PAY, RoleTableModel
from career_explorer.ui.panels.role_profile import pay_cell


@pytest.mark.parametrize(("value", "currency", "expected"), [
    (50_000, "USD", "$50,000"),
    (50_000, "GBP", "£50,000"),
    (50_000, "EUR", "€50,000"),
    (50_000, "CAD", "50,000 CAD"),
    (50_000, "INR", "50,000 INR"),
    (-1_200, "USD", "−$1,200"),
    (-1_200, "CAD", "−1,200 CAD"),
    (0, "USD", "$0"),
])
def test_amounts_wear_a_symbol_or_their_code_and_a_true_minus(value, currency, expected):
    assert format_money(value, currency) == expected


def test_signed_amounts_show_plus_and_minus_before_the_symbol():
    assert format_money(1_200, "USD", signed=True) == "+$1,200"
    assert format_money(-1_200, "USD", signed=True) == "−$1,200"
    assert format_money(-1_200, "CAD", signed=True) == "−1,200 CAD"


def test_hourly_pay_keeps_its_cents_and_unknown_is_said():
    assert format_money(23.57, "USD", "hourly") == "$23.57"
    assert format_money(None, "USD") == "unknown"


@pytest.mark.parametrize(("value", "currency", "expected"), [
    (4_100, "USD", "+$4.1k"),
    (-1_200, "USD", "−$1.2k"),
    (-800, "USD", "−$800"),
    (1_200_000, "GBP", "+£1.2M"),
    (42_800, "CAD", "+42.8k CAD"),
])
def test_short_amounts_match_the_long_form_in_symbol_sign_and_code(value, currency, expected):
    assert short_money(value, currency, signed=True) == expected


def test_chart_ticks_follow_the_same_rule_as_tables():
    ticks = money_formatter("CAD")
    assert ticks(50_000, 0) == "50k CAD"
    assert money_formatter("USD")(-1_000, 0) == "−$1k"


def test_browse_profile_and_path_show_a_canadian_salary_the_same_way(qapp, fixture_repo):
    """The bug this guards: Browse printed CAD 50,000 as "$50,000" while the Path table said "50,000 CAD"."""
    browse = RoleTableModel(orderer=browser_for(fixture_repo).order)
    browse.set_rows([RoleSummary(id="analyst", title="Analyst", family="ops", family_name="Operations",
                                 source="src", median_base=50_000, currency="CAD")])
    browse_text = browse.data(browse.index(0, COL_PAY), Qt.DisplayRole)

    band = SalaryBand(source="src", region="CA", currency="CAD", p50=50_000)
    profile_text = pay_cell(PayEntry(role_id="analyst", role_title="Analyst", source_name="Src", band=band), "p50")

    step = PayChange(source="src", source_name="Src", basis="base", region="CA", currency="CAD", period="annual",
                     from_p50=50_000, to_p50=48_800)
    path_text = pay_text(step)

    assert browse_text == profile_text == "50,000 CAD"
    assert "50,000 CAD → 48,800 CAD (−1,200 CAD" in path_text
