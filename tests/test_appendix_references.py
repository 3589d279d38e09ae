"""References to a document's own appendices recovered by ``vbhc import`` (issue 11): "tại Phụ lục II"
becomes ``{appendix:ID}`` and the appendix gets the id, so render → import → render of a spec that uses
``{appendix:id}`` keeps its text and its references; another text's appendix ("Phụ lục I kèm theo
Thông tư số 01/2011/TT-BNV"), one the document lacks and a lower-case "phụ lục" stay as typed."""

from __future__ import annotations

from typing import Any

import pytest

import vbhc
from tests.fixtures.habits_tables import appendix_references, table_in_appendix
from vbhc import model as m
from vbhc.model.document import APPENDIX_REFERENCE
from vbhc.pipeline import import_document, render_bytes
from vbhc.readers.docx.references import link_appendices

from .conftest import EXAMPLES
from .test_tables import document


def references(doc: m.Document) -> list[str]:
    """Every ``{appendix:ID}`` in the document's texts, in order."""
    out: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, m.Text):
            out.extend(x[1] for x in APPENDIX_REFERENCE.finditer(value.plain))
        elif isinstance(value, tuple):
            for v in value:
                walk(v)
        elif hasattr(type(value), "__attrs_attrs__"):
            for a in type(value).__attrs_attrs__:
                walk(getattr(value, a.name))

    walk(doc)
    return out


def test_the_plan_example_imports_with_its_references() -> None:
    first = render_bytes(vbhc.load(EXAMPLES / "ke-hoach-kinh-phi-hoang-kim.yaml"))
    result = import_document(first)
    doc = result.document
    ids = [a.id for a in doc.appendices]
    assert references(doc) == [ids[0], ids[1]] and None not in ids[:2]
    assert "{appendix:" in result.yaml
    assert render_bytes(doc) == first


def test_references_anywhere_in_the_text_round_trip() -> None:
    appendices = [m.Appendix("Lịch tuyên truyền", [m.Paragraph("Xem thêm {appendix:kp}.")], id="lich"),
                  m.Appendix("Dự toán kinh phí", [m.Paragraph("Chi tiết.")], id="kp"),
                  m.Appendix(None, [m.Paragraph("Danh sách.")], id="ds")]
    doc = document([m.Paragraph("Theo {appendix:lich} và {appendix:ds} (tại {appendix:kp} kèm theo)."),
                    m.Part("Nội dung", [m.Item(text="Thực hiện theo {appendix:kp}."),
                                        m.Table([["1", "Tuyên truyền\ntheo {appendix:lich}"]],
                                                header=[["STT", "Nội dung"]])])],
                   appendices=appendices)
    first = render_bytes(doc)
    again = import_document(first).document
    assert render_bytes(again) == first
    assert references(again) == ["lich-tuyen-truyen", "phu-luc-3", "du-toan-kinh-phi", "du-toan-kinh-phi",
                                 "lich-tuyen-truyen", "du-toan-kinh-phi"]


def test_one_appendix_the_bare_word_is_the_reference() -> None:
    result = import_document(table_in_appendix().data)
    (appendix,) = result.document.appendices
    assert appendix.id == "du-toan-kinh-phi" and references(result.document) == ["du-toan-kinh-phi"]
    again = render_bytes(result.document)
    assert render_bytes(import_document(again).document) == again


def test_what_is_not_safely_the_documents_own_stays_as_typed() -> None:
    result = import_document(appendix_references().data)
    doc = result.document
    assert [a.id for a in doc.appendices] == ["lich-tuyen-truyen", "du-toan-kinh-phi"]
    texts = [x.text.plain for x in doc.body[0].children]
    assert texts[0].endswith("tại {appendix:lich-tuyen-truyen}.")
    assert "tại {appendix:du-toan-kinh-phi} kèm theo Kế hoạch này" in texts[1]
    assert "tại Phụ lục I kèm theo Thông tư số 01/2011/TT-BNV" in texts[2]
    assert "theo Phụ lục IV và các phụ lục liên quan" in texts[3]
    assert any('"Phụ lục IV", which this document does not have' in str(d) for d in result.diagnostics)


@pytest.mark.parametrize(("text", "linked"), [
    ("tại Phụ lục II.", "tại {appendix:b}."),
    ("(Phụ lục I và Phụ lục II kèm theo)", "({appendix:a} và {appendix:b} kèm theo)"),
    ("tại Phụ lục II ban hành kèm theo Quyết định này", "tại {appendix:b} ban hành kèm theo Quyết định này"),
    ("Phụ lục II của Nghị định số 30/2020/NĐ-CP", None),
    ("Phụ lục I và Phụ lục II kèm theo Thông tư số 01/2011/TT-BNV", None),
    ("Phụ lục số 01", None),
    ("Phụ lục II Nghị định 30/2020/NĐ-CP", None),
    ("theo Phụ lục II Đề án 06", None),  # any tên loại of Art. 7 or an issued text names another text
    ("tại Phụ lục I Tờ trình số 15/TTr-UBND", None),
    ("các Phụ lục kèm theo", None),  # two appendices: the bare word names neither
    ("phụ lục II", None),
    ("{appendix:a}", None),
])
def test_which_words_are_linked(text: str, linked: str | None) -> None:
    data: dict[str, Any] = {"body": [text], "appendices": [{"id": "a"}, {"id": "b"}]}
    link_appendices(data, ["Phụ lục I", "Phụ lục II"], lambda _: None)
    assert data["body"] == [linked or text]


def test_appendices_labelled_with_digits_are_linked_by_their_digits() -> None:
    """"Phụ lục 1", "Phụ lục 2" as offices type them: vbhc prints the labels "Phụ lục I", "Phụ lục II", so
    the text's "Phụ lục 2" follows; a Roman "Phụ lục II" names no label typed so and stays."""
    data: dict[str, Any] = {"body": ["theo Phụ lục 1 và Phụ lục 2; Phụ lục II; Phụ lục 3"],
                            "appendices": [{"title": "Lịch"}, {"title": "Kinh phí"}]}
    said: list[str] = []
    link_appendices(data, ["Phụ lục 1", "PHỤ LỤC 2"], said.append)
    assert data["body"] == ["theo {appendix:lich} và {appendix:kinh-phi}; Phụ lục II; Phụ lục 3"]
    assert [a["id"] for a in data["appendices"]] == ["lich", "kinh-phi"]
    assert len(said) == 2 and '"Phụ lục 3"' in said[1]
