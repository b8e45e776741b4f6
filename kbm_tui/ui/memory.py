"""What the app holds from its start, kept out of the garbage collector's counting.

Every few thousand new objects Python's collector counts through objects the program holds,
and now and then through all of them. At start the app holds about 70,000 (Textual, the
styles, the catalogues, the first screen), and a search as you type makes thousands more at
each key: a full count then fell into the middle of a key's work and held its rows back
40-50 ms. Frozen, the objects of the start are no longer counted; they are still freed as
usual when nothing refers to them any more.
"""

from __future__ import annotations

import gc


def keep_what_is_loaded() -> None:
    """Leave out of every later count what the app holds now (the garbage among it first
    collected, so that it is not kept for good)."""
    gc.collect()
    gc.freeze()


def let_go() -> None:
    """Count everything again: the app is closing, and a program that opens another (the
    tests, a change of language) must get back what the closed one held in cycles."""
    gc.unfreeze()
