"""Render assets/icon.svg into every icon the app and its installers need.

    .venv/bin/python tools/make_icons.py

Writes (commit the results):
- assets/png/career-explorer-<N>.png for N in 16..512: the Linux hicolor sizes;
- assets/career-explorer.ico: PNG-in-ICO, 16..256, for the Windows executable;
- assets/career-explorer.icns: PNG chunks icp4..ic14, 16..1024, for the macOS bundle;
- career_explorer/assets/icon-<N>.png for N in 16..256: the window icon, shipped as package data and
  found at run time through career_explorer.paths.resource("assets", ...), frozen or from source.

The SVG is rendered with QtSvg from PySide6-Essentials; the ICO and ICNS containers are written here
with struct, so Pillow is not needed. QtSvg is a build-time tool only: the app itself loads the PNGs.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "assets" / "icon.svg"
NAME = "career-explorer"

PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
RUNTIME_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS chunk type -> pixel size. All hold PNG data (macOS 10.7+).
ICNS_CHUNKS = (
    ("icp4", 16), ("icp5", 32), ("icp6", 64), ("ic07", 128), ("ic08", 256), ("ic09", 512), ("ic10", 1024),
    ("ic11", 32), ("ic12", 64), ("ic13", 256), ("ic14", 512),
)


def render_png(svg: Path, size: int) -> bytes:
    """The SVG rendered at size x size pixels, antialiased, on a transparent background, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: cannot read {svg}")
    image = QImage(size, size, QImage.Format_ARGB32_Premultiplied)
    image.fill(Qt.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.Antialiasing)
    painter.setRenderHint(QPainter.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.WriteOnly)
    if not image.convertToFormat(QImage.Format_ARGB32).save(buffer, "PNG"):
        raise SystemExit(f"make_icons: cannot encode a {size}px PNG")
    buffer.close()
    return bytes(data)


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICO container holding each PNG as it is (Vista+ reads PNG entries; 256 is written as 0)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, images = [], []
    for size in sizes:
        data = pngs[size]
        dim = 0 if size >= 256 else size
        entries.append(struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset))
        images.append(data)
        offset += len(data)
    return header + b"".join(entries) + b"".join(images)


def icns_bytes(chunks: list[tuple[str, bytes]]) -> bytes:
    """An ICNS container: 'icns', total length, then (type, length including the 8-byte header, PNG) chunks."""
    body = b"".join(kind.encode("ascii") + struct.pack(">I", len(data) + 8) + data for kind, data in chunks)
    return b"icns" + struct.pack(">I", len(body) + 8) + body


def write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    print(f"wrote {path.relative_to(ROOT)} ({len(data):,} bytes)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--svg", type=Path, default=SVG)
    args = parser.parse_args(argv)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - keeps Qt's font and paint set-up alive
    wanted = set(PNG_SIZES) | set(ICO_SIZES) | set(RUNTIME_SIZES) | {size for _, size in ICNS_CHUNKS}
    pngs = {size: render_png(args.svg, size) for size in sorted(wanted)}

    for size in PNG_SIZES:
        write(ROOT / "assets" / "png" / f"{NAME}-{size}.png", pngs[size])
    write(ROOT / "assets" / f"{NAME}.ico", ico_bytes({size: pngs[size] for size in ICO_SIZES}))
    write(ROOT / "assets" / f"{NAME}.icns", icns_bytes([(kind, pngs[size]) for kind, size in ICNS_CHUNKS]))
    for size in RUNTIME_SIZES:
        write(ROOT / "career_explorer" / "assets" / f"icon-{size}.png", pngs[size])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
