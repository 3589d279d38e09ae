"""``vbhc import``: an existing document (a .docx, or pasted text) back into the spec that renders it.

Round trip: every example and every ``vbhc new`` starter, rendered, imported and rendered again, gives
the same bytes (so nothing of a vbhc document is lost or changed). The seed plan's text with the
commune's profile gives the bundled example's file, and the 4 → 8 gap is a warning. The office seed (a
file typed in Word) imports with every paragraph's text kept, and its re-render has no check error.
"""

from __future__ import annotations

import io
import os
import runpy
import unicodedata
from pathlib import Path

import attrs
import pytest
import yaml
from docx import Document as WordDocument
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import EXAMPLES, SEED, make_document
from tests.fixtures.office_seed import build_office_seed
from vbhc import model as m
from vbhc.check import check
from vbhc.cli import main
from vbhc.nd30 import DocumentType, Role, form_of
from vbhc.ooxml.resolve import read_document
from vbhc.pipeline import import_document, load, probe_documents, render_bytes
from vbhc.readers.docx import NotAnAdministrativeDocument
from vbhc.readers.spec.reader import structure_data
from vbhc.readers.spec.starters import starter
from vbhc.recognise import recognise

PROFILE = EXAMPLES / "profiles" / "xa-hoang-kim.yaml"
# every example that is a document (sao_y_… is the copy block `vbhc copy` adds to a rendered file)
SPECS = sorted(p for p in EXAMPLES.iterdir()
               if p.suffix in (".yaml", ".json", ".py") and not p.name.startswith("sao_y"))
def _example(path: Path) -> m.Document:
    return runpy.run_path(str(path))["document"] if path.suffix == ".py" else load(path)


@pytest.mark.parametrize("path", ["giay-moi", "giay-gioi-thieu", "bien-ban", "giay-nghi-phep", "cong-dien",
                                  "ban-thoa-thuan"])
def test_a_forms_labelled_fields_are_read_into_its_particulars(path: str) -> None:
    original = load(EXAMPLES / f"{path}-hoang-kim.yaml")
    result = import_document(render_bytes(original), name=f"{path}.docx")
    name = form_of(original.type).particulars
    assert name is not None
    read, typed = getattr(result.document, name), getattr(original, name)
    if getattr(typed, "note", None) is not None:  # the last line's "./." reads back as a "."
        assert read.note.plain == typed.note.plain.rstrip(".") + "."
        read, typed = attrs.evolve(read, note=None), attrs.evolve(typed, note=None)
    assert read == typed
    assert result.document.body == original.body and result.document.preamble == original.preamble
    assert name + ":" in result.yaml


def test_a_decisions_attached_text_is_read_into_its_attachment() -> None:
    original = load(EXAMPLES / "quyet-dinh-ban-hanh-quy-che-hoang-kim.yaml")
    result = import_document(render_bytes(original), name="quyet-dinh.docx")
    attached, typed = result.document.attachment, original.attachment
    assert attached is not None and typed is not None
    assert (attached.type, attached.summary, attached.of) == (typed.type, typed.summary, typed.of)
    assert len(attached.children) == len(typed.children)  # its chương, each with its điều
    assert not [d for d in result.diagnostics if "not recognised" in d.message]


def _starter(kind: str, tmp_path: Path) -> m.Document:
    spec = tmp_path / f"{kind}.yaml"
    spec.write_text(starter(kind), encoding="utf-8")
    return load(spec)


def _round_trip(document: m.Document, key: str) -> None:
    first = render_bytes(document)
    result = import_document(first, name="imported.docx")
    assert render_bytes(result.document) == first
    # the YAML reads back into the same document (import_document checks it and says so otherwise)
    assert structure_data(yaml.safe_load(result.yaml), "imported.yaml").document == result.document
    assert not [d for d in result.diagnostics if "read back" in d.message]


@pytest.mark.parametrize("path", SPECS, ids=lambda p: p.name)
def test_every_example_renders_imports_and_renders_the_same_bytes(path: Path) -> None:
    _round_trip(_example(path), path.name)


@pytest.mark.parametrize("n", range(len(probe_documents())))
def test_the_probe_documents_render_import_and_render_the_same_bytes(n: int) -> None:
    """Every role between them: parent body, marks, draft, circulation, issuance note, contacts (ô 13),
    Kính gửi, căn cứ, chapters and articles, an appendix with a table and its total, a SAO Y block."""
    _round_trip(probe_documents()[n], f"probe {n}")


@pytest.mark.parametrize("kind", [t.value for t in DocumentType])
def test_every_starter_renders_imports_and_renders_the_same_bytes(kind: str, tmp_path: Path) -> None:
    _round_trip(_starter(kind, tmp_path), f"new {kind}")


WORD = st.text(st.sampled_from(list("aăâbcdđeêghiklmnoôơpqrstuưvxy")), min_size=2, max_size=7)
WORDS = st.lists(WORD, min_size=2, max_size=6).map(" ".join)
# sentences of two words or more (a one-word line such as "Q.": tests/test_import_closing.py)
SENTENCES = WORDS.map(lambda s: s[0].upper() + s[1:] + ".")
TITLES = WORDS.map(lambda s: s[0].upper() + s[1:])


@st.composite
def bodies(draw: st.DrawFn) -> list[object]:
    """A plan's body: parts of titled items holding paragraphs, points, dashes and pluses."""
    parts = []
    for _ in range(draw(st.integers(1, 3))):
        items = []
        for _ in range(draw(st.integers(1, 3))):
            children = draw(st.lists(st.one_of(
                SENTENCES.map(m.Paragraph), SENTENCES.map(m.Point),
                st.tuples(SENTENCES, st.lists(SENTENCES.map(m.Plus), max_size=2)).map(lambda t: m.Dash(*t)),
            ), min_size=1, max_size=3))
            items.append(m.Item(title=draw(TITLES), children=children))
        parts.append(m.Part(draw(TITLES), items))
    return parts


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=bodies(), preamble=st.lists(SENTENCES, max_size=2), number=st.none() | st.integers(1, 300),
       day=st.none() | st.integers(1, 28))
def test_generated_documents_render_import_and_render_the_same(body: list[object], preamble: list[str],
                                                              number: int | None, day: int | None) -> None:
    document = make_document(body=body, preamble=preamble, number=number, date=m.IssueDate(2024, 3, day),
                             recipients=[m.Recipient("Các thôn", "t/h")])
    first = render_bytes(document)
    assert render_bytes(import_document(first, name="generated.docx").document) == first


# --------------------------------------------------------------------------------------------
# Done when: the seed's text, the office seed


def test_the_seed_text_with_the_commune_profile_renders_the_bundled_example() -> None:
    result = import_document(SEED, profile=PROFILE)
    assert render_bytes(result.document) == render_bytes(load(EXAMPLES / "ke-hoach-hoang-kim.yaml"))
    gaps = [str(d) for d in result.diagnostics if "typed" in d.message]
    assert gaps == [
        f'{SEED}: ¶63 "8. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam xã": typed "8." but this is item 5 here; '
        'vbhc numbers it "5."',
        f'{SEED}: ¶65 "9. Đề nghị Hội Liên hiệp Phụ nữ xã": typed "9." but this is item 6 here; vbhc numbers '
        'it "6."']
    assert "\n  4. Công an xã\n" in result.yaml
    assert "\n  5. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam xã\n" in result.yaml
    assert "\n  8. " not in result.yaml


def _body_texts(data: bytes) -> list[str]:
    """The text of each body paragraph of a document, after its label (as the recogniser reads it)."""
    rec = recognise(read_document(data))
    out = []
    for x in (*rec.body, *(p for a in rec.appendices for p in a.body)):
        text = x.text[len(x.label):].strip() if x.label else x.text
        out.append(text.removesuffix("./.").strip())
    return out


@pytest.mark.parametrize("faulty", [True, False], ids=["as-typed", "typed-with-care"])
def test_the_office_seed_keeps_every_paragraph_and_renders_without_check_errors(faulty: bool) -> None:
    source = build_office_seed(faulty)
    result = import_document(source, name="office-seed.docx")
    again = render_bytes(result.document)
    assert _body_texts(again) == _body_texts(source)  # every text, in order; numbers recomputed
    report = check(again, name="again.docx")
    assert [f.line() for f in report.findings if f.severity.value == "error"] == []
    assert report.exit_code == 0
    recognised = recognise(read_document(again))
    assert [x.label for x in recognised.body if x.level is not None and x.label[:1].isdigit()][-3:] == \
        ["4.", "5.", "6."]  # 4 → 8 renumbered


# --------------------------------------------------------------------------------------------
# Nothing lost silently; the report; what is no administrative document


def _word(*paragraphs: str) -> bytes:
    doc = WordDocument()
    for text in paragraphs:
        doc.add_paragraph(text)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


LETTER = ("Ghi chú riêng của văn thư: bản này gửi qua mạng", "ỦY BAN NHÂN DÂN", "XÃ HOÀNG KIM",
          "Số: 15/UBND-VP", "V/v tổ chức tiếp công dân", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
          "Độc lập - Tự do - Hạnh phúc",
          "Hoàng Kim, ngày 02 tháng 4 năm 2024", "Kính gửi: Các thôn trên địa bàn xã.",
          "Ủy ban nhân dân xã đề nghị các thôn phối hợp tổ chức tiếp công dân định kỳ./.",
          "Nơi nhận:", "- Như trên;", "- Lưu: VT, VP (02).", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Đỗ Thị Lan")


def test_a_letter_typed_in_word_is_read_into_its_fields() -> None:
    result = import_document(_word(*LETTER), name="letter.docx")
    spec = result.spec
    assert spec["type"] == "cong-van" and spec["number"] == 15 and spec["unit"] == "VP"
    # printed in capitals only: cased by PL II's rules, the place's name as the date line writes it
    assert spec["issuer"] == {"name": ["Ủy ban nhân dân", "xã Hoàng Kim"], "abbreviation": "UBND"}
    assert (spec["place"], spec["date"]) == ("Hoàng Kim", "2024-04-02")
    assert spec["summary"] == "tổ chức tiếp công dân"
    assert spec["addressees"] == ["Các thôn trên địa bàn xã"]
    assert spec["signatures"] == {"mandates": ["KT. Chủ tịch"], "position": "Phó Chủ tịch",
                                  "name": "Đỗ Thị Lan"}
    assert spec["archive"] == {"units": ["VP"], "copies": 2}
    assert "recipients" not in spec  # "Như trên" is vbhc's to write, under a Kính gửi


def test_a_paragraph_that_fits_no_component_is_kept_and_named() -> None:
    result = import_document(_word(*LETTER), name="letter.docx")
    assert result.spec["preamble"] == "Ghi chú riêng của văn thư: bản này gửi qua mạng"  # where it stands
    named = [str(d) for d in result.diagnostics if "not recognised" in d.message]
    assert named == ['letter.docx: ¶1 "Ghi chú riêng của văn thư: bản này gửi qua mạng": not recognised '
                     'as a component: kept as a plain paragraph of the body']


def test_every_paragraph_of_the_source_is_in_the_report_in_order() -> None:
    result = import_document(_word(*LETTER), name="letter.docx")
    assert [r.paragraph for r in result.report] == list(range(1, len(LETTER) + 1))
    assert [r.text for r in result.report] == list(LETTER)
    roles = {r.text: r.role for r in result.report}
    assert roles["Số: 15/UBND-VP"] == "number" and roles["Đỗ Thị Lan"] == "signer-name"
    assert roles["Ghi chú riêng của văn thư: bản này gửi qua mạng"] == "unplaced"
    assert Role.SIGNER_NAME.name.lower().replace("_", "-") == "signer-name"


def test_a_document_that_is_no_administrative_document_is_refused(tmp_path: Path, capsys) -> None:
    source = tmp_path / "recipe.docx"
    source.write_bytes(_word("Bánh chưng", "Gạo nếp, đậu xanh, thịt lợn.", "Gói bằng lá dong."))
    with pytest.raises(NotAnAdministrativeDocument):
        import_document(source)
    out = tmp_path / "recipe.yaml"
    assert main(["import", str(source), "-o", str(out)]) == 2
    assert "not an administrative document" in capsys.readouterr().err
    assert not out.exists()


# --------------------------------------------------------------------------------------------
# The command line


def test_import_writes_the_spec_and_the_profile_and_reports(tmp_path: Path, capsys) -> None:
    spec, profile = tmp_path / "plan.yaml", tmp_path / "xa.yaml"
    status = main(["import", str(SEED), "--profile", str(PROFILE), "-o", str(spec), "--profile-out",
                   str(profile), "--report"])
    captured = capsys.readouterr()
    assert status == 0
    assert '¶63 "8. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam xã": typed "8."' in captured.err
    assert "    ¶3  document-type-name   KẾ HOẠCH\n" in captured.out
    text = spec.read_text(encoding="utf-8")
    assert text == unicodedata.normalize("NFC", text) and text.startswith("# Imported by vbhc import")
    written_spec = yaml.safe_load(text)  # names the profile, leaves out what it gives (as the example)
    assert written_spec["profile"] == os.path.relpath(PROFILE, tmp_path)
    assert not {"issuer", "place", "signatures", "archive"} & set(written_spec)
    assert main(["render", str(spec), "-o", str(tmp_path / "a.docx")]) == 0
    assert (tmp_path / "a.docx").read_bytes() == render_bytes(load(EXAMPLES / "ke-hoach-hoang-kim.yaml"))
    written = yaml.safe_load(profile.read_text(encoding="utf-8"))
    assert written["signers"]["chu-tich"]["mandates"] == ["TM. Ủy ban nhân dân"]
    # the written profile is one the spec reader takes: the plan renders the same with it
    assert main(["render", str(spec), "--profile", str(profile), "-o", str(tmp_path / "b.docx")]) == 0
    assert (tmp_path / "b.docx").read_bytes() == (tmp_path / "a.docx").read_bytes()


def test_import_is_deterministic(tmp_path: Path) -> None:
    source = build_office_seed()
    assert import_document(source, name="a.docx").yaml == import_document(source, name="a.docx").yaml


def test_import_refuses_what_it_cannot_read(tmp_path: Path, capsys) -> None:
    odd = tmp_path / "plan.pdf"
    odd.write_bytes(b"%PDF-1.4")
    assert main(["import", str(odd)]) == 2
    assert "cannot import a .pdf" in capsys.readouterr().err
    broken = tmp_path / "plan.docx"
    broken.write_bytes(b"not a zip")
    assert main(["import", str(broken)]) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_a_pasted_text_without_a_header_asks_for_a_profile(capsys) -> None:
    assert main(["import", str(SEED)]) == 2
    err = capsys.readouterr().err
    assert "issuer.name: expected a value (this field is required); found nothing" in err
    assert "the source does not give issuer.name: import it with --profile" in err


def test_a_title_that_is_no_type_of_art_7_is_named_as_such_not_sent_to_a_profile(tmp_path, capsys) -> None:
    """A Word file with the header but a tên loại the decree does not have ("GIẤY XÁC NHẬN"): the
    message says no type was recognised; --profile is not offered for the type, which no profile gives."""
    doc = WordDocument()
    for text in (*PLAN_HEADER[:6], "GIẤY XÁC NHẬN",
                 "Ủy ban nhân dân xã xác nhận ông Lê Văn A thường trú tại thôn Trung.", *PLAN_CLOSING):
        doc.add_paragraph(text)
    source = tmp_path / "xac-nhan.docx"
    doc.save(source)
    assert main(["import", str(source), "-o", str(tmp_path / "out.yaml")]) == 2
    err = capsys.readouterr().err
    assert "type: no tên loại of Art. 7" in err and "a profile cannot give a type" in err
    assert "does not give type" not in err and not (tmp_path / "out.yaml").exists()


PLAN_HEADER = ("ỦY BAN NHÂN DÂN", "XÃ HOÀNG KIM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
               "Độc lập - Tự do - Hạnh phúc", "Số: 05/KH-UBND", "Hoàng Kim, ngày 05 tháng 3 năm 2024",
               "KẾ HOẠCH", "Tổ chức hội nghị")
PLAN_CLOSING = ("Nơi nhận:", "- Các thôn;", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lê Quang Thành")


def test_word_numbering_and_office_habits_are_read_as_the_levels_they_stand_for() -> None:
    doc = WordDocument()
    for text in PLAN_HEADER:
        doc.add_paragraph(text)
    doc.add_paragraph("MỤC ĐÍCH, YÊU CẦU", style="List Number")  # Word's own numbering: "1."
    for text in ("1) Mục đích chung", "a. tuyên truyền rộng rãi;", "1.1. Nội dung phụ",
                 "- Bảo đảm tiết kiệm.", *PLAN_CLOSING):
        doc.add_paragraph(text)
    out = io.BytesIO()
    doc.save(out)
    result = import_document(out.getvalue(), name="plan.docx")
    # an outline: "1)" starting again under the khoản "1." is its điểm, "a." under that the level below,
    # "1.1." names khoản 1: its next điểm (PL I, II.6.đ; "-" by practice)
    assert result.spec["body"] == ("1. MỤC ĐÍCH, YÊU CẦU\na) Mục đích chung\n- tuyên truyền rộng rãi;\n"
                                   "b) Nội dung phụ\n- Bảo đảm tiết kiệm.")
    warnings = [str(d) for d in result.diagnostics]
    assert warnings == [
        'plan.docx: ¶10 "1) Mục đích chung": typed "1)": a điểm under the khoản above: the decree writes '
        '"a)"; vbhc prints it so',
        'plan.docx: ¶11 "a. tuyên truyền rộng rãi;": typed "a.": a level under the điểm above: practice '
        'writes "-"; vbhc prints it so',
        'plan.docx: ¶12 "1.1. Nội dung phụ": typed "1.1.": a điểm under the khoản above: the decree writes '
        '"b)"; vbhc prints it so']
    paragraphs = [p.text for p in read_document(render_bytes(result.document)).paragraphs]
    assert {"a) Mục đích chung", "- tuyên truyền rộng rãi;", "b) Nội dung phụ"} <= set(paragraphs)


def test_a_commune_adopting_another_communes_plan_gets_its_own_header_and_signer() -> None:
    quang_phu = EXAMPLES / "profiles" / "xa-quang-phu.yaml"
    result = import_document(build_office_seed(), name="office-seed.docx", profile=quang_phu)
    adopted = load(quang_phu.parent.parent / "ke-hoach-hoang-kim.yaml", profile=quang_phu)
    assert result.document.issuer == adopted.issuer and result.document.place == adopted.place
    assert result.document.signatures == adopted.signatures  # the profile's signer, not Hoàng Kim's
    assert result.document.body[:3] == adopted.body[:3]  # parts I to III: the source's text, as typed


def test_text_is_data_and_invisible_controls_are_dropped() -> None:
    doc = WordDocument()
    hostile = ("I. MỤC\u200f ĐÍCH", "Nội dung {{ x }} <w:p> &amp; *sao* \ufeffabc.")
    for text in (*PLAN_HEADER, *hostile, *PLAN_CLOSING):
        doc.add_paragraph(text)
    out = io.BytesIO()
    doc.save(out)
    result = import_document(out.getvalue(), name="plan.docx")
    assert result.spec["body"] == "I. MỤC ĐÍCH\nNội dung {{ x }} <w:p> &amp; \\*sao\\* abc."
    paragraphs = [p.text for p in read_document(render_bytes(result.document)).paragraphs]
    assert "Nội dung {{ x }} <w:p> &amp; *sao* abc./." in paragraphs


def test_pasted_text_is_read_a_paragraph_a_line() -> None:
    from vbhc.readers.docx.paragraphs import text_lines

    pasted = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
              "> # KẾ HOẠCH\r\n>\r\n> Tổ chức   hội nghị\n\n- Các thôn phối hợp với\n\nCông an xã và\n"
              "các đoàn thể.\n## II. TỔ CHỨC\n")
    assert text_lines(pasted) == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                                  "KẾ HOẠCH", "Tổ chức hội nghị", "- Các thôn phối hợp với",
                                  "Công an xã và các đoàn thể.", "II. TỔ CHỨC"]


FULL_TEXT = """ỦY BAN NHÂN DÂN
XÃ HOÀNG KIM
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 07/KH-UBND
Hoàng Kim, ngày 05 tháng 3 năm 2024

KẾ HOẠCH
Tổ chức Ngày Quốc tế Phụ nữ

I. MỤC ĐÍCH
1. Tôn vinh phụ nữ.
II. TỔ CHỨC
Văn phòng chủ trì./.

Nơi nhận:
- Các thôn;
- Lưu: VT.
T/M ỦY BAN NHÂN DÂN
CHỦ TỊCH
Lê Quang Thành
"""


def test_pasted_text_with_its_header_needs_no_profile(tmp_path: Path) -> None:
    source = tmp_path / "pasted.txt"
    source.write_text(FULL_TEXT, encoding="utf-8")
    result = import_document(source)
    spec = result.spec
    assert (spec["number"], spec["place"], spec["date"]) == (7, "Hoàng Kim", "2024-03-05")
    assert spec["signatures"]["mandates"] == ["TM. Ủy ban nhân dân"]  # "T/M" typed for "TM."
    assert spec["body"] == "I. MỤC ĐÍCH\n1. Tôn vinh phụ nữ.\n\nII. TỔ CHỨC\nVăn phòng chủ trì."
    assert [r.role for r in result.report][:4] == ["issuer", "issuer", "national-title", "motto"]
