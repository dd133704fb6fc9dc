"""A generated catalogue for the role pickers: a few thousand roles, each with alternate titles.

Written with the real compiler from domain models, with a fixed seed. Beside the generated roles it holds
a few named ones whose ranking the tests check; no generated title or alternate title equals theirs.
"""

from __future__ import annotations

import random
from pathlib import Path

from career_explorer.data.compiler import write_catalogue
from career_explorer.domain.catalogue import Catalogue, CatalogueInfo, JobFamily, JobLevel, Role, Source
from career_explorer.domain.role_listing import Track

SEED = 20240611
COUNT = 3000
SERVICE_MANAGER = "gen/customer-service-manager"  # title "Customer Service Manager"
CALL_CENTRE = "gen/call-centre-supervisor"  # alternate title "Customer Service Manager"
HELP_DESK = "gen/help-desk-analyst"  # title "Help Desk Analyst"
IT_SUPPORT = "gen/it-support-technician"  # alternate title "Help Desk Analyst"
ZOOKEEPER = "gen/zookeeper"  # the only title starting "zoo"

SENIORITY = ("", "", "", "Junior", "Senior", "Lead", "Principal", "Associate", "Assistant")
AREAS = ("Customer", "Chat", "Billing", "Technical", "Sales", "Retail", "Field", "Claims", "Member", "Client",
         "Account", "Contact Centre", "Quality", "Service", "Product", "Onboarding", "Payments", "Logistics")
FUNCTIONS = ("Service", "Support", "Success", "Operations", "Relations", "Care", "Experience", "Retention")
JOBS = ("Representative", "Manager", "Specialist", "Analyst", "Supervisor", "Coordinator", "Agent", "Executive",
        "Consultant", "Team Leader", "Director", "Advisor")
NAMED = {
    SERVICE_MANAGER: ("Customer Service Manager", ("Client Care Manager",)),
    CALL_CENTRE: ("Call Centre Supervisor", ("Customer Service Manager", "Switchboard Lead")),
    HELP_DESK: ("Help Desk Analyst", ()),
    IT_SUPPORT: ("IT Support Technician", ("Help Desk Analyst", "Desktop Support Technician")),
    ZOOKEEPER: ("Zookeeper", ("Animal Keeper", "Aquarium Keeper", "Bird Keeper", "Primate Keeper", "Reptile Keeper")),
}


def picker_catalogue(count: int = COUNT, seed: int = SEED) -> Catalogue:
    rng = random.Random(seed)
    taken = {title.casefold() for title, alts in NAMED.values()} | {
        alt.casefold() for _title, alts in NAMED.values() for alt in alts}

    def title() -> str:
        while True:
            words = [rng.choice(SENIORITY), rng.choice(AREAS), rng.choice(FUNCTIONS), rng.choice(JOBS),
                     rng.choice(("", "", "I", "II", "III"))]
            text = " ".join(w for w in words if w)
            if text.casefold() not in taken:
                return text

    levels = [JobLevel(code=c, ladder="generated", rank=r, track=t) for c, r, t in (
        ("A01", 1, Track.SUPPORT), ("S01", 3, Track.LEAD), ("M02", 4, Track.MANAGEMENT))]
    roles = [Role(id=role_id, title=name, family="support", level="M02", source="generated", alt_titles=alts)
             for role_id, (name, alts) in NAMED.items()]
    for i in range(count):
        roles.append(Role(id=f"gen/{i:05d}", title=title(), family="support", level=rng.choice(levels).code,
                          source="generated", alt_titles=tuple({title() for _ in range(rng.randint(2, 6))})))
    return Catalogue(
        info=CatalogueInfo(name=f"Generated {count}", version="1"),
        sources=(Source(id="generated", name="Generated roles", licence="CC0"),),
        job_families=(JobFamily(id="support", name="Support"),), job_levels=tuple(levels), roles=tuple(roles),
    )


def build_picker_catalogue(folder: Path) -> Path:
    out = Path(folder) / "picker.sqlite"
    write_catalogue(picker_catalogue(), out)
    return out
