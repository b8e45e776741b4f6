"""What an import plan comes to, in one sentence: for the command line and the app."""

from __future__ import annotations

from kbm_tui.core.i18n import _, n_
from kbm_tui.store import ImportPlan


def plan_summary(plan: ImportPlan) -> str:
    """ "3 new, 1 already here (1 gets what its card lacks), 2 left out." — parts with
    nothing in them left out."""
    new, fill, known = len(plan.of("add")), len(plan.of("fill")), len(plan.of("known"))
    twice, maybe, bad = len(plan.of("in_file")), len(plan.maybe), len(plan.rejected)
    parts = []
    if new:
        parts.append(n_("{n} new", "{n} new", new).format(n=new))
    if fill + known:
        here = n_("{n} already here", "{n} already here", fill + known).format(n=fill + known)
        if fill:
            here = n_("{here} ({n} gets what its card lacks)",
                      "{here} ({n} get what their cards lack)", fill).format(here=here, n=fill)
        parts.append(here)
    if twice:
        parts.append(n_("{n} twice in the file", "{n} twice in the file", twice).format(n=twice))
    if maybe:
        parts.append(n_("{n} of the new maybe here already", "{n} of the new maybe here already",
                        maybe).format(n=maybe))
    if bad:
        parts.append(n_("{n} left out", "{n} left out", bad).format(n=bad))
    return (", ".join(parts) or _("nobody")) + "."
