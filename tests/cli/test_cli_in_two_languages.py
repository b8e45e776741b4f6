"""`kbm` speaks one language from the first line to the last: no English word in German
output, no German word in English output — in every command's output, in every `--help` and
in every error a person can cause. What is typed is understood in both languages."""

from __future__ import annotations

import re
import shlex

import pytest

from kbm_tui.cli.main import MODULE_OF
from kbm_tui.cli.parser import EXAMPLES
from kbm_tui.core import i18n

# Words that give English away in German output, and German words in English output (compared
# in lower case, as whole words). Command names, options and paths are left out of the check;
# so are words of both languages ("was", "Tag") and German input forms that English messages
# suggest on purpose ("14.00 Uhr", "morgen früh").
ENGLISH = set("""today overdue promise promises customer customers logged due follow-up
    follow-ups conversation conversations none nothing kept broken complaint complaints wishes
    added updated archived erased restored written backup backups showing every never open done
    yet with the and of to for from what when where which who how is are time day days week
    weeks store phone email letter visit inquiry offer purchase invoice payment return other
    since ago months bought last said usage options arguments positional error examples not no
    yes please try type write can't matches more than add rename new considered idea ideas
    reason summary notes address help exit database file already exists choose another all
    safety copy copies shop staff member members resolved open-ended""".split())
GERMAN = set("""heute kunde kunden fällig überfällig versprechen wiedervorlage wiedervorlagen
    gespräch gespräche keine keines noch und oder nicht sie mit von für gehalten gebrochen
    erledigt telefon laden reklamation reklamationen zeit wann tage woche wochen januar
    februar märz mai juni juli oktober dezember montag dienstag mittwoch donnerstag freitag
    samstag sonntag aufruf optionen argumente beispiele hilfe zeigen ist sind ein eine kein
    geändert angelegt notiert gelöscht sicherung neu geprüft inhaber mitarbeiter personal
    ganztägig zurückgeholt geschrieben gibt""".split())
COMMANDS = sorted(MODULE_OF)
_WORD = re.compile(r"[A-Za-zÄÖÜäöüß']+(?:-[A-Za-zÄÖÜäöüß]+)*")


def words(text: str) -> set[str]:
    """The words of `text` a person reads: without options, command names, paths and the jq
    expression of an example."""
    text = re.sub(r"'[^'\n]*'", " ", text)  # jq '.overdue_promises | length'
    text = re.sub(r"\bkbm( --?\S+(?: \S+)?)* [a-z][a-z-]*", " ", text)
    kept = []
    for line in text.splitlines():
        chunks = line.split()
        if chunks and chunks[0] in COMMANDS:  # the command list of `kbm --help`
            chunks = chunks[1:]
        kept += [c for c in chunks if not re.search(r"^[\[{(]?-|/|@|\.(zip|sqlite3)", c)]
    return {w.lower() for w in _WORD.findall(" ".join(kept))}


def assert_speaks(language: str, text: str, where: str) -> None:
    foreign = words(text) & (ENGLISH if language == "de" else GERMAN)
    assert not foreign, f"{where}: {sorted(foreign)} in\n{text}"


class Speaker:
    """The real `kbm` in one language."""

    def __init__(self, kbm, language: str):
        self.kbm, self.language, self.said = kbm, language, []

    def __call__(self, *args: str, now: str | None = None, ok: bool = True) -> str:
        env = {"KBM_LANG": self.language, **({"KBM_NOW": now} if now else {})}
        result = self.kbm(*args, env=env)
        if ok:
            assert result.returncode == 0, (args, result.stderr)
        out = result.stdout + result.stderr
        self.said.append((" ".join(args), out))
        return out


def test_the_words_are_found():
    assert words("Logged for Anna: --due kbm today --all") == {"logged", "for", "anna"}
    assert "heute" in words("Heute, Sonntag") and "today" not in words("kbm today --json")


@pytest.mark.parametrize("command", ["", *COMMANDS])
@pytest.mark.parametrize("language", ["de", "en"])
def test_help_of_every_command(kbm, language, command):
    out = Speaker(kbm, language)(*([command] if command else []), "--help")
    assert_speaks(language, out, f"kbm {command} --help")
    if command in EXAMPLES:
        assert ("Beispiele:" if language == "de" else "examples:") in out


WEEK_AGO = "2026-11-12T10:00:00+01:00"
YESTERDAY = "2026-11-21T10:00:00+01:00"


def play_the_shop(say: Speaker, words_of: dict[str, str]) -> None:
    """Every command once, in the language of `say`, with data in that language."""
    w = words_of
    say("staff", w["rename"], w["owner"], "Frank")
    say("staff", w["add"], "Maria")
    say("staff")
    say("add", "Anna Schmidt", "--phone", "0171 2345678", "--email", "anna@example.com",
        "--tag", "E-Bike")
    say("add", "Jonas Weber", "--json")
    say("add", "Emil Krause", "--phone", "030 555")
    say("edit", "emil", "--note", w["note"])
    say("edit", "emil", "--archive")
    say("log", "anna", w["asked"], "--via", w["phone"], "--promise", w["call"], "--due",
        w["after lunch"], "--amount", "12,50 €")
    say("log", "anna", w["old"], "--promise", w["order"], "--due", w["tomorrow"], now=WEEK_AGO)
    say("promise", "jonas", w["part"], now=WEEK_AGO)
    say("promise", "jonas", w["call"], "--due", w["friday"], "--by", "Maria")
    say("log", "jonas", w["squeaks"], "--kind", w["complaint"], "--at", w["yesterday 16"],
        "--follow-up", w["tomorrow"], w["ask"])
    say("log", "jonas", w["idea"], "--kind", w["feedback"], "--out")
    say("log", "Lena Vogel", w["old"], "--new", now=WEEK_AGO)
    say("remind", "anna", w["ask"], "--on", w["in 2 weeks"], "--every", w["4 weeks"])
    say("remind", "jonas", w["ask"], "--on", w["tomorrow"], now=YESTERDAY)
    say("prefer", "anna", "--via", w["phone"], "--person", "Maria", "--every", w["4 weeks"])
    say("prefer", "lena", "--every", "3")
    say("prefer", "anna")
    say("today")
    say("today", "--all")
    say("customers")
    say("customers", "--all", "--sort", w["newest"])
    say("customers", "xyz")
    say("promises")
    say("promises", "--status", w["kept"])
    say("kept", "2")
    say("renegotiate", "3", w["friday"], w["later"])
    say("broken", "4", w["later"])
    say("promises", "--stats", "--by-staff")
    say("done", "1")
    say("done", "2")
    say("complaints")
    say("resolve", "3", w["fixed"])
    say("complaints")
    say("ideas")
    say("idea", "4", w["done"])
    say("idea", "4", w["considered"], "--tell", w["tomorrow"])
    say("ideas", "--status", w["considered"])
    say("show", "anna")
    say("show", "jonas", "--limit", "3")
    say("backups")
    say("export", "backup.zip")
    say("customer-export", "anna", "anna.zip")
    say("forget", "emil", "--yes")
    say("restore", "backup.zip", "--replace")
    say("--db", "demo.sqlite3", "demo", "--customers", "3")


GERMAN_WORDS = {"rename": "umbenennen", "owner": "Inhaber", "add": "neu", "note": "fährt jeden Tag zur Arbeit",
                "asked": "fragt nach einem Kindersitz", "phone": "telefon",
                "call": "mit Preisen zurückrufen", "after lunch": "nach dem Mittagessen",
                "old": "Schloss bestellt", "order": "Schloss bestellen", "tomorrow": "morgen",
                "part": "Bescheid geben, wenn das Teil da ist", "friday": "Freitag",
                "squeaks": "Bremsen quietschen", "complaint": "reklamation",
                "yesterday 16": "gestern 16 Uhr", "ask": "fragen, wie es läuft",
                "idea": "wünscht sich längere Öffnungszeiten", "feedback": "idee",
                "in 2 weeks": "in 2 Wochen", "4 weeks": "alle 4 Wochen", "newest": "neueste",
                "kept": "gehalten", "later": "Lieferant liefert später",
                "fixed": "Beläge getauscht", "done": "erledigt", "considered": "geprüft"}
ENGLISH_WORDS = {"rename": "rename", "owner": "Owner", "add": "add", "note": "rides to work every day",
                 "asked": "asked about a child seat", "phone": "phone",
                 "call": "call back with prices", "after lunch": "after lunch",
                 "old": "ordered a lock", "order": "order the lock", "tomorrow": "tomorrow",
                 "part": "tell her when the part arrives", "friday": "Friday",
                 "squeaks": "brakes squeak", "complaint": "complaint",
                 "yesterday 16": "yesterday 16:00", "ask": "ask how it rides",
                 "idea": "would like longer opening hours", "feedback": "feedback",
                 "in 2 weeks": "in 2 weeks", "4 weeks": "4w", "newest": "newest",
                 "kept": "kept", "later": "supplier delivers later",
                 "fixed": "replaced the pads", "done": "done", "considered": "considered"}


@pytest.mark.parametrize("language", ["de", "en"])
def test_every_command_speaks_one_language(kbm, language):
    say = Speaker(kbm, language)
    play_the_shop(say, GERMAN_WORDS if language == "de" else ENGLISH_WORDS)
    for command, out in say.said:
        assert out.strip(), command
        if "--json" not in command:  # for scripts: English keys and stored words
            assert_speaks(language, out, f"kbm {command}")
    today = dict(say.said)["today"]
    for heading in (("Überfällige Versprechen", "Heute fällige Versprechen",
                     "Fällige Wiedervorlagen", "Zeit, sich zu melden", "Offene Reklamationen",
                     "Versprechen ohne Termin", "Gespräche von heute")
                    if language == "de" else
                    ("Overdue promises", "Promises due today", "Follow-ups due",
                     "Time to get in touch", "Open complaints", "Promises without a due time",
                     "Today's conversations")):
        assert heading in today, heading


BAD = [  # what a person may get wrong, in German (English alike, with the English words)
    ("add", ""), ("add", "x" * 201), ("add", "Bell\x07Ringer"),
    ("add", "Eva", "--email", "keine-adresse"), ("add", "Eva", "--phone", "ruf an"),
    ("log", "eva", ""), ("log", "eva", "hi", "--via", "Brieftaube"),
    ("log", "eva", "hi", "--kind", "Klatsch"), ("log", "eva", "hi", "--amount", "zwölf"),
    ("log", "eva", "hi", "--amount", "12 Dollar"),
    ("log", "eva", "hi", "--promise", "x", "--due", "nächsten Blursday"),
    ("log", "eva", "hi", "--promise", "x", "--due", "nach dem mittagesen"),
    ("log", "eva", "hi", "--promise", "x", "--due", "09:00"),
    ("log", "eva", "hi", "--promise", "x", "--due", "31.02."),
    ("log", "eva", "hi", "--promise", "x", "--due", "morgen 10"),
    ("log", "eva", "hi", "--promise", "x", "--due", "14.00"),
    ("log", "eva", "hi", "--promise", "x", "--due", "Fr 24.12."),
    ("log", "eva", "hi", "--due", "morgen"), ("log", "eva", "hi", "--at", "morgen 10 Uhr"),
    ("log", "eva", "hi", "--follow-up", "irgendwann", "anrufen"), ("log", "niemand", "hi"),
    ("log", "e", "hi"), ("log", "eva", "hi", "--colour", "rot"), ("log", "eva"),
    ("promise", "eva", ""), ("remind", "eva", "x", "--on", "gestern"),
    ("remind", "eva", "x", "--on", "morgen", "--every", "oft"), ("remind", "eva", "x"),
    ("edit", "eva"), ("edit", "eva", "--name", ""), ("customers", "--limit", "0"),
    ("customers", "--limit", "viele"), ("customers", "--sort", "Alter"),
    ("promises", "--status", "vielleicht"), ("promises", "--by-staff"),
    ("staff", "add", ""), ("staff", "add"), ("staff", "rename", "Owner"),
    ("staff", "Maria"), ("idea", "1", "vielleicht"), ("prefer", "eva", "--via", "Brieftaube"),
    ("prefer", "eva", "--every", "manchmal"), ("show", "eva", "--limit", "0"),
    ("demo", "--customers", "0"), ("demo",), ("forget", "eva"),
]
# Refused by the store and the backup (db/, backup/), whose messages have catalogues of
# their own (db.po, backup.po).
REFUSED_BY_STORE = [
    ("kept", "999"), ("done", "999"), ("log", "eva", "hi", "--by", "Olga"),
    ("staff", "add", "Owner"), ("restore", "fehlt.zip"), ("resolve", "1", "erledigt"),
    ("log", "eva", "Newsletter", "--out", "--via", "email"),
]


_EVA: dict[str, object] = {}


@pytest.fixture
def with_eva(kbm, tmp_path_factory):
    """`kbm` on a shop with Eva and Emil, made once: a refusal changes nothing
    (tests/cli/test_bad_input.py checks that), so every test may share it."""
    if "db" not in _EVA:
        shop = type(kbm)(tmp_path_factory.mktemp("eva") / "kbm.sqlite3", kbm.cwd)
        shop.ok("add", "Eva Klein", "--phone", "0171 5550")
        shop.ok("add", "Emil Klein")
        shop.ok("log", "eva", "erster Besuch")
        shop.ok("prefer", "eva", "--via", "phone")
        _EVA["db"] = shop.db_path
    return type(kbm)(_EVA["db"], kbm.cwd)


def refused(kbm, language: str, args: tuple[str, ...]) -> str:
    result = kbm(*args, env={"KBM_LANG": language})
    assert result.returncode == 2, (args, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    return result.stderr


@pytest.mark.parametrize("args", BAD + REFUSED_BY_STORE, ids=lambda a: shlex.join(a)[:40])
def test_every_refusal_in_german(with_eva, args):
    err = refused(with_eva, "de", args)
    assert_speaks("de", err, shlex.join(args))


ENGLISH_BAD = [tuple({"keine-adresse": "no-address", "ruf an": "call me", "Brieftaube":
                      "pigeon", "Klatsch": "gossip", "zwölf": "twelve", "nächsten Blursday":
                      "next blursday", "nach dem mittagesen": "after lunhc", "morgen 10": "tomorrow 10",
                      "morgen": "tomorrow", "morgen 10 Uhr": "tomorrow 10:00", "irgendwann":
                      "someday", "anrufen": "call", "niemand": "nobody", "rot": "red", "gestern":
                      "yesterday", "oft": "often", "viele": "many", "Alter": "age", "vielleicht":
                      "maybe", "manchmal": "sometimes", "fehlt.zip": "missing.zip",
                      "erledigt": "done"}.get(word, word) for word in args)
               for args in BAD + REFUSED_BY_STORE]


@pytest.mark.parametrize("args", ENGLISH_BAD, ids=lambda a: shlex.join(a)[:40])
def test_every_refusal_in_english(with_eva, args):
    err = refused(with_eva, "en", args)
    assert_speaks("en", err, shlex.join(args))


def test_kbm_lang_and_the_system_locale_make_today_german(kbm):
    kbm.ok("add", "Anna Schmidt")
    kbm.ok("log", "anna", "fragt nach einem Kindersitz", "--promise", "zurückrufen", "--due",
           "nach dem Mittagessen", env={"KBM_LANG": "de"})
    system = {"KBM_LANG": "", "LC_ALL": "", "LC_MESSAGES": ""}
    by_kbm_lang = kbm.ok("today", env={**system, "KBM_LANG": "de", "LANG": "C"})
    by_locale = kbm.ok("today", env={**system, "LANG": "de_DE.UTF-8"})
    assert by_kbm_lang == by_locale
    lines = by_locale.splitlines()
    assert lines[0] == "Heute, Sonntag, 22. November 2026"
    assert lines[-1].startswith("Versprechen im Oktober:")
    for line in lines:
        assert_speaks("de", line, "kbm today")
    for region in ("de_AT.UTF-8", "de_CH.UTF-8"):
        assert kbm.ok("today", env={**system, "LANG": region}) == by_locale
    assert kbm.ok("today", env={**system, "LANG": "fr_FR.UTF-8"}).startswith("Today, Sunday")


def test_lang_option_wins_over_kbm_lang(kbm):
    for args in (("--lang", "en", "today"), ("today", "--lang", "en"), ("today", "--lang=en")):
        out = kbm.ok(*args, env={"KBM_LANG": "de"})
        assert out.startswith("Today, Sunday 22 November 2026"), args
        assert_speaks("en", out, " ".join(args))
    assert kbm.ok("--lang", "de", "today", env={"KBM_LANG": "en"}).startswith("Heute, Sonntag")


def test_json_keys_and_stored_words_stay_english(kbm):
    import json

    out = kbm.ok("log", "Anna", "Kindersitz gekauft", "--new", "--kind", "bestellung", "--via",
                 "laden", "--amount", "89,90 €", "--json", env={"KBM_LANG": "de"})
    conversation = json.loads(out)["conversation"]
    assert conversation["kind"] == "purchase" and conversation["channel"] == "store"
    assert conversation["amount_cents"] == 8990 and conversation["direction"] == "in"
    today = json.loads(kbm.ok("today", "--json", env={"KBM_LANG": "de"}))
    assert "conversations_today" in today and today["date"] == "2026-11-22"


def test_german_help_examples_are_understood(kbm):
    """Every example in the German --help parses, and its due times, amounts, channels, kinds
    and intervals are ones kbm reads."""
    from kbm_tui.cli.parser import build_parser
    from kbm_tui.core import money, vocab
    from kbm_tui.core.when import parse_days, parse_when

    checks = {"due": parse_when, "on": parse_when, "tell": parse_when,
              "at": lambda t: parse_when(t, allow_past=True),
              "amount": money.parse_amount, "every": parse_days,
              "via": lambda t: vocab.word("channel", t), "kind": lambda t: vocab.word("kind", t)}
    i18n.use("de")
    try:
        seen = 0
        for command in COMMANDS:
            text = build_parser()._subparsers._group_actions[0].choices[command].epilog or ""
            for line in text.splitlines()[1:]:
                example = re.sub(r"\s{3,}\(.*\)$", "", line.strip())
                argv = shlex.split(example.split("|")[0])[1:]
                args = build_parser().parse_args(argv)
                for name, check in checks.items():
                    if getattr(args, name, None):
                        check(getattr(args, name))
                if getattr(args, "follow_up", None):
                    parse_when(args.follow_up[0])
                if command == "renegotiate":
                    parse_when(args.due)
                seen += 1
        assert seen > 40
    finally:
        i18n.use("en")
