"""A recognised paragraph's text as spec markup, and pasted text as paragraphs the recogniser reads.

:func:`markup_after` gives the text a paragraph prints after its label ("1.", "a)", "Điều 3.") in the
spec's markup (``*italic*``, ``**bold**``), emphasis counted only where it differs from what its role
prints anyway (an item's title is bold by the decree, so it gets no ``**``). :func:`text_document`
turns lines of pasted text (an e-mail, a PDF's text) into a :class:`~vbhc.ooxml.resolve.ResolvedDocument`
of plain paragraphs, so that one recogniser reads both.
"""

from __future__ import annotations

import re
import unicodedata

from vbhc.model.text import Span, Text, forbidden_character
from vbhc.nd30 import Role
from vbhc.ooxml.resolve import ResolvedDocument, ResolvedParagraph, ResolvedRun
from vbhc.readers.spec.markup import parse_markup, to_markup

__all__ = ["markup_after", "plain_text_of", "text_document", "text_lines"]

_SPACE = re.compile(r"[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]")


def _chars(paragraph: ResolvedParagraph, span: tuple[int, int] | None = None,
           tabs: bool = False) -> list[tuple[str, bool, bool]]:
    """The printed characters with their bold and italic, every run of spaces (a line break too) as one
    space, trimmed; only those in ``span`` (offsets in ``paragraph.text``) where given; ``tabs``: a tab
    and a line break are kept, the spaces around them dropped (a table cell's columns and lines, as
    typed: a cell's text takes a line break as another line)."""
    out: list[tuple[str, bool, bool]] = []
    at = 0
    for run in paragraph.runs:
        start, at = at, at + len(run.text)
        if run.vanish:
            continue
        typed = run.text if span is None else run.text[max(span[0] - start, 0):max(span[1] - start, 0)]
        text = unicodedata.normalize("NFC", typed.upper() if run.caps else typed)
        refused = forbidden_character(text) is not None  # checked a character at a time only if so
        for ch in text:
            if refused and ch != "\n" and forbidden_character(ch) is not None:
                continue  # an invisible control (bidi mark, soft hyphen's kin) the model refuses
            if tabs and ch in "\t\n":
                if out and out[-1][0] == " ":
                    out.pop()
                out.append((ch, run.bold, run.italic))
            elif _SPACE.match(ch):
                if out and out[-1][0] not in (" ", "\t", "\n"):
                    out.append((" ", run.bold, run.italic))
            else:
                out.append((ch, run.bold, run.italic))
    while out and out[-1][0] in (" ", "\t", "\n"):
        out.pop()
    while out and out[0][0] in "\t\n":
        out.pop(0)
    return out


def _drop_label(chars: list[tuple[str, bool, bool]], label: str) -> list[tuple[str, bool, bool]]:
    """``chars`` without the typed ``label`` at their start (spaces in it matched loosely)."""
    wanted = [c for c in label if not c.isspace()]
    at = 0
    for n, (ch, _, _) in enumerate(chars):
        if at == len(wanted):
            break
        if ch == " ":
            continue
        if ch != wanted[at]:
            return chars  # not typed here (Word's own numbering label)
        at += 1
        last = n
    else:
        if at < len(wanted):
            return chars
    rest = chars[last + 1:] if wanted else chars
    while rest and rest[0][0] == " ":
        rest = rest[1:]
    return rest


def markup_after(paragraph: ResolvedParagraph, role: Role, label: str = "",
                 span: tuple[int, int] | None = None) -> str:
    """The paragraph's text after ``label``, as spec markup, emphasis beyond its role's own marked;
    only its part in ``span`` (a recognised item's, where the paragraph holds several components)."""
    authored = role.record.size_only is not None  # a table cell: its look, tabs and lines are the author's
    chars = _chars(paragraph, span, tabs=authored)
    if label and not paragraph.numbering_label:
        chars = _drop_label(chars, label)
    base_bold, base_italic = role.typography.bold, role.typography.italic
    letters = [c for c in chars if c[0] not in (" ", "\t", "\n")]
    # a paragraph set wholly in one style the role does not print: the role's style it is (Word's habit
    # of bold headings); emphasis is marked only within a paragraph. A table cell's look is the author's
    # (a bold subtotal, an italic note: RoleRecord.size_only): kept as typed.
    if letters and all(c[1] for c in letters) and not authored:
        base_bold = True
    if letters and all(c[2] for c in letters) and role is not Role.PARAGRAPH and not authored:
        base_italic = True
    groups: list[tuple[list[str], bool, bool]] = []  # runs of one style, joined once
    for ch, bold, italic in chars:
        b, i = bold and not base_bold, italic and not base_italic
        if ch == " " and groups:  # a space takes its neighbour's style, so emphasis hugs the words
            b, i = groups[-1][1], groups[-1][2]
        if groups and (groups[-1][1], groups[-1][2]) == (b, i):
            groups[-1][0].append(ch)
        else:
            groups.append(([ch], b, i))
    spans = [Span("".join(text), b, i) for text, b, i in groups]
    return to_markup(_hug(spans))


def _hug(spans: list[Span]) -> Text:
    """Spans with the spaces at an emphasised span's edges moved outside it (``*a* b``, not ``*a *b``)."""
    out: list[Span] = []
    for s in spans:
        if (s.bold or s.italic) and s.text != s.text.strip():
            lead = s.text[:len(s.text) - len(s.text.lstrip())]
            trail = s.text[len(s.text.rstrip()):]
            if lead:
                out.append(Span(lead))
            if s.text.strip():
                out.append(Span(s.text.strip(), s.bold, s.italic))
            if trail:
                out.append(Span(trail))
        else:
            out.append(s)
    merged: list[Span] = []
    for s in out:
        if merged and (merged[-1].bold, merged[-1].italic) == (s.bold, s.italic):
            merged[-1] = Span(merged[-1].text + s.text, s.bold, s.italic)
        else:
            merged.append(s)
    return Text(tuple(merged)) if merged else Text(())


def plain_text_of(paragraph: ResolvedParagraph) -> str:
    """The paragraph's printed text (no Word numbering label), spaces collapsed."""
    return "".join(c for c, _, _ in _chars(paragraph))


# --------------------------------------------------------------------------------------------
# Pasted text

_MARKDOWN_LEAD = re.compile(r"^(?:#{1,6}\s+|>\s?)+")  # a Markdown heading's "#", a quoted e-mail's ">"
_ENDS = (".", ";", ":", "!", "?", "…", "./.")


def text_lines(text: str) -> list[str]:
    """The paragraphs of pasted text: one a line, blank lines dropped, a Markdown heading's "#" and a
    quoted e-mail's ">" left out, and a line that starts in lower case after one without final
    punctuation joined to it (a sentence a PDF's page or column broke)."""
    out: list[str] = []
    for raw in unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = " ".join(_MARKDOWN_LEAD.sub("", raw.strip()).split())
        if not line:
            continue
        if out and (line[0].islower() or line[0] == "(") and not out[-1].endswith(_ENDS):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def _run(span: Span) -> ResolvedRun:
    fonts: dict[str, str | None] = dict.fromkeys(("ascii", "hAnsi", "eastAsia", "cs"))
    return ResolvedRun(text=span.text, fonts=fonts, size_pt=14.0, size_cs_pt=14.0, bold=span.bold,
                       bold_cs=span.bold, italic=span.italic, italic_cs=span.italic, caps=False,
                       small_caps=False, strike=False, double_strike=False, underline=None, color=None,
                       highlight=None, vert_align=None, lang={}, vanish=False, style_id=None, hint=None,
                       complex_script=False)


def _paragraph(index: int, line: str) -> ResolvedParagraph:
    runs = tuple(_run(s) for s in parse_markup(line).spans)
    return ResolvedParagraph(
        text="".join(r.text for r in runs), style_id=None, style_name=None, alignment="left",
        indent_left_cm=0.0, indent_right_cm=0.0, first_line_cm=0.0, space_before_pt=0.0, space_after_pt=0.0,
        line_spacing=1.0, line_spacing_rule="auto", keep_next=False, keep_lines=False,
        page_break_before=False, widow_control=True, contextual_spacing=False, outline_level=None,
        borders={}, numbering_label=None, num_id=None, numbering_level=None, runs=runs, location="body",
        index=index, table=None, section_index=0, has_page_field=False, fields=())


def text_document(lines: list[str]) -> ResolvedDocument:
    """Lines of pasted text (markup read: ``*italic*``) as a document of plain paragraphs."""
    return ResolvedDocument(paragraphs=tuple(_paragraph(i, line) for i, line in enumerate(lines)),
                            sections=(), headers={}, footers={}, tables=(), package=None,  # type: ignore[arg-type]
                            styles=None, even_and_odd_headers=False)  # type: ignore[arg-type]
