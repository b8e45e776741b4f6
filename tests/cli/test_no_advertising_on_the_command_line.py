"""`kbm prefer --no-ads`: the customer objects to advertising; `kbm log --out --kind werbung`
is refused (status 2) until --anyway, every other contact goes through as before."""

from __future__ import annotations

import json

import pytest

from support import contents

pytestmark = pytest.mark.both_engines


def test_no_advertising_is_recorded_shown_and_kept_through_clear(kbm):
    kbm.ok("add", "Anna Schmidt", "--phone", "0171 1112233")
    kbm.ok("add", "Ben Graf")
    assert "Anna Schmidt wishes: no advertising (since 22 Nov 2026), by phone." in kbm.ok(
        "prefer", "anna", "--no-ads", "--via", "phone")
    assert "no advertising (since 22 Nov 2026), by phone" in kbm.ok("show", "anna")
    cleared = kbm.ok("prefer", "anna", "--clear")
    assert "Anna Schmidt wishes: no advertising (since 22 Nov 2026)." in cleared  # no phone
    assert "The objection to advertising stays: withdraw it with --allow-ads." in cleared
    listed = {c["name"]: c["no_ads_since"] for c in json.loads(kbm.ok("customers", "--json"))}
    assert listed == {"Anna Schmidt": "2026-11-22T10:30:00Z", "Ben Graf": None}
    assert "Anna Schmidt wishes: no wishes recorded." in kbm.ok("prefer", "anna", "--allow-ads")
    said = kbm("prefer", "anna", "--no-ads", "--allow-ads")
    assert said.returncode == 2 and "contradict each other" in said.stderr


def test_advertising_is_refused_until_anyway(kbm):
    kbm.ok("add", "Anna Schmidt")
    kbm.ok("prefer", "anna", "--no-ads")
    before = contents(kbm.db_path)
    said = kbm.fails("log", "anna", "Frühjahrs-Newsletter", "--out", "--kind", "werbung",
                     "--via", "email")
    assert "Anna Schmidt objected to advertising (since 22 Nov 2026)." in said
    assert "--anyway" in said
    said = kbm.fails("log", "anna", "Prospekt", "--out", "--kind", "prospekt",
                     env={"KBM_LANG": "de"})
    assert "Anna Schmidt möchte keine Werbung (seit 22. Nov. 2026)." in said
    assert contents(kbm.db_path) == before
    for kind in ("service", "angebot", "anfrage"):  # the call-back, the quote they asked for
        assert "Noted as against" not in kbm.ok("log", "anna", f"wie versprochen: {kind}",
                                                "--out", "--kind", kind)
    # Advertising is what the shop sends, whatever the direction given or left out; a
    # customer asking for the newsletter is an inquiry (and then the objection withdrawn).
    before = contents(kbm.db_path)
    for direction in ([], ["--in"]):
        said = kbm.fails("log", "anna", "Newsletter geschickt", *direction, "--kind", "werbung")
        assert "Anna Schmidt objected to advertising (since 22 Nov 2026)." in said
    assert contents(kbm.db_path) == before
    kbm.ok("log", "anna", "fragt nach dem Newsletter", "--in", "--kind", "anfrage")
    logged = kbm.ok("log", "anna", "Newsletter", "--out", "--kind", "werbung", "--anyway")
    assert "advertising, we reached out" in logged
    assert "Noted as against the customer's wishes." in logged


def test_the_help_and_the_kinds_name_it_in_german(kbm):
    helped = kbm.ok("prefer", "--help", db=False, env={"KBM_LANG": "de"})
    assert "--no-ads" in helped and "Werbung" in helped and "--allow-ads" in helped
    said = kbm.fails("log", "anna", "x", "--kind", "klatsch", env={"KBM_LANG": "de"})
    assert "Idee, Werbung, Sonstiges" in said
