"""Office forms filled through docxtpl (issue 10 item 6): the variables are what the renderer prints, the
shipped forms fill with the right values in Times New Roman, user text prints literally, the output is
deterministic, and a wrong tag is one line naming its paragraph, exit 2, nothing written."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from scripts.build_forms import FORM_BUILDERS, form_bytes
from tests.check.docx_fixtures import build_docx, para
from tests.conftest import EXAMPLES, ROOT
from vbhc.pipeline import load, render_bytes
from vbhc.writers.form import FormError, fill_form
from vbhc.writers.form.fields import VARIABLES, form_fields

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FORMS = ROOT / "forms"
# Each shipped form and the example spec it is shown with.
SHIPPED = {"giay-xac-nhan.docx": EXAMPLES / "forms" / "giay-xac-nhan-hoang-kim.yaml",
           "giay-gioi-thieu.docx": EXAMPLES / "giay-gioi-thieu-hoang-kim.yaml"}
SPECS = sorted([*EXAMPLES.glob("*.yaml"), *(EXAMPLES / "forms").glob("*.yaml")])  # copies are not documents


def part(data: bytes, name: str = "word/document.xml") -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read(name))


def texts(data: bytes) -> list[str]:
    """Each paragraph's text, a line break written as "\\n"."""
    out = []
    for p in part(data).iter(f"{W}p"):
        out.append("".join("\n" if x.tag == f"{W}br" else x.text or "" for x in p.iter(f"{W}t", f"{W}br")))
    return out


@pytest.fixture(scope="module")
def filled() -> dict[str, bytes]:
    return {name: fill_form(load(spec), FORMS / name) for name, spec in SHIPPED.items()}


# --------------------------------------------------------------------------------------------
# The variables


def test_every_variable_has_its_row_in_docs_forms_md() -> None:
    table = re.findall(r"^\| `(\w+)` \|", (ROOT / "docs" / "forms.md").read_text(encoding="utf-8"), re.M)
    assert tuple(table) == VARIABLES
    assert tuple(form_fields(load(EXAMPLES / "ke-hoach-hoang-kim.yaml"))) == VARIABLES


@pytest.mark.parametrize("spec", SPECS, ids=lambda p: p.stem)
def test_the_variables_are_what_the_renderer_prints(spec: Path) -> None:
    """Number, place and date, căn cứ, body, signers and Nơi nhận are paragraphs of vbhc's own render."""
    document = load(spec)
    fields = form_fields(document)
    printed = set(texts(render_bytes(document)))
    assert fields["so_ky_hieu"] in printed
    if document.type.value != "bien-ban":  # Mẫu 1.9 prints no place-and-date line
        assert fields["dia_danh_ngay"] in printed
    for line in [*fields["can_cu"], *fields["noi_nhan"], *fields["co_quan_ban_hanh"].dong]:
        assert line in printed, line
    for block in fields["noi_dung"]:
        assert block["level"] == "table" or block["text"] in printed, block
    for signer in fields["chu_ky"]:
        assert {signer["chuc_vu"], signer["ho_ten"], *signer["quyen_han"]} <= printed


def test_number_and_date_parts() -> None:
    fields = form_fields(load(EXAMPLES / "forms" / "giay-xac-nhan-hoang-kim.yaml"))
    number, date = fields["so_ky_hieu"], fields["dia_danh_ngay"]
    assert (number, number.so, number.ky_hieu, number.loai, number.co_quan) == (
        "Số: 12/TB-UBND", "12", "TB-UBND", "TB", "UBND")
    assert (date, date.ngay, date.thang, date.nam) == (
        "Hoàng Kim, ngày 05 tháng 02 năm 2024", "05", "02", "2024")
    assert fields["noi_nhan"] == ["- Ông Nguyễn Văn An;", "- Lưu: VT."] and fields["luu"] == "- Lưu: VT."
    assert fields["chu_ky"] == [{"quyen_han": ["TM. ỦY BAN NHÂN DÂN"], "chuc_vu": "CHỦ TỊCH",
                                 "ho_ten": "Lê Quang Thành", "dong": ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]}]
    assert fields["noi_dung"][-1]["text"].endswith("việc làm./.")


def test_attached_text_and_appendices() -> None:
    """The attached quy chế (Mẫu 1.3) and the phụ lục, as vbhc's own render prints them."""
    for spec in ("quyet-dinh-ban-hanh-quy-che-hoang-kim.yaml", "ke-hoach-kinh-phi-hoang-kim.yaml"):
        document = load(EXAMPLES / spec)
        annexes = form_fields(document)["phu_luc"]
        printed = set(texts(render_bytes(document)))
        assert annexes and len(annexes) == len(document.appendices) + (document.attachment is not None)
        for annex in annexes:
            assert {annex["nhan"], annex["ghi_chu"]} <= printed and annex["ghi_chu"].startswith("(Kèm theo")
            assert all(b["level"] == "table" or b["text"] in printed for b in annex["noi_dung"])


def test_particulars_and_raw_fields() -> None:
    fields = form_fields(load(EXAMPLES / "giay-gioi-thieu-hoang-kim.yaml"))
    assert fields["chi_tiet"]["person"] == "Nguyễn Thị Lan"
    assert fields["chi_tiet"]["valid_until"]["text"] == "ngày 30 tháng 6 năm 2024"
    assert fields["spec"]["issuer"]["name"] == ["Ủy ban nhân dân", "xã Hoàng Kim"]
    assert fields["ten_loai"] == "GIẤY GIỚI THIỆU" and fields["trich_yeu"] == ""


# --------------------------------------------------------------------------------------------
# The shipped forms


@pytest.mark.parametrize("name", sorted(FORM_BUILDERS))
def test_shipped_form_is_what_the_script_builds(name: str) -> None:
    assert (FORMS / name).read_bytes() == form_bytes(name), "run: python scripts/build_forms.py"


def test_certificate_is_filled(filled: dict[str, bytes]) -> None:
    lines = texts(filled["giay-xac-nhan.docx"])
    for expected in ("ỦY BAN NHÂN DÂN", "XÃ HOÀNG KIM", "Số: 12/XN-UBND",
                     "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                     "Hoàng Kim, ngày 05 tháng 02 năm 2024", "GIẤY XÁC NHẬN",
                     "Về việc cư trú tại địa phương", "Ủy ban nhân dân xã Hoàng Kim xác nhận:",
                     "Ông (bà): Nguyễn Văn An, sinh ngày 12/3/1985.", "Nơi nhận:", "- Ông Nguyễn Văn An;",
                     "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH", "Lê Quang Thành"):
        assert expected in lines, expected
    assert lines.index("GIẤY XÁC NHẬN") < lines.index("Ủy ban nhân dân xã Hoàng Kim xác nhận:")
    assert not any(mark in line for line in lines for mark in ("{{", "{%", "}}", "%}"))


def test_introduction_is_filled(filled: dict[str, bytes]) -> None:
    lines = texts(filled["giay-gioi-thieu.docx"])
    for expected in ("Số: 25/GGT-UBND", "Hoàng Kim, ngày 03 tháng 6 năm 2024", "GIẤY GIỚI THIỆU",
                     "Ông (bà): Nguyễn Thị Lan", "Chức vụ: Công chức Văn hóa - Xã hội xã Hoàng Kim",
                     "Được cử đến: Phòng Lao động - Thương binh và Xã hội huyện Hoàng Hóa",
                     "Giấy này có giá trị đến hết ngày 30 tháng 6 năm 2024./.", "- Như trên;",
                     "XÁC NHẬN CỦA CƠ QUAN NƠI ĐẾN"):
        assert expected in lines, expected


@pytest.mark.parametrize("name", sorted(SHIPPED))
def test_filled_form_is_times_new_roman_a4(filled: dict[str, bytes], name: str) -> None:
    data = filled[name]
    slots = ("ascii", "hAnsi", "eastAsia", "cs")
    for part_name in ("word/document.xml", "word/styles.xml"):
        fonts = list(part(data, part_name).iter(f"{W}rFonts"))
        assert fonts
        for f in fonts:
            assert {s: f.get(f"{W}{s}") for s in slots} == dict.fromkeys(slots, "Times New Roman")
            assert not any("Theme" in key for key in f.attrib)
    styles = part(data, "word/styles.xml")
    assert styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts") is not None
    size = part(data).find(f".//{W}sectPr/{W}pgSz")
    margins = part(data).find(f".//{W}sectPr/{W}pgMar")
    assert (size.get(f"{W}w"), size.get(f"{W}h")) == ("11906", "16838")  # 210 x 297 mm
    mm = {k: round(int(margins.get(f"{W}{k}")) * 25.4 / 1440) for k in ("top", "bottom", "left", "right")}
    assert mm == {"top": 20, "bottom": 20, "left": 30, "right": 15}


def test_filled_introduction_passes_vbhc_check(filled: dict[str, bytes]) -> None:
    from vbhc.check import check

    assert check(filled["giay-gioi-thieu.docx"], name="gt").findings == []
    found = [f.rule.id for f in check(filled["giay-xac-nhan.docx"], name="xn").findings]
    # A giấy xác nhận is no type of Art. 7, so its tên loại is not recognised, and "XN", the office's
    # own code, is not one of PL III's: both true of the office's form, and nothing else is reported.
    assert found == ["document.type", "number.symbol"]


@pytest.mark.parametrize("name", sorted(SHIPPED))
def test_output_is_deterministic(filled: dict[str, bytes], name: str) -> None:
    document = load(SHIPPED[name])
    assert fill_form(document, FORMS / name) == filled[name]
    assert fill_form(document, (FORMS / name).read_bytes(), "x.docx") == filled[name]


# --------------------------------------------------------------------------------------------
# User text is data; the form's tags are checked


def spec_with(tmp_path: Path, summary: str, body: str = "Nội dung.") -> Path:
    import json

    path = tmp_path / "spec.json"
    path.write_text(json.dumps({
        "type": "thong-bao", "issuer": {"name": ["Ủy ban nhân dân", "xã Hoàng Kim"], "abbreviation": "UBND"},
        "place": "Hoàng Kim", "date": "2024-03-05", "summary": summary, "body": [body],
        "signatures": [{"position": "Chủ tịch", "name": "Lê Văn A"}]}, ensure_ascii=False), encoding="utf-8")
    return path


HOSTILE_TEXT = "{{ 7*7 }} {% if true %}x{% endif %} <w:p> &amp; ]]> {_{ a }_} {_% b %_} \"q\" 'a'"


def test_user_text_prints_literally(tmp_path: Path) -> None:
    document = load(spec_with(tmp_path, HOSTILE_TEXT, body=HOSTILE_TEXT))
    form = build_docx(para("{{ trich_yeu }}") + para("{% for d in noi_dung %}{{ d.text }}{% endfor %}"))
    lines = texts(fill_form(document, form, "f.docx"))
    assert lines[0] == HOSTILE_TEXT
    assert lines[1] == HOSTILE_TEXT + "./."


def test_a_line_break_in_a_value_is_a_break_in_one_paragraph(filled: dict[str, bytes]) -> None:
    body = part(filled["giay-xac-nhan.docx"])
    signer = next(p for p in body.iter(f"{W}p") if "TM. ỦY BAN NHÂN DÂN" in "".join(p.itertext()))
    assert len(signer.findall(f".//{W}br")) == 1


def run(*argv: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "vbhc", *argv], capture_output=True, text=True, cwd=cwd,
                          timeout=60)


FIELD_SPLIT = ('<w:p><w:r><w:t>{{ trich</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
               '<w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
               '<w:r><w:instrText>_yeu }}</w:instrText></w:r></w:p>')

TEXT_BOX = ('<w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>'
            '<w:p><w:r><w:t>b</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>')

TAG_ERRORS = {
    "split-by-a-text-box": ('<w:p><w:r><w:t>{{ trich_</w:t></w:r>' + TEXT_BOX
                            + '<w:r><w:t>yeu }}</w:t></w:r></w:p>',
                            '¶1 "{{ trich_yeu }}": {{ trich_yeu }}: the tag is split by a text box'),
    "unknown": (para("Xin chào") + para("Ông (bà): {{ ho_tn }}"),
                "¶2 \"Ông (bà): {{ ho_tn }}\": {{ ho_tn }}: unknown variable 'ho_tn'"),
    "unknown-in-a-branch": (para("{% if false %}{{ khong_co }}{% endif %}"),
                            "{{ khong_co }}: unknown variable"),
    "unknown-part": (para("{{ so_ky_hieu.khong_co }}"), "¶1 \"{{ so_ky_hieu.khong_co }}\""),
    "never-closed": (para("a") + para("{% for x in can_cu %}") + para("{{ x }}"),
                     "¶2 \"{% for x in can_cu %}\": {% for x in can_cu %}: is never closed "
                     "(add {% endfor %})"),
    "stray-end": (para("{% endif %}"),
                  "¶1 \"{% endif %}\": {% endif %}: closes a block that was never opened"),
    "crossed": (para("{% for x in can_cu %}{% if x %}") + para("{% endfor %}"),
                "¶2 \"{% endfor %}\": {% endfor %}: expected {% endif %} for {% if x %} in ¶1 first"),
    "split-across-paragraphs": (para("{{ trich") + para("yeu }}"),
                                "¶1 \"{{ trich\": {{ trich: the tag is not closed"),
    "split-across-a-field": (FIELD_SPLIT, "¶1 \"{{ trich\": {{ trich: the tag is not closed"),
    "syntax": (para("{{ trich_yeu + }}"), "¶1 \"{{ trich_yeu + }}\": {{ trich_yeu + }}: unexpected"),
    "rich-text": (para("{{r trich_yeu }}"), "rich-text"),
    "a-list-printed": (para("{{ chu_ky }}"),
                       "¶1 \"{{ chu_ky }}\": {{ chu_ky }}: a list or a mapping is not text"),
    "sandbox": (para("{{ ''.__class__ }}"),
                "¶1 \"{{ ''.__class__ }}\": {{ ''.__class__ }}: access to attribute"),
}


@pytest.mark.parametrize("case", sorted(TAG_ERRORS))
def test_tag_error_is_one_line_naming_the_paragraph_and_tag(case: str, tmp_path: Path) -> None:
    body, expected = TAG_ERRORS[case]
    with pytest.raises(FormError) as caught:
        fill_form(load(spec_with(tmp_path, "Tóm tắt")), build_docx(body), "form.docx")
    lines = str(caught.value).splitlines()
    assert len(lines) == 1 and lines[0].startswith("form.docx: ") and expected in lines[0], lines


@pytest.mark.parametrize("case", ["unknown", "never-closed", "split-across-a-field"])
def test_tag_error_exits_2_and_writes_nothing(case: str, tmp_path: Path) -> None:
    body, expected = TAG_ERRORS[case]
    (tmp_path / "form.docx").write_bytes(build_docx(body))
    spec = spec_with(tmp_path, "Tóm tắt")
    result = run("render", str(spec), "--form", "form.docx", "-o", "out.docx", cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("vbhc: error: form.docx: "), lines
    assert expected in lines[0]
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out.docx").exists()


def test_a_header_tag_names_its_part(tmp_path: Path) -> None:
    form = build_docx(para("{{ trich_yeu }}"), headers={"rIdH": para("{{ khong_co }}")})
    with pytest.raises(FormError, match=r'word/header1\.xml ¶1 "\{\{ khong_co \}\}"'):
        fill_form(load(spec_with(tmp_path, "Tóm tắt")), form, "f.docx")


def test_header_tags_are_filled(tmp_path: Path) -> None:
    form = build_docx(para("x"), headers={"rIdH": para("{{ so_ky_hieu }}")})
    document = load(spec_with(tmp_path, "Tóm tắt"))
    out = fill_form(document, form, "f.docx")
    assert "".join(part(out, "word/header1.xml").itertext()) == form_fields(document)["so_ky_hieu"]


def test_render_form_and_template_do_not_go_together(tmp_path: Path) -> None:
    (tmp_path / "form.docx").write_bytes(build_docx(para("x")))
    spec = spec_with(tmp_path, "Tóm tắt")
    result = run("render", str(spec), "--form", "form.docx", "--template", "t.docx", "-o", "o.docx",
                 cwd=tmp_path)
    assert result.returncode == 2 and "--template" in result.stderr
    result = run("render", str(spec), "--form", "form.docx", "-o", "form.docx", cwd=tmp_path)
    assert result.returncode == 2 and "overwrite the form" in result.stderr


def test_fill_form_from_python(filled: dict[str, bytes]) -> None:
    import vbhc

    document = vbhc.load(SHIPPED["giay-xac-nhan.docx"])
    assert vbhc.fill_form(document, FORMS / "giay-xac-nhan.docx") == filled["giay-xac-nhan.docx"]
    assert "fill_form" in vbhc.__all__


def test_render_form_from_the_command_line(tmp_path: Path) -> None:
    spec = SHIPPED["giay-xac-nhan.docx"]
    result = run("render", str(spec), "--form", str(FORMS / "giay-xac-nhan.docx"), "-o", "out.docx",
                 cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "out.docx"
    assert "Số: 12/XN-UBND" in texts((tmp_path / "out.docx").read_bytes())


# --------------------------------------------------------------------------------------------
# Snapshots: a change to a shipped form (or to what fills it) reads as a diff of its filled XML. Review
# it, then accept it with: pytest tests/test_office_forms.py --snapshot-update


@pytest.mark.parametrize("name", sorted(SHIPPED))
def test_filled_form_matches_snapshot(filled: dict[str, bytes], name: str, snapshot) -> None:
    from tests.test_snapshots import XmlSnapshot, pretty

    with zipfile.ZipFile(io.BytesIO(filled[name])) as archive:
        data = archive.read("word/document.xml")
    assert pretty(data) == snapshot(extension_class=XmlSnapshot)


# --------------------------------------------------------------------------------------------
# LibreOffice's layout of the filled certificate (skipped where LibreOffice is not installed)


@pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdftotext") and shutil.which("pdfinfo")),
                    reason="LibreOffice (soffice) and poppler-utils are not installed")
def test_filled_certificate_is_one_a4_page_with_the_quoc_hieu_on_one_line(
        filled: dict[str, bytes], tmp_path: Path) -> None:
    docx = tmp_path / "xac-nhan.docx"
    docx.write_bytes(filled["giay-xac-nhan.docx"])
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(docx)],
                   check=True, capture_output=True, timeout=180)
    pdf = tmp_path / "xac-nhan.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    assert re.search(r"Pages:\s+1\b", info) and "(A4)" in info
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    lines = [x for x in text.splitlines() if x.strip()]
    assert "ỦY BAN NHÂN DÂN" in lines[0] and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in lines[0]  # two columns
    assert "Độc lập - Tự do - Hạnh phúc" in lines[1]
    assert re.search(r"Số: 12/XN-UBND\s+Hoàng Kim, ngày 05 tháng 02 năm 2024", "\n".join(lines))
    assert any(re.search(r"TM\. ỦY BAN NHÂN DÂN", x) for x in lines)
