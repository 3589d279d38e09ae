"""The closing: Kính gửi and Nơi nhận lists, and the collective's signature (TM.)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from vbhc import nd30
from vbhc.check.checks.core import Context, ending
from vbhc.check.report import shorten
from vbhc.check.rules import RULES
from vbhc.ooxml.resolve import ResolvedParagraph
from vbhc.recognise.closing import LIST_MARKS
from vbhc.recognise.components import (
    Recognised,
    clean,
    collective_blocks,
    signs_for_collective,
    typed_authority,
)


def _list_entries(items: Sequence[Recognised]) -> list[tuple[ResolvedParagraph, str]]:
    out = []
    for item in items:
        typed = item.paragraph.text if item.span is None else item.text
        if item.span is None and item.paragraph.numbering_label:  # a Word bullet ("•") or number
            typed = f"{item.paragraph.numbering_label} {typed}"
        for line in typed.split("\n"):
            line = clean(line)
            if line:
                out.append((item.paragraph, line))
    return out


def _check_list(ctx: Context, rule_id: str, entries: list[tuple[ResolvedParagraph, str]]) -> None:
    prefix = nd30.LIST_ITEM_PREFIX
    for n, (p, line) in enumerate(entries):
        last = n == len(entries) - 1
        sub = is_sub_item(entries, n)  # "+ Công an xã;" under "- Các ban, ngành xã:" (practice)
        if not sub and not line.startswith(prefix):
            ctx.add(rule_id, f'"{shorten(line, 40)}"', [p], expected=f'a line starting "{prefix}"',
                    merge=False)
        end = nd30.LIST_ENDS.end(n, len(entries))
        if n + 1 < len(entries) and is_sub_item(entries, n + 1) and line.endswith(":"):
            continue  # a line that heads its "+" sub-items ends with a colon
        if not nd30.LIST_ENDS.ends_right(line, n, len(entries)):
            ctx.add(rule_id, f"ends with {ending(line)}", [p],
                    expected=f'ends with "{end}"' + (" (the last line)" if last else ""), merge=False)


def is_sub_item(entries: Sequence[tuple[ResolvedParagraph, str]], n: int) -> bool:
    """Whether list line ``n`` is a "+" sub-item of the "-" line above it (practice: "- Các ban, ngành
    xã:" over "+ Công an xã;"): its own ending is the list's, its "+" no finding."""
    heads = [line for _, line in entries[:n] if not line.startswith("+")]
    dash = nd30.LIST_ITEM_PREFIX.strip()
    return entries[n][1].startswith("+") and bool(heads) and heads[-1].startswith(dash)


def check_addressees(ctx: Context) -> None:
    items = ctx.rec.addressees
    if not items:
        ctx.na("addressees.punctuation", "no Kính gửi in this document")
        return
    first = items[0]
    label = nd30.ADDRESSEES_LABEL
    if not first.text.startswith(label):
        ctx.add("addressees.punctuation", f'"{shorten(first.text, 30)}"', [first.paragraph],
                expected=f'"{label}" with its colon', merge=False)
    if len(items) > 1:
        _check_list(ctx, "addressees.punctuation", _list_entries(items[1:]))
    ctx.ok("addressees.punctuation")


def check_recipients(ctx: Context) -> None:
    rec = ctx.rec
    heading = rec.recipients_heading
    if heading is None and nd30.Region.RECIPIENTS not in rec.form.regions:
        for rule_id in ("recipients.punctuation", "recipients.archive"):
            ctx.na(rule_id, f"no Nơi nhận in its form ({rec.form.clause})")
        return
    if heading is None:
        for rule_id in ("recipients.punctuation", "recipients.archive"):
            ctx.skip(rule_id, '"Nơi nhận:" not recognised')
        return
    if clean(heading.text.split("\n")[0]) != nd30.RECIPIENTS_LABEL:
        ctx.add("recipients.punctuation", f'"{heading.text}"', [heading.paragraph],
                expected=f'"{nd30.RECIPIENTS_LABEL}"', merge=False)
    entries = _list_entries(rec.recipients[1:])  # the region's first line is the heading
    typed = heading.paragraph.text if heading.span is None else heading.text
    extra = [clean(x) for x in typed.split("\n")[1:] if clean(x)]
    entries = [(heading.paragraph, x) for x in extra] + entries
    if not entries:
        ctx.add("recipients.archive", "an empty list", [heading.paragraph])
        ctx.ok("recipients.punctuation")
        return
    _check_list(ctx, "recipients.punctuation", entries)
    ctx.ok("recipients.punctuation")
    p, last = entries[-1]
    dash, label = re.escape(nd30.LIST_ITEM_PREFIX.strip()), re.escape(nd30.ARCHIVE_LABEL.rstrip(":"))
    # the list mark is recipients.punctuation's: a Word bullet's "•" before "Lưu: VT" is not this rule's
    marks = "".join(re.escape(m) for m in LIST_MARKS if m != nd30.LIST_ITEM_PREFIX.strip())
    archive = re.compile(rf"^[{dash}{marks}]?\s*{label}\s*:\s*{re.escape(nd30.ARCHIVE_REGISTRY)}\b")
    if not archive.match(last):
        ctx.add("recipients.archive", f'the last line is "{shorten(last, 40)}"', [p])
    ctx.ok("recipients.archive")


def check_signature(ctx: Context) -> None:
    rec = ctx.rec
    signers = rec.form.signers_in_person
    if signers is not None and rec.document_type is not None:
        ctx.na("signature.collective", f"a {rec.document_type.type_name.lower()} is signed by {signers} "
                                       "in person")
        return
    if not rec.issuer or not rec.signatures:
        ctx.skip("signature.collective", "no issuer or no signature block recognised")
        return
    words = RULES["signature.collective"].allowed
    issuer = " ".join(clean(x.text).upper() for x in rec.issuer)
    collective = next((w for w in words if issuer.startswith(w)), None)
    ctx.ok("signature.collective")
    if collective is None:
        return
    authority = rec.enacting_authority
    if authority is not None and not clean(authority.text).upper().startswith(words):
        return  # the head enacts in their own name ("CHỦ TỊCH ỦY BAN NHÂN DÂN ..."): no TM.
    tm = nd30.SigningAuthority.TM.value
    for block in collective_blocks(rec):  # a joint document's other signers sign for their own bodies
        if not signs_for_collective(block):  # "T/M" is signature.authority's
            first = block.titles[0]
            ctx.add("signature.collective", f'"{first.text}" without "{tm}"', [first.paragraph],
                    expected=f'"{tm} {clean(rec.issuer[0].text).upper()}" over "{first.text}"',
                    note="A bare position means the head signs in their own name; for the collective's "
                         "documents sign on its behalf (TM.).")


def check_authority(ctx: Context) -> None:
    """Each signature's quyền hạn typed as the decree abbreviates it: "TM.", not "T/M" or "TM"."""
    titles = [t for block in ctx.rec.signatures for t in block.titles]
    if ctx.rec.copy is not None and ctx.rec.copy.signature is not None:
        titles += ctx.rec.copy.signature.titles
    if not titles:
        ctx.skip("signature.authority", "no signature block recognised")
        return
    for title in titles:
        found = typed_authority(title.text)
        if found is not None and found[1] != found[0].value:
            ctx.add("signature.authority", f'"{found[1]}"', [title.paragraph], expected=f'"{found[0].value}"',
                    merge=False)
    ctx.ok("signature.authority")
