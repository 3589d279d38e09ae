"""The Jinja tags of a form, paragraph by paragraph: where each is, and what is wrong with it.

A problem is reported as one line naming the form, the part (for a header or footer), the paragraph's
number (¶, counted in the part in document order, table cells and text boxes included) and its text,
the tag, and what is wrong: ``giay.docx: ¶7 "Ông (bà): {{ ho_tn }}": {{ ho_tn }}: 'ho_tn' is
undefined``. Checked here, before Jinja sees the form: every tag opens and closes in one paragraph,
block tags are balanced (``{% for %}`` … ``{% endfor %}``), and docxtpl's rich-text tags (``{{r``,
``{{p``), which need Python objects, are not used. No Jinja here: plain text and regular expressions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from attrs import frozen
from lxml import etree

from vbhc.errors import VbhcError
from vbhc.ooxml.xml import w

TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_OPENER = re.compile(r"\{[{%#]")
_CLOSER = {"{{": "}}", "{%": "%}", "{#": "#}"}
_KEYWORD = re.compile(r"^\{%[-+]?\s*(?:(?:p|tr|tc|r)\s+)?(\w+)")
_BLOCKS = frozenset({"for", "if", "with", "filter", "macro", "call", "raw", "block", "autoescape", "trans"})
_RICH = re.compile(r"^\{\{(?:p|r|tr|tc)\s")
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})
_MARKUP = re.compile(r"<[^<>]*>")
SHOWN_CHARS = 60  # of a paragraph's text in a message


class FormError(VbhcError):
    """A form that cannot be filled: unsafe, or a tag that is wrong. The message is one line per problem."""


@frozen
class Paragraph:
    """A paragraph of a form part: its number in the part (from 1) and its text as Word shows it."""

    part: str
    number: int
    text: str
    whole: str = ""  # with the text of the paragraphs it holds (a text box), as docxtpl joins it

    def where(self) -> str:
        shown = self.text if len(self.text) <= SHOWN_CHARS else self.text[:SHOWN_CHARS - 1] + "…"
        part = "" if self.part == "word/document.xml" else f"{self.part} "
        return f'{part}¶{self.number} "{shown.strip()}"'


def paragraphs(part: str, root: etree._Element) -> list[Paragraph]:
    """Every paragraph of ``root`` in document order with the text of its own ``w:t`` runs (not those of
    a paragraph in a text box it holds, which is a paragraph of its own)."""
    P = w("p")

    def own(p: etree._Element) -> str:
        return "".join(t.text or "" for t in p.iter(w("t")) if next(t.iterancestors(P)) is p)

    return [Paragraph(part, n, own(p), "".join(t.text or "" for t in p.iter(w("t"))))
            for n, p in enumerate(root.iter(P), 1)]


def _same(text: str) -> str:
    """Text as docxtpl leaves it inside a tag (straight quotes), spaces collapsed: to match with."""
    return " ".join(text.translate(_QUOTES).split())


def problem(form: str, where: Paragraph | None, tag: str | None, message: str) -> FormError:
    parts = [form] + ([where.where()] if where is not None else []) + ([tag] if tag else [])
    return FormError(": ".join([*parts, message]))


def tag_problems(form: str, found: Iterable[Paragraph]) -> Iterator[FormError]:
    """Tags left open at the end of their paragraph, docxtpl's rich-text tags, and block tags that are
    not balanced (an ``end`` without its opening tag, an opening tag never closed)."""
    stack: list[tuple[str, str, Paragraph]] = []
    for para in found:
        text = para.text
        at = 0
        while (match := _OPENER.search(text, at)) is not None:
            end = text.find(_CLOSER[match[0]], match.end())
            if end < 0:
                tag = text[match.start():match.start() + 30]
                yield problem(form, para, tag, f"the tag is not closed in its paragraph's text (a tag opens "
                                               f"and closes in the text of one paragraph, not in a field or "
                                               f"text box: {match[0]} … {_CLOSER[match[0]]})")
                break
            tag = text[match.start():end + 2]
            at = end + 2
            if tag not in para.whole:
                yield problem(form, para, tag, "the tag is split by a text box, which docxtpl cannot join: "
                                               "retype it in one run of text")
            if _RICH.match(tag):
                yield problem(form, para, tag, "docxtpl's rich-text and sub-document tags ({{r …}}, {{p …}}) "
                                               "are not available in forms; use {{ … }}")
            keyword = _KEYWORD.match(tag)
            if keyword is None:
                continue
            word = keyword[1]
            if stack and stack[-1][0] == "raw" and word != "endraw":
                continue
            if word in _BLOCKS or (word == "set" and "=" not in tag):
                stack.append((word, tag, para))
            elif word.startswith("end") and (word[3:] in _BLOCKS or word == "endset"):
                if not stack:
                    yield problem(form, para, tag, "closes a block that was never opened")
                elif stack[-1][0] != word[3:]:
                    opened, opening, where = stack[-1]
                    yield problem(form, para, tag, f"expected {{% end{opened} %}} for {opening} in "
                                                   f"¶{where.number} first")
                    return
                else:
                    stack.pop()
    for opened, opening, where in stack:
        yield problem(form, where, opening, f"is never closed (add {{% end{opened} %}})")


def unjoined(source: str) -> str | None:
    """The first tag of ``source`` (a part's XML after docxtpl joined its tags' runs) that still holds
    markup: a tag split where docxtpl cannot join it (across a field, a tracked change or a text box)."""
    for match in TAG.finditer(source):
        if "<w:" in match[0] or "</w:" in match[0]:
            return match[0]
    return None


def tag_text(tag: str) -> str:
    """A tag as a message shows it: markup removed, spaces collapsed."""
    return _same(_MARKUP.sub("", tag))


def locate(found: list[Paragraph], source: str, line: int | None, name: str | None = None
           ) -> tuple[Paragraph | None, str | None]:
    """The paragraph and tag at ``line`` of ``source`` (the XML Jinja read, one paragraph a line), the
    tag that mentions ``name`` where there is one: matched by its text with the form's paragraphs."""
    lines = source.split("\n")
    if line is None or not 1 <= line <= len(lines):
        return None, None
    tags = [tag_text(m[0]) for m in TAG.finditer(lines[line - 1])]
    if name is not None:
        tags = [t for t in tags if re.search(rf"\b{re.escape(name)}\b", t)] or tags
    for tag in tags:
        for para in found:
            if tag in _same(para.text):
                return para, tag
    text = _same(_MARKUP.sub("", lines[line - 1]))
    for para in found:
        if text and text in _same(para.text):
            return para, tags[0] if tags else None
    return None, tags[0] if tags else None
