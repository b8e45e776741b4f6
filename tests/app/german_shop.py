"""The small bike shop of support.build_shop, kept by a German shop: the same customers and
states, with what was said written in German (what a German shop types is German, so a
walk through the German app must find no English in it)."""

from __future__ import annotations

from pathlib import Path

from kbm_tui.core import clock
from kbm_tui.core.when import parse_when
from kbm_tui.store import Store
from support import at


def build_german_shop(path: Path) -> None:
    """Every state a promise or follow-up can be in, contact wishes, a resolved complaint,
    an idea and an amount; in German."""
    with Store.open(path) as s:
        mia = s.add_staff("Mia")
        anna = s.add_customer("Anna Bauer", phone="+49 30 1234567", email="anna@example.com",
                              tags="Rennrad, Verein", notes="Fährt jeden Tag zur Arbeit.")
        ben = s.add_customer("Ben Schulz", phone="0171 555 0101",
                             address="Hauptstr. 5, Berlin")
        cem = s.add_customer("Cem Yilmaz", email="cem@example.org", tags="E-Bike")
        dora = s.add_customer("Dora Krüger", phone="030 777 888", notes="Nur per Brief, bitte")
        s.add_customer("Emil Weber", phone="0160 222 333")
        talk = s.log_conversation(anna.id, "Fragt nach einer neuen Kette für ihr Rennrad",
                                  channel="phone", kind="inquiry", at=at(0, 9, 15))
        s.make_promise(anna.id, "Mit dem Kettenpreis zurückrufen", parse_when("after lunch"),
                       conversation_id=talk.id)
        s.log_conversation(ben.id, "Rad zur Inspektion gebracht", channel="store",
                           kind="service", at=at(-3, 10), amount_cents=8950, staff_id=mia.id)
        s.make_promise(ben.id, "Bremsbeläge bestellen", parse_when("yesterday", allow_past=True),
                       staff_id=mia.id)
        s.log_conversation(cem.id, "Das Display am E-Bike flackert", channel="email",
                           kind="complaint", direction="in", at=at(-10, 16))
        kept = s.make_promise(cem.id, "Ersatzdisplay schicken", parse_when("next week"))
        s.close_promise(kept.id, "kept")
        broken = s.make_promise(cem.id, "Noch am selben Tag anrufen", parse_when("today"))
        s.close_promise(broken.id, "broken", "Vor Ladenschluss im Trubel vergessen")
        s.log_conversation(dora.id, "Bedankt sich schriftlich für die schnelle Reparatur",
                           channel="letter", kind="feedback", at=at(-40, 12))
        s.log_conversation(dora.id, "Möchte einen Kindersitz für die Enkelin",
                           channel="store", kind="inquiry", at=at(0, 10, 5))
        s.plan_followup(anna.id, "Nachfragen, ob die neue Kette rund läuft",
                        parse_when("3 days ago", allow_past=True))
        s.plan_followup(ben.id, "An die Frühjahrsinspektion erinnern", parse_when("today"))
        s.plan_followup(dora.id, "Kindersitz-Katalog per Brief", parse_when("next week"))
    add_care(path, CARE_DE)


CARE_DE = ("Den Kindersitz bestellen, wenn das Teil da ist",
           "Bremsen quietschen nach der Inspektion", "Bremsscheiben gereinigt",
           "Idee: ein Leihrad, solange seins in der Werkstatt ist")
CARE_EN = ("Order the child seat when the part arrives", "Squeaky brakes after the service",
           "Cleaned the discs", "Idea: a loan bike while his is in the workshop")


def add_care(path: Path, texts: tuple[str, str, str, str]) -> None:
    """Relationship care on the small shop (either language's): Ben and Anna's contact
    wishes, Dora waiting for a part, Ben's resolved complaint and his idea."""
    waiting, complaint, resolution, idea = texts
    with Store.open(path) as s:
        anna, ben, dora = (s.find_customers(name, limit=1)[0]
                           for name in ("Anna Bauer", "Ben Schulz", "Dora Krüger"))
        mia = next(p for p in s.staff() if p.name == "Mia")
        now = clock.now()
        asked, resolved = at(-30, 15), at(-28, 9)  # before the clock moves: at() counts from it
        s.set_wishes(ben.id, every_days=2, channel="phone", staff_id=mia.id)
        s.set_wishes(anna.id, staff_id=mia.id, every_days=28, channel="phone")
        clock.set_now(asked)
        s.make_promise(dora.id, waiting)
        old = s.log_conversation(ben.id, complaint, kind="complaint")
        clock.set_now(resolved)
        s.resolve_complaint(old.id, resolution)
        s.log_conversation(ben.id, idea, kind="feedback")
        clock.set_now(now)
