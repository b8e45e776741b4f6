"""Word lists for the demo shop (demo.py): a bike shop in Leipzig and the people around it
(demo_people.py makes customers out of them).

Lists are `|`-separated strings so a hundred names fit on a few lines. Summaries never
name the channel ("let them know", not "called her"), because the generator picks the
channel separately, from the customer's wishes and the day of the week.
"""

from __future__ import annotations


def _w(text: str) -> list[str]:
    return [w.strip() for w in text.split("|") if w.strip()]


# (weight, female first names, male first names, surnames): names common in Germany.
ORIGINS = [
    (80, _w("Anna|Julia|Laura|Lea|Sarah|Katharina|Lisa|Sabine|Petra|Claudia|Monika|Andrea|"
            "Nicole|Stefanie|Christina|Sandra|Birgit|Ursula|Renate|Heike|Anja|Jana|Lena|Marie|"
            "Sophie|Hannah|Emma|Mia|Johanna|Franziska|Susanne|Karin|Ines|Antje|Doreen|Jördis"),
     _w("Thomas|Michael|Andreas|Stefan|Markus|Christian|Daniel|Tobias|Jan|Lukas|Jonas|Felix|"
        "Max|Paul|Florian|Sebastian|Matthias|Uwe|Frank|Jürgen|Klaus|Wolfgang|Peter|Ralf|Jens|"
        "Sven|Dirk|Holger|Maik|René|Ben|Leon|Finn|Niklas|Tim|Moritz|Henrik|Götz"),
     _w("Müller|Schmidt|Schneider|Fischer|Weber|Meyer|Wagner|Becker|Schulz|Hoffmann|Schäfer|"
        "Koch|Bauer|Richter|Klein|Wolf|Schröder|Neumann|Schwarz|Zimmermann|Braun|Krüger|"
        "Hofmann|Hartmann|Lange|Schmitt|Werner|Krause|Meier|Lehmann|Schmid|Schulze|Maier|"
        "Köhler|Herrmann|König|Walter|Mayer|Huber|Kaiser|Fuchs|Peters|Lang|Scholz|Möller|Weiß|"
        "Jung|Hahn|Vogel|Friedrich|Keller|Günther|Frank|Berger|Winkler|Roth|Beck|Lorenz|"
        "Baumann|Franke|Albrecht|Schuster|Simon|Ludwig|Böhm|Winter|Kraus|Martin|Schumacher|"
        "Vogt|Stein|Jäger|Otto|Sommer|Groß|Seidel|Heinrich|Brandt|Haas|Schreiber|Graf|"
        "Dietrich|Ziegler|Kühn|Pohl|Engel|Horn|Busch|Bergmann|Thomas|Voigt|Sauer|Arnold")),
    (6, _w("Ayşe|Elif|Zeynep|Emine|Fatma|Merve|Aylin|Derya|Selin|Büşra"),
     _w("Mehmet|Mustafa|Ahmet|Emre|Can|Murat|Hakan|Deniz|Serkan|Yusuf"),
     _w("Yılmaz|Kaya|Demir|Şahin|Çelik|Yıldız|Öztürk|Aydın|Arslan|Doğan|Koç|Kılıç")),
    (4, _w("Katarzyna|Agnieszka|Magdalena|Joanna|Monika|Ewa|Anna|Małgorzata"),
     _w("Piotr|Tomasz|Krzysztof|Paweł|Marcin|Łukasz|Jakub|Michał"),
     _w("Nowak|Kowalski|Wiśniewski|Wójcik|Kowalczyk|Kamiński|Lewandowski|Zieliński")),
    (3, _w("Giulia|Francesca|Chiara|Sara|Valentina|Elena"),
     _w("Marco|Luca|Alessandro|Giuseppe|Matteo|Lorenzo|Davide"),
     _w("Rossi|Russo|Ferrari|Esposito|Bianchi|Romano|Colombo|Ricci|Marino|Greco|Bruno")),
    (3, _w("Olga|Natalia|Jelena|Irina|Swetlana|Anastasia"),
     _w("Alexander|Dmitri|Sergej|Andrej|Wladimir|Nikolai"),
     _w("Schmidt|Iwanow|Petrow|Smirnow|Wolkow|Becker|Kuznezow|Popow|Wagner")),
    (2, _w("Layla|Amira|Fatima|Nour|Yasmin|Rania"),
     _w("Ahmad|Omar|Khaled|Samir|Karim|Ali|Hassan"),
     _w("Haddad|Khalil|Nasser|Saleh|Hamdan|Mansour|Al-Hassan")),
    (2, _w("Eleni|Maria|Sofia|Dimitra|Ivana|Ana|Marija"),
     _w("Georgios|Nikos|Dimitrios|Ivan|Marko|Luka|Stefan"),
     _w("Papadopoulos|Georgiou|Nikolaidis|Horvat|Kovačević|Babić|Jovanović|Novak")),
    (1, _w("Linh|Thu|Mai|Hoa"), _w("Minh|Duc|Tuan|Quang"), _w("Nguyen|Tran|Le|Pham|Hoang")),
]
BUSINESSES = _w(
    "Kita Sonnenschein|Kita Pusteblume|Pizzeria Roma|Pizzeria Da Mario|Bäckerei {last}|"
    "Physiotherapie am Markt|Praxis Dr. {last}|Kurierdienst Blitz GmbH|{last} Elektrotechnik GmbH|"
    "Hausverwaltung {last} & {last2}|Radsportverein RSV Leipzig 1898 e.V.|Stadtgärtnerei Süd|"
    "Lastenrad-Verleih Plagwitz|Café Fahrradkette|Blumen {last}|Pflegedienst Lindenau|"
    "Grundschule an der Pleiße|Jugendhaus Connewitz|Büro {last} Architekten|Apotheke am Ring|"
    "Weingut {last}|Tischlerei {last}|Bioladen Grünzeug|Steuerbüro {last} & Partner")
HEAVY_BUSINESSES = ["Kurierdienst Blitz GmbH", "Lastenrad-Verleih Plagwitz",
                    "Radsportverein RSV Leipzig 1898 e.V."]

# Leipzig first; mobile numbers are far more common than landlines.
MOBILE_PREFIXES = _w("0151|0152|0157|0159|0160|0162|0163|0170|0171|0172|0173|0174|0175|0176|"
                     "0177|0178|0179")
AREA_CODES = _w("0341|0341|0341|0341|0341|034205|034297|03425|030|0345|0351|089|040")
MAIL_HOSTS = _w("gmx.de|gmx.de|web.de|web.de|t-online.de|gmail.com|gmail.com|posteo.de|"
                "outlook.de|icloud.com|freenet.de|mailbox.org|yahoo.de")
STREETS = _w("Karl-Liebknecht-Straße|Karl-Heine-Straße|Zschochersche Straße|Eisenbahnstraße|"
             "Könneritzstraße|Merseburger Straße|Georg-Schwarz-Straße|Kochstraße|"
             "Shakespearestraße|Bornaische Straße|Wolfgang-Heinze-Straße|Dieskaustraße|"
             "Lützner Straße|Jahnallee|Gohliser Straße|Eutritzscher Straße|Riebeckstraße|"
             "Prager Straße|Holbeinstraße|Sternwartenstraße|Hauptstraße|Bahnhofstraße|Gartenweg|"
             "Am Mühlgraben|Schillerstraße|Goethestraße|Alte Salzstraße|Waldstraße")
POSTCODES = _w("04103|04105|04107|04109|04155|04177|04179|04229|04275|04277|04279|04315|"
               "04317|04318|04347|04349|04357")

NOTES = _w(
    "rides to work daily, has a cargo bike|prefers morning appointments|"
    "two kids, thinking about a child trailer|commutes 18 km each way, all year|"
    "very tall (1.98 m), needs XL frames|rides a recumbent, bring it in through the back door|"
    "hard of hearing: speak clearly, better in person|only pays cash|"
    "does long tours in summer (Elberadweg, Donau)|knee trouble, looks at e-bikes|"
    "brings the bike every spring for the big service|son also comes in, same surname|"
    "wants the old parts back after a repair|"
    "keeps a spare key for the frame lock here|"
    "trains for the Leipzig cycling marathon|asks a lot, buys little, always friendly")
TAGS = _w("e-bike|cargo|family|club|commuter|road|gravel|mtb|touring|kids|regular|leasing|"
          "recumbent|vintage|student|senior")
DNC_REASONS = _w(
    "asked not to be contacted about offers|moved away, writes herself if needed|"
    "objected to any contact (GDPR), 2024|only wants to come by, no calls, no mail|"
    "complained about too many newsletters")

# Bikes and parts with prices in cents; sizes as people ask for them.
BIKES = [("Cube Kathmandu Hybrid", 329900), ("Riese & Müller Load 75", 789900),
         ("Urban Arrow Family", 549900), ("Gazelle Ultimate C380", 229900),
         ("Kalkhoff Endeavour 5", 319900), ("Tern GSD S10", 629900), ("Brompton C Line", 189900),
         ("Canyon Grail 7", 179900), ("Stevens Strada 800", 129900), ("Trek FX 3", 109900),
         ("Specialized Turbo Vado", 449900), ("Babboe Curve-E", 419900),
         ("Bergamont Horizon", 89900),
         ("Velotraum Cross", 249900)]
SIZES = _w("46 cm|48 cm|50 cm|52 cm|54 cm|56 cm|58 cm|60 cm|S|M|L|XL")
PARTS = [("Schwalbe Marathon Plus tyres (pair)", 7990), ("brake pads, Shimano", 2490),
         ("Brooks B17 saddle", 12990), ("Ortlieb Back-Roller panniers", 15990),
         ("Abus Bordo folding lock", 8990), ("Busch+Müller light set", 6490),
         ("Bosch PowerPack 500 battery", 79900), ("Thule Yepp child seat", 14990),
         ("KMC chain", 2990), ("Ergon grips", 3490), ("Shimano Deore derailleur", 5990),
         ("rain cover for the cargo box", 11990), ("inner tubes (2)", 1390),
         ("mudguards SKS", 3990), ("kickstand, Pletscher", 2990), ("bell", 690),
         ("Continental Contact Urban tyre", 3990), ("mirror", 1690), ("Selle Royal saddle", 4990)]
# (what it is called before, what was done, price in cents)
SERVICES = [("yearly inspection", "yearly inspection: brakes adjusted, chain oiled", 8900),
            ("brake service", "brake pads replaced, chain cleaned", 5400),
            ("puncture repair", "puncture repaired, new inner tube", 1500),
            ("wheel truing", "rear wheel trued, two spokes replaced", 2500),
            ("drivetrain service", "new chain and cassette fitted", 9800),
            ("gear cable change", "gear cables replaced, gears adjusted", 3900),
            ("motor check", "Bosch motor updated and checked", 4900),
            ("brake bleeding", "hydraulic brakes bled", 4500),
            ("cargo bike spring service", "spring service of the cargo bike done", 12900),
            ("hub oil change", "hub gear oil changed", 3500),
            ("light repair", "light wiring fixed", 2900)]

# Per kind: "direction; channels; summary; price source[; weight]", then "=> how a complaint
# was resolved" and "-> a promise / another promise" the shop might have made in that talk.
_T = {
    "inquiry": """
in; phone email store web social; asked whether the {bike} comes in {size}; none
  -> call back when the {bike} in {size} is in stock
in; phone email store; asked if we have {part} in stock; none
  -> order {part} and call when it is here
in; phone store; wants to know what a {service} costs; none
  -> send the price for the {service}
in; email web social; asked about leasing the {bike} through the employer; none
  -> send the leasing papers for the {bike}
in; store phone; asked for a test ride on the {bike}; none
  -> have the {bike} ready for a test ride
in; phone email; asked when the bike will be ready; none
  -> call as soon as the bike is ready
out; phone email; asked how the new {bike} ({size}) fits after the first weeks; none
  -> swap the stem if the reach is still too long""",
    "offer": """
out; email store letter; offer for the {bike} in {size}, incl. delivery; none
  -> hold the price for the {bike} until the end of the month
out; email letter; offer for the {service} plus {part}; none
  -> keep a workshop slot free for the {service}
out; email; fleet offer: 4 x {bike} with 3 years of service; none
  -> send a revised fleet offer with leasing""",
    "purchase": """
in; store store store web phone; bought {part}; part; 8
  -> exchange the {part} if it does not fit
in; store store web; bought a new {bike} ({size}); bike
  -> free check-up after the first 300 km / deliver the {bike} home
in; store; paid for the {service}; service; 4
  -> send the invoice for the {service} by email""",
    "invoice": """
out; email letter; invoice for the {service}; service; 4
  -> send a corrected invoice for the {service}
out; email letter store; invoice for the {bike}; bike
  -> send the invoice to the office address
out; email; invoice for {part}; part; 3
  -> send a corrected invoice""",
    "payment": """
in; web web store letter; payment received for the {service}; service; 4
  -> send the receipt by email
in; web store; payment received for the {bike}; bike
  -> send the warranty papers for the {bike}
in; store web; payment for {part}; part; 3
  -> send the receipt by email""",
    "complaint": """
in; store phone email; brakes squeal again after the brake service; none
  => re-adjusted the brakes for free, customer happy
  -> check the brakes again for free
in; phone email letter; {part} broke after two weeks; none
  => replaced under warranty
  -> replace the {part} under warranty
in; store phone; bike was not ready on the promised day; none
  => apologised, delivered it home the next morning
  -> deliver the bike home, no charge
in; email social; charged twice for the {service}; none
  => refunded the double charge
  -> refund the double charge
in; store email; battery of the {bike} loses charge fast; none
  => battery swapped by Bosch service
  -> call back with Bosch's answer on the battery
in; phone store; rattle from the cargo box since the spring service; none
  => tightened the box mounts, gave a free coffee
  -> tighten the box mounts while they wait""",
    "return": """
in; store store letter; returned {part}, wrong size; part
  -> exchange for the right size
in; store; returned {part}, unused; part
  -> refund to the card within 5 days""",
    "service": """
in; store; brought the bike in for the {service}; none; 3
  -> bike ready for pickup / the {service} done on the agreed day
in; store; {done}; none; 3
  -> keep the old parts for pickup / check the {service} again after a month
out; phone email social; let them know the bike is ready: {done}; none
  -> keep the bike here until Saturday
out; visit; mobile repair at the door: {done}; none
  -> come back with the missing {part}
in; store; fitted {part}; none
  -> re-adjust the {part} after the first week
in; store; bike fitting for the {bike}, saddle height adjusted; none
  -> order a shorter stem for the {bike}""",
    "feedback": """
in; store email social web; wishes we would stock {part}; none
  -> say whether we will stock {part}
in; store email; suggests a Saturday repair café; none
  -> send the date of the repair café
in; social web; likes the new opening hours, asks for one late evening; none
  -> say whether the late evening comes
in; store letter; idea: loan bikes during longer repairs; none
  -> ask again once there are loan bikes
in; email store; asks for a cargo bike test weekend; none
  -> send the invitation to the test weekend
in; store; says the workshop explained everything well; none
  -> pass the praise on to the workshop""",
    "other": """
in; store phone; dropped by to chat about the {bike}; none
  -> send photos of the {bike} in the other colour
out; email letter; invited to the spring test-ride day; none
  -> send the photos from the test-ride day
out; phone email; reminded about the yearly inspection; none
  -> keep a slot free for the yearly inspection
in; email phone; changed the phone number and address; none
  -> update the address on the open invoice
out; letter email; sent the recall notice for the {bike} brake lever; none
  -> swap the brake lever when they come by""",
}


def _templates(text: str) -> list[tuple]:
    """(direction, channels, summary, price source, promises, resolution), each as often
    as its weight (the optional fifth field) says."""
    found: list[list] = []
    for line in text.strip().splitlines():
        line = line.strip()
        if line.startswith(("->", "=>")):
            found[-1][4 if line[0] == "-" else 5] = line[2:].strip()
        else:
            fields = [f.strip() for f in line.split(";")] + ["1"]
            found.append(fields[:4] + ["", "", int(fields[4])])
    return [tuple(t[:6]) for t in found for _ in range(t[6])]


TEMPLATES = {kind: _templates(text) for kind, text in _T.items()}
KIND_WEIGHTS = {"inquiry": 20, "offer": 5, "purchase": 20, "invoice": 6, "payment": 6,
                "complaint": 3, "return": 2, "service": 22, "feedback": 4, "other": 12}
AFTER_LUNCH = _w("back after lunch: bike ready at 14:00|call back after lunch with the price|"
                 "back after lunch with the supplier's answer")
CLOSE_NOTES = {
    "broken": _w("forgot to call back|supplier did not deliver in time|mechanic was ill, "
                 "nobody told the customer|part lost in the workshop, reordered"),
    "cancelled": _w("customer no longer needs it|customer bought elsewhere|solved by the customer"),
}
CHANGE_REASONS = _w("part delayed by the supplier|customer asked for Saturday instead|"
                    "workshop full this week|waiting for the warranty decision")
FOLLOWUPS = _w(
    "ask how the new {bike} rides after the first 500 km|remind about the yearly inspection|"
    "call about the spring service|check whether the replacement {part} arrived|"
    "invite to the cargo bike test weekend|ask for feedback on the {service}|"
    "offer a battery check before winter|ask whether the kids' bike still fits")
HEAVY_NOTES = ("fleet of 40 bikes, invoices to the office", "business, fleet, cargo")
CHECK_IN = "check in, as agreed every {n} days"  # a follow-up the customer asked for
AGAINST = {"dnc": "do not contact", "channel": "prefers {channel}"}
CHANNELS = {"store": "in store", "phone": "phone", "email": "email", "letter": "letter",
            "social": "messenger/social", "web": "web", "visit": "visit"}
