"""A table of bad command lines, and the workspace they run in (tests/test_cli_bad_inputs.py runs them).

Every case must end with exit status 2, one line on stderr, no traceback and nothing written. The
table lives apart from the test so a one-off script can run the same cases as subprocesses and print
a before/after table.

Arguments may hold {placeholders} filled from `Workspace.values()`: files and folders that exist,
paths that cannot exist, and names that break the domain models' limits.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from tests.fixture_sources import write_sources

REPO_ROOT = Path(__file__).resolve().parents[1]
ALICE = "Alice"

_NO_DIR = "{tmp}/no-such-folder"


def _c(*argv: str) -> tuple[str, ...]:
    return argv


def _outputs(prefix: tuple[str, ...], suffix: str, *, flag: str = "-o") -> list[tuple[str, ...]]:
    """The output paths that must be refused, for a command writing a `suffix` file with `flag`."""
    return [
        (*prefix, flag, ""),                          # empty: would mean the current folder
        (*prefix, flag, "   "),                       # blank
        (*prefix, flag, "{dir}"),                     # an existing folder
        (*prefix, flag, "{tmp}/folder-" + suffix[1:] + suffix),  # a folder named like a file
        (*prefix, flag, "/proc/out" + suffix),        # a kernel file system: nothing can be written there
        (*prefix, flag, "{long}" + suffix),           # a name longer than the file system allows
        (*prefix, flag, "{deep}" + suffix),           # a path longer than PATH_MAX
        (*prefix, flag, _NO_DIR + "/out" + suffix),   # a parent folder that does not exist
        (*prefix, flag, "{text}/out" + suffix),       # a parent that is a file
    ]


def _inputs(prefix: tuple[str, ...], after: tuple[str, ...] = (), suffix: str = ".json") -> list[tuple[str, ...]]:
    """The input paths that must be refused with a message: empty, missing, too long, not a file."""
    return [
        (*prefix, "", *after),
        (*prefix, "{long}" + suffix, *after),
        (*prefix, "{deep}" + suffix, *after),
        (*prefix, _NO_DIR + "/in" + suffix, *after),
    ]


NAMES = [
    _c("person", "add", ""),
    _c("person", "add", "   "),
    _c("person", "add", "\t\n"),
    _c("person", "add", "{long_name}"),
    _c("person", "add", "Bob", "--role", ""),
    _c("person", "rename", ALICE, ""),
    _c("person", "rename", ALICE, "   "),
    _c("person", "rename", ALICE, "{long_name}"),
    _c("person", "rename", "", "Bob"),
    _c("person", "set-role", ALICE, ""),
    _c("person", "set-role", "", "fx/rep"),
    _c("person", "set-target", ALICE, ""),
    _c("person", "set-target", ALICE, "   "),
    _c("person", "archive", ""),
    _c("person", "delete", "  ", "--yes"),
    _c("person", "export", "", "-o", "{tmp}/out.json"),
    _c("plan", ""),
    _c("plan", ALICE, "--target", ""),
    _c("plan", ALICE, "--target", "   "),
    _c("report", ALICE, "--target", "", "-o", "{tmp}/plan.pdf"),
]

ASSESS = [
    _c("assess", ALICE, "--note", "{long_text}"),
    _c("assess", ALICE, "--note", "   "),  # nothing rated and an empty note: nothing to save
    _c("assess", ALICE, "--set", "fx/products=3", "--note", "{long_text}"),
    _c("assess", ALICE, "--set", "fx/products=3", "--evidence", "fx/products={long_text}"),
    _c("assess", ALICE, "--evidence", "fx/analytics=led the weekly review"),  # never rated, no --set
    _c("assess", ALICE, "--target", ""),
    _c("assess", ALICE, "--target", "  ", "--set", "fx/products=3"),
    _c("assess", "", "--set", "fx/products=3"),
    _c("assess", ALICE, "--set", "fx/products="),
    _c("assess", ALICE, "--set", "=3"),
    _c("assess", ALICE, "--set", "fx/products=nan"),
    _c("assess", ALICE, "--set", "fx/products=1e400"),
    _c("assess", ALICE, "--set", "fx/products=99"),
    _c("assess", ALICE, "--set", "no such skill=3"),
    _c("assess", ALICE, "--set", "fx/products=3", "--evidence", "no such skill=text"),
]

LOOKUPS = [
    _c("role", ""),
    _c("role", "   "),
    _c("path", "", "fx/manager"),
    _c("path", "fx/rep", "  "),
    _c("path", "fx/rep", "fx/manager", "--routes", "0"),
    _c("compare", "", "fx/rep"),
]

OUTPUTS = [
    *_outputs(("report", ALICE), ".pdf"),
    *_outputs(("person", "export", ALICE), ".json"),
    *_outputs(("catalogue", "export", "{cat}"), ".json"),
    _c("catalogue", "export", "{cat}", "-o", "{dir}", "--format", "csv"),  # CSV into a folder that holds things
    _c("catalogue", "export", "{cat}", "-o", "{cat}"),                     # no format from a .sqlite name
    _c("catalogue", "export", "{cat}", "-o", "{cat}", "--format", "json"),  # over the catalogue itself
    _c("catalogue", "export", "{cat}", "-o", "{tmp}/out.txt"),
    *_outputs(("catalogue", "import", "{fw}"), ".sqlite"),
    _c("catalogue", "import", "{fw}", "-o", "{fw}"),                       # over its own input
    *_outputs(("catalogue", "build", "{src}"), ".sqlite"),
    *_outputs(("catalogue", "import-onet", "{dir}"), ".sqlite"),
    *_outputs(("path", "fx/rep", "fx/manager"), ".png", flag="--chart"),
    *_outputs(("compare", "fx/rep", "fx/manager"), ".svg", flag="--chart"),
]

INPUTS = [
    *_inputs(("person", "import")),
    _c("person", "import", "{dir}"),
    _c("person", "import", "/proc"),
    *_inputs(("catalogue", "export"), ("-o", "{tmp}/cat.json"), ".sqlite"),
    _c("catalogue", "export", "{dir}", "-o", "{tmp}/cat.json"),
    _c("catalogue", "export", "{text}", "-o", "{tmp}/cat.json"),
    *_inputs(("catalogue", "import"), ("-o", "{tmp}/cat.sqlite")),
    *_inputs(("catalogue", "build"), ("-o", "{tmp}/cat.sqlite"), ""),
    _c("catalogue", "build", "{text}", "-o", "{tmp}/cat.sqlite"),
    _c("catalogue", "build", "{src}", "--onet", "", "-o", "{tmp}/cat.sqlite"),
    _c("catalogue", "build", "{src}", "--wages", "", "-o", "{tmp}/cat.sqlite"),
    _c("catalogue", "build", "{src}", "--wages", "{dir}", "-o", "{tmp}/cat.sqlite"),
    *_inputs(("catalogue", "import-onet"), ("-o", "{tmp}/cat.sqlite"), ".zip"),
    _c("catalogue", "import-onet", "{text}", "-o", "{tmp}/cat.sqlite"),
    _c("catalogue", "import-onet", "{dir}", "--wages", "{dir}", "-o", "{tmp}/cat.sqlite"),
    _c("catalogue", "import-onet", "{dir}", "--wages", "", "-o", "{tmp}/cat.sqlite"),
    *_inputs(("catalogue", "info",), (), ".sqlite"),
    _c("catalogue", "info", "{dir}"),
    _c("catalogue", "info", "{text}"),
    _c("catalogue", "info", "/proc/self/status"),
    _c("catalogue", "info", "/proc"),
    _c("catalogue", "info", "{fw}"),
    *[("--catalogue", path, "roles") for path in ("", "{long}.sqlite", "{deep}.sqlite", _NO_DIR + "/c.sqlite")],
    _c("--catalogue", "{dir}", "roles"),
    _c("--catalogue", "{text}", "role", "fx/rep"),
    _c("--catalogue", "/proc/self/status", "roles"),
    _c("--catalogue", "{fw}", "person", "list"),
]

CASES: list[tuple[str, ...]] = [*NAMES, *ASSESS, *LOOKUPS, *OUTPUTS, *INPUTS]


def case_id(argv: tuple[str, ...]) -> str:
    """A short readable id: long placeholders stay as their names."""
    return " ".join(repr(a) if a.strip() != a or not a else a for a in argv)[:90]


@dataclass
class Workspace:
    """A folder with a fixture catalogue, a framework, sources, a person with a rating, and traps."""

    root: Path
    home: Path

    @classmethod
    def create(cls, root: Path, catalogue: Path | None = None) -> "Workspace":
        """Set CAREER_EXPLORER_HOME to `root`/home yourself before running commands."""
        root.mkdir(parents=True, exist_ok=True)
        ws = cls(root=root, home=root / "home")
        src = write_sources(root / "sources")
        if catalogue is None:
            from career_explorer.data.compiler import build

            build(src, root / "fixture.sqlite")
        else:
            shutil.copyfile(catalogue, root / "fixture.sqlite")
        shutil.copyfile(REPO_ROOT / "career_explorer" / "help" / "templates" / "acme-framework.json",
                        root / "framework.json")
        (root / "folder").mkdir()
        (root / "folder" / "keep.txt").write_text("someone's file\n")
        for name in ("folder-json.json", "folder-sqlite.sqlite", "folder-pdf.pdf", "folder-png.png",
                     "folder-svg.svg"):
            (root / name).mkdir()
        (root / "notes.txt").write_text("not a catalogue, not a framework, not an export\n")
        (root / "cwd").mkdir()
        return ws

    def add_alice(self) -> None:
        """Alice, a Support Representative aiming at Team Lead, rated once (run with the home set)."""
        from career_explorer.data.user_store import UserStore, now
        from career_explorer.domain.user import Assessment, Rating, Target

        store = UserStore.open(self.home / "career-explorer.sqlite")
        person = store.add_person(ALICE, "fx/rep")
        store.set_target(person.id, Target(role_id="fx/lead", set_at=now()))
        store.add_assessment(person.id, Assessment(taken=now(), ratings=(Rating(competency="fx/products", level=2),)))
        store.close()

    def values(self) -> dict[str, str]:
        tmp = str(self.root)
        return {
            "tmp": tmp,
            "cat": f"{tmp}/fixture.sqlite",
            "fw": f"{tmp}/framework.json",
            "src": f"{tmp}/sources",
            "dir": f"{tmp}/folder",
            "text": f"{tmp}/notes.txt",
            "long": f"{tmp}/" + "a" * 300,
            "deep": tmp + "/d" * 2100,
            "long_name": "N" * 121,
            "long_text": "t" * 10_001,
        }

    def argv(self, case: tuple[str, ...]) -> list[str]:
        values = self.values()
        filled = [arg.format(**values) for arg in case]
        if filled and filled[0] == "--catalogue":
            return filled
        return ["--catalogue", values["cat"], *filled]

    def state(self) -> dict[str, object]:
        """Every file below the workspace (name, size, content hash) and the user store's rows."""
        files: dict[str, object] = {}
        for path in sorted(self.root.rglob("*")):
            if path.is_file() and self.home not in path.parents:
                files[str(path.relative_to(self.root))] = hashlib.sha256(path.read_bytes()).hexdigest()
            elif path.is_dir():
                files[str(path.relative_to(self.root))] = "folder"
        store = self.home / "career-explorer.sqlite"
        rows: list[str] = []
        if store.exists():
            conn = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
            try:
                rows = [line for line in conn.iterdump() if line.startswith("INSERT")]
            finally:
                conn.close()
        return {"files": files, "store": rows}
