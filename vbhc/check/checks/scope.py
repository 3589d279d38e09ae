"""What Decree 30 does not govern: one finding that says what the document is and which regulation
governs it (:mod:`vbhc.recognise.scope`), in place of the rules of a decree that is not its own."""

from __future__ import annotations

from vbhc import nd30
from vbhc.check.checks.core import Context
from vbhc.check.rules import COMPONENTS

# The rules still held to (nd30.scope.SHARED_TECHNIQUE), as the report's groups name them.
_SHARED = ", ".join(COMPONENTS[group].split(" (")[0].lower() for group in nd30.scope.SHARED_TECHNIQUE)


def check_scope(ctx: Context) -> None:
    """The one finding of a document Decree 30 does not govern as it writes (none for one it does)."""
    found = ctx.rec.out_of_scope
    if found is not None:
        s = found.scope
        seen = f', recognised by "{found.text}"' if found.text else ""
        otherwise = f"; {s.otherwise}" if s.otherwise else ""
        ctx.add("document.scope", f"{s.what}{seen}: {s.reason()}",
                [found.paragraph] if found.paragraph is not None else [],
                note=f"checked only for what that regulation states as Decree 30 does ({_SHARED}): A4, the "
                     f"margins, Unicode Times New Roman in black{otherwise}")
    ctx.ok("document.scope")
