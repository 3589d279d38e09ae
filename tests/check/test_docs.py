"""docs/check.md shows the tool's real output: its generated blocks match what the checker prints now."""

from __future__ import annotations

import pytest
from update_docs import DOC, PAGES, render


@pytest.mark.parametrize("page", list(PAGES), ids=lambda p: p.name)
def test_generated_blocks_are_up_to_date(page) -> None:
    text = page.read_text(encoding="utf-8")
    assert render(text, PAGES[page]) == text, f"{page.name} is stale: run `python tests/check/update_docs.py`"


def test_the_example_in_the_docs_is_the_office_seed_with_its_gap() -> None:
    text = DOC.read_text(encoding="utf-8")
    assert 'at ¶69 "8. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam xã"' in text
    assert 'expected "5."; found "8."' in text
