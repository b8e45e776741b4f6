"""A database made by the command line on a server that would not let kbm create pg_trgm:
one line on stderr says what to ask the server's administrator, the command does its work."""

from __future__ import annotations


def test_the_command_line_says_once_which_extension_to_ask_for(kbm, extensionless):
    result = kbm("--db", extensionless, "log", "Anna Bauer", "Asked about a chain", "--new",
                 db=False)
    assert result.returncode == 0, result.stderr
    [line] = result.stderr.splitlines()
    assert line.startswith("kbm: The database server would not let kbm create the "
                           "extension(s) pg_trgm.")
    assert "CREATE EXTENSION pg_trgm;" in line

    again = kbm("--db", extensionless, "customers", "chain", db=False)
    assert (again.returncode, again.stderr) == (0, "")
    assert "Anna Bauer" in again.stdout
