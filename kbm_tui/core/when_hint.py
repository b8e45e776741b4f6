"""The due time someone probably meant: "nach dem mittagesen" -> "nach dem Mittagessen".

Only asked when a due time can't be read, so difflib is imported here and not on the
quick-add path. A suggestion is offered only when it reads as a due time itself.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable

from kbm_tui.core.when_due import WhenError, fold
from kbm_tui.core.when_words import DISPLAY, KNOWN

_CUTOFF = 0.8  # one letter wrong in a six-letter word is 0.83; "blursday" is not "thursday"
_SHORTEST = 4  # shorter words are too alike ("bis", "di", "mo") to guess between


def near_miss(shown: str, reads: Callable[[str], object]) -> str | None:
    """`shown` with each unknown word replaced by the known word closest to it, if every
    unknown word has one and the result reads (`reads` raises WhenError when it doesn't)."""
    pieces, changed = shown.split(), False
    for n, piece in enumerate(pieces):
        word = fold(piece).rstrip(".")
        if not word.isalpha() or not word.isascii() or word in KNOWN:
            continue
        close = difflib.get_close_matches(word, KNOWN, n=1, cutoff=_CUTOFF)
        if len(word) < _SHORTEST or not close:
            return None
        pieces[n], changed = _written(close[0], capital=piece[:1].isupper()), True
    if not changed:
        return None
    meant = " ".join(pieces)
    try:
        reads(meant)
    except WhenError:
        return None
    return meant


def _written(word: str, *, capital: bool) -> str:
    """A known word as people write it: "Mittagessen", "übermorgen", "Friday" if capital."""
    proper = DISPLAY.get(word, word)
    return proper[:1].upper() + proper[1:] if capital else proper
