"""Company roles mapped to O*NET: proposals in MAP.toml, and a confirmed mapping's twin link and national pay."""

from __future__ import annotations

import shutil
from pathlib import Path

from career_explorer.data.catalogue_repository import CatalogueRepository
from career_explorer.data.importers.sheet_mapping import load_map
from career_explorer.launcher import main

FLAT = Path(__file__).parent / "fixtures" / "flat"


def test_proposals_are_written_to_the_map_and_only_confirmed_ones_link(tmp_path, capsys):
    mapping = tmp_path / "map.toml"
    shutil.copy(FLAT / "acme-flat.map.toml", mapping)
    sheet = FLAT / "acme-flat.csv"
    assert main(["catalogue", "import-sheet", str(sheet), "--map", str(mapping), "--propose-onet"]) == 0
    onet = load_map(mapping).onet
    assert (onet["Senior engineer"].code, onet["Senior engineer"].title) == ("15-1252.00", "Software Developers")
    assert onet["Support team lead"].code == "43-1011.00"  # through the curated Customer Support Manager's link
    assert {c.status for c in onet.values()} == {"proposed"}

    out = tmp_path / "proposed.sqlite"
    assert main(["catalogue", "import-sheet", str(sheet), "--map", str(mapping), "-o", str(out)]) == 0
    repo = CatalogueRepository(out)
    assert repo.counts().roles == 8 and repo.related_role_ids("software-engineer/senior-engineer") == []
    repo.close()

    text = mapping.read_text()
    mapping.write_text(text.replace('"Senior engineer" = { code = "15-1252.00", title = "Software Developers", '
                                    'status = "proposed" }',
                                    '"Senior engineer" = { code = "15-1252.00", status = "confirmed" }'))
    out = tmp_path / "confirmed.sqlite"
    assert main(["catalogue", "import-sheet", str(sheet), "--map", str(mapping), "-o", str(out)]) == 0
    repo = CatalogueRepository(out)
    senior = repo.role("software-engineer/senior-engineer")
    assert repo.related_role_ids(senior.id) == ["onet/15-1252.00"]
    national = [b for b in senior.salaries if b.source.startswith("bls-oews")]
    assert national and national[0].p50 and "US national pay for the O*NET occupation Software Developers" in national[0].note
    assert repo.role("onet/15-1252.00").title == "Software Developers"
    assert repo.related_role_ids("software-engineer/engineer") == []
    repo.close()
