"""Moving in from inside the app: the import with its preview and column choice, undone with
u; the merge screen side by side; vCard and calendar out."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Button, DataTable, Select

from kbm_tui.screens.import_file import ImportDialog
from kbm_tui.store import Store
from support import notes, screen_text, settle, wait_for

DATA = Path(__file__).parent.parent / "data" / "import"


async def test_an_import_shows_its_preview_first_and_is_undone_with_u(pilot, shop):
    app = pilot.app
    before = app.store.count_customers("")
    dialog = ImportDialog(str(DATA / "kunden_excel.csv"))
    app.push_screen(dialog)
    assert await wait_for(pilot, lambda: dialog.plan is not None)
    await settle(pilot)
    text = screen_text(app)
    assert "3 new" in text and "Günther Köhler" in text
    chosen = {select.name: select.value for select in dialog.query(Select).results(Select)}
    assert chosen["Handy"] == "mobile" and chosen["Telefon"] == "phone"
    assert app.store.count_customers("") == before  # nothing written yet
    await pilot.press("ctrl+s")
    assert await wait_for(pilot, lambda: app.screen is not dialog)
    await settle(pilot)
    assert app.store.count_customers("") == before + 3
    assert any("3 added" in n for n in notes(app))
    await pilot.press("u")
    await settle(pilot)
    assert app.store.count_customers("") == before


async def test_a_column_whose_title_says_nothing_can_be_given_a_meaning(pilot, tmp_path):
    app = pilot.app
    path = tmp_path / "liste.csv"
    path.write_text("Wer;Nummer\nGisela Pohl;0341 4455660\n", encoding="utf-8")
    dialog = ImportDialog(str(path))
    app.push_screen(dialog)
    assert await wait_for(pilot, lambda: "No column says who" in screen_text(app))
    assert dialog.query_one("#import-go", Button).disabled
    selects = list(dialog.query("#import-columns Select").results(Select))
    assert [s.name for s in selects] == ["Wer", "Nummer"]
    selects[0].value = "name"
    selects[1].value = "phone"
    assert await wait_for(pilot, lambda: dialog.plan is not None)
    await settle(pilot)
    assert not dialog.query_one("#import-go", Button).disabled
    table = dialog.query_one("#import-preview", DataTable)
    assert table.get_row_at(0)[1] == "Gisela Pohl"


async def test_a_broken_file_is_named_next_to_the_field_and_nothing_changes(pilot):
    app = pilot.app
    before = app.store.count_customers("")
    dialog = ImportDialog(str(DATA / "broken.vcf"))
    app.push_screen(dialog)
    assert await wait_for(pilot, lambda: "card 2 (line 6)" in screen_text(app))
    assert dialog.query_one("#import-go", Button).disabled
    assert app.store.count_customers("") == before


async def test_two_cards_side_by_side_become_one_and_u_takes_it_back(pilot):
    from kbm_tui.screens.merge import DuplicatesDialog

    app = pilot.app
    store: Store = app.store
    a = store.add_customer("Jürgen Müller", phone="+49 341 9876543")
    b = store.add_customer("Juergen Mueller", phone="0341 9876543", email="jm@example.de")
    store.log_conversation(b.id, "Bremsen quietschen")
    dialog = DuplicatesDialog()
    app.push_screen(dialog)
    assert await wait_for(pilot, lambda: "Juergen Mueller" in screen_text(app))
    assert "same phone number" in screen_text(app)
    await pilot.press("enter")
    assert await wait_for(pilot, lambda: "the merged card" in screen_text(app))
    await settle(pilot)
    await pilot.press("right")  # the name as the second card writes it
    await settle(pilot)
    assert "▶ Juergen Mueller" in screen_text(app)
    await pilot.press("ctrl+s")
    assert await wait_for(pilot, lambda: store.get_customer(a.id).name == "Juergen Mueller")
    await settle(pilot)
    card = store.get_customer(a.id)
    assert card.name == "Juergen Mueller" and card.email == "jm@example.de"
    assert [c.name for c in store.list_customers("quietschen")] == ["Juergen Mueller"]
    await pilot.press("escape")
    await settle(pilot)
    await pilot.press("u")
    await settle(pilot)
    assert store.get_customer(a.id).name == "Jürgen Müller"
    assert [c.name for c in store.list_customers("quietschen")] == ["Juergen Mueller"]
    assert store.get_customer(b.id).email == "jm@example.de"


async def test_customers_out_as_vcard_and_what_is_owed_as_a_calendar(pilot, tmp_path):
    from kbm_tui.screens.move_out import MoveOutDialog

    app = pilot.app
    app.push_screen(MoveOutDialog("vcard", folder=tmp_path))
    await settle(pilot)
    await pilot.press("enter")
    assert await wait_for(pilot, lambda: list(tmp_path.glob("*.vcf")))
    (cards,) = tmp_path.glob("*.vcf")
    assert cards.read_text(encoding="utf-8").count("BEGIN:VCARD") == app.store.count_customers("")
    app.push_screen(MoveOutDialog("calendar", folder=tmp_path))
    await settle(pilot)
    await pilot.press("enter")
    assert await wait_for(pilot, lambda: (tmp_path / "kbm-kalender.ics").exists())
    assert "BEGIN:VEVENT" in (tmp_path / "kbm-kalender.ics").read_text(encoding="utf-8")
    assert any("follow-up" in n and " to " in n for n in notes(app))


async def test_the_palette_offers_import_duplicates_vcard_and_calendar(pilot):
    from support import in_palette

    await in_palette(pilot, "import cust", "Import customers")
    await pilot.press("enter")
    assert await wait_for(pilot, lambda: isinstance(pilot.app.screen, ImportDialog))
    await pilot.press("escape")
    await settle(pilot)
    for typed, offered in (("duplicates", "Find duplicates"), ("vcard", "Customers as vCard"),
                           ("calendar", "Promises and follow-ups as a calendar")):
        await in_palette(pilot, typed, offered)
        await pilot.press("escape")
        await settle(pilot)


async def test_a_new_customer_who_looks_known_is_asked_about(pilot):
    from kbm_tui.screens.customer import CustomerScreen
    from kbm_tui.screens.duplicate_found import DuplicateFound
    from kbm_tui.screens.merge import MergeDialog
    from support import type_text

    app = pilot.app
    known = app.store.add_customer("Jürgen Müller", phone="+49 341 9876543")
    before = app.store.count_customers("")
    await pilot.press("n")
    await settle(pilot)
    await type_text(pilot, "Juergen Mueller")
    await pilot.press("tab")
    await type_text(pilot, "0341 9876543")
    await pilot.press("ctrl+s")
    assert await wait_for(pilot, lambda: isinstance(app.screen, DuplicateFound))
    await settle(pilot)
    text = screen_text(app)
    assert "Juergen Mueller may be here already" in text and "same phone number" in text
    await pilot.press("o")  # open the known customer instead
    assert await wait_for(pilot, lambda: f"#{known.id}" in screen_text(app)
                          or "Jürgen Müller" in screen_text(app))
    await settle(pilot)
    assert app.store.count_customers("") == before
    await pilot.press("n")
    await settle(pilot)
    await type_text(pilot, "Juergen Mueller")
    await pilot.press("tab")
    await type_text(pilot, "0341 9876543")
    await pilot.press("ctrl+s")
    assert await wait_for(pilot, lambda: isinstance(app.screen, DuplicateFound))
    await pilot.press("a")  # add anyway
    assert await wait_for(pilot, lambda: app.store.count_customers("") == before + 1)
    await settle(pilot)
    await pilot.press("escape")
    await settle(pilot)
    await pilot.press("n")
    await settle(pilot)
    await type_text(pilot, "J. Müller")
    await pilot.press("tab")
    await type_text(pilot, "+49 341 98765 43")
    await pilot.press("ctrl+s")
    assert await wait_for(pilot, lambda: isinstance(app.screen, DuplicateFound))
    await pilot.press("m")  # save and merge: the two cards side by side
    assert await wait_for(pilot, lambda: isinstance(app.screen, MergeDialog))
    await settle(pilot)
    assert "J. Müller" in screen_text(app) and "the merged card" in screen_text(app)
    await pilot.press("ctrl+s")
    assert await wait_for(pilot, lambda: isinstance(app.screen, CustomerScreen)
                          and app.screen.customer_id == known.id)
    assert app.store.count_customers("") == before + 1


async def test_m_on_a_card_shows_the_look_alike_side_by_side(pilot):
    from kbm_tui.screens.merge import MergeDialog

    app = pilot.app
    a = app.store.add_customer("Jürgen Müller", phone="+49 341 9876543")
    b = app.store.add_customer("J. Mueller", phone="0341 9876543")
    app.open_customer(a.id)
    await settle(pilot)
    await pilot.press("M")
    assert await wait_for(pilot, lambda: isinstance(app.screen, MergeDialog))
    await settle(pilot)
    assert "J. Mueller" in screen_text(app) and "the merged card" in screen_text(app)
    await pilot.press("ctrl+s")
    assert await wait_for(pilot, lambda: len(app.store.merges_of(a.id)) == 1)
    # The card says whose card joined it, until the merge is taken back.
    assert await wait_for(pilot, lambda: "Merged" in screen_text(app)
                          and f"J. Mueller (#{b.id})" in screen_text(app))
    await pilot.press("u")
    assert await wait_for(pilot, lambda: "Merged" not in screen_text(app))
