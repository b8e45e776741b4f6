"""What the store refuses reaches the app in the shop's language, title and all: in the
walk through the German app a refused change showed "Not saved" over a German message."""

from __future__ import annotations

import pytest
from german_shop import build_german_shop

from kbm_tui.core import i18n
from support import running, wait_for


@pytest.fixture
def german():
    i18n.use("de")
    yield
    i18n.use("en")


def _titled(app) -> list[tuple[str, str]]:
    return [(n.title, n.message) for n in app._notifications]


@pytest.mark.parametrize("write, title", [(True, "Nicht gespeichert"),
                                          (False, "Kann nicht angezeigt werden")])
async def test_a_refusal_is_titled_and_said_in_german(db_path, german, write, title):
    build_german_shop(db_path)
    async with running(db_path) as pilot:
        screen = pilot.app.screen
        if write:
            screen.db_write(lambda store: store.close_promise(999, "kept"))
        else:
            screen.db_read(lambda store: store.get_customer(999), lambda _found: None)
        assert await wait_for(pilot, lambda: _titled(pilot.app))
        said = "Es gibt kein Versprechen #999." if write else "Es gibt keinen Kunden #999."
        assert _titled(pilot.app) == [(title, said)]
