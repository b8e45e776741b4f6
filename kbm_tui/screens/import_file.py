"""Bringing customers in from a file (the palette's "Import customers…"): the phone's vCard,
Google or Outlook CSV, or any spreadsheet list.

Always a preview first: which column became what (each can be changed, a column whose
title says nothing known can be given a meaning), how many are new, already here, twice in
the file or maybe here, and every row left out with its line. Nothing is written until
Import is pressed; then it is one transaction, and `u` takes the whole import back.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Input, Label, ProgressBar, Select, Static
from textual.worker import get_current_worker

from kbm_tui.core import likeness
from kbm_tui.core.errors import KbmError
from kbm_tui.core.i18n import N_, _
from kbm_tui.moving.columns import FIELD_WORDS
from kbm_tui.moving.summary import plan_summary
from kbm_tui.store import ImportBatch, ImportPlan, Store
from kbm_tui.ui.changes import TakenBack
from kbm_tui.widgets.form import Field

if TYPE_CHECKING:
    from kbm_tui.ui.host import Host

ROWS_SHOWN = 200


class ImportDialog(ModalScreen[ImportBatch | None]):
    """Dismisses with the import written, or None."""

    if TYPE_CHECKING:
        app: Host

    CSS_PATH = "import_file.tcss"
    BINDINGS = [Binding("escape", "cancel", N_("Cancel"), id="import.cancel"),
                Binding("ctrl+s", "do_import", N_("Import"), id="import.save")]

    def __init__(self, path: str = "") -> None:
        super().__init__(classes="dialog")
        self.start_path = path
        self.titles: list[str] | None = None
        self.plan: ImportPlan | None = None
        self.loaded: Any = None
        self._busy = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box", id="import-box"):
            yield Label(_("Import customers"), classes="dialog-title")
            yield Static(_("From the phone or Thunderbird (vCard .vcf), Google or Outlook "
                           "(CSV), or a spreadsheet list (.csv, .xlsx). You see what would "
                           "happen before anything is written; u takes an import back."),
                         classes="dialog-detail", markup=False)
            yield Field(_("File"), Input(self.start_path, id="import-path", compact=True,
                                         placeholder="~/Downloads/contacts.vcf"),
                        id="import-field")
            yield VerticalScroll(id="import-columns")
            yield Static("", id="import-summary", markup=False)
            yield ProgressBar(id="import-bar", show_eta=False)
            yield DataTable(id="import-preview", cursor_type="row", zebra_stripes=True)
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Import (ctrl+s)"), variant="primary", id="import-go",
                             compact=True, disabled=True)
                yield Button(_("Cancel (esc)"), id="import-cancel", compact=True)

    def on_mount(self) -> None:
        table = self.query_one("#import-preview", DataTable)
        table.add_columns(*(_(title) for title in PREVIEW_TITLES))
        self.query_one("#import-path", Input).focus()
        if self.start_path:
            self._read(self.start_path, None)

    # --- reading the file and planning ---------------------------------------------------

    @on(Input.Submitted, "#import-path")
    def _path_entered(self, event: Input.Submitted) -> None:
        self.titles = None
        self.query_one("#import-columns").remove_children()
        self._read(event.value, None)

    @on(Input.Changed, "#import-path")
    def _typed(self) -> None:
        self.query_one("#import-field", Field).set_error(None)

    def _mapping(self) -> dict[str, str]:
        from kbm_tui.moving.columns import normal

        mapping = {}
        for select in self.query("#import-columns Select").results(Select):
            title = select.name or ""
            if select.value is not Select.BLANK:
                mapping[normal(title)] = str(select.value)
        return mapping

    @on(Select.Changed, "#import-columns Select")
    def _column_changed(self) -> None:
        self._read(self.query_one("#import-path", Input).value, self._mapping())

    def _read(self, typed: str, mapping: dict[str, str] | None) -> None:
        if not typed.strip():
            self.query_one("#import-field", Field).set_error(_("Type the file's place."))
            return
        self._set_busy(True)
        self.query_one("#import-summary", Static).update(_("Reading…"))
        self._plan(Path(typed.strip()).expanduser(), mapping)

    @work(thread=True, exclusive=True, group="import", exit_on_error=False)
    def _plan(self, path: Path, mapping: dict[str, str] | None) -> None:
        from kbm_tui.moving.columns import roles
        from kbm_tui.moving.read import header_of, load

        worker = get_current_worker()
        app = self.app

        def tell(fn, *args) -> None:
            if not worker.is_cancelled:
                app.call_from_thread(lambda: self.is_attached and fn(*args))

        try:
            titles = header_of(path) if self.titles is None else self.titles
            if titles is not None and self.titles is None:
                found = roles(titles, mapping or {})
                # A mobile number is a phone with its label: the choice says "mobile".
                tell(self._show_columns, titles, [
                    ("mobile" if r.label == "mobile" else r.field) if r else "ignore"
                    for r in found])
            loaded = load(path, mapping)
            plan = app.db(lambda store: store.plan_import(
                loaded.cards, loaded.rejected,
                lambda done, total: tell(self._progress, done, total)))
        except KbmError as exc:
            tell(self._failed, exc.message)
        except Exception as exc:  # a bug: say so next to the field, keep the app running
            tell(self._failed, f"{type(exc).__name__}: {exc}")
        else:
            tell(self._planned, loaded, plan)

    def _show_columns(self, titles: list[str], fields: list[str]) -> None:
        self.titles = titles
        box = self.query_one("#import-columns", VerticalScroll)
        box.remove_children()
        options = [(_(word), key) for key, word in FIELD_WORDS.items()
                   if key not in ("label", "street2", "house", "region")]
        rows = []
        for n, (title, field) in enumerate(zip(titles, fields)):
            if not title:
                continue
            shown = {key for _word, key in options}
            select: Select[str] = Select(options, value=field if field in shown else "ignore",
                                         allow_blank=False, compact=True, name=title,
                                         id=f"import-col-{n}")
            rows.append(Horizontal(Label(title, markup=False, classes="import-title"), select,
                                   classes="import-column"))
        box.mount(*rows)
        box.set_class(bool(rows), "-shown")

    def _progress(self, done: int, total: int) -> None:
        self.query_one("#import-bar", ProgressBar).update(total=total, progress=done)

    def _failed(self, message: str) -> None:
        self._set_busy(False)
        self.plan = None
        self.query_one("#import-field", Field).set_error(message)
        self.query_one("#import-summary", Static).update("")
        self.query_one("#import-go", Button).disabled = True

    def _planned(self, loaded: Any, plan: ImportPlan) -> None:
        self._set_busy(False)
        self.loaded, self.plan = loaded, plan
        self.query_one("#import-summary", Static).update(
            f"{loaded.format_name}: {plan_summary(plan)}")
        table = self.query_one("#import-preview", DataTable)
        rows = preview_rows(plan)[:ROWS_SHOWN]
        titles = [_(title) for title in PREVIEW_TITLES]
        # Two cells of padding per column, two for the scroll bar.
        room = table.scrollable_content_region.width - 2 * len(titles) - 2
        table.clear(columns=True)
        for title, width in zip(titles, preview_widths([titles, *rows], room)):
            table.add_column(title, width=width)
        for row in rows:  # a long reason takes a second line instead of being cut
            table.add_row(*row, height=None)
        self.query_one("#import-go", Button).disabled = not (plan.of("add") or plan.of("fill"))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.set_class(busy, "-busy")

    # --- importing ----------------------------------------------------------------------

    @on(Button.Pressed, "#import-go")
    def action_do_import(self) -> None:
        if self._busy or self.plan is None or self.query_one("#import-go", Button).disabled:
            return
        self._set_busy(True)
        self.query_one("#import-summary", Static).update(_("Importing…"))
        self._write(self.loaded, self.query_one("#import-path", Input).value.strip())

    @work(thread=True, exclusive=True, group="import", exit_on_error=False)
    def _write(self, loaded: Any, typed: str) -> None:
        worker = get_current_worker()
        app = self.app

        def tell(fn, *args) -> None:
            if not worker.is_cancelled:
                app.call_from_thread(lambda: self.is_attached and fn(*args))

        def run(store: Store) -> ImportBatch | None:
            return store.import_cards(loaded.cards, loaded.rejected,
                                      file_name=Path(typed).name, file_format=loaded.format,
                                      progress=lambda d, t: tell(self._progress, d, t))[1]
        try:
            batch = app.db(run)
        except KbmError as exc:
            tell(self._failed, exc.message)
        else:
            tell(self._imported, batch)

    def _imported(self, batch: ImportBatch | None) -> None:
        if batch is None:  # someone else imported the same meanwhile
            self.app.notify(_("Nothing new: every card is here already."), title=_("Import"))
            self.dismiss(None)
            return
        self.app.remember(TakenBack(_("import of {file}").format(file=batch.file_name), {}, {},
                                    lambda store: store.undo_import(batch.id)))
        self.app.notify(_("{added} added, {filled} completed from {file}. u takes the import "
                          "back.").format(added=batch.added, filled=batch.filled,
                                          file=batch.file_name), title=_("Import"))
        self.app.reload_screens()
        self.dismiss(batch)

    @on(Button.Pressed, "#import-cancel")
    def action_cancel(self) -> None:
        if not self._busy:
            self.dismiss(None)


PREVIEW_TITLES = (N_("where"), N_("name"), N_("what happens"), N_("why"))


def preview_widths(rows: list, room: int) -> list[int]:
    """The preview's column widths in `room` cells: each as wide as its longest cell if all
    fit; else where and name keep theirs (a name up to 20) and what happens and why share the
    rest as their longest cells do, their words wrapping onto more lines of the row."""
    widest = [max(cell_len(row[i]) for row in rows) for i in range(len(rows[0]))]
    if sum(widest) <= room:
        return widest
    where, name = widest[0], min(widest[1], 20)
    rest = max(20, room - where - name)
    what = max(10, rest * widest[2] // max(1, widest[2] + widest[3]))
    return [where, name, what, max(10, rest - what)]


def preview_rows(plan: ImportPlan) -> list[tuple[str, str, str, str]]:
    """One line per card of the preview: left out first, then maybe-here, then the rest."""
    rows = [(r.where, "", _("left out"), r.reason) for r in plan.rejected]
    for item in plan.maybe:
        cid, name, reasons = item.maybe[0]
        rows.append((item.card.where, item.values["name"] or "",
                     _("new; maybe #{id} {name}").format(id=cid, name=name),
                     likeness.reason_text(reasons)))
    for item in plan.items:
        name = item.values["name"] or ""
        if item.action == "add" and not item.maybe:
            rows.append((item.card.where, name, _("new"), ""))
        elif item.action in ("fill", "known"):
            what = (_("completes #{id} {name}") if item.action == "fill"
                    else _("already here: #{id} {name}")).format(id=item.customer_id,
                                                                   name=item.customer_name)
            rows.append((item.card.where, name, what, likeness.reason_text(item.reasons)))
        elif item.action == "in_file":
            rows.append((item.card.where, name, _("same as {where}").format(where=item.joins),
                         likeness.reason_text(item.reasons)))
    return rows
