"""At 80×24, the terminal most shop PCs open, the lists show whom a row is about and who of
the shop took it whole: a German shop's one person, "Inhaber/in", was "Inhabe…" on every
row of Today, and the names were "Matthias Herrm…", "Bioladen Grün…" while the date
column took 20 cells for "heute 14:00". Narrow lists now write a German day in digits
("Mi 25.11."), and Who is as wide as the names in it.

Fixed clock: Sunday 22 November 2026, 11:30 Berlin.
"""

from __future__ import annotations

import pytest

from kbm_tui.core import i18n
from kbm_tui.core.when import parse_when
from kbm_tui.store import Store
from support import at, running, screen_text, settle

NAMES = ("Matthias Herrmann", "Jürgen Müller", "Anna Schmidt", "Bioladen Grünewald")


@pytest.fixture(params=["de", "en"])
def lang_shop(request, db_path):
    """A fresh shop in the language of the test (its one person is "Inhaber/in" or
    "Owner"), with a promise, a follow-up, a talk and an idea for the longer names."""
    i18n.use(request.param)
    with Store.open(db_path) as s:
        matthias, juergen, anna, bioladen = (s.add_customer(name) for name in NAMES)
        s.make_promise(juergen.id, "Kette bestellen", parse_when("14:00"))
        s.make_promise(matthias.id, "Rechnung schicken", parse_when("3 days ago",
                                                                    allow_past=True))
        s.plan_followup(matthias.id, "Wegen der Inspektion anrufen",
                        parse_when("2 days ago", allow_past=True))
        s.log_conversation(anna.id, "Fragt nach einem Kindersitz", channel="phone",
                           direction="in", at=at(0, 9))
        s.log_conversation(bioladen.id, "Wünscht sich Lastenräder zum Leihen",
                           kind="feedback", at=at(-1, 10))
        owner = s.owner().name
    yield request.param, owner
    i18n.use("en")


def _row(app, text: str) -> str:
    return next(line for line in screen_text(app).splitlines() if text in line)


async def _show(pilot, key: str) -> None:
    await pilot.press(key)
    await settle(pilot)
    if key in "cv":
        await pilot.press("escape")  # from the filter to the list
        await settle(pilot)


async def test_today_names_the_customer_and_who_whole(lang_shop, db_path):
    lang, owner = lang_shop
    async with running(db_path, size=(80, 24)) as pilot:
        for text, name in (("Kette bestellen", "Jürgen Müller"),
                           ("Rechnung schicken", "Matthias Herrmann"),
                           ("Fragt nach", "Anna Schmidt")):
            row = _row(pilot.app, text)
            assert name in row and owner in row, row
        assert "Matthias Herrmann" in _row(pilot.app, "Wegen der Inspektion")  # nobody's yet
        due = _row(pilot.app, "Kette bestellen")
        assert ("heute 14:00" if lang == "de" else "today 14:00") in due
        if lang == "de":  # a day in digits leaves the room to the names
            assert "Do 19.11." in _row(pilot.app, "Rechnung schicken"), screen_text(pilot.app)


@pytest.mark.parametrize("key,text,name", [
    ("p", "Rechnung schicken", "Matthias Herrmann"),
    ("f", "Wegen der Inspektion", "Matthias Herrmann"),
    ("v", "Fragt nach einem", "Anna Schmidt"),
    ("i", "Wünscht sich", "Bioladen Grünewald"),
])
async def test_every_list_names_the_customer_whole(lang_shop, db_path, key, text, name):
    lang, owner = lang_shop
    async with running(db_path, size=(80, 24)) as pilot:
        await _show(pilot, key)
        row = _row(pilot.app, text)
        assert name in row, row
        if key != "f":  # a follow-up planned for nobody in particular
            assert owner in row, row


async def test_the_customer_list_names_a_shop_whole(lang_shop, db_path):
    async with running(db_path, size=(80, 24)) as pilot:
        await _show(pilot, "c")
        for name in NAMES:
            assert name in _row(pilot.app, name.split()[0]), name


async def test_a_wide_list_keeps_its_dates_in_words(lang_shop, db_path):
    lang, owner = lang_shop
    async with running(db_path, size=(160, 45)) as pilot:
        row = _row(pilot.app, "Rechnung schicken")
        assert ("Do., 19. Nov." if lang == "de" else "Thu 19 Nov") in row, row
        assert row.rstrip().endswith(owner)


async def test_todays_title_says_all_its_counts_at_80_columns(lang_shop, db_path):
    """"Sunday 22 November 2026 · … · 1 to follow up · 1 talk" lost "today" at 80 columns
    (German lost "1 Gespräch heute" whole): a title too wide writes the day short, and one
    still too wide takes a second line."""
    lang, _owner = lang_shop
    async with running(db_path, size=(80, 24)) as pilot:
        said = " ".join(screen_text(pilot.app).split())
        assert ("1 Gespräch heute" if lang == "de" else "1 talk today") in said, said
        assert ("So., 22. Nov." if lang == "de" else "Sun 22 Nov") in said
    async with running(db_path, size=(160, 45)) as pilot:
        assert ("Sonntag, 22. November 2026" if lang == "de" else "Sunday 22 November 2026") \
            in screen_text(pilot.app)
