"""The spec loader: formats, profiles, every error at once with its line, and the warnings."""

from __future__ import annotations

import datetime
import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml

import vbhc
from tests.conftest import EXAMPLES, ROOT, SEED, W, paragraph_texts, part
from vbhc.diagnostics import SpecProblems
from vbhc.errors import SpecError
from vbhc.model import Document, Mandate, Paragraph, Part, Recipient, Signature
from vbhc.nd30 import SigningAuthority
from vbhc.readers.spec.profile import PROFILE_FIELDS, merge
from vbhc.readers.spec.reader import load, read, structure, unstructure
from vbhc.writers.docx.writer import render_bytes

PLAN_JSON = EXAMPLES / "ke-hoach-hoang-kim.json"
PLAN_YAML = EXAMPLES / "ke-hoach-hoang-kim.yaml"
QUANG_PHU = EXAMPLES / "profiles" / "xa-quang-phu.yaml"


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def minimal(**changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "type": "bao-cao", "issuer": {"name": ["Ủy ban nhân dân", "xã Hoàng Kim"], "abbreviation": "UBND"},
        "place": "Hoàng Kim", "date": "2024-03-05", "summary": "Kết quả", "body": "Nội dung.",
        "signatures": [{"position": "Chủ tịch", "name": "Lê Quang Thành",
                        "mandates": ["TM. Ủy ban nhân dân"]}],
    }
    data.update(changes)
    return data


# --------------------------------------------------------------------------------------------
# Formats


def test_yaml_outline_with_profile_renders_byte_identical_to_the_json(plan_docx: bytes) -> None:
    from_yaml, from_json = load(PLAN_YAML), load(PLAN_JSON)
    assert render_bytes(from_yaml) == render_bytes(from_json) == plan_docx
    # the one difference in the tree: outline text hangs the closing paragraph under the last item
    assert from_yaml.body[:3] == from_json.body[:3]
    assert from_json.body[4] == from_yaml.body[3].children[-1].children[-1]


def test_the_same_content_in_yaml_and_json_gives_equal_documents(tmp_path: Path) -> None:
    data = unstructure(load(PLAN_YAML))
    as_json = write(tmp_path, "a.json", json.dumps(data, ensure_ascii=False))
    as_yaml = write(tmp_path, "a.yaml", yaml.safe_dump(data, allow_unicode=True))
    assert load(as_json) == load(as_yaml) == load(PLAN_YAML)
    assert render_bytes(load(as_json)) == render_bytes(load(as_yaml))


def test_outline_text_and_explicit_nodes_give_equal_documents() -> None:
    outline = structure(minimal(body="I. KẾT QUẢ\n1. Tập huấn\n- Đã tổ chức 03 lớp.\nII. KIẾN NGHỊ\nKhông."))
    explicit = structure(minimal(body=[
        {"kind": "part", "title": "KẾT QUẢ", "children": [
            {"kind": "item", "title": "Tập huấn",
             "children": [{"kind": "dash", "text": "Đã tổ chức 03 lớp."}]}]},
        {"kind": "part", "title": "KIẾN NGHỊ", "children": ["Không."]}]))
    assert outline == explicit


def test_outline_text_in_preamble_children_and_appendices() -> None:
    doc = structure(minimal(
        preamble="Thực hiện chỉ đạo.\nỦy ban nhân dân xã báo cáo:",
        body=[{"kind": "part", "title": "A", "children": "1. Một\n- gạch."}],
        appendices=[{"title": "Danh sách", "children": "I. THÔN 1\n- Ông A."}]))
    assert doc.preamble == (Paragraph("Thực hiện chỉ đạo."), Paragraph("Ủy ban nhân dân xã báo cáo:"))
    assert doc.body[0].children[0].title.plain == "Một"
    assert isinstance(doc.appendices[0].children[0], Part)


@pytest.mark.parametrize(("date", "expected"), [
    ("2024-03-05", (2024, 3, 5)), ("05/03/2024", (2024, 3, 5)), ("5/3/2024", (2024, 3, 5)),
    ("2024-03", (2024, 3, None)), ("03/2024", (2024, 3, None)), ("__/03/2024", (2024, 3, None)),
    ({"year": 2024}, (2024, None, None)),
])
def test_date_forms(date: object, expected: tuple[int, int | None, int | None]) -> None:
    d = structure(minimal(date=date)).date
    assert (d.year, d.month, d.day) == expected


def test_yaml_dates_and_shorthands(tmp_path: Path) -> None:
    spec = write(tmp_path, "s.yaml", """
type: Báo cáo
issuer: {name: [Ủy ban nhân dân, xã Hoàng Kim], abbreviation: UBND}
place: Hoàng Kim
date: 2024-03-05
summary: >
  Kết quả thực hiện
  năm 2024
addressees: |
  Ủy ban nhân dân huyện
legal_bases: |
  Căn cứ A;
  Căn cứ B.
body: Nội dung.
signatures: {position: Phó Chủ tịch, name: Trần B, mandates: [TM. Ủy ban nhân dân, KT. Chủ tịch]}
recipients: |
  Phòng Tư pháp (b/c)
  Các thôn
""")
    doc = load(spec)
    assert isinstance(yaml.safe_load("d: 2024-03-05")["d"], datetime.date)
    assert (doc.date.day, doc.summary.plain) == (5, "Kết quả thực hiện năm 2024")
    assert [b.plain for b in doc.legal_bases] == ["Căn cứ A;", "Căn cứ B."]
    assert doc.signatures[0].mandates == (Mandate(SigningAuthority.TM, "Ủy ban nhân dân"),
                                          Mandate(SigningAuthority.KT, "Chủ tịch"))
    assert doc.recipients == (Recipient("Phòng Tư pháp", note="b/c"), Recipient("Các thôn"))


# --------------------------------------------------------------------------------------------
# Profiles


def texts(docx: bytes) -> list[str]:
    return [t for t in paragraph_texts(part(docx, "word/document.xml")) if t]


def test_one_plan_for_two_communes(tmp_path: Path) -> None:
    kim = render_bytes(load(PLAN_YAML))
    from vbhc.writers.docx.template import Template

    quang_phu = read(PLAN_YAML, profile=QUANG_PHU)
    assert not quang_phu.errors and quang_phu.template == QUANG_PHU.parent / "mau-quang-phu.docx"
    phu = render_bytes(quang_phu.document, Template.from_path(quang_phu.template))
    a, b = texts(kim), texts(phu)
    assert a[:2] == ["ỦY BAN NHÂN DÂN", "XÃ HOÀNG KIM"] and b[:2] == ["ỦY BAN NHÂN DÂN", "XÃ QUẢNG PHÚ"]
    assert any(t.startswith("Hoàng Kim, ngày") for t in a)
    assert any(t.startswith("Quảng Phú, ngày") for t in b)
    i, j = a.index("TM. ỦY BAN NHÂN DÂN"), b.index("TM. ỦY BAN NHÂN DÂN")
    assert a[i:i + 3] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lê Quang Thành"]
    assert b[j:j + 4] == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Thị Thu Hà"]
    assert "- Lưu: VT." in a and "- Lưu: VT, VP." in b
    # the body is the plan's, word for word
    body = slice(a.index("I. MỤC ĐÍCH, YÊU CẦU"), a.index("Nơi nhận:"))
    assert a[body] == b[b.index("I. MỤC ĐÍCH, YÊU CẦU"):b.index("Nơi nhận:")]
    # the office template: body at 13 pt and 1.2 lines
    styles = {s.get(f"{W}styleId"): s for s in part(phu, "word/styles.xml").iter(f"{W}style")}
    assert styles["VbhcBody"].find(f"{W}rPr/{W}sz").get(f"{W}val") == "26"
    assert styles["VbhcBody"].find(f"{W}pPr/{W}spacing").get(f"{W}line") == "288"


def test_cli_renders_with_the_profiles_template(tmp_path: Path) -> None:
    out = tmp_path / "qp.docx"
    result = subprocess.run([sys.executable, "-m", "vbhc", "render", "ke-hoach-hoang-kim.yaml", "--profile",
                             "profiles/xa-quang-phu.yaml", "-o", str(out)], cwd=EXAMPLES,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(io.BytesIO(out.read_bytes())) as z:
        assert b'w:line="288"' in z.read("word/styles.xml")


def test_merge_rules() -> None:
    profile = {"issuer": {"name": ["UBND", "xã A"], "abbreviation": "UBND"}, "recipients": ["X", "Y"],
               "archive": {"units": ["VP"]}}
    spec = {"issuer": {"abbreviation": "HĐND"}, "recipients": ["Z"], "archive": None}
    assert merge(profile, spec) == {"issuer": {"name": ["UBND", "xã A"], "abbreviation": "HĐND"},
                                    "recipients": ["Z"], "archive": None}


def test_spec_fields_override_the_profile(tmp_path: Path) -> None:
    write(tmp_path, "p.yaml", "issuer: {name: [Ủy ban nhân dân, xã A], abbreviation: UBND}\nplace: A\n"
                              "signers: {ct: {position: Chủ tịch, name: Lê A,\n"
                              "               mandates: [TM. Ủy ban nhân dân]},\n"
                              "          pct: {position: Phó Chủ tịch, name: Lê B}}\nsignatures: ct\n"
                              "recipients: [X (b/c)]\narchive: {units: [VP]}\n")
    spec = write(tmp_path, "s.yaml", "profile: p.yaml\ntype: bao-cao\ndate: 2024-03\nsummary: S\n"
                                     "body: Nội dung.\nissuer: {name: [Ủy ban nhân dân, xã B]}\n"
                                     "signatures: pct\narchive: {copies: 3}\n")
    doc = load(spec)
    assert doc.issuer.name == ("Ủy ban nhân dân", "xã B") and doc.issuer.abbreviation == "UBND"
    assert doc.signatures == (Signature(position="Phó Chủ tịch", name="Lê B"),)
    assert doc.recipients == (Recipient("X", "b/c"),)
    assert (doc.archive.units, doc.archive.copies) == (("VP",), 3)


def test_profile_fields_are_document_fields() -> None:
    import attrs

    assert set(PROFILE_FIELDS) <= {a.name for a in attrs.fields(Document)}


def test_profile_errors_name_the_profile_file_and_line(tmp_path: Path) -> None:
    write(tmp_path, "p.yaml", "issuer:\n  name: [UBND]\n  abbreviation: U B\nplace: ''\nbody: x\n"
                              "signers:\n  ct: {position: Chủ tịch}\n")
    spec = write(tmp_path, "s.yaml", "profile: p.yaml\ntype: bao-cao\ndate: 2024-03\nsummary: S\n"
                                     "signatures: c\n")
    messages = [str(e) for e in read(spec).errors]
    p = str(tmp_path / "p.yaml")
    assert any(m.startswith(f"{p}:5: body: expected one of the profile fields") for m in messages)
    assert any(m.startswith(f"{p}:7: signers.ct.name: expected a value") for m in messages)
    assert any(m.startswith(f"{p}:3: issuer.abbreviation: expected letters") for m in messages)
    assert any(m.startswith(f"{p}:4: place: expected non-empty text") for m in messages)
    assert any(m.startswith(f"{spec}:5: signatures[0]: expected one of the profile's signers: ct "
                            "(did you mean 'ct'?)") for m in messages), messages


def test_missing_profile(tmp_path: Path) -> None:
    spec = write(tmp_path, "s.yaml", "profile: nope.yaml\ntype: bao-cao\n")
    (error,) = read(spec).errors
    assert str(error) == f"{tmp_path / 'nope.yaml'}: no such file (the profile was not found)"
    assert "profiles apply" not in str(read(spec, profile=tmp_path / "x.yaml").errors[0])


def test_a_signer_key_needs_a_profile(tmp_path: Path) -> None:
    (error,) = read(write(tmp_path, "s.json", json.dumps(minimal(signatures="chu-tich")))).errors
    assert "needs a profile with signers" in str(error)


# --------------------------------------------------------------------------------------------
# Errors: all at once, each with its line


def test_every_error_is_reported_at_once_with_its_line(tmp_path: Path) -> None:
    spec = write(tmp_path, "s.yaml", """type: bao-cao
issuer:
  name: [Ủy ban nhân dân]
  abbreviation: UBND
  nam: x
number: 0
place: ""
date: 2024-02-30
summary: Kết quả
body: |
  I. A
  1. Một
  + cộng
  Điều 1.
signatures: [{position: Chủ tịch, name: ""}]
""")
    errors = [str(e) for e in read(spec).errors]
    s = str(spec)
    assert errors == [
        f"{s}:5: issuer.nam: expected one of the fields name, abbreviation, parent, address, phone, fax, "
        "email, website (did you mean 'name'?); found an unknown key",
        f"{s}:6: number: expected a whole number of 1 or more; found 0",
        f"{s}:7: place: expected non-empty text; found ''",
        f"{s}:8: date.day: expected a day that exists in 02/2024 (1 to 29); found 30",
        f"{s}:14: body[1].title: expected non-empty text; found ''",
        f"{s}:15: signatures[0].name: expected non-empty text; found ''",
    ]


def test_json_lines_and_outline_lines_inside_a_json_string(tmp_path: Path) -> None:
    text = json.dumps(minimal(place="", body="I. A\n1. Một\nĐiều 1."), ensure_ascii=False, indent=2)
    spec = write(tmp_path, "s.json", text)
    errors = [str(e) for e in read(spec).errors]
    line = next(i for i, t in enumerate(text.splitlines(), 1) if '"body"' in t)
    place = next(i for i, t in enumerate(text.splitlines(), 1) if '"place"' in t)
    assert errors == [f"{spec}:{place}: place: expected non-empty text; found ''",
                      f"{spec}:{line}: body[1].title: expected non-empty text; found '' "
                      "(line 3 of the text)"]


def test_duplicate_keys_are_errors(tmp_path: Path) -> None:
    spec = write(tmp_path, "s.yaml", yaml.safe_dump(minimal(), allow_unicode=True) + "place: Khác\n")
    assert any("place: expected each key once" in str(e) for e in read(spec).errors)
    text = json.dumps(minimal(), ensure_ascii=False)[:-1] + ', "place": "B"}'
    assert any("found 'place' again" in str(e) for e in read(write(tmp_path, "s.json", text)).errors)


def test_load_raises_with_every_error() -> None:
    with pytest.raises(SpecError) as info:
        structure(minimal(place="", number=0))
    assert isinstance(info.value, SpecProblems) and len(info.value.errors) == 2


# --------------------------------------------------------------------------------------------
# Warnings


def test_warnings(tmp_path: Path) -> None:
    data = minimal(archive=None, legal_bases=["Căn cứ A", "Căn cứ B;"])
    del data["body"]
    spec = write(tmp_path, "s.yaml", yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
                 + "body: |\n  I. A\n  1. Một\n  - x.\n\n  8. Tám\n  - y.\n")
    result = read(spec)
    assert result.document is not None and not result.errors
    messages = [str(w) for w in result.warnings]
    lines = spec.read_text(encoding="utf-8").splitlines()
    eight = next(i for i, t in enumerate(lines, 1) if t.strip() == "8. Tám")
    assert any(m.startswith(f"{spec}:{eight}: body[0].children[1]: typed \"8.\"") for m in messages), messages
    assert any("archive: no \"Lưu: VT\" line" in m for m in messages)
    assert any("legal_bases[0]: a căn cứ other than the last ends with \";\"" in m for m in messages)
    assert any("legal_bases[1]: the last căn cứ ends with \".\"" in m for m in messages)


def test_the_seeds_numbering_gap_is_a_warning_with_its_line(tmp_path: Path) -> None:
    seed = SEED.read_text(encoding="utf-8")
    body = seed[seed.index("I. MỤC ĐÍCH"):seed.index("Nơi nhận")]
    spec = write(tmp_path, "seed.yaml", "profile: " + str(EXAMPLES / "profiles" / "xa-hoang-kim.yaml")
                 + "\ntype: ke-hoach\ndate: 2024-02\nsummary: Bình đẳng giới\nbody: |\n"
                 + "".join(f"  {line}\n" if line.strip() else "\n" for line in body.splitlines()))
    result = read(spec)
    assert result.document is not None
    typed = [w for w in result.warnings if "typed" in w.message]
    lines = spec.read_text(encoding="utf-8").splitlines()
    assert [lines[w.line - 1].strip()[:3] for w in typed] == ["8. ", "9. "]
    assert 'vbhc numbers it "5."' in typed[0].message


def test_validate_command(tmp_path: Path) -> None:
    from vbhc.cli import main

    good = write(tmp_path, "g.json", json.dumps(minimal(archive=None), ensure_ascii=False))
    bad = write(tmp_path, "b.json", json.dumps(minimal(place=""), ensure_ascii=False))
    assert main(["validate", str(good)]) == 0
    assert main(["validate", str(bad)]) == 2
    assert sorted(tmp_path.iterdir()) == sorted([good, bad])  # validate writes nothing


def test_validate_prints_warnings_and_exits_0(tmp_path: Path) -> None:
    good = write(tmp_path, "g.json", json.dumps(minimal(archive=None), ensure_ascii=False))
    result = subprocess.run([sys.executable, "-m", "vbhc", "validate", str(good)], capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0
    assert "vbhc: warning: " in result.stderr and 'archive: no "Lưu: VT" line' in result.stderr
    assert result.stdout.strip() == f"{good}: valid (1 warning)"


# --------------------------------------------------------------------------------------------
# Python API and other folders


def test_python_api(tmp_path: Path) -> None:
    doc = vbhc.load(PLAN_YAML, profile=QUANG_PHU)
    assert doc.place == "Quảng Phú"
    document, errors, warnings = vbhc.validate(write(tmp_path, "s.json", json.dumps(minimal(place=""))))
    assert document is None and [e.path for e in errors] == ["place"] and warnings == []
    document, errors, warnings = vbhc.validate(PLAN_YAML)
    assert render_bytes(document) == render_bytes(vbhc.load(PLAN_JSON))
    assert errors == [] and warnings == []


def test_render_from_another_folder(tmp_path: Path) -> None:
    out = tmp_path / "plan.docx"
    elsewhere = ROOT / "tests" / "data"  # a folder inside the clone, whatever the clone is named
    for spec in (PLAN_YAML, PLAN_JSON):
        relative = os.path.relpath(spec, elsewhere)  # "../../examples/…": the profile resolves from the spec
        result = subprocess.run([sys.executable, "-m", "vbhc", "render", relative, "-o", str(out)],
                                cwd=elsewhere, capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stderr
        assert result.stderr == ""
    assert out.read_bytes() == render_bytes(load(PLAN_JSON))


# --------------------------------------------------------------------------------------------
# Fixed values typed in NFD (decomposed letters, as some keyboards and macOS file names give them)


def test_fixed_values_typed_in_nfd_are_matched_after_nfc(tmp_path: Path) -> None:
    import unicodedata

    nfd = lambda text: unicodedata.normalize("NFD", text)  # noqa: E731
    profile = write(tmp_path, "p.yaml", "signers:\n  phó-chủ-tịch: {position: Phó Chủ tịch, name: Lê B}\n")
    spec = write(tmp_path, "s.yaml", nfd(
        "type: Quyết định\nissuer: {name: [UBND xã A], abbreviation: UBND}\nplace: A\ndate: 2024-03-05\n"
        "summary: Về việc A\nsecrecy: MẬT\nurgency: KHẨN\nsignatures: phó-chủ-tịch\nprofile: p.yaml\n"
        "body: |\n  Chương I\n  QUY ĐỊNH CHUNG\n  Điều 1. Phạm vi\n  Nội dung.\n"))
    assert nfd("Điều") != "Điều" and profile.exists()
    result = read(spec)
    assert result.errors == [], result.errors
    document = result.document
    assert (document.type.value, document.secrecy.value) == ("quyet-dinh", "MẬT")
    assert document.urgency.value == "KHẨN"
    assert document.signatures[0].name == "Lê B"
    assert document.body[0].children[0].title.plain == "Phạm vi"  # "Điều 1." was read as an article
    from vbhc.readers.spec.starters import starter

    assert starter(nfd("Kế hoạch")) == starter("ke-hoach")
