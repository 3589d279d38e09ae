"""`vbhc new TYPE`: a commented starter spec for every type, that renders as it is."""

from __future__ import annotations

from pathlib import Path

import pytest

from vbhc.cli import main
from vbhc.nd30 import DocumentType
from vbhc.readers.spec.reader import read
from vbhc.readers.spec.starters import available, starter


def test_the_common_types_have_starters() -> None:
    assert {"ke-hoach", "bao-cao", "cong-van", "quyet-dinh"} <= set(available())


def test_the_forms_of_labelled_fields_have_starters_that_fill_their_fields() -> None:
    """PL III, Mẫu 1.6-1.10: each starter fills its form's particulars, so it renders the form's words."""
    for kind, field in (("cong-dien", "telegram"), ("giay-moi", "invitation"),
                        ("giay-gioi-thieu", "introduction"), ("bien-ban", "minutes"),
                        ("giay-nghi-phep", "leave")):
        assert kind in available()
        assert f"\n{field}:\n" in starter(kind)


@pytest.mark.parametrize("kind", [t.value for t in DocumentType])
def test_every_starter_loads_and_renders(kind: str, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", kind]) == 0
    text = capsys.readouterr().out
    assert text == starter(kind) and text.startswith("# ")
    spec = tmp_path / f"{kind}.yaml"
    spec.write_text(text, encoding="utf-8")
    result = read(spec)
    assert result.errors == [] and result.warnings == []
    assert result.document is not None and result.document.type.value == kind
    assert main(["render", str(spec), "-o", str(tmp_path / "out.docx")]) == 0
    assert (tmp_path / "out.docx").read_bytes()[:2] == b"PK"
    assert capsys.readouterr().err == ""


def test_names_and_codes_pick_a_starter_and_the_schema_link_is_added() -> None:
    assert starter("Kế hoạch") == starter("KH") == starter("ke-hoach")
    assert starter("bao-cao", schema="../vbhc.schema.json").splitlines()[0] == (
        "# yaml-language-server: $schema=../vbhc.schema.json")


def test_unknown_type_exits_2_with_the_list(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "ke-hoch"]) == 2
    captured = capsys.readouterr()
    assert "no document type 'ke-hoch'; types: " in captured.err
    assert "ke-hoach" in captured.err and "giay-moi" in captured.err
    assert captured.out == ""


def test_types_without_their_own_starter_get_the_generic_one() -> None:
    assert "giay-uy-quyen" not in available()
    text = starter("GUQ")
    assert "type: giay-uy-quyen" in text and text.startswith("# Giấy ủy quyền (PL III, Mẫu 1.4")
    assert "__" not in text


def test_new_writes_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "plan.yaml"
    assert main(["new", "ke-hoach", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == starter("ke-hoach")
