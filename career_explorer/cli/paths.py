"""File arguments: one check each for what is read and what is written, before any work starts.

The argparse types here run while the command line is parsed, so a bad path ends in one line and
exit status 2 before a catalogue is opened or an O*NET release is read, and nothing is written.
Writers put a temporary file beside the output and rename it into place, so the checks are about the
output's folder: it must exist, be a folder, and not be a kernel file system.

Only the standard library is imported: building the parser imports this module for every command.
"""

from __future__ import annotations

import argparse
import errno
import os
from pathlib import Path
from typing import Callable, Iterable

# Writers add a prefix and a random suffix to the output's name for their temporary file
# (".NAME.k3j2h1g0.tmp", 14 bytes): a name that fits the file system but not with those fails late.
TEMP_NAME_ROOM = 16
# Kernel file systems: nothing written there is a file, and reading one as a catalogue makes no sense.
SYSTEM_FOLDERS = (Path("/proc"), Path("/sys"), Path("/dev"))


class PathProblem(argparse.ArgumentTypeError):
    """A path that cannot be used; the message is one line that names it."""


def _shown(path: object) -> str:
    text = str(path)
    return text if len(text) <= 80 else f"{text[:40]}…{text[-30:]}"


def _limit(folder: Path, name: str, fallback: int) -> int:
    """The file system's limit `name` (PC_NAME_MAX, PC_PATH_MAX) at the nearest folder that exists."""
    for candidate in (folder, *folder.parents):
        try:
            return os.pathconf(candidate, name)
        except (OSError, ValueError):
            continue
    return fallback


def _absolute(text: str) -> Path:
    if not text.strip():
        raise PathProblem("give a path (an empty one would mean the current folder)")
    if "\0" in text:
        raise PathProblem(f"{text!r}: a path cannot hold a NUL character")
    path = Path(os.path.abspath(text))
    path_max = _limit(path.parent, "PC_PATH_MAX", 4096)
    if len(os.fsencode(str(path))) >= path_max:
        raise PathProblem(f"{_shown(text)}: the path is too long ({len(os.fsencode(str(path))):,} bytes; "
                          f"at most {path_max - 1:,})")
    name_max = _limit(path.parent, "PC_NAME_MAX", 255)
    for part in path.parts[:-1]:
        if len(os.fsencode(part)) > name_max:
            raise PathProblem(f"{_shown(text)}: the folder name {_shown(part)!r} is too long "
                              f"({len(os.fsencode(part))} bytes; at most {name_max})")
    if len(os.fsencode(path.name)) > name_max:
        raise PathProblem(f"{_shown(text)}: the file name is too long ({len(os.fsencode(path.name))} bytes; "
                          f"at most {name_max})")
    return path


def _system_folder(path: Path) -> Path | None:
    resolved = Path(os.path.realpath(path))
    for folder in SYSTEM_FOLDERS:
        if resolved == folder or folder in resolved.parents:
            return folder
    return None


def _stat_problem(text: str, exc: OSError) -> PathProblem:
    if exc.errno == errno.ENOTDIR:
        return PathProblem(f"{_shown(text)}: part of the path is a file, not a folder")
    return PathProblem(f"{_shown(text)}: {exc.strerror or exc}")


def _writable_folder(text: str, folder: Path) -> None:
    if not folder.exists():
        raise PathProblem(f"{_shown(text)}: the folder {_shown(folder)} does not exist")
    if not folder.is_dir():
        raise PathProblem(f"{_shown(text)}: {_shown(folder)} is a file, not a folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise PathProblem(f"{_shown(text)}: no permission to write in {_shown(folder)}")


def _output(text: str, *, folder_ok: bool) -> Path:
    if not text.strip():
        raise PathProblem("give a file name (an empty one would mean the current folder)")
    try:
        return _checked_output(text, folder_ok)
    except PathProblem as exc:
        raise PathProblem(f"cannot write {exc}") from None


def _checked_output(text: str, folder_ok: bool) -> Path:
    path = _absolute(text)
    system = _system_folder(path)
    if system is not None:
        raise PathProblem(f"{_shown(text)}: {system} is a system folder")
    name_max = _limit(path.parent, "PC_NAME_MAX", 255)
    if len(os.fsencode(path.name)) > name_max - TEMP_NAME_ROOM:
        raise PathProblem(f"{_shown(text)}: the file name is too long ({len(os.fsencode(path.name))} bytes; "
                          f"at most {name_max - TEMP_NAME_ROOM})")
    if path.is_dir() and not folder_ok:
        raise PathProblem(f"{_shown(text)}: is a folder; give a file name")
    if path.exists() and not path.is_dir() and not path.is_file():
        raise PathProblem(f"{_shown(text)}: is not a regular file")
    _writable_folder(text, path.parent)
    return Path(text)  # as typed: messages name the path the way the user wrote it


def output_file(text: str) -> Path:
    """argparse type: a file to write (new, or an existing file to replace)."""
    return _output(text, folder_ok=False)


def output_location(text: str) -> Path:
    """argparse type: a file or a folder to write; the command decides which once it knows the format."""
    return _output(text, folder_ok=True)


def check_output_folder(path: Path, allowed: Iterable[str]) -> None:
    """A folder to write files named `allowed` into: new, empty, or holding only such files (a re-export).

    Writing into a folder that holds anything else would mix the output with someone's files.
    """
    if not path.exists():
        return
    if not path.is_dir():
        raise PathProblem(f"{_shown(path)}: is a file; give a folder, or a name ending in .zip")
    allowed = set(allowed)
    others = sorted(p.name for p in path.iterdir() if p.name not in allowed)
    if others:
        listed = ", ".join(others[:3]) + (f" and {len(others) - 3} more" if len(others) > 3 else "")
        raise PathProblem(f"{_shown(path)}: the folder already holds other files ({listed}); "
                          "give a new or empty folder")


def input_path(kinds: str, what: str) -> Callable[[str], Path]:
    """An argparse type for something to read: `kinds` is "file", "folder" or "file or folder".

    `what` names it in the messages ("catalogue file", "O*NET release (the zip or its folder)").
    """

    def check(text: str) -> Path:
        path = _absolute(text)
        try:
            path.stat()
        except OSError as exc:
            if exc.errno == errno.ENOENT:
                raise PathProblem(f"{_shown(text)}: no such {what}") from None
            raise _stat_problem(text, exc) from None
        is_dir = path.is_dir()
        if is_dir and "folder" not in kinds:
            raise PathProblem(f"{_shown(text)}: is a folder; give a {what}")
        if not is_dir and "file" not in kinds:
            raise PathProblem(f"{_shown(text)}: is a file; give a {what}")
        if not is_dir and not path.is_file():
            raise PathProblem(f"{_shown(text)}: is not a regular file; give a {what}")
        if not os.access(path, os.R_OK | (os.X_OK if is_dir else 0)):
            raise PathProblem(f"{_shown(text)}: cannot read it (permission denied)")
        return Path(text)

    check.__name__ = what  # argparse names the type in some messages
    return check


catalogue_file = input_path("file", "catalogue file")


def same_file(a: Path, b: Path) -> bool:
    """True when writing `b` would replace `a` (the same path, or a link to it)."""
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False
