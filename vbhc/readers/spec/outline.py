"""Outline text: a body typed the way officers type it in Word, parsed into model blocks.

Pure text in, :mod:`vbhc.model` blocks out, with a warning or an error for each line that needs one.
One line is one block; the marker at its start says which::

    Phần I / Chương I / Mục 1   division / chapter / section; the title is on the next line (or after
                            ". " on this one)
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

import functools
import re
from collections.abc import Callable
from typing import Any, get_args

import attrs
from attrs import define, field, frozen

from vbhc.diagnostics import Path, split_path
from vbhc.errors import FieldError
from vbhc.model import (
    BLOCK_TYPES,
    Article,
    Chapter,
    Dash,
    Division,
    Item,
    Paragraph,
    Part,
    Plus,
    Point,
    Section,
)
from vbhc.model.text import Text, nfc
from vbhc.nd30 import Level, numbering
from vbhc.nd30.numbering import Numeral
from vbhc.readers.spec.markup import parse_markup

__all__ = ["Note", "Outline", "allowed_children", "ends_with_punctuation", "paragraph_line",
           "parse_outline"]


# The block each label makes (vbhc.nd30.numbering reads the labels); "1.1." makes no block: it is a
# plain line, with a warning.
_BLOCK_OF: dict[Level, type] = {cls.level: cls for cls in BLOCK_TYPES if cls.level is not None}
# The blocks whose title may stand on the line after their label ("Phần I", "Chương I", "Mục 1").
_TITLE_BELOW: tuple[type, ...] = (Division, Chapter, Section)
# The blocks a plain paragraph line belongs to; the bullets above a paragraph are closed by it.
PARAGRAPH_HOSTS: tuple[type, ...] = (Division, Chapter, Section, Part, Article, Item)
FINAL_PUNCTUATION = ".;:!?…,"
_CLOSERS = ")]\"'”’»*"
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


@functools.cache
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


def paragraph_line(text: str) -> str:
    """A plain paragraph's outline line: ``\\`` before the marker it starts with, if any, so that it
    stays a paragraph (the inverse of the escape :func:`parse_outline` reads)."""
    return f"\\{text}" if _Reader.classify(text)[0] is not Paragraph else text


# The levels whose label holds no word ("I.", "1.", "a)"), as a warning names them (PL I, II.6.đ).
_LEVEL_NAMES = {Level.PART: "a part", Level.ITEM: "a khoản", Level.SUBITEM: "a sub-item",
                Level.POINT: "a điểm"}


def _shown(kind: type) -> str:
    """``item "1."``, ``paragraph (a plain line)``: a kind as messages name it."""
    if kind is Paragraph:
        return "paragraph (a plain line)"
    return f'{kind.kind} "{kind.level.marker}"'  # type: ignore[attr-defined]


# --------------------------------------------------------------------------------------------
# The tree of open blocks while reading


@define(eq=False)
class _Node:
    kind: type
    line: int
    lines: list[str] = field(factory=list)  # its text: the first line, then its continuation lines
    typed: str | None = None  # the number or letter as typed
    label: str = ""  # the marker as typed, for messages: "Chương I", "1."
    needs_title: bool = False  # a chapter or section whose title is on the next line
    children: list[_Node] = field(factory=list)
    parent: _Node | None = None
    index: int = 0  # its place among its parent's children
    counts: dict[type, int] = field(factory=dict)  # how many children of each kind it holds
    failed: bool = False  # an error was reported on its line: it is left out of the result

    @property
    def text(self) -> str:
        return " ".join(self.lines)

    @property
    def rank(self) -> int:
        level = getattr(self.kind, "level", None)
        return level.rank if level is not None else 99

    def adopt(self, child: _Node) -> int:
        """Append ``child``; return how many children of its kind this node now holds."""
        child.index = len(self.children)
        self.children.append(child)
        n = self.counts[child.kind] = self.counts.get(child.kind, 0) + 1
        return n


class _Reader:
    def __init__(self, allowed: tuple[type, ...], count_articles: bool) -> None:
        self.root = _Node(kind=type(None), line=0)
        self.allowed = allowed
        self.count_articles = count_articles
        self.stack: list[_Node] = [self.root]
        self.last: _Node | None = None  # the block the last text line went into
        self.warnings: list[Note] = []
        self.errors: list[Note] = []
        self.continuous: dict[Level, int] = {}  # counts of the levels numbered through the document

    # ---- messages ------------------------------------------------------------------------

    def path(self, node: _Node) -> Path:
        steps: list[int | str] = []
        while node.parent is not None:
            steps += [node.index] if node.parent is self.root else [node.index, "children"]
            node = node.parent
        return tuple(reversed(steps))

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
                self.continue_last(line.strip())
                continue
            self.line(number, line.strip())
        pending = next((n for n in self.stack if n.needs_title), None)
        if pending is not None:
            self.missing_title(pending)

    def continue_last(self, line: str) -> None:
        assert self.last is not None
        self.last.lines.append(line)
        self.last.needs_title = False

    def missing_title(self, node: _Node) -> None:
        self.error(node.line, (*self.path(node), "title"),
                   f'expected the title of "{node.label}" on the next line; found nothing')
        node.needs_title = False
        node.lines = ["?"]

    def line(self, number: int, line: str) -> None:
        waiting = self.stack[-1] if self.stack[-1].needs_title else None
        escaped = bool(_ESCAPABLE.match(line)) and self.classify(line[1:])[0] is not Paragraph
        if escaped:  # "\\I. text": the author keeps the line a paragraph, its marker as typed
            line, kind, label = line[1:], Paragraph, None
        else:
            kind, label = self.classify(line)
        if waiting is not None:
            if kind is Paragraph:
                waiting.lines, waiting.needs_title = [line], False
                self.last = waiting
                return
            self.missing_title(waiting)
        if kind is Paragraph:
            self.paragraph(number, line, label, escaped)
            return
        assert label is not None
        self.block(number, kind, label)

    @staticmethod
    def classify(line: str) -> tuple[type, numbering.Label | None]:
        """The block a line starts (Paragraph for a plain line) and the label it was read from."""
        label = numbering.parse(line)
        return (_BLOCK_OF.get(label.level, Paragraph) if label else Paragraph), label

    def paragraph(self, number: int, line: str, label: numbering.Label | None, escaped: bool = False) -> None:
        """A plain paragraph; a warning where it starts with a number the decree writes otherwise (unless
        ``escaped``: the author asked for the marker as typed), or in lower case."""
        while self.stack[-1] is not self.root and self.stack[-1].kind not in PARAGRAPH_HOSTS:
            self.stack.pop()
        host = self.stack[-1]
        if not self.accepts(host, Paragraph, number):
            return
        node = _Node(Paragraph, number, [line], parent=host)
        host.adopt(node)
        self.last = node
        if label is not None and label.level is Level.SUBITEM:
            self.warn(number, self.path(node), 'numbers like "1.1." are not part of Decree 30 '
                      'numbering; the line is printed as typed (use "a)" or "-" for a sub-level)')
        elif not escaped and (typed := numbering.read_label(line)) is not None and \
                typed.level.numeral is not Numeral.MARK:
            decree = numbering.label(typed.level, typed.value) if isinstance(typed.value, int) else (
                f"{typed.value}{typed.level.suffix}")
            as_typed = typed.label.strip()
            if as_typed == decree:  # "1.Mục đích": the decree's label, with no space after it
                message = (f'"{as_typed}" is not read as a number: the decree\'s label is followed by a '
                           f'space ("{decree} …"); the line is printed as typed')
            else:
                name = typed.level.word or _LEVEL_NAMES.get(typed.level, typed.level.value)
                message = (f'"{as_typed}" is numbered as offices type it; the decree writes "{decree}" '
                           f'({name}): the line is printed as typed')
            self.warn(number, self.path(node), message)
        elif line[0].islower():
            self.warn(number, self.path(node), "this paragraph starts in lower case; if it continues "
                      "the line above, indent it by a space")

    def accepts(self, host: _Node, kind: type, number: int) -> bool:
        allowed = self.allowed if host is self.root else allowed_children(host.kind)
        if kind in allowed:
            return True
        where = "here" if host is self.root else f"under the {host.kind.kind} on line {host.line}"  # type: ignore[attr-defined]
        takes = ", ".join(_shown(k) for k in allowed if k.level is not None or k is Paragraph)  # no tables
        path = self.path(host) + (("children",) if host is not self.root else ()) + (len(host.children),)
        self.error(number, path, f"expected one of {takes} {where}; found a {_shown(kind)}")
        return False

    def block(self, number: int, kind: type, label: numbering.Label) -> None:
        rank = kind.level.rank  # type: ignore[attr-defined]
        while self.stack[-1] is not self.root and self.stack[-1].rank >= rank:
            self.stack.pop()
        host = self.stack[-1]
        if not self.accepts(host, kind, number):
            self.last = None
            return
        node = _Node(kind, number, [label.rest] if label.rest else [], typed=label.typed or None,
                     label=label.label, parent=host)
        n = host.adopt(node)
        self.stack.append(node)
        self.last = node
        if kind in _TITLE_BELOW and not label.rest:
            node.needs_title = True
        self.check_number(node, n, label)

    def check_number(self, node: _Node, n: int, label: numbering.Label) -> None:
        """Compare a typed number with the one the block's place gives it (``n`` among its siblings)."""
        level: Level = node.kind.level  # type: ignore[attr-defined]
        if level.continuous:
            n = self.continuous[level] = self.continuous.get(level, 0) + 1
            if not self.count_articles:
                return
        if node.typed is None:
            return
        limit = level.limit
        if limit is not None and n > limit:
            first, last = numbering.numeral(level, 1), numbering.numeral(level, limit)
            self.error(node.line, self.path(node),
                       f"at most {limit:,} {node.kind.kind}s ({first} to {last}) in one place; "  # type: ignore[attr-defined]
                       f"found {n:,}")
            node.failed = True
            return
        expected = numbering.numeral(level, n)
        # Roman levels may be typed in Roman or Arabic numbers, so their value counts; others as printed.
        right = label.value == n if level.numeral is numbering.Numeral.ROMAN else node.typed == expected
        if not right:
            shown, printed = numbering.labelled(level, node.typed), numbering.labelled(level, expected)
            self.warn(node.line, self.path(node),
                      f'typed "{shown}" but this is {node.kind.kind} {n} here; '  # type: ignore[attr-defined]
                      f'vbhc numbers it "{printed}"')

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
            return None if failed or node.failed else block
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
    Division: _titled(Division), Chapter: _titled(Chapter), Section: _titled(Section), Article: _article,
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
