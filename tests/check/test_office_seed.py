"""The seed plan as an office typed it in Word, against the same plan rendered by vbhc."""

from __future__ import annotations

from pathlib import Path

import pytest

import vbhc
from tests.fixtures.office_seed import build_office_seed
from vbhc.check import Report, check
from vbhc.check.rules import Severity

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def office() -> Report:
    return check(build_office_seed(), name="office-seed.docx")


@pytest.fixture(scope="module")
def careful() -> Report:
    return check(build_office_seed(faulty=False), name="office-seed-careful.docx")


def findings(report: Report, rule_id: str) -> list:
    return [f for f in report.findings if f.rule.id == rule_id]


def test_the_gap_from_4_to_8_is_reported_where_it_is(office: Report) -> None:
    (gap,) = findings(office, "numbering.sequence")
    (where,) = gap.paragraphs
    assert where.text.startswith("8. Đề nghị Ủy ban Mặt trận")
    assert gap.expected == '"5."' and gap.found == '"8."'
    assert where.location == "body" and where.number == 69  # 1-based, table cells included
    assert gap.severity is Severity.ERROR


def test_the_blank_number_and_day_are_warnings_not_errors(office: Report) -> None:
    (number,) = findings(office, "number.blank")
    (day,) = findings(office, "place-date.blank")
    assert number.severity is day.severity is Severity.WARNING
    assert number.paragraphs[0].text == "Số: /KH-UBND"
    assert "number.leading-zero" in {s.rule.id for s in office.not_evaluated}


def test_word_habits_are_all_found(office: Report) -> None:
    assert office.rule_ids() == {
        "page.size", "page.margins", "font.slots", "national-title.one-line", "motto.rule", "issuer.rule",
        "summary.rule", "number.blank", "place-date.blank", "numbering.sequence", "signature.collective",
        "page-number.present",
    }
    assert office.exit_code == 1
    (size,) = findings(office, "page.size")
    assert size.found == "215.9 × 279.4 mm"
    (slots,) = findings(office, "font.slots")
    assert slots.found == "eastAsia: not set, cs: not set" and len(slots.paragraphs) > 80
    assert findings(office, "motto.rule")[0].found == "underscores typed as text"
    assert findings(office, "summary.rule")[0].found == "no line"
    assert findings(office, "signature.collective")[0].paragraphs[0].text == "CHỦ TỊCH"


def test_what_cannot_be_measured_is_not_evaluated(office: Report) -> None:
    skipped = {s.rule.id: s.reason for s in office.not_evaluated}
    assert "underscores" in skipped["motto.rule-length"]
    assert "no page numbers" in skipped["page-number.first-page"]
    passed = {r.id for r in office.passed}
    assert not passed & set(skipped)


def test_typed_with_care_keeps_only_the_seeds_own_faults(careful: Report) -> None:
    ids = careful.rule_ids()
    assert {"numbering.sequence", "number.blank"} <= ids
    assert not {"page.size", "page.margins"} & ids


def test_vbhc_render_of_the_same_plan_is_clean() -> None:
    data = vbhc.render_bytes(vbhc.load(EXAMPLES / "ke-hoach-hoang-kim.json"))
    report = check(data, name="ke-hoach-hoang-kim.docx")
    assert report.exit_code == 0 and report.errors == 0
    assert report.rule_ids() == {"number.blank", "place-date.blank"}  # a draft: the registry fills them in
    assert report.document_type == "ke-hoach"
