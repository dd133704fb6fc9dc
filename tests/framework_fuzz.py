"""A deterministic corpus of hostile company-framework files, for the importer's hardening.

`cases(folder, full=False)` writes each case under `folder` and returns them. Every case is either
expected to import (`ok`), to be refused with problems (`error`), or may go either way (`either`, for
random damage); what must never happen is a traceback, or memory beyond the limits. The small set
(a few hundred files, seconds to write) runs in CI (tests/test_framework_hostile.py); `full=True` adds
the huge archives and the 100,000-role framework that bench/framework_fuzz.py runs in child processes.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import random
import struct
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from career_explorer.data.importers.framework_layout import TABLES
from career_explorer.data.importers.framework_write import write_tables
from tools.make_framework_templates import EXAMPLE

SEED = 20251129
MiB = 1 << 20


@dataclass(frozen=True)
class Case:
    name: str
    path: Path
    expect: str  # ok | error | either
    large: bool = False


def example() -> dict:
    return copy.deepcopy(EXAMPLE)


def _csv_text(rows: list[list[object]]) -> str:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


def _template_csv(folder: Path) -> dict[str, list[list[str]]]:
    """The example's CSV tables as lists of rows (header first)."""
    write_tables(example(), folder, "csv")
    tables = {f.stem: list(csv.reader(f.read_text(encoding="utf-8").splitlines()))
              for f in sorted(folder.glob("*.csv"))}
    for f in folder.glob("*.csv"):
        f.unlink()
    folder.rmdir()
    return tables


def _write_folder(folder: Path, tables: dict[str, object]) -> Path:
    folder.mkdir(parents=True)
    for name, content in tables.items():
        data = content if isinstance(content, bytes) else (
            content.encode("utf-8") if isinstance(content, str) else _csv_text(content).encode("utf-8"))
        (folder / f"{name}.csv").write_bytes(data)
    return folder


def _write_zip(path: Path, members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def _zip_members(tables: dict[str, list[list[str]]]) -> dict[str, bytes]:
    return {f"{name}.csv": _csv_text(rows).encode("utf-8") for name, rows in tables.items()}


# -- small cases: one change to the template each --------------------------------------------


HOSTILE_VALUES = {
    "empty": "", "blank": "   ", "zero-width": "\u200b", "nul": "a\x00b", "huge-int": "9" * 5000,
    "huge-float": "1e309", "nan": "nan", "negative": "-5", "long-text": "x" * 200_000,
    "formula": "=cmd|' /C calc'!A0", "newline": "a\nb", "slash-id": "../../etc/passwd", "rtl": "\u202eevil",
}


def _column_mutations(tables: dict[str, list[list[str]]]) -> Iterator[tuple[str, dict, str]]:
    """(name, tables, expect) for header damage in each table."""
    for table, rows in tables.items():
        header, body = rows[0], rows[1:]
        required = TABLES[table][1]
        yield f"{table}-dup-column", {**tables, table: [header + [header[0]]] + [r + [r[0]] for r in body]}, "error"
        yield (f"{table}-dup-column-case",
               {**tables, table: [header + [header[0].upper()]] + [r + [r[0]] for r in body]},
               "error")
        yield f"{table}-unknown-column", {**tables, table: [header + ["bogus"]] + [r + ["x"] for r in body]}, "error"
        blank_expect = "error" if body else "ok"
        yield f"{table}-nameless-column", {**tables, table: [header + [""]] + [r + ["x"] for r in body]}, blank_expect
        yield f"{table}-trailing-empty-column", {**tables, table: [header + [""]] + [r + [""] for r in body]}, "ok"
        yield f"{table}-header-only", {**tables, table: [header]}, "either"
        yield f"{table}-extra-cells", {**tables, table: [header] + [r + ["", "x"] for r in body]}, (
            "error" if body else "ok")
        for index, column in enumerate(header):
            dropped = [[c for i, c in enumerate(r) if i != index] for r in rows]
            expect = "error" if column in required and (body or table in ("catalogue", "roles")) else "either"
            yield f"{table}-drop-{column}", {**tables, table: dropped}, expect


def _value_mutations(tables: dict[str, list[list[str]]]) -> Iterator[tuple[str, dict, str]]:
    for table, rows in tables.items():
        if len(rows) < 2:
            continue
        header = rows[0]
        for index, column in enumerate(header):
            for label, value in HOSTILE_VALUES.items():
                if label in ("long-text", "formula", "rtl", "newline") and column not in ("summary", "name", "title"):
                    continue
                changed = [list(r) for r in rows]
                changed[1][index] = value
                yield f"{table}-{column}-{label}", {**tables, table: changed}, "either"


def _json_cases(folder: Path) -> Iterator[Case]:
    def put(name: str, text: str | bytes, expect: str) -> Case:
        path = folder / f"{name}.json"
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
        return Case(f"json-{name}", path, expect)

    good = json.dumps(example())
    yield put("template", good, "ok")
    for depth in (1_000, 100_000, 1_000_000):
        yield put(f"deep-list-{depth}", '{"roles": ' + "[" * depth + "]" * depth + "}", "error")
        yield put(f"deep-object-{depth}", '{"roles": [' + '{"a":' * depth + "1" + "}" * depth + "]}", "error")
    # A JSON integer of 5,000 digits: Python refuses to convert it (over 4,300 digits) while parsing.
    yield put("huge-int-level", good.replace('"min": 1', '"min": ' + "9" * 5000), "error")
    yield put("huge-int-rank", good.replace('"code": "CS1"', '"code": "CS1", "rank": ' + "9" * 5000), "error")
    yield put("huge-float", good.replace('"min": 1', '"min": 1e400'), "error")
    yield put("nan-level", good.replace('"min": 1', '"min": NaN'), "error")
    yield put("scale-min-negative", good.replace('"min": 1', '"min": -5'), "error")
    yield put("top-list", "[" + good + "]", "error")
    yield put("top-string", '"hello"', "error")
    yield put("table-string", '{"catalogue": "x", "roles": 5}', "error")
    yield put("cell-object", good.replace('"title": "Support Associate"', '"title": {"a": 1}'), "error")
    yield put("dup-key", good.replace('"title": "Support Associate"', '"title": "Support Associate", "title": "B"'),
              "error")
    yield put("dup-key-case", good.replace('"title": "Support Associate"', '"title": "A", "Title": "B"'), "error")
    yield put("dup-table", good[:-1] + ', "Roles": []}', "error")
    yield put("blank-key", good.replace('"title": "Support Associate"', '"title": "A", "": "B"'), "error")
    yield put("catalogue-no-version", good.replace('"version": "2025.1", ', ""), "error")
    yield put("roles-no-title", json.dumps({**example(), "roles": [{"id": "a/b"}]}), "error")
    yield put("no-roles", json.dumps({**example(), "roles": []}), "error")
    yield put("utf16", good.encode("utf-16"), "error")
    yield put("bom", b"\xef\xbb\xbf" + good.encode("utf-8"), "ok")
    yield put("latin1", good.replace("Acme", "Caf\u00e9").encode("latin-1"), "error")
    yield put("truncated", good[: len(good) // 2], "error")
    yield put("empty", b"", "error")
    yield put("nul", good.encode("utf-8").replace(b'"roles"', b'"ro\x00les"'), "error")
    rng = random.Random(SEED)
    raw = bytearray(good.encode("utf-8"))
    for n in range(12):
        damaged = bytearray(raw)
        for _ in range(rng.randint(1, 8)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        yield put(f"bitflip-{n}", bytes(damaged), "either")


def _zip_cases(folder: Path, tables: dict[str, list[list[str]]]) -> Iterator[Case]:
    members = _zip_members(tables)

    def put(name: str, path: Path, expect: str) -> Case:
        return Case(f"zip-{name}", path, expect)

    yield put("template", _write_zip(folder / "template.zip", members), "ok")
    yield put("stored", _write_zip(folder / "stored.zip", members, zipfile.ZIP_STORED), "ok")
    yield put("nested-folder", _write_zip(folder / "nested.zip", {f"acme/{k}": v for k, v in members.items()}), "ok")
    yield put("underscore-junk", _write_zip(folder / "underscore.zip", {**members, "_notes.csv": b"\xff\xfe\x00junk"}),
              "ok")
    yield put("macosx", _write_zip(folder / "macosx.zip", {**members, "__MACOSX/._roles.csv": b"\x00\x05\x16\x07"}),
              "ok")
    yield put("no-csv", _write_zip(folder / "nocsv.zip", {"readme.txt": b"hi"}), "error")
    yield put("empty-zip", _write_zip(folder / "empty.zip", {}), "error")
    yield put("dup-member", _dup_member_zip(folder / "dup.zip", members), "error")
    yield put("encrypted", _flag_encrypted(_write_zip(folder / "encrypted.zip", members)), "error")
    yield put("corrupt-stream", _corrupt_stream(_write_zip(folder / "corrupt.zip", members), "roles.csv"), "error")
    yield put("bad-crc", _bad_crc(_write_zip(folder / "crc.zip", members, zipfile.ZIP_STORED), "roles.csv"), "error")
    yield put("lying-size", _lying_size(_write_zip(folder / "lying.zip", members), "roles.csv"), "error")
    yield put("unknown-method", _set_method(_write_zip(folder / "method.zip", members), 99), "error")
    for keep in (0.1, 0.5, 0.9, 0.99):
        data = (folder / "template.zip").read_bytes()
        path = folder / f"truncated-{keep}.zip"
        path.write_bytes(data[: int(len(data) * keep)])
        yield put(f"truncated-{keep}", path, "error")
    rng = random.Random(SEED + 1)
    raw = (folder / "template.zip").read_bytes()
    for n in range(16):
        damaged = bytearray(raw)
        for _ in range(rng.randint(1, 6)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        path = folder / f"bitflip-{n}.zip"
        path.write_bytes(bytes(damaged))
        yield put(f"bitflip-{n}", path, "either")
    yield put("ignored-big-member", _write_zip(folder / "ignored.zip", {**members, "photo.bin": b"\0" * (8 * MiB)}),
              "ok")


def _dup_member_zip(path: Path, members: dict[str, bytes]) -> Path:
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in members.items():
                archive.writestr(name, data)
            archive.writestr("roles.csv", members["roles.csv"])
    return path


def _patch_headers(path: Path, patch: Callable[[bytearray, int, bool], None]) -> Path:
    """Apply `patch(data, offset, central)` to every local (False) and central (True) header."""
    data = bytearray(path.read_bytes())
    for signature, central in ((b"PK\x03\x04", False), (b"PK\x01\x02", True)):
        start = 0
        while (offset := data.find(signature, start)) != -1:
            patch(data, offset, central)
            start = offset + 4
    path.write_bytes(bytes(data))
    return path


def _flag_encrypted(path: Path) -> Path:
    def patch(data: bytearray, offset: int, central: bool) -> None:
        at = offset + (8 if central else 6)
        struct.pack_into("<H", data, at, struct.unpack_from("<H", data, at)[0] | 0x1)
    return _patch_headers(path, patch)


def _set_method(path: Path, method: int) -> Path:
    def patch(data: bytearray, offset: int, central: bool) -> None:
        struct.pack_into("<H", data, offset + (10 if central else 8), method)
    return _patch_headers(path, patch)


def _member_data_offset(path: Path, member: str) -> tuple[int, int]:
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(member)
    data = path.read_bytes()
    name_len, extra_len = struct.unpack_from("<HH", data, info.header_offset + 26)
    return info.header_offset + 30 + name_len + extra_len, info.compress_size


def _corrupt_stream(path: Path, member: str) -> Path:
    start, size = _member_data_offset(path, member)
    data = bytearray(path.read_bytes())
    for i in range(start, start + min(size, 64)):
        data[i] = 0xFF  # an invalid deflate block type: zlib.error on the first read
    path.write_bytes(bytes(data))
    return path


def _bad_crc(path: Path, member: str) -> Path:
    start, size = _member_data_offset(path, member)
    data = bytearray(path.read_bytes())
    data[start + size // 2] ^= 0x20
    path.write_bytes(bytes(data))
    return path


def _lying_size(path: Path, member: str) -> Path:
    """The central directory says the member is 10 bytes long; the stream holds more."""
    with zipfile.ZipFile(path) as archive:
        offset = archive.getinfo(member).header_offset
    def patch(data: bytearray, at: int, central: bool) -> None:
        if central and struct.unpack_from("<I", data, at + 42)[0] == offset:
            struct.pack_into("<I", data, at + 24, 10)
        elif not central and at == offset:
            struct.pack_into("<I", data, at + 22, 10)
    return _patch_headers(path, patch)


def _xlsx_cases(folder: Path) -> Iterator[Case]:
    good = folder / "template.xlsx"
    write_tables(example(), good, "xlsx")
    yield Case("xlsx-template", good, "ok")
    data = example()
    data["scales"][0]["min"] = -5
    write_tables(data, folder / "scale-min.xlsx", "xlsx")
    yield Case("xlsx-scale-min-negative", folder / "scale-min.xlsx", "error")
    with zipfile.ZipFile(good) as archive:
        members = {i.filename: archive.read(i.filename) for i in archive.infolist()}
    yield Case("xlsx-encrypted", _flag_encrypted(_write_zip(folder / "encrypted.xlsx", members)), "error")
    sheet = next(n for n in members if n.startswith("xl/worksheets/"))
    yield Case("xlsx-corrupt-stream", _corrupt_stream(_write_zip(folder / "corrupt.xlsx", members), sheet), "error")
    yield Case("xlsx-no-workbook", _write_zip(folder / "noworkbook.xlsx", {"a.txt": b"x"}), "error")
    (folder / "random.xlsx").write_bytes(random.Random(SEED).randbytes(4096))
    yield Case("xlsx-random", folder / "random.xlsx", "error")
    big = dict(members)
    big[sheet] = members[sheet].replace(b"<sheetData>", b'<sheetData><row r="1048576"><c r="XFD1048576" t="inlineStr">'
                                        b"<is><t>x</t></is></c></row>", 1)
    yield Case("xlsx-far-cell", _write_zip(folder / "far.xlsx", big), "either")
    rng = random.Random(SEED + 2)
    raw = good.read_bytes()
    for n in range(10):
        damaged = bytearray(raw)
        for _ in range(rng.randint(1, 6)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        (folder / f"bitflip-{n}.xlsx").write_bytes(bytes(damaged))
        yield Case(f"xlsx-bitflip-{n}", folder / f"bitflip-{n}.xlsx", "either")


def _folder_cases(folder: Path, tables: dict[str, list[list[str]]]) -> Iterator[Case]:
    raw = {name: _csv_text(rows).encode("utf-8") for name, rows in tables.items()}

    def put(name: str, changes: dict[str, object], expect: str) -> Case:
        return Case(f"csv-{name}", _write_folder(folder / name, {**raw, **changes}), expect)

    yield put("template", {}, "ok")
    yield put("underscore-notes", {"_notes": b"\xff\xfe\x00 not text at all"}, "ok")
    yield put("utf16-roles", {"roles": _csv_text(tables["roles"]).encode("utf-16")}, "error")
    yield put("latin1-roles", {"roles": _csv_text(tables["roles"]).replace("Support", "Caf\u00e9").encode("latin-1")},
              "error")
    yield put("nul-roles", {"roles": raw["roles"].replace(b"Support", b"Sup\x00port")}, "error")
    yield put("zip-named-csv", {"roles": (folder.parent / "zips" / "template.zip").read_bytes()}, "error")
    yield put("empty-roles", {"roles": b""}, "error")
    yield put("unclosed-quote", {"roles": raw["roles"] + b'"acme/x,"unclosed\n'}, "error")
    yield put("long-line", {"roles": raw["roles"] + b"acme/long," + b"y" * (2 * MiB) + b"\n"}, "error")
    yield put("unknown-table", {"people": b"name\nAnn\n"}, "error")
    yield put("cr-only", {"roles": raw["roles"].replace(b"\n", b"\r")}, "either")
    chain = "code,next\n" + "".join(f"L{n},L{n + 1}\n" for n in range(3000)) + "L3000,\n"
    yield put("levels-3000-deep", {"levels": chain}, "error")  # ranks above 100, and deeper than recursion goes
    ring = "code,next\n" + "".join(f"L{n},L{(n + 1) % 3000}\n" for n in range(3000))
    yield put("levels-3000-ring", {"levels": ring}, "error")


def small_cases(folder: Path) -> list[Case]:
    folder.mkdir(parents=True, exist_ok=True)
    tables = _template_csv(folder / "_template")
    result: list[Case] = []
    zips = folder / "zips"
    zips.mkdir()
    result += list(_zip_cases(zips, tables))
    muts = folder / "mutations"
    muts.mkdir()
    for name, changed, expect in list(_column_mutations(tables)) + list(_value_mutations(tables)):
        path = _write_zip(muts / f"{name}.zip", _zip_members(changed))
        result.append(Case(f"mut-{name}", path, expect))
    result += list(_folder_cases(folder / "folders", tables))
    json_dir = folder / "json"
    json_dir.mkdir()
    result += list(_json_cases(json_dir))
    xlsx_dir = folder / "xlsx"
    xlsx_dir.mkdir()
    result += list(_xlsx_cases(xlsx_dir))
    return result


def cases(folder: Path, full: bool = False) -> list[Case]:
    result = small_cases(Path(folder) / "small")
    if full:
        from tests.framework_fuzz_large import large_cases

        result += large_cases(Path(folder) / "large")
    return result
