"""The body: indents and spacing, the end mark, the numbering sequence, and the căn cứ."""

from __future__ import annotations

from vbhc import nd30
from vbhc.check.checks.core import Context, all_paragraphs, cm, ending, pt, size_of
from vbhc.check.rules import (
    INDENT_TOLERANCE_CM,
    LINE_SPACING_TOLERANCE,
    RULES,
    SPACING_TOLERANCE_PT,
    TNR_LINE_HEIGHT_EM,
)
from vbhc.nd30 import Level, numbering
from vbhc.nd30.numbering import Numeral
from vbhc.ooxml.resolve import ResolvedParagraph
from vbhc.recognise.components import Recognised


def _flow(ctx: Context) -> list[list[Recognised]]:
    """Runs of body paragraphs: the căn cứ and main body, the attached text's and each appendix's body."""
    main = [*ctx.rec.legal_bases, *ctx.rec.body]
    return [x for x in [main, *(a.body for a in ctx.rec.annexes())] if x]


def _line_spacing(p: ResolvedParagraph) -> tuple[float, str]:
    """(lines, description) of a paragraph's line spacing."""
    if p.line_spacing_rule == "auto":
        return p.line_spacing, f"{p.line_spacing:.2f} lines".replace(".00 ", " ")
    single = size_of(p) * TNR_LINE_HEIGHT_EM
    lines = p.line_spacing / single
    if p.line_spacing_rule == "atLeast":
        lines = max(lines, 1.0)
        return lines, f"at least {pt(p.line_spacing)} pt (≈ {lines:.2f} lines)"
    return lines, f"exactly {pt(p.line_spacing)} pt (≈ {lines:.2f} lines)"


def check_body(ctx: Context) -> None:
    runs = _flow(ctx)
    if not runs:
        for rule_id in ("body.first-line-indent", "body.spacing", "body.line-spacing", "body.end-mark"):
            ctx.skip(rule_id, "no body recognised")
        return
    choices = RULES["body.first-line-indent"].allowed
    spacing_min = RULES["body.spacing"].allowed
    line_range = RULES["body.line-spacing"].allowed
    paras = ctx.doc.paragraphs
    for items in runs:
        previous: Recognised | None = None
        for item in items:
            p = item.paragraph
            if item.role.record.body_paragraph:
                start = p.indent_left_cm + p.first_line_cm
                if not any(abs(start - c) <= INDENT_TOLERANCE_CM for c in choices):
                    ctx.add("body.first-line-indent", cm(start), [p])
                ctx.ok("body.first-line-indent")
                lines, described = _line_spacing(p)
                low, high = line_range.low - LINE_SPACING_TOLERANCE, line_range.high + LINE_SPACING_TOLERANCE
                if not low <= lines <= high:
                    ctx.add("body.line-spacing", described, [p])
                ctx.ok("body.line-spacing")
            if item.role.record.body_paragraph and previous is not None \
                    and previous.role.record.body_paragraph:
                between = paras[previous.paragraph.index + 1:p.index]
                if not between:  # an empty paragraph between them is space enough
                    a, b = previous.paragraph, p
                    after = 0.0 if a.contextual_spacing and a.style_id == b.style_id else a.space_after_pt
                    before = 0.0 if b.contextual_spacing and a.style_id == b.style_id else b.space_before_pt
                    gap = after + before
                    if gap < spacing_min - SPACING_TOLERANCE_PT:
                        ctx.add("body.spacing", f"{pt(gap)} pt", [p])
                    ctx.ok("body.spacing")
            previous = item
    for rule_id, reason in (("body.spacing", "no two body paragraphs follow each other"),
                            ("body.first-line-indent", "no body paragraph recognised"),
                            ("body.line-spacing", "no body paragraph recognised")):
        if rule_id not in ctx.ran:
            ctx.skip(rule_id, reason)
    body = ctx.rec.body
    if body:
        last = body[-1]
        mark = RULES["body.end-mark"].allowed
        text = last.text.rstrip()
        if not text.endswith(mark):
            ctx.add("body.end-mark", f'the body ends "…{text[-12:]}"', [last.paragraph])
        elif text[: -len(mark)].rstrip().endswith((";", ":", ",", ".")):
            ctx.add("body.end-mark", f'"…{text[-12:]}": the mark after other punctuation', [last.paragraph],
                    expected=f'"{mark}" in place of the sentence\'s final full stop')
        ctx.ok("body.end-mark")
    else:
        ctx.skip("body.end-mark", "no main body recognised")


class _Sequence:
    """The numbering state of one body: the last number of each level (vbhc.nd30.numbering)."""

    def __init__(self) -> None:
        self.count: dict[Level, int] = {}

    def expected(self, level: Level) -> tuple[int, str]:
        """The next number of ``level`` and its label ("?" past the last điểm letter)."""
        n = self.count.get(level, 0) + 1
        return n, numbering.label(level, n, past_end=numbering.NO_NUMBER)

    def counted(self, level: Level, n: int) -> None:
        """Record ``n`` as the last number of ``level``, starting again the levels it resets."""
        self.count[level] = n
        for reset in level.resets:
            self.count.pop(reset, None)


def _under(item: Recognised) -> str:
    """What an office's numbered label read at a level under its own stands for, said for the advice."""
    if item.level is Level.POINT:
        letters = ", ".join(numbering.label(Level.POINT, n) for n in (1, 2))
        return (f'A sub-level numbered "{item.label}" under a khoản: the decree letters its điểm '
                f"({letters}, ...).")
    return (f'A level numbered "{item.label}" under a điểm: the decree numbers none; practice marks it '
            f'"{Level.DASH.marker}" (and "{Level.PLUS.marker}" under that).')


def _numbers_beyond(ctx: Context) -> bool:
    """Report Word list numbers too large to label (nd30.MAX_NUMBER); whether there were any."""
    beyond = [p for p in all_paragraphs(ctx.doc) if p.numbering_beyond is not None]
    if beyond:
        first = beyond[0].numbering_beyond or 0
        shown_first = f"{first:,}" if abs(first) < 10**15 else f"beyond {10**15 - 1:,}"
        ctx.add("numbering.sequence", f"a Word list numbered {shown_first}", beyond,
                expected=f"numbers up to {nd30.MAX_NUMBER:,}, more than any document needs",
                note="Word's labels for these paragraphs are not computed or checked.")
    return bool(beyond)


def check_numbering(ctx: Context) -> None:
    # An attached form's labels are the ones its law prints ("(1)", "a."): only its sequence is checked.
    bodies = [(ctx.rec.body, False), *((a.body, False) for a in ctx.rec.annexes()),
              *((f.body, True) for f in ctx.rec.forms)]
    numbered = _numbers_beyond(ctx)
    for body, as_printed in bodies:
        seq = _Sequence()
        for item in body:
            level = item.level
            if level is None or item.value is None:
                continue
            numbered = True
            if level.numeral is Numeral.MARK:  # "1.1.1." or "a." under a điểm: a bullet's level
                if not as_printed:
                    ctx.add("numbering.sequence", f'"{item.label}"', [item.paragraph],
                            expected=f'"{level.marker}"', note=_under(item), merge=False)
                continue
            if level is Level.POINT:
                letter = str(item.value)
                lettered = letter in nd30.POINT_LETTERS
                expected_n, expected = seq.expected(level)
                counts = letter.rpartition(".")[2]  # "1)" or "1.2." read as a điểm counts by its number
                found_n = (nd30.POINT_LETTERS.index(letter) + 1 if lettered
                           else int(counts) if counts.isdigit() and len(counts) < 4 else None)
                if found_n != expected_n or (item.label.replace(" ", "") != expected and not as_printed):
                    note = ("" if lettered else _under(item) if letter[-1:].isdigit()
                            else f'"{letter}" is not in the Vietnamese alphabet')
                    ctx.add("numbering.sequence", f'"{item.label}"', [item.paragraph],
                            expected=f'"{expected}"', note=note, merge=False)
                seq.counted(level, found_n if found_n is not None else expected_n)
                continue
            if not isinstance(item.value, int):
                continue
            expected_n, expected = seq.expected(level)
            found_label = " ".join(item.label.split())
            # "1)" for "1.": the form counts where the decree puts a mark after the number; "Phần thứ nhất",
            # "Chương 1" for "Phần I", "Chương I": the numeral too (PL I, II.6.đ)
            typed_form = found_label if level.suffix else found_label.rstrip(".")
            wrong_form = typed_form.casefold() != expected.casefold()
            if item.value != expected_n or (wrong_form and not as_printed):  # case: article.case's business
                ctx.add("numbering.sequence", f'"{found_label}"', [item.paragraph], expected=f'"{expected}"',
                        merge=False)
            seq.counted(level, item.value)
    if numbered:
        ctx.ok("numbering.sequence")
    else:
        ctx.na("numbering.sequence", "the body has no numbered parts, articles, items or points")


def check_legal_bases(ctx: Context) -> None:
    bases = ctx.rec.legal_bases
    if not bases:
        ctx.na("legal-basis.punctuation", "no căn cứ in this document")
        return
    for n, item in enumerate(bases):
        last = n == len(bases) - 1
        end = nd30.LEGAL_BASIS_ENDS.end(n, len(bases))
        text = item.text.rstrip()
        if not nd30.LEGAL_BASIS_ENDS.ends_right(text, n, len(bases)):
            ctx.add("legal-basis.punctuation", f"ends with {ending(text)}", [item.paragraph],
                    expected=f'ends with "{end}"' + (" (the last căn cứ)" if last else ""), merge=False)
    ctx.ok("legal-basis.punctuation")
