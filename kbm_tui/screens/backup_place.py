"""Where the backup goes (the place typed in the backup dialog, checked before anything is
written) and how its counts are said."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from kbm_tui.backup import export as backup
from kbm_tui.core.errors import KbmError, os_reason
from kbm_tui.core.i18n import N_, _, n_
from kbm_tui.ui.fmt import number


def default_folder() -> Path:
    """The Documents folder if there is one, else the home folder."""
    import platformdirs

    documents = Path(platformdirs.user_documents_dir())
    return documents if documents.is_dir() else Path.home()


class PlaceProblem(KbmError):
    """The typed place can't take the backup; `suggestion` is a free name, if one helps."""

    def __init__(self, message: str, suggestion: Path | None = None) -> None:
        super().__init__(message)
        self.suggestion = suggestion


def choose_target(typed: str, folder: Path,
                  default_name: Callable[[Path], Path] = backup.default_name) -> Path:
    """The file the typed text names; a bare name goes into `folder`, `.zip` is added.
    `default_name` names a free file in a folder (offered when none was typed)."""
    try:
        return _choose(typed.strip(), folder, default_name)
    except (OSError, RuntimeError, ValueError) as exc:  # unreadable folder, ~nobody, a NUL
        reason = os_reason(exc).rstrip(".")
        raise PlaceProblem(_("{place} can't be used: {reason}.").format(
            place=typed.strip(), reason=reason)) from None


def _choose(text: str, folder: Path, default_name: Callable[[Path], Path]) -> Path:
    if not text:
        raise PlaceProblem(_("Type where the file should go."), default_name(folder))
    path = Path(text).expanduser()
    if not path.is_absolute():
        path = folder / path
    if path.is_dir():
        raise PlaceProblem(_("{path} is a folder. Add a file name to it.").format(path=path),
                           default_name(path))
    if path.suffix.lower() != ".zip":
        path = path.with_name(path.name + ".zip")
    if not path.parent.is_dir():
        raise PlaceProblem(_("There is no folder {folder}. Choose a folder that exists.").format(
            folder=path.parent))
    if path.exists():
        raise PlaceProblem(_("{name} is there already and is not replaced. "
                             "Choose another name.").format(name=path.name), free_name(path))
    return path


def free_name(path: Path) -> Path:
    n = 2
    while (candidate := path.with_name(f"{path.stem}-{n}{path.suffix}")).exists():
        n += 1
    return candidate


# Each table's rows as the progress line names them.
TABLE_NAMES = {"staff": N_("staff members"), "customer": N_("customers"),
               "conversation": N_("conversations"), "promise": N_("promises"),
               "promise_change": N_("renegotiated dues"), "followup": N_("follow-ups")}


def table_count(table: str, n: int) -> str:
    """ "2,000 customers" / "2.000 Kunden"."""
    forms = {
        "staff": n_("{n} staff member", "{n} staff members", n),
        "customer": n_("{n} customer", "{n} customers", n),
        "conversation": n_("{n} conversation", "{n} conversations", n),
        "promise": n_("{n} promise", "{n} promises", n),
        "promise_change": n_("{n} renegotiated due", "{n} renegotiated dues", n),
        "followup": n_("{n} follow-up", "{n} follow-ups", n),
    }
    return forms.get(table, f"{{n}} {table}").format(n=number(n))


def counts_text(counts: dict[str, int]) -> str:
    """'2,000 customers, 20,000 conversations' — tables without rows left out."""
    parts = [table_count(t, n) for t, n in counts.items() if n]
    return ", ".join(parts) or _("an empty database")
