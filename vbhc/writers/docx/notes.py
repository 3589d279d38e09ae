"""Footnotes as Word writes them: a reference in the text, its note in ``word/footnotes.xml``.

A footnote span (:meth:`vbhc.model.Span.footnote`) becomes a run holding ``w:footnoteReference`` in
superscript where its mark stands; Word and LibreOffice number the notes 1, 2, ... in reading order.
The part holds Word's separator and continuation separator (ids -1 and 0), then one ``w:footnote`` a
note, ids from 1 in the order the writer meets them, so the same document always gives the same bytes.
A note's paragraph carries its look directly (Times New Roman in all four slots, nd30.FOOTNOTE's size,
justified, single-spaced, no indent): it does not depend on a template's styles, which may have no
footnote style at all.
"""

from __future__ import annotations

from collections.abc import Sequence

from vbhc import nd30
from vbhc.model.text import Text
from vbhc.ooxml.build import Element, el, ppr, rpr, text_run, to_bytes

FOOTNOTES_PART = "word/footnotes.xml"
FOOTNOTES_ID = "rIdVbhcFootnotes"
FOOTNOTES_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
_SEPARATORS = ((-1, "separator"), (0, "continuationSeparator"))


def reference_run(note_id: int) -> Element:
    """The footnote's mark in the text: a superscript ``w:footnoteReference``."""
    return el("r", None, rpr(superscript=True), el("footnoteReference", {"id": note_id}))


def _note_paragraph(note: Text) -> Element:
    size = nd30.FOOTNOTE.default_size
    p = el("p", None, ppr(before_pt=0, after_pt=0, line=1.0, left=0, first_line=0, jc="both"))
    p.append(el("r", None, rpr(fonts=nd30.FONT_NAME, size_pt=size, superscript=True), el("footnoteRef")))
    p.append(text_run(" ", rpr(fonts=nd30.FONT_NAME, size_pt=size)))
    for span in note:
        p.append(text_run(span.text, rpr(fonts=nd30.FONT_NAME, size_pt=size, bold=span.bold or None,
                                         italic=span.italic or None)))
    return p


def footnotes_xml(notes: Sequence[Text]) -> bytes:
    """``word/footnotes.xml``: the two separators, then each note with ids 1, 2, ... in order."""
    root = el("footnotes")
    for note_id, kind in _SEPARATORS:
        mark = el("r", None, el(kind))
        root.append(el("footnote", {"type": kind, "id": note_id},
                       el("p", None, ppr(before_pt=0, after_pt=0, line=1.0), mark)))
    for n, note in enumerate(notes, start=1):
        root.append(el("footnote", {"id": n}, _note_paragraph(note)))
    return to_bytes(root)
