"""Each customer's rights over their data: a copy of all of it, or erasing all of it."""

from __future__ import annotations

from pathlib import Path

from kbm_tui.core.i18n import N_, _
from kbm_tui.core.records import Customer
from kbm_tui.core.text import counts_text
from kbm_tui.screens.export_place import ExportPlaceDialog

KEPT_ELSEWHERE = N_("Backups and safety copies made before now still hold them until they "
                    "are replaced.")


def export_customer(screen, customer: Customer) -> None:
    """Ask where, write everything stored about the customer to that zip file, say where
    it is."""
    from kbm_tui.backup import customer_export

    cid, name = customer.id, customer.name

    def write(target: Path):
        return lambda store: (target, customer_export.write(store, cid, target))

    def done(result) -> None:
        target, counts = result
        screen.app.notify(_("Everything about {name} written to {file}: {counts}.").format(
            name=name, file=target, counts=counts_text(counts)), title=_("Exported"),
            timeout=15, markup=False)

    def failed(exc) -> None:
        screen.app.notify(exc.message, title=_("Not exported"), severity="error", timeout=10,
                          markup=False)

    def chosen(target: Path | None) -> None:
        if target is not None:
            screen.db_read(write(target), done, group="export", on_error=failed)

    screen.app.push_screen(ExportPlaceDialog(customer), chosen)


def forget_customer(screen, customer: Customer) -> None:
    """Say what would go, ask for the name, then erase the customer for good."""
    from kbm_tui.screens.forget import ForgetDialog

    cid, name = customer.id, customer.name

    def holds(store) -> dict[str, int]:
        return {"conversation": store.count_conversations(customer_id=cid, include_deleted=True),
                "promise": sum(store.promise_counts(cid).values()),
                "followup": store.count_timeline(cid, kind="followup")}

    def forgotten(result: tuple[dict[str, int], bool]) -> None:
        removed, pending = result
        app = screen.app
        if pending:
            app.notify(_("Erased {name} from the database, but not yet from the file itself: "
                         "another program is still reading an older state of it. Close other "
                         "kbm windows: the next start of kbm finishes the erasure.").format(
                name=name), title=_("Not yet erased from the file"), severity="warning",
                timeout=30, markup=False)
        else:
            app.notify(_("Erased {name}: {counts}.").format(
                name=name, counts=counts_text(removed, skip_zero=True)) + " " + _(KEPT_ELSEWHERE),
                title=_("Forgotten"), timeout=15, markup=False)
        app.leave_customer(cid)

    def answered(yes: bool | None) -> None:
        if yes:
            screen.forgetting = True  # its own reload must not report the customer gone
            screen.db_write(lambda s: (s.forget_customer(cid), s.erasure_pending()), forgotten)

    def ask(counts: dict[str, int]) -> None:
        text = (counts_text(counts, skip_zero=True)
                or _("no conversations, promises or follow-ups"))
        screen.app.push_screen(ForgetDialog(customer, text), answered)

    screen.db_read(holds, ask, group="forget")
