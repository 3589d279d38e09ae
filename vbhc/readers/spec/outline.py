"""Outline text: a body typed the way officers type it in Word, parsed into model blocks.

Pure text in, :mod:`vbhc.model` blocks out, with a warning or an error for each line that needs one.
One line is one block; the marker at its start says which::

    Chương I / Mục 1       chapter / section; the title is on the next line (or after ". " on this one)
    Điều 1. Title           article; a line that ends with ".", ";" or ":" is its text, not a title
    I. TITLE                part
    1. Title or text        item (khoản): a title if it has no final punctuation and content follows
    a) text                 point (điểm)
    - text   (or – text)    dash
    + text                  plus
    anything else           a paragraph of the innermost part, chapter, section, article or item

A line that starts with a space or a tab continues the line above. Blank lines only separate.
``\\`` before a marker keeps the marker as text (``\\1. is not an item``). Numbers and letters typed
after the markers are checked against the position and recomputed; a mismatch is a warning.
``*italic*`` and ``**bold**`` work inside any line (:mod:`vbhc.readers.spec.markup`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, get_args

import attrs
from attrs import define, field, frozen

from vbhc import nd30
from vbhc.diagnostics import Path, split_path
from vbhc.errors import FieldError
from vbhc.layout import label_of, numeral
from vbhc.model import (
    BLOCK_TYPES,
    Article,
    Chapter,
    Dash,
    Item,
    Paragraph,
    Part,
    Plus,
    Point,
    Section,
)
from vbhc.model.text import Text, nfc
from vbhc.readers.spec.markup import parse_markup

__all__ = ["Note", "Outline", "allowed_children", "ends_with_punctuation", "parse_outline"]


# Depth of each marked kind: a new block closes every open block of the same or a deeper rank.
RANK: dict[type, int] = {Chapter: 0, Section: 1, Part: 2, Article: 2, Item: 3, Point: 4, Dash: 5, Plus: 6}
# The blocks a plain paragraph line belongs to; the bullets above a paragraph are closed by it.
PARAGRAPH_HOSTS: tuple[type, ...] = (Chapter, Section, Part, Article, Item)
# How each kind is shown in messages: the marker an officer types.
MARKER: dict[type, str] = {Chapter: nd30.CHAPTER_WORD, Section: nd30.SECTION_WORD,
                           Article: nd30.ARTICLE_WORD, Part: label_of(Part, "I"), Item: label_of(Item, "1"),
                           Point: label_of(Point, "a"), Dash: nd30.DASH_MARKER, Plus: nd30.PLUS_MARKER,
                           Paragraph: "a plain line"}
FINAL_PUNCTUATION = ".;:!?…,"
_CLOSERS = ")]\"'”’»*"

_ROMAN = r"[IVX]+"  # up to XXXIX: "C." or "M." at the start of a line is a name, not a part
_SEP = r"\s*(?:[.:\-–]\s*(?P<title>.*))?"
_PATTERNS: tuple[tuple[type, re.Pattern[str]], ...] = (
    (Chapter, re.compile(rf"^{nd30.CHAPTER_WORD}\s+(?P<n>{_ROMAN}|\d+){_SEP}$")),
    (Section, re.compile(rf"^{nd30.SECTION_WORD}\s+(?P<n>\d+){_SEP}$")),
    (Article, re.compile(rf"^{nd30.ARTICLE_WORD}\s+(?P<n>\d+)\s*[.:]?\s*(?P<title>.*)$")),
    (Part, re.compile(rf"^(?P<n>{_ROMAN})\.(?:\s+(?P<title>.*))?$")),
    (Item, re.compile(r"^(?P<n>\d+)\.(?:\s+(?P<title>.*))?$")),
    (Point, re.compile(r"^(?P<n>[a-zđ])\)(?:\s+(?P<title>.*))?$")),
    (Dash, re.compile(r"^[-–—](?:\s+|(?=[^\W\d_]))(?P<title>.*)$")),
    (Plus, re.compile(r"^\+(?:\s+|(?=[^\W\d_]))(?P<title>.*)$")),
)
_DIVISION_WORD = re.compile(rf"^{nd30.PART_WORD}\s+(?P<n>{_ROMAN}|\d+){_SEP}$")  # "Phần I"
_MULTILEVEL = re.compile(r"^\d+\.\d+\.?\s")  # "1.1. ..." has no place in Decree 30 numbering
_ESCAPABLE = re.compile(r"^\\(?=\S)")


@frozen
class Note:
    """A warning or an error about one line of the text.

    ``line`` is 1-based within the text; ``path`` locates the block in the parsed result, e.g.
    ``(3, "children", 4, "title")``.
    """

    line: int
    path: Path
    message: str
    error: bool = False


@frozen
class Outline:
    """The parsed blocks (empty when there are errors), the warnings and the errors."""

    blocks: tuple[Any, ...]
    warnings: tuple[Note, ...] = ()
    errors: tuple[Note, ...] = ()


def allowed_children(cls: type) -> tuple[type, ...]:
    """The block classes ``cls.children`` takes, read from the model's type hints."""
    return _block_args(attrs.fields_dict(cls)["children"].type)


def _block_args(tuple_type: Any) -> tuple[type, ...]:
    (element, _) = get_args(tuple_type)
    members = get_args(element) or (element,)
    return tuple(m for m in members if m in BLOCK_TYPES)


def ends_with_punctuation(text: str) -> bool:
    """True when ``text`` ends a sentence or a clause: ``.``, ``;``, ``:`` ... (closing quotes aside)."""
    stripped = text.rstrip().rstrip(_CLOSERS).rstrip()
    return bool(stripped) and stripped[-1] in FINAL_PUNCTUATION


def roman_value(numeral: str) -> int | None:
    """The value of a well-formed Roman numeral, or None: "IV" → 4, "IIII" → None."""
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    if not numeral or any(ch not in values for ch in numeral):
        return None
    total = 0
    for i, ch in enumerate(numeral):
        v = values[ch]
        total += -v if i + 1 < len(numeral) and values[numeral[i + 1]] > v else v
    return total if total > 0 and nd30.roman(total) == numeral else None


def _shown(kind: type) -> str:
    """``item "1."``, ``paragraph (a plain line)``: a kind as messages name it."""
    if kind is Paragraph:
        return "paragraph (a plain line)"
    return f'{kind.kind} "{MARKER[kind]}"'  # type: ignore[attr-defined]


def _typed_label(kind: type, n: int) -> str:
    """The number a block gets at position ``n`` ("?" past the last point letter)."""
    if kind is Point and n > len(nd30.POINT_LETTERS):
        return "?"
    return numeral(kind, n)


# --------------------------------------------------------------------------------------------
# The tree of open blocks while reading


@define(eq=False)
class _Node:
    kind: type
    line: int
    text: str = ""
    typed: str | None = None  # the number or letter as typed
    label: str = ""  # the marker as typed, for messages: "Chương I", "1."
    needs_title: bool = False  # a chapter or section whose title is on the next line
    children: list[_Node] = field(factory=list)
    parent: _Node | None = None

    @property
    def rank(self) -> int:
        return RANK.get(self.kind, 99)


class _Reader:
    def __init__(self, allowed: tuple[type, ...], count_articles: bool) -> None:
        self.root = _Node(kind=type(None), line=0)
        self.allowed = allowed
        self.count_articles = count_articles
        self.stack: list[_Node] = [self.root]
        self.last: _Node | None = None  # the block the last text line went into
        self.warnings: list[Note] = []
        self.errors: list[Note] = []
        self.articles = 0

    # ---- messages ------------------------------------------------------------------------

    def path(self, node: _Node) -> Path:
        steps: list[int | str] = []
        while node.parent is not None:
            steps[:0] = [node.parent.children.index(node)] if node.parent is self.root else [
                "children", node.parent.children.index(node)]
            node = node.parent
        return tuple(steps)

    def warn(self, line: int, path: Path, message: str) -> None:
        self.warnings.append(Note(line, path, message))

    def error(self, line: int, path: Path, message: str) -> None:
        self.errors.append(Note(line, path, message, error=True))

    # ---- reading -------------------------------------------------------------------------

    def read(self, text: str) -> None:
        for number, raw in enumerate(text.replace("\r\n", "\n").split("\n"), 1):
            line = raw.rstrip(" \t")
            if not line.strip():
                continue
            if line[0] in " \t" and self.last is not None:
                self.continue_last(number, line.strip())
                continue
            self.line(number, line.strip())
        pending = next((n for n in self.stack if n.needs_title), None)
        if pending is not None:
            self.missing_title(pending)

    def continue_last(self, number: int, line: str) -> None:
        assert self.last is not None
        self.last.text = f"{self.last.text} {line}" if self.last.text else line
        self.last.needs_title = False

    def missing_title(self, node: _Node) -> None:
        self.error(node.line, (*self.path(node), "title"),
                   f'expected the title of "{node.label}" on the next line; found nothing')
        node.needs_title = False
        node.text = "?"

    def line(self, number: int, line: str) -> None:
        waiting = self.stack[-1] if self.stack[-1].needs_title else None
        if _ESCAPABLE.match(line) and self.classify(line[1:])[0] is not Paragraph:
            line, kind, match = line[1:], Paragraph, None
        else:
            kind, match = self.classify(line)
        if waiting is not None:
            if kind is Paragraph:
                waiting.text, waiting.needs_title = line, False
                self.last = waiting
                return
            self.missing_title(waiting)
        if kind is Paragraph:
            self.paragraph(number, line)
            return
        assert match is not None
        self.block(number, line, kind, match)

    @staticmethod
    def classify(line: str) -> tuple[type, re.Match[str] | None]:
        for kind, pattern in _PATTERNS:
            match = pattern.match(line)
            if match is None:
                continue
            if kind in (Part, Chapter) and match["n"].isalpha() and roman_value(match["n"]) is None:
                continue  # "DC. ..." or "CM." is text, not a Roman numeral
            return kind, match
        match = _DIVISION_WORD.match(line)
        if match and (match["n"].isdigit() or roman_value(match["n"])):
            return Part, match
        return Paragraph, None

    def paragraph(self, number: int, line: str) -> None:
        while self.stack[-1] is not self.root and self.stack[-1].kind not in PARAGRAPH_HOSTS:
            self.stack.pop()
        host = self.stack[-1]
        node = _Node(Paragraph, number, line, parent=host)
        if not self.accepts(host, Paragraph, node, number):
            return
        host.children.append(node)
        self.last = node
        if _MULTILEVEL.match(line):
            self.warn(number, self.path(node), 'numbers like "1.1." are not part of Decree 30 '
                      'numbering; the line is printed as typed (use "a)" or "-" for a sub-level)')
        elif line[0].islower():
            self.warn(number, self.path(node), "this paragraph starts in lower case; if it continues "
                      "the line above, indent it by a space")

    def accepts(self, host: _Node, kind: type, node: _Node, number: int) -> bool:
        allowed = self.allowed if host is self.root else allowed_children(host.kind)
        if kind in allowed:
            return True
        where = "here" if host is self.root else f"under the {host.kind.kind} on line {host.line}"  # type: ignore[attr-defined]
        takes = ", ".join(_shown(k) for k in allowed)
        path = self.path(host) + (("children",) if host is not self.root else ()) + (len(host.children),)
        self.error(number, path, f"expected one of {takes} {where}; found a {_shown(kind)}")
        return False

    def block(self, number: int, line: str, kind: type, match: re.Match[str]) -> None:
        rank = RANK[kind]
        while self.stack[-1] is not self.root and self.stack[-1].rank >= rank:
            self.stack.pop()
        host = self.stack[-1]
        typed = match.groupdict().get("n")
        title = (match["title"] or "").strip()
        label = line[:match.start("title")].strip() if match["title"] is not None else line
        node = _Node(kind, number, title, typed=typed, label=label, parent=host)
        if not self.accepts(host, kind, node, number):
            self.last = None
            return
        host.children.append(node)
        self.stack.append(node)
        self.last = node
        division_word = kind is Part and line.startswith(nd30.PART_WORD)
        if division_word:
            self.warn(number, self.path(node), f'"{label}" is printed as a part: '
                      f'"{_typed_label(Part, self.count(host, Part))}. TITLE"')
        if (kind in (Chapter, Section) or division_word) and not title:
            node.needs_title = True
        self.check_number(node, host)

    def count(self, host: _Node, kind: type) -> int:
        return sum(1 for c in host.children if c.kind is kind)

    def check_number(self, node: _Node, host: _Node) -> None:
        if node.kind is Article:
            self.articles += 1
            n = self.articles
            if not self.count_articles:
                return
        else:
            n = self.count(host, node.kind)
        if node.typed is None:
            return
        if node.kind is Point and n > len(nd30.POINT_LETTERS):
            self.error(node.line, self.path(node),
                       f"at most {len(nd30.POINT_LETTERS)} points (a to y) in one place; found {n}")
            return
        expected = _typed_label(node.kind, n)
        typed = node.typed
        if node.kind in (Part, Chapter) and typed.isdigit():
            typed_value: object = int(typed)
            expected_value: object = n
        elif node.kind in (Part, Chapter):
            typed_value, expected_value = roman_value(typed), n
        else:
            typed_value, expected_value = typed, expected
        if typed_value != expected_value:
            shown, right = label_of(node.kind, typed), label_of(node.kind, expected)
            self.warn(node.line, self.path(node),
                      f'typed "{shown}" but this is {node.kind.kind} {n} here; '  # type: ignore[attr-defined]
                      f'vbhc numbers it "{right}"')

    # ---- building the model --------------------------------------------------------------

    def build(self) -> tuple[Any, ...]:
        return tuple(b for b in (self.make(c) for c in self.root.children) if b is not None)

    def make(self, node: _Node) -> Any:
        children = [self.make(c) for c in node.children]
        failed = any(c is None for c in children)
        path = self.path(node)
        try:
            # with a failed child, still check this block's own text (then give up on it)
            block = _CONSTRUCT[node.kind](node, () if failed else tuple(children))
            return None if failed else block
        except FieldError as exc:
            self.error(node.line, (*path, *split_path(exc.path)), f"expected {exc.expected}"
                       + (f"; found {exc.found}" if exc.found is not None else ""))
            return None


def _markup(name: str, text: str) -> Text:
    """The text of a line (its markup read), with an error naming the field ``name``."""
    try:
        return parse_markup(text)
    except FieldError as exc:
        raise exc.at(name) from None


def _item(node: _Node, children: tuple[Any, ...]) -> Item:
    """An item is titled when its line has no final punctuation and content follows it."""
    text = _markup("text", node.text)
    if children and not ends_with_punctuation(text.plain):
        return Item(title=text, children=children)
    return Item(text=text or None, children=children)


def _article(node: _Node, children: tuple[Any, ...]) -> Article:
    """An article's line is its title, unless it ends with final punctuation: then it is the article's
    text, after a bold "Điều N." (PL III, Mẫu 1.3: "Điều 1. Ban hành kèm theo Quyết định này ...")."""
    if node.text and ends_with_punctuation(_markup("text", node.text).plain):
        return Article(text=_markup("text", node.text), children=children)
    return Article(title=_markup("title", node.text), children=children)


def _titled(cls: type) -> Callable[[_Node, tuple[Any, ...]], Any]:
    return lambda node, children: cls(title=_markup("title", node.text), children=children)


def _texted(cls: type) -> Callable[[_Node, tuple[Any, ...]], Any]:
    return lambda node, children: cls(text=_markup("text", node.text), children=children)


_CONSTRUCT: dict[type, Callable[[_Node, tuple[Any, ...]], Any]] = {
    Chapter: _titled(Chapter), Section: _titled(Section), Article: _article,
    Part: _titled(Part), Item: _item, Point: _texted(Point), Dash: _texted(Dash), Plus: _texted(Plus),
    Paragraph: lambda node, _: Paragraph(_markup("text", node.text)),
}


def parse_outline(text: str, allowed: tuple[type, ...] = BLOCK_TYPES, *,
                  count_articles: bool = True) -> Outline:
    """Parse outline ``text`` into blocks of the ``allowed`` kinds (at its top level).

    ``count_articles``: check typed article numbers (articles are numbered through the whole
    document, so only a text that holds the whole body can check them).
    """
    reader = _Reader(allowed, count_articles)
    reader.read(nfc(text))  # markers typed in NFD ("Điều" decomposed) are still markers
    blocks = reader.build()
    if reader.errors:
        blocks = ()
    by_line = lambda notes: tuple(sorted(notes, key=lambda n: n.line))  # noqa: E731
    return Outline(blocks, by_line(reader.warnings), by_line(reader.errors))
