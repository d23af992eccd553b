"""The demo site's icon, drawn in code (no binary in the repository): a 32 × 32 PNG inside an ICO.

A blue tile with a white timeline: a line and three stops, the middle one the largest.
"""
import struct
import zlib

SIZE = 32
BLUE = (11, 74, 139, 255)
WHITE = (255, 255, 255, 255)
CLEAR = (0, 0, 0, 0)
_STOPS = ((8, 3), (16, 5), (24, 3))  # (x, radius) on the middle line


def _pixel(x, y):
    cx, cy = x + 0.5, y + 0.5
    corner = 6  # rounded tile
    dx, dy = max(corner - cx, 0, cx - (SIZE - corner)), max(corner - cy, 0, cy - (SIZE - corner))
    if dx * dx + dy * dy > corner * corner:
        return CLEAR
    if 5 <= cx <= 27 and abs(cy - 16) <= 1.2:
        return WHITE
    if any((cx - sx) ** 2 + (cy - 16) ** 2 <= r * r for sx, r in _STOPS):
        return WHITE
    return BLUE


def _chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png():
    """The icon as PNG bytes (RGBA, 8 bits per channel)."""
    rows = b"".join(b"\x00" + b"".join(bytes(_pixel(x, y)) for x in range(SIZE)) for y in range(SIZE))
    header = struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(rows, 9))
            + _chunk(b"IEND", b""))


def ico():
    """The icon as an ICO file holding one PNG image (every current browser reads that)."""
    image = png()
    directory = struct.pack("<HHH", 0, 1, 1)
    entry = struct.pack("<BBBBHHII", SIZE, SIZE, 0, 0, 1, 32, len(image), 6 + 16)
    return directory + entry + image


ICO = ico()
