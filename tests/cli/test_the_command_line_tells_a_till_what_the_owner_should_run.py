"""A till whose role only reads and writes kbm's tables, on a database an older kbm made: the
command line says once on this computer what the owner should run, and works on."""

from __future__ import annotations

from pg_server import as_an_older_kbm_left_it, grant_table_rights
from psycopg import conninfo

from kbm_tui.store import Store


def test_the_command_line_tells_a_till_once_what_the_owner_should_run(kbm, server_db,
                                                                     till_role):
    role, till = till_role
    with Store.open(server_db) as owner:
        owner.add_customer("Anna Bauer")
    as_an_older_kbm_left_it(server_db)
    grant_table_rights(server_db, role)

    result = kbm("--db", till, "log", "anna", "Asked about a chain", db=False)
    assert result.returncode == 0, result.stderr
    owner_name = conninfo.conninfo_to_dict(server_db)["user"]
    assert result.stderr.startswith(f"kbm: {role} may not add the index for words said")
    assert f"open the database once as {owner_name}: kbm --db postgresql://{owner_name}@" in (
        result.stderr)
    assert len(result.stderr.strip().splitlines()) == 1

    again = kbm("--db", till, "log", "anna", "Came back for it", db=False)
    assert (again.returncode, again.stderr) == (0, "")
