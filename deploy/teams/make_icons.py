"""Draws the two icons Teams requires, with the standard library only (no Pillow):

- ``color.png``  192x192, full colour: white bar chart ("figures") on trialbot's teal.
- ``outline.png`` 32x32, white on a transparent background (Teams' rule for outline icons).

Run from anywhere: ``python deploy/teams/make_icons.py``; the files land beside this script.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
TEAL = (15, 118, 110, 255)
WHITE = (255, 255, 255, 255)
CLEAR = (0, 0, 0, 0)

Pixel = tuple[int, int, int, int]


def png(width: int, height: int, pixel: Callable[[int, int], Pixel]) -> bytes:
    """An RGBA PNG whose pixel (x, y) is ``pixel(x, y)``."""
    rows = b"".join(
        b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(width)) for y in range(height)
    )

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows, 9))
        + chunk(b"IEND", b"")
    )


def bars(size: int) -> Callable[[int, int], bool]:
    """Three rising bars on a baseline, scaled to a ``size``-pixel square."""
    u = size / 32  # drawn on a 32-unit grid

    def inside(x: int, y: int) -> bool:
        gx, gy = x / u, y / u
        if 25 <= gy < 27 and 5 <= gx < 27:  # baseline
            return True
        for left, top in ((7, 16), (14, 10), (21, 5)):
            if left <= gx < left + 5 and top <= gy < 25:
                return True
        return False

    return inside


def main() -> None:
    color = bars(192)
    outline = bars(32)
    (HERE / "color.png").write_bytes(png(192, 192, lambda x, y: WHITE if color(x, y) else TEAL))
    (HERE / "outline.png").write_bytes(png(32, 32, lambda x, y: WHITE if outline(x, y) else CLEAR))


if __name__ == "__main__":
    main()
