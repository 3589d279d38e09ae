"""Footnotes (issue 10 item 7): ``^[text]`` in a spec's text, a footnote span in the model, Word footnotes
in the .docx (numbered by Word, the mark superscript, the note at nd30.FOOTNOTE's size in Times New
Roman), read back by the checker as footnotes, never as body paragraphs, and kept by ``--fix``."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from tests.conftest import make_document, part
from vbhc import nd30
from vbhc.check import check, open_docx, read_document
from vbhc.check.checks import check_document
from vbhc.check.fix import fix_package
from vbhc.cli import main
from vbhc.errors import FieldError
from vbhc.layout.line import end_with
from vbhc.model import Appendix, Dash, Paragraph, Span, Text
from vbhc.model.document import word_xml_estimate
from vbhc.pipeline import read
from vbhc.readers.spec.markup import parse_markup, to_markup
from vbhc.writers.docx.writer import render_bytes

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
PR = "{http://schemas.openxmlformats.org/package/2006/relationships}"
HOSTILE = "Gồm <w:p> & {{ x }} &amp;"

SPEC = f"""\
type: ke-hoach
issuer: {{name: [Ủy ban nhân dân, xã Hoàng Kim], abbreviation: UBND}}
place: Hoàng Kim
date: 2024-03-05
number: 5
summary: Triển khai công tác bình đẳng giới^[Theo Kế hoạch số 40/KH-UBND ngày 23/02/2024.]
body: |
  I. MỤC ĐÍCH
  1. Mục đích
  Triển khai đồng bộ^[{HOSTILE}] các giải pháp^[Số liệu *năm 2023* [ước tính]].
  - Tỷ lệ 2^3 và 5 * 4 giữ nguyên.
signatures: [{{position: Chủ tịch, name: Lê Văn A, mandates: [TM. Ủy ban nhân dân]}}]
"""
NOTES = ["Theo Kế hoạch số 40/KH-UBND ngày 23/02/2024.", HOSTILE, "Số liệu năm 2023 [ước tính]"]


@pytest.fixture(scope="module")
def docx(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = tmp_path_factory.mktemp("notes") / "plan.yaml"
    path.write_text(SPEC, encoding="utf-8")
    return render_bytes(read(path).document)


def _text(node: etree._Element) -> str:
    return "".join(t.text or "" for t in node.iter(f"{W}t"))


# ---- the markup and the model ---------------------------------------------------------------------


def test_the_markup_makes_a_footnote_span_where_its_mark_stands() -> None:
    text = parse_markup("Kế hoạch^[Theo *Quyết định* [số 12]] năm 2024.")
    assert [s.text for s in text.spans] == ["Kế hoạch", "", " năm 2024."]
    note = text.spans[1].note
    assert note is not None and note.plain == "Theo Quyết định [số 12]"
    assert [s.italic for s in note.spans] == [False, True, False]
    assert text.plain == "Kế hoạch năm 2024." and text.notes == (note,)
    assert parse_markup(to_markup(text)) == text


@pytest.mark.parametrize("typed, printed", [
    ("2^3 và 2^[", "2^3 và 2^["),  # a caret, and a footnote never closed: as typed
    ("a ^[] b", "a ^[] b"),  # an empty one: as typed
    ("a \\^[b] c", "a ^[b] c"),  # escaped
])
def test_what_is_not_a_footnote_stays_as_typed(typed: str, printed: str) -> None:
    text = parse_markup(typed)
    assert text.plain == printed and text.notes == ()
    assert parse_markup(to_markup(text)) == text


def test_a_footnote_span_is_checked() -> None:
    assert Span.footnote("Ghi chú").note == Text("Ghi chú")
    with pytest.raises(FieldError, match="nested footnote"):
        Span.footnote(Text((Span("a"), Span.footnote("b"))))
    with pytest.raises(FieldError, match="a footnote with text"):
        Span.footnote(" ")
    with pytest.raises(FieldError, match="a footnote on one line"):
        Span.footnote("a\nb")
    with pytest.raises(FieldError, match="without text of its own"):
        Span("x", note=Text("y"))
    # Neither joined with its neighbours nor dropped; kept by upper() and rstrip().
    text = Text((Span("A"), Span.footnote("n"), Span("B")))
    assert len(text.spans) == 3 and text.upper().notes == text.notes and text.rstrip().notes == text.notes


def test_a_bad_character_in_a_footnote_names_its_field(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(SPEC.replace("^[Số liệu", "^[Số\u200fliệu"), encoding="utf-8")
    assert "\u200f" in path.read_text(encoding="utf-8")
    assert main(["validate", str(path)]) == 2
    assert re.search(r"plan\.yaml:\d+: body\S*: expected .*right-to-left mark", capsys.readouterr().err)


# ---- the .docx ------------------------------------------------------------------------------------


def test_each_footnote_is_a_superscript_reference_and_a_note_in_reading_order(docx: bytes) -> None:
    root = part(docx, "word/document.xml")
    refs = list(root.iter(f"{W}footnoteReference"))
    assert [r.get(f"{W}id") for r in refs] == ["1", "2", "3"]
    for ref in refs:
        assert ref.getparent().find(f"{W}rPr/{W}vertAlign").get(f"{W}val") == "superscript"
    summary = next(p for p in root.iter(f"{W}p") if _text(p) == "Triển khai công tác bình đẳng giới")
    assert summary.find(f".//{W}footnoteReference") is refs[0]
    notes = part(docx, "word/footnotes.xml")
    kinds = [(n.get(f"{W}type"), n.get(f"{W}id")) for n in notes]
    assert kinds == [("separator", "-1"), ("continuationSeparator", "0"),
                     (None, "1"), (None, "2"), (None, "3")]
    assert notes[0].find(f".//{W}separator") is not None
    assert notes[1].find(f".//{W}continuationSeparator") is not None
    assert [_text(n).strip() for n in notes[2:]] == NOTES  # user text is data: <, &, {{ printed as typed


def test_a_note_is_times_new_roman_in_every_slot_at_the_footnote_size(docx: bytes) -> None:
    notes = part(docx, "word/footnotes.xml")
    size = nd30.FOOTNOTE.default_size
    assert size in nd30.FOOTNOTE.size and nd30.FOOTNOTE.size.low == 10 and nd30.FOOTNOTE.size.high == 12
    for note in notes[2:]:
        runs = list(note.iter(f"{W}r"))
        assert runs[0].find(f"{W}footnoteRef") is not None  # Word's number, superscript
        assert runs[0].find(f"{W}rPr/{W}vertAlign").get(f"{W}val") == "superscript"
        for run in runs:
            fonts = run.find(f"{W}rPr/{W}rFonts")
            slots = ("ascii", "hAnsi", "eastAsia", "cs")
            assert {fonts.get(f"{W}{slot}") for slot in slots} == {nd30.FONT_NAME}
            assert int(run.find(f"{W}rPr/{W}sz").get(f"{W}val")) == size * 2
    italic = [r for r in notes[4].iter(f"{W}r") if r.find(f"{W}rPr/{W}i") is not None]
    assert [_text(r) for r in italic] == ["năm 2023"]


def test_the_part_is_declared_and_related(docx: bytes) -> None:
    types = part(docx, "[Content_Types].xml")
    assert any(o.get("PartName") == "/word/footnotes.xml" and o.get("ContentType").endswith("footnotes+xml")
               for o in types.iter(f"{CT}Override"))
    rels = part(docx, "word/_rels/document.xml.rels")
    assert [r.get("Target") for r in rels.iter(f"{PR}Relationship")
            if r.get("Type").endswith("/footnotes")] == ["footnotes.xml"]


def test_output_is_deterministic_and_a_document_without_notes_has_no_part(docx: bytes,
                                                                          tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(SPEC, encoding="utf-8")
    assert render_bytes(read(path).document) == docx
    plain = render_bytes(make_document(body=[Paragraph("Nội dung.")]))
    assert "word/footnotes.xml" not in zipfile.ZipFile(io.BytesIO(plain)).namelist()


# ---- the checker and --fix ------------------------------------------------------------------------


def test_the_checker_reads_the_notes_apart_from_the_body(docx: bytes) -> None:
    doc = read_document(docx)
    assert [p.text.strip() for p in doc.footnotes] == NOTES
    assert all(p.location == "footnotes.xml" for p in doc.footnotes)
    assert not any(note in p.text for p in doc.paragraphs for note in NOTES)
    report = check(docx)
    assert report.findings == []
    assert "footnote.size" in {r.id for r in report.passed}


def _broken(docx: bytes) -> bytes:
    """``docx`` with its notes in Arial 9 pt, as an office might have typed them."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/footnotes.xml":
                data = data.replace(b'"Times New Roman"', b'"Arial"').replace(b'w:val="24"', b'w:val="18"')
            target.writestr(info, data)
    return out.getvalue()


def test_a_note_in_another_font_or_size_is_found_and_fix_keeps_the_notes(docx: bytes) -> None:
    broken = _broken(docx)
    report = check(broken)
    found = {f.rule.id: f for f in report.findings}
    assert {"font.family", "footnote.size"} <= set(found)
    assert {ref.location for ref in found["footnote.size"].paragraphs} == {"footnotes.xml"}
    assert found["footnote.size"].found == "9 pt"
    package = open_docx(broken)
    doc = read_document(package)
    fixed = fix_package(package, doc, check_document(doc), broken).data
    again = read_document(fixed)
    assert [p.text.strip() for p in again.footnotes] == NOTES
    assert len(list(part(fixed, "word/document.xml").iter(f"{W}footnoteReference"))) == 3
    assert {f.rule.id for f in check(fixed).findings} == {"footnote.size"}  # the fonts fixed, the size left
    assert all(r.fonts_used == {nd30.FONT_NAME} for p in again.footnotes for r in p.visible_runs)


def test_a_python_document_takes_footnote_spans() -> None:
    doc = make_document(body=[Dash(Text(("Nội dung", Span.footnote("Ghi chú.")))), Paragraph("Hết.")])
    data = render_bytes(doc)
    assert [p.text.strip() for p in read_document(data).footnotes] == ["Ghi chú."]
    assert check(data).errors == 0


@pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdftotext")),
                    reason="LibreOffice (soffice) and poppler-utils are not installed")
def test_libreoffice_prints_the_notes_at_the_foot_of_the_page(docx: bytes, tmp_path: Path) -> None:
    (tmp_path / "plan.docx").write_bytes(docx)
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(tmp_path / "plan.docx")],
                   check=True, capture_output=True, timeout=180)
    lines = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(tmp_path / "plan.pdf"), "-"], check=True,
                           capture_output=True, text=True).stdout.splitlines()
    lines = [x.strip() for x in lines if x.strip()]
    assert lines[-3:] == [f"{n} {text}" for n, text in enumerate(NOTES, start=1)]
    assert "Triển khai công tác bình đẳng giới1" in lines  # the mark follows the text


def test_a_footnote_survives_the_layout_s_punctuation_and_references() -> None:
    closed = end_with(parse_markup("Căn cứ Luật Tổ chức chính quyền địa phương;^[Sửa đổi năm 2019.]"), ".")
    assert closed.plain == "Căn cứ Luật Tổ chức chính quyền địa phương." and closed.spans[-1].note is not None
    doc = make_document(number=5, body=[Paragraph(parse_markup("Xem {appendix:a}^[Kèm theo.] và hết."))],
                        appendices=[Appendix(title="Bảng", children=[Paragraph("Nội dung.")], id="a")])
    data = render_bytes(doc)
    body = read_document(data).paragraphs
    assert "Xem Phụ lục và hết./." in [p.text for p in body]
    assert [p.text.strip() for p in read_document(data).footnotes] == ["Kèm theo."]
    long_note = "Ghi chú dài " * 500
    with_note = make_document(body=[Paragraph(Text((Span("A"), Span.footnote(long_note))))])
    assert len(word_xml_estimate(with_note)["body"]) > len(long_note)
