"""Build the office forms shipped in forms/ (python-docx), so that they are reviewable and reproducible.

Each form is an office's own Word file with Jinja tags (docs/forms.md), laid out per Decree 30 where it
applies: A4 and its margins (PL I, I.1 and I.3), Times New Roman in all four font slots (I.4), the
two-column header with the issuer (bold, 12 pt) over its short line and the number on the left, the
Quốc hiệu (12 pt bold) and Tiêu ngữ (13 pt bold, a line as long as it) and the place and date (13 pt
italic) on the right, the tên loại and trích yếu (14 pt bold), the body (14 pt, justified, first line
indented 1.27 cm), Nơi nhận (12 pt bold italic over 11 pt lines) and the signature (14 pt bold).
Sizes are the decree's worked example (PL I, Mục V), as vbhc's own template uses.

    python scripts/build_forms.py          # rewrites forms/*.docx; tests/test_forms_shipped.py checks them
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

import docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from lxml import etree

from vbhc import nd30
from vbhc.layout.metrics import text_width_pt
from vbhc.ooxml.build import write_package

ROOT = Path(__file__).resolve().parent.parent
FORMS = ROOT / "forms"
FONT = "Times New Roman"
TEXT_WIDTH_MM = 210 - 30 - 15  # A4 less the left (30 mm) and right (15 mm) margins: PL I, I.3
LEFT_MM = TEXT_WIDTH_MM * 0.4  # the header's columns, as vbhc's writer splits them (layout/header.py)
RIGHT_MM = TEXT_WIDTH_MM - LEFT_MM
CENTER, JUSTIFY, LEFT = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.LEFT
PT_PER_MM = 72 / 25.4


def fonts(rpr: etree._Element) -> None:
    """Times New Roman in all four slots of ``rpr``'s rFonts, no theme fonts (PL I, I.4)."""
    found = rpr.find(qn("w:rFonts"))
    if found is None:
        found = OxmlElement("w:rFonts")
        rpr.insert(0, found)
    for key in list(found.attrib):
        del found.attrib[key]
    for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
        found.set(qn(f"w:{slot}"), FONT)


def para(container, text: str = "", size: float = 14, *, bold: bool = False, italic: bool = False,
         align=CENTER, before: float = 0, after: float = 0, first_line_cm: float | None = None,
         keep: bool = False):
    """A paragraph of one run, set as the arguments say."""
    p = container.add_paragraph()
    p.alignment = align
    f = p.paragraph_format
    f.space_before, f.space_after, f.line_spacing = Pt(before), Pt(after), 1.0
    if first_line_cm is not None:
        f.first_line_indent = Cm(first_line_cm)
    f.keep_with_next = keep
    if text:
        run = p.add_run(text)
        run.font.size, run.font.bold, run.font.italic = Pt(size), bold, italic
        fonts(run._r.get_or_add_rPr())
    return p


def rule(container, line_pt: float, column_mm: float, after: float = 0) -> None:
    """A solid line ``line_pt`` long, centred in a column ``column_mm`` wide: an empty paragraph's
    bottom border between indents (never underscores: PL I, II.1.b, II.2.b, II.5.b)."""
    p = para(container, after=after)
    side = max((column_mm * PT_PER_MM - line_pt) / 2, 0)
    p.paragraph_format.left_indent = p.paragraph_format.right_indent = Pt(side)
    ppr = p._p.get_or_add_pPr()
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "auto")):
        bottom.set(qn(f"w:{key}"), value)
    border.append(bottom)
    ppr.insert(0, border)
    rpr = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "4")
    rpr.append(size)
    ppr.append(rpr)


def table(document, widths_mm: tuple[float, ...]):
    """A borderless fixed-layout table with columns ``widths_mm`` wide."""
    t = document.add_table(rows=1, cols=len(widths_mm))
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    t._tbl.tblPr.append(layout)
    margins = OxmlElement("w:tblCellMar")  # no cell margins: the Quốc hiệu keeps the column's width
    for side in ("left", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), "0")
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    t._tbl.tblPr.append(margins)
    for column, width in zip(t._tbl.tblGrid.iter(qn("w:gridCol")), widths_mm, strict=True):
        column.set(qn("w:w"), str(round(width * 1440 / 25.4)))  # the grid fixes a fixed table's columns
    for cell, width in zip(t.rows[0].cells, widths_mm, strict=True):
        cell.width = Mm(width)
        cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
    return t


def header(document, number: str) -> None:
    """Ô 1 to 4: cơ quan chủ quản and ban hành over a short line and the number (left); the Quốc hiệu, the
    Tiêu ngữ over a line as long as it, and the place and date (right)."""
    left, right = table(document, (LEFT_MM, RIGHT_MM)).rows[0].cells
    para(left, "{%p for dong in co_quan_chu_quan.dong %}")
    para(left, "{{ dong }}", 12)
    para(left, "{%p endfor %}")
    para(left, "{%p for dong in co_quan_ban_hanh.dong %}")
    para(left, "{{ dong }}", 12, bold=True)
    para(left, "{%p endfor %}")
    # A form's line cannot follow the text filled in: sized for a commune's widest line.
    rule(left, text_width_pt("ỦY BAN NHÂN DÂN", 12, bold=True) * nd30.ISSUER_RULE_FRACTION, LEFT_MM, after=6)
    para(left, number, 13)
    para(right, "{{ quoc_hieu }}", 12, bold=True)
    para(right, "{{ tieu_ngu }}", 13, bold=True)
    rule(right, text_width_pt(nd30.MOTTO_TEXT, 13, bold=True), RIGHT_MM, after=6)
    para(right, "{{ dia_danh_ngay }}", 13, italic=True)


def title(document, name: str, summary: str | None) -> None:
    """Ô 5a: the form's own name in capitals, the trích yếu under it, a short line: sized for ``summary``,
    a typical trích yếu of the form (a form's line cannot follow the text filled in), else the name."""
    para(document, name, 14, bold=True, before=18)
    if summary is not None:
        para(document, "{%p if trich_yeu %}")
        para(document, "{{ trich_yeu }}", 14, bold=True)
        para(document, "{%p endif %}")
    shown = text_width_pt(summary or name, 14, bold=True)
    rule(document, shown * nd30.SUMMARY_RULE_FRACTION, TEXT_WIDTH_MM, after=12)


def body(document, text: str) -> None:
    para(document, text, 14, align=JUSTIFY, after=6, first_line_cm=1.27)


def closing(document) -> None:
    """Ô 9b and 7: Nơi nhận (left) and the signer's lines, room to sign, and the name (right)."""
    left, right = table(document, (TEXT_WIDTH_MM / 2, TEXT_WIDTH_MM / 2)).rows[0].cells
    para(left, "Nơi nhận:", 12, bold=True, italic=True, align=LEFT, before=12)
    para(left, "{%p for dong in noi_nhan %}")
    para(left, "{{ dong }}", 11, align=LEFT)
    para(left, "{%p endfor %}")
    para(right, "{%p for ky in chu_ky %}")
    para(right, "{{ ky.dong|join('\\n') }}", 14, bold=True, before=12)
    para(right, "{{ ky.ho_ten }}", 14, bold=True, before=72)
    para(right, "{%p endfor %}")


# What python-docx's default template carries that a form does not need: its thumbnail (a picture of
# another page), custom XML, Word 2010's copy of the styles, web settings.
DROPPED_PARTS = ("thumbnail", "customXml", "stylesWithEffects", "webSettings")
KEPT_STYLES = ("Normal", "DefaultParagraphFont", "TableNormal", "NoList", "TableGrid")


def lean(document) -> None:
    """``document`` without the parts in DROPPED_PARTS, the latent styles and the styles no form uses."""
    for rels, drop in ((document.part.package.rels, document.part.package.rels.pop),
                       (document.part.rels, document.part.rels.pop)):
        for rid in [r.rId for r in rels.values() if r.reltype.rsplit("/", 1)[-1] in DROPPED_PARTS]:
            drop(rid)
    styles = document.styles.element
    for child in list(styles):
        if child.tag == qn("w:latentStyles") or (
                child.tag == qn("w:style") and child.get(qn("w:styleId")) not in KEPT_STYLES):
            styles.remove(child)


def new_document():
    document = docx.Document()
    lean(document)
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)  # PL I, I.1
    section.top_margin = section.bottom_margin = Mm(20)  # PL I, I.3
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    styles = document.styles.element
    for rpr in styles.iter(qn("w:rPr")):
        fonts(rpr)
    defaults = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts(defaults)
    normal = document.styles["Normal"]
    normal.font.size = Pt(14)
    fonts(normal.element.get_or_add_rPr())
    document.core_properties.author = "vbhc"
    document.core_properties.last_modified_by = "vbhc"
    return document


def giay_xac_nhan() -> docx.document.Document:
    """GIẤY XÁC NHẬN: a commune certifies what the spec's body says (its own code XN in the number)."""
    document = new_document()
    header(document, "Số: {{ so_ky_hieu.so }}/XN-{{ so_ky_hieu.co_quan }}")
    title(document, "GIẤY XÁC NHẬN", summary="Về việc cư trú tại địa phương")
    body(document, "{{ spec.issuer.name|join(' ') }} xác nhận:")
    para(document, "{%p for doan in noi_dung %}")
    body(document, "{{ doan.text }}")
    para(document, "{%p endfor %}")
    closing(document)
    return document


def giay_gioi_thieu() -> docx.document.Document:
    """GIẤY GIỚI THIỆU with a box where the receiving office confirms the visit, under the signature: a
    layout the decree does not define (Mẫu 1.8 has none); the introduction's particulars as labelled
    lines."""
    document = new_document()
    header(document, "{{ so_ky_hieu }}")
    title(document, "GIẤY GIỚI THIỆU", summary=None)
    para(document, "{{ spec.issuer.name|join(' ') }} trân trọng giới thiệu:", 14, after=6)  # centred: Mẫu 1.8
    body(document, "Ông (bà): {{ chi_tiet.person }}")
    para(document, "{%p if chi_tiet.position %}")
    body(document, "Chức vụ: {{ chi_tiet.position }}")
    para(document, "{%p endif %}")
    body(document, "Được cử đến: {{ chi_tiet.sent_to }}")
    body(document, "Về việc: {{ chi_tiet.purpose }}")
    body(document, "Đề nghị Quý cơ quan tạo điều kiện để ông (bà) có tên ở trên hoàn thành nhiệm vụ.")
    body(document, "Giấy này có giá trị đến hết {{ chi_tiet.valid_until.text }}./.")

    closing(document)
    para(document, before=12)
    cell = table(document, (TEXT_WIDTH_MM / 2,)).rows[0].cells[0]
    cell._tc.get_or_add_tcPr().append(_box_borders())
    para(cell, "XÁC NHẬN CỦA CƠ QUAN NƠI ĐẾN", 13, bold=True, before=6)
    para(cell, "(Ký, ghi rõ họ tên, đóng dấu)", 13, italic=True, after=72)
    return document


def _box_borders():
    """A single line around a table cell."""
    borders = OxmlElement("w:tcBorders")
    for side in ("top", "left", "bottom", "right"):
        line = OxmlElement(f"w:{side}")
        for key, value in (("val", "single"), ("sz", "6"), ("space", "0"), ("color", "auto")):
            line.set(qn(f"w:{key}"), value)
        borders.append(line)
    return borders


FORM_BUILDERS = {"giay-xac-nhan.docx": giay_xac_nhan, "giay-gioi-thieu.docx": giay_gioi_thieu}


def form_bytes(name: str) -> bytes:
    """The bytes of form ``name``, zipped with fixed timestamps: the same every time."""
    out = io.BytesIO()
    FORM_BUILDERS[name]().save(out)
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as archive:
        parts = [(info.filename, archive.read(info)) for info in archive.infolist()]
    fixed = io.BytesIO()
    write_package(parts, fixed)
    return fixed.getvalue()


def main(argv: list[str]) -> int:
    FORMS.mkdir(exist_ok=True)
    for name in FORM_BUILDERS:
        (FORMS / name).write_bytes(form_bytes(name))
        print(f"wrote {FORMS / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
