"""Outline text → model blocks: the markers, the nesting, titles, numbers typed, and the bad lines."""

from __future__ import annotations

import pytest

from tests.conftest import SEED
from vbhc.model import (
    Article,
    Chapter,
    Dash,
    Division,
    Item,
    Paragraph,
    Part,
    Plus,
    Point,
    Section,
)
from vbhc.model.text import Span, Text
from vbhc.nd30.numbering import roman_value
from vbhc.readers.spec.outline import allowed_children, ends_with_punctuation, parse_outline


def blocks(text: str, **kwargs: object) -> tuple[object, ...]:
    result = parse_outline(text, **kwargs)  # type: ignore[arg-type]
    assert not result.errors, result.errors
    return result.blocks


def test_a_plan_outline_gives_the_same_tree_as_explicit_nodes() -> None:
    text = """
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Triển khai thực hiện đồng bộ.
2. Yêu cầu
- Các phòng, ban phối hợp.
- Cụ thể:
+ Đăng ký đạt chuẩn;
+ Nâng cao nhận thức.

II. KINH PHÍ
Kinh phí từ ngân sách.
"""
    assert blocks(text) == (
        Part("MỤC ĐÍCH, YÊU CẦU", [
            Item(title="Mục đích", children=[Paragraph("Triển khai thực hiện đồng bộ.")]),
            Item(title="Yêu cầu", children=[
                Dash("Các phòng, ban phối hợp."),
                Dash("Cụ thể:", [Plus("Đăng ký đạt chuẩn;"), Plus("Nâng cao nhận thức.")])]),
        ]),
        Part("KINH PHÍ", [Paragraph("Kinh phí từ ngân sách.")]),
    )


@pytest.mark.parametrize(("line", "title", "text"), [
    ("1. Mục đích", "Mục đích", None),  # no final punctuation, content follows: a title
    ("1. Đã tổ chức 03 lớp tập huấn.", None, "Đã tổ chức 03 lớp tập huấn."),  # a sentence
    ("1. Các nội dung sau:", None, "Các nội dung sau:"),  # ends with ":" : a text leading a list
    ("1. Kết quả “đạt”.", None, "Kết quả “đạt”."),  # punctuation inside closing quotes counts
    ("1. Kiểm tra (định kỳ)", "Kiểm tra (định kỳ)", None),
])
def test_item_title_or_text(line: str, title: str | None, text: str | None) -> None:
    (part,) = blocks(f"I. A\n{line}\n- nội dung.")
    item = part.children[0]
    assert (item.title, item.text) == (Text(title) if title else None, Text(text) if text else None)


def test_an_item_without_content_is_a_text_item() -> None:
    (part,) = blocks("I. A\n1. Mục đích\n2. Yêu cầu")
    assert part.children == (Item(text="Mục đích"), Item(text="Yêu cầu"))


def test_articles_chapters_sections() -> None:
    text = """Chương I
Quy định chung
Điều 1. Phạm vi điều chỉnh
Quy chế này quy định ...
Điều 2. Đối tượng áp dụng
1. Cán bộ, công chức;
a) điểm một;
b) điểm hai.
Chương II: TỔ CHỨC THỰC HIỆN
Mục 1
Trách nhiệm
Điều 3. Trách nhiệm của công chức
- Thực hiện.
"""
    assert blocks(text) == (
        Chapter("Quy định chung", [
            Article("Phạm vi điều chỉnh", [Paragraph("Quy chế này quy định ...")]),
            Article("Đối tượng áp dụng", [
                Item(text="Cán bộ, công chức;", children=[Point("điểm một;"), Point("điểm hai.")])]),
        ]),
        Chapter("TỔ CHỨC THỰC HIỆN", [
            Section("Trách nhiệm", [Article("Trách nhiệm của công chức", [Dash("Thực hiện.")])])]),
    )


def test_an_article_line_with_final_punctuation_is_its_text() -> None:
    text = "Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc.\nĐiều 2. Hiệu lực\nKể từ ngày ký."
    assert blocks(text) == (Article(text="Ban hành kèm theo Quyết định này Quy chế làm việc."),
                            Article("Hiệu lực", [Paragraph("Kể từ ngày ký.")]))


def test_continuation_lines_and_blank_lines() -> None:
    text = "I. KẾ HOẠCH\n\n- Dòng đầu\n   nối tiếp dòng.\n\n\tvà thêm nữa.\n- Dòng hai."
    (part,) = blocks(text)
    assert part.children == (Dash("Dòng đầu nối tiếp dòng. và thêm nữa."), Dash("Dòng hai."))


def test_paragraph_after_bullets_belongs_to_the_heading() -> None:
    (part,) = blocks("I. A\n1. Tiêu đề\n- gạch.\n+ cộng.\nĐoạn văn.")
    assert part.children[0].children == (Dash("gạch.", [Plus("cộng.")]), Paragraph("Đoạn văn."))


def test_inline_markup_and_escapes() -> None:
    (p1, p2, p3) = blocks("Có *nghiêng* và **đậm**.\n\\1. không phải khoản\n\\- không phải gạch")
    assert p1.text.spans == (Span("Có "), Span("nghiêng", italic=True), Span(" và "),
                             Span("đậm", bold=True), Span("."))
    assert p2 == Paragraph("1. không phải khoản")
    assert p3 == Paragraph("- không phải gạch")


def test_en_dash_and_dash_without_space() -> None:
    assert blocks("– Một.\n-Hai.") == (Dash("Một."), Dash("Hai."))


@pytest.mark.parametrize("line", ["-5% so với năm trước.", "+84 912 345 678", "1.000 người tham gia.",
                                  "C. Mác đã viết.", "Chương trình hành động.", "Mục đích chung.",
                                  "V.v. và các nội dung khác."])
def test_lines_that_look_like_markers_but_are_text(line: str) -> None:
    assert blocks(line) == (Paragraph(line),)


def test_typed_numbers_are_recomputed_with_a_warning() -> None:
    text = "I. A\n1. Một\n- x.\n4. Bốn\n- y.\n8. Tám\n- z.\nIII. B\na) điểm.\nc) điểm."
    result = parse_outline(text)
    assert not result.errors
    messages = [(n.line, n.path, n.message) for n in result.warnings]
    assert messages == [
        (4, (0, "children", 1), 'typed "4." but this is item 2 here; vbhc numbers it "2."'),
        (6, (0, "children", 2), 'typed "8." but this is item 3 here; vbhc numbers it "3."'),
        (8, (1,), 'typed "III." but this is part 2 here; vbhc numbers it "II."'),
        (10, (1, "children", 1), 'typed "c)" but this is point 2 here; vbhc numbers it "b)"'),
    ]
    assert [c.text for c in result.blocks[0].children] == [None, None, None]


def test_article_numbers_run_through_the_document() -> None:
    text = "Chương I\nA\nĐiều 1. X\nChương II\nB\nĐiều 2. Y\nĐiều 5. Z"
    result = parse_outline(text)
    assert [(n.line, n.message) for n in result.warnings] == [
        (7, 'typed "Điều 5." but this is article 3 here; vbhc numbers it "Điều 3."')]
    assert not parse_outline("Điều 7. Z", count_articles=False).warnings


def test_the_seed_plan_parses_and_its_numbering_gap_is_reported() -> None:
    seed = SEED.read_text(encoding="utf-8")
    text = seed[seed.index("I. MỤC ĐÍCH"):seed.index("Nơi nhận")]
    result = parse_outline(text)
    assert not result.errors
    assert [type(b) for b in result.blocks] == [Part] * 4
    gaps = [n for n in result.warnings if "typed" in n.message]
    assert [n.message[:12] for n in gaps] == ['typed "8." b', 'typed "9." b']
    # the page breaks of the text export split two paragraphs: flagged, not silently joined
    assert sum("lower case" in n.message for n in result.warnings) == 2


@pytest.mark.parametrize(("text", "line", "path", "message"), [
    ("Điều 1. A\n+ cộng", 2, (0, "children", 0), 'expected one of item "1.", point "a)", dash "-", '
     'paragraph (a plain line) under the article on line 1; found a plus "+"'),
    ("Chương I\n- gạch", 1, (0, "title"), 'expected the title of "Chương I" on the next line'),
    ("Mục 1", 1, (0, "title"), 'expected the title of "Mục 1" on the next line'),
    ("I.\n1. x", 1, (0, "title"), "expected non-empty text"),
    ("Điều 1.", 1, (0, "title"), "expected non-empty text"),
    ("Đoạn có ký tự \x07 lạ.", 1, (0, "text"), "control character"),
])
def test_bad_lines_are_errors_with_their_line(text: str, line: int, path: tuple[object, ...],
                                              message: str | None) -> None:
    result = parse_outline(text)
    assert result.blocks == ()
    assert result.errors, "expected an error"
    error = result.errors[0]
    assert (error.line, error.path) == (line, path)
    if message:
        assert message in error.message


def test_a_part_cannot_go_into_a_chapter() -> None:
    result = parse_outline("Chương I\nA\nI. B")
    assert result.errors[0].line == 3
    assert 'under the chapter on line 1; found a part "I."' in result.errors[0].message


def test_allowed_kinds_at_the_top() -> None:
    result = parse_outline("Căn cứ luật.\n- gạch", (Paragraph,))
    assert result.errors[0].line == 2
    assert 'expected one of paragraph (a plain line) here; found a dash "-"' in result.errors[0].message
    assert allowed_children(Dash) == (Plus, Paragraph)


def test_multilevel_numbers_warn_under_a_phan() -> None:
    result = parse_outline("Phần I\nQUY ĐỊNH CHUNG\n1.1. Con số nhiều cấp")
    assert result.blocks == (Division("QUY ĐỊNH CHUNG", [Paragraph("1.1. Con số nhiều cấp")]),)
    assert len(result.warnings) == 1 and '"1.1."' in result.warnings[0].message


def test_all_errors_are_reported() -> None:
    result = parse_outline("I.\nĐiều 1.\n\x01")
    assert [e.line for e in result.errors] == [1, 2, 3]


def test_helpers() -> None:
    assert ends_with_punctuation("Xong.”") and ends_with_punctuation("a;") and not ends_with_punctuation("a")
    assert roman_value("XIV") == 14 and roman_value("IIII") is None and roman_value("ABC") is None
