"""The small bike shop of support.build_shop, kept by a German shop: the same customers and
states, with what was said written in German (what a German shop types is German, so a
walk through the German app must find no English in it)."""

from __future__ import annotations

from pathlib import Path

from kbm_tui.core import clock
from kbm_tui.store import Store
from support import at, build_shop

GERMAN_WORDS = {
    "anna_tags": "Rennrad, Verein", "anna_notes": "Fährt jeden Tag zur Arbeit.",
    "cem_tags": "E-Bike", "dora_notes": "Nur per Brief, bitte",
    "anna_asked": "Fragt nach einer neuen Kette für ihr Rennrad",
    "anna_promise": "Mit dem Kettenpreis zurückrufen",
    "ben_service": "Rad zur Inspektion gebracht", "ben_promise": "Bremsbeläge bestellen",
    "cem_complaint": "Das Display am E-Bike flackert",
    "cem_kept": "Ersatzdisplay schicken", "cem_broken": "Noch am selben Tag anrufen",
    "cem_broken_why": "Vor Ladenschluss im Trubel vergessen",
    "dora_thanks": "Bedankt sich schriftlich für die schnelle Reparatur",
    "dora_asked": "Möchte einen Kindersitz für die Enkelin",
    "anna_followup": "Nachfragen, ob die neue Kette rund läuft",
    "ben_followup": "An die Frühjahrsinspektion erinnern",
    "dora_followup": "Kindersitz-Katalog per Brief",
}


def build_german_shop(path: Path) -> None:
    """Every state a promise or follow-up can be in, contact wishes, a resolved complaint,
    an idea and an amount; in German."""
    build_shop(path, GERMAN_WORDS)
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
