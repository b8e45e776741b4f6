"""A database made on a server that would not let kbm create pg_trgm (the trigram index
search uses): kbm makes it all the same, search answers the same by reading every row, and
the store keeps what to ask the server's administrator for whoever shows it — the data
layer prints nothing, for the app covers the terminal as it starts."""

from __future__ import annotations

import psycopg

from kbm_tui.store import Store


def test_the_store_keeps_what_to_ask_the_administrator_and_prints_nothing(extensionless,
                                                                         capsys):
    with Store.open(extensionless) as store:
        told = store.take_notices()
        anna = store.add_customer("Anna Bauer", phone="0171 2345678")
        store.log_conversation(anna.id, "asked about a Lastenrad")
        assert [c.name for c in store.list_customers("lastenr")] == ["Anna Bauer"]
        assert [c.name for c in store.list_customers("2345")] == ["Anna Bauer"]
    assert capsys.readouterr().err == ""
    assert len(told) == 1 and "\n" not in told[0]
    assert told[0].startswith("The database server would not let kbm create the "
                              "extension(s) pg_trgm.")
    assert "CREATE EXTENSION pg_trgm;" in told[0] and "same answers" in told[0]
    with psycopg.connect(extensionless) as conn:
        assert not conn.execute("SELECT count(*) FROM pg_extension WHERE extname='pg_trgm'"
                                ).fetchone()[0]

    with Store.open(extensionless) as store:  # said when the database was made
        assert store.take_notices() == []
