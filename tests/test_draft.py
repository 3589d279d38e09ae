"""A draft's mark: "DỰ THẢO" (or "DỰ THẢO LẦN 2") above the header at the top right of page 1, from the
spec's ``draft`` field; the checker recognises it, an office's own spelling of it included."""

from __future__ import annotations

import pytest

from tests.check.documents import Docx, replace_text, set_run
from tests.conftest import W, make_document, part
from vbhc import nd30
from vbhc.check import check, read_document, recognise
from vbhc.errors import FieldError
from vbhc.layout import lay_out
from vbhc.nd30 import Role
from vbhc.readers.spec.reader import structure, unstructure
from vbhc.writers.docx.writer import render_bytes

SPEC = {"type": "ke-hoach", "issuer": {"name": ["Ủy ban nhân dân", "xã Hoàng Kim"], "abbreviation": "UBND"},
        "place": "Hoàng Kim", "date": "2024-03-05", "summary": "Tóm tắt", "body": "Nội dung.",
        "signatures": [{"position": "Chủ tịch", "name": "Lê Văn A"}]}


@pytest.mark.parametrize(("draft", "text"), [(True, "DỰ THẢO"), (2, "DỰ THẢO LẦN 2")])
def test_the_mark_is_the_first_line_above_the_header(draft: bool | int, text: str) -> None:
    data = render_bytes(make_document(draft=draft))
    body = part(data, "word/document.xml").find(f"{W}body")
    first, header = body[0], body[1]
    assert first.tag == f"{W}p" and header.tag == f"{W}tbl"
    assert "".join(t.text for t in first.iter(f"{W}t")) == text
    assert first.find(f"{W}r/{W}rPr/{W}bdr").get(f"{W}val") == "single"  # in a frame
    doc = read_document(data)
    p = doc.paragraphs[0]
    assert p.alignment == "right" and p.table is None
    assert {(r.size_pt, r.bold, r.italic) for r in p.visible_runs} == {(nd30.DRAFT.default_size, True, False)}
    rec = recognise(doc)
    assert rec.draft is not None and rec.draft.paragraph.index == 0 and rec.draft.role is Role.DRAFT
    assert [x.text for x in rec.issuer] == ["ỦY BAN NHÂN DÂN", "XÃ HOÀNG KIM"]
    report = check(data)
    assert report.errors == 0 and not [f for f in report.findings if f.rule.id.startswith("draft.")]


def test_no_mark_without_draft() -> None:
    assert lay_out(make_document()).draft is None
    assert lay_out(make_document(draft=False)).draft is None
    assert recognise(read_document(render_bytes(make_document()))).draft is None


def test_an_office_mark_in_its_own_look_is_recognised_and_only_warned_about() -> None:
    docx = Docx(render_bytes(make_document(draft=2)))
    mark = docx.paragraphs()[0]
    replace_text(mark, "DỰ THẢO LẦN 2", "Dự thảo lần 2")
    set_run(mark, "b", val="0")
    set_run(mark, "sz", val="24")
    report = check(docx.data())
    assert {f.rule.id for f in report.findings if f.rule.component == "marks"} == {"draft.bold", "draft.size"}
    assert report.errors == 0, report.to_text()


def test_the_spec_field() -> None:
    assert structure({**SPEC, "draft": True}).draft is True
    assert structure({**SPEC, "draft": 3}).draft == 3
    assert structure(unstructure(structure({**SPEC, "draft": 2}))).draft == 2
    for bad in (0, "yes", 1.5):
        with pytest.raises(Exception, match="draft"):
            structure({**SPEC, "draft": bad})
    with pytest.raises(FieldError, match="draft"):
        make_document(draft=-1)
