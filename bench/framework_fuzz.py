"""Feed the hostile framework corpus (tests/framework_fuzz.py) to `catalogue import`, one child each.

Prints a table: cases, tracebacks, exit codes, cases that broke their expectation, peak resident
memory and time, overall and for each large case. With --before PATH it runs the same corpus against
another checkout first (say the main branch) and prints both, so the table reads before -> after.

Each case runs in a child forked from a server that has already imported the app (so a case costs
its own work, not Python's start-up), with an address-space limit and a wall-clock alarm so a
blow-up cannot take the machine: a child over the limit ends in MemoryError (counted as a
traceback), one over time is killed and counted as such.

    .venv/bin/python bench/framework_fuzz.py                 # the small set, this checkout
    .venv/bin/python bench/framework_fuzz.py --full --before ../main
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

# The server: runs in a child Python whose sys.path starts with the checkout under test.
SERVER = r"""
import json, os, resource, signal, sys, time, traceback
from career_explorer.launcher import main
from career_explorer.cli import build_parser  # import the CLI once, before forking
import career_explorer.data.importers.framework, career_explorer.data.compiler
limit, timeout = int(sys.argv[1]), int(sys.argv[2])
for line in sys.stdin:
    case, out, err = json.loads(line)
    start = time.monotonic()
    pid = os.fork()
    if pid == 0:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        signal.alarm(timeout)
        fd = os.open(err, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.dup2(fd, 2)
        sys.stderr = os.fdopen(2, "w", buffering=1)
        try:
            code = main(["catalogue", "import", case, "-o", out])
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        except BaseException:
            traceback.print_exc()
            code = 70
        sys.stderr.flush()
        os._exit(code)
    _, status, usage = os.wait4(pid, 0)
    elapsed = time.monotonic() - start
    code = os.waitstatus_to_exitcode(status)
    print(json.dumps({"code": code, "rss_mb": usage.ru_maxrss / 1024, "seconds": elapsed}), flush=True)
"""


def run_corpus(code_root: Path, cases: list, work: Path, limit_mb: int, timeout: int) -> list[dict]:
    env = {**os.environ, "PYTHONPATH": str(code_root), "QT_QPA_PLATFORM": "offscreen"}
    server = subprocess.Popen([sys.executable, "-c", SERVER, str(limit_mb << 20), str(timeout)], cwd=code_root,
                              env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    results = []
    try:
        for number, case in enumerate(cases):
            out, err = work / f"out-{number}.sqlite", work / f"err-{number}.txt"
            server.stdin.write(json.dumps([str(case.path), str(out), str(err)]) + "\n")
            server.stdin.flush()
            result = json.loads(server.stdout.readline())
            stderr = err.read_text(encoding="utf-8", errors="replace") if err.exists() else ""
            result.update(
                case=case.name, expect=case.expect, large=case.large,
                traceback="Traceback (most recent call last)" in stderr,
                written=out.exists(), last=(stderr.strip().splitlines() or [""])[-1][:160],
            )
            result["broken"] = _broken(result)
            results.append(result)
            out.unlink(missing_ok=True)
            err.unlink(missing_ok=True)
            if case.large:
                print(f"  {case.name}: exit {result['code']}, {result['rss_mb']:.0f} MB, {result['seconds']:.1f} s",
                      file=sys.stderr)
    finally:
        server.stdin.close()
        server.wait()
    return results


def _broken(result: dict) -> bool:
    """A case that did what it must not: crash, hang, write after failing, or miss its expectation."""
    if result["traceback"] or result["code"] < 0 or result["code"] not in (0, 2):
        return True
    if result["code"] != 0 and result["written"]:
        return True
    return (result["expect"] == "ok" and result["code"] != 0) or (result["expect"] == "error" and result["code"] != 2)


def summary(results: list[dict]) -> dict:
    codes = Counter("killed" if r["code"] < 0 else str(r["code"]) for r in results)
    return {
        "cases": len(results), "tracebacks": sum(r["traceback"] for r in results),
        "codes": ", ".join(f"{k}: {v}" for k, v in sorted(codes.items())),
        "broken": sum(r["broken"] for r in results),
        "peak": max((r["rss_mb"] for r in results), default=0), "seconds": sum(r["seconds"] for r in results),
    }


def print_tables(runs: dict[str, list[dict]]) -> None:
    print(f"{'run':<8} {'cases':>6} {'tracebacks':>10} {'broken':>7} {'peak RSS':>9} {'time':>8}  exit codes")
    for label, results in runs.items():
        s = summary(results)
        print(f"{label:<8} {s['cases']:>6} {s['tracebacks']:>10} {s['broken']:>7} {s['peak']:>6.0f} MB "
              f"{s['seconds']:>7.1f}s  {s['codes']}")
    large = [r["case"] for r in next(iter(runs.values())) if r["large"]]
    if large:
        print()
        print(f"{'large case':<50} " + "  ".join(f"{label + ': exit, RSS, time':<28}" for label in runs))
        for name in large:
            cells = []
            for results in runs.values():
                r = next(x for x in results if x["case"] == name)
                code = "killed" if r["code"] < 0 else str(r["code"]) + ("+tb" if r["traceback"] else "")
                cells.append(f"{code:>7} {r['rss_mb']:>6.0f} MB {r['seconds']:>7.1f} s  ")
            print(f"{name:<50} " + "  ".join(f"{c:<28}" for c in cells))
    for label, results in runs.items():
        bad = [r for r in results if r["broken"]]
        if bad:
            print(f"\n{label}: {len(bad)} broken case(s), first 15:")
            for r in bad[:15]:
                print(f"  {r['case']} (expect {r['expect']}): exit {r['code']}: {r['last']}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="add the huge archives and 100,000-role frameworks")
    parser.add_argument("--large-only", action="store_true", help="with --full: run only the large cases")
    parser.add_argument("--before", type=Path, metavar="CHECKOUT", help="run the corpus against this checkout too")
    parser.add_argument("--limit-mb", type=int, default=3072, help="address-space limit per case (default 3072)")
    parser.add_argument("--timeout", type=int, default=180, help="seconds before a case is killed (default 180)")
    parser.add_argument("--only", metavar="TEXT", help="run only the cases whose name holds TEXT")
    parser.add_argument("--skip-after", action="store_true", help="with --before: run only that checkout")
    parser.add_argument("--json", type=Path, help="also write every result here")
    args = parser.parse_args()
    sys.path.insert(0, str(REPO))
    from tests.framework_fuzz import cases as make_cases

    work = Path(tempfile.mkdtemp(prefix="framework-fuzz-"))
    try:
        started = time.monotonic()
        corpus = make_cases(work / "corpus", full=args.full or args.large_only)
        if args.large_only:
            corpus = [c for c in corpus if c.large]
        if args.only:
            corpus = [c for c in corpus if args.only in c.name]
        print(f"wrote {len(corpus)} cases in {time.monotonic() - started:.0f} s", file=sys.stderr)
        runs: dict[str, list[dict]] = {}
        if args.before:
            print(f"running against {args.before}", file=sys.stderr)
            runs["before"] = run_corpus(args.before.resolve(), corpus, work, args.limit_mb, args.timeout)
        print(f"running against {REPO}", file=sys.stderr)
        if not args.skip_after:
            runs["after"] = run_corpus(REPO, corpus, work, args.limit_mb, args.timeout)
        print_tables(runs)
        if args.json:
            args.json.write_text(json.dumps(runs, indent=1), encoding="utf-8")
        return 1 if summary(runs[list(runs)[-1]])["broken"] else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
