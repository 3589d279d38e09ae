"""The one table of refused characters: every class it names is refused everywhere text is taken.

The model, the spec loader (with the field's path) and the JSON Schema all read
``vbhc.model.characters.REFUSED``; the characters kept on purpose go through all three.
"""

from __future__ import annotations

import re
import unicodedata

import pytest

from tests.conftest import make_document
from vbhc.errors import FieldError, SpecError
from vbhc.model import Paragraph, Recipient, Span
from vbhc.model.characters import LINE_BREAK, REFUSED, CharacterClass
from vbhc.readers.spec.reader import structure
from vbhc.readers.spec.schema import ONE_LINE

# Every code point each class names: the ends of its ranges and one inside.
SAMPLES = [pytest.param(cls, chr(cp), id=f"{cls.name} U+{cp:04X}")
           for cls in REFUSED for low, high in cls.ranges for cp in sorted({low, (low + high) // 2, high})]
KEPT = {"a tab": "\t", "a no-break space": "\u00a0", "a zero-width joiner (emoji)": "\u200d",
        "a zero-width non-joiner": "\u200c", "a variation selector": "\ufe0f",
        "a combining mark": "\u0301", "an emoji": "😀", "an ideograph": "日"}
SCHEMA_REFUSES = re.compile(ONE_LINE["not"]["pattern"])


def spec(place: str, summary: str) -> dict[str, object]:
    return {"type": "bao-cao", "issuer": {"name": ["UBND xã A"], "abbreviation": "UBND"}, "place": place,
            "date": "2024-03-05", "summary": summary, "body": "Nội dung.",
            "signatures": {"position": "Chủ tịch", "name": "Lê A"}}


@pytest.mark.parametrize(("cls", "char"), SAMPLES)
def test_every_class_is_refused_by_the_model_with_its_name(cls: CharacterClass, char: str) -> None:
    with pytest.raises(FieldError) as caught:
        Paragraph(f"Đoạn {char} văn")
    assert caught.value.path == "text"
    assert caught.value.found == f"{cls.name} (U+{ord(char):04X}) at character 6"
    if char != LINE_BREAK:  # a span may carry a line break: the fields refuse it (tests/test_line_breaks.py)
        with pytest.raises(FieldError, match=re.escape(cls.name)):
            Span(char)
    with pytest.raises(FieldError, match=r"^place: expected one line of text"):
        make_document(place=f"Hoàng{char}Kim")
    with pytest.raises(FieldError, match=r"^name:"):
        Recipient(f"Phòng{char}Tư pháp")


@pytest.mark.parametrize(("cls", "char"), SAMPLES)
def test_every_class_is_refused_by_the_loader_at_its_field(cls: CharacterClass, char: str) -> None:
    with pytest.raises(SpecError) as caught:
        structure(spec(f"Hoàng{char}Kim", f"Kết {char}quả"))
    messages = [str(d) for d in caught.value.errors]
    assert any(f"place: expected one line of text; found {cls.name}" in m for m in messages), messages
    if char == LINE_BREAK:  # the trích yếu keeps a line break the officer typed
        assert not any("summary:" in m for m in messages), messages
    else:
        assert any(f"summary: expected text without control characters or line breaks; found {cls.name}" in m
                   for m in messages), messages


@pytest.mark.parametrize(("cls", "char"), SAMPLES)
def test_every_class_is_refused_by_the_schema(cls: CharacterClass, char: str) -> None:
    assert SCHEMA_REFUSES.search(f"a{char}b")


@pytest.mark.parametrize("char", KEPT.values(), ids=KEPT.keys())
def test_characters_kept_on_purpose_pass_everywhere(char: str) -> None:
    text = unicodedata.normalize("NFC", f"Hoàng{char}Kim")
    assert Paragraph(text).text.plain == text
    assert structure(spec(text, text)).place == text
    assert not SCHEMA_REFUSES.search(text)


def test_the_table_covers_the_unicode_classes_it_stands_for() -> None:
    """Every control (tab aside), line/paragraph separator and bidirectional control is in the table."""
    refused = {cp for cls in REFUSED for low, high in cls.ranges for cp in range(low, high + 1)}
    for cp in range(0x10000):
        char = chr(cp)
        category = unicodedata.category(char)
        if (category in ("Cc", "Zl", "Zp", "Cs") and char != "\t") or unicodedata.bidirectional(char) in (
                "LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"):
            assert cp in refused, f"U+{cp:04X} ({category}) is not in the table"
    for mark in "\u200e\u200f\u061c":  # LRM, RLM and ALM: the invisible direction marks
        assert ord(mark) in refused
    assert {0x200C, 0x200D, 0x09} & refused == set()


def test_the_names_are_distinct() -> None:
    names = [cls.name for cls in REFUSED]
    assert len(names) == len(set(names))
