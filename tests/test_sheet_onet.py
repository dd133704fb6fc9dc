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
    assert national and national[0].p50
    assert "US national pay for the O*NET occupation Software Developers" in national[0].note
    assert repo.role("onet/15-1252.00").title == "Software Developers"
    assert repo.related_role_ids("software-engineer/engineer") == []
    repo.close()


def test_a_route_between_mapped_roles_shows_the_onet_lens_and_national_pay(tmp_path, capsys):
    import json

    mapping = tmp_path / "map.toml"
    mapping.write_text((FLAT / "acme-flat.map.toml").read_text() + (
        '\n[onet]\n"Senior support advisor" = { code = "15-1232.00", status = "confirmed" }\n'
        '"Support team lead" = { code = "43-1011.00", status = "confirmed" }\n'))
    out = tmp_path / "acme.sqlite"
    assert main(["catalogue", "import-sheet", str(FLAT / "acme-flat.csv"), "--map", str(mapping), "-o", str(out)]) == 0
    capsys.readouterr()
    assert main(["--catalogue", str(out), "path", "Senior support advisor", "Support team lead", "--json"]) == 0
    step = json.loads(capsys.readouterr().out)["routes"][0]["steps"][0]
    assert [(lens["source"], lens["from"]["id"], lens["to"]["id"]) for lens in step["lenses"]] == [
        ("onet-29", "onet/15-1232.00", "onet/43-1011.00")]
    assert any(c["name"] == "Management of Personnel Resources" for c in step["lenses"][0]["focus"]["key"])
    assert {p["source"] for p in step["pay"]} >= {"bls-oews-2024"}
