"""Import a generated 5,000-row flat framework sheet (CSV and XLSX) with its MAP.toml; target <= 10 s.

Each import runs in a fresh interpreter (import_sheet_mapped: read, check, convert, write SQLite), beside
baselines from the same run: a bare csv.reader scan of the same CSV, and a bare openpyxl read-only scan
of the same workbook, so the table's ratio says what checking and converting add to reading the file.
The sheet is made here from a fixed seed: 50 ladders of 10 role levels, 10 skills per level, multi-line
description cells, 1% exact duplicate rows. Prints a table; asserts nothing.
"""

from __future__ import annotations

import csv
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from career_explorer.data.importers.sheet_mapping import (  # noqa: E402
    CatalogueSection,
    LadderSection,
    ScaleSection,
    SheetMap,
    save_map,
)

LADDERS, LEVELS, SKILLS = 50, 10, 10
WORDS = ["Awareness", "Working", "Practitioner", "Expert"]
TARGET_S = 10.0
RUNS = 3
HEADER = ["Family", "Role", "Role description", "Role level title", "Role level description", "Skill",
          "Skill description", "Required level", "Level description", "Role type"]
MEASURE = r"""
import json, resource, sys, time
start = time.perf_counter()
{body}
usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({{"work": time.perf_counter() - start, "rss_mb": usage.ru_maxrss / 1024}}))
"""
IMPORT = """
from pathlib import Path
from career_explorer.services.sheet_import import import_sheet_file
result = import_sheet_file(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
assert len(result.catalogue.roles) == int(sys.argv[4])
"""
CSV_SCAN = """
import csv
with open(sys.argv[1], encoding="utf-8", newline="") as handle:
    rows = sum(1 for _ in csv.reader(handle))
"""
XLSX_SCAN = """
import openpyxl
book = openpyxl.load_workbook(sys.argv[1], read_only=True, data_only=True)
rows = sum(1 for _ in book.worksheets[0].iter_rows(values_only=True))
"""


def make_sheet(folder: Path) -> tuple[Path, Path, Path, int, int]:
    rng = random.Random(20261129)
    rows = []
    for ladder in range(LADDERS):
        role = f"Role {ladder:02d}"
        for level in range(LEVELS):
            title = f"{role} level {level + 1}"
            for skill in rng.sample(range(40), SKILLS):
                word = WORDS[min(3, max(0, level // 3 + rng.choice((-1, 0, 0, 1))))]
                rows.append([f"Family {ladder % 7}", role, f"About {role}:\n- builds things\n- runs things",
                             title, f"At {title}:\n- owns work of size {level}\n- helps others",
                             f"Skill {skill:02d}", f"Skill {skill:02d}:\n- part one\n- part two", word,
                             f"{word} in skill {skill:02d}", "Individual contributor"])
    for index in sorted(rng.sample(range(len(rows)), len(rows) // 100), reverse=True):
        rows.insert(index, list(rows[index]))
    rows = rows[:5000] if len(rows) > 5000 else rows
    sheet = folder / "big.csv"
    with sheet.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([HEADER] + rows)
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    ws = book.create_sheet("Framework")
    ws.append(HEADER)
    for row in rows:
        ws.append(row)
    book.save(folder / "big.xlsx")
    titles = {(r[1], r[3]) for r in rows}
    mapping = SheetMap(
        catalogue=CatalogueSection(name="Bench", version="1"),
        columns={"family": "Family", "role": "Role", "role_description": "Role description",
                 "role_level": "Role level title", "role_level_description": "Role level description",
                 "skill": "Skill", "skill_description": "Skill description", "required_level": "Required level",
                 "required_level_description": "Level description", "role_type": "Role type"},
        scale=ScaleSection(levels=tuple(WORDS)), tracks={"Individual contributor": "professional"},
        ladders={f"Role {n:02d}": LadderSection(order=tuple(f"Role {n:02d} level {k + 1}" for k in range(LEVELS)
                                                            if (f"Role {n:02d}", f"Role {n:02d} level {k + 1}")
                                                            in titles))
                 for n in range(LADDERS)},
    )
    save_map(mapping, folder / "big.map.toml")
    return sheet, folder / "big.xlsx", folder / "big.map.toml", len(titles), len(rows)


def measure(body: str, *args: object) -> dict:
    results = []
    for _ in range(RUNS):
        out = subprocess.run([sys.executable, "-c", MEASURE.format(body=body), *map(str, args)],
                             capture_output=True, text=True, check=True, cwd=REPO)
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
    return min(results, key=lambda r: r["work"])


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        sheet, book, mapping, roles, rows = make_sheet(folder)
        cases = [
            ("bare csv.reader scan (baseline)", measure(CSV_SCAN, sheet), None),
            ("import-sheet big.csv", measure(IMPORT, sheet, mapping, folder / "a.sqlite", roles), "csv"),
            ("bare openpyxl read-only scan (baseline)", measure(XLSX_SCAN, book), None),
            ("import-sheet big.xlsx", measure(IMPORT, book, mapping, folder / "b.sqlite", roles), "xlsx"),
        ]
    base = {"csv": cases[0][1]["work"], "xlsx": cases[2][1]["work"]}
    print(f"Flat sheet: {rows:,} rows, {roles} role levels, {LADDERS} ladders; best of {RUNS} fresh interpreters")
    print(f"{'case':<42} {'seconds':>8} {'peak MB':>8} {'x baseline':>11} {'target':>8}")
    for name, result, kind in cases:
        ratio = f"{result['work'] / base[kind]:.1f}" if kind else ""
        target = (f"<= {TARGET_S:g} s" + (" ok" if result["work"] <= TARGET_S else " MISSED")) if kind else ""
        print(f"{name:<42} {result['work']:>8.2f} {result['rss_mb']:>8.0f} {ratio:>11} {target:>8}")


if __name__ == "__main__":
    main()
