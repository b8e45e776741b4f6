"""The kinds of value the `kbm` command line takes (ids, limits, the words of a vocabulary):
each refuses a wrong value in one line that says what is wrong. Light (argparse only).
"""

from __future__ import annotations

import argparse

from kbm_tui.core import l10n, vocab
from kbm_tui.core.i18n import N_, _


class _Words(tuple):
    """The choices of an option in the language in use, shown in the help and in errors;
    each stored word, its label and its German word are accepted (core/vocab.py)."""

    field: str

    def __new__(cls, field: str):
        words = cls._shown(field)
        made = super().__new__(cls, words)
        made.field = field
        return made

    @staticmethod
    def _shown(field: str) -> list[str]:
        return [word.strip() for word in vocab.typed_choices(field).split(",")]

    def __contains__(self, stored: object) -> bool:
        return stored in vocab.labels(self.field)


def _word_of(field: str):
    """argparse's `type` for a vocabulary option: the stored word for what was typed."""
    def stored(typed: str) -> str:
        return vocab.canonical(field, typed) or typed
    stored.__name__ = field
    return stored


def _whole_number(text: str) -> int:
    return int(text)


# Ends the message of a value refused by one of the types below (stripped before printing).
_REFUSED_MARK = "\x00"


def _number(low: int, high: int, what: str):
    """argparse's `type` for a whole number from `low` to `high`: anything else is refused
    in one line saying so (a number of 2^63 or more would not even fit the database)."""
    def whole(text: str) -> int:
        digits = text.strip().lstrip("+-")
        if not (digits.isascii() and digits.isdigit()) or len(digits) > 25:
            raise argparse.ArgumentTypeError(_('"{text}" is not a whole number').format(
                text=text[:40]) + _REFUSED_MARK)
        value = int(text)
        if not low <= value <= high:
            refusal = _("{what} goes from {low} to {high}, not {text}").format(
                what=_(what), low=l10n.number(low), high=l10n.number(high), text=text)
            raise argparse.ArgumentTypeError(refusal + _REFUSED_MARK)
        return value
    return whole


ID = _number(1, 2**63 - 1, N_("the number"))
LIMIT = _number(1, 1_000_000, "--limit")


def _choice(parser: argparse.ArgumentParser, name: str, field: str, **kwargs) -> None:
    parser.add_argument(name, type=_word_of(field), choices=_Words(field), **kwargs)
