"""Properties of the rendered plan, read back from the .docx with Word's inheritance rules.

Formatting is resolved by vbhc.ooxml.resolve (docDefaults -> styles -> direct formatting), so these
tests see what Word shows, not what the writer meant to write.
"""

from __future__ import annotations

import io
import re
import zipfile

import pytest

from tests.conftest import W, part
from vbhc import nd30
from vbhc.check import check_document
from vbhc.layout import lay_out
from vbhc.layout.metrics import text_width_pt
from vbhc.model import Article, Document, IssueDate, Issuer, Item, Paragraph, Signature
from vbhc.ooxml.resolve import ResolvedDocument, ResolvedParagraph, read_document
from vbhc.readers.spec.markup import parse_markup
from vbhc.writers.docx.writer import render_bytes

CM_PER_PT = 2.54 / 72


@pytest.fixture(scope="module")
def doc(plan_docx: bytes) -> ResolvedDocument:
    return read_document(plan_docx)


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def find(doc: ResolvedDocument, text: str) -> ResolvedParagraph:
    """The one paragraph whose text, with blanks squashed, is ``text``."""
    matches = [p for p in doc.paragraphs if squash(p.text) == text]
    assert len(matches) == 1, f"{text!r} found {len(matches)} times"
    return matches[0]


def looks(p: ResolvedParagraph) -> tuple[set[float], set[bool], set[bool]]:
    runs = p.visible_runs
    return {r.size_pt for r in runs}, {r.bold for r in runs}, {r.italic for r in runs}


def test_page_set_up(doc: ResolvedDocument) -> None:
    (section,) = doc.sections
    assert (section.page_width_mm, section.page_height_mm) == pytest.approx((210, 297), abs=0.1)
    assert section.orientation == "portrait"
    m = section.margins
    assert m["top"] == pytest.approx(nd30.MARGIN_TOP_MM, abs=0.1)
    assert m["bottom"] == pytest.approx(nd30.MARGIN_BOTTOM_MM, abs=0.1)
    assert m["left"] == pytest.approx(nd30.MARGIN_LEFT_MM, abs=0.1)
    assert m["right"] == pytest.approx(nd30.MARGIN_RIGHT_MM, abs=0.1)
    for side, allowed in (("top", nd30.MARGIN_TOP_RANGE), ("left", nd30.MARGIN_LEFT_RANGE),
                          ("right", nd30.MARGIN_RIGHT_RANGE), ("bottom", nd30.MARGIN_BOTTOM_RANGE)):
        assert round(m[side], 1) in allowed


def test_page_numbers_from_page_two_centred_at_the_top(doc: ResolvedDocument) -> None:
    (section,) = doc.sections
    assert section.title_page  # a different (empty) first-page header
    default = doc.headers[section.headers["default"]]
    first = doc.headers[section.headers["first"]]
    assert any(p.has_page_field for p in default)
    assert not any(p.has_page_field or p.text.strip() for p in first)
    number = next(p for p in default if p.has_page_field)
    assert number.alignment == "center"
    assert number.sizes == {nd30.PAGE_NUMBER.default_size}
    assert doc.footers == {} or all(not p.text.strip() for ps in doc.footers.values() for p in ps)


def test_every_run_is_times_new_roman_in_all_four_slots(doc: ResolvedDocument) -> None:
    paragraphs = [*doc.paragraphs, *(p for ps in doc.headers.values() for p in ps)]
    runs = [r for p in paragraphs for r in p.runs if r.text.strip()]
    assert len(runs) > 100
    for run in runs:
        assert run.fonts == {"ascii": nd30.FONT_NAME, "hAnsi": nd30.FONT_NAME,
                             "eastAsia": nd30.FONT_NAME, "cs": nd30.FONT_NAME}, run.text
        assert run.color in (nd30.FONT_COLOR, "auto")
        assert run.lang["val"] == nd30.LANGUAGE_TAG


@pytest.mark.parametrize(("text", "typography"), [
    ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", nd30.NATIONAL_TITLE),
    ("Độc lập - Tự do - Hạnh phúc", nd30.MOTTO),
    ("ỦY BAN NHÂN DÂN", nd30.ISSUER),
    ("XÃ HOÀNG KIM", nd30.ISSUER),
    ("Số: /KH-UBND", nd30.NUMBER),
    ("Hoàng Kim, ngày tháng 02 năm 2024", nd30.PLACE_DATE),
    ("KẾ HOẠCH", nd30.DOCUMENT_TYPE_NAME),
    ("I. MỤC ĐÍCH, YÊU CẦU", nd30.HEADING),
    ("1. Mục đích", nd30.ITEM_TITLE),
    ("TM. ỦY BAN NHÂN DÂN", nd30.SIGNATURE_TITLE),
    ("CHỦ TỊCH", nd30.SIGNATURE_TITLE),
    ("Lê Quang Thành", nd30.SIGNER_NAME),
    ("Nơi nhận:", nd30.RECIPIENTS_HEADING),
    ("- Lưu: VT.", nd30.RECIPIENT),
])
def test_component_sizes_and_styles(doc: ResolvedDocument, text: str,
                                    typography: nd30.Typography) -> None:
    p = find(doc, text)
    assert looks(p) == ({typography.default_size}, {typography.bold}, {typography.italic})
    assert p.visible_runs[0].size_pt in typography.size
    expected = {nd30.Align.CENTER: "center", nd30.Align.LEFT: "left", nd30.Align.JUSTIFY: "both"}
    assert p.alignment == expected[typography.align]
    if typography.case is nd30.Case.UPPER:
        assert p.text == p.text.upper()


def test_summary_is_bold_and_body_is_justified_with_indent_and_spacing(
        doc: ResolvedDocument, plan: Document) -> None:
    summary = next(p for p in doc.paragraphs if p.text == plan.summary.plain)
    assert looks(summary) == ({nd30.SUMMARY.default_size}, {True}, {False})
    starts = ("Thực hiện Kế hoạch", "- Các phòng", "+ Đăng ký", "Kinh phí thực hiện")
    body = [p for p in doc.paragraphs if p.table is None and p.text.startswith(starts)]
    assert len(body) >= 4
    for p in body:
        assert p.alignment == "both"
        assert p.first_line_cm == pytest.approx(nd30.FIRST_LINE_INDENT_CM, abs=0.01)
        assert p.space_before_pt >= nd30.PARAGRAPH_SPACING_MIN_PT
        assert p.line_spacing_rule == "auto"
        assert p.line_spacing in nd30.LINE_SPACING_RANGE
        assert p.sizes == {nd30.BODY.default_size}
    italic = [r.text for p in doc.paragraphs for r in p.visible_runs if r.italic and "Infographic" in r.text]
    assert italic == ["Infographic, video clip, phim tài liệu"]  # *...* in the seed


def test_header_table_keeps_the_quoc_hieu_on_one_line(doc: ResolvedDocument) -> None:
    header = doc.tables[0]
    assert header.layout == "fixed"
    assert not header.has_borders
    assert [c.width_cm for c in header.rows[0]] == pytest.approx(list(header.grid_cm), abs=0.01)
    right_cm = header.grid_cm[1]
    title_cm = text_width_pt(nd30.NATIONAL_TITLE_TEXT, nd30.NATIONAL_TITLE.default_size,
                             bold=True) * CM_PER_PT
    assert title_cm < right_cm
    assert sum(header.grid_cm) == pytest.approx((210 - nd30.MARGIN_LEFT_MM - nd30.MARGIN_RIGHT_MM) / 10,
                                                abs=0.01)
    qh = find(doc, nd30.NATIONAL_TITLE_TEXT)
    assert qh.table is not None and qh.table[0] == 0 and qh.table[2] == 1  # right column
    assert find(doc, "ỦY BAN NHÂN DÂN").table[2] == 0  # type: ignore[index]


def rule_widths(doc: ResolvedDocument) -> list[tuple[ResolvedParagraph, float]]:
    """Paragraphs that draw a line (a top border and no text) with the line's length in cm."""
    out = []
    for p in doc.paragraphs:
        if "top" in p.borders and not p.text.strip():
            if p.table is not None:
                table = doc.tables[p.table[0]]
                within = table.grid_cm[p.table[2]]
            else:
                within = (210 - nd30.MARGIN_LEFT_MM - nd30.MARGIN_RIGHT_MM) / 10
            out.append((p, within - p.indent_left_cm - p.indent_right_cm))
    return out


def test_lines_under_issuer_motto_and_summary(doc: ResolvedDocument, plan: Document) -> None:
    rules = rule_widths(doc)
    assert len(rules) == 3
    issuer_w = max(text_width_pt(x, nd30.ISSUER.default_size, bold=True)
                   for x in ("ỦY BAN NHÂN DÂN", "XÃ HOÀNG KIM")) * CM_PER_PT
    motto_w = text_width_pt(nd30.MOTTO_TEXT, nd30.MOTTO.default_size, bold=True) * CM_PER_PT
    (issuer_rule, a), (motto_rule, b), (summary_rule, c) = rules
    assert issuer_rule.table == (0, 0, 0) and motto_rule.table == (0, 0, 1)
    assert summary_rule.table is None
    assert 1 / 3 <= a / issuer_w <= 1 / 2
    assert b == pytest.approx(motto_w, abs=0.05)  # as long as the Tiêu ngữ
    text_cm = (210 - nd30.MARGIN_LEFT_MM - nd30.MARGIN_RIGHT_MM) / 10
    assert 1 / 3 <= c / text_cm <= 1 / 2  # the summary wraps: its line is the text width
    for p, _ in rules:
        assert p.borders["top"][0] == "single"
    assert not any("___" in p.text or "───" in p.text for p in doc.paragraphs)


def test_body_ends_with_the_closing_mark(doc: ResolvedDocument) -> None:
    signature_start = find(doc, "Nơi nhận:").index
    before = [p for p in doc.paragraphs if p.index < signature_start and p.text.strip()]
    assert before[-1].text.endswith("giải quyết./.")


def test_numbering_is_typed_from_the_model_not_word_lists(doc: ResolvedDocument,
                                                         plan: Document) -> None:
    assert all(p.numbering_label is None for p in doc.paragraphs)
    rendered = [re.match(r"^([IVX]+\.|\d+\.|[a-zđ]\)|-|\+) ", p.text) for p in doc.paragraphs
                if p.table is None]
    labels = [m.group(1) for m in rendered if m]
    expected = [line.label for line in lay_out(plan).body if line.label]
    assert labels == expected
    with zipfile.ZipFile(io.BytesIO(render_bytes(plan))) as archive:
        assert "word/numbering.xml" not in archive.namelist()


def test_user_text_is_printed_literally() -> None:
    hostile = "{{ 7*7 }} {% if x %} <w:p> &amp; 😀"
    document = Document(
        type="thong-bao", issuer=Issuer(name="Ủy ban nhân dân xã A", abbreviation="UBND"),
        place="A", date=IssueDate(2024, 5, 6), summary=hostile, body=[Paragraph(hostile)],
        signatures=Signature(position="Chủ tịch", name="Nguyễn <b>"))
    resolved = read_document(render_bytes(document))
    texts = [p.text for p in resolved.paragraphs]
    assert hostile in texts and f"{hostile}./." in texts and "Nguyễn <b>" in texts
    xml = part(render_bytes(document), "word/document.xml")
    assert xml.find(f".//{W}p") is not None


def test_two_signers_side_by_side_and_no_place_date_for_bien_ban() -> None:
    document = Document(
        type="bien-ban", issuer=Issuer(name="Ủy ban nhân dân xã A", abbreviation="UBND"),
        place="A", date=IssueDate(2024, 5, 6), summary="Họp", body=["Nội dung."],
        signatures=[Signature(position="Thư ký", name="Trần C"),
                    Signature(position="Chủ tọa", name="Lê D")])
    resolved = read_document(render_bytes(document))
    clerk, chair = find(resolved, "THƯ KÝ"), find(resolved, "CHỦ TỌA")
    assert clerk.table is not None and chair.table is not None
    assert clerk.table[:2] == chair.table[:2] and (clerk.table[2], chair.table[2]) == (0, 1)
    assert not any(", ngày " in p.text for p in resolved.paragraphs)


def test_an_article_prints_only_its_number_and_title_in_bold() -> None:
    """PL I, II.6.đ: "Điều", its number and title in bold; PL III, Mẫu 1.3: its text upright and regular."""
    document = Document(
        type="quyet-dinh", issuer=Issuer(name="Ủy ban nhân dân xã A", abbreviation="UBND"),
        place="A", date=IssueDate(2024, 5, 6), summary="Về việc thành lập Tổ công tác",
        enacting_authority="Chủ tịch Ủy ban nhân dân xã A",
        legal_bases=["Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015."],
        body=[Article(text="Thành lập Tổ công tác, gồm các ông (bà) có tên sau:",
                      children=[Item(text="Ông Nguyễn Văn A, Tổ trưởng.")]),
              Article("Hiệu lực", text=parse_markup("Quyết định có hiệu lực kể từ ngày **ký**."))],
        signatures=Signature(position="Chủ tịch", name="Nguyễn Văn B"))
    resolved = read_document(render_bytes(document))

    def weights(text: str) -> list[tuple[str, bool, bool]]:
        return [(r.text, r.bold, r.italic) for r in find(resolved, text).visible_runs]

    assert weights("Điều 1. Thành lập Tổ công tác, gồm các ông (bà) có tên sau:") == [
        ("Điều 1.", True, False), (" Thành lập Tổ công tác, gồm các ông (bà) có tên sau:", False, False)]
    assert {bold for _, bold, _ in weights("Điều 2. Hiệu lực")} == {True}
    assert weights("Quyết định có hiệu lực kể từ ngày ký./.") == [
        ("Quyết định có hiệu lực kể từ ngày ", False, False), ("ký", True, False), ("./.", False, False)]
    assert not find(resolved, "1. Ông Nguyễn Văn A, Tổ trưởng.").visible_runs[0].bold
    assert check_document(resolved).errors == 0
