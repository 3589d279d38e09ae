"""``vbhc import`` of the closing's office habits (tests/fixtures/habits_closing.py): each fixture's
signature blocks, Nơi nhận, Lưu and Kính gửi import to the spec fields it names, and what the spec cannot
hold (a placeholder, a picture) is said."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.fixtures import habits_closing
from tests.fixtures.office_habits import Habit
from vbhc.pipeline import import_document

WITH_SPEC = [make for make in habits_closing.HABITS if make().spec]
FIELDS = ("signatures", "recipients", "archive", "addressees")


def _imported(habit: Habit) -> Any:
    return import_document(habit.data, name=f"{habit.name}.docx")


def _listed(value: Any) -> Any:
    return value if isinstance(value, list) or value is None else [value]


@pytest.mark.parametrize("make", WITH_SPEC, ids=lambda f: f.__name__)
def test_the_closing_imports_to_its_spec(make: Callable[[], Habit]) -> None:
    habit = make()
    spec = _imported(habit).spec
    for key in FIELDS:
        if key in habit.spec:
            want = habit.spec[key]
            got = spec.get(key)
            if key == "signatures":  # the image: test_a_png_in_the_signature_block_is_its_image
                want = _listed(want)
                got = [{k: v for k, v in s.items() if k != "image"} for s in _listed(got)]
            assert got == want, (habit.name, key)


PLACEHOLDERS = [habits_closing.placeholder_da_ky, habits_closing.placeholder_in_tabbed_closing,
                habits_closing.stack_in_one_paragraph_with_tm, habits_closing.placeholder_under_name]


@pytest.mark.parametrize("make", PLACEHOLDERS, ids=lambda f: f.__name__)
def test_a_placeholder_is_left_out_of_the_spec_and_said(make: Callable[[], Habit]) -> None:
    result = _imported(make())
    said = [str(d) for d in result.diagnostics]
    quoted = ('"(Đã ký)"', '"(Ký, ghi rõ họ tên)"')
    said_so = "placeholder where the signature goes"
    assert any(d.count('"') == 2 and any(q in d for q in quoted) and said_so in d for d in said), said
    assert "Đã ký" not in result.yaml and "Ký, ghi" not in result.yaml


@pytest.mark.parametrize("make", [habits_closing.signature_picture_inline,
                                  habits_closing.signature_picture_floating], ids=lambda f: f.__name__)
def test_a_png_in_the_signature_block_is_its_image(make: Callable[[], Habit], tmp_path: Path) -> None:
    habit = make()
    result = import_document(habit.data, name=f"{habit.name}.docx", spec_path=tmp_path / "ke-hoach.yaml")
    assert result.spec["signatures"]["image"] == "ke-hoach-chu-ky-1.png"  # type: ignore[index]
    assert result.files == {"ke-hoach-chu-ky-1.png": habits_closing.png()}
    assert result.document.signatures[0].image.data == habits_closing.png()  # type: ignore[union-attr]
    assert not [d for d in result.diagnostics if "picture" in str(d) or "read back" in str(d)]


def test_import_writes_the_signature_image_beside_the_spec_and_the_spec_renders_it(tmp_path: Path) -> None:
    from vbhc.cli import main
    from vbhc.pipeline import load, render_bytes

    source = tmp_path / "source.docx"
    source.write_bytes(habits_closing.signature_picture_floating().data)
    spec = tmp_path / "out" / "ke-hoach.yaml"
    spec.parent.mkdir()
    assert main(["import", str(source), "-o", str(spec)]) == 0
    assert (spec.parent / "ke-hoach-chu-ky-1.png").read_bytes() == habits_closing.png()
    document = load(spec)
    assert document.signatures[0].image is not None
    assert b"word/media/" in render_bytes(document)


def test_a_picture_that_is_no_png_is_named_not_lost_silently() -> None:
    import io

    from docx import Document as WordDocument

    doc = WordDocument(io.BytesIO(habits_closing.signature_picture_inline().data))
    part = next(r.target_part for r in doc.part.rels.values() if "image" in r.reltype)
    part._blob = b"GIF89a" + part.blob[6:]  # no PNG any more: the model carries PNG only
    out = io.BytesIO()
    doc.save(out)
    said = [str(d) for d in import_document(out.getvalue(), name="x.docx").diagnostics]
    assert any("picture in the signature block (word/media/image1.png" in d and "not imported" in d
               for d in said), said


def test_a_plus_sub_item_of_recipients_is_said() -> None:
    said = [str(d) for d in _imported(habits_closing.recipients_plus_items()).diagnostics]
    assert sum('a "+" sub-item of Nơi nhận' in d for d in said) == 2


@pytest.mark.parametrize("lines", [["Q."], ["Ab cd.", "Q."], ["Ab cd.", "Q. CHỦ TỊCH"]])
def test_a_body_line_that_only_opens_like_a_mandate_stays_in_the_body(lines: list[str]) -> None:
    from tests.conftest import make_document
    from vbhc import model as m
    from vbhc.pipeline import render_bytes

    first = render_bytes(make_document(body=[m.Paragraph(t) for t in lines]))
    result = import_document(first, name="q.docx")
    if lines[-1] != "Q. CHỦ TỊCH":
        assert [str(d) for d in result.diagnostics] == []
        assert render_bytes(result.document) == first
        return
    # a body line typed in capitals is written in thường (PL I, II.6.e), in the body, with a warning
    assert result.spec["body"].split("\n") == ["Ab cd.", "Q. chủ tịch."]
    assert [d.message[:42] for d in result.diagnostics] == ['a body paragraph typed wholly in capitals:']


def test_a_collective_run_on_to_a_second_line_stays_its_mandate() -> None:
    (signature,) = _listed(_imported(habits_closing.collective_on_two_lines()).spec["signatures"])
    assert signature["mandates"][0].casefold() == "tm. ủy ban nhân dân xã hoàng kim"
    assert (signature["position"], signature["name"]) == ("Chủ tịch", "Lê Quang Thành")


def test_every_list_mark_is_a_character() -> None:
    from vbhc.recognise.closing import LIST_MARKS

    assert all(len(mark) == 1 for mark in LIST_MARKS)  # "" would open every line: all a recipient
