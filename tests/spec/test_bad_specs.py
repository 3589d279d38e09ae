"""Bad specs: each one exits with status 2, names the field (or the file and line), writes nothing.

The command runs in-process (``vbhc.cli.main``) for speed; ``tests/test_cli.py`` runs it as a
subprocess. User text that looks like a template, XML or an entity is printed as typed.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES
from vbhc.cli import main

HOANG_KIM = EXAMPLES / "profiles" / "xa-hoang-kim.yaml"


def spec(**changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "type": "bao-cao",
        "issuer": {"name": ["Ủy ban nhân dân", "xã Hoàng Kim"], "abbreviation": "UBND"},
        "place": "Hoàng Kim", "date": "2024-03-05", "summary": "Kết quả", "body": "Nội dung.",
        "signatures": [{"position": "Chủ tịch", "name": "Lê Quang Thành",
                        "mandates": [{"authority": "TM.", "of": "Ủy ban nhân dân"}]}],
    }
    for key, value in changes.items():
        if value is ...:
            data.pop(key)
        else:
            data[key] = value
    return data


def as_json(**changes: object) -> bytes:
    return json.dumps(spec(**changes), ensure_ascii=False).encode()


def yaml_text(text: str) -> tuple[str, bytes]:
    return "spec.yaml", text.encode()


SIG = {"position": "Chủ tịch", "name": "Lê A"}
CASES: dict[str, tuple[str, bytes | Callable[[Path], bytes], str]] = {
    # name: (file name, content, what the message must contain)
    "unknown type": ("spec.json", as_json(type="ke-hoch"), "type: expected one of"),
    "type near miss": ("spec.json", as_json(type="bao-cao-x"), "(did you mean 'bao-cao'?)"),
    "type not text": ("spec.json", as_json(type=5), "type: expected one of"),
    "number zero": ("spec.json", as_json(number=0), "number: expected a whole number of 1 or more"),
    "number negative": ("spec.json", as_json(number=-3), "number: expected a whole number of 1 or more"),
    "number as text": ("spec.json", as_json(number="5"), 'number: expected a whole number; found "5"'),
    "number fraction": ("spec.json", as_json(number=2.5), "number: expected a whole number; found 2.5"),
    "empty place": ("spec.json", as_json(place=""), "place: expected non-empty text"),
    "blank place": ("spec.json", as_json(place="   "), "place: expected non-empty text"),
    "missing summary": ("spec.json", as_json(summary=...), "summary: expected a value (this field is "
                                                           "required); found nothing"),
    "missing issuer": ("spec.json", as_json(issuer=...), "issuer: expected a value"),
    "30 February": ("spec.json", as_json(date="2024-02-30"), "date.day: expected a day that exists in "
                                                             "02/2024 (1 to 29); found 30"),
    "30/02 Vietnamese form": ("spec.json", as_json(date="30/02/2023"), "date.day: expected a day that "
                                                                       "exists in 02/2023 (1 to 28)"),
    "month 13": ("spec.json", as_json(date={"year": 2024, "month": 13}), "date.month: expected a month"),
    "date as words": ("spec.json", as_json(date="ngày mai"), 'date: expected a date "2024-03-05"'),
    "abbreviation with a space": ("spec.json", as_json(issuer={"name": ["UBND"], "abbreviation": "UB ND"}),
                                  "issuer.abbreviation: expected letters without spaces"),
    "issuer without name": ("spec.json", as_json(issuer={"name": [], "abbreviation": "UBND"}),
                            "issuer.name: expected at least one line"),
    "unknown issuer key": ("spec.json", as_json(issuer={"nam": ["UBND"], "abbreviation": "UBND"}),
                           "issuer.nam: expected one of the fields name, abbreviation, parent, address, "
                           "phone, fax, email, website (did you mean 'name'?); found an unknown key"),
    "unknown top key": ("spec.json", as_json(sumary="x"), "sumary: expected one of the fields"),
    "no signature": ("spec.json", as_json(signatures=[]), "signatures: expected at least one signature"),
    "bad mandate text": ("spec.json", as_json(signatures=[{**SIG, "mandates": ["XX. Foo"]}]),
                         "signatures[0].mandates[0]: expected a quyền hạn and its holder"),
    "bad authority": ("spec.json", as_json(signatures=[{**SIG, "mandates": [{"authority": "XX",
                                                                             "of": "UBND"}]}]),
                      "signatures[0].mandates[0].authority: expected one of KT., Q., TL., TM., TUQ."),
    "kind near miss": ("spec.json", as_json(body=[{"kind": "prt", "title": "A"}]),
                       "body[0].kind: expected one of division, chapter, section, article, part, item, "
                       "point, dash, plus, paragraph, table (did you mean 'part'?)"),
    "kind missing": ("spec.json", as_json(body=[{"title": "A"}]), "body[0].kind: expected one of"),
    "empty part title": ("spec.json", as_json(body=[{"kind": "part", "title": ""}]),
                         "body[0].title: expected non-empty text"),
    "plus under an article": ("spec.json", as_json(body=[{"kind": "article", "title": "A", "children": [
        {"kind": "plus", "text": "x"}]}]), "body[0].children[0].kind: expected one of item, point, dash, "
                                            "paragraph"),
    "item with neither title nor text": ("spec.json", as_json(body=[{"kind": "item"}]),
                                         "body[0].title: expected a title or a text for the item"),
    "outline part without title": ("spec.json", as_json(body="I.\n1. Một"), "body[0].title: expected "
                                                                             "non-empty text"),
    "outline plus under an article": ("spec.json", as_json(body="Điều 1. A\n+ x"),
                                      "body[0].children[0]: expected one of item"),
    "outline marker in preamble": ("spec.json", as_json(preamble="Căn cứ.\n- gạch"),
                                   "preamble[1]: expected one of paragraph"),
    "multi-line text in a list": ("spec.json", as_json(body=["một\nhai"]), "body[0]: expected one "
                                                                           "paragraph on one line"),
    "body as a number": ("spec.json", as_json(body=5), "body: expected outline text or a list; found 5"),
    "bell character": ("spec.json", as_json(summary="Kết\x07quả"), "summary: expected text without "
                                                                   "control characters"),
    "right-to-left mark": ("spec.json", as_json(place="Hoàng\u200fKim"), "place: expected one line of "
                                                                          "text; found a right-to-left mark"),
    "line break in a line": ("spec.json", as_json(place="Hoàng\nKim"), "place: expected one line of text; "
                                                                       "found a line break"),
    "Arabic letter mark": ("spec.json", as_json(place="Hoàng\u061cKim"),
                           "place: expected one line of text; found an Arabic letter mark (U+061C)"),
    "line separator": ("spec.json", as_json(summary="Kết\u2028quả"),
                       "summary: expected text without control characters or line breaks; found a line "
                       "separator (U+2028)"),
    "seven signatures": ("spec.json", as_json(signatures=[SIG] * 7),
                         "signatures: expected 1–6 signatures, as vbhc lays out PL III, Mẫu 1.4 (in rows "
                         "of two); found 7"),
    "TUQ. passed on": ("spec.json",
                       as_json(signatures=[{**SIG, "mandates": ["TUQ. Chủ tịch", "KT. Chánh Văn phòng"]}]),
                       'signatures[0].mandates: expected a quyền hạn stack the decree allows; "KT." under '
                       '"TUQ.": TUQ. is followed by only the signer\'s own position (Art. 13.3)'),
    "a 200,003-character word": ("spec.json", as_json(body="x" * 200_003),
                                 "body[0].text: expected text of at most 50,000 characters; found 200,003"),
    "a 1 MB paragraph": ("spec.json", as_json(summary="ab" * 500_000),
                         "summary: expected text of at most 50,000 characters; found 1,000,000"),
    "5,000 copies of one line": ("spec.json", as_json(body=[{"kind": "dash", "text": "Nội dung."}] * 5_000),
                                 "body: expected text that repeats itself less"),
    ".py spec that exits 0": ("spec.py", b"import sys\nsys.exit(0)\n",
                              "spec.py:2: the spec called sys.exit(0); a .py spec defines `document` and "
                              "does not exit"),
    "recipient punctuation": ("spec.json", as_json(recipients=[{"name": "- Phòng;"}]),
                              "recipients[0].name: expected the name alone"),
    "copies zero": ("spec.json", as_json(archive={"copies": 0}), "archive.copies: expected a whole number "
                                                                 "of 1 or more"),
    "công văn without unit": ("spec.json", as_json(type="cong-van"), "unit: expected the drafting unit's "
                                                                     "abbreviation"),
    "unknown secrecy": ("spec.json", as_json(secrecy="TOP"), "secrecy: expected one of"),
    "empty căn cứ": ("spec.json", as_json(legal_bases=["Căn cứ A;", ""]), "legal_bases[1]: expected"),
    "bad span": ("spec.json", as_json(summary=[{"txt": "x"}]), "summary[0]: expected a span"),
    "signer key without profile": ("spec.json", as_json(signatures="chu-tich"),
                                   "signatures[0]: expected a signature"),
    "unknown signer": ("spec.json", as_json(profile=str(HOANG_KIM), signatures=["chu-tic"]),
                       "signatures[0]: expected one of the profile's signers: chu-tich, pho-chu-tich "
                       "(did you mean 'chu-tich'?)"),
    "duplicate key": ("spec.json", as_json()[:-1] + b', "place": "B"}', "place: expected each key once"),
    "top-level list": ("spec.json", b"[1, 2]", "expected an object with the document's fields"),
    "malformed JSON": ("spec.json", b'{"type": "bao-cao",,}', "spec.json:1:20: malformed JSON"),
    "NaN in JSON": ("spec.json", b'{"number": NaN}', "malformed JSON: NaN is not a JSON value"),
    "nested too deeply": ("spec.json", b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    "not UTF-8": ("spec.json", b'{"place": "Ho\xe0ng Kim"}', "not UTF-8 text"),
    "over 10 MB": ("spec.json", b" " * (10 * 1024 * 1024 + 1) + b"{}", "a spec may be at most 10 MB"),
    "malformed YAML": yaml_text("type: bao-cao\nplace: [Hoàng Kim\n"),
    "YAML alias": yaml_text("a: &x [1, 2]\nplace: *x\n"),
    "YAML python tag": yaml_text("place: !!python/object/apply:os.system ['echo owned']\n"),
    "YAML unquoted template": yaml_text("place: {{ 7*7 }}\n"),
    "YAML empty": yaml_text(""),
    "YAML 30 February": yaml_text("date: 2024-02-30\n"),
    "missing profile": ("spec.json", as_json(profile="nope.yaml"), "nope.yaml: no such file (the profile "
                                                                   "was not found)"),
    "profile not UTF-8": ("spec.json", lambda d: (d / "p.yaml").write_bytes(b"place: Ho\xe0ng") and
                          as_json(profile="p.yaml"), "p.yaml: not UTF-8 text"),
    "unknown profile key": ("spec.json", lambda d: (d / "p.yaml").write_text("summary: x\n", "utf-8") and
                            as_json(profile="p.yaml"), "p.yaml:1: summary: expected one of the profile "
                                                       "fields"),
}
YAML_MESSAGES = {
    "malformed YAML": "malformed YAML: expected ',' or ']', but got '<stream end>' (while parsing a "
                      "flow sequence started on line 2)",
    "YAML alias": "YAML aliases (*name) are not accepted",
    "YAML python tag": "tags such as !!python/... are not accepted",
    "YAML unquoted template": "must be in quotes", "YAML empty": "expected an object",
    "YAML 30 February": "spec.yaml:1: date.day: expected a day that exists in 02/2024",
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_spec_exits_2_names_the_field_and_writes_nothing(
        case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    name, content, message = (*CASES[case][:2], CASES[case][2]) if len(CASES[case]) == 3 else (
        *CASES[case], "")
    message = YAML_MESSAGES.get(case, message)
    inputs, outputs = tmp_path / "in", tmp_path / "out"
    inputs.mkdir()
    outputs.mkdir()
    data = content(inputs) if callable(content) else content
    path = inputs / name
    path.write_bytes(data)
    before = sorted(p.name for p in inputs.iterdir())
    code = main(["render", str(path), "-o", str(outputs / "doc.docx")])
    err = capsys.readouterr().err
    assert code == 2, err
    assert message in err, err
    assert "Traceback" not in err
    assert all(line.startswith(("vbhc: error: ", "vbhc: warning: ")) for line in err.splitlines())
    assert list(outputs.iterdir()) == []
    assert sorted(p.name for p in inputs.iterdir()) == before


def test_there_are_at_least_30_cases() -> None:
    assert len(CASES) >= 30


def test_missing_spec_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", str(tmp_path / "nope.yaml"), "-o", str(tmp_path / "o.docx")]) == 2
    assert "nope.yaml: no such file (the spec was not found)" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_an_existing_output_is_left_untouched(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "o.docx"
    out.write_bytes(b"previous")
    bad = tmp_path / "s.json"
    bad.write_bytes(as_json(place=""))
    assert main(["render", str(bad), "-o", str(out)]) == 2
    assert out.read_bytes() == b"previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["o.docx", "s.json"]


def document_text(docx: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        return archive.read("word/document.xml").decode("utf-8")


@pytest.mark.parametrize("text", ["{{ 7*7 }}", "{% if x %}có{% endif %}", "<w:p>chèn</w:p>", "&amp; &lt;",
                                  "${HOME} $(echo x) `id`", "Chúc mừng 🎉 năm mới"])
def test_user_text_is_printed_literally(text: str, tmp_path: Path) -> None:
    from lxml import etree

    from tests.conftest import paragraph_texts

    path = tmp_path / "s.yaml"
    path.write_text(f"type: bao-cao\nissuer: {{name: [UBND xã A], abbreviation: UBND}}\nplace: A\n"
                    f"date: 2024-03\nsummary: 'Báo cáo {text}'\nbody: |\n  - {text}\n"
                    f"signatures: {{position: Chủ tịch, name: Lê A}}\n", encoding="utf-8")
    out = tmp_path / "o.docx"
    assert main(["render", str(path), "-o", str(out)]) == 0
    paragraphs = paragraph_texts(etree.fromstring(document_text(out.read_bytes()).encode()))
    assert f"Báo cáo {text}" in paragraphs
    assert f"- {text}./." in paragraphs
    assert "49" not in "".join(paragraphs)
