"""The closing as offices type it: what the recogniser needs beyond the decree's own layout.

- a signature block typed as one paragraph broken by Shift+Enter ("KT. CHỦ TỊCH↵PHÓ CHỦ TỊCH↵↵Nguyễn Văn
  An"): each line a component of its own (:func:`broken_lines`);
- the placeholders officers leave where the signature and the seal go ("(Đã ký)", "(Ký, ghi rõ họ
  tên)", "(Ký tên, đóng dấu)", "(Chữ ký số)"): not a title, not a name (:func:`is_signature_placeholder`);
- a picture in the signature's block (the signature's scan or the seal), inline or floating
  (:func:`pictures`): its relationship ids, so the importer can carry a PNG over or say what it left;
- a Nơi nhận line typed as a Word bullet ("•" from ``w:numPr``) or as a "+" sub-item, which are list
  lines as much as a typed "-" (:data:`LIST_MARKS`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from vbhc.layout.regions import SignatureRegion
from vbhc.nd30 import numbering
from vbhc.ooxml.build import R_NS
from vbhc.ooxml.drawing import V_NS
from vbhc.ooxml.resolve import ResolvedParagraph
from vbhc.ooxml.xml import A_NS

if TYPE_CHECKING:
    from vbhc.recognise.components import Recognised

# What offices type where the signature goes (practice): a bracketed note that the paper was signed or
# where to sign and seal, or "Đã ký" without brackets on a line of its own.
_PLACEHOLDER = re.compile(
    r"^[(\[]\s*(?:đã\s+)?(?:ký|chữ\s+ký|đóng\s+dấu)\b[^()\[\]]{0,40}[)\]]\.?$"
    r"|^đã\s+ký(?:\s+và\s+đóng\s+dấu)?\.?$", re.IGNORECASE)
# A list line of Nơi nhận or Kính gửi: a typed "-" (or a dash Word made of it), a "+" sub-item, or a
# Word bullet's label ("•", "▪", "◦"; a Symbol or Wingdings private-use character left unmapped).
LIST_MARKS = (*numbering.BULLET_GLYPHS, "+", "○", "\uf0b7", "\uf0a7")



def is_signature_placeholder(text: str) -> bool:
    """Whether a line of a signature block only stands for the signature or the seal: "(Đã ký)"."""
    return bool(_PLACEHOLDER.match(text.strip()))


def broken_lines(item: Recognised) -> list[Recognised]:
    """``item`` as the lines of its paragraph that hold text, where the paragraph is broken by line
    breaks (each a :class:`Recognised` with its span); ``[item]`` for a one-line paragraph or a column of
    a line laid out with tabs (an item with a span of its own)."""
    from vbhc.recognise.components import Recognised, span_text

    p = item.paragraph
    if item.span is not None or "\n" not in p.text:
        return [item]
    out, at = [], 0
    for line in p.text.split("\n"):
        stop = at + len(line)
        text = span_text(p, at, stop)
        if text:
            out.append(Recognised(p, item.role, text, span=(at, stop)))
        at = stop + 1
    return out


def pictures(paragraph: ResolvedParagraph) -> list[str]:
    """The relationship ids of the pictures drawn in ``paragraph``, inline or floating (DrawingML's
    ``a:blip r:embed``, VML's ``v:imagedata r:id``), in order."""
    if paragraph.element is None:
        return []
    out = [b.get(f"{{{R_NS}}}embed") for b in paragraph.element.iter(f"{{{A_NS}}}blip")]
    out += [v.get(f"{{{R_NS}}}id") for v in paragraph.element.iter(f"{{{V_NS}}}imagedata")]
    return [x for x in out if x]


def block_extras(paragraphs: Sequence[ResolvedParagraph], blocks: Iterable[SignatureRegion[Recognised]]
                 ) -> tuple[tuple[Recognised, ...], tuple[ResolvedParagraph, ...]]:
    """The placeholders (:func:`is_signature_placeholder`) and the paragraphs holding a picture within
    each signature block: from its first title's paragraph to its name's, in the same container (a
    table's cell, or the page)."""
    from vbhc.nd30 import Role
    from vbhc.recognise.components import Recognised, columns, shown

    notes: list[Recognised] = []
    drawn: list[ResolvedParagraph] = []
    for block in blocks:
        lines = [*block.titles, *((block.name,) if block.name is not None else ())]
        if not lines:
            continue
        first, end = lines[0].paragraph, lines[-1].paragraph.index + 1
        while end < len(paragraphs) and paragraphs[end].table == first.table and (
                not shown(paragraphs[end]) or is_signature_placeholder(shown(paragraphs[end]))):
            end += 1  # "(Ký, ghi rõ họ tên)" typed under the name
        for p in paragraphs[first.index:end]:
            if p.table != first.table or p.location != first.location:
                continue
            parts = [Recognised(p, Role.PARAGRAPH, text, span=(a, b)) for text, a, b in columns(p)]
            if len(parts) < 2:  # not a line laid out with tabs: the paragraph, line by line
                parts = broken_lines(Recognised(p, Role.PARAGRAPH, shown(p)))
            notes += [x for x in parts if is_signature_placeholder(x.text)]
            if pictures(p):
                drawn.append(p)
    return tuple(notes), tuple(drawn)
