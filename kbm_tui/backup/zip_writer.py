"""A zip file written from pieces that were deflated elsewhere.

The backup's large tables are formatted and compressed by helper processes, one slice
each. Python's zipfile can only compress a member itself, on one core, so this writes
the container by hand: each member is the slices' raw deflate streams one after another
(each ends in a sync flush, so they join into one valid stream) and an empty final block.
Its CRC-32 is combined from the slices' own. Zip64 records are added only when a size
or offset needs them; zipfile (and every unzip tool) reads the result.
"""

from __future__ import annotations

import shutil
import struct
import time
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

LEVEL = 1  # deflate level: the backup favours speed; text still shrinks to about a quarter
FINAL_BLOCK = b"\x03\x00"  # an empty last block, ending a run of sync-flushed streams
ZIP64_LIMIT = 0xFFFFFFFF  # from this size or offset on, the value goes in a zip64 record
_MARK = 0xFFFFFFFF  # "see the zip64 record" in a 4-byte field
_ZEROS = bytes(1 << 20)


@dataclass
class Piece:
    """Raw deflate data (in memory or a file) and what it holds uncompressed."""
    crc: int
    size: int
    csize: int
    data: bytes = b""
    path: Path | None = None


def deflate_piece(data: bytes) -> Piece:
    """One piece, compressed here; it ends in a sync flush so that more can follow."""
    comp = zlib.compressobj(LEVEL, zlib.DEFLATED, -15)
    raw = comp.compress(data) + comp.flush(zlib.Z_SYNC_FLUSH)
    return Piece(zlib.crc32(data), len(data), len(raw), data=raw)


def crc32_combine(crc1: int, crc2: int, len2: int) -> int:
    """The CRC-32 of A+B from crc(A), crc(B) and len(B).

    CRC-32 is affine over GF(2), so crc(A+B) = crc(zeros, from crc1) ^ crc(B) ^ crc(zeros)
    where zeros is len(B) zero bytes; feeding zeros runs at memory speed.
    """
    shifted, blank = crc1, 0
    while len2 > 0:
        chunk = _ZEROS[:min(len2, len(_ZEROS))]
        shifted, blank = zlib.crc32(chunk, shifted), zlib.crc32(chunk, blank)
        len2 -= len(chunk)
    return shifted ^ crc2 ^ blank


def _dos_time(moment: float) -> tuple[int, int]:
    t = time.localtime(moment)
    year = max(1980, t.tm_year)
    return ((t.tm_hour << 11) | (t.tm_min << 5) | (t.tm_sec // 2),
            ((year - 1980) << 9) | (t.tm_mon << 5) | t.tm_mday)


def _field(value: int) -> int:
    return _MARK if value >= ZIP64_LIMIT else value


class ZipWriter:
    """Members are written one after another; `close` adds the central directory."""

    def __init__(self, fh: BinaryIO, moment: float):
        self.fh = fh
        self.offset = 0
        self.entries: list[tuple[bytes, int, int, int, int]] = []
        self.time, self.date = _dos_time(moment)

    def _write(self, data: bytes) -> None:
        self.fh.write(data)
        self.offset += len(data)

    def add(self, name: str, pieces: list[Piece]) -> None:
        crc, size, csize = 0, 0, len(FINAL_BLOCK)
        for piece in pieces:
            crc = crc32_combine(crc, piece.crc, piece.size)
            size += piece.size
            csize += piece.csize
        encoded = name.encode("ascii")
        big = size >= ZIP64_LIMIT or csize >= ZIP64_LIMIT
        extra = struct.pack("<HHQQ", 1, 16, size, csize) if big else b""
        start = self.offset
        self._write(struct.pack(
            "<IHHHHHIIIHH", 0x04034B50, 45 if big else 20, 0, zlib.DEFLATED, self.time,
            self.date, crc, _MARK if big else csize, _MARK if big else size,
            len(encoded), len(extra)) + encoded + extra)
        for piece in pieces:
            if piece.path is None:
                self._write(piece.data)
            else:
                with open(piece.path, "rb") as part:
                    shutil.copyfileobj(part, self.fh, 1 << 20)
                self.offset += piece.csize
        self._write(FINAL_BLOCK)
        self.entries.append((encoded, crc, size, csize, start))

    def close(self) -> None:
        directory_start = self.offset
        for encoded, crc, size, csize, start in self.entries:
            wide = [v for v in (size, csize, start) if v >= ZIP64_LIMIT]
            extra = struct.pack(f"<HH{len(wide)}Q", 1, 8 * len(wide), *wide) if wide else b""
            need = 45 if wide else 20
            self._write(struct.pack(
                "<IHHHHHHIIIHHHHHII", 0x02014B50, (3 << 8) | need, need, 0, zlib.DEFLATED,
                self.time, self.date, crc, _field(csize), _field(size),
                len(encoded), len(extra), 0, 0, 0, 0o600 << 16, _field(start))
                + encoded + extra)
        directory_size = self.offset - directory_start
        count = len(self.entries)
        if directory_start >= ZIP64_LIMIT or directory_size >= ZIP64_LIMIT or count >= 0xFFFF:
            end64 = self.offset
            self._write(struct.pack("<IQHHIIQQQQ", 0x06064B50, 44, 45, 45, 0, 0, count, count,
                                    directory_size, directory_start))
            self._write(struct.pack("<IIQI", 0x07064B50, 0, end64, 1))
        entries = min(count, 0xFFFF)
        self._write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, entries, entries,
                                _field(directory_size), _field(directory_start), 0))
