"""A snapshot picture (SVG) as a PNG whose columns stay straight, for the README's pictures.

    python tools/snapshot_png.py "tests/app/__snapshots__/test_snapshots_card/X.svg" docs/card.png

The SVG names the Fira Code web font and stretches each run of text to its cells with
textLength; cairosvg honours neither, so runs drift off their columns. Here every character
gets its own x (SVG allows a list), in a monospace font the system has. Needs cairosvg, which
is not one of kbm's dependencies: `pip install cairosvg` in a separate virtual environment.
"""

from __future__ import annotations

import html
import re
import sys
import unicodedata

import cairosvg  # type: ignore[import-not-found]

CELL = 12.2  # the width of one terminal cell in Rich's SVG export (as tests/support.py reads it)
TEXT = re.compile(r'(<text [^>]*?)x="([0-9.]+)"([^>]*)>([^<]*)</text>')


def _one_cell_each(match: re.Match[str]) -> str:
    head, start, rest, content = match.groups()
    xs, x = [], float(start)
    for char in html.unescape(content):
        xs.append(f"{x:.1f}")
        x += CELL * (2 if unicodedata.east_asian_width(char) in "WF" else 1)
    return f'{head}x="{" ".join(xs) or start}"{rest}>{content}</text>'


def main(source: str, target: str) -> None:
    with open(source, encoding="utf-8") as f:
        svg = f.read()
    svg = svg.replace('"Fira Code"', '"DejaVu Sans Mono"').replace(
        "Fira Code, monospace", "DejaVu Sans Mono, monospace")
    cairosvg.svg2png(bytestring=TEXT.sub(_one_cell_each, svg).encode("utf-8"), write_to=target)


if __name__ == "__main__":
    main(*sys.argv[1:3])
