"""Mẫu 1.3 (PL III): a quyết định that issues an attached text (a Quy chế, Quy định, Điều lệ ...).

The attached text follows the closing on pages of its own: its tên loại and trích yếu, "(Kèm theo
Quyết định số …/QĐ-… ngày … tháng … năm … của …)" filled from the decision, a short line, and its own
chương and điều, numbered from Điều 1 again; no "Phụ lục" label. The checker recognises it and checks
its numbering on its own.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import attrs
import pytest

import vbhc
from tests.conftest import EXAMPLES, make_document
from vbhc.check import check, read_document
from vbhc.cli import main
from vbhc.errors import FieldError
from vbhc.layout import lay_out
from vbhc.model import Article, Attachment, Chapter, IssueDate, Item
from vbhc.nd30 import DocumentType, Role, form_of
from vbhc.pipeline import load, read
from vbhc.readers.spec.starters import starter
from vbhc.recognise import recognise

EXAMPLE = EXAMPLES / "quyet-dinh-ban-hanh-quy-che-hoang-kim.yaml"
NOTE = ("(Kèm theo Quyết định số 25/QĐ-UBND ngày 15 tháng 3 năm 2024 của Ủy ban nhân dân xã "
        "Hoàng Kim)")


def _decision(**fields: object) -> vbhc.Document:
    attachment = Attachment("quy-che", "Làm việc của Ủy ban nhân dân xã", [
        Chapter("Quy định chung", [Article("Phạm vi", children=[Item(text="Nội dung.")])]),
        Chapter("Điều khoản thi hành", [Article("Tổ chức thực hiện")]),
    ])
    base: dict[str, object] = dict(type="quyet-dinh", summary="Ban hành Quy chế làm việc",
                                   body=[Article(text="Ban hành kèm theo Quyết định này Quy chế.")],
                                   attachment=attachment)
    return make_document(**{**base, **fields})


def _texts(docx: bytes) -> list[tuple[int, str]]:
    """(section, text) of each non-empty paragraph."""
    doc = read_document(docx)
    return [(p.section_index or 0, " ".join(p.text.split())) for p in doc.paragraphs if p.text.strip()]


def test_the_example_validates_renders_and_passes_the_checker(tmp_path: Path) -> None:
    result = read(EXAMPLE)
    assert result.errors == [] and result.warnings == []
    out = tmp_path / "qd.docx"
    assert main(["render", str(EXAMPLE), "-o", str(out)]) == 0
    report = check(out.read_bytes(), name="qd")
    assert report.findings == [], report.to_text()
    assert report.document_type == "quyet-dinh"
    rec = recognise(read_document(out.read_bytes()))
    assert rec.form.id == "1.3" and rec.attachment is not None


def test_the_attached_text_opens_a_section_with_its_title_block_and_no_appendix_label() -> None:
    texts = _texts(vbhc.render_bytes(load(EXAMPLE)))
    start = next(i for i, (_, t) in enumerate(texts) if t == "QUY CHẾ")
    section, _ = texts[start]
    assert section == 1 and texts[start - 1][0] == 0  # a section (and page) of its own
    assert [t for _, t in texts[start:start + 5]] == [
        "QUY CHẾ", "Làm việc của Ủy ban nhân dân xã Hoàng Kim nhiệm kỳ 2021 - 2026", NOTE,
        "Chương I", "QUY ĐỊNH CHUNG"]
    assert not any(t.startswith("Phụ lục") for _, t in texts)
    # its Điều start again at 1, after the decision's own Điều 1-3
    articles = [(s, t.split(".")[0]) for s, t in texts if t.startswith("Điều ")]
    assert [a for s, a in articles if s == 0] == ["Điều 1", "Điều 2", "Điều 3"]
    assert [a for s, a in articles if s == 1] == [f"Điều {n}" for n in range(1, 6)]
    assert texts[-1][1].endswith("cho phù hợp./.")  # the attached text ends as the sample's does


def test_the_title_block_has_the_looks_of_a_type_line_and_an_appendix_note() -> None:
    layout = lay_out(load(EXAMPLE))
    assert layout.form.id == "1.3"
    annex = layout.attachment
    assert annex is not None and layout.annexes() == (annex,)
    assert (annex.label.role, annex.title.role, annex.note.role) == (
        Role.DOCUMENT_TYPE_NAME, Role.SUMMARY, Role.APPENDIX_NOTE)
    doc = read_document(vbhc.render_bytes(load(EXAMPLE)))
    by_text = {" ".join(p.text.split()): p for p in doc.paragraphs}
    label, note = by_text["QUY CHẾ"], by_text[NOTE]
    assert all(r.bold for r in label.runs) and label.alignment == "center"
    assert all(r.italic for r in note.runs) and note.alignment == "center"
    rec = recognise(doc)
    assert rec.attachment.line is not None  # the short line under the note
    assert rec.attachment.line.paragraph.index < by_text["Chương I"].index


def test_a_draft_keeps_the_blanks_in_the_note() -> None:
    """PL I, III.1.c: in the note the number and the day left blank stay blank (ô 3, ô 4)."""
    layout = lay_out(_decision(number=None, date=IssueDate(2024, 5)))
    note = layout.attachment.note.plain
    assert re.fullmatch(r"\(Kèm theo Quyết định số …/QĐ-UBND ngày \s+ tháng 5 năm 2024 của Ủy ban nhân "
                        r"dân xã Hoàng Kim\)", note), note


def test_an_attached_text_and_an_appendix_each_on_pages_of_their_own() -> None:
    """The attached text comes first, then the decision's appendices, each recognised as such."""
    document = attrs.evolve(load(EXAMPLE), appendices=(vbhc.Appendix("Danh sách", [Item(text="Ông A.")]),))
    data = vbhc.render_bytes(document)
    assert check(data).findings == []
    rec = recognise(read_document(data))
    assert rec.attachment.label.text == "QUY CHẾ" and [a.label.text for a in rec.appendices] == ["Phụ lục"]
    assert rec.attachment.body[-1].paragraph.index < rec.appendices[0].label.paragraph.index
    assert rec.appendices[0].note.text == NOTE and rec.attachment.body[-1].text.endswith("./.")


def test_the_attached_texts_name_comes_from_the_decree() -> None:
    assert Attachment("QC", "X").type == "Quy chế"
    assert Attachment("quy định", "X").type == "Quy định"
    assert Attachment(DocumentType.DE_AN, "X").type == "Đề án"
    assert Attachment("Điều lệ", "X").type == "Điều lệ"
    with pytest.raises(FieldError) as info:
        Attachment("Báo cáo", "X")
    assert info.value.path == "type" and "Quy chế" in info.value.expected
    assert lay_out(_decision(attachment=Attachment("Điều lệ", "Hội Nông dân", [Article("Tên gọi")]))
                   ).attachment.label.plain == "ĐIỀU LỆ"


def test_only_a_quyet_dinh_carries_an_attached_text() -> None:
    assert form_of(DocumentType.QUYET_DINH, attached=True).id == "1.3"
    assert form_of(DocumentType.QUYET_DINH).id == "1.2"
    assert form_of(DocumentType.KE_HOACH, attached=True).id == "1.4"
    with pytest.raises(FieldError) as info:
        _decision(type="ke-hoach")
    assert info.value.path == "attachment"
    assert lay_out(_decision(attachment=None)).form.id == "1.2"


def test_typed_numbers_in_the_attached_text_are_checked_with_their_field_path(tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace("profile: profiles/", f"profile: {EXAMPLES}/profiles/")
    text = text.replace("    Điều 2. Nguyên tắc", "    Điều 7. Nguyên tắc").replace("    Chương II\n",
                                                                                    "    Chương V\n")
    spec = tmp_path / "qd.yaml"
    spec.write_text(text, encoding="utf-8")
    result = read(spec)
    assert result.errors == []
    found = {(w.path, w.message) for w in result.warnings}
    assert ("attachment.children[0].children[1]",
            'typed "Điều 7." but this is article 2 here; vbhc numbers it "Điều 2."') in found
    assert ("attachment.children[1]",
            'typed "Chương V" but this is chapter 2 here; vbhc numbers it "Chương II"') in found
    assert len(found) == 2


def test_the_checker_numbers_the_attached_text_on_its_own() -> None:
    """Its Điều 1 after the decision's Điều 3 is right; a Điều typed out of order in Word is a finding."""
    xml = zipfile.ZipFile(io.BytesIO(vbhc.render_bytes(load(EXAMPLE)))).read("word/document.xml").decode()
    assert xml.count("Điều 2.") == 2
    report = check(_edited("Điều 2.", "Điều 6."))  # the attached text's Điều 2
    # the Điều typed out of order, and the next, which follows on from it
    assert [(f.rule.id, f.found, f.expected) for f in report.findings] == [
        ("numbering.sequence", '"Điều 6."', '"Điều 2."'), ("numbering.sequence", '"Điều 3."', '"Điều 7."')]


def _edited(old: str, new: str) -> bytes:
    """The example's .docx with ``old`` replaced by ``new`` in the last place of document.xml."""
    data = vbhc.render_bytes(load(EXAMPLE))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    head, found, tail = parts["word/document.xml"].decode().rpartition(old)
    assert found
    parts["word/document.xml"] = (head + new + tail).encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return out.getvalue()


def test_the_checker_holds_the_attached_title_block_to_the_decrees_looks() -> None:
    """Its tên loại is checked as a tên loại (PL I, II.5.a: bold), its note as an appendix's."""
    data = _edited('<w:r><w:t>QUY CHẾ</w:t>', '<w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>QUY CHẾ</w:t>')
    report = check(data)
    assert [(f.rule.id, f.found) for f in report.findings] == [("document-type-name.bold", "not bold")], \
        report.to_text()


def test_the_starter_renders_clean_but_for_its_blanks(capsys: pytest.CaptureFixture[str]) -> None:
    import yaml

    from vbhc.readers.spec.reader import structure

    assert main(["new", "quyet-dinh-ban-hanh"]) == 0
    assert capsys.readouterr().out == starter("quyet-dinh-ban-hanh")
    document = structure(yaml.safe_load(starter("quyet-dinh-ban-hanh")))
    assert document.attachment is not None and document.attachment.type == "Quy chế"
    assert str(document.body[0].text).startswith("Ban hành kèm theo Quyết định này")
    report = check(vbhc.render_bytes(document))
    assert report.exit_code == 0 and report.rule_ids() <= {"number.blank", "place-date.blank"}, \
        report.to_text()


def test_the_attached_text_counts_in_the_size_limit() -> None:
    document = _decision()
    assert attrs.fields_dict(type(document))["attachment"]
    from vbhc.model.document import word_xml_estimate

    assert "Làm việc của Ủy ban nhân dân xã" in word_xml_estimate(document)["attachment"].decode()


@pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdftotext")),
                    reason="LibreOffice (soffice) and poppler-utils are not installed")
def test_libreoffice_puts_the_attached_text_on_a_page_of_its_own(tmp_path: Path) -> None:
    docx = tmp_path / "qd.docx"
    docx.write_bytes(vbhc.render_bytes(load(EXAMPLE)))
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(docx)],
                   check=True, capture_output=True, timeout=180)

    def page(n: int) -> list[str]:
        out = subprocess.run(["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(tmp_path / "qd.pdf"),
                              "-"], check=True, capture_output=True, text=True).stdout
        return [x.strip() for x in out.splitlines() if x.strip()]

    first, second = page(1), page(2)
    assert "QUY CHẾ" not in first and any(x.startswith("Lê Quang Thành") for x in first)
    assert second[0] == "QUY CHẾ"  # no page number on the attached text's first page
    assert second[2].startswith("(Kèm theo Quyết định số 25/QĐ-UBND")


def test_a_decision_whose_words_do_not_issue_its_text_gets_warnings(tmp_path: Path) -> None:
    """PL III, Mẫu 1.3: the trích yếu "Ban hành (Phê duyệt) …" and Điều 1 "… kèm theo Quyết định này …"."""
    text = EXAMPLE.read_text(encoding="utf-8").replace("profile: profiles/", f"profile: {EXAMPLES}/profiles/")
    text = text.replace("summary: Ban hành", "summary: Về việc ban hành").replace(
        "Điều 1. Ban hành kèm theo Quyết định này", "Điều 1. Ban hành")
    spec = tmp_path / "qd.yaml"
    spec.write_text(text, encoding="utf-8")
    result = read(spec)
    assert result.errors == []
    assert [w.path for w in result.warnings] == ["summary", "body[0]"]
    assert result.warnings[0].message.endswith('this one opens "Về việc ban hành Quy"')
    assert '"Ban hành kèm theo Quyết định này Quy chế …"' in result.warnings[1].message
    assert all("PL III, Mẫu 1.3" in w.message for w in result.warnings)
