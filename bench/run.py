"""The kbm-tui benchmark: every figure beside a reference measured in the same run.

    .venv/bin/python bench/run.py                       # 100,000 customers, 1,000,000 talks
    .venv/bin/python bench/run.py --customers 2000 --conversations 20000 --runs 3   # a quick look

It builds the data once (kept in --workdir and reused while the sizes match), then prints
one table of medians. Machines are shared and noisy, so targets are ratios against a
reference taken in the same run wherever the issue gives one.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PYTHON = sys.executable
KBM = [PYTHON, "-m", "kbm_tui.cli"]
ENV = {**os.environ, "NO_COLOR": "1", "COLUMNS": "120"}


def timed(argv: list[str], runs: int, **kw) -> float:
    """Median wall time of a whole process, after one warm-up run."""
    return timed_pair(argv, argv, runs, **kw)[0]


def timed_pair(small: list[str], big: list[str], runs: int, **kw) -> tuple[float, float]:
    """Medians of two commands run in turn (after a warm-up of each), so that a busy
    moment on a shared machine falls on both alike."""
    times: dict[int, list[float]] = {0: [], 1: []}
    for n in range(runs + 1):
        for which, argv in enumerate((small, big)):
            start = time.perf_counter()
            subprocess.run(argv, check=True, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, env=ENV, **kw)
            if n:
                times[which].append(time.perf_counter() - start)
    return statistics.median(times[0]), statistics.median(times[1])


def build(work: Path, customers: int, conversations: int) -> tuple[Path, Path, float]:
    """The empty and the large database; the seconds the generator took (0 if reused)."""
    empty, large = work / "empty.sqlite3", work / "large.sqlite3"
    stamp = work / "sizes.json"
    wanted = {"customers": customers, "conversations": conversations}
    if large.exists() and stamp.exists() and json.loads(stamp.read_text()) == wanted:
        return empty, large, 0.0
    for path in work.glob("*.sqlite3*"):
        path.unlink()
    subprocess.run(KBM + ["--db", str(empty), "add", "Erika Mustermann", "--phone", "0171 1"],
                   check=True, env=ENV, stdout=subprocess.DEVNULL)
    start = time.perf_counter()
    subprocess.run(KBM + ["--db", str(large), "demo", "--customers", str(customers),
                          "--conversations", str(conversations)],
                   check=True, env=ENV, stdout=subprocess.DEVNULL)
    seconds = time.perf_counter() - start
    stamp.write_text(json.dumps(wanted))
    return empty, large, seconds


def busiest_customer(db: Path) -> tuple[int, int]:
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT customer_id, count(*) FROM conversation GROUP BY customer_id "
                            "ORDER BY 2 DESC LIMIT 1").fetchone()
    finally:
        conn.close()


def probe(db: Path, *tasks: str, busiest: int = 0) -> dict:
    """Run the headless app in its own process (bench/app_probe.py) and read its figures."""
    out = subprocess.run([PYTHON, str(HERE / "app_probe.py"), str(db), str(busiest), *tasks],
                         check=True, capture_output=True, text=True, env=ENV).stdout
    return json.loads(out.strip().splitlines()[-1])


def app_start(small: Path, big: Path, runs: int) -> tuple[float, float]:
    """Start to first Today, the two databases in turn (see timed_pair)."""
    times: dict[Path, list[float]] = {small: [], big: []}
    for n in range(runs + 1):
        for db in (small, big):
            start = time.time()
            figures = probe(db, "start")
            if n:
                times[db].append(figures["today_shown_at"] - start)
    return statistics.median(times[small]), statistics.median(times[big])


def export_vs_sqlite(large: Path, work: Path, runs: int) -> tuple[float, float]:
    tables = ("staff", "customer", "conversation", "promise", "promise_change", "followup")
    target = work / "bench-backup.zip"

    def ours():
        target.unlink(missing_ok=True)
        subprocess.run(KBM + ["--db", str(large), "export", str(target)], check=True, env=ENV,
                       stdout=subprocess.DEVNULL)

    def reference():
        for table in tables:
            with open(work / f"ref-{table}.csv", "wb") as fh:
                subprocess.run(["sqlite3", "-csv", "-header", str(large), f"SELECT * FROM {table}"],
                               check=True, stdout=fh)

    return best_of(ours, runs), best_of(reference, runs)


def restore_vs_import(large: Path, work: Path) -> tuple[float, float]:
    """Our restore against sqlite3 .import of the same CSV files into the same tables and
    indexes (without our constraints, search index and derived columns)."""
    import csv
    import sqlite3
    import zipfile

    backup = work / "bench-backup.zip"
    restored = work / "restored.sqlite3"
    for path in work.glob("restored.sqlite3*"):
        path.unlink()
    start = time.perf_counter()
    subprocess.run(KBM + ["--db", str(restored), "restore", str(backup)], check=True, env=ENV,
                   stdout=subprocess.DEVNULL)
    ours = time.perf_counter() - start

    folder = work / "import"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    with zipfile.ZipFile(backup) as zf:
        zf.extractall(folder)
    ref = folder / "ref.sqlite3"
    src = sqlite3.connect(large)
    dst = sqlite3.connect(ref)
    tables = [p.stem for p in sorted(folder.glob("*.csv"))]
    for table in tables:
        path = folder / f"{table}.csv"
        text = path.read_text(encoding="utf-8-sig")
        path.write_text(text, encoding="utf-8")
        header = next(csv.reader([text.splitlines()[0]]))
        types = {r[1]: r[2] for r in src.execute(f"PRAGMA table_info({table})")}
        dst.execute(f"CREATE TABLE {table} ({', '.join(f'{c} {types[c]}' for c in header)})")
    marks = ",".join("?" * len(tables))
    for (sql,) in src.execute("SELECT sql FROM sqlite_master WHERE type='index' AND sql IS NOT "
                              f"NULL AND tbl_name IN ({marks})", tables):
        if not any(c in sql for c in ("name_key", "last_contact_at", "phone_digits")):
            dst.execute(sql)
    dst.commit()
    dst.close()
    src.close()
    start = time.perf_counter()
    for table in tables:
        command = f".import --csv --skip 1 {folder / table}.csv {table}"
        subprocess.run(["sqlite3", str(ref), command], check=True)
    reference = time.perf_counter() - start
    return ours, reference


def name_fragment(db: Path, start: int) -> str:
    """A name fragment (first name and the start of the last) that finds exactly one
    customer, as someone types it for `kbm log`."""
    from kbm_tui.store import Store

    with Store.open(db) as store:
        for cid in range(start, start + 5000):
            try:
                words = store.get_customer(cid).name.split()
            except Exception:
                continue
            if len(words) < 2:
                continue
            fragment = f"{words[0].lower()} {words[-1][:4].lower()}"
            if len(store.find_customers(fragment)) == 1:
                return fragment
    raise SystemExit("No customer with a unique name fragment in the benchmark data.")


def import_vs_sqlite(large: Path, work: Path) -> list[tuple[str, float, float]]:
    """`kbm import` of 10,000 vCards and of a 100,000-row CSV (made from the large shop's
    customers) into an empty database, beside sqlite3 .import of the same rows."""
    import csv
    import io
    import sqlite3
    from itertools import islice

    from kbm_tui.moving import vcard_out
    from kbm_tui.store import Store

    rows = sqlite3.connect(large).execute(
        "SELECT name, phone, email, address, notes, tags FROM customer ORDER BY id "
        "LIMIT 100000").fetchall()
    lists = work / "kunden.csv"
    with open(lists, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["Name", "Telefon", "E-Mail", "Adresse", "Notiz", "Kategorien"])
        writer.writerows([[v or "" for v in r] for r in rows])
    cards = work / "kontakte.vcf"
    out = io.StringIO()
    with Store.open(large) as store:
        vcard_out.write(islice(store.customers_matching(), 10_000), out, "bench")
    cards.write_bytes(out.getvalue().encode("utf-8"))
    same_rows = work / "kontakte.csv"
    with open(same_rows, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["Name", "Telefon", "E-Mail", "Adresse", "Notiz", "Kategorien"])
        writer.writerows([[v or "" for v in r] for r in rows[:10_000]])
    results = []
    for label, source, reference in ((f"import {10_000:,} vCards", cards, same_rows),
                                     (f"import a {len(rows):,}-row CSV", lists, lists)):
        target = work / "imported.sqlite3"
        for path in work.glob("imported.sqlite3*"):
            path.unlink()
        subprocess.run(KBM + ["--db", str(target), "add", "Erika Mustermann"], check=True,
                       env=ENV, stdout=subprocess.DEVNULL)
        start = time.perf_counter()
        subprocess.run(KBM + ["--db", str(target), "import", str(source)], check=True, env=ENV,
                       stdout=subprocess.DEVNULL)
        ours = time.perf_counter() - start
        ref_db = work / "imported-ref.sqlite3"
        ref_db.unlink(missing_ok=True)
        start = time.perf_counter()
        subprocess.run(["sqlite3", str(ref_db), f".import --csv {reference} kunden"],
                       check=True, input=b"", stdout=subprocess.DEVNULL)
        results.append((label, ours, time.perf_counter() - start))
    return results


def best_of(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--conversations", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=7, help="runs per process figure")
    parser.add_argument("--workdir", default=os.path.join(tempfile.gettempdir(), "kbm-bench"))
    parser.add_argument("--moving-only", action="store_true",
                        help="only the lines of moving in: kbm log by a name fragment, imports")
    parser.add_argument("--postgres", metavar="URL", default=os.environ.get("KBM_BENCH_PG"),
                        help="also on PostgreSQL: a maintenance database's URL on a server "
                             "where kbm_bench may be made (needs psycopg)")
    args = parser.parse_args()
    if not shutil.which("sqlite3"):
        sys.exit("The benchmark needs the sqlite3 command for its references "
                 "(Debian: apt-get install sqlite3).")
    work = Path(args.workdir)
    work.mkdir(parents=True, exist_ok=True)
    # Settings and the app's daily safety copies stay in the work folder, not the user's.
    ENV.update(KBM_DATA_DIR=str(work / "data"), KBM_CONFIG_DIR=str(work / "config"))
    size = f"{args.customers:,}/{args.conversations:,}"
    rows: list[tuple] = []

    def row(what, ours, ref=None, ref_name="", target="", ok=None, unit="s"):
        ratio = f"{ours / ref:.2f}" if ref else ""
        show = {"ms": lambda v: f"{v * 1000:.0f} ms", "MB": lambda v: f"{v:.0f} MB",
                "s": lambda v: f"{v:.2f} s"}[unit]
        rows.append((what, show(ours), f"{show(ref)} {ref_name}".strip() if ref else "", ratio,
                     target, "" if ok is None else ("yes" if ok else "NO")))
        print(f"  {what}: {show(ours)}", file=sys.stderr, flush=True)

    # The bytecode a shop's kbm has after its first run (pip writes its libraries' at
    # install): without it, where PYTHONDONTWRITEBYTECODE is set, every process timed
    # compiled kbm's modules anew, 70 ms more for each, on both engines.
    compileall.compile_dir(Path(__file__).resolve().parent.parent / "kbm_tui", quiet=1)
    print(f"Building the data ({size}) in {work} …", file=sys.stderr, flush=True)
    empty, large, generated = build(work, args.customers, args.conversations)
    cid, count = busiest_customer(large)
    # Today's safety copies made up front: the app makes one in the background at its
    # first start of a day, which would otherwise run beside whatever is being timed.
    subprocess.run([PYTHON, "-c", "import sys; from kbm_tui.store import Store\n"
                    "for db in sys.argv[1:]:\n"
                    "    with Store.open(db) as s: s.ensure_daily_copy()",
                    str(empty), str(large)], check=True, env=ENV)
    if generated:
        row(f"demo generator, {size}", generated, target="< 120 s", ok=generated < 120)

    runs = args.runs
    if args.moving_only:
        fragment = name_fragment(large, max(1, args.customers // 2))
        small, big = timed_pair(KBM + ["--db", str(empty), "log", "erika must", "bench"],
                                KBM + ["--db", str(large), "log", fragment, "bench"], runs)
        row(f'kbm log "{fragment}" (a name fragment), {size}', big, small, "empty", "≤ 1.2×",
            big / small <= 1.2)
        for label, ours, ref in import_vs_sqlite(large, work):
            row(label, ours, ref, "sqlite3 .import of the same rows")
        print_table(rows)
        return
    startup = timed([PYTHON, "-c", "pass"], runs)
    small, big = timed_pair(KBM + ["--db", str(empty), "log", "#1", "bench", "--via", "phone"],
                            KBM + ["--db", str(large), "log", f"#{cid}", "bench", "--via",
                                   "phone"], runs)
    row(f"quick-add (kbm log) to the busiest customer, {size}", big, small, "empty",
        "< 0.6 s, ≤ 1.2×", big < 0.6 and big / small <= 1.2)
    # The same quick-add with a promise, in German words and in English ones: the language
    # machinery (the catalogue, German due times) may add a few milliseconds at most.
    english, german = timed_pair(
        KBM + ["--db", str(large), "--lang", "en", "log", f"#{cid}", "bench", "--via", "phone",
               "--promise", "call back", "--due", "tomorrow 10:00"],
        KBM + ["--db", str(large), "--lang", "de", "log", f"#{cid}", "bench", "--via",
               "telefon", "--promise", "zurückrufen", "--due", "morgen 10 Uhr"], runs)
    row(f"quick-add in German (--lang de), {size}", german, english, "English",
        "≤ +5 ms", german - english <= 0.005)
    fragment = name_fragment(large, max(1, args.customers // 2))
    small, big = timed_pair(KBM + ["--db", str(empty), "log", "erika must", "bench"],
                            KBM + ["--db", str(large), "log", fragment, "bench"], runs)
    row(f'kbm log "{fragment}" (a name fragment), {size}', big, small, "empty", "≤ 1.2×",
        big / small <= 1.2)
    for label, extra in (("kbm today", ["today"]), ("kbm customers anna", ["customers", "anna"]),
                         ("kbm customers 0171", ["customers", "0171"])):
        small, big = timed_pair(KBM + ["--db", str(empty)] + extra,
                                KBM + ["--db", str(large)] + extra, runs)
        row(f"{label}, {size}", big, small, "empty")
    row("python start-up alone", startup)

    app_runs = max(3, runs // 2)
    small, big = app_start(empty, large, app_runs)
    row(f"app start to first Today, {size}", big, small, "empty", "≤ 1.3×", big / small <= 1.3)
    figures = probe(large, "search", "customer", "scroll", busiest=cid)
    sqlite_figures = figures
    row(f"search as you type, p95 of {figures['keys']} keys", figures["search_p95"],
        unit="ms", target="< 50 ms", ok=figures["search_p95"] < 0.05)
    row(f"open a customer with {count:,} conversations, first rows", figures["customer_first"],
        unit="ms", target="< 150 ms", ok=figures["customer_first"] < 0.15)
    row(f"scroll the customer list top to bottom ({figures['scrolled_rows']:,} rows)",
        figures["scroll_seconds"])
    row("app peak memory, after all of the above", figures["peak_mb"], unit="MB",
        target="< 250 MB", ok=figures["peak_mb"] < 250)

    ours, ref = export_vs_sqlite(large, work, max(1, runs // 3))
    row(f"export (zip of CSVs), {size}", ours, ref, "sqlite3 -csv", "≤ 2×", ours / ref <= 2)
    ours, ref = restore_vs_import(large, work)
    row(f"restore, {size}", ours, ref, "sqlite3 .import", "≤ 3×", ours / ref <= 3)
    for label, ours, ref in import_vs_sqlite(large, work):
        row(label, ours, ref, "sqlite3 .import of the same rows")

    if args.postgres:
        on_server(args.postgres, large, cid, work, runs, row, sqlite_figures)
    print_table(rows)


def on_server(admin: str, large: Path, cid: int, work: Path, runs: int, row,
              sqlite_figures: dict) -> None:
    """The same figures on PostgreSQL (the shop moved there with kbm move), each beside
    SQLite's from this run: within 2x of it, and the same absolute targets."""
    import psycopg
    from psycopg import conninfo

    params = conninfo.conninfo_to_dict(admin)
    name = "kbm_bench"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {name}")
    host = params.get("host") or "localhost"
    url = (f"postgresql://{params.get('user') or ''}@{host}:{params.get('port') or 5432}/{name}")
    start = time.perf_counter()
    subprocess.run(KBM + ["--db", str(large), "move", "--to", url], check=True, env=ENV,
                   stdout=subprocess.DEVNULL)
    row("kbm move to PostgreSQL (whole shop, checked)", time.perf_counter() - start)
    lite, server = timed_pair(KBM + ["--db", str(large), "log", f"#{cid}", "bench"],
                              KBM + ["--db", url, "log", f"#{cid}", "bench"], runs)
    row("PostgreSQL: quick-add (kbm log)", server, lite, "SQLite", "< 0.6 s, ≤ 2×",
        server < 0.6 and server / lite <= 2)
    lite, server = timed_pair(KBM + ["--db", str(large), "today"], KBM + ["--db", url, "today"],
                              runs)
    row("PostgreSQL: kbm today", server, lite, "SQLite", "≤ 2×", server / lite <= 2)
    lite, server = app_start(large, url, max(3, runs // 2))  # type: ignore[arg-type]
    row("PostgreSQL: app start to first Today", server, lite, "SQLite", "≤ 2×",
        server / lite <= 2)
    figures = probe(url, "search", busiest=cid)  # type: ignore[arg-type]
    row(f"PostgreSQL: search as you type, p95 of {figures['keys']} keys",
        figures["search_p95"], sqlite_figures["search_p95"], "SQLite", "< 50 ms, ≤ 2×",
        figures["search_p95"] < 0.05 and figures["search_p95"] <= 2 * sqlite_figures[
            "search_p95"], unit="ms")
    target = work / "bench-server-backup.zip"

    def export(db):
        target.unlink(missing_ok=True)
        subprocess.run(KBM + ["--db", str(db), "export", str(target)], check=True, env=ENV,
                       stdout=subprocess.DEVNULL)

    server, lite = best_of(lambda: export(url), 1), best_of(lambda: export(large), 1)
    row("PostgreSQL: export (zip of CSVs)", server, lite, "SQLite", "≤ 2×", server / lite <= 2)


def print_table(rows: list[tuple]) -> None:
    head = ("measure", "kbm-tui", "reference (same run)", "ratio", "target", "met")
    widths = [max(len(str(r[i])) for r in rows + [head]) for i in range(len(head))]
    line = lambda r: "| " + " | ".join(str(c).ljust(w) for c, w in zip(r, widths)) + " |"  # noqa
    print(line(head))
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for r in rows:
        print(line(r))


if __name__ == "__main__":
    main()
