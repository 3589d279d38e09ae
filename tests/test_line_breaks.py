"""A line break the officer types in the trích yếu or in the issuer's (or parent body's) name: kept as a
``w:br`` inside one paragraph, measured line by line for the header's fit, read back by the checker as
one component; refused in every other field (PL I, II.2.b and II.5.b: a long name or summary stands on
several lines)."""

from __future__ import annotations

import re
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import make_document, part
from vbhc.check import check
from vbhc.cli import main
from vbhc.errors import FieldError
from vbhc.model import Issuer, Paragraph
from vbhc.ooxml.resolve import read_document
from vbhc.pipeline import read
from vbhc.readers.spec.schema import spec_schema
from vbhc.recognise.components import recognise
from vbhc.writers.docx.writer import render_bytes

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TWIPS_PER_PT = 20

SPEC = """\
type: ke-hoach
issuer:
  parent: ["Ủy ban nhân dân\\nhuyện Hoằng Hóa"]
  name: ["Ủy ban nhân dân\\nxã Hoàng Kim"]
  abbreviation: UBND
place: Hoàng Kim
date: 2024-03-05
number: 5
summary: |
  Triển khai thực hiện công tác bình đẳng giới
  và phòng ngừa bạo lực trên cơ sở giới năm 2024
body: Nội dung.
signatures: [{position: Chủ tịch, name: Lê Văn A, mandates: [TM. Ủy ban nhân dân]}]
"""


def _spec(tmp_path: Path, text: str = SPEC) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _pieces(p) -> list[str]:
    """A paragraph's run content in order: each w:t's text, "<br>" for each w:br."""
    return ["<br>" if node.tag == f"{W}br" else node.text for r in p.iter(f"{W}r") for node in r
            if node.tag in (f"{W}t", f"{W}br")]


def _styled(root, style: str) -> list:
    return [p for p in root.iter(f"{W}p") if p.find(f"{W}pPr/{W}pStyle") is not None
            and p.find(f"{W}pPr/{W}pStyle").get(f"{W}val") == style]


def test_a_broken_summary_is_one_paragraph_with_a_break_and_the_line_under_it_all(tmp_path: Path) -> None:
    result = read(_spec(tmp_path))
    assert result.document.summary.plain == ("Triển khai thực hiện công tác bình đẳng giới\n"
                                             "và phòng ngừa bạo lực trên cơ sở giới năm 2024")  # end trimmed
    root = part(render_bytes(result.document), "word/document.xml")
    [summary] = _styled(root, "VbhcSummary")
    assert _pieces(summary) == ["Triển khai thực hiện công tác bình đẳng giới", "<br>",
                                "và phòng ngừa bạo lực trên cơ sở giới năm 2024"]
    rule = summary.getnext()
    assert rule.find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "VbhcRule"
    [issuer] = _styled(root, "VbhcIssuer")
    assert _pieces(issuer) == ["ỦY BAN NHÂN DÂN", "<br>", "XÃ HOÀNG KIM"]
    [parent] = _styled(root, "VbhcParentBody")
    assert _pieces(parent) == ["ỦY BAN NHÂN DÂN", "<br>", "HUYỆN HOẰNG HÓA"]


def test_the_checker_reads_each_broken_text_as_one_component_measured_by_its_widest_line(
        tmp_path: Path) -> None:
    data = render_bytes(read(_spec(tmp_path)).document)
    report = check(data)
    assert report.errors == 0, report.findings
    rec = recognise(read_document(data))
    assert [x.text for x in rec.summary] == ["Triển khai thực hiện công tác bình đẳng giới và phòng ngừa "
                                             "bạo lực trên cơ sở giới năm 2024"]
    assert [x.text for x in rec.issuer] == ["ỦY BAN NHÂN DÂN XÃ HOÀNG KIM"]
    assert [x.text for x in rec.parent_body] == ["ỦY BAN NHÂN DÂN HUYỆN HOẰNG HÓA"]
    # The line under the trích yếu is 1/3 to 1/2 of its widest line, not of both lines end to end.
    assert "summary.rule-length" in {r.id for r in report.passed}


def test_the_header_fit_measures_each_line(tmp_path: Path) -> None:
    widths = re.compile(r"(\d+\.\d+) cm of text in a (\d+\.\d+) cm")
    one_line = SPEC.replace("\\nhuyện", " huyện").replace("\\nxã", " xã")
    found = {d.path for d in read(_spec(tmp_path, one_line)).warnings if widths.search(d.message)}
    assert found == {"issuer.parent[0]", "issuer.name[0]"}  # each too wide on one line
    assert [d for d in read(_spec(tmp_path)).warnings if widths.search(d.message)] == []  # broken: fit
    report = check(render_bytes(read(_spec(tmp_path, one_line)).document))
    assert {f.rule.id for f in report.findings} >= {"issuer.fits", "parent-body.fits"}
    report = check(render_bytes(read(_spec(tmp_path)).document))
    assert not {f.rule.id for f in report.findings} & {"issuer.fits", "parent-body.fits"}
    # A line of a broken name still too wide is named, with the widest line's width.
    too_wide = SPEC.replace("xã Hoàng Kim", "xã Hoàng Kim Tây Bắc Trung Nam")
    [warning] = [d for d in read(_spec(tmp_path, too_wide)).warnings if widths.search(d.message)]
    assert warning.path == "issuer.name[0]" and "or break it with a line break" in warning.message


@pytest.mark.parametrize("field, value", [
    ("place", '"Hoàng\\nKim"'),
    ("body", '[{kind: paragraph, text: "Nội\\ndung."}]'),
    ("summary", '"Tóm\\rtắt"'),  # other control characters stay refused, even where a break is kept
    ("summary", '"Tóm\\atắt"'),
])
def test_other_fields_and_other_characters_stay_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                         field: str, value: str) -> None:
    text = re.sub(rf"^{field}:.*?(?=^\w)", lambda _: f"{field}: {value}\n", SPEC, flags=re.S | re.M)
    assert main(["validate", str(_spec(tmp_path, text))]) == 2
    err = capsys.readouterr().err
    assert re.search(rf"error: .*plan\.yaml:\d+: {field}\S*: expected .*; found a", err), err


def test_the_model_keeps_breaks_only_where_the_field_allows_them() -> None:
    assert Issuer(name=["Ủy ban nhân dân \n xã Hoàng Kim\n"], abbreviation="UBND").name == (
        "Ủy ban nhân dân\nxã Hoàng Kim",)
    assert make_document(summary="Một\nHai").summary.plain == "Một\nHai"
    with pytest.raises(FieldError, match="text: expected one line of text"):
        Paragraph("Một\nHai")
    with pytest.raises(FieldError, match=r"abbreviation"):
        Issuer(name=["Ủy ban"], abbreviation="UB\nND")


def test_an_appendix_note_and_a_form_sentence_print_the_name_on_one_line() -> None:
    from vbhc.layout import lay_out
    from vbhc.model import Appendix

    doc = make_document(issuer=Issuer(name=["Ủy ban nhân dân\nxã Hoàng Kim"], abbreviation="UBND"), number=5,
                        appendices=[Appendix(title="Danh sách", children=[Paragraph("Nội dung.")])])
    note = lay_out(doc).appendices[0].note
    assert "của Ủy ban nhân dân xã Hoàng Kim" in note.plain and "\n" not in note.plain


def test_the_schema_allows_a_break_in_the_summary_and_the_names_only() -> None:
    validator = jsonschema.Draft202012Validator(spec_schema())
    base = {"type": "ke-hoach", "issuer": {"name": ["Ủy ban nhân dân\nxã Hoàng Kim"], "parent": ["A\nB"],
                                           "abbreviation": "UBND"},
            "place": "Hoàng Kim", "date": "2024-03-05", "summary": "Một\nHai", "body": "Nội dung.",
            "signatures": [{"position": "Chủ tịch", "name": "Lê Văn A"}]}
    assert list(validator.iter_errors(base)) == []
    assert list(validator.iter_errors({**base, "summary": "Một\rHai"}))
    assert list(validator.iter_errors({**base, "place": "Hoàng\nKim"}))
