"""Render ``resources/icons/courtapp.svg`` to the PNG and ICO files the installers use.

Run after changing the SVG (``.venv/bin/python tools/make_icon.py``); the
outputs are committed, so building a package never needs this script.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(svg: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    svg.render(painter)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "PNG")
    return bytes(data.data())


def write_ico(images: list[QImage], path: Path) -> None:
    """A Windows .ico holding PNG-compressed images (valid since Windows Vista)."""
    blobs = [png_bytes(i) for i in images]
    header = (0).to_bytes(2, "little") + (1).to_bytes(2, "little") + len(blobs).to_bytes(2, "little")
    offset = 6 + 16 * len(blobs)
    entries = b""
    for image, blob in zip(images, blobs, strict=True):
        side = image.width() if image.width() < 256 else 0  # 0 means 256
        entries += bytes([side, side, 0, 0]) + (1).to_bytes(2, "little") + (32).to_bytes(2, "little")
        entries += len(blob).to_bytes(4, "little") + offset.to_bytes(4, "little")
        offset += len(blob)
    path.write_bytes(header + entries + b"".join(blobs))


def main() -> int:
    _app = QGuiApplication(sys.argv)
    svg = QSvgRenderer(str(ICONS / "courtapp.svg"))
    if not svg.isValid():
        print("courtapp.svg is not valid SVG", file=sys.stderr)
        return 1
    for size in (48, 256):
        render(svg, size).save(str(ICONS / f"courtapp-{size}.png"))
    write_ico([render(svg, s) for s in ICO_SIZES], ICONS / "courtapp.ico")
    print(f"wrote {', '.join(p.name for p in sorted(ICONS.iterdir()))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
