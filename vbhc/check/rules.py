"""The checker's rules as data: a stable id, the clause, a severity, a description and the allowed values.

Allowed values come from :mod:`vbhc.nd30` (the renderer's source too), never restated here. Rules about
one component's type (size, bold, italic, case, alignment) are generated from the
:class:`~vbhc.nd30.Typography` of each :class:`vbhc.nd30.Role` and its record (name, report group, flags),
with ids like ``national-title.size``.
The tolerances below are measurement slack (twips rounding, hand-drawn lines), not decree values.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

from vbhc import nd30
from vbhc.nd30 import Role

# Measurement slack, not decree values.
MM_TOLERANCE = 0.1  # twips round a 15 mm margin to 14.993 mm
PAGE_TOLERANCE_MM = 0.5
INDENT_TOLERANCE_CM = 0.02
SPACING_TOLERANCE_PT = 0.05
LINE_SPACING_TOLERANCE = 0.005
MOTTO_LINE_TOLERANCE = 0.1  # a hand-drawn line within ±10 % of the text counts as "as long as"
RULE_FRACTION_TOLERANCE = 0.02
TNR_LINE_HEIGHT_EM = 1.107  # Times New Roman's single line: (winAscent + winDescent) / unitsPerEm


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Rule:
    """One check. ``allowed`` is the nd30 value it enforces; ``expected`` says it in words."""

    id: str
    clause: str
    severity: Severity
    component: str
    description: str
    allowed: Any
    expected: str


# Report groups, in the order a reader meets them on the page: id → title.
COMPONENTS: dict[str, str] = {
    "scope": "Scope (phạm vi điều chỉnh)",
    "page": "Page set-up (khổ giấy, lề trang)",
    "font": "Font (phông chữ)",
    "text": "Text encoding",
    "structure": "Components (thể thức)",
    "national-title": "Quốc hiệu",
    "motto": "Tiêu ngữ",
    "parent-body": "Cơ quan chủ quản",
    "issuer": "Cơ quan ban hành",
    "number": "Số, ký hiệu",
    "letter-summary": "Trích yếu công văn (V/v)",
    "marks": "Dấu chỉ độ mật, mức độ khẩn, phạm vi lưu hành, dự thảo",
    "place-date": "Địa danh, thời gian ban hành",
    "title": "Tên loại, trích yếu",
    "addressees": "Kính gửi",
    "enacting-authority": "Thẩm quyền ban hành",
    "legal-basis": "Căn cứ ban hành",
    "enactment": "QUYẾT ĐỊNH: / QUYẾT NGHỊ:",
    "body": "Nội dung (body)",
    "numbering": "Numbering (Phần, Chương, Mục, Điều, khoản, điểm)",
    "signature": "Chữ ký (quyền hạn, chức vụ, họ tên)",
    "recipients": "Nơi nhận",
    "appendix": "Phụ lục",
    "contact": "Địa chỉ, điện thoại, thư điện tử (ô 13)",
    "copy": "Bản sao (SAO Y, SAO LỤC, TRÍCH SAO)",
    "page-number": "Số trang",
}

ALIGN_WORDS = {nd30.Align.LEFT: "flush left", nd30.Align.CENTER: "centred", nd30.Align.RIGHT: "flush right",
               nd30.Align.JUSTIFY: "justified"}

PAGE_NUMBER_ID = "page-number"


def _flag(value: bool, yes: str, no: str) -> str:
    return yes if value else no


def typography_rules(component: str, name: str, t: nd30.Typography, group: str,
                     role: Role | None) -> list[Rule]:
    """The size, bold, italic, case and alignment rules of one component (its role's record says
    whether a text in thường is checked for capitals, and whether a wrong look or alignment is only a
    warning)."""
    look = Severity.WARNING if role is not None and role.record.look_warning else Severity.ERROR
    out = [
        Rule(f"{component}.size", t.clause, look, group, f"{name}: font size", t.size, f"{t.size} pt"),
        Rule(f"{component}.bold", t.clause, look, group, f"{name}: weight", t.bold,
             _flag(t.bold, "bold (đậm)", "not bold")),
        Rule(f"{component}.italic", t.clause, look, group, f"{name}: slant", t.italic,
             _flag(t.italic, "italic (nghiêng)", "upright (đứng)")),
    ]
    if t.case is nd30.Case.UPPER:
        out.append(Rule(f"{component}.case", t.clause, Severity.ERROR, group, f"{name}: letter case", t.case,
                        "capitals (in hoa)"))
    elif role is not None and role.record.lower_case is not None:
        out.append(Rule(f"{component}.case", t.clause, Severity.ERROR, group, f"{name}: letter case", t.case,
                        "lower case, not all capitals (in thường)"))
    severity = Severity.WARNING if role is not None and role.record.align_warning else Severity.ERROR
    out.append(Rule(f"{component}.align", t.clause, severity, group, f"{name}: alignment", t.align,
                    ALIGN_WORDS[t.align]))
    return out


def _mm(r: nd30.Range) -> str:
    return f"{r} mm"


_MARGINS = {"top": nd30.MARGIN_TOP_RANGE, "bottom": nd30.MARGIN_BOTTOM_RANGE,
            "left": nd30.MARGIN_LEFT_RANGE, "right": nd30.MARGIN_RIGHT_RANGE}
_INDENTS = " or ".join(f"{c:g} cm" for c in nd30.FIRST_LINE_INDENT_CHOICES_CM)
_SYMBOL_CODES = ", ".join(t.abbreviation for t in nd30.DocumentType if t.abbreviation)
E, W = Severity.ERROR, Severity.WARNING


def _build() -> dict[str, Rule]:
    rules = [
        Rule("document.scope", f"{nd30.scope.SCOPE_CLAUSE}; Art. 4.2.a", W, "scope",
             "a document Decree 30 governs as it writes: a văn bản hành chính of a state body, organisation "
             "or enterprise, or of an organisation that prints the Quốc hiệu over it", None,
             f"a văn bản hành chính of {nd30.scope.APPLIES_TO}"),
        Rule("page.size", "PL I, I.1", E, "page", "paper size A4",
             (nd30.PAPER_WIDTH_MM, nd30.PAPER_HEIGHT_MM),
             f"A4, {nd30.PAPER_WIDTH_MM} × {nd30.PAPER_HEIGHT_MM} mm"),
        Rule("page.orientation", "PL I, I.2", E, "page", "portrait pages (landscape only for wide tables)",
             "portrait", "portrait"),
        Rule("page.margins", "PL I, I.3", E, "page", "page margins", _MARGINS,
             ", ".join(f"{side} {_mm(r)}" for side, r in _MARGINS.items())),
        Rule("font.family", "PL I, I.4", E, "font", "the typeface text is drawn with", nd30.FONT_NAME,
             nd30.FONT_NAME),
        Rule("font.slots", "PL I, I.4", W, "font",
             "the font slots no character of a run is drawn with (East Asian, complex-script: Word's font "
             "box sets only two); a slot that is used is font.family's, an error",
             nd30.FONT_NAME, f"{nd30.FONT_NAME} in all four slots (ascii, hAnsi, eastAsia, cs)"),
        Rule("font.color", "PL I, I.4", E, "font", "text colour", nd30.FONT_COLOR,
             f"black (#{nd30.FONT_COLOR} or automatic); the urgency stamp alone in its red "
             f"(#{nd30.STAMP_INK}, PL I, III.2.b)"),
        Rule("text.nfc", "PL I, I.4 (Unicode TCVN 6909:2001)", E, "text",
             "text in Unicode NFC (precomposed Vietnamese letters)", "NFC", "precomposed letters (NFC)"),
        Rule("text.encoding", "PL I, I.4 (Unicode TCVN 6909:2001)", E, "text",
             "text in Unicode, not typed in an 8-bit Vietnamese encoding (TCVN3/ABC, VNI)", "Unicode",
             f"Unicode text (TCVN 6909:2001) in {nd30.FONT_NAME}"),
        Rule("document.type", "Art. 7; PL III", E, "structure",
             "an administrative document of one of the types of Art. 7",
             tuple(t.type_name for t in nd30.DocumentType),
             "an administrative document whose tên loại (or a công văn's \"V/v\") names its type"),
        Rule("components.required", "Art. 8.2; PL I, II", E, "structure", "the components every document has",
             None, "present"),
        Rule("national-title.text", "PL I, II.1.a", E, "national-title", "the Quốc hiệu's words",
             nd30.NATIONAL_TITLE_SPELLINGS, f'"{nd30.NATIONAL_TITLE_TEXT}"'),
        Rule("national-title.first-page", "PL I, II.1.a", E, "national-title",
             "the header on the first page only (not in a page header Word repeats on every page)", None,
             "in the body, or in the first page's own header (\"Different first page\")"),
        Rule("national-title.one-line", "PL I, II.1.a; Mục V", E, "national-title",
             "the Quốc hiệu on one line: its width fits its column", None, "fits on one line"),
        Rule("motto.text", "PL I, II.1.b", E, "motto", "the Tiêu ngữ's words and hyphens", nd30.MOTTO_TEXT,
             f'"{nd30.MOTTO_TEXT}" (a hyphen with a space each side)'),
        Rule("motto.rule", "PL I, II.1.b", E, "motto", "a solid line under the Tiêu ngữ", None,
             "a solid line (paragraph border or line shape), not underscores"),
        Rule("motto.rule-length", "PL I, II.1.b", E, "motto",
             "the line under the Tiêu ngữ as long as the text",
             nd30.MOTTO_RULE_FRACTION, f"{nd30.MOTTO_RULE_FRACTION:g} × the text's width"),
        Rule("parent-body.fits", "PL I, II.2.b", W, "parent-body",
             "each line of the cơ quan chủ quản fits its column (a longer one wraps where Word breaks it)",
             None,
             "each line within its column; a long name broken into lines by hand"),
        Rule("issuer.fits", "PL I, II.2.b", W, "issuer",
             "each line of the issuer's name fits its column (a longer one wraps where Word breaks it)", None,
             "each line within its column; a long name broken into lines by hand"),
        Rule("issuer.full-name", "PL I, II.2.a", E, "issuer",
             "the issuer's official name in full (only the parent body's shortens \"UBND\", \"HĐND\")",
             nd30.COMMON_ABBREVIATIONS, '"ỦY BAN NHÂN DÂN XÃ ...", not "UBND XÃ ..."'),
        Rule("issuer.rule", "PL I, II.2.b", E, "issuer", "a solid line under the issuer's name", None,
             "a solid line (paragraph border or line shape), not underscores"),
        Rule("issuer.rule-length", "PL I, II.2.b", E, "issuer", "the issuer's line 1/3 to 1/2 of its text",
             nd30.RULE_FRACTION_RANGE, "1/3 to 1/2 of the text's width"),
        Rule("number.format", "PL I, II.3.c", E, "number", "\"Số:\", the number, \"/\" and the ký hiệu",
             (nd30.NUMBER_LABEL, nd30.NUMBER_SEPARATOR, nd30.SYMBOL_SEPARATOR),
             f'"{nd30.NUMBER_LABEL} 05{nd30.NUMBER_SEPARATOR}KH-UBND": groups joined by '
             f'"{nd30.SYMBOL_SEPARATOR}", no spaces'),
        Rule("number.leading-zero", "PL I, II.3.c", E, "number", "numbers below 10 with a leading zero",
             nd30.NUMBER_MIN_DIGITS, f"at least {nd30.NUMBER_MIN_DIGITS} digits (05)"),
        Rule("number.blank", "PL I, II.3", W, "number",
             "a number left blank (a draft, filled in by the registry)",
             None, "a number"),
        Rule("number.symbol", "PL III, Mục I; PL I, II.3.c", E, "number",
             "the ký hiệu opens with the abbreviation of the tên loại (PL III), mixed case kept",
             {t: t.abbreviation for t in nd30.DocumentType},
             f"one of {_SYMBOL_CODES}, matching the tên loại"),
        Rule("place-date.format", "PL I, II.4", E, "place-date",
             '"<địa danh>, ngày DD tháng M năm YYYY" in full, with a valid date',
             nd30.PLACE_SEPARATOR, '"Hà Nội, ngày 05 tháng 3 năm 2024"'),
        Rule("place-date.leading-zero", "PL I, II.4.b", E, "place-date",
             "a zero before days below 10 and months 1 and 2 (only those)",
             (nd30.DAY_MIN_DIGITS, nd30.MONTHS_WITH_LEADING_ZERO), "ngày 05, tháng 01, 02, 3 ... 12"),
        Rule("place-date.blank", "PL I, II.4", W, "place-date", "a day or month left blank (a draft)", None,
             "a full date"),
        Rule("letter-summary.label", "PL I, II.5.b", E, "letter-summary",
             'a công văn\'s trích yếu after "V/v" (not "V/v:", not "Về việc" in full)',
             nd30.LETTER_SUMMARY_PREFIX, f'"{nd30.LETTER_SUMMARY_PREFIX}nâng bậc lương năm 2019"'),
        Rule("summary.own-line", "PL I, II.5.b", E, "title",
             "the trích yếu under the tên loại, in a paragraph of its own", None,
             "the tên loại on one line, the trích yếu on the next"),
        Rule("summary.rule", "PL I, II.5.b", E, "title", "a solid line under the trích yếu", None,
             "a solid line (paragraph border or line shape), not underscores"),
        Rule("summary.rule-length", "PL I, II.5.b", E, "title", "the trích yếu's line 1/3 to 1/2 of its text",
             nd30.RULE_FRACTION_RANGE, "1/3 to 1/2 of the text's width"),
        Rule("body.first-line-indent", "PL I, II.6.e", E, "body", "first-line indent of body paragraphs",
             nd30.FIRST_LINE_INDENT_CHOICES_CM, _INDENTS),
        Rule("body.spacing", "PL I, II.6.e", E, "body", "space between body paragraphs",
             nd30.PARAGRAPH_SPACING_MIN_PT, f"at least {nd30.PARAGRAPH_SPACING_MIN_PT:g} pt"),
        Rule("body.line-spacing", "PL I, II.6.e", E, "body", "line spacing of body paragraphs",
             nd30.LINE_SPACING_RANGE, f"{nd30.LINE_SPACING_RANGE} lines"),
        Rule("body.end-mark", "PL III, Mẫu 1.1-1.10 (samples)", W, "body",
             f'the body ends with "{nd30.BODY_END_MARK}"', nd30.BODY_END_MARK, f'"{nd30.BODY_END_MARK}"'),
        Rule("numbering.sequence", "PL I, II.6.đ", E, "numbering",
             "Phần/Chương (I, II), Mục, Điều (continuous), khoản 1., 2. (from 1 in each part), "
             "điểm a), b) in the Vietnamese alphabet (đ after d; no f, j, w, z)",
             nd30.POINT_LETTERS, "the next number or letter in sequence"),
        Rule("legal-basis.punctuation", "PL I, II.6.a", E, "legal-basis",
             f'each căn cứ ends with "{nd30.LEGAL_BASIS_LINE_END}", '
             f'the last with "{nd30.LEGAL_BASIS_LAST_END}"',
             (nd30.LEGAL_BASIS_LINE_END, nd30.LEGAL_BASIS_LAST_END),
             f'"{nd30.LEGAL_BASIS_LINE_END}" at each end, "{nd30.LEGAL_BASIS_LAST_END}" at the last'),
        Rule("addressees.punctuation", "PL I, II.9.d", E, "addressees",
             f'"{nd30.ADDRESSEES_LABEL}"; several names one per line with "{nd30.LIST_ITEM_PREFIX.strip()}", '
             f'"{nd30.LIST_ITEM_END}", the last "{nd30.LIST_LAST_END}"',
             (nd30.ADDRESSEES_LABEL, nd30.LIST_ITEM_PREFIX, nd30.LIST_ITEM_END, nd30.LIST_LAST_END),
             f'"{nd30.LIST_ITEM_PREFIX}name{nd30.LIST_ITEM_END}", the last ending "{nd30.LIST_LAST_END}"'),
        Rule("recipients.punctuation", "PL I, II.9.d", E, "recipients",
             f'"{nd30.RECIPIENTS_LABEL}", then each line "{nd30.LIST_ITEM_PREFIX}...{nd30.LIST_ITEM_END}", '
             f'the last ending "{nd30.LIST_LAST_END}"',
             (nd30.RECIPIENTS_LABEL, nd30.LIST_ITEM_PREFIX, nd30.LIST_ITEM_END, nd30.LIST_LAST_END),
             f'"{nd30.LIST_ITEM_PREFIX}name{nd30.LIST_ITEM_END}", the last ending "{nd30.LIST_LAST_END}"'),
        Rule("recipients.archive", "PL I, II.9.d", E, "recipients",
             f'the last line files a copy with the registry: "{nd30.ARCHIVE_LABEL} {nd30.ARCHIVE_REGISTRY}"',
             (nd30.ARCHIVE_LABEL, nd30.ARCHIVE_REGISTRY),
             f'"{nd30.LIST_ITEM_PREFIX}{nd30.ARCHIVE_LABEL} {nd30.ARCHIVE_REGISTRY}, ..." as the last line'),
        Rule("signature.authority", "PL I, II.7.b", E, "signature",
             "the quyền hạn abbreviated as the decree writes it",
             tuple(a.value for a in nd30.SigningAuthority),
             ", ".join(f'"{a.value}"' for a in nd30.SigningAuthority) + ' (a full stop, not "T/M")'),
        Rule("signature.collective", "PL I, II.7.b", W, "signature",
             f'a collective issuer is signed for with "{nd30.SigningAuthority.TM.value}" before its name',
             nd30.COLLECTIVE_ISSUER_WORDS,
             f'"{nd30.SigningAuthority.TM.value} <COLLECTIVE>" over the position, unless the head signs '
             "in their own name"),
        Rule("signature.in-person", "PL III, Mẫu 1.9", W, "signature",
             "a biên bản's secretary and chair sign in their own names: no TM., KT., Q., TL. or TUQ. line",
             tuple(a.value for a in nd30.SigningAuthority),
             "the position alone (THƯ KÝ, CHỦ TỌA) over the name"),
        Rule("page-number.present", "PL I, I.7", E, "page-number",
             "page numbers on a document of several pages",
             nd30.PAGE_NUMBER_IN_TOP_MARGIN, "a PAGE field in the page header"),
        Rule("page-number.position", "PL I, I.7", E, "page-number",
             "the page number in the top margin, centred", nd30.PAGE_NUMBER_IN_TOP_MARGIN,
             "in the header (top margin), centred"),
        Rule("page-number.first-page", "PL I, I.7", E, "page-number", "no number on the first page",
             nd30.PAGE_NUMBER_ON_FIRST_PAGE, "“different first page” with an empty first-page header"),
        Rule("footnote.size", nd30.FOOTNOTE.clause, W, "body", "footnotes: font size", nd30.FOOTNOTE.size,
             f"{nd30.FOOTNOTE.size} pt"),
        Rule("urgency.stamp", "PL I, III.2.b", E, "marks", "the urgency stamp's rectangle",
             nd30.URGENCY_STAMP_MM, ", ".join(f"{u.value} {a:g} × {b:g} mm"
                                              for u, (a, b) in nd30.URGENCY_STAMP_MM.items())),
        Rule("copy.number", "PL I, Phần II, II.1.c; PL III, Mục I", E, "copy",
             "a copy's number carries its kind's code", nd30.COPY_ABBREVIATIONS,
             f'"{nd30.NUMBER_LABEL} 05/SY-..." under SAO Y, "/SL-" under SAO LỤC, "/TrS-" under TRÍCH SAO'),
        Rule("copy.archive", "PL III, Mẫu 3.1", E, "copy", "a copy's Nơi nhận ends with the registry's copy",
             nd30.ARCHIVE_REGISTRY, f'"{nd30.LIST_ITEM_PREFIX}{nd30.ARCHIVE_LABEL} {nd30.ARCHIVE_REGISTRY}'
             f'{nd30.LIST_LAST_END}" as the last line'),
    ]
    for role in Role:
        rules += [r for r in typography_rules(role.value, role.record.vietnamese_name, role.typography,
                                              role.record.group, role)
                  if not role.record.size_only or r.id.endswith(".size")]
    page = nd30.PAGE_NUMBER
    rules += [r for r in typography_rules(PAGE_NUMBER_ID, "số trang", page, "page-number", None)
              if not r.id.endswith(".align")]  # alignment is page-number.position
    out: dict[str, Rule] = {}
    for rule in rules:
        if rule.id in out:
            raise ValueError(f"duplicate rule id {rule.id}")
        out[rule.id] = rule
    return out


RULES: dict[str, Rule] = _build()


def rule(rule_id: str) -> Rule:
    """The rule with this id."""
    return RULES[rule_id]


def role_rule(role: Role, prop: str) -> Rule | None:
    """The ``size``/``bold``/``italic``/``case``/``align`` rule of a role, if it has one."""
    return RULES.get(f"{role.value}.{prop}")
