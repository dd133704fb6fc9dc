"""Generate career_explorer/data/catalogue/onet_support.json, the bundled O*NET starter subset.

It holds four occupations (customer service representative, first-line supervisor of office support
workers, administrative services manager, computer user support specialist) with their 35 O*NET
skill ratings (level and importance; knowledge is left out to keep the file small), the 35 skill
competencies with O*NET's level anchors as behaviours, alternate titles, job zones, the related-
occupation links among the four, and their OEWS May 2024 national wage bands.

Usage (defaults read ../shared/data next to the repository):

    .venv/bin/python tools/generate_starter_onet.py [--onet DIR_OR_ZIP] [--oews XLSX] [--out JSON]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from career_explorer.data.importers import build_onet_parts, write_source_file  # noqa: E402
from career_explorer.data.importers.errors import ImporterError  # noqa: E402

STARTER_CODES = ("43-4051.00", "43-1011.00", "11-3012.00", "15-1232.00")
DATA = REPO.parent / "shared" / "data"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--onet", type=Path, default=DATA / "onet-29.0", help="O*NET 29.0 text release folder or zip")
    parser.add_argument(
        "--oews", type=Path, default=DATA / "bls-oews-2024" / "national_M2024_dl.xlsx", help="OEWS national xlsx"
    )
    parser.add_argument(
        "--out", type=Path, default=REPO / "career_explorer" / "data" / "catalogue" / "onet_support.json"
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        parts = build_onet_parts(args.onet, args.oews, STARTER_CODES, include_knowledge=False)
    except ImporterError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    write_source_file(parts, args.out)
    counts = ", ".join(f"{len(v)} {k}" for k, v in parts.items())
    print(f"wrote {args.out} ({counts}) in {time.perf_counter() - started:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
