"""The generated icons (tools/make_icons.py) are valid PNG, ICO and ICNS files with the expected sizes."""

from __future__ import annotations

import configparser
import importlib.util
import struct
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ASSETS = ROOT / "assets"
RUNTIME = ROOT / "career_explorer" / "assets"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_info(data: bytes) -> tuple[int, int, int, int]:
    """(width, height, bit depth, colour type) from a PNG's IHDR chunk; fails on anything else."""
    assert data[:8] == PNG_SIGNATURE, "not a PNG"
    length, kind = struct.unpack(">I4s", data[8:16])
    assert kind == b"IHDR" and length == 13
    width, height, depth, colour = struct.unpack(">IIBB", data[16:26])
    assert data[-12:] == b"\0\0\0\0IEND\xaeB`\x82", "PNG does not end with IEND"
    return width, height, depth, colour


def read_ico(data: bytes) -> list[tuple[int, bytes]]:
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1), "not an icon (ICO) file"
    images = []
    for index in range(count):
        w, h, colours, res, planes, bits, size, offset = struct.unpack("<BBBBHHII",
                                                                       data[6 + 16 * index: 22 + 16 * index])
        assert (colours, res, planes, bits) == (0, 0, 1, 32)
        assert offset + size <= len(data)
        width = w or 256
        assert (h or 256) == width
        images.append((width, data[offset:offset + size]))
    return images


def read_icns(data: bytes) -> list[tuple[str, bytes]]:
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data), "ICNS length field does not match the file"
    chunks, at = [], 8
    while at < len(data):
        kind, length = data[at:at + 4].decode("ascii"), struct.unpack(">I", data[at + 4:at + 8])[0]
        assert length > 8 and at + length <= len(data)
        chunks.append((kind, data[at + 8:at + length]))
        at += length
    return chunks


@pytest.mark.parametrize("size", [16, 24, 32, 48, 64, 128, 256, 512])
def test_linux_png_sizes(size: int):
    assert png_info((ASSETS / "png" / f"career-explorer-{size}.png").read_bytes()) == (size, size, 8, 6)  # 8-bit RGBA


def test_runtime_window_icons_are_package_data_copies_of_the_pngs():
    runtime = sorted(RUNTIME.glob("icon-*.png"), key=lambda p: int(p.stem.split("-")[1]))
    assert [int(p.stem.split("-")[1]) for p in runtime] == [16, 24, 32, 48, 64, 128, 256]
    for path in runtime:
        assert path.read_bytes() == (ASSETS / "png" / f"career-explorer-{path.stem.split('-')[1]}.png").read_bytes()
    package_data = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]
    assert "assets/*" in package_data["career_explorer"]


def test_ico_holds_png_images_16_to_256():
    images = read_ico((ASSETS / "career-explorer.ico").read_bytes())
    assert [size for size, _ in images] == [16, 24, 32, 48, 64, 128, 256]
    for size, png in images:
        assert png_info(png)[:2] == (size, size)


def test_icns_holds_png_chunks_16_to_1024():
    expected = {"icp4": 16, "icp5": 32, "icp6": 64, "ic07": 128, "ic08": 256, "ic09": 512, "ic10": 1024,
                "ic11": 32, "ic12": 64, "ic13": 256, "ic14": 512}
    chunks = read_icns((ASSETS / "career-explorer.icns").read_bytes())
    assert [kind for kind, _ in chunks] == list(expected)
    for kind, png in chunks:
        assert png_info(png)[:2] == (expected[kind], expected[kind]), kind


def test_svg_source_is_square_svg():
    root = ET.parse(ASSETS / "icon.svg").getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox") == "0 0 512 512"


def test_linux_desktop_entry():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(ASSETS / "career-explorer.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application"
    assert desktop["Name"] == "Career Explorer"
    assert desktop["Exec"] == "career-explorer"
    assert desktop["Icon"] == "career-explorer"
    assert desktop["Terminal"] == "false"
    assert desktop["Categories"].endswith(";")


def _make_icons():
    spec = importlib.util.spec_from_file_location("make_icons", ROOT / "tools" / "make_icons.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_container_writers_round_trip(qapp):
    make_icons = _make_icons()
    pngs = {size: make_icons.render_png(ASSETS / "icon.svg", size) for size in (16, 48, 256)}
    assert [(s, png_info(p)[:2]) for s, p in read_ico(make_icons.ico_bytes(pngs))] == [
        (16, (16, 16)), (48, (48, 48)), (256, (256, 256))
    ]
    icns = read_icns(make_icons.icns_bytes([("icp4", pngs[16]), ("ic08", pngs[256])]))
    assert [(k, png_info(p)[:2]) for k, p in icns] == [("icp4", (16, 16)), ("ic08", (256, 256))]


def test_rendered_icon_is_not_blank(qapp):
    from PySide6.QtGui import QImage

    image = QImage.fromData(_make_icons().render_png(ASSETS / "icon.svg", 64))
    assert image.width() == 64
    corner, centre = image.pixelColor(0, 0), image.pixelColor(32, 40)
    assert corner.alpha() == 0, "the rounded corner is transparent"
    assert centre.alpha() == 255
