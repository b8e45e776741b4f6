"""The hand-written zip container of the backup: any unzip tool must read it."""

from __future__ import annotations

import io
import os
import random
import zipfile
import zlib

import pytest

from kbm_tui.backup import zip_writer
from kbm_tui.backup.zip_writer import Piece, ZipWriter, crc32_combine, deflate_piece


def test_crc_of_joined_pieces_is_the_crc_of_the_whole():
    rng = random.Random(7)
    for _ in range(50):
        a = rng.randbytes(rng.randrange(0, 3000))
        b = rng.randbytes(rng.randrange(0, 3000))
        assert crc32_combine(zlib.crc32(a), zlib.crc32(b), len(b)) == zlib.crc32(a + b)
    big = os.urandom(3 << 20)  # longer than the block of zeros it feeds
    assert crc32_combine(zlib.crc32(b"x"), zlib.crc32(big), len(big)) == zlib.crc32(b"x" + big)


def _zip(members: dict[str, list[bytes]], tmp_path) -> zipfile.ZipFile:
    buf = io.BytesIO()
    writer = ZipWriter(buf, 1_795_000_000)
    for name, chunks in members.items():
        pieces = []
        for n, chunk in enumerate(chunks):
            piece = deflate_piece(chunk)
            if n % 2:  # some pieces come from files, as the helpers' slices do
                path = tmp_path / f"{name}.{n}"
                path.write_bytes(piece.data)
                piece = Piece(piece.crc, piece.size, piece.csize, path=path)
            pieces.append(piece)
        writer.add(name, pieces)
    writer.close()
    return zipfile.ZipFile(io.BytesIO(buf.getvalue()))


@pytest.mark.parametrize("limit", [zip_writer.ZIP64_LIMIT, 50])
def test_members_made_of_pieces_read_back_whole(tmp_path, monkeypatch, limit):
    """With a tiny limit every member and offset needs the zip64 records."""
    monkeypatch.setattr(zip_writer, "ZIP64_LIMIT", limit)
    text = "Kundin Müller, \"Lastenrad\"\r\n".encode() * 40
    members = {"a.csv": [b"\xef\xbb\xbfid,name\r\n", text, b"", text[:7]],
               "empty.csv": [], "manifest.json": [b'{"x": 1}\n']}
    with _zip(members, tmp_path) as zf:
        assert zf.testzip() is None  # every CRC checks out
        assert zf.namelist() == list(members)
        for name, chunks in members.items():
            assert zf.read(name) == b"".join(chunks)
        info = zf.getinfo("a.csv")
        assert info.compress_type == zipfile.ZIP_DEFLATED
        assert info.date_time[0] >= 2026
        assert (info.external_attr >> 16) & 0o777 == 0o600
