"""Every rule, broken alone: a clean vbhc render with one thing changed in its XML fires that rule only.

Typography rules (``<role>.size|bold|italic|case|align``) are generated: for each role, the first
paragraph the checker recognises with it in one of the base documents is changed. The other rules
have a hand-written mutation each. A last test checks that every rule of :data:`RULES` is covered.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from documents import BUILDERS, Docx, remove, replace_text, set_ppr, set_run, text, w

import vbhc
from vbhc import nd30
from vbhc.check import RULES, check, read_document, recognise
from vbhc.check.checks.core import width_of
from vbhc.nd30 import Role
from vbhc.recognise.components import paragraph_width_pt, text_width_pt

_RENDERED: dict[str, bytes] = {}


def base(name: str) -> bytes:
    if name not in _RENDERED:
        _RENDERED[name] = vbhc.render_bytes(BUILDERS[name]())
    return _RENDERED[name]


@pytest.mark.parametrize("name", list(BUILDERS))
def test_every_base_document_is_clean(name: str) -> None:
    report = check(base(name), name=name)
    assert report.findings == [], report.to_text()


# --------------------------------------------------------------------------------------------
# Typography, generated from the roles


def _first(name: str, role: Role) -> int | None:
    rec = recognise(read_document(base(name)))
    return next((x.paragraph.index for x in rec.all() if x.role is role), None)


def _where(role: Role) -> tuple[str, int]:
    for name in BUILDERS:
        index = _first(name, role)
        if index is not None:
            return name, index
    raise LookupError(role)


def refit_lines(data: bytes) -> bytes:
    """Keep the lines under the Tiêu ngữ, issuer and trích yếu in step with their (changed) text."""
    doc = read_document(data)
    rec = recognise(doc)
    docx = Docx(data)
    wanted = []
    if rec.motto and rec.motto_line and rec.motto_line.kind == "border":
        wanted.append((rec.motto_line.paragraph, width_of(rec.motto.paragraph) * nd30.MOTTO_RULE_FRACTION))
    if rec.issuer and rec.issuer_line and rec.issuer_line.kind == "border":
        longest = max(width_of(x.paragraph) for x in rec.issuer)
        wanted.append((rec.issuer_line.paragraph, longest * nd30.ISSUER_RULE_FRACTION))
    if rec.summary and rec.summary_line and rec.summary_line.kind == "border":
        width = max(min(width_of(x.paragraph), paragraph_width_pt(doc, x.paragraph) or 1e9)
                    for x in rec.summary)
        wanted.append((rec.summary_line.paragraph, width * nd30.SUMMARY_RULE_FRACTION))
    for para, length in wanted:
        container = text_width_pt(doc, para) or 0.0
        side = str(round(max(container - length, 0) / 2 * 20))
        set_ppr(docx.paragraph(para.index), "ind", left=side, right=side)
    return docx.data()


def break_typography(data: bytes, index: int, role: Role, prop: str) -> bytes:
    t = role.typography
    docx = Docx(data)
    p = docx.paragraph(index)
    if prop == "size":
        half = str(round((t.size.low - 0.5) * 2))  # just below the range: widths barely move
        set_run(p, "sz", val=half)
        set_run(p, "szCs", val=half)
    elif prop in ("bold", "italic"):
        tag = "b" if prop == "bold" else "i"
        set_run(p, tag, val="0" if getattr(t, prop) else "1")
    elif prop == "case":
        if t.case is nd30.Case.UPPER:
            last = [x for x in p.iter(w("t")) if x.text and x.text.strip()][-1]
            head, _, word = last.text.rstrip().rpartition(" ")
            last.text = f"{head} {word.lower()}" if head else word.lower()
        else:
            set_run(p, "caps")
    elif prop == "align":
        wrong = {nd30.Align.CENTER: "left", nd30.Align.JUSTIFY: "center", nd30.Align.LEFT: "center",
                 nd30.Align.RIGHT: "center"}
        set_ppr(p, "jc", val=wrong[t.align])
    out = docx.data()
    return refit_lines(out) if role in (Role.MOTTO, Role.ISSUER, Role.SUMMARY, Role.PARENT_BODY) else out


# Ô 13 is in page 1's footer, not the body: its rules are broken in the footer (test_contact_rule_...).
TYPOGRAPHY = [(role, prop) for role in Role for prop in ("size", "bold", "italic", "case", "align")
              if f"{role.value}.{prop}" in RULES and not role.record.size_only  # tables: test_tables
              and role is not Role.CONTACT]
CONTACT = [prop for prop in ("size", "bold", "italic", "case", "align") if f"contact.{prop}" in RULES]


@pytest.mark.parametrize(("role", "prop"), TYPOGRAPHY, ids=[f"{r.value}.{p}" for r, p in TYPOGRAPHY])
def test_typography_rule_fires_alone(role: Role, prop: str) -> None:
    name, index = _where(role)
    report = check(break_typography(base(name), index, role, prop), name=name)
    assert report.rule_ids() == {f"{role.value}.{prop}"}, report.to_text()
    (finding,) = report.findings
    assert [ref.number for ref in finding.paragraphs] == [index + 1]


def _contact_footer(d: Docx) -> str:
    return next(n for n in d.parts if n.startswith("word/") and b"Th\xc3\xb4n Trung" in d.parts[n]
                and n != "word/document.xml")


@pytest.mark.parametrize("prop", CONTACT)
def test_contact_rule_fires_alone(prop: str) -> None:
    """Ô 13's typography, broken in the footer of page 1 where the writer puts it."""
    docx = Docx(base("letter"))
    footer = _contact_footer(docx)
    p = docx.paragraphs(footer)[0]
    t = Role.CONTACT.typography
    if prop == "size":
        set_run(p, "sz", val=str(round((t.size.high + 1) * 2)))
    elif prop in ("bold", "italic"):
        set_run(p, "b" if prop == "bold" else "i")
    else:
        set_ppr(p, "jc", val="center")
    report = check(docx.data(), name="letter")
    assert report.rule_ids() == {f"contact.{prop}"}, report.to_text()


def test_red_is_the_urgency_stamps_alone() -> None:
    """The stamp's red passes; the same red on any other run is a font.color finding."""
    assert check(base("report"), name="report").findings == []
    docx = Docx(base("report"))
    set_run(docx.find("- Đạt 100%"), "color", val=nd30.STAMP_INK)
    report = check(docx.data(), name="report")
    assert report.rule_ids() == {"font.color"}, report.to_text()
    (finding,) = report.findings
    assert finding.found == f"#{nd30.STAMP_INK}"
    assert [ref.text for ref in finding.paragraphs] == ["- Đạt 100% dự toán."]


# --------------------------------------------------------------------------------------------
# The other rules, one mutation each


@dataclass(frozen=True)
class Case:
    rule: str
    base: str
    mutate: Callable[[Docx], None]
    header: str | None = None  # a header part the mutation edits


def _sect(d: Docx) -> object:
    """The first section's properties (the main text; the appendices have sections of their own)."""
    return next(d.tree().iter(w("sectPr")))


def _set_attr(node: object, **attrs: str) -> None:
    for key, value in attrs.items():
        node.set(w(key), value)  # type: ignore[attr-defined]


def _line_after(d: Docx, starts: str) -> object:
    paragraphs = d.paragraphs()
    at = paragraphs.index(d.find(starts))
    return paragraphs[at + 1]


def _no_border(p: object) -> None:
    set_ppr(p, "pBdr")
    bdr = p.find(f"{w('pPr')}/{w('pBdr')}")  # type: ignore[attr-defined]
    top = bdr.makeelement(w("top"), {w("val"): "nil"})
    bdr.append(top)


def _page_header(d: Docx) -> object:
    return d.paragraphs("word/header1.xml")[0]


def _nfd(p: object) -> None:
    t = next(x for x in p.iter(w("t")) if x.text and x.text.strip())  # type: ignore[attr-defined]
    t.text = unicodedata.normalize("NFD", t.text)


def _tcvn3(p: object) -> None:
    """The paragraph typed in TCVN3 (ABC), in .VnTime: the same text, read back by its font."""
    from tests.fixtures.habits_legacy import tcvn3

    for t in p.iter(w("t")):  # type: ignore[attr-defined]
        t.text = tcvn3(t.text or "")
    set_run(p, "rFonts", ascii=".VnTime", hAnsi=".VnTime")  # type: ignore[arg-type]


def _line_break(p: object) -> None:
    """A manual line break after "XÃ HỘI": the Quốc hiệu now prints on two lines."""
    t = p.find(f"{w('r')}/{w('t')}")  # type: ignore[attr-defined]
    head, tail = t.text.split(" CHỦ ")
    t.text = head
    t.addnext(t.makeelement(w("br"), {}))
    rest = t.makeelement(w("t"), {})
    rest.text = "CHỦ " + tail
    t.getnext().addnext(rest)


def _first_body(d: Docx) -> object:
    return d.find("Thực hiện Kế hoạch số 40")


def _drop_end_mark(d: Docx) -> None:
    last = [p for p in d.paragraphs() if text(p).endswith(nd30.BODY_END_MARK)][-1]
    replace_text(last, nd30.BODY_END_MARK, ".")


def _end_mark_after(d: Docx, punctuation: str) -> None:
    last = [p for p in d.paragraphs() if text(p).endswith(nd30.BODY_END_MARK)][-1]
    replace_text(last, nd30.BODY_END_MARK, punctuation + nd30.BODY_END_MARK)


def _drop_header_refs(d: Docx) -> None:
    for sect in d.tree().iter(w("sectPr")):
        for ref in sect.findall(w("headerReference")):
            remove(ref)


def edit(starts: str, old: str, new: str) -> Callable[[Docx], None]:
    return lambda d: replace_text(d.find(starts), old, new)


def indent(starts: str, side: str) -> Callable[[Docx], None]:
    return lambda d: set_ppr(_line_after(d, starts), "ind", left=side, right=side)


def squeeze(starts: str, side: str) -> Callable[[Docx], None]:
    """Indent a paragraph itself on both sides, so that its text no longer fits the room left."""
    return lambda d: set_ppr(d.find(starts), "ind", left=side, right=side)


DATE_LINE = "Hoàng Kim, ngày"
TITLE = "Triển khai thực hiện công tác"

CASES = [
    Case("page.size", "plan", lambda d: _set_attr(_sect(d).find(w("pgSz")), w="12240", h="15840")),
    Case("page.orientation", "plan", lambda d: _set_attr(_sect(d).find(w("pgSz")), orient="landscape")),
    Case("page.margins", "plan", lambda d: _set_attr(_sect(d).find(w("pgMar")), right="1417")),
    Case("font.family", "plan", lambda d: set_run(_first_body(d), "rFonts", ascii="Arial", hAnsi="Arial")),
    Case("font.slots", "plan", lambda d: set_run(_first_body(d), "rFonts", eastAsia="SimSun")),
    Case("font.color", "plan", lambda d: set_run(_first_body(d), "color", val="FF0000")),
    Case("text.nfc", "plan", lambda d: _nfd(_first_body(d))),
    Case("text.encoding", "plan", lambda d: _tcvn3(_first_body(d))),
    Case("components.required", "plan", lambda d: remove(d.find("Nơi nhận"))),
    Case("national-title.text", "plan", edit("CỘNG HÒA", "VIỆT NAM", "VIỆTNAM")),
    Case("national-title.one-line", "plan", lambda d: _line_break(d.find("CỘNG HÒA"))),
    Case("motto.text", "plan", edit("Độc lập", "Độc lập - ", "Độc lập – ")),
    Case("motto.rule", "plan", lambda d: _no_border(_line_after(d, "Độc lập"))),
    Case("motto.rule-length", "plan", indent("Độc lập", "1500")),
    Case("parent-body.fits", "report", squeeze("ỦY BAN NHÂN DÂN", "1400")),
    Case("issuer.fits", "plan", squeeze("XÃ HOÀNG KIM", "1400")),
    Case("issuer.full-name", "plan", edit("ỦY BAN NHÂN DÂN", "ỦY BAN NHÂN DÂN", "UBND")),
    Case("issuer.rule", "plan", lambda d: _no_border(_line_after(d, "XÃ HOÀNG KIM"))),
    Case("issuer.rule-length", "plan", indent("XÃ HOÀNG KIM", "200")),
    Case("number.format", "plan", edit("Số:", "Số:", "Số")),
    Case("number.leading-zero", "plan", edit("Số:", "05/", "5/")),
    Case("number.blank", "plan", edit("Số:", "05/", "\u00a0\u00a0\u00a0/")),
    Case("number.symbol", "plan", edit("Số:", "/KH-", "/BC-")),
    Case("letter-summary.label", "letter", edit("V/v", "V/v", "Về việc")),
    Case("place-date.format", "plan", edit(DATE_LINE, "ngày 05 tháng 3 năm 2024", "ngày 05/3/2024")),
    Case("place-date.leading-zero", "plan", edit(DATE_LINE, "tháng 3", "tháng 03")),
    Case("place-date.blank", "plan", edit(DATE_LINE, "ngày 05", "ngày \u00a0")),
    Case("summary.rule", "plan", lambda d: _no_border(_line_after(d, TITLE))),
    Case("summary.rule-length", "plan", indent(TITLE, "100")),
    Case("body.first-line-indent", "plan", lambda d: set_ppr(_first_body(d), "ind", firstLine="0")),
    Case("body.spacing", "plan", lambda d: set_ppr(d.find("I. MỤC ĐÍCH"), "spacing", before="0")),
    Case("body.line-spacing", "plan",
         lambda d: set_ppr(_first_body(d), "spacing", line="480", lineRule="auto")),
    Case("body.end-mark", "plan", _drop_end_mark),
    Case("body.end-mark", "plan", lambda d: _end_mark_after(d, ";")),
    Case("numbering.sequence", "plan", edit("2. Bảo đảm", "2.", "3.")),
    Case("legal-basis.punctuation", "decision", edit("Căn cứ Luật", "2015;", "2015")),
    Case("addressees.punctuation", "letter", edit("- Trạm Y tế xã", "xã;", "xã")),
    Case("recipients.punctuation", "plan", edit("- Phòng Văn hóa", "(b/c);", "(b/c)")),
    Case("recipients.archive", "plan", edit("- Lưu: VT", "Lưu: VT, VP (2)", "Lưu trữ")),
    Case("signature.collective", "plan", lambda d: remove(d.find("TM. ỦY BAN"))),
    Case("signature.authority", "plan", edit("TM. ỦY BAN", "TM.", "T/M")),
    Case("document.type", "plan", edit("KẾ HOẠCH", "KẾ HOẠCH", "KẾ SÁCH")),
    # a number with its year: a legal normative document's (Art. 4.2.a), not the decree's to judge
    Case("document.scope", "plan", edit("Số:", "05/KH-", "05/2024/QĐ-")),
    Case("signature.in-person", "minutes", edit("CHỦ TỌA", "CHỦ TỌA", "TM. CHỦ TỌA")),
    Case("page-number.present", "plan", _drop_header_refs),
    Case("page-number.position", "plan", lambda d: set_ppr(_page_header(d), "jc", val="left")),
    Case("page-number.first-page", "plan", lambda d: remove(_sect(d).find(w("titlePg")))),
    Case("page-number.size", "plan", lambda d: set_run(_page_header(d), "sz", val="24")),
    Case("page-number.bold", "plan", lambda d: set_run(_page_header(d), "b")),
    Case("page-number.italic", "plan", lambda d: set_run(_page_header(d), "i")),
    Case("urgency.stamp", "report", lambda d: _set_attr(next(d.tree().iter(w("trHeight"))), val="680")),
    Case("copy.number", "decision", edit("Số: 05/SY", "SY", "SL")),
    Case("copy.archive", "decision",  # the copy's "- Lưu: VT." is the document's last
         lambda d: replace_text([p for p in d.paragraphs() if text(p) == "- Lưu: VT."][-1], "Lưu: VT.",
                                "Lưu trữ.")),
]


@pytest.mark.parametrize("case", CASES, ids=[c.rule for c in CASES])
def test_rule_fires_alone(case: Case) -> None:
    docx = Docx(base(case.base))
    case.mutate(docx)
    report = check(docx.data(), name=case.base)
    assert report.rule_ids() == {case.rule}, report.to_text()


def test_every_rule_is_broken_by_some_test() -> None:
    in_test_tables = {"table-header.size", "table-cell.size"}  # tests/test_tables.py breaks these
    in_test_footnotes = {"footnote.size"}  # tests/test_footnotes.py breaks it
    in_test_header = {"summary.own-line", "national-title.first-page"}  # tests/fixtures/habits_header.py
    covered = ({c.rule for c in CASES} | {f"{r.value}.{p}" for r, p in TYPOGRAPHY}
               | {f"contact.{p}" for p in CONTACT} | in_test_tables | in_test_footnotes
               | in_test_header)
    assert covered == set(RULES)
