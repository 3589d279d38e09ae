"""The header: Quốc hiệu and Tiêu ngữ, issuer, số and ký hiệu, place and date, and the line under
the trích yếu."""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence

from vbhc import nd30
from vbhc.check.checks.core import BLANK, PT_PER_CM, Context, cm, item_width, pt, size_of, width_of
from vbhc.check.rules import MOTTO_LINE_TOLERANCE, RULE_FRACTION_TOLERANCE, RULES
from vbhc.layout.metrics import fits
from vbhc.ooxml.resolve import ResolvedParagraph
from vbhc.recognise.components import Recognised, RuleLine, clean, paragraph_width_pt
from vbhc.recognise.letter_summary import LABEL as LETTER_SUMMARY_LABEL


def _fits(ctx: Context, item: Recognised) -> None:
    p = item.paragraph
    if item.in_columns:
        ctx.skip("national-title.one-line", "the header is laid out with tabs: its columns have no set width")
        return
    if "\n" in item.typed.strip("\n"):
        ctx.add("national-title.one-line", "two lines (a manual line break)", [p])
        ctx.ok("national-title.one-line")
        return
    available = paragraph_width_pt(ctx.doc, p)
    if available is None:
        ctx.skip("national-title.one-line", "its column's width is not set in the file")
        return
    width = item_width(item)
    if not fits(width, available):
        ctx.add("national-title.one-line",
                f"{pt(width)} pt of text in a {pt(available)} pt column: it wraps onto two lines", [p],
                expected=f"a column at least {pt(width)} pt wide (the text at {size_of(p):g} pt bold)")
    ctx.ok("national-title.one-line")


def _lines_fit(ctx: Context, rule_id: str, items: Sequence[Recognised]) -> None:
    """Each line of a header block (a paragraph, or each part of it between manual line breaks) fits
    its column: a wider one wraps where Word breaks it (PL I, II.2.b: the author breaks a long name)."""
    for item in items:
        p = item.paragraph
        if item.in_columns:  # a column set by tabs has no width to wrap in
            continue
        available = paragraph_width_pt(ctx.doc, p)
        if available is None:
            ctx.skip(rule_id, "its column's width is not set in the file")
            return
        width = max(width_of(p, clean(line)) for line in item.typed.split("\n"))
        if not fits(width, available):
            ctx.add(rule_id, f"{cm(width / PT_PER_CM)} of text in a {cm(available / PT_PER_CM)} column: "
                             "it wraps where Word breaks it", [p])
    ctx.ok(rule_id)


def _full_name(ctx: Context, issuer: Sequence[Recognised]) -> None:
    """The issuer's name shortened ("UBND XÃ HOÀNG KIM"): PL I, II.2.a wants its official name in full."""
    text = " ".join(x.text for x in issuer)
    full = nd30.written_in_full(text)
    if full != text:
        ctx.add("issuer.full-name", f'"{text}"', [x.paragraph for x in issuer], expected=f'"{full}"')
    ctx.ok("issuer.full-name")


def _line(ctx: Context, prefix: str, line: RuleLine | None, text_pt: float, anchor: ResolvedParagraph,
          fraction: nd30.Range) -> None:
    rule_id, length_id = f"{prefix}.rule", f"{prefix}.rule-length"
    if line is None:
        ctx.add(rule_id, "no line", [anchor])
        ctx.skip(length_id, "there is no line to measure")
    elif line.kind == "underscores":
        ctx.add(rule_id, "underscores typed as text", [line.paragraph])
        ctx.skip(length_id, "the line is typed as underscores, which have no set length")
    elif line.length_pt is None or text_pt <= 0:
        ctx.skip(length_id, "the line's length could not be measured")
    else:
        ratio = line.length_pt / text_pt
        if not fraction.low - RULE_FRACTION_TOLERANCE <= ratio <= fraction.high + RULE_FRACTION_TOLERANCE:
            ctx.add(length_id, f"{ratio:.2f} × ({pt(line.length_pt)} pt under {pt(text_pt)} pt of text)",
                    [line.paragraph])
        ctx.ok(length_id)
    ctx.ok(rule_id)


def check_header(ctx: Context) -> None:
    rec = ctx.rec
    qh = rec.national_title
    if qh is None:
        for rule_id in ("national-title.text", "national-title.one-line", "national-title.first-page"):
            ctx.skip(rule_id, "no Quốc hiệu recognised")
    else:
        first = ctx.doc.sections[0] if ctx.doc.sections else None
        if qh.paragraph.location != "body" and first is not None and not first.title_page:
            ctx.add("national-title.first-page",
                    f"the header typed in Word's default page header ({qh.paragraph.location}), which every "
                    "page repeats", [qh.paragraph])
        ctx.ok("national-title.first-page")
        keys = {clean(t).upper() for t in RULES["national-title.text"].allowed}
        if clean(rec.national_title_text).upper() not in keys:
            ctx.add("national-title.text", f'"{rec.national_title_text}"', [qh.paragraph])
        ctx.ok("national-title.text")
        if rec.national_title_rest:
            ctx.add("national-title.one-line", f"{len(rec.national_title_rest) + 1} paragraphs",
                    [qh.paragraph, *(x.paragraph for x in rec.national_title_rest)])
            ctx.ok("national-title.one-line")
        else:
            _fits(ctx, qh)
    motto = rec.motto
    if motto is None:
        for rule_id in ("motto.text", "motto.rule", "motto.rule-length"):
            ctx.skip(rule_id, "no Tiêu ngữ recognised")
    else:
        if clean(motto.text).lower() != RULES["motto.text"].allowed.lower():
            ctx.add("motto.text", f'"{motto.text}"', [motto.paragraph])
        ctx.ok("motto.text")
        fraction = RULES["motto.rule-length"].allowed
        _line(ctx, "motto", rec.motto_line, item_width(motto), motto.paragraph,
              nd30.Range(fraction * (1 - MOTTO_LINE_TOLERANCE), fraction * (1 + MOTTO_LINE_TOLERANCE)))
    if rec.parent_body:
        _lines_fit(ctx, "parent-body.fits", rec.parent_body)
    else:
        ctx.na("parent-body.fits", "no cơ quan chủ quản in this document")
    if not rec.issuer:
        for rule_id in ("issuer.fits", "issuer.rule", "issuer.rule-length", "issuer.full-name"):
            ctx.skip(rule_id, "no issuer recognised")
    else:
        _full_name(ctx, rec.issuer)
        _lines_fit(ctx, "issuer.fits", rec.issuer)
        width = max(item_width(x) for x in rec.issuer)
        _line(ctx, "issuer", rec.issuer_line, width, rec.issuer[-1].paragraph,
              RULES["issuer.rule-length"].allowed)


def _read(ctx: Context, item: Recognised, pattern: re.Pattern[str], ids: tuple[str, ...], why: str,
          unread: str) -> re.Match[str] | None:
    """``item``'s text matched by ``pattern``; else a finding of ``ids[0]`` (the line's format, ``why`` it
    failed) and the other rules skipped, as ``unread``."""
    m = pattern.match(item.text)
    if m is None:
        ctx.add(ids[0], f'"{item.text}"{why}', [item.paragraph])
        for rule_id in ids[1:]:
            ctx.skip(rule_id, unread)
    return m


_JOINT_MARK = "LT"  # "KHLT": the old mark of a joint (liên tịch) document's code, which PL III does not use
_NUMBER_LINE = re.compile(r"^(?P<label>số\s*:?)\s*(?P<num>[^/]*?)\s*/\s*(?P<sym>.*)$", re.IGNORECASE)


def check_number(ctx: Context) -> None:
    rec = ctx.rec
    ids = ("number.format", "number.leading-zero", "number.blank", "number.symbol")
    if rec.number is None:
        for rule_id in ids:
            ctx.skip(rule_id, 'no "Số:" line recognised')
        return
    p = rec.number.paragraph
    m = _read(ctx, rec.number, _NUMBER_LINE, ids, ' (no "/" between the number and the ký hiệu)',
              "the Số line could not be read")
    if m is None:
        return
    if m.group("label") != nd30.NUMBER_LABEL:
        ctx.add("number.format", f'"{m.group("label")}" instead of "{nd30.NUMBER_LABEL}"', [p], merge=False)
    num, sym = m.group("num"), m.group("sym").strip()
    spaced = [what for what, bad in (
        (f'no space after "{nd30.NUMBER_LABEL}"', m.group("label").endswith(":") and num[:1].isdigit()
         and not rec.number.text[m.end("label"):m.start("num")]),
        ('a space before "/"', num.isdigit() and rec.number.text[m.end("num"):].startswith((" ", "\u00a0"))))
        if bad]
    if spaced:
        ctx.add("number.format", f'"{rec.number.text}" ({", ".join(spaced)})', [p], merge=False,
                expected=f'"{nd30.NUMBER_LABEL} {num}{nd30.NUMBER_SEPARATOR}{sym.rstrip(".,;:")}"')
    if sym.endswith((".", ",", ";", ":")):  # "Số: 12/KH-UBND.": the line ends with the ký hiệu
        ctx.add("number.format", f'"{sym}" (a "{sym[-1]}" after the ký hiệu)', [p], merge=False,
                expected=f'"{sym.rstrip(".,;:")}"')
        sym = sym.rstrip(".,;:")
    if BLANK.match(num):
        ctx.add("number.blank", "a blank number (a draft)", [p])
        ctx.skip("number.leading-zero", "the number is blank")
    elif not num.isdigit():
        ctx.add("number.format", f'"{num}" is not a number', [p], merge=False)
        ctx.skip("number.leading-zero", "the number is not in digits")
    else:
        if int(num) > 0 and num != nd30.format_number(int(num)):  # "5", or "012" (padded past two digits)
            ctx.add("number.leading-zero", f'"{num}"', [p], expected=f'"{nd30.format_number(int(num))}"')
        ctx.ok("number.leading-zero")
    ctx.ok("number.blank")
    groups = sym.split(nd30.SYMBOL_SEPARATOR)
    if not sym or " " in sym or any(not g for g in groups):
        ctx.add("number.format", f'ký hiệu "{sym}"', [p], merge=False)
    ctx.ok("number.format")
    kind = rec.document_type
    codes = {t.abbreviation: t for t in nd30.DocumentType if t.abbreviation}
    codes.update({code: None for code in nd30.COPY_ABBREVIATIONS.values()})  # type: ignore[misc]
    if kind is not None and kind.abbreviation is None:  # công văn, thư công: PL III gives no code
        ctx.na("number.symbol", f"a {kind.type_name.lower()}'s ký hiệu has no type code (PL III gives "
                                "none): issuer and unit abbreviations")
    elif kind is not None and kind.abbreviation:
        if groups[0] == f"{kind.abbreviation}{_JOINT_MARK}" and len(groups) > 2:  # "KHLT-UBND-MTTQ"
            ctx.add("number.symbol", f'"{sym}"', [p],
                    expected=f'"{nd30.SYMBOL_SEPARATOR.join([kind.abbreviation, *groups[1:]])}" (a joint '
                             "document: the tên loại's code, then each issuer's abbreviation)")
        elif groups[0] != kind.abbreviation:
            ctx.add("number.symbol", f'"{sym}"', [p],
                    expected=f'"{kind.abbreviation}{nd30.SYMBOL_SEPARATOR}..." for {kind.type_name}')
        ctx.ok("number.symbol")
    elif groups and groups[0]:
        if groups[0] not in codes:
            near = next((c for c in codes if c.upper() == groups[0].upper()), None)
            expected = (f'"{near}" (PL III keeps its lower-case letters)' if near
                        else RULES["number.symbol"].expected)
            ctx.add("number.symbol", f'"{groups[0]}"', [p], expected=expected)
        ctx.ok("number.symbol")
    else:
        ctx.skip("number.symbol", "no ký hiệu to read")


_DATE_LINE = re.compile(r"^(?P<place>[^,]*?)\s*(?P<comma>,?)\s*ngày\s*(?P<day>\S*?)\s*tháng\s*(?P<month>\S*?)"
                        r"\s*năm\s*(?P<year>\S*?)\.?$", re.IGNORECASE)


_FIGURES = re.compile(r"^(?P<place>[^,]+?)\s*,?\s*(?:ngày\s*)?(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})"
                      r"\s*[/.-]\s*(?P<y>\d{4})\.?$", re.IGNORECASE)


def check_date(ctx: Context) -> None:
    rec = ctx.rec
    ids = ("place-date.format", "place-date.leading-zero", "place-date.blank")
    if rec.place_date is None:
        for rule_id in ids:
            if not rec.form.has_place_date and rec.document_type is not None:
                ctx.na(rule_id, f"a {rec.document_type.type_name.lower()} has no place and date line")
            else:
                ctx.skip(rule_id, "no place and date recognised")
        return
    p, text = rec.place_date.paragraph, rec.place_date.text
    figures = _FIGURES.match(text)
    if figures is not None and 1 <= int(figures["m"]) <= 12 and 1 <= int(figures["d"]) <= 31:
        d, mo = int(figures["d"]), int(figures["m"])  # "Hoàng Kim, 15/3/2024": the date in words instead
        ctx.add("place-date.format", f'"{text}" (the date in figures)', [p],
                expected=f'"{figures["place"]}{nd30.PLACE_SEPARATOR}ngày {nd30.format_day(d)} tháng '
                         f'{nd30.format_month(mo)} năm {figures["y"]}"')
        for rule_id in ids[1:]:
            ctx.skip(rule_id, "the date is in figures")
        return
    m = _read(ctx, rec.place_date, _DATE_LINE, ids, "", "the date could not be read")
    if m is None:
        return
    if not m.group("place") or not m.group("comma"):
        ctx.add("place-date.format", f'"{text}" (no place name followed by a comma)', [p], merge=False)
    day, month, year = m.group("day"), m.group("month"), m.group("year")
    if not (year.isdigit() and len(year) == 4):
        ctx.add("place-date.format", f'year "{year}"', [p], merge=False)
    blank = [what for what, value in (("day", day), ("month", month)) if BLANK.match(value)]
    if blank:
        ctx.add("place-date.blank", f"a blank {' and '.join(blank)} (a draft)", [p])
    for what, value, limit in (("day", day, 31), ("month", month, 12)):
        if not BLANK.match(value) and (not value.isdigit() or not 1 <= int(value) <= limit):
            ctx.add("place-date.format", f'{what} "{value}"', [p], merge=False)
    if day.isdigit() and month.isdigit() and year.isdigit() and 1 <= int(month) <= 12:
        last = calendar.monthrange(int(year), int(month))[1]
        if not 1 <= int(day) <= last:
            ctx.add("place-date.format", f"{day}/{month}/{year} does not exist", [p], merge=False)
    if day.isdigit() and 1 <= int(day) <= 31 and day != nd30.format_day(int(day)):
        ctx.add("place-date.leading-zero", f'ngày "{day}"', [p],
                expected=f'ngày "{nd30.format_day(int(day))}"')
    if month.isdigit() and 1 <= int(month) <= 12 and month != nd30.format_month(int(month)):
        ctx.add("place-date.leading-zero", f'tháng "{month}"', [p],
                expected=f'tháng "{nd30.format_month(int(month))}"')
    for rule_id in ids:
        ctx.ok(rule_id)


def check_title(ctx: Context) -> None:
    rec = ctx.rec
    _letter_summary_label(ctx)
    if rec.type_name is None or not rec.summary:
        ctx.na("summary.own-line", "no tên loại and trích yếu recognised")
    else:
        if rec.summary[0].paragraph is rec.type_name.paragraph:
            found = f'"{rec.type_name.text}" and "{rec.summary[0].text}" in one paragraph'
            ctx.add("summary.own-line", found, [rec.type_name.paragraph])
        ctx.ok("summary.own-line")
    if not rec.form.has_type_line:
        for rule_id in ("summary.rule", "summary.rule-length"):
            ctx.na(rule_id, "a công văn's trích yếu (V/v) has no line under it")
        return
    if not rec.summary:
        for rule_id in ("summary.rule", "summary.rule-length"):
            if nd30.Region.SUMMARY in rec.form.regions:
                ctx.skip(rule_id, "no trích yếu recognised")
            else:  # PL III, Mẫu 1.8 and 1.10
                ctx.na(rule_id, f"a {rec.document_type.type_name.lower()} has no trích yếu")
        return
    widths = []
    for item in rec.summary:
        available = paragraph_width_pt(ctx.doc, item.paragraph)
        width = width_of(item.paragraph)
        widths.append(min(width, available) if available else width)
    _line(ctx, "summary", rec.summary_line, max(widths), rec.summary[-1].paragraph,
          RULES["summary.rule-length"].allowed)


def _letter_summary_label(ctx: Context) -> None:
    """A công văn's V/v typed "V/v:" or "Về việc …" (PL I, II.5.b: the trích yếu follows "V/v")."""
    item = ctx.rec.letter_summary
    if item is None:
        ctx.na("letter-summary.label", "no V/v line (a công văn's trích yếu) in this document")
        return
    label = LETTER_SUMMARY_LABEL.match(item.text)
    prefix = nd30.LETTER_SUMMARY_PREFIX
    if label is not None and label[0].strip().lower() != prefix.strip().lower():  # "V/V": letter-summary.case
        ctx.add("letter-summary.label", f'"{label[0].strip()}"', [item.paragraph],
                expected=f'"{prefix}{item.text[label.end():]}"')
    ctx.ok("letter-summary.label")
