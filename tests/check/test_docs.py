"""docs/check.md shows the tool's real output: its generated blocks match what the checker prints now."""

from __future__ import annotations

from update_docs import DOC, render


def test_docs_check_md_is_up_to_date() -> None:
    text = DOC.read_text(encoding="utf-8")
    assert render(text) == text, "docs/check.md is stale: run `python tests/check/update_docs.py`"


def test_the_example_in_the_docs_is_the_office_seed_with_its_gap() -> None:
    text = DOC.read_text(encoding="utf-8")
    assert 'at ¶69 "8. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam xã"' in text
    assert 'expected "5."; found "8."' in text
