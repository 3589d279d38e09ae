"""Page 1 of the examples as the samples of PL III show it (Mẫu 1.5, 1.6, 1.8; the samples are page
images compared by hand, docs/; what they show is asserted here on the rendered .docx, read back by the
checker, and where it is about position, through LibreOffice)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from attrs import evolve

import vbhc
from tests.check.documents import Docx, set_ppr
from tests.conftest import EXAMPLES, part
from vbhc import nd30
from vbhc.check import check, read_document, recognise
from vbhc.nd30 import Role
from vbhc.writers.docx.writer import render_bytes

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LEAD_INS = {"cong-dien-hoang-kim.yaml": "Chủ tịch Ủy ban nhân dân xã Hoàng Kim điện:",
            "giay-gioi-thieu-hoang-kim.yaml": "Ủy ban nhân dân xã Hoàng Kim trân trọng giới thiệu:"}


def _render(name: str) -> bytes:
    return render_bytes(vbhc.load(EXAMPLES / name))


@pytest.mark.parametrize("name", LEAD_INS)
def test_the_line_that_opens_the_text_is_centred_and_regular(name: str) -> None:
    """PL III, Mẫu 1.6 and 1.8: "… điện:" and "… trân trọng giới thiệu:" stand centred, upright,
    regular, in the body's size (nd30.LEAD_IN), on a line of their own before the fields."""
    data = _render(name)
    doc = read_document(data)
    [p] = [p for p in doc.paragraphs if p.text == LEAD_INS[name]]
    assert p.alignment == "center" and p.first_line_cm == 0 and p.indent_left_cm == 0
    assert {(r.bold, r.italic) for r in p.visible_runs} == {(False, False)}
    assert p.sizes == {nd30.LEAD_IN.default_size} and nd30.LEAD_IN.align is nd30.Align.CENTER
    following = doc.paragraphs[p.index + 1]
    if name.startswith("giay-gioi-thieu"):  # the text after it: the body's (a công điện's: its receivers)
        assert following.alignment == "both" and following.first_line_cm > 0


@pytest.mark.parametrize("name", LEAD_INS)
def test_the_checker_knows_the_line_and_finds_nothing(name: str) -> None:
    data = _render(name)
    rec = recognise(read_document(data))
    assert [x.text for x in rec.body if x.role is Role.LEAD_IN] == [LEAD_INS[name]]
    report = check(data)
    assert report.errors == 0 and report.warnings == 0, report.to_text()
    assert {"lead-in.align", "lead-in.size", "lead-in.bold"} <= {r.id for r in report.passed}


def test_a_giay_gioi_thieu_has_no_trich_yeu_even_under_a_centred_line() -> None:
    rec = recognise(read_document(_render("giay-gioi-thieu-hoang-kim.yaml")))
    assert rec.summary == () and rec.type_name is not None and rec.type_name.text == "GIẤY GIỚI THIỆU"


def test_a_lead_in_moved_off_centre_is_found() -> None:
    data = _render("cong-dien-hoang-kim.yaml")
    root = part(data, "word/document.xml")
    docx = Docx(data)
    index = next(i for i, p in enumerate(root.iter(f"{W}p"))
                 if "".join(t.text or "" for t in p.iter(f"{W}t")) == LEAD_INS["cong-dien-hoang-kim.yaml"])
    set_ppr(docx.paragraph(index), "jc", val="left")
    assert check(docx.data()).rule_ids() == {"lead-in.align"}


@pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdftotext")),
                    reason="LibreOffice (soffice) and poppler-utils are not installed")
def test_libreoffice_centres_the_lead_in(tmp_path: Path) -> None:
    (tmp_path / "cd.docx").write_bytes(_render("cong-dien-hoang-kim.yaml"))
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(tmp_path / "cd.docx")],
                   check=True, capture_output=True, timeout=180)
    bbox = subprocess.run(["pdftotext", "-bbox-layout", "-f", "1", "-l", "1", str(tmp_path / "cd.pdf"), "-"],
                          check=True, capture_output=True, text=True).stdout
    lines = re.findall(r'<line xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>(.*?)</line>', bbox, re.S)
    words = {"".join(re.findall(r">([^<]+)</word>", body)): (float(a), float(b)) for a, b, body in lines}
    left, right = words["ChủtịchỦybannhândânxãHoàngKimđiện:"]
    # The text block: 30 mm to 195 mm of the A4 width (595 pt), its centre at 112.5 mm.
    centre = (nd30.MARGIN_LEFT_MM + (nd30.PAPER_WIDTH_MM - nd30.MARGIN_RIGHT_MM)) / 2 * 72 / 25.4
    assert abs((left + right) / 2 - centre) < 3


def test_a_cong_van_as_mau_1_5() -> None:
    """PL III, Mẫu 1.5: "Kính gửi:" 3.5 cm in, several names in a list aligned 4.5 cm in; the V/v line
    under the number in the header's left column; "- Như trên;" first in Nơi nhận; ô 13 on page 1."""
    data = _render("cong-van-khan-hoang-kim.yaml")
    doc = read_document(data)
    rec = recognise(doc)
    label, *names = rec.addressees
    assert label.text == "Kính gửi:"
    assert [x.text for x in names] == ["- Ban Chỉ đạo các thôn;", "- Trạm Y tế xã."]
    assert label.paragraph.indent_left_cm + label.paragraph.first_line_cm == pytest.approx(3.5, abs=0.01)
    for x in names:
        assert (x.paragraph.indent_left_cm, x.paragraph.first_line_cm) == (pytest.approx(4.5, abs=0.01), 0)
    number, v_v = rec.number.paragraph, rec.letter_summary.paragraph
    assert v_v.table == number.table == (rec.header_table, 1, 0) and v_v.index == number.index + 1
    assert v_v.alignment == "center" and v_v.text.startswith("V/v ")
    assert rec.recipients[1].text == "- Như trên;"
    [footer] = [doc.footers[name] for name in doc.footers if doc.sections[0].footers.get("first") == name]
    assert footer[0].text.startswith("Thôn Trung") and footer[0].borders.get("top")


def test_one_addressee_stands_on_the_label_s_line() -> None:
    document = evolve(vbhc.load(EXAMPLES / "cong-van-khan-hoang-kim.yaml"), addressees=("Trạm Y tế xã",))
    rec = recognise(read_document(render_bytes(document)))
    assert [x.text for x in rec.addressees] == ["Kính gửi: Trạm Y tế xã."]
    assert rec.addressees[0].paragraph.indent_left_cm == pytest.approx(3.5, abs=0.01)


def test_a_cong_dien_lists_its_receivers_further_in() -> None:
    """PL III, Mẫu 1.6: under the centred "… điện:", the receivers one a line in a list set in from the
    body (the sample's column), flush left, in the body's size; the checker reads them as receivers."""
    data = _render("cong-dien-hoang-kim.yaml")
    rec = recognise(read_document(data))
    receivers = [x for x in rec.body if x.role is Role.RECEIVER]
    assert [x.text for x in receivers] == ["- Trưởng các thôn;", "- Công an xã, Ban Chỉ huy Quân sự xã;",
                                           "- Các ban, ngành, đoàn thể xã."]
    lead = next(i for i, x in enumerate(rec.body) if x.role is Role.LEAD_IN)
    assert list(rec.body[lead + 1:lead + 4]) == receivers
    for x in receivers:
        p = x.paragraph
        assert (p.indent_left_cm, p.first_line_cm) == (pytest.approx(nd30.RECEIVER_INDENT_CM, abs=0.01), 0)
        assert p.alignment == "left" and p.sizes == {nd30.RECEIVER.default_size}
    assert rec.body[lead + 4].role is Role.PARAGRAPH  # the message: the body's
    assert {"receiver.size", "receiver.align"} <= {r.id for r in check(data).passed}


def test_a_template_made_by_vbhc_0_1_0_gets_the_lead_in_and_receiver_styles() -> None:
    """tests/data/template-vbhc-0.1.0.docx (an office template vbhc 0.1.0 made) has neither style: they
    are added when it loads, and the công điện it renders is centred and set in as the sample."""
    from vbhc.pipeline import load_template

    template = load_template(Path(__file__).parent / "data" / "template-vbhc-0.1.0.docx")
    data = render_bytes(vbhc.load(EXAMPLES / "cong-dien-hoang-kim.yaml"), template)
    doc = read_document(data)
    [lead] = [p for p in doc.paragraphs if p.text == LEAD_INS["cong-dien-hoang-kim.yaml"]]
    assert lead.style_id == "VbhcLeadIn" and lead.alignment == "center"
    receivers = [p for p in doc.paragraphs if p.style_id == "VbhcReceiver"]
    assert len(receivers) == 3 and all(p.indent_left_cm == pytest.approx(nd30.RECEIVER_INDENT_CM, abs=0.01)
                                       for p in receivers)
    assert check(data).errors == 0
