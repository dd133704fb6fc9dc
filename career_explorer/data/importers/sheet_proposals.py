"""Proposals the user confirms: what each column means, the order of level words and of role levels.

Nothing here decides silently: the wizard shows every proposal for the user to accept or change, and
the command line reports a missing order with the proposal written out, ready to paste into MAP.toml.
"""

from __future__ import annotations

import re
from typing import Iterable, Optional

from career_explorer.data.importers.sheet_collect import header_key

# meaning -> header words that suggest it, most specific first (checked in MEANINGS order below)
_HEADER_HINTS: list[tuple[str, tuple[str, ...]]] = [
    ("role_level_description", ("role level description", "level title description", "grade description")),
    ("required_level_description", ("required level description", "level description", "proficiency description",
                                    "behaviour", "behavior", "indicator")),
    ("skill_description", ("skill description", "competency description", "capability description")),
    ("role_description", ("role description", "job description", "role summary")),
    ("role_level", ("role level title", "role level", "job title", "level title", "position", "grade title")),
    ("required_level", ("required level", "proficiency", "skill level", "expected level", "level required")),
    ("role_type", ("role type", "job type", "track", "type")),
    ("rank", ("rank", "grade", "band")),
    ("skill", ("skill", "competency", "capability")),
    ("family", ("family", "function", "department", "job family")),
    ("role", ("role", "job", "ladder", "career path")),
]

# Proficiency words, lowest first; used to propose the order of a scale's level words.
_SCALE_WORDS = ["none", "aware", "awareness", "basic", "beginner", "novice", "foundation", "foundational",
                "developing", "working", "intermediate", "competent", "proficient", "practitioner", "skilled",
                "advanced", "senior", "expert", "master", "mastery", "leading", "authority", "strategic"]

# Seniority words, lowest first; a title without one sits in the middle (rank of plain "engineer").
_SENIORITY = [("intern", 0), ("trainee", 1), ("apprentice", 1), ("graduate", 2), ("entry", 2), ("associate", 3),
              ("junior", 3), ("i", 4), ("ii", 5), ("", 5), ("intermediate", 5), ("iii", 6), ("senior", 7),
              ("iv", 8), ("staff", 8), ("lead", 9), ("principal", 10), ("manager", 10), ("distinguished", 11),
              ("head", 12), ("director", 13), ("vp", 14), ("chief", 15)]
_SENIORITY_RANK = dict(_SENIORITY)
_WORD = re.compile(r"[a-z]+")


def guess_columns(header: Iterable[str]) -> dict[str, str]:
    """meaning -> header for each meaning a header's words suggest (each header used once)."""
    names = [h for h in header if h and not h.startswith("_")]
    guesses: dict[str, str] = {}
    taken: set[str] = set()
    for meaning, hints in _HEADER_HINTS:
        for hint in hints:
            found = next((h for h in names if h not in taken and header_key(h) == hint), None)
            found = found or next((h for h in names if h not in taken and hint in header_key(h)), None)
            if found:
                guesses[meaning] = found
                taken.add(found)
                break
    return guesses


def propose_scale(words: Iterable[str]) -> list[str]:
    """The level words found, lowest first by known proficiency words; unknown words keep their first-met order."""
    found = list(dict.fromkeys(words))

    def key(word: str) -> tuple[int, int]:
        folded = word.casefold()
        for place, known in enumerate(_SCALE_WORDS):
            if folded == known or folded.startswith(known):
                return (place, 0)
        return (len(_SCALE_WORDS), found.index(word))

    return sorted(found, key=key)


def seniority(title: str) -> Optional[int]:
    """How senior a title's words make it (higher is more senior), or None when no word says."""
    ranks = [_SENIORITY_RANK[w] for w in _WORD.findall(title.lower()) if w in _SENIORITY_RANK]
    return max(ranks) if ranks else None


def propose_order(titles: Iterable[str]) -> tuple[list[str], dict[str, str]]:
    """Role levels lowest first by their seniority words, and branches: a title that names the same level as
    another plus a variant ("Lead engineer - management") is proposed beside it, not above or below."""
    titles = list(dict.fromkeys(titles))
    branches: dict[str, str] = {}
    for title in titles:
        base = re.split(r"\s+[-–(]\s*", title, maxsplit=1)[0].strip()
        if base != title and base in titles:
            branches[title] = base
    order = [t for t in titles if t not in branches]
    order.sort(key=lambda t: (seniority(t) if seniority(t) is not None else _SENIORITY_RANK[""], titles.index(t)))
    return order, branches
