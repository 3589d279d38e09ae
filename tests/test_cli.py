"""`vbhc render` as a user runs it: exit status, messages, and no partial output."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES

SPEC_JSON = EXAMPLES / "ke-hoach-hoang-kim.json"
SPEC_PY = EXAMPLES / "ke_hoach_hoang_kim.py"


def vbhc(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "vbhc", *args], capture_output=True, text=True,
                          timeout=60)


def test_render_json_and_python_give_identical_files(tmp_path: Path) -> None:
    a, b = tmp_path / "a.docx", tmp_path / "b.docx"
    assert vbhc("render", str(SPEC_JSON), "-o", str(a)).returncode == 0
    result = vbhc("render", str(SPEC_PY), "-o", str(b))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(b)
    assert a.read_bytes() == b.read_bytes()
    assert a.read_bytes()[:2] == b"PK"


def test_render_twice_gives_identical_bytes(tmp_path: Path) -> None:
    a, b = tmp_path / "a.docx", tmp_path / "b.docx"
    vbhc("render", str(SPEC_JSON), "-o", str(a))
    vbhc("render", str(SPEC_JSON), "-o", str(b))
    assert a.read_bytes() == b.read_bytes()


def bad_spec(tmp_path: Path, **changes: object) -> Path:
    data = json.loads(SPEC_JSON.read_text(encoding="utf-8"))
    for dotted, value in changes.items():
        target = data
        keys = dotted.split("__")
        for key in keys[:-1]:
            target = target[int(key)] if isinstance(target, list) else target[key]
        last = keys[-1]
        if value is ...:
            del target[last]
        elif isinstance(target, list):
            target[int(last)] = value
        else:
            target[last] = value
    path = tmp_path / "spec.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize(("changes", "field"), [
    ({"type": "ke-hoch"}, "type"),
    ({"number": 0}, "number"),
    ({"number": "5"}, "number"),
    ({"place": ""}, "place"),
    ({"date": {"year": 2024, "month": 2, "day": 30}}, "date.day"),
    ({"issuer__abbreviation": "UB ND"}, "issuer.abbreviation"),
    ({"issuer__nam": "x"}, "issuer.nam"),
    ({"summary": ...}, "summary"),
    ({"signatures": []}, "signatures"),
    ({"signatures__0__mandates__0__authority": "XX."}, "signatures[0].mandates[0].authority"),
    ({"body__0__kind": "prt"}, "body[0].kind"),
    ({"body__1__children__0__title": "bad\u0007bell"}, "body[1].children[0].title"),
    ({"recipients__0__name": "- Phòng;"}, "recipients[0].name"),
])
def test_bad_input_names_the_field_and_writes_nothing(tmp_path: Path, changes: dict[str, object],
                                                      field: str) -> None:
    spec = bad_spec(tmp_path, **changes)
    out = tmp_path / "out.docx"
    result = vbhc("render", str(spec), "-o", str(out))
    assert result.returncode == 2
    assert f": {field}:" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["spec.json"]  # no temporary file left either


def test_existing_output_is_left_untouched_on_error(tmp_path: Path) -> None:
    out = tmp_path / "out.docx"
    out.write_bytes(b"previous")
    spec = bad_spec(tmp_path, type="nope")
    assert vbhc("render", str(spec), "-o", str(out)).returncode == 2
    assert out.read_bytes() == b"previous"


@pytest.mark.parametrize(("content", "message"), [
    (b"{not json", "malformed JSON"),
    (b"\xff\xfe{}", "not UTF-8"),
    (b"[1, 2]", "expected an object"),
])
def test_unreadable_specs(tmp_path: Path, content: bytes, message: str) -> None:
    spec = tmp_path / "spec.json"
    spec.write_bytes(content)
    result = vbhc("render", str(spec), "-o", str(tmp_path / "out.docx"))
    assert result.returncode == 2
    assert message in result.stderr
    assert not (tmp_path / "out.docx").exists()


def test_missing_spec(tmp_path: Path) -> None:
    result = vbhc("render", str(tmp_path / "nope.json"), "-o", str(tmp_path / "o.docx"))
    assert result.returncode == 2
    assert "no such file" in result.stderr


def test_python_spec_errors_are_one_line(tmp_path: Path) -> None:
    spec = tmp_path / "spec.py"
    spec.write_text("from vbhc import Paragraph\nx = 1\nParagraph('')\n", encoding="utf-8")
    result = vbhc("render", str(spec), "-o", str(tmp_path / "o.docx"))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "text" in result.stderr
    spec.write_text("x = 1 / 0\n", encoding="utf-8")
    result = vbhc("render", str(spec), "-o", str(tmp_path / "o.docx"))
    assert result.returncode == 2
    assert "spec.py:1: ZeroDivisionError" in result.stderr
    spec.write_text("document = 5\n", encoding="utf-8")
    assert "a vbhc.Document named `document`" in vbhc("render", str(spec)).stderr


def test_output_must_be_docx(tmp_path: Path) -> None:
    result = vbhc("render", str(SPEC_JSON), "-o", str(tmp_path / "out.pdf"))
    assert result.returncode == 2
    assert ".docx" in result.stderr
