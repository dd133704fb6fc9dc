"""The large cases of the hostile framework corpus: zip bombs, millions of rows, 100,000-role frameworks.

Written as streams (a member at a time, a chunk at a time), so making them takes seconds and little
memory. bench/framework_fuzz.py --full runs them, each in a child with memory and time limits.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Iterator

from tests.framework_fuzz import Case, MiB


def _stream_member(archive: zipfile.ZipFile, name: str, chunks: Iterator[bytes]) -> None:
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    with archive.open(info, "w", force_zip64=True) as handle:
        for chunk in chunks:
            handle.write(chunk)


def _repeat(block: bytes, total: int) -> Iterator[bytes]:
    while total > 0:
        yield block[:total]
        total -= len(block)


def ladder_rows(roles: int, per_level: int, families: int = 1) -> dict[str, Iterator[bytes]]:
    """A valid framework: `roles` roles, `per_level` of them at each level, one ladder."""
    levels = (roles + per_level - 1) // per_level
    def level_rows() -> Iterator[bytes]:
        yield b"code,name,next\n"
        for n in range(levels):
            nxt = f"L{n + 1}" if n + 1 < levels else ""
            yield f"L{n},Level {n},{nxt}\n".encode()
    def role_rows() -> Iterator[bytes]:
        yield b"id,title,family,level\n"
        lines = []
        for n in range(roles):
            lines.append(f"co/r{n},Role {n},f{n % families},L{n // per_level}\n")
            if len(lines) == 5000:
                yield "".join(lines).encode()
                lines = []
        yield "".join(lines).encode()
    def requirement_rows() -> Iterator[bytes]:
        yield b"role,competency,level\n"
        for start in range(0, roles, 5000):
            yield "".join(f"co/r{n},co/c{n % 3},{1 + n % 5}\n" for n in range(start, min(roles, start + 5000))).encode()
    return {
        "catalogue.csv": iter([b"name,version\nBig Co,1\n"]),
        "families.csv": iter([b"id,name\n" + "".join(f"f{n},Family {n}\n" for n in range(families)).encode()]),
        "levels.csv": level_rows(),
        "competencies.csv": iter([b"id,name\nco/c0,A\nco/c1,B\nco/c2,C\n"]),
        "pay.csv": iter([b"level,p50\n" + "".join(f"L{n},{40000 + n * 100}\n" for n in range(levels)).encode()]),
        "roles.csv": role_rows(),
        "requirements.csv": requirement_rows(),
    }


def _write_streamed_zip(path: Path, members: dict[str, Iterator[bytes]]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, chunks in members.items():
            _stream_member(archive, name, chunks)
    return path


def _huge_xlsx(path: Path, rows: int) -> Path:
    """A minimal workbook whose roles sheet has `rows` rows, written as XML without openpyxl."""
    def sheet(body: Iterator[bytes]) -> Iterator[bytes]:
        yield (b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
               b'spreadsheetml/2006/main"><sheetData>')
        yield from body
        yield b"</sheetData></worksheet>"
    def row(n: int, *cells: str) -> bytes:
        return (f'<row r="{n}">' + "".join(f'<c t="inlineStr"><is><t>{c}</t></is></c>' for c in cells)
                + "</row>").encode()
    def roles() -> Iterator[bytes]:
        yield row(1, "id", "title")
        for start in range(2, rows + 2, 10000):
            yield b"".join(row(n, f"co/r{n}", f"Role {n}") for n in range(start, min(rows + 2, start + 10000)))
    ns = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel = b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    members: dict[str, Iterator[bytes]] = {
        "[Content_Types].xml": iter([
            b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            b'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            b'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName='
            b'"/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.'
            b'main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats'
            b'-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" '
            b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>']),
        "_rels/.rels": iter([
            b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            b'2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
            b'2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>']),
        "xl/workbook.xml": iter([
            b'<?xml version="1.0" encoding="UTF-8"?><workbook ' + ns + b" " + rel + b'><sheets><sheet name="catalogue"'
            b' sheetId="1" r:id="rId1"/><sheet name="roles" sheetId="2" r:id="rId2"/></sheets></workbook>']),
        "xl/_rels/workbook.xml.rels": iter([
            b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            b'2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
            b'2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://'
            b'schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"'
            b'/></Relationships>']),
        "xl/worksheets/sheet1.xml": sheet(iter([row(1, "name", "version"), row(2, "Big", "1")])),
        "xl/worksheets/sheet2.xml": sheet(roles()),
    }
    return _write_streamed_zip(path, members)


def large_cases(folder: Path) -> list[Case]:
    folder.mkdir(parents=True, exist_ok=True)
    result = []
    base = {k: iter([v]) for k, v in ((n, b"".join(c)) for n, c in ladder_rows(20, 5).items()) if k != "roles.csv"}
    bomb = dict(base)
    bomb["roles.csv"] = iter([b"id,title\n", *_repeat(b"co/r,Role\n" * 100_000, 1 << 30)])
    result.append(Case("big-1GiB-roles-csv", _write_streamed_zip(folder / "bomb.zip", bomb), "error", True))
    ignored = {k: iter([b"".join(v)]) for k, v in ladder_rows(20, 5).items()}
    for n in range(8):  # documented as ignored: notes beside the data, never to be read
        ignored[f"_notes{n}.csv"] = _repeat(b"\0" * MiB, 512 * MiB)
    result.append(Case("big-8x512MiB-ignored", _write_streamed_zip(folder / "ignored.zip", ignored), "ok", True))
    many = dict(base)
    many["roles.csv"] = iter([b"id,title\n", *(
        "".join(f"co/r{n},Role {n}\n" for n in range(s, s + 10000)).encode() for s in range(0, 3_000_000, 10000))])
    result.append(Case("big-3M-row-csv", _write_streamed_zip(folder / "many.zip", many), "error", True))
    result.append(Case("big-2M-row-xlsx", _huge_xlsx(folder / "many.xlsx", 2_000_000), "error", True))
    # 250 and 1,000 roles at each level of one family; then 1,000 families of one role per level.
    for roles, per_level, families in ((25_000, 250, 1), (100_000, 1000, 1), (100_000, 1000, 1000)):
        path = folder / f"valid-{roles}-{per_level}-{families}.zip"
        name = f"valid-{roles}-roles-{per_level}-per-level-{families}-families"
        result.append(Case(name, _write_streamed_zip(path, ladder_rows(roles, per_level, families)), "ok", True))
    return result
