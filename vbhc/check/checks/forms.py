"""Checks of what a form's own record asks (``nd30.forms``), beyond the roles every document has.

``signature.in-person``: the signers of a form who sign in their own names (a biên bản's secretary and
chair, PL III, Mẫu 1.9) carry no quyền hạn line (TM., KT., Q., TL., TUQ.) over their position.
"""

from __future__ import annotations

from vbhc import nd30
from vbhc.check.checks.core import Context
from vbhc.recognise.components import clean

RULE = "signature.in-person"
AUTHORITIES = tuple(a.value for a in nd30.SigningAuthority)


def check_signers_in_person(ctx: Context) -> None:
    """A quyền hạn line over the signature of a form whose signers sign in person is a finding."""
    rec = ctx.rec
    signers = rec.form.signers_in_person
    if signers is None or rec.document_type is None:
        ctx.na(RULE, "its signers may sign on behalf of others")
        return
    if not rec.signatures:
        ctx.skip(RULE, "no signature block recognised")
        return
    for block in rec.signatures:
        for title in block.titles:
            if clean(title.text).upper().startswith(AUTHORITIES):
                ctx.add(RULE, f'"{title.text}" over a {rec.document_type.type_name.lower()}\'s signature',
                        [title.paragraph],
                        expected=f"{signers} signing in their own names, the position alone",
                        note=f"{rec.form.clause}: THƯ KÝ and CHỦ TỌA, each over their own name.")
    ctx.ok(RULE)
