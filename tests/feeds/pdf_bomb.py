"""A small PDF that pypdf refuses to read: its document info sits in an object stream that
inflates past pypdf's decompression limit (75 MB), so reading it raises ``LimitReachedError``."""

from __future__ import annotations

import struct
import zlib


def pdf_bomb(inflated: int = 80_000_000) -> bytes:
    """About 80 KB of PDF that inflates to ``inflated`` bytes when its info is read."""
    packed = zlib.compress(b"5 0 << /Title (t) >>" + b" " * inflated, 9)
    out = bytearray(b"%PDF-1.5\n")
    offsets = {1: len(out)}
    out += b"1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
    offsets[2] = len(out)
    out += b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
    offsets[4] = len(out)
    out += b"4 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Length %d /Filter /FlateDecode >>\n" % len(
        packed
    )
    out += b"stream\n" + packed + b"\nendstream\nendobj\n"
    # the cross-reference stream: objects 1-4 at their offsets, object 5 (the info) packed in 4
    offsets[3] = len(out)
    rows = [struct.pack(">BIH", 0, 0, 65535)]
    rows += [struct.pack(">BIH", 1, offsets[n], 0) for n in (1, 2, 3, 4)]
    rows.append(struct.pack(">BIH", 2, 4, 0))
    xref = b"".join(rows)
    out += b"3 0 obj\n<< /Type /XRef /Size 6 /W [1 4 2] /Root 1 0 R /Info 5 0 R /Length %d >>\n" % (
        len(xref)
    )
    out += b"stream\n" + xref + b"\nendstream\nendobj\n"
    out += b"startxref\n%d\n%%%%EOF\n" % offsets[3]
    return bytes(out)
