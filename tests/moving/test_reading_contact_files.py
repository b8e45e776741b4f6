"""Every kind of contact file a shop has, read by its content and its column titles."""

from __future__ import annotations

from pathlib import Path

import pytest

from kbm_tui.core.cards import to_customer
from kbm_tui.moving.columns import parse_map
from kbm_tui.moving.read import load
from kbm_tui.moving.source import ImportFileError

DATA = Path(__file__).parent.parent / "data" / "import"


def customers(name: str, **kw) -> dict[str, dict]:
    loaded = load(DATA / name, **kw)
    return {v["name"]: v for v in map(to_customer, loaded.cards)}


def test_an_iphone_export_with_labels_folded_lines_and_a_photo():
    loaded = load(DATA / "iphone.vcf")
    assert loaded.format == "vcard" and len(loaded.cards) == 3
    people = customers("iphone.vcf")
    jurgen = people["Jürgen Müller"]
    assert jurgen["phone"] == "+49 171 2345678" and jurgen["more_contacts"] == "work: 0341 9876543"
    assert jurgen["address"] == "Karl-Heine-Straße 12, 04229 Leipzig"
    assert jurgen["birthday"] == "--05-04"  # Apple's 1604: the year is not known
    assert jurgen["notes"].startswith("Fährt ein E-Bike von Riese & Müller, kommt meist samstags. Möchte bei neuen")
    assert jurgen["tags"] == "Stammkunde, E-Bike" and jurgen["organization"] == "Radsport Müller GmbH"
    assert jurgen["source_key"] == "vcard:6A0F2B1C-3E4D-4F5A-9B8C-7D6E5F4A3B2C"
    kita = people["Kita Sonnenschein"]
    assert "work fax: (0341) 22 33 45" in kita["more_contacts"]
    assert "web: https://kita-sonnenschein.example" in kita["more_contacts"]


def test_a_vcard_4_with_uri_numbers_and_a_birthday_without_year():
    people = customers("thunderbird_v4.vcf")
    heike = people["Heike Groß"]
    assert heike["phone"] == "+49-170-9988776" and heike["birthday"] == "--05-04"
    assert heike["more_contacts"].splitlines() == [
        "home: +49-341-4455667", "work: h.gross@stadtwerke.example",
        "work: Augustusplatz 1, 04109 Leipzig"]
    assert "Ayşe Öztürk" in people  # "Öztürk, Ayşe" turned round by its N


def test_google_contacts_in_the_current_and_the_old_header():
    assert load(DATA / "google_contacts.csv").format == "google"
    people = customers("google_contacts.csv")
    jurgen = people["Jürgen Müller"]
    assert jurgen["phone"] == "+49 171 2345678" and "0341 9876543" in jurgen["more_contacts"]
    assert jurgen["tags"] == "Stammkunden"  # Google's own "* myContacts" left out
    assert jurgen["notes"] == "Kauft Ersatzteile,\nfragt nach Touren"
    assert people["Petra Lehmann"]["organization"] == "Praxis Dr. Lehmann"
    assert people["Petra Lehmann"]["birthday"] == "--03-21"
    old = customers("google_old.csv")
    assert load(DATA / "google_old.csv").format == "google"
    assert old["Sabine Krüger"]["address"] == "Lützner Str. 40, 04177 Leipzig"
    assert old["Sabine Krüger"]["more_contacts"] == "home: (0341) 12 34 56"
    assert old["Thomas Weiß"]["organization"] == "Fahrradkurier Weiß"


def test_outlook_in_german_windows_1252_with_semicolons_and_in_english():
    assert load(DATA / "outlook_de.csv").format == "outlook"
    renate = customers("outlook_de.csv")["Renate Schäfer"]
    assert renate["phone"] == "0341 3580011"
    assert renate["address"] == "Hauptstraße 20, 04416 Markkleeberg"
    assert renate["birthday"] == "1966-08-12" and renate["tags"] == "Geschäftskunde, Lastenrad"
    assert "mobile: 0172 6677889" in renate["more_contacts"]
    assert "home: Am Rain 3, 04416 Markkleeberg" in renate["more_contacts"]
    assert "email: renate.schaefer@web.de" in renate["more_contacts"]
    klaus = customers("outlook_en.csv")["Klaus Zimmermann"]
    assert klaus["birthday"] == "1958-03-07" and klaus["organization"] == "Zimmermann Elektro"


def test_a_german_excel_list_and_a_utf8_list_with_bom():
    people = customers("kunden_excel.csv")
    assert people["Günther Köhler"]["source_key"] == "id:1001"  # Name + Vorname
    assert people["Günther Köhler"]["notes"] == "Stammkunde seit 1998"
    assert people["Ute Weißenborn"]["phone"] == "0176 99887766"
    assert set(customers("kunden_utf8_bom.csv")) == {"Maria Fernández", "Zoë Ødegaard"}


def test_an_xlsx_workbook(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Kunde", "Telefon", "E-Mail", "Geburtstag", "Ort"])
    sheet.append(["Gisela Pohl", "0341 4455660", "gisela@pohl.example", None, "Leipzig"])
    sheet.append([None, None, None, None, None])
    sheet.append(["Horst Engel", 3414455661, None, None, None])
    from datetime import datetime
    sheet["D2"] = datetime(1961, 7, 30)
    book.save(tmp_path / "kunden.xlsx")
    loaded = load(tmp_path / "kunden.xlsx")
    assert loaded.format == "xlsx" and [c.where for c in loaded.cards] == ["row 2", "row 4"]
    people = {v["name"]: v for v in map(to_customer, loaded.cards)}
    assert people["Gisela Pohl"]["birthday"] == "1961-07-30"
    assert people["Gisela Pohl"]["address"] == "Leipzig"
    assert people["Horst Engel"]["phone"] == "3414455661"


def test_map_names_the_columns_a_title_does_not_say():
    loaded = load(DATA / "no_header.csv", mapping=parse_map(["Müller=name,0341 123=phone",
                                                              "m@example.de=email"]))
    assert [to_customer(c)["name"] for c in loaded.cards] == ["Schmidt"]


def test_a_hostile_list_is_harmless_text_or_refused_with_its_line():
    loaded = load(DATA / "hostile.csv")
    names, rejected = [], []
    for card in loaded.cards:
        try:
            names.append(to_customer(card)["name"])
        except Exception as exc:
            rejected.append((card.where, str(exc)))
    assert names[0] == '=HYPERLINK("http://evil.example","Klick")'  # stored as text
    assert names[1] == "Eva [31mRot"  # the escape character is gone
    assert rejected == [("line 4", "The name is 300 characters long; at most 200 fit. Shorten it."),
                        ("line 6", "It has no name.")]


def test_a_name_with_text_after_its_quotation_marks_is_read_as_written(tmp_path):
    path = tmp_path / "lose.csv"
    path.write_bytes('Name;Telefon;Notiz\n"Müller" Fahrräder;0341 1;Laufrad 28"\nEva;0171 1;'
                     '"Zeile eins\nZeile zwei"\n'.encode())
    assert [(c.name, c.notes) for c in load(path).cards] == [
        ("Müller Fahrräder", 'Laufrad 28"'), ("Eva", "Zeile eins\nZeile zwei")]


@pytest.mark.parametrize("name, content, says", [
    ("broken.vcf", None, "broken.vcf, card 2 (line 6): The card has no END:VCARD"),
    ("no_header.csv", None, 'no_header.csv, line 1: No column says who the person is'),
    ("bild.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "bild.jpg: This is not a contact file"),
    ("leer.csv", b"  \n", "leer.csv: The file is empty."),
    ("archiv.zip", b"PK\x03\x04rest", "archiv.zip: This is a zip archive, not a contact file"),
    ("kaputt.vcf", b"BEGIN:VCARD\nVERSION:3.0\nFN:Eva\nTEL;;;:\nEND:VCARD\n",
     'kaputt.vcf, card 1 (line 4): The line "TEL;;;:" can\'t be read.'),
    ("rest.vcf", b"BEGIN:VCARD\nVERSION:3.0\nFN:Eva\nEND:VCARD\nhallo\n",
     "rest.vcf, line 5: This line is outside any card"),
    ("kodierung.csv", b"Name\n\x81\x8d\x8f\x90\n", "kodierung.csv, line 2: The text is in an encoding kbm doesn't know"),
    ("kontakte.vcf", b"\xff\xfe\x00garbage", "kontakte.vcf: This file is named as a vCard but "
                                            "does not begin like one"),
    ("notiz.vcf", b"Name;Telefon\nEva;0171 1\n", "notiz.vcf: This file is named as a vCard"),
    ("offen.csv", b'Name;Telefon\nEva;0171 1\n"Kaputt;0341\nBen;0171 2\n',
     'offen.csv, line 3: A quotation mark (") opened in this line is never closed'),
    ("gemischt.csv", 'Name;Telefon;Notiz\n"Müller" Fahrräder;0341 111;ok\nBerta Bär;0341 222;'
     '"hallo\nKaputt Karl;0341 333;x\nDora Dee;0341 444;y\n'.encode(),
     'gemischt.csv, line 3: A quotation mark (") opened in this line is never closed'),
])
def test_a_file_that_cannot_be_imported_is_refused_naming_file_and_line(tmp_path, name, content, says):
    path = DATA / name if content is None else tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(ImportFileError) as refused:
        load(path)
    assert str(refused.value).startswith(says) and str(refused.value).endswith("Nothing was imported.")
