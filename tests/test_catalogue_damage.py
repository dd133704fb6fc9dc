"""A compiled catalogue that is damaged after it was built: one clear line naming the file, never a traceback."""

from __future__ import annotations

import random
import shutil
import sqlite3
from pathlib import Path

import pytest

from career_explorer.data.catalogue_repository import CatalogueRepository
from career_explorer.data.errors import CatalogueCorrupt
from career_explorer.launcher import main


def damage_pages(source: Path, out: Path, start: float, stop: float, seed: int = 1) -> Path:
    """A copy of `source` whose pages from `start` to `stop` (fractions of the file) are random bytes.

    The first page (the header and the schema) stays intact, so the file opens and the damage only
    shows when a query reaches it, as with a bad disk sector or a partly overwritten download.
    """
    shutil.copyfile(source, out)
    data = bytearray(out.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    pages = len(data) // page
    rng = random.Random(seed)
    for number in range(max(1, int(pages * start)), max(2, int(pages * stop))):
        data[number * page:(number + 1) * page] = rng.randbytes(page)
    out.write_bytes(bytes(data))
    return out


@pytest.fixture
def damaged(tmp_path, fixture_catalogue_path) -> Path:
    return damage_pages(fixture_catalogue_path, tmp_path / "damaged.sqlite", 0.05, 0.95)


COMMANDS = [
    ("role", "fx/rep"),
    ("path", "fx/rep", "fx/manager"),
    ("roles",),
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_commands_on_damaged_pages_print_one_line(capsys, damaged, command):
    code = main(["--catalogue", str(damaged), *command])
    out, err = capsys.readouterr()
    assert code != 0
    assert "Traceback" not in err and err.count("\n") == 1
    assert str(damaged) in err and "damaged" in err


def test_info_and_export_of_damaged_pages_print_one_line(capsys, damaged, tmp_path):
    for argv in (["catalogue", "info", str(damaged)], ["catalogue", "info", str(damaged), "--json"],
                 ["catalogue", "export", str(damaged), "-o", str(tmp_path / "out.json")],
                 ["catalogue", "export", str(damaged), "--format", "csv", "-o", str(tmp_path / "out-csv")]):
        code = main(argv)
        out, err = capsys.readouterr()
        assert code != 0, argv
        assert "Traceback" not in err and err.count("\n") == 1 and str(damaged) in err, (argv, err)
    assert not (tmp_path / "out.json").exists() and not (tmp_path / "out-csv").exists()


@pytest.mark.parametrize("seed", range(6))
def test_every_query_raises_catalogue_corrupt_or_answers(tmp_path, fixture_catalogue_path, seed):
    """Damage in different places: each repository call answers or raises CatalogueCorrupt."""
    rng = random.Random(seed)
    start = rng.uniform(0.05, 0.8)
    path = damage_pages(fixture_catalogue_path, tmp_path / f"d{seed}.sqlite", start, start + 0.15, seed)
    try:
        repo = CatalogueRepository(path)
    except CatalogueCorrupt as exc:
        assert str(path) in str(exc)
        return
    calls = [lambda: repo.info, repo.counts, lambda: repo.sources, lambda: repo.scales, lambda: repo.competencies,
             lambda: repo.job_levels, lambda: repo.job_families, repo.role_summaries, repo.transitions,
             repo.transition_edges, lambda: repo.roles(repo.role_ids()), repo.source_counts,
             lambda: repo.search_ids("support"), lambda: repo.title_matches("sup"), lambda: repo.release_dates]
    for call in calls:
        try:
            call()
        except CatalogueCorrupt as exc:
            assert str(path) in str(exc) and "\n" not in str(exc)
    repo.close()


def test_meta_without_a_name(tmp_path, fixture_catalogue_path, capsys):
    path = tmp_path / "nameless.sqlite"
    shutil.copyfile(fixture_catalogue_path, path)
    with sqlite3.connect(path) as conn:
        conn.execute("DELETE FROM meta WHERE key = 'name'")
    conn.close()
    with pytest.raises(CatalogueCorrupt, match="meta table has no name"):
        CatalogueRepository(path)
    for argv in (["--catalogue", str(path), "role", "fx/rep"], ["catalogue", "info", str(path)],
                 ["catalogue", "export", str(path), "-o", str(tmp_path / "out.json")],
                 ["--catalogue", str(path), "path", "fx/rep", "fx/manager"]):
        code = main(argv)
        err = capsys.readouterr().err
        assert code != 0 and "Traceback" not in err and "meta table has no name" in err and str(path) in err, argv


def test_a_row_that_breaks_the_models(tmp_path, fixture_catalogue_path, capsys):
    path = tmp_path / "badrow.sqlite"
    shutil.copyfile(fixture_catalogue_path, path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE scales SET min = 9, max = 1")
    conn.close()
    code = main(["catalogue", "export", str(path), "-o", str(tmp_path / "out.json")])
    err = capsys.readouterr().err
    assert code != 0 and "Traceback" not in err and str(path) in err and "does not fit" in err
