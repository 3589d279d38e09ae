"""What Decree 30 does not govern (vbhc/nd30/scope.py, vbhc/recognise/scope.py): recognised once, reported
once and first, checked only for what its own regulation states alike, refused by import with its reason;
and the "not an administrative document" threshold holding over every fixture."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.fixtures import habits_scope
from tests.fixtures.all_habits import HABITS
from tests.fixtures.office_habits import Habit, not_an_administrative_document
from vbhc import nd30
from vbhc.check.checks import check_document
from vbhc.check.rules import RULES
from vbhc.cli import main
from vbhc.ooxml.resolve import read_document
from vbhc.recognise import recognise
from vbhc.recognise.scope import _LEGAL_NUMBER

NOT_DOCUMENTS = {not_an_administrative_document.__name__} | {
    make.__name__ for make in habits_scope.HABITS if make().refused == habits_scope.NOT_A_DOCUMENT}
OUT_OF_SCOPE = ("party_plan", "party_cell_resolution_with_tabs", "youth_union_plan", "farmers_union_report",
                "veterans_union_plan", "womens_union_own_line", "legal_normative_decision",
                "citizen_application", "personal_cv_under_national_title")


@pytest.mark.parametrize("make", HABITS, ids=lambda f: f.__name__)
def test_the_threshold_holds_over_every_fixture(make: Callable[[], Habit]) -> None:
    """A paper that is no administrative document falls under ``_MIN_ANCHORS``; every other fixture
    (an office's habit, a Party's document, an enterprise's) stands above it or is recognised for what
    it is."""
    rec = recognise(read_document(make().data))
    if make.__name__ in NOT_DOCUMENTS:
        assert not rec.is_administrative and rec.out_of_scope is None, rec.anchors
    else:
        assert rec.is_administrative or rec.out_of_scope is not None, rec.anchors
    assert (rec.out_of_scope is not None) == (make.__name__ in OUT_OF_SCOPE)


@pytest.mark.parametrize("name", OUT_OF_SCOPE)
def test_out_of_scope_is_one_finding_first_then_only_the_shared_rules(name: str) -> None:
    habit = getattr(habits_scope, name)()
    report = check_document(read_document(habit.data), name)
    scope = [f for f in report.findings if f.rule.id == "document.scope"]
    assert len(scope) == 1 and report.findings[0] is scope[0]
    assert "Decree 30 (Art." in scope[0].found
    evaluated = {r.id for r in report.passed} | report.rule_ids()
    shared = {"scope", *nd30.scope.SHARED_TECHNIQUE}
    assert {RULES[r].component for r in evaluated} <= shared
    not_its_own = {r for r in RULES if RULES[r].component not in shared}
    assert {s.rule.id for s in report.not_applicable} == not_its_own
    text = report.to_text()
    assert text.index("Scope (phạm vi điều chỉnh)") < text.index("Font (phông chữ)")
    assert report.exit_code == 0  # a warning: the document is no worse for being the Party's


def test_the_finding_names_what_was_seen_and_the_regulation() -> None:
    report = check_document(read_document(habits_scope.party_plan().data))
    (finding,) = [f for f in report.findings if f.rule.id == "document.scope"]
    assert '"ĐẢNG CỘNG SẢN VIỆT NAM"' in finding.found and "36-HD/VPTW" in finding.found
    assert "Art. 2.2" in finding.found and finding.paragraphs[0].text == "ĐẢNG CỘNG SẢN VIỆT NAM"
    decision = check_document(read_document(habits_scope.legal_normative_decision().data))
    (finding,) = [f for f in decision.findings if f.rule.id == "document.scope"]
    assert '"Số: 12/2024/QĐ-UBND"' in finding.found and "Art. 4.2.a" in finding.found


@pytest.mark.parametrize("name", sorted(NOT_DOCUMENTS - {not_an_administrative_document.__name__}))
def test_a_paper_that_is_no_document_gets_document_type_alone(name: str) -> None:
    report = check_document(read_document(getattr(habits_scope, name)().data), name)
    assert [f.rule.id for f in report.findings] == ["document.type"]
    assert "not an administrative document" in report.findings[0].found


@pytest.mark.parametrize(("number", "legal"), [
    ("Số: 12/2024/QĐ-UBND", True), ("Số 12/2024/NQ-HĐND", True), ("Luật số: 80/2015/QH13", True),
    ("Số: 01/2011/TT-BNV", True), ("Số: 30/2020/NĐ-CP", True), ("Số: 55/2005/TTLT-BNV-VPCP", True),
    ("Số: 12/QĐ-UBND", False), ("Số: 01/2024/HĐKT", False), ("Số: 12/KH-UBND", False),
    ("Số: 2024/QĐ-UBND", False), ("Số 12-KH/ĐU", False),
    # a state enterprise numbers its decisions with the year too: Decree 30 governs it (Art. 2.1)
    ("Số: 05/2024/QĐ-HĐQT", False), ("Số: 12/2024/QĐ-GĐ", False), ("Số: 01/2024/TT-KTNB", False),
    ("Số: 3/2023/L-BCH", False), ("Số: 12/2024/QĐ-BGĐ", False), ("Số: 07/2025/TT-BNNMT", True),
    ("Căn cứ Quyết định số 12/2024/QĐ-UBND ngày 15 tháng 3 năm 2024;", False),  # a căn cứ citing one
])
def test_a_legal_normative_number_carries_its_year_and_kind(number: str, legal: bool) -> None:
    assert bool(_LEGAL_NUMBER.match(number)) is legal


def test_the_cli_checks_and_refuses_a_party_document(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "dang-uy.docx"
    source.write_bytes(habits_scope.party_plan().data)
    assert main(["check", str(source)]) == 0
    out = capsys.readouterr().out
    assert out.index("document.scope") < out.index("font.slots") and "components.required" not in out
    spec = tmp_path / "dang-uy.yaml"
    assert main(["import", str(source), "-o", str(spec)]) == 2
    err = capsys.readouterr().err
    assert "Communist Party" in err and '"ĐẢNG CỘNG SẢN VIỆT NAM" (paragraph 4)' in err and "Art. 2.2" in err
    assert not spec.exists()


def test_pasted_text_is_read_whole_for_what_governs_it(tmp_path: Path) -> None:
    """A pasted Party plan joins its header's columns on one line; a pasted legal normative decision's
    number is among the header lines the text reader takes first: both are refused, naming the line."""
    from vbhc.pipeline import import_document
    from vbhc.readers.docx import NotGovernedByDecree30

    party = ("ĐẢNG BỘ HUYỆN HOẰNG HÓA\tĐẢNG CỘNG SẢN VIỆT NAM\nĐẢNG ỦY XÃ HOÀNG KIM\n*\nSố 12-KH/ĐU\n\n"
             "KẾ HOẠCH\ntuyên truyền kỷ niệm Ngày thành lập Đảng\n")
    decision = "ỦY BAN NHÂN DÂN\nTỈNH THANH HÓA\nSố: 12/2024/QĐ-UBND\n\nQUYẾT ĐỊNH\nBan hành Quy định\n"
    for name, text, words in (("party.txt", party, "Communist Party"),
                              ("decision.txt", decision, '"Số: 12/2024/QĐ-UBND" (paragraph 3)')):
        source = tmp_path / name
        source.write_text(text, encoding="utf-8")
        with pytest.raises(NotGovernedByDecree30, match=re.escape(words)):
            import_document(source)


def test_fix_leaves_a_party_documents_components_as_its_rules_have_them() -> None:
    """--fix on a Party's document sets the fonts (a shared rule) and leaves every size and weight: the
    heading's 15 pt and the tên loại's 16 pt are the Party's (Hướng dẫn 36-HD/VPTW), not faults."""
    from vbhc.check.fix import fix_package

    data = habits_scope.party_plan().data
    doc = read_document(data)
    fixed = fix_package(doc.package, doc, check_document(doc), data)
    again = read_document(fixed.data)
    looks = [[(r.text, r.size_pt, r.bold, r.italic) for r in p.runs] for p in doc.paragraphs]
    assert [[(r.text, r.size_pt, r.bold, r.italic) for r in p.runs] for p in again.paragraphs] == looks
    assert "document.scope" in fixed.left
    assert "font.slots" not in check_document(again).rule_ids()
