"""`kbm`: the command line. Without a command it opens the full-screen app.

Only the module of the command given is imported, so the quick-add (`kbm log`) stays fast.
"""

from __future__ import annotations

import importlib
import os
import sys

from kbm_tui.cli.parser import build_parser
from kbm_tui.core import i18n

# Which module does each command: cmd_<name> in kbm_tui.cli.<module>.
MODULES = {
    "contacts": ("log", "add", "edit", "promise", "remind"),
    "lists": ("today", "customers", "promises", "kept", "broken", "done", "staff"),
    "care": ("prefer", "renegotiate", "complaints", "resolve", "ideas", "idea", "show"),
    "data": ("demo", "export", "restore", "move", "backups", "customer-export", "forget"),
    "moving": ("import", "duplicates", "merge", "calendar"),
}
MODULE_OF = {command: module for module, commands in MODULES.items() for command in commands}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    i18n.choose(_language_asked(argv))  # before the parser: its help is in that language
    if (refusal := _not_utf8(argv)) is not None:
        sys.stderr.write(refusal)
        return 2
    args = build_parser().parse_args(argv)
    from kbm_tui.cli import output
    from kbm_tui.core.errors import KbmError

    try:
        if args.command is None:
            from kbm_tui.app import run_app

            return run_app(args.db, demo=args.demo) or 0
        module = importlib.import_module(f"kbm_tui.cli.{MODULE_OF[args.command]}")
        handler = getattr(module, "cmd_" + args.command.replace("-", "_"))
        return handler(args) or 0
    except KbmError as exc:
        output.error(exc.message)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The program reading the output stopped (kbm … | head): end quietly, as rich's
        # console does; what was saved stays saved. Python would complain once more when it
        # flushes the closed pipe on the way out, so that goes nowhere.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except Exception as exc:
        from kbm_tui.store import DATABASE_ERRORS, explain_database_error, resolve_path

        if isinstance(exc, DATABASE_ERRORS):
            output.error(explain_database_error(exc, resolve_path(args.db)).message)
            return 2
        if os.environ.get("KBM_DEBUG"):  # a bug, not the user's doing: say so, keep it short
            raise
        output.error(i18n._("internal error ({error}). Nothing was changed. Please report this "
                            "with the command you ran (KBM_DEBUG=1 shows details).").format(
            error=f"{type(exc).__name__}: {exc}"))
        return 1


def _language_asked(argv: list[str]) -> str | None:
    """The value of --lang, wherever it stands (the parser itself speaks the language)."""
    for n, word in enumerate(argv):
        if word == "--":
            break
        if word == "--lang" and n + 1 < len(argv):
            return argv[n + 1]
        if word.startswith("--lang="):
            return word.partition("=")[2]
    return None


def _not_utf8(argv: list[str]) -> str | None:
    """The refusal of an argument whose bytes aren't UTF-8 (Python holds them as lone
    surrogates, which can be neither stored nor printed), or None."""
    for n, arg in enumerate(argv, 1):
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            shown = arg.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
            from kbm_tui.core.text import printable

            return i18n._('kbm: argument {n} ("{shown}") is not valid UTF-8 text. Set your '
                          "terminal to UTF-8 (the \ufffd marks what it sent instead) and type "
                          "it again.").format(n=n, shown=printable(shown)) + "\n"
    for name in ("KBM_DB",):
        try:
            os.environ.get(name, "").encode("utf-8")
        except UnicodeEncodeError:
            return i18n._("kbm: the environment variable {name} is not valid UTF-8 text.").format(
                name=name) + "\n"
    return None
