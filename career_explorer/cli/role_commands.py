"""`roles`: list or search the catalogue's roles; `role NAME`: one role's full profile."""

from __future__ import annotations

import argparse
import textwrap
from typing import TYPE_CHECKING, Optional

from career_explorer.cli.output import non_blank, open_catalogue, print_json, print_table
from career_explorer.domain.money import format_money as money
from career_explorer.domain.money import period_suffix

# The domain models and services import pydantic: the handlers import them, so building the parser
# (which imports this module for every command) stays light.
if TYPE_CHECKING:
    from career_explorer.domain.profile import PayEntry, RequiredCompetency, RoleProfile

WIDTH = 88


def register(sub: argparse._SubParsersAction) -> None:
    roles = sub.add_parser("roles", help="list roles, or search them by title, alternate title, code or summary")
    roles.add_argument("query", nargs="*", help="words to search for (prefixes match: 'cust serv man')")
    roles.add_argument("--json", action="store_true", help="print JSON")
    roles.set_defaults(handler=cmd_roles)

    role = sub.add_parser("role", help="show a role's full profile: level, pay by source, competencies, sources")
    role.add_argument("name", nargs="+", type=non_blank,
                      help="role id, title, or a unique part of one ('chat support manager')")
    role.add_argument("--json", action="store_true", help="print JSON")
    role.set_defaults(handler=cmd_role)


def cmd_roles(args: argparse.Namespace) -> int:
    from career_explorer.services.role_lookup import search_roles

    repo = open_catalogue(args)
    found = search_roles(repo, " ".join(args.query))
    if args.json:
        print_json([s.as_json() for s in found])
        return 0
    if not found:
        print(f"No roles match {' '.join(args.query)!r}.")
        return 0
    print_table(
        ["Title", "Level", "Job code", "Median base", "Source", "Id"],
        [(s.title, s.level or "", s.job_code or "", money(s.median_base, s.currency) if s.median_base else "",
          s.source, s.id) for s in found],
    )
    return 0


# -- role ---------------------------------------------------------------------------------


def _bar(item: RequiredCompetency) -> str:
    if item.level is None:
        return " " * (item.scale.max - item.scale.min + 2)
    cells = item.scale.max - item.scale.min
    filled = round((item.level - item.scale.min) / cells * cells)
    return "[" + "#" * filled + "-" * (cells - filled) + "]"


def _pay_row(entry: PayEntry) -> list[str]:
    band = entry.band

    def fig(name: str) -> str:
        value = getattr(band, name)
        if value is None:
            return ""
        text = money(value, band.currency, band.period.value) + period_suffix(band.period.value)
        return f">={text}" if name in band.lower_bounds else text

    other = "; ".join(f"{label} {fig(n)}" for n, label in (("mean", "mean"), ("entry", "entry"),
                                                           ("experienced", "experienced")) if getattr(band, n))
    return [entry.source_name, band.region, band.basis.label, fig("p10"), fig("p25"), fig("p50"), fig("p75"),
            fig("p90"), other, (band.as_of.strftime("%B %Y") if band.as_of.day == 1 else band.as_of.isoformat())
            if band.as_of else "not stated"]


def _paragraph(title: str, text: Optional[str]) -> None:
    print(f"\n{title}")
    body = text or "Not published."
    print(textwrap.fill(body, WIDTH, initial_indent="  ", subsequent_indent="  "))


def print_profile(repo, profile: RoleProfile) -> None:
    from career_explorer.domain.profile import KIND_LABELS
    from career_explorer.services.compare import level_text

    role = profile.role
    print(f"{role.title}  [{role.id}]")
    facts = [("Family", profile.family_name), ("Job level", level_text(repo, role) if role.level else None),
             ("Job code", role.job_code), ("SOC code", role.soc_code), ("Education", role.education),
             ("Reports to", role.reports_to)]
    for name, value in facts:
        if value:
            print(textwrap.fill(value, WIDTH, initial_indent=f"{name + ':':<12}", subsequent_indent=" " * 12))
    if role.alt_titles:
        more = f" and {len(role.alt_titles) - 10} more" if len(role.alt_titles) > 10 else ""
        print(textwrap.fill(", ".join(role.alt_titles[:10]) + more, WIDTH, initial_indent="Also called:",
                            subsequent_indent=" " * 12))
    _paragraph("Summary", role.summary)
    _paragraph("Responsibilities", role.responsibilities)
    print("\nPay (every source as published; never averaged)")
    if profile.pay:
        headers = ["Source", "Region", "Basis", "p10", "p25", "Median", "p75", "p90", "Other", "As of"]
        rows = [_pay_row(e) for e in profile.pay]
        always = ("Source", "Region", "Basis", "As of")
        keep = [i for i, h in enumerate(headers) if h in always or any(r[i] for r in rows)]
        print_table([headers[i] for i in keep], [[r[i] for i in keep] for r in rows])
    else:
        print("  No pay figures published.")
    for entry in profile.pay:
        if entry.band.covers:
            print(f"  {entry.source_name}: one estimate for {entry.band.covers}, "
                  "a group that includes this occupation.")
    if profile.wage_history is not None:
        _print_history(profile.wage_history)
    print("\nCompetencies")
    if not profile.competencies:
        print("  None published.")
    width = max((len(i.competency.name) for i in profile.competencies), default=0)
    for kind, items in profile.by_kind():
        print(f"  {KIND_LABELS[kind]}")
        for item in items:
            print(f"    {item.competency.name:<{width}}  {_bar(item)}  {item.level_text()}")
    if profile.unpublished_text:
        print(f"  {profile.unpublished_text}")
    print("\nSources")
    for source in profile.sources:
        url = f" - {source.url}" if source.url else ""
        print(f"  {source.name} - licence: {source.licence}{url}")


def _print_history(history) -> None:
    from career_explorer.domain.wage_history import history_rows

    data = history_rows(history)
    print("\nWage history (national median; a release without a figure is left blank)")
    if data["figures_of"]:
        print(f"  Figures for {data['figures_of']}, the occupation this role is linked to.")
    rows = []

    def fig(value, row) -> str:
        if value is None:
            return ""
        return money(value, row["currency"], row["period"]) + period_suffix(row["period"])

    for row in data["rows"]:
        median = "no figure" if not row["has_figure"] else (
            f">={fig(row['p50'], row)}" if "p50" in row["lower_bounds"] else fig(row["median"], row))
        change = row["change_pct_since_previous"]
        rows.append([row["release"], median, fig(row["p25"], row), fig(row["p75"], row),
                     "" if change is None else f"{change:+.1f}%", row["covers"] or ""])
    headers = ["Release", "Median", "p25", "p75", "Change", "Estimate covers"]
    keep = [i for i in range(len(headers)) if i < 5 or any(r[i] for r in rows)]
    print_table([headers[i] for i in keep], [[r[i] for i in keep] for r in rows])
    if data["overall_change"]:
        o = data["overall_change"]
        print(f"  Median {o['percent']:+.1f}% from {o['from']} to {o['to']} (not adjusted for inflation).")


def cmd_role(args: argparse.Namespace) -> int:
    from career_explorer.services.profile import role_profile
    from career_explorer.services.role_lookup import find_role

    repo = open_catalogue(args)
    summary = find_role(repo, " ".join(args.name))
    profile = role_profile(repo, summary.id)
    if args.json:
        from career_explorer.domain.wage_history import history_rows

        data = profile.model_dump(mode="json", exclude={"wage_history"})
        data["wage_history"] = history_rows(profile.wage_history) if profile.wage_history else None
        print_json(data)
    else:
        print_profile(repo, profile)
    return 0
