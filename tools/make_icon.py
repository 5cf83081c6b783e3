"""Draw the app icon with Qt: a white ticket with a teal cross on a teal rounded square.

Writes ``resources/app.png`` (256 px, for the window) and ``resources/app.ico`` (16-256 px, for
the Windows exe; PyInstaller embeds it). Every size is drawn from vectors at that size, so the
small ones stay crisp. The ICO holds classic 32-bit DIB entries below 256 px and a PNG entry at
256 px, the layout every Windows version and resource compiler understands; Qt cannot write a
multi-size ICO itself.

    uv run python tools/make_icon.py [--out DIR]
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath

REPO = Path(__file__).resolve().parent.parent
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
TEAL = QColor("#0f7c80")
TEAL_DARK = QColor("#0a5c60")
WHITE = QColor("#ffffff")


def draw_icon(size: int) -> QImage:
    """The icon at ``size`` x ``size`` pixels, transparent outside the rounded square."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = float(size)

    # Background: a teal rounded square filling the whole canvas (a hair inset for AA).
    inset = max(0.5, s * 0.02)
    square = QRectF(inset, inset, s - 2 * inset, s - 2 * inset)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(TEAL)
    painter.drawRoundedRect(square, s * 0.2, s * 0.2)

    # A white ticket: a rounded rectangle with a half-circle notch on each side.
    ticket = QRectF(s * 0.16, s * 0.26, s * 0.68, s * 0.48)
    body = QPainterPath()
    body.addRoundedRect(ticket, s * 0.06, s * 0.06)
    notch_r = s * 0.075
    notches = QPainterPath()
    for x in (ticket.left(), ticket.right()):
        notches.addEllipse(QPointF(x, ticket.center().y()), notch_r, notch_r)
    painter.setBrush(WHITE)
    painter.drawPath(body.subtracted(notches))

    # A teal medical cross in the middle of the ticket.
    arm = ticket.height() * 0.62
    bar = max(s * 0.085, 2.0)
    c = ticket.center()
    cross = QPainterPath()
    cross.setFillRule(Qt.FillRule.WindingFill)
    cross.addRect(QRectF(c.x() - bar / 2, c.y() - arm / 2, bar, arm))
    cross.addRect(QRectF(c.x() - arm / 2, c.y() - bar / 2, arm, bar))
    painter.setBrush(TEAL_DARK)
    painter.drawPath(cross.simplified())
    painter.end()
    return image


def _png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("Qt could not encode a PNG")
    buffer.close()
    return bytes(data.data())


def _dib_bytes(image: QImage) -> bytes:
    """A 32-bit BGRA DIB as an ICO entry wants it: bottom-up, doubled height, AND mask."""
    image = image.convertToFormat(QImage.Format.Format_ARGB32)  # BGRA in memory on x86
    w, h = image.width(), image.height()
    header = struct.pack("<IiiHHIIiiII", 40, w, h * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    rows = []
    for y in range(h - 1, -1, -1):
        line = image.constScanLine(y)
        rows.append(bytes(line)[: w * 4])
    mask_stride = ((w + 31) // 32) * 4
    mask = bytes(mask_stride * h)  # all zero: the alpha channel decides
    if sys.byteorder != "little":  # pragma: no cover - Qt's ARGB32 is BGRA only on little-endian
        raise RuntimeError("ICO writing assumes a little-endian machine")
    return header + b"".join(rows) + mask


def ico_bytes(sizes: tuple[int, ...] = ICO_SIZES) -> bytes:
    entries: list[tuple[int, bytes]] = []
    for size in sizes:
        image = draw_icon(size)
        entries.append((size, _png_bytes(image) if size >= 256 else _dib_bytes(image)))
    out = struct.pack("<HHH", 0, 1, len(entries))
    offset = 6 + 16 * len(entries)
    directory = b""
    for size, data in entries:
        dim = 0 if size >= 256 else size  # 0 means 256 in an ICO directory
        directory += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return out + directory + b"".join(data for _, data in entries)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "resources")
    args = parser.parse_args(argv)
    _app = QGuiApplication.instance() or QGuiApplication([])
    args.out.mkdir(parents=True, exist_ok=True)
    png = args.out / "app.png"
    ico = args.out / "app.ico"
    png.write_bytes(_png_bytes(draw_icon(256)))
    ico.write_bytes(ico_bytes())
    print(f"wrote {png} ({png.stat().st_size} bytes), {ico} ({ico.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
