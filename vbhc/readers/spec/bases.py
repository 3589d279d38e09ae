"""Căn cứ typed at the head of a preamble or body, taken as the document's legal bases.

Officers type the căn cứ as the first lines of the text ("Căn cứ Luật ...;", "Theo đề nghị của ...").
Printed there they would be upright body paragraphs, while the decree sets them apart, in italics,
each ending with ";" and the last with "." (PL I, II.6.a), and the checker reads them as căn cứ. The
reader moves them to ``legal_bases`` (after any given there: the order of the text is kept), with a
warning naming the field. Where moving them would change the order of the text (a căn cứ at the head
of the body, under a preamble that is not one), they stay, with a warning saying where they belong.
"""

from __future__ import annotations

from collections.abc import Callable

import attrs

from vbhc import nd30
from vbhc.diagnostics import Path
from vbhc.model import Document, Paragraph

__all__ = ["legal_bases_from_text"]


def _head(blocks: tuple[object, ...]) -> int:
    """How many of ``blocks`` open the text as căn cứ paragraphs."""
    n = 0
    while n < len(blocks) and isinstance(blocks[n], Paragraph) and nd30.opens_legal_basis(
            blocks[n].text.plain):  # type: ignore[attr-defined]
        n += 1
    return n


def legal_bases_from_text(document: Document, warn: Callable[[Path, str], None]) -> Document:
    """``document`` with the căn cứ paragraphs at the head of its preamble (or of its body, when
    nothing is printed before it) moved to the end of ``legal_bases``; a warning for each."""
    form = nd30.form_of(document.type)
    # A form of labelled fields prints its words ("... trân trọng kính mời:") before the body.
    fields_first = form.particulars is not None and getattr(document, form.particulars) is not None
    in_preamble = _head(document.preamble)
    whole_preamble = in_preamble == len(document.preamble)
    in_body = _head(document.body) if whole_preamble and not fields_first else 0
    moved = [*document.preamble[:in_preamble], *document.body[:in_body]]
    if not moved:
        if document.preamble and not fields_first:
            for i in range(_head(document.body)):
                warn(("body", i), "this paragraph opens as a căn cứ; căn cứ belong in legal_bases, printed "
                                  "in italics before the preamble (PL I, II.6.a); vbhc prints it here, as "
                                  "a paragraph of the body, since the preamble comes first")
        return document
    for field, count in (("preamble", in_preamble), ("body", in_body)):
        for i in range(count):
            warn((field, i), f"a căn cứ typed at the head of the {field}: vbhc moves it to legal_bases "
                             "(printed in italics before the preamble and body, each ending with "
                             '";" and the last with ".": PL I, II.6.a); write it under legal_bases')
    bases = (*document.legal_bases, *(p.text for p in moved))  # type: ignore[attr-defined]
    return attrs.evolve(document, legal_bases=bases, preamble=document.preamble[in_preamble:],
                        body=document.body[in_body:])
