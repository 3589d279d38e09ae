"""Word-made documents with real offices' habits (tests/fixtures/office_habits.py): each is recognised as
its fixture says, and ``vbhc check`` raises none of the false alarms the habit used to raise."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

import pytest

from tests.fixtures.all_habits import HABITS
from tests.fixtures.office_habits import Habit
from vbhc.check.checks import check_document
from vbhc.check.fix import fix_package
from vbhc.check.rules import RULES, Severity
from vbhc.ooxml.resolve import read_document
from vbhc.recognise import recognise
from vbhc.recognise.components import shown

_BUILT: dict[str, Habit] = {}


def built(make: Callable[[], Habit]) -> Habit:
    if make.__name__ not in _BUILT:
        _BUILT[make.__name__] = make()
    return _BUILT[make.__name__]


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@pytest.mark.parametrize("make", HABITS, ids=lambda f: f.__name__)
def test_each_paragraph_gets_its_role(make: Callable[[], Habit]) -> None:
    habit = built(make)
    doc = read_document(habit.data)
    rec = recognise(doc)
    roles: dict[int, set[str]] = {}  # a line laid out with tabs holds two components: two roles
    for item in rec.all():
        if item.paragraph.location == "body":
            roles.setdefault(item.paragraph.index, set()).add(item.role.value)
    for prefix, role in habit.roles.items():
        found = [p for p in doc.paragraphs if _nfc(shown(p)).startswith(_nfc(prefix))]
        assert found, f"{habit.name}: no paragraph starts {prefix!r}"
        got = set().union(*(roles.get(p.index, set()) for p in found))
        if role is None:  # no role of its own: a plain paragraph at most
            assert got <= {"paragraph"}, (habit.name, prefix, got)
        else:
            assert role in got, (habit.name, prefix, got)
    if habit.document_type != "unset":
        assert (rec.document_type.value if rec.document_type else None) == habit.document_type


@pytest.mark.parametrize("make", HABITS, ids=lambda f: f.__name__)
def test_no_false_alarm_and_no_miss(make: Callable[[], Habit]) -> None:
    habit = built(make)
    report = check_document(read_document(habit.data), habit.name)
    ids = report.rule_ids()
    assert not set(habit.absent) & ids, [str(f.found) for f in report.findings if f.rule.id in habit.absent]
    assert set(habit.present) <= ids


def test_every_rule_a_fixture_names_exists() -> None:
    for make in HABITS:
        habit = built(make)
        assert set(habit.absent) | set(habit.present) <= set(RULES), habit.name


def test_unused_font_slots_are_a_warning_and_used_ones_an_error() -> None:
    from tests.fixtures.office_habits import font_slots_unused

    assert RULES["font.slots"].severity is Severity.WARNING
    assert RULES["font.family"].severity is Severity.ERROR
    report = check_document(read_document(built(font_slots_unused).data))
    assert "font.family" not in report.rule_ids() and "font.slots" in report.rule_ids()


def test_nfd_text_is_an_error_that_fix_composes() -> None:
    from tests.fixtures.office_habits import nfd_text

    data = built(nfd_text).data
    doc = read_document(data)
    report = check_document(doc)
    (finding,) = [f for f in report.findings if f.rule.id == "text.nfc"]
    assert finding.severity is Severity.ERROR
    fixed = fix_package(doc.package, doc, report, data)
    again = read_document(fixed.data)
    assert "text.nfc" not in check_document(again).rule_ids()
    texts = [p.text for p in again.paragraphs]
    assert texts == [_nfc(p.text) for p in doc.paragraphs]  # the same words, composed
    assert any("NFC" in line for line in fixed.changed)


def test_office_numbering_gets_the_decree_form_as_advice() -> None:
    from tests.fixtures.office_habits import office_numbering

    report = check_document(read_document(built(office_numbering).data))
    advice = [(f.found, f.expected) for f in report.findings if f.rule.id == "numbering.sequence"]
    assert advice == [('"a."', '"a)"'), ('"b."', '"b)"'), ('"1)"', '"a)"'), ('"2)"', '"b)"')]
    nested = [f for f in report.findings if f.found == '"1)"']
    assert "letters its điểm" in nested[0].note


def test_the_outline_reader_says_how_the_decree_numbers_an_office_label() -> None:
    from vbhc.readers.spec.outline import parse_outline

    notes = parse_outline("I. MỤC ĐÍCH\n1. Mục đích\na. Nâng cao nhận thức;\n2) Bảo đảm.").warnings
    messages = [n.message for n in notes]
    assert any('"a."' in m and 'the decree writes "a)"' in m for m in messages)
    assert any('"2)"' in m and 'the decree writes "2."' in m for m in messages)
    assert not any("indent it by a space" in m for m in messages)


def test_a_gap_inside_an_attached_form_is_still_reported() -> None:
    import io

    from docx import Document as WordDocument

    from tests.fixtures.office_habits import several_forms

    doc = WordDocument(io.BytesIO(built(several_forms).data))
    gap = next(p for p in doc.paragraphs if p.text.startswith("2. Lao động"))
    gap.runs[0].text = gap.runs[0].text.replace("2.", "3.", 1)
    out = io.BytesIO()
    doc.save(out)
    rec = recognise(read_document(out.getvalue()))
    assert [f.label.text for f in rec.forms] == ["Mẫu số 01/TK", "Mẫu số 02/TK"]
    report = check_document(read_document(out.getvalue()))
    found = [(f.found, f.expected) for f in report.findings if f.rule.id == "numbering.sequence"]
    assert found == [('"3."', '"2."')]  # and nothing for the second form's "I." or "1."


def test_the_text_boxes_paragraphs_follow_their_anchor_in_order() -> None:
    from tests.fixtures.office_habits import header_in_text_boxes

    doc = read_document(built(header_in_text_boxes).data)
    texts = [p.text for p in doc.paragraphs[:8]]
    assert texts == ["", "ỦY BAN NHÂN DÂN", "XÃ HOÀNG KIM", "Số: 12/KH-UBND",
                     "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                     "Hoàng Kim, ngày 15 tháng 3 năm 2024", "KẾ HOẠCH"]
    assert [p.index for p in doc.paragraphs] == list(range(len(doc.paragraphs)))


@pytest.mark.parametrize(("typed", "authority", "as_typed"), [
    ("TM. ỦY BAN NHÂN DÂN", "TM.", "TM."), ("T/M ỦY BAN NHÂN DÂN", "TM.", "T/M"),
    ("T.M ỦY BAN NHÂN DÂN", "TM.", "T.M"), ("KT: CHỦ TỊCH", "KT.", "KT:"), ("K/T CHỦ TỊCH", "KT.", "K/T"),
    ("TL. CHỦ TỊCH", "TL.", "TL."), ("TUQ CHỦ TỊCH", "TUQ.", "TUQ"), ("Q. CHỦ TỊCH", "Q.", "Q."),
])
def test_typed_authority_reads_what_offices_type(typed: str, authority: str, as_typed: str) -> None:
    from vbhc.recognise.components import typed_authority

    found = typed_authority(typed)
    assert found is not None and (found[0].value, found[1]) == (authority, as_typed)


@pytest.mark.parametrize("text", ["CHỦ TỊCH", "TRƯỞNG PHÒNG", "TMĐT XÃ", "QUYỀN CHỦ TỊCH", "Lê Quang Thành"])
def test_typed_authority_is_none_without_one(text: str) -> None:
    from vbhc.recognise.components import typed_authority

    assert typed_authority(text) is None


def test_fix_leaves_a_line_holding_two_components_to_a_person() -> None:
    from tests.fixtures.office_habits import header_with_tabs

    data = built(header_with_tabs).data
    doc = read_document(data)
    report = check_document(doc)
    shared = next(p for p in doc.paragraphs if p.text.startswith("Số: 12"))
    wrong = [f for f in report.findings if f.rule.id.startswith(("number.", "place-date."))
             and any(ref.number == shared.index + 1 for ref in f.paragraphs)]
    assert not wrong  # each column is judged by its own runs: "Số:" upright, the date italic
    fixed = fix_package(doc.package, doc, report, data)
    again = read_document(fixed.data)
    line = next(p for p in again.paragraphs if p.text.startswith("Số: 12"))
    assert [r.italic for r in line.visible_runs] == [r.italic for r in shared.visible_runs]


def test_fix_writes_t_slash_m_as_the_decree_abbreviates_it() -> None:
    from tests.fixtures.office_habits import t_slash_m

    data = built(t_slash_m).data
    doc = read_document(data)
    report = check_document(doc)
    (finding,) = [f for f in report.findings if f.rule.id == "signature.authority"]
    assert (finding.found, finding.expected, finding.severity) == ('"T/M"', '"TM."', Severity.ERROR)
    assert "signature.collective" not in report.rule_ids()  # "T/M" does sign for the collective
    fixed = fix_package(doc.package, doc, report, data)
    again = read_document(fixed.data)
    assert "signature.authority" not in check_document(again).rule_ids()
    assert [p.text for p in again.paragraphs if "ỦY BAN NHÂN DÂN" in p.text][-1] == "TM. ỦY BAN NHÂN DÂN"
    assert "signature.authority" not in fixed.left
