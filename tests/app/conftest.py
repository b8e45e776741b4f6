"""Fixtures of the app's tests."""

from __future__ import annotations

import pytest

from kbm_tui.core import i18n


@pytest.fixture(params=["en", "de"])
def language(request):
    """The test in English, then in German (a test that parametrizes `language` itself
    sets the language its own way)."""
    i18n.use(request.param)
    yield request.param
    i18n.use("en")
