"""Hợp đồng, bản ghi nhớ, bản thỏa thuận (practice: PL III has no sample), and the nghị quyết (PL III,
Mẫu 1.1) of a commune's council; the examples of the commune setting rendered and snapshotted.

An agreement names its two parties in the text ("BÊN A: …", "BÊN B: …" with their representatives)
before its clauses, and ends with two signature blocks side by side: "ĐẠI DIỆN BÊN A" on the left,
"ĐẠI DIỆN BÊN B" on the right, each over its chức vụ and name; it has no Nơi nhận.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest

import vbhc
from tests.conftest import EXAMPLES, make_document
from vbhc.check import check, read_document
from vbhc.cli import main
from vbhc.errors import FieldError
from vbhc.layout import lay_out
from vbhc.model import Mandate, Recipient, Signature
from vbhc.model.particulars import Agreement, Party
from vbhc.nd30 import DocumentType, Role, form_of
from vbhc.pipeline import load, read
from vbhc.recognise import recognise

AGREEMENT = EXAMPLES / "ban-thoa-thuan-hoang-kim.yaml"
RESOLUTION = EXAMPLES / "nghi-quyet-hoang-kim.yaml"
DECISION = EXAMPLES / "quyet-dinh-ban-hanh-quy-che-hoang-kim.yaml"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SIGNERS = [Signature(position="Chủ tịch", name="Lê Văn A"), Signature(position="Giám đốc", name="Trần Thị B")]
PARTIES = Agreement(parties=[Party(name="Ủy ban nhân dân xã Hoàng Kim", representative="Ông Lê Văn A",
                                   position="Chủ tịch"),
                             Party(name="Hợp tác xã Hoàng Kim", role="Bên cung ứng",
                                   representative="Bà Trần Thị B", tax_code="2801234567")])


def _agreement(kind: str = "hop-dong", **fields: object) -> vbhc.Document:
    return make_document(**{"type": kind, "agreement": PARTIES, "signatures": SIGNERS, **fields})


def _texts(docx: bytes) -> list[str]:
    return [" ".join(p.text.split()) for p in read_document(docx).paragraphs if p.text.strip()]


@pytest.mark.parametrize("path", [AGREEMENT, RESOLUTION, DECISION], ids=lambda p: p.stem)
def test_each_example_validates_renders_and_passes_the_checker(path: Path, tmp_path: Path) -> None:
    result = read(path)
    assert result.errors == [] and result.warnings == []
    out = tmp_path / "out.docx"
    assert main(["render", str(path), "-o", str(out)]) == 0
    report = check(out.read_bytes(), name=path.stem)
    assert report.findings == [] and report.exit_code == 0, report.to_text()
    assert report.document_type == result.document.type.value


@pytest.mark.parametrize("path", [AGREEMENT, RESOLUTION, DECISION], ids=lambda p: p.stem)
def test_each_example_matches_its_snapshot(path: Path, snapshot: Any) -> None:
    """The example's document.xml, pretty-printed: a change reads as a diff (accept with
    ``--snapshot-update`` after review)."""
    from tests.test_snapshots import XmlSnapshot, pretty

    with zipfile.ZipFile(io.BytesIO(vbhc.render_bytes(load(path)))) as archive:
        assert pretty(archive.read("word/document.xml")) == snapshot(extension_class=XmlSnapshot)


def test_the_agreements_share_a_form_of_practice() -> None:
    forms = {form_of(kind) for kind in (DocumentType.HOP_DONG, DocumentType.BAN_GHI_NHO,
                                        DocumentType.BAN_THOA_THUAN)}
    assert len(forms) == 1
    (form,) = forms
    assert form.clause.startswith("practice") and form.particulars == "agreement"
    assert 1 not in form.signatures and 2 in form.signatures and 3 not in form.signatures


def test_the_parties_are_named_in_the_text_before_the_clauses() -> None:
    texts = _texts(vbhc.render_bytes(load(AGREEMENT)))
    a = texts.index("BÊN A: Ủy ban nhân dân xã Hoàng Kim")
    assert texts[a - 1] == ("Hôm nay, ngày 02 tháng 4 năm 2024, tại Ủy ban nhân dân xã Hoàng Kim, "
                            "chúng tôi gồm:")
    assert texts[a + 1:a + 5] == ["Đại diện: Ông Lê Quang Thành", "Chức vụ: Chủ tịch Ủy ban nhân dân xã",
                                  "Địa chỉ: Thôn Trung, xã Hoàng Kim, huyện Hoằng Hóa, tỉnh Thanh Hóa",
                                  "Điện thoại: 0237 3868 001"]
    b = texts.index("BÊN B: Hợp tác xã Dịch vụ nông nghiệp Hoàng Kim")
    assert texts[b + 1] == "Đại diện: Bà Nguyễn Thị Lan" and texts[b + 5] == "Mã số thuế: 2801234567"
    assert texts[b + 6] == "Hai bên thống nhất thỏa thuận các nội dung sau:"
    assert not any(t.startswith("Nơi nhận") for t in texts)
    layout = lay_out(_agreement())
    first = layout.body[0]
    assert first.plain == "BÊN A: Ủy ban nhân dân xã Hoàng Kim"
    assert [s.bold for s in first.text.spans][:1] == [True]  # the party's label in bold
    assert layout.body[3].plain == "BÊN B (Bên cung ứng): Hợp tác xã Hoàng Kim"


def test_two_signature_blocks_side_by_side_a_left_b_right() -> None:
    doc = read_document(vbhc.render_bytes(load(AGREEMENT)))
    rec = recognise(doc)
    assert [[t.text for t in s.titles] + [s.name.text] for s in rec.signatures] == [
        ["ĐẠI DIỆN BÊN A", "CHỦ TỊCH", "Lê Quang Thành"], ["ĐẠI DIỆN BÊN B", "GIÁM ĐỐC", "Nguyễn Thị Lan"]]
    (a_table, a_row, a_cell), (b_table, b_row, b_cell) = (s.titles[0].paragraph.table for s in rec.signatures)
    assert a_table == b_table and a_row == b_row and (a_cell, b_cell) == (0, 1)  # one row: A left, B right
    table = doc.tables[a_table]
    assert table.cell_text_width_cm(a_row, 0) == pytest.approx(table.cell_text_width_cm(b_row, 1), abs=0.05)
    assert rec.recipients == () and rec.form.particulars == "agreement"


def test_without_its_parties_an_agreement_is_still_signed_for_bên_a_and_bên_b() -> None:
    """Left out, the parties are in the body; the blocks keep their heads, and the render passes."""
    document = _agreement(agreement=None)
    layout = lay_out(document)
    assert [[t.plain for t in s.titles] for s in layout.signatures] == [["ĐẠI DIỆN BÊN A", "CHỦ TỊCH"],
                                                                         ["ĐẠI DIỆN BÊN B", "GIÁM ĐỐC"]]
    assert [line.plain for line in layout.body] == ["Nội dung./."]
    assert check(vbhc.render_bytes(document)).exit_code == 0


def test_the_model_refuses_what_an_agreement_does_not_have() -> None:
    with pytest.raises(FieldError) as info:
        _agreement(signatures=SIGNERS[:1])
    assert info.value.path == "signatures"
    with pytest.raises(FieldError) as info:
        Agreement(parties=PARTIES.parties[:1])
    assert info.value.path == "parties" and "two parties" in info.value.expected
    with pytest.raises(FieldError) as info:
        _agreement(recipients=[Recipient("UBND huyện")])
    assert info.value.path == "recipients"
    with pytest.raises(FieldError) as info:  # each representative signs in person
        _agreement(signatures=[Signature(position="Chủ tịch", name="Lê Văn A",
                                         mandates=[Mandate("TM.", "Ủy ban nhân dân")]), SIGNERS[1]])
    assert info.value.path == "signatures[0].mandates"
    with pytest.raises(FieldError) as info:
        make_document(agreement=PARTIES)  # a kế hoạch has no parties
    assert info.value.path == "agreement"


@pytest.mark.parametrize("kind", ["hop-dong", "ban-ghi-nho", "ban-thoa-thuan"])
def test_each_agreement_starter_renders_clean_but_for_its_blanks(kind: str) -> None:
    import yaml

    from vbhc.readers.spec.reader import structure
    from vbhc.readers.spec.starters import starter

    text = starter(kind)
    assert f"type: {kind}\n" in text and "__" not in text
    document = structure(yaml.safe_load(text))
    assert document.agreement is not None
    report = check(vbhc.render_bytes(document))
    assert report.exit_code == 0 and report.rule_ids() <= {"number.blank", "place-date.blank"}, \
        report.to_text()


def test_the_nghi_quyet_has_its_authority_and_quyet_nghi() -> None:
    """PL III, Mẫu 1.1: the trích yếu, the enacting authority in bold capitals, the căn cứ in italics,
    "QUYẾT NGHỊ:" in bold, then the articles ("Điều 1." bold, its text upright)."""
    doc = read_document(vbhc.render_bytes(load(RESOLUTION)))
    rec = recognise(doc)
    assert rec.form.id == "1.1" and rec.number.text == "Số: 12/NQ-HĐND"
    assert rec.type_name.text == "NGHỊ QUYẾT"
    assert rec.enacting_authority.text == "HỘI ĐỒNG NHÂN DÂN XÃ HOÀNG KIM KHÓA XXI, KỲ HỌP THỨ MƯỜI MỘT"
    assert all(r.bold for r in rec.enacting_authority.paragraph.runs)
    assert rec.enacting_authority.paragraph.alignment == "center"
    assert [b.text.split()[0] for b in rec.legal_bases] == ["Căn", "Căn", "Xét"]
    assert all(r.italic for b in rec.legal_bases for r in b.paragraph.runs)
    assert rec.enactment.text == "QUYẾT NGHỊ:" and all(r.bold for r in rec.enactment.paragraph.runs)
    first = rec.body[0]
    assert first.role is Role.ARTICLE and first.label == "Điều 1."
    runs = first.paragraph.runs
    assert runs[0].bold and runs[0].text.strip() == "Điều 1." and not any(r.bold for r in runs[1:])
    assert [[t.text for t in s.titles] for s in rec.signatures] == [["TM. HỘI ĐỒNG NHÂN DÂN", "CHỦ TỊCH"]]


@pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdftotext")),
                    reason="LibreOffice (soffice) and poppler-utils are not installed")
def test_libreoffice_pages(tmp_path: Path) -> None:
    """Through LibreOffice: the agreement's two blocks on one line, A left of B; the nghị quyết's page 1
    as Mẫu 1.1 (NGHỊ QUYẾT, its authority, căn cứ, QUYẾT NGHỊ: and Điều 1, in that order)."""
    for path in (AGREEMENT, RESOLUTION):
        (tmp_path / f"{path.stem}.docx").write_bytes(vbhc.render_bytes(load(path)))
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path),
                    *(str(tmp_path / f"{p.stem}.docx") for p in (AGREEMENT, RESOLUTION))],
                   check=True, capture_output=True, timeout=300)

    def lines(path: Path, first: int, last: int) -> list[str]:
        out = subprocess.run(["pdftotext", "-layout", "-f", str(first), "-l", str(last),
                              str(tmp_path / f"{path.stem}.pdf"), "-"],
                             check=True, capture_output=True, text=True).stdout
        return [x.strip() for x in out.splitlines() if x.strip()]

    heads = [x for x in lines(AGREEMENT, 1, 9) if "ĐẠI DIỆN BÊN A" in x]
    assert len(heads) == 1 and heads[0].index("ĐẠI DIỆN BÊN A") < heads[0].index("ĐẠI DIỆN BÊN B")
    names = next(x for x in lines(AGREEMENT, 1, 9) if "Lê Quang Thành" in x and "Nguyễn Thị Lan" in x)
    assert names.index("Lê Quang Thành") < names.index("Nguyễn Thị Lan")
    page = lines(RESOLUTION, 1, 1)
    order = ["NGHỊ QUYẾT", "HỘI ĐỒNG NHÂN DÂN XÃ HOÀNG KIM KHÓA XXI", "Căn cứ Luật Tổ chức", "QUYẾT NGHỊ:",
             "Điều 1. Phê chuẩn"]
    at = [next(i for i, x in enumerate(page) if x.startswith(words)) for words in order]
    assert at == sorted(at)


def test_a_profiles_noi_nhan_is_no_default_for_an_agreement(tmp_path: Path) -> None:
    """The commune profile gives a Nơi nhận; an agreement, which prints none, does not take it, while
    a Nơi nhận typed in the agreement's own spec is still refused with its field."""
    spec = (EXAMPLES / "ban-thoa-thuan-hoang-kim.yaml").read_text(encoding="utf-8")
    assert "recipients" not in spec and "profile: profiles/xa-hoang-kim.yaml" in spec
    assert "recipients:" in (EXAMPLES / "profiles" / "xa-hoang-kim.yaml").read_text(encoding="utf-8")
    assert load(EXAMPLES / "ban-thoa-thuan-hoang-kim.yaml").recipients == ()
    typed = tmp_path / "typed.yaml"
    typed.write_text(spec.replace("profile: profiles/", f"profile: {EXAMPLES / 'profiles'}/")
                     + "recipients:\n  - UBND huyện\n", encoding="utf-8")
    result = read(typed)
    assert result.document is None
    assert [e.path for e in result.errors] == ["recipients"]
