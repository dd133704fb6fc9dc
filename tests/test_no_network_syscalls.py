"""No network, seen from the kernel: every view, the self-test and the CLI open no connection outward.

tests/test_no_network.py blocks Python's `socket`; Qt opens its sockets in C++ and would pass it
unseen. Here one workload (CLI commands, the self-test, every view and the About dialog) runs in a
fresh process under `strace -f`, which logs every connect/sendto/sendmsg/sendmmsg system call from any
thread or child, Python's or Qt's, and under `unshare -n`, a network namespace with no way out, so a
connection that did happen could not leave the machine and the workload must still pass without one.

The workload ends with a connect to 127.0.0.1 from a second thread: it must appear in the log (so the
trace is known to follow threads) and must not count (loopback is allowed).
"""

from __future__ import annotations

import ipaddress
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

# connect(), sendto(), sendmsg() and sendmmsg() carry the address; strace prints it decoded.
INET = re.compile(r'sa_family=AF_INET, sin_port=htons\((\d+)\), sin_addr=inet_addr\("([^"]+)"\)')
INET6 = re.compile(r'sa_family=AF_INET6, sin6_port=htons\((\d+)\),.*?inet_pton\(AF_INET6, "([^"]+)"')
# systemd-resolved's varlink socket: a name lookup without an AF_INET packet from this process.
RESOLVER = re.compile(r'sun_path="(/run/systemd/resolve/[^"]*)"')
DNS_PORT = 53

WORKLOAD = r"""
import json, os, socket, sys, threading
from pathlib import Path

catalogue, out = sys.argv[1], Path(sys.argv[2])
from career_explorer.launcher import main


def cli(*argv):
    code = main(["--catalogue", catalogue, *argv])
    assert code == 0, (argv, code)


cli("roles", "support")
cli("role", "fx/manager")
cli("path", "fx/rep", "fx/manager", "--chart", str(out / "route.png"))
cli("compare", "fx/rep", "fx/manager", "--chart", str(out / "compare.svg"))
cli("person", "add", "Nadia", "--role", "fx/rep")
cli("assess", "Nadia", "--set", "fx/products=3")
cli("person", "set-target", "Nadia", "fx/lead")
cli("plan", "Nadia", "--json")
cli("report", "Nadia", "-o", str(out / "plan.pdf"))
cli("person", "export", "Nadia", "-o", str(out / "nadia.json"))
cli("catalogue", "info", catalogue)
cli("catalogue", "export", catalogue, "-o", str(out / "catalogue.xlsx"))

from career_explorer.ui.app import run_gui

assert run_gui(catalogue=Path(catalogue), self_test=True) == 0

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from career_explorer.data.catalogue_repository import CatalogueRepository
from career_explorer.ui.main_window import VIEWS, MainWindow

app = QApplication.instance() or QApplication([])
window = MainWindow(CatalogueRepository(Path(catalogue)))
window.show()
for index in range(len(VIEWS)):
    window.show_view(index)
    QTest.qWait(300)  # views load off the GUI thread: let them finish
window.show_about().close()
window.close()
QTest.qWait(100)


def control():
    probe = socket.socket()
    probe.settimeout(1)
    probe.connect_ex(("127.0.0.1", 9))
    probe.close()
    print(json.dumps({"control_tid": threading.get_native_id()}))


thread = threading.Thread(target=control)
thread.start()
thread.join()
"""


def outward_connections(log: str) -> list[str]:
    """Lines of an strace log that reach beyond this machine, or ask a resolver for a name."""
    found = []
    for line in log.splitlines():
        addresses = [(int(p), a) for p, a in INET.findall(line)] + [(int(p), a) for p, a in INET6.findall(line)]
        for port, text in addresses:
            address = ipaddress.ip_address(text.split("%")[0])
            mapped = getattr(address, "ipv4_mapped", None)
            local = (mapped or address).is_loopback or (mapped or address).is_unspecified
            if not local or port == DNS_PORT:
                found.append(line.strip())
        if RESOLVER.search(line):
            found.append(line.strip())
    return found


def test_outward_connections_are_found_in_an_strace_log():
    """The parser on lines in strace 6's own format, so the workload test can fail when it should."""
    log = "\n".join([
        '101 connect(3, {sa_family=AF_UNIX, sun_path="/tmp/.X11-unix/X0"}, 20) = 0',
        '101 connect(4, {sa_family=AF_INET, sin_port=htons(9), sin_addr=inet_addr("127.0.0.1")}, 16) = -1',
        '102 connect(5, {sa_family=AF_INET, sin_port=htons(443), sin_addr=inet_addr("192.0.2.1")}, 16) '
        '= -1 ENETUNREACH (Network is unreachable)',
        '102 connect(6, {sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), '
        'inet_pton(AF_INET6, "2001:db8::1", &sin6_addr), sin6_scope_id=0}, 28 <unfinished ...>',
        '103 sendto(7, "x", 1, 0, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("127.0.0.53")}, 16) = 1',
        '103 connect(8, {sa_family=AF_INET6, sin6_port=htons(80), sin6_flowinfo=htonl(0), '
        'inet_pton(AF_INET6, "::ffff:127.0.0.1", &sin6_addr), sin6_scope_id=0}, 28) = 0',
        '104 connect(9, {sa_family=AF_UNIX, sun_path="/run/systemd/resolve/io.systemd.Resolve"}, 42) = 0',
    ])
    found = outward_connections(log)
    assert [line.split()[1].split(",")[0] for line in found] == ["connect(5", "connect(6", "sendto(7", "connect(9"]


def _can_run(argv: list[str]) -> tuple[bool, str]:
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return False, str(exc)
    return done.returncode == 0, done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ""


@pytest.fixture(scope="module")
def traced(tmp_path_factory, fixture_catalogue_path):
    """Run the workload once, under strace and unshare -n when each is there; say what was used."""
    work = tmp_path_factory.mktemp("no-network")
    log = work / "strace.log"
    prefix: list[str] = []
    unshared, why_not_unshare = _can_run(["unshare", "-n", "true"]) if shutil.which("unshare") else (
        False, "unshare is not installed")
    if unshared:
        prefix += ["unshare", "-n"]
    strace = shutil.which("strace")
    why_not_strace = "strace is not installed (scripts/ensure-system-packages installs it)"
    if strace:
        ok, why_not_strace = _can_run([strace, "-qq", "-e", "trace=none", "true"])
        if ok:
            prefix += [strace, "-f", "-qq", "-e", "signal=none", "-e", "trace=connect,sendto,sendmsg,sendmmsg",
                       "-o", str(log)]
        else:
            strace = None
            why_not_strace = f"strace cannot trace here (ptrace not permitted?): {why_not_strace}"
    (work / "out").mkdir()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CAREER_EXPLORER_HOME": str(work / "home"),
           "MPLBACKEND": "Agg"}
    done = subprocess.run([*prefix, sys.executable, "-c", WORKLOAD, str(fixture_catalogue_path), str(work / "out")],
                          capture_output=True, text=True, timeout=600, env=env,
                          cwd=Path(__file__).resolve().parents[1])
    return {"done": done, "log": log.read_text() if strace else None, "unshared": unshared,
            "why_not_unshare": why_not_unshare, "why_not_strace": why_not_strace, "out": work / "out"}


def test_the_workload_runs_with_no_network_at_all(traced):
    if not traced["unshared"]:
        pytest.skip(f"cannot make a network namespace here: {traced['why_not_unshare']}")
    done = traced["done"]
    assert done.returncode == 0, done.stderr[-3000:]
    assert {p.name for p in traced["out"].iterdir()} >= {"route.png", "compare.svg", "plan.pdf", "catalogue.xlsx"}


def test_no_system_call_connects_beyond_this_machine(traced):
    if traced["log"] is None:
        pytest.skip(traced["why_not_strace"])
    done = traced["done"]
    assert done.returncode == 0, done.stderr[-3000:]
    log = traced["log"]
    control = json.loads(done.stdout.strip().splitlines()[-1])["control_tid"]
    # The control connect from a second thread is in the log: the trace sees every thread.
    assert re.search(rf'^ *{control} +connect\(\d+, {{sa_family=AF_INET, sin_port=htons\(9\), '
                     r'sin_addr=inet_addr\("127\.0\.0\.1"\)', log, re.M), log[-3000:]
    assert outward_connections(log) == []
