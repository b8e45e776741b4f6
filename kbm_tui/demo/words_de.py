"""The demo shop's German words: what its customers say and what it promises, when the demo
is made in German (names, streets and bikes are in words.py, the same in both languages).

Each list has the English one's shape (words.py): the same entries in the same order with
the same weights, so one seed gives the same shop in either language.
"""

from __future__ import annotations

from kbm_tui.demo import words
from kbm_tui.demo.words import _templates, _w

NOTES = _w(
    "fährt täglich zur Arbeit, hat ein Lastenrad|lieber Termine am Vormittag|"
    "zwei Kinder, überlegt einen Kinderanhänger|pendelt 18 km pro Strecke, das ganze Jahr|"
    "sehr groß (1,98 m), braucht XL-Rahmen|fährt Liegerad, bitte durch die Hintertür bringen|"
    "schwerhörig: deutlich sprechen, besser persönlich|zahlt nur bar|"
    "macht im Sommer lange Touren (Elberadweg, Donau)|Knieprobleme, schaut nach E-Bikes|"
    "bringt das Rad jedes Frühjahr zur großen Inspektion|Sohn kommt auch, gleicher Nachname|"
    "möchte die alten Teile nach einer Reparatur zurück|"
    "hat einen Ersatzschlüssel für das Rahmenschloss hier|"
    "trainiert für den Leipziger Radmarathon|fragt viel, kauft wenig, immer freundlich")
TAGS = _w("E-Bike|Lastenrad|Familie|Verein|Pendler|Rennrad|Gravel|MTB|Touren|Kinder|Stammkunde|"
          "Leasing|Liegerad|Oldtimer|Student|Senior")
DNC_REASONS = _w(
    "möchte keine Werbung|weggezogen, meldet sich selbst bei Bedarf|"
    "hat jedem Kontakt widersprochen (DSGVO), 2024|kommt nur vorbei, keine Anrufe, keine Post|"
    "hat sich über zu viele Newsletter beschwert")
HEAVY_NOTES = ("Flotte mit 40 Rädern, Rechnungen ans Büro", "Firma, Flotte, Lastenrad")

PARTS = [("Schwalbe Marathon Plus Reifen (Paar)", 7990), ("Bremsbeläge, Shimano", 2490),
         ("Brooks B17 Sattel", 12990), ("Ortlieb Back-Roller Taschen", 15990),
         ("Abus Bordo Faltschloss", 8990), ("Busch+Müller Lichtset", 6490),
         ("Bosch PowerPack 500 Akku", 79900), ("Thule Yepp Kindersitz", 14990),
         ("KMC Kette", 2990), ("Ergon Griffe", 3490), ("Shimano Deore Schaltwerk", 5990),
         ("Regenverdeck für die Lastenbox", 11990), ("Schläuche (2)", 1390),
         ("Schutzbleche SKS", 3990), ("Ständer, Pletscher", 2990), ("Klingel", 690),
         ("Continental Contact Urban Reifen", 3990), ("Spiegel", 1690),
         ("Selle Royal Sattel", 4990)]
SERVICES = [("Jahresinspektion", "Jahresinspektion: Bremsen eingestellt, Kette geölt", 8900),
            ("Bremsenservice", "Bremsbeläge gewechselt, Kette gereinigt", 5400),
            ("Plattenreparatur", "Platten geflickt, neuer Schlauch", 1500),
            ("Laufrad zentrieren", "Hinterrad zentriert, zwei Speichen ersetzt", 2500),
            ("Antriebsservice", "neue Kette und Kassette montiert", 9800),
            ("Schaltzugwechsel", "Schaltzüge gewechselt, Schaltung eingestellt", 3900),
            ("Motorcheck", "Bosch-Motor aktualisiert und geprüft", 4900),
            ("Bremsen entlüften", "Hydraulikbremsen entlüftet", 4500),
            ("Frühjahrsservice Lastenrad", "Frühjahrsservice am Lastenrad erledigt", 12900),
            ("Ölwechsel Nabe", "Nabenschaltung: Öl gewechselt", 3500),
            ("Lichtreparatur", "Lichtkabel repariert", 2900)]

_T = {
    "inquiry": """
in; phone email store web social; fragt, ob es das {bike} in {size} gibt; none
  -> zurückrufen, sobald das {bike} in {size} da ist
in; phone email store; fragt, ob {part} vorrätig ist; none
  -> {part} bestellen und Bescheid geben, wenn es da ist
in; phone store; möchte wissen, was die {service} kostet; none
  -> den Preis für die {service} schicken
in; email web social; fragt nach Dienstradleasing für das {bike}; none
  -> die Leasingunterlagen für das {bike} schicken
in; store phone; möchte das {bike} Probe fahren; none
  -> das {bike} für die Probefahrt bereitstellen
in; phone email; fragt, wann das Rad fertig ist; none
  -> Bescheid geben, sobald das Rad fertig ist
out; phone email; nachgefragt, wie das neue {bike} ({size}) nach den ersten Wochen passt; none
  -> den Vorbau tauschen, falls er noch zu lang ist""",
    "offer": """
out; email store letter; Angebot für das {bike} in {size}, mit Lieferung; none
  -> den Preis für das {bike} bis Monatsende halten
out; email letter; Angebot für die {service} plus {part}; none
  -> einen Werkstatttermin für die {service} freihalten
out; email; Flottenangebot: 4 x {bike} mit 3 Jahren Service; none
  -> ein überarbeitetes Flottenangebot mit Leasing schicken""",
    "purchase": """
in; store store store web phone; hat {part} gekauft; part; 8
  -> {part} umtauschen, falls es nicht passt
in; store store web; hat ein neues {bike} ({size}) gekauft; bike
  -> kostenloser Check nach den ersten 300 km / das {bike} nach Hause liefern
in; store; hat die {service} bezahlt; service; 4
  -> die Rechnung für die {service} per E-Mail schicken""",
    "invoice": """
out; email letter; Rechnung für die {service}; service; 4
  -> eine korrigierte Rechnung für die {service} schicken
out; email letter store; Rechnung für das {bike}; bike
  -> die Rechnung an die Büroadresse schicken
out; email; Rechnung für {part}; part; 3
  -> eine korrigierte Rechnung schicken""",
    "payment": """
in; web web store letter; Zahlung für die {service} eingegangen; service; 4
  -> die Quittung per E-Mail schicken
in; web store; Zahlung für das {bike} eingegangen; bike
  -> die Garantieunterlagen für das {bike} schicken
in; store web; Zahlung für {part}; part; 3
  -> die Quittung per E-Mail schicken""",
    "complaint": """
in; store phone email; Bremsen quietschen nach dem Bremsenservice schon wieder; none
  => Bremsen kostenlos nachgestellt, Kundin zufrieden
  -> die Bremsen noch einmal kostenlos prüfen
in; phone email letter; {part} nach zwei Wochen kaputt; none
  => auf Garantie ersetzt
  -> {part} auf Garantie ersetzen
in; store phone; Rad war am versprochenen Tag nicht fertig; none
  => entschuldigt, am nächsten Morgen nach Hause geliefert
  -> das Rad kostenlos nach Hause liefern
in; email social; die {service} doppelt abgebucht; none
  => doppelte Abbuchung erstattet
  -> die doppelte Abbuchung erstatten
in; store email; Akku des {bike} verliert schnell Ladung; none
  => Akku vom Bosch-Service getauscht
  -> mit der Antwort von Bosch zum Akku zurückrufen
in; phone store; klappert seit dem Frühjahrsservice an der Lastenbox; none
  => Halterungen der Box nachgezogen, einen Kaffee ausgegeben
  -> die Halterungen der Box nachziehen, während sie warten""",
    "return": """
in; store store letter; {part} zurückgegeben, falsche Größe; part
  -> gegen die richtige Größe tauschen
in; store; {part} zurückgegeben, unbenutzt; part
  -> innerhalb von 5 Tagen auf die Karte erstatten""",
    "service": """
in; store; hat das Rad zur {service} gebracht; none; 3
  -> Rad abholbereit / die {service} am vereinbarten Tag erledigt
in; store; {done}; none; 3
  -> die alten Teile zur Abholung aufheben / die {service} nach einem Monat nachprüfen
out; phone email social; Bescheid gegeben, dass das Rad fertig ist: {done}; none
  -> das Rad bis Samstag hierbehalten
out; visit; mobile Reparatur vor der Haustür: {done}; none
  -> mit dem fehlenden {part} wiederkommen
in; store; {part} montiert; none
  -> {part} nach der ersten Woche nachstellen
in; store; Sitzposition für das {bike} eingestellt, Sattelhöhe angepasst; none
  -> einen kürzeren Vorbau für das {bike} bestellen""",
    "feedback": """
in; store email social web; wünscht sich, dass wir {part} führen; none
  -> sagen, ob wir {part} ins Sortiment nehmen
in; store email; schlägt ein Reparaturcafé am Samstag vor; none
  -> den Termin des Reparaturcafés schicken
in; social web; mag die neuen Öffnungszeiten, wünscht sich einen langen Abend; none
  -> sagen, ob der lange Abend kommt
in; store letter; Idee: Leihräder während längerer Reparaturen; none
  -> noch einmal fragen, sobald es Leihräder gibt
in; email store; wünscht sich ein Lastenrad-Testwochenende; none
  -> die Einladung zum Testwochenende schicken
in; store; sagt, die Werkstatt habe alles gut erklärt; none
  -> das Lob an die Werkstatt weitergeben""",
    "other": """
in; store phone; zum Plaudern über das {bike} vorbeigekommen; none
  -> Fotos vom {bike} in der anderen Farbe schicken
out; email letter; zum Probefahrtag im Frühjahr eingeladen; none
  -> die Fotos vom Probefahrtag schicken
out; phone email; an die Jahresinspektion erinnert; none
  -> einen Termin für die Jahresinspektion freihalten
in; email phone; Telefonnummer und Adresse geändert; none
  -> die Adresse auf der offenen Rechnung ändern
out; letter email; Rückrufinfo zum Bremshebel des {bike} geschickt; none
  -> den Bremshebel tauschen, wenn sie vorbeikommen""",
}
TEMPLATES = {kind: _templates(text) for kind, text in _T.items()}
AFTER_LUNCH = _w("nach der Mittagspause: Rad um 14 Uhr fertig|"
                 "nach der Mittagspause mit dem Preis zurückrufen|"
                 "nach der Mittagspause mit der Antwort des Lieferanten melden")
CLOSE_NOTES = {
    "broken": _w("Rückruf vergessen|Lieferant hat nicht rechtzeitig geliefert|Mechaniker "
                 "war krank, niemand hat Bescheid gesagt|Teil in der Werkstatt verloren, "
                 "nachbestellt"),
    "cancelled": _w("braucht es nicht mehr|woanders gekauft|selbst gelöst"),
}
CHANGE_REASONS = _w("Teil verspätet sich beim Lieferanten|Kundin möchte lieber Samstag|"
                    "Werkstatt diese Woche voll|wartet auf die Garantieentscheidung")
FOLLOWUPS = _w(
    "fragen, wie das neue {bike} nach den ersten 500 km fährt|an die Jahresinspektion erinnern|"
    "wegen des Frühjahrsservice anrufen|prüfen, ob das Ersatzteil {part} angekommen ist|"
    "zum Lastenrad-Testwochenende einladen|nach Rückmeldung zur {service} fragen|"
    "vor dem Winter einen Akkucheck anbieten|fragen, ob das Kinderrad noch passt")
CHECK_IN = "melden, wie vereinbart alle {n} Tage"  # a follow-up the customer asked for
AGAINST = {"dnc": "kein Kontakt gewünscht", "channel": "möchte lieber {channel}"}
CHANNELS = {"store": "im Laden", "phone": "Telefon", "email": "E-Mail", "letter": "Brief",
            "social": "Messenger", "web": "Web", "visit": "Besuch"}
# The same in both languages.
BIKES, SIZES, KIND_WEIGHTS = words.BIKES, words.SIZES, words.KIND_WEIGHTS
ORIGINS, BUSINESSES, HEAVY_BUSINESSES = words.ORIGINS, words.BUSINESSES, words.HEAVY_BUSINESSES
MOBILE_PREFIXES, AREA_CODES, MAIL_HOSTS = words.MOBILE_PREFIXES, words.AREA_CODES, words.MAIL_HOSTS
STREETS, POSTCODES = words.STREETS, words.POSTCODES
