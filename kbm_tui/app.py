"""The full-screen app: a small App that opens the store and hands out the screens.

`run_app()` opens the store before Textual starts, so a database that can't be used is
reported by the command line as a plain message, never a traceback.
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from textual import events
from textual.app import App
from textual.widgets import Input, TextArea
from textual.widgets.input import Selection

from kbm_tui.core import i18n
from kbm_tui.core.i18n import N_, _
from kbm_tui.core.settings import Settings, data_dir
from kbm_tui.screens.conversations import ConversationsScreen
from kbm_tui.screens.customers import CustomersScreen
from kbm_tui.screens.followups import FollowupsScreen
from kbm_tui.screens.ideas import IdeasScreen
from kbm_tui.screens.promises import PromisesScreen
from kbm_tui.screens.today import TodayScreen
from kbm_tui.screens.type_to_filter import TypeToFilter
from kbm_tui.store import Store, safety_folder
from kbm_tui.ui import actions, memory
from kbm_tui.ui.changes import History
from kbm_tui.ui.host import Host
from kbm_tui.ui.opening import open_store, tighten
from kbm_tui.ui.palette import ActionsProvider, CustomersProvider
from kbm_tui.ui.textual_words import TextualWords
from kbm_tui.ui.undo_keys import UndoKeys

T = TypeVar("T")

POLL_SECONDS = 1.0
# A pause between keys typed is longer than this for most people: while they type, a list's
# matches are counted only when they stop (the rows themselves come at every key).
COUNT_AFTER = 0.2
RESTART = "restart"  # the app's result when it should start again (another language)


def _interrupt(store: Store) -> None:
    try:
        store.interrupt()
    except Exception:  # the count ended, or the server went: nothing left to stop
        pass


class KbmApp(UndoKeys, TextualWords, Host):
    """kbm-tui: the relationship with every customer, at the counter."""

    TITLE = "kbm"
    SUB_TITLE = N_("customer relationships")
    CSS_PATH = "app.tcss"
    MODES = {"today": TodayScreen, "customers": CustomersScreen,
             "conversations": ConversationsScreen, "promises": PromisesScreen,
             "followups": FollowupsScreen, "ideas": IdeasScreen}
    COMMANDS = App.COMMANDS | {ActionsProvider, CustomersProvider}
    DEFAULT_MODE = "today"
    BINDINGS = actions.bindings(
        *(f"app.{screen[1]}" for screen in actions.SCREEN_KEYS), "app.quick_log",
        "app.new_customer", "app.undo", "app.redo", "app.redo_shift", "app.backup",
        "app.restore", "app.help", "app.help_anywhere", "app.palette")

    def __init__(self, db_path: str | Path | None = None, *, demo: bool = False,
                 store: Store | None = None, watch_seconds: float = POLL_SECONDS,
                 count_after: float = COUNT_AFTER) -> None:
        self._demo_dir: Path | None = None
        if store is None:
            store, self._demo_dir = open_store(db_path, demo=demo)
        self.store = store
        self.demo = demo
        self._db_lock = threading.RLock()
        self._count_lock = threading.Lock()
        self._counter: Store | None = None
        self._counting: object | None = None
        self._stopping: list[threading.Thread] = []  # interrupts on their way
        self.history = History()
        self._steps: list[str] = []  # undo/redo keys pressed, done one after another
        self._asking_to_quit = False
        self._watch_seconds = watch_seconds
        self.count_after = count_after
        # Taken before any screen reads (and before a worker holds the lock, which would
        # make the first frame wait): a later write by another program shows as a change.
        self._data_version: int | None = store.data_version()
        self.last_staff_id: int | None = None  # who logged last, the default next time
        self.settings = Settings.load()
        actions.relabel()  # the keys' words in the language now in use
        super().__init__()
        self.sub_title = (_("demo shop (thrown away when you quit)") if demo
                          else _(self.SUB_TITLE))

    # --- the store, one call at a time -------------------------------------------------

    def db(self, fn: Callable[[Store], T]) -> T:
        """Run `fn(store)` holding the app's database lock (from any thread)."""
        with self._db_lock:
            return fn(self.store)

    def count(self, owner: object, fn: Callable[[Store], T]) -> T | None:
        """Run a count on a connection of its own: a long count never holds up the rows a
        list shows for the next key, and `stop_count` can cut it short (None then)."""
        with self._count_lock:
            while self._stopping:
                # An interrupt on its way is for a count before: let it land first (a
                # server ignores it between queries), so that it can't stop this one.
                self._stopping.pop().join()
            if self._counter is None:
                self._counter = Store.open(self.store.location)
            self._counting = owner
            try:
                return self._counter.interruptible(fn)
            finally:
                self._counting = None

    def stop_count(self, owner: object) -> None:
        """Interrupt the count `owner` has running, if any (from any thread), without
        waiting: on a server the interrupt is a round trip of its own (3-14 ms), which the
        next key's rows need not wait for."""
        counter = self._counter
        if counter is not None and self._counting is owner:
            stopping = threading.Thread(target=_interrupt, args=(counter,), daemon=True)
            self._stopping.append(stopping)
            stopping.start()

    def close_counter(self) -> None:
        with self._count_lock:
            if self._counter is not None:
                self._counter.close()
                self._counter = None

    def close_store(self) -> None:
        self.close_counter()
        with self._db_lock:
            try:
                self.store.close()
            except Exception:
                pass
        if self._demo_dir is not None:
            shutil.rmtree(self._demo_dir, ignore_errors=True)
            self._demo_dir = None

    # --- life ----------------------------------------------------------------------------

    def action_language(self, language: str) -> None:
        """Speak `language` from now on: remembered, and the app starts again in it."""
        self.settings.language = language
        try:
            self.settings.save()
        except OSError as exc:
            self.notify(_("Couldn't remember the language: {reason}").format(reason=exc),
                        severity="warning")
        i18n.use(language)
        self.exit(RESTART)

    def on_mount(self) -> None:
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        if self._watch_seconds:
            self.set_interval(self._watch_seconds, self._watch_database, name="watch-db")
        if not self.demo:
            self.run_worker(self._daily_safety_copy, thread=True, group="safety",
                            exit_on_error=False, name="safety-copy")
        # What opening the database found to tell once on this computer: here, not on the
        # terminal the app has just covered.
        for text in self.store.take_notices():
            self.notify(text, title=_("About the database"), severity="warning", timeout=30,
                        markup=False)
        self.call_after_refresh(memory.keep_what_is_loaded)

    def on_unmount(self) -> None:
        memory.let_go()

    def _daily_safety_copy(self) -> None:
        """Today's safety copy of the database, made once a day when the app starts."""
        for folder in (data_dir(), safety_folder(self.store.path)):
            if tighten(folder):
                self.call_from_thread(
                    self.notify, _("{folder} could be read by other users of this computer. "
                                   "It is now yours alone (only you can open it).").format(
                                       folder=folder), title=_("Your data, kept private"),
                    severity="warning", timeout=15, markup=False)
        try:
            # On a connection of its own: copying a large database takes seconds, and the
            # screens must not wait for it.
            with Store.open(self.store.location) as own:
                made = own.ensure_daily_copy()
        except Exception as exc:  # a full disk or a locked folder must not stop the shop
            reason = getattr(exc, "message", None) or str(exc) or type(exc).__name__
            self.call_from_thread(
                self.notify, _("Today's safety copy could not be made: {reason}. The data "
                               "itself is fine. Check the data folder, or see: kbm backups"
                               ).format(reason=reason), title=_("Safety copy"),
                severity="warning", timeout=12, markup=False)
            return
        if made is not None:
            self.call_from_thread(self.log.info, f"safety copy: {made}")

    def _remember_theme(self, theme) -> None:
        if self.settings.theme != theme.name:
            self.settings.theme = theme.name
            try:
                self.settings.save()
            except OSError as exc:
                self.notify(_("Couldn't save the theme: {reason}").format(reason=exc),
                            severity="warning", markup=False)

    def _watch_database(self) -> None:
        """Show what another program (a `kbm log` in a second terminal) wrote."""
        if not self._db_lock.acquire(blocking=False):
            return
        try:
            version = self.store.data_version()
        except Exception:
            return
        finally:
            self._db_lock.release()
        if version != self._data_version:
            self._data_version = version
            self.reload_screens()

    def reload_screens(self) -> None:
        """Every screen in the current stack that shows data reads it again."""
        for screen in self.screen_stack:
            reload = getattr(screen, "reload", None)
            if reload is not None:
                reload()

    def after_restore(self, kept: Path | None) -> None:
        """A restore is not on the undo history, and what is on it was made on the data
        the restore replaced: undoing it now would put rows back into data it never saw."""
        self.history = History()
        self.history.restored, self.history.kept = True, str(kept) if kept else None
        self.refresh_bindings()
        self.reload_screens()

    async def action_quit(self) -> None:
        """ctrl+q: quit — after asking, when a form holds text that is not saved."""
        from kbm_tui.screens.form_dialog import FormDialog, discard_question

        if self._asking_to_quit:
            return
        if not any(isinstance(s, FormDialog) and s.has_changes() for s in self.screen_stack):
            self.exit()
            return
        self._asking_to_quit = True

        def answered(yes: bool | None) -> None:
            self._asking_to_quit = False
            if yes:
                self.exit()

        self.push_screen(discard_question(quitting=True), answered)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Tab into a filled field puts the cursor at its end: typing adds to the text
        instead of replacing it all."""
        if isinstance(event.widget, Input):
            box = event.widget
            box.selection = Selection.cursor(len(box.value))
        elif isinstance(event.widget, TextArea) and event.widget.cursor_location == (0, 0):
            # The notes too: (0, 0) is where tab leaves it; a cursor put elsewhere stays.
            event.widget.move_cursor(event.widget.document.end)

    # --- going places --------------------------------------------------------------------

    def action_goto(self, mode: str) -> None:
        """A screen key shows that screen itself, never a card left open on top of it."""
        if self.current_mode != mode:
            self.switch_mode(mode)
        self.call_later(self._to_base)

    def _to_base(self) -> None:
        while len(self.screen_stack) > 1 and not self.screen.is_modal:
            self.pop_screen()
        if isinstance(self.screen, TypeToFilter):
            # "c, then type part of the name": were the list focused, as it is after escape,
            # the letters would be keys (the u of "mueller" undid the last change).
            self.call_after_refresh(self.screen.type_anew)

    def leave_customer(self, customer_id: int) -> None:
        """Back to where the person came from, after a customer was archived or forgotten:
        that customer's cards close; the screen under them shows."""
        from kbm_tui.screens.customer import CustomerScreen

        for screen in reversed(self.screen_stack[1:]):
            if not (isinstance(screen, CustomerScreen) and screen.customer_id == customer_id):
                break
            screen.dismiss()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # While a field takes the typing, l and n are letters, not keys: the footer must
        # not offer them then.
        typing = isinstance(self.focused, (Input, TextArea))
        return not (typing and action in ("quick_log", "new_customer"))

    def action_quick_log(self, customer_id: int | None = None) -> None:
        from kbm_tui.screens.quick_log import QuickLog

        self.push_screen(QuickLog(customer_id=customer_id), self._after_save)

    def action_new_customer(self, name: str = "") -> None:
        from kbm_tui.screens.customer_form import CustomerForm

        def opened(customer) -> None:
            if customer is not None:
                self.reload_screens()
                self.open_customer(customer.id)

        self.push_screen(CustomerForm(name=name), opened)

    def _after_save(self, result) -> None:
        if result is not None:
            self.reload_screens()

    def open_customer(self, customer_id: int) -> None:
        from kbm_tui.screens.customer import CustomerScreen

        top = self.screen
        if isinstance(top, CustomerScreen) and top.customer_id == customer_id:
            return
        self.push_screen(CustomerScreen(customer_id))

    def action_open_customer(self, customer_id: int) -> None:
        self.open_customer(customer_id)

    def action_backup(self) -> None:
        from kbm_tui.screens.backup import BackupDialog

        if not isinstance(self.screen, BackupDialog):
            self.push_screen(BackupDialog())

    def action_restore_backup(self) -> None:
        from kbm_tui.screens.restore import RestoreDialog

        if not isinstance(self.screen, RestoreDialog):
            self.push_screen(RestoreDialog())

    def action_import_customers(self) -> None:
        from kbm_tui.screens.import_file import ImportDialog

        if not isinstance(self.screen, ImportDialog):
            self.push_screen(ImportDialog())

    def action_duplicates(self) -> None:
        from kbm_tui.screens.merge import DuplicatesDialog

        if not isinstance(self.screen, DuplicatesDialog):
            self.push_screen(DuplicatesDialog())

    def action_move_out(self, kind: str) -> None:
        from kbm_tui.screens.move_out import MoveOutDialog

        if not isinstance(self.screen, MoveOutDialog):
            self.push_screen(MoveOutDialog(kind))

    def action_help(self) -> None:
        from kbm_tui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss(None)
        else:
            self.push_screen(HelpScreen())


def run_app(db_path: str | Path | None = None, demo: bool = False) -> int:
    """Start the app; raises KbmError before Textual starts if the store can't be opened."""
    if demo:
        print(_("Making a demo bike shop… (thrown away when you quit)"), flush=True)
    store, folder = open_store(db_path, demo=demo)
    while True:
        app = KbmApp(db_path, demo=demo, store=store)
        app._demo_dir = folder
        try:
            app.run()
        except BaseException:
            app.close_store()
            raise
        if app.return_value != RESTART:
            app.close_store()
            return app.return_code or 0
        app._demo_dir = None  # the next one goes on with the same store and demo folder
        app.close_counter()
