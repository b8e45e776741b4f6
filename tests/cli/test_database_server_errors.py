"""A database on a server that can't be used: one clear line, exit 2, nothing created or
changed — and a password never printed, whatever went wrong."""

from __future__ import annotations

import os
import uuid

import pg_server as pg
import psycopg
import pytest
from psycopg import conninfo

from support import contents

PASSWORD = "Tr0ub4dor-and-3"  # the right one
WRONG = "S3cret-Wr0ng-pw"


@pytest.fixture
def admin():
    url = pg.admin_url()
    if url is None:
        if os.environ.get("CI") == "true":
            pytest.fail("KBM_TEST_PG is not set")
        pytest.skip("no PostgreSQL server (set KBM_TEST_PG, see .ci/run)")
    return url


@pytest.fixture
def password_role(admin, server_db):
    """A role that must give its password (.ci/run's pg_hba.conf asks it of the members of
    kbm_password_users), owning the test's database."""
    role = f"kbm_pw_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(admin, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_roles WHERE rolname='kbm_password_users'"
                            ).fetchone():
            conn.execute("CREATE ROLE kbm_password_users NOLOGIN")  # .ci/run makes it
        conn.execute(f"CREATE ROLE {role} LOGIN PASSWORD '{PASSWORD}' IN ROLE kbm_password_users")
    params = psycopg.conninfo.conninfo_to_dict(server_db)
    yield role, params
    with psycopg.connect(server_db, autocommit=True) as conn:
        conn.execute(f"REASSIGN OWNED BY {role} TO CURRENT_USER")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f"ALTER DATABASE {params['dbname']} OWNER TO CURRENT_USER")
        conn.execute(f"DROP ROLE IF EXISTS {role}")


def url(params, user, password=None, dbname=None) -> str:
    secret = f":{password}" if password else ""
    return (f"postgresql://{user}{secret}@{params['host']}:{params['port']}/"
            f"{dbname or params['dbname']}")


def test_a_wrong_password_is_named_but_never_shown(kbm, password_role, server_db):
    role, params = password_role
    before = contents(server_db)
    for target, env in ((url(params, role, WRONG), {}),
                        (url(params, role), {"PGPASSWORD": WRONG})):
        result = kbm("--db", target, "log", "Eva", "hi", "--new", db=False, env=env)
        assert result.returncode == 2, result
        assert "Traceback" not in result.stderr
        err = result.stderr
        assert len(err.strip().splitlines()) == 1, err
        assert "password" in err and role in err
        assert f"{params['host']}:{params['port']}/{params['dbname']}" in err
        assert WRONG not in err + result.stdout and PASSWORD not in err + result.stdout
    assert contents(server_db) == before


def test_the_right_password_from_pgpassword_works_and_is_never_shown(kbm, password_role,
                                                                     admin, server_db):
    role, params = password_role
    _give_the_shop_to(role, admin, server_db)
    out = kbm.ok("--db", url(params, role), "log", "Eva", "hi", "--new", db=False,
                 env={"PGPASSWORD": PASSWORD})
    assert "Eva" in out and PASSWORD not in out


def _give_the_shop_to(role: str, admin: str, server_db: str) -> None:
    """The test's database and its tables owned by `role`."""
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f"ALTER DATABASE {conninfo.conninfo_to_dict(server_db)['dbname']} "
                     f"OWNER TO {role}")
    with psycopg.connect(server_db, autocommit=True) as conn:
        for (table,) in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname='public'"
                                     ).fetchall():
            conn.execute(f"ALTER TABLE {table} OWNER TO {role}")


def test_a_server_that_does_not_answer(kbm, admin):
    params = psycopg.conninfo.conninfo_to_dict(admin)
    err = kbm.fails("--db", "postgresql://kbm@127.0.0.1:1/shop", "log", "Eva", "hi", db=False)
    assert "127.0.0.1:1 does not answer — nothing was saved" in err
    assert len(err.strip().splitlines()) == 1
    del params


def test_a_missing_database_is_not_created(kbm, admin):
    params = psycopg.conninfo.conninfo_to_dict(admin)
    name = f"kbm_missing_{uuid.uuid4().hex[:8]}"
    err = kbm.fails("--db", url(params, params["user"], dbname=name), "today", db=False)
    assert f"no database {params['user']}@{params['host']}:{params['port']}/{name}" in err
    with psycopg.connect(admin) as conn:
        assert conn.execute("SELECT 1 FROM pg_database WHERE datname=%s", (name,)).fetchone() \
            is None


def test_a_database_of_another_program_is_left_alone(kbm, admin):
    foreign = pg.new_database(admin, empty=True)
    with psycopg.connect(foreign, autocommit=True) as conn:
        conn.execute("CREATE TABLE invoices (id int, total numeric)")
        conn.execute("INSERT INTO invoices VALUES (1, 9.5)")
    try:
        before = contents(foreign)
        err = kbm.fails("--db", foreign, "log", "Eva", "hi", "--new", db=False)
        assert "holds tables of another program" in err
        assert contents(foreign) == before
    finally:
        pg.drop_database(admin, foreign)


def test_a_newer_schema_is_refused_untouched(kbm, server_db):
    kbm.ok("--db", server_db, "add", "Eva", db=False)
    with psycopg.connect(server_db, autocommit=True) as conn:
        conn.execute("UPDATE kbm_meta SET value='99' WHERE key='schema_version'")
    before = contents(server_db)
    err = kbm.fails("--db", server_db, "today", db=False)
    assert "newer kbm-tui (schema 99" in err
    assert contents(server_db) == before


def test_an_unreadable_address_is_one_line(kbm, admin):
    err = kbm.fails("--db", "postgresql://kbm@127.0.0.1:notaport/shop", "today", db=False)
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_encryption_asked_of_a_server_without_it_is_named(kbm, server_db):
    with psycopg.connect(server_db) as conn:
        if conn.execute("SHOW ssl").fetchone()[0] == "on":
            pytest.skip("this server offers encryption")
    err = kbm.fails("--db", f"{server_db}?sslmode=require", "today", db=False)
    assert "sslmode=require" in err and "no encrypted connection" in err


def test_no_password_found_is_told_apart_from_a_wrong_one(kbm, password_role, tmp_path):
    role, params = password_role
    elsewhere = tmp_path / "pgpass"  # a line for another database, as a copied line would be
    elsewhere.write_text(f"{params['host']}:{params['port']}:other:{role}:{PASSWORD}\n")
    elsewhere.chmod(0o600)
    for lang, words in (("en", ["asks for the password", "none was found", "~/.pgpass",
                                "HOST:PORT:DATABASE:USER:PASSWORD", "chmod 600"]),
                        ("de", ["verlangt das Passwort", "keins gefunden", "~/.pgpass",
                                "RECHNER:PORT:DATENBANK:BENUTZER:PASSWORT"])):
        err = kbm.fails("--lang", lang, "--db", url(params, role), "today", db=False,
                        env={"PGPASSFILE": str(elsewhere), "PGPASSWORD": ""})
        assert all(word in err for word in words), err
        assert "refused" not in err and "abgelehnt" not in err
        assert len(err.strip().splitlines()) == 1 and PASSWORD not in err


def test_a_server_name_this_computer_does_not_know(kbm):
    for lang, words in (("en", "does not know the server name no-such-backoffice.invalid"),
                        ("de", "kennt den Servernamen no-such-backoffice.invalid nicht")):
        err = kbm.fails("--lang", lang, "--db", "postgresql://kbm@no-such-backoffice.invalid/shop",
                        "today", db=False)
        assert words in err and len(err.strip().splitlines()) == 1


def test_the_refusals_a_helper_meets_are_german_too(kbm, password_role, server_db):
    role, params = password_role
    missing = f"kbm_missing_{uuid.uuid4().hex[:8]}"
    cases = [
        (("--db", "postgresql://kbm@127.0.0.1:1/shop"), {},
         "Der Datenbankserver unter 127.0.0.1:1 antwortet nicht"),
        (("--db", url(params, role, WRONG)), {}, "hat das Passwort für"),
        (("--db", url(params, params["user"], dbname=missing)), {},
         f"Auf dem Server gibt es keine Datenbank {params['user']}@"),
    ]
    with psycopg.connect(server_db) as conn:
        if conn.execute("SHOW ssl").fetchone()[0] == "off":
            cases.append((("--db", f"{server_db}?sslmode=require"), {},
                          "bietet keine verschlüsselte Verbindung an"))
    for args, env, words in cases:
        err = kbm.fails("--lang", "de", *args, "today", db=False, env=env)
        assert words in err, err
        assert err.rstrip().endswith("Es wurde nichts geändert.") or "nichts gespeichert" in err
        assert len(err.strip().splitlines()) == 1


def test_without_postgresqls_driver_kbm_says_how_to_add_it(kbm, tmp_path):
    # psycopg hidden, as on a till set up with the plain `pip install -e .`
    hidden = tmp_path / "no-driver" / "psycopg"
    hidden.mkdir(parents=True)
    (hidden / "__init__.py").write_text("raise ImportError('psycopg is not installed')\n")
    env = {"PYTHONPATH": str(hidden.parent)}
    for lang, words in (("en", "needs PostgreSQL's driver (psycopg)"),
                        ("de", "braucht den Treiber für PostgreSQL (psycopg)")):
        err = kbm.fails("--lang", lang, "--db", "postgresql://kbm@backoffice/shop", "today",
                        db=False, env=env)
        assert words in err and "pip install -e '.[postgres]'" in err, err
        assert "kbm-tui[postgres]" not in err  # kbm is on no package index
        assert len(err.strip().splitlines()) == 1


def test_a_database_that_does_not_store_text_as_utf8_is_refused_untouched(kbm, admin):
    """Search folds names with normalize(), which works in a UTF8 database only."""
    name = f"kbm_ascii_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name} ENCODING 'SQL_ASCII' TEMPLATE template0 "
                     "LC_COLLATE 'C' LC_CTYPE 'C'")
    url = pg.url_for(admin, name)
    try:
        err = kbm.fails("--db", url, "add", "Søren Łada", db=False)
        assert "stores text as SQL_ASCII, not UTF-8" in err and "ENCODING 'UTF8'" in err
        with psycopg.connect(url) as conn:
            assert conn.execute("SELECT count(*) FROM information_schema.tables WHERE "
                                "table_schema='public'").fetchone()[0] == 0
    finally:
        pg.drop_database(admin, url)


def test_what_to_type_next_never_repeats_a_password(kbm, password_role, admin, server_db):
    """`kbm demo` and `kbm move` end with the --db to open the new shop: the address as given,
    without the password in it (PGPASSWORD or ~/.pgpass give it)."""
    role, params = password_role
    _give_the_shop_to(role, admin, server_db)
    out = kbm.ok("--db", url(params, role, PASSWORD), "demo", "--customers", "20", db=False)
    assert PASSWORD not in out
    opens_with = out.strip().rpartition("Open it with: kbm --db ")[2]
    assert opens_with == url(params, role)
    assert "#1 " in kbm.ok("--db", opens_with, "show", "#1", db=False,
                           env={"PGPASSWORD": PASSWORD})


def test_an_address_less_its_password_in_every_form():
    from kbm_tui.db.postgres.connect import without_password

    assert without_password("postgresql://till:s3cret@shop:5433/kbm?sslmode=require") == (
        "postgresql://till@shop:5433/kbm?sslmode=require")
    assert without_password("postgres://till@shop/kbm?password=s3cret&sslmode=require") == (
        "postgres://till@shop/kbm?sslmode=require")
    assert without_password("postgresql://shop/kbm") == "postgresql://shop/kbm"
    for socket in ("postgresql:///kbm", "postgresql:///kbm?host=/run/postgresql&port=5433"):
        assert without_password(socket) == socket
    assert without_password("postgresql://till:pw@/kbm?host=/tmp&password=x") == (
        "postgresql://till@/kbm?host=/tmp")
    keywords = without_password("host=shop dbname=kbm user=till password=s3cret")
    assert "s3cret" not in keywords and "dbname=kbm" in keywords and "user=till" in keywords
