"""Textual's own words (its palette, its system commands, its hints and key names) in the
shop's language, where Textual lets an app say them itself.

What it does not let an app translate is named in the issue 14 notes; "No matches found" is
written by a private method, repeated in `ui.palette.Palette`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from kbm_tui.core.errors import os_reason
from kbm_tui.core.i18n import N_, _
from kbm_tui.ui.palette import Palette

# Translators: short names of keys, as the footer and the palette show them
KEY_CAPS = {"delete": N_("del"), "home": N_("home"), "end": N_("end"),
            "pageup": N_("pgup"), "pagedown": N_("pgdn")}


class TextualWords(App):
    """Mixed into the app: Textual's words replaced by the catalogue's."""

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's own commands in the palette, in the shop's language."""
        yield SystemCommand(_("Theme"), _("Change the current theme"), self.action_change_theme)
        yield SystemCommand(_("Quit"), _("Quit the application"), self.action_quit)
        if screen.maximized is not None:
            yield SystemCommand(_("Minimize"), _("Restore the widget to its normal size"),
                                screen.action_minimize)
        elif screen.focused is not None and screen.focused.allow_maximize:
            yield SystemCommand(_("Maximize"), _("Maximize the focused widget"),
                                screen.action_maximize)
        yield SystemCommand(_("Screenshot"), _("Save an SVG picture of the screen"),
                            lambda: self.set_timer(0.1, self.screenshot_to_file))

    def action_command_palette(self) -> None:
        if self.use_command_palette and not self.screen.has_class("--textual-command-palette"):
            self.push_screen(Palette(id="--command-palette",
                                     placeholder=_("Search for commands…")))

    def search_themes(self) -> None:
        from textual.theme import ThemeProvider

        self.push_screen(Palette(providers=[ThemeProvider],
                                 placeholder=_("Search for themes…")))

    def action_help_quit(self) -> None:
        """ctrl+c does not quit (it copies): say which key does."""
        self.notify(_("Press ctrl+q to quit the app"), title=_("Do you want to quit?"),
                    markup=False)

    def get_key_display(self, binding: Binding) -> str:
        """Keys as their caps say in the shop's language (Entf, Pos1, Bild↑ in German)."""
        shown = KEY_CAPS.get(binding.key)
        return _(shown) if shown else super().get_key_display(binding)

    def screenshot_to_file(self) -> None:
        """A picture of the screen as an SVG file in the Downloads folder, else Pictures,
        else the home folder — said in a notification (Textual's own says it in English
        and fails when there is no Downloads folder)."""
        folder = picture_folder()
        try:
            path = self.save_screenshot(path=str(folder))
        except OSError as exc:
            self.notify(_("The screenshot could not be saved: {reason}").format(
                reason=os_reason(exc)), title=_("Screenshot"), severity="error",
                markup=False)
            return
        self.notify(_("Saved the screenshot to {file}").format(file=path),
                    title=_("Screenshot"), markup=False)


def picture_folder() -> Path:
    """The first of Downloads, Pictures, home that exists and can be written."""
    import platformdirs

    for found in (platformdirs.user_downloads_dir(), platformdirs.user_pictures_dir(),
                  str(Path.home())):
        folder = Path(found)
        if folder.is_dir() and os.access(folder, os.W_OK):
            return folder
    return Path.home()
