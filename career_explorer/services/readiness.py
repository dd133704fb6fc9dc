"""Readiness for a role, how much of the role it rests on, the rule that ranks roles, and all of it in words."""

from __future__ import annotations

from typing import Optional, Sequence

from career_explorer.domain.base import share_of_scale
from career_explorer.domain.plan import CompetencyGap, GapStatus, Readiness

# The ranking rule's neutral guess (half-way ready) and how many competencies' worth of weight it has.
PRIOR = 0.5
PRIOR_WEIGHT = 2
# Below this many comparable competencies the figure is called a rough guide.
THIN_EVIDENCE = 3
_NUMBER_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven"}


def ranking_score(readiness: Optional[float], comparable: int) -> Optional[float]:
    """The figure the "roles closest now" are ranked by (0-1), or None when nothing can be compared.

    Readiness is pulled toward a neutral prior, as if the person also had PRIOR_WEIGHT (2) more
    competencies exactly half-way (PRIOR, 0.5) to the required level:

        score = (comparable * readiness + PRIOR_WEIGHT * PRIOR) / (comparable + PRIOR_WEIGHT)

    With many comparable competencies the score is close to readiness; with few it stays near 50%,
    so thin evidence cannot win. One comparable competency fully met scores 67%, the same as ten at
    70%: a role with ten comparable at 70% or more is never outranked by one with a single
    comparable competency. Chosen over a confidence bound because it needs no distribution
    assumption and reads plainly ("pulled toward 50% when there is little to compare"), and over
    importance weights because sources without importance (Salary.com) would then not be ranked
    alike; importance already weights readiness itself where the source gives it.
    """
    if readiness is None or comparable <= 0:
        return None
    return (comparable * readiness + PRIOR_WEIGHT * PRIOR) / (comparable + PRIOR_WEIGHT)


def _weighted_mean(values: Sequence[tuple[float, float]]) -> Optional[float]:
    total = sum(w for _, w in values)
    return None if not total else sum(v * w for v, w in values) / total


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _levels(amount: float) -> str:
    """A shortfall in levels as words: "one level", "two levels", "0.9 of a level", "1.5 levels"."""
    amount = round(amount, 1)
    if amount < 0.1:  # short, yet by less than rounding shows: never "0 of a level"
        return "less than a tenth of a level"
    if amount < 1:
        return f"{amount:g} of a level"
    if amount.is_integer() and int(amount) in _NUMBER_WORDS:
        return f"{_NUMBER_WORDS[int(amount)]} level{'s' if amount > 1 else ''}"
    return f"{amount:g} levels"


def _shortfall_words(short: Sequence[CompetencyGap]) -> str:
    """How far short the unmet comparable competencies are, in levels when they share a scale."""
    if len({g.scale for g in short}) == 1:
        return _levels(sum(g.required - g.rating for g in short) / len(short))
    # Levels of different scales do not add up: say it as a share of each competency's scale.
    share = sum(share_of_scale(g.required - g.rating, g.scale_min, g.scale_max) for g in short) / len(short)
    return f"{share:.0f}% of a scale"


def _join(parts: Sequence[str]) -> str:
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


def _not_compared(unrated: int, no_level: int, unpublished: int, unknown: bool) -> str:
    parts = []
    if unrated:
        parts.append(f"{unrated} you have not rated yet")
    if no_level:
        parts.append(f"{no_level} named without a level")
    if unpublished:
        parts.append(f"{'at least ' if unknown else ''}{unpublished} more not published by the source")
    elif unknown:
        parts.append("any more the source does not name")
    return f" Not compared: {_join(parts)}." if parts else ""


def _met_words(comparable: int, met: int, short: Sequence[CompetencyGap]) -> str:
    if met == comparable:
        whole = {1: " You meet it fully.", 2: " You meet both fully."}
        return whole.get(comparable, f" You meet all {comparable} fully.")
    how_far = _shortfall_words(short)
    if comparable == 1:
        return f" You are {how_far} short of it."
    if met == 0:
        return f" You meet none of them fully yet; you are on average {how_far} short."
    if len(short) == 1:
        return f" You meet {met} of them fully; on the other one you are {how_far} short."
    return f" You meet {met} of them fully; on the other {len(short)} you are on average {how_far} short."


def readiness(gaps: Sequence[CompetencyGap], role_title: str, unpublished: int = 0,
              unpublished_unknown: bool = False) -> Readiness:
    """Readiness over the comparable competencies, with its coverage, explained in plain words.

    Readiness is the mean, importance-weighted where the source gives importance, of how far each
    comparable rating has come toward its required level from the floor of its scale (capped at the
    level: exceeding one competency does not make up for another). Unrated competencies are left
    out and counted as not compared, never as 0%.
    """
    comparable = [g for g in gaps if g.required is not None and g.rating is not None]
    unrated = sum(1 for g in gaps if g.required is not None and g.rating is None)
    no_level = sum(1 for g in gaps if g.required is None)
    short = [g for g in comparable if g.status != GapStatus.MET]
    met = len(comparable) - len(short)
    weighted = any(g.importance is not None for g in comparable)
    mean = _weighted_mean([(g.progress, g.weight) for g in comparable])
    score = ranking_score(mean, len(comparable))
    listed = len(gaps)
    if comparable:
        text = (f"Based on {len(comparable)} of {_count(listed, 'competency', 'competencies')} of {role_title} "
                f"that you have rated and the role publishes a level for.")
        text += _met_words(len(comparable), met, short)
        text += (" Readiness adds up how far you have come toward each required level: all the way for those you "
                 "meet, part of the way for the others"
                 + ("; those the source rates more important count for more." if weighted else "."))
        if len(comparable) < THIN_EVIDENCE:
            text += f" With only {len(comparable)} to compare, take it as a rough guide."
        elif unrated > len(comparable):
            text += (" You have rated fewer than half of those it publishes a level for, so take it as a rough "
                     "guide.")
    elif listed:
        text = (f"Not enough to compare: 0 of {_count(listed, 'competency', 'competencies')} of {role_title} "
                "have both a rating from you and a level the role publishes.")
    else:
        text = f"Not enough to compare: {role_title} lists no competencies in this catalogue."
    text += _not_compared(unrated, no_level, unpublished, unpublished_unknown)
    return Readiness(
        listed=listed, comparable=len(comparable), met=met, unrated=unrated, no_level=no_level,
        unpublished=unpublished, unpublished_unknown=unpublished_unknown,
        percent=None if mean is None else round(mean * 100.0, 1),
        score=None if score is None else round(score * 100.0, 1),
        weighted=weighted, explanation=text,
    )


def fit_distance(gaps: Sequence[CompetencyGap]) -> Optional[float]:
    """Mean distance between rating and required level, above or below, as % of each scale (0-100)."""
    comparable = [g for g in gaps if g.required is not None and g.rating is not None]
    if not comparable:
        return None
    return round(sum(share_of_scale(abs(g.rating - g.required), g.scale_min, g.scale_max) for g in comparable)
                 / len(comparable), 1)


def ranking_key(ready: Readiness, distance: Optional[float], title: str) -> tuple:
    """Sort key for closest roles: highest ranking score first, nothing to compare last.

    Ties (common when every compared level is met) go to more comparable competencies, then to
    the role whose levels sit nearest the ratings, so an over-qualified match does not come first.
    """
    score = ready.score
    return (score is None, -(score or 0.0), -ready.comparable, distance or 0.0, title.casefold())
