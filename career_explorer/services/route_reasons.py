"""One line per route saying why it ranks where it does, in words a person reads."""

from __future__ import annotations

from collections import Counter

from career_explorer.domain.money import format_money
from career_explorer.domain.role_gap import RoleGap
from career_explorer.domain.route import RankMode, Route, step_levels_known

_TIERS = {"Primary-Short": "O*NET: closest related", "Primary-Long": "O*NET: related",
          "Supplemental": "O*NET: distantly related"}


def move_credit(step: RoleGap) -> str:
    """Who says this move exists: "inferred by this catalogue", "O*NET: closest related", "stated by X"."""
    tr = step.transition
    if tr is None:
        return "no stated move"
    if step.inferred:
        return "inferred by this catalogue"
    if tr.tier in _TIERS:
        return _TIERS[tr.tier]
    return f"stated by {step.transition_source or tr.source}"


def _credits(route: Route) -> str:
    counts = Counter(move_credit(s) for s in route.steps)
    total = len(route.steps)
    if len(counts) == 1:
        credit = next(iter(counts))
        return credit if total == 1 else f"{'both' if total == 2 else 'all'} {credit}"
    return ", ".join(f"{n} {credit}" for credit, n in counts.most_common())


def _pay(route: Route) -> str:
    gains = [s.pay_gain("base") for s in route.steps]
    if any(g is None for g in gains):
        known = [g for g in gains if g is not None]
        if known and min(known) < 0:
            return "pay falls on one step; not published for every step"
        return "pay not published for every step"
    falls = sum(1 for g in gains if g < 0)
    if falls:
        return f"pay falls on {falls} step{'s' if falls > 1 else ''} (sideways moves allowed)"
    return "pay rises at each step" if len(gains) > 1 else "pay rises"


def _skips(route: Route) -> str:
    skipped = sum(1 for s in route.steps if s.level_change.comparable and (s.level_change.rank_delta or 0) > 1)
    return "" if not skipped else f"; skips a level{' twice' if skipped > 1 else ''}"


def _blind(route: Route) -> str:
    """Which roles leave a step's jumps unknown: the end whose source publishes no levels."""
    missing: list[str] = []
    for step in route.steps:
        if step_levels_known(step):
            continue
        missing += [role.title for role in step.unlevelled_ends() if role.title not in missing]
    if not missing:
        return ""
    return f"; no skill levels published for {', '.join(missing)}"


def route_reason(route: Route, rank: int, mode: RankMode, ranked: list[Route]) -> str:
    """"Most plausible: 2 steps, both inferred by this catalogue; pay rises at each step"."""
    steps = f"{route.step_count} step{'s' if route.step_count != 1 else ''}"
    body = f"{steps}, {_credits(route)}; {_pay(route)}{_skips(route)}{_blind(route)}"
    if mode == RankMode.GAP:
        lead = "Least skill gap" if rank == 1 else "Skill gap"
        return f"{lead}: {route.skill_words()}. {body}"
    if mode == RankMode.PAY:
        along = route.pay_on_the_way
        currency = next((p.currency for s in route.steps for p in s.pay if p.basis == "base"), "USD")
        if route.step_count == 1:
            money = "straight there"
        elif along is None:
            money = "pay on the way not published"
        else:
            money = f"{format_money(along, currency)} median on the way"
        return f"{'Best paid on the way' if rank == 1 else 'Pay'}: {money}. {body}"
    if rank == 1:
        lead = "Most plausible"
    elif route.step_count > ranked[0].step_count:
        lead = "Longer"
    elif route.step_count < ranked[0].step_count:
        lead = "Shorter, less certain"
    else:
        lead = "Also possible"
    return f"{lead}: {body}"
