"""The form generated from the JSON Schema (every field labelled in Vietnamese, with help and its
clause), the computed numbering beside the outline, the HTML preview of the layout, and ``vbhc serve``
started as a user starts it."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import urllib.request
from typing import Any

import pytest

from vbhc.serve.form import Field, form_fields, type_choices
from vbhc.serve.service import Service, outline_numbers


def walk(fields: tuple[Field, ...]) -> list[Field]:
    out = []
    for f in fields:
        out += [f, *walk(f.children), *walk(f.signature)]
    return out


def test_every_field_of_the_schema_has_a_vietnamese_label_and_help() -> None:
    schema = Service.schema()
    fields = walk(form_fields(schema))
    shown = {f.path for f in fields}
    top = set(schema["properties"]) - {"$schema", "profile"}
    assert top <= shown
    for f in fields:
        assert f.label.text and f.label.help, f.path
        vietnamese = r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]"
        assert re.search(vietnamese, f.label.text + f.label.help, re.IGNORECASE), f"{f.path}: not Vietnamese"
        assert re.search(r"\((PL|Điều|thực tiễn)", f.label.help), f.path  # its clause, or "practice"
    assert {f.path for f in fields if f.widget == "outline"} == {"body", "preamble", "attachment.children"}
    assert next(f for f in fields if f.path == "attachment.type").widget == "line"
    assert next(f for f in fields if f.path == "leave.days").widget == "int"
    assert next(f for f in fields if f.path == "signatures").widget == "signature"


def test_a_new_model_field_without_a_label_fails() -> None:
    schema = Service.schema()
    changed = {**schema, "properties": {**schema["properties"], "new_field": {"type": "string"}}}
    with pytest.raises(KeyError, match="new_field"):
        form_fields(changed)


def test_particulars_belong_to_their_types() -> None:
    fields = {f.path: f for f in form_fields(Service.schema())}
    assert fields["invitation"].types == ("giay-moi",)
    assert fields["leave"].types == ("giay-nghi-phep",)
    assert fields["summary"].types == ()
    assert len(type_choices()) == 29


def test_outline_numbers_follow_the_decree() -> None:
    text = ("Chương I\nQuy định chung\nĐiều 5. Phạm vi\n1. Khoản một.\n \tnối dòng\na) Điểm;\n"
            "Điều 9. Đối tượng\n")
    assert outline_numbers(text) == ["Chương I", "", "Điều 1.", "1.", "", "a)", "Điều 2.", ""]
    assert outline_numbers("I. A\n1.1. not a decree number\n") == ["I.", "", ""]
    assert outline_numbers("a) a point at the top level\n") == ["a)", ""]
    assert outline_numbers("Điều 1. Title\n1. Typed twice\n") == ["Điều 1.", "1.", ""]
    assert outline_numbers("I. A\nChương I\n") == []  # the outline has an error: no numbers


def test_the_preview_prints_the_layout(plan_spec: dict[str, Any]) -> None:
    from vbhc.layout.header import header_columns
    from vbhc.model.formatting import Formatting

    html = Service().preview(plan_spec)["html"]
    fmt = Formatting()
    look = lambda role: (fmt.size(role), role.typography.bold, role.typography.italic)  # noqa: E731
    left, right = header_columns(fmt.text_width_mm * 72 / 25.4, look)
    assert f"width:{left * 25.4 / 72:.1f}mm" in html and f"width:{right * 25.4 / 72:.1f}mm" in html
    title = re.search(r'<p class="r-national-title" style="([^"]+)">CỘNG HÒA', html)
    assert title and "font-size:12pt" in title[1] and "font-weight:bold" in title[1]
    place = re.search(r'<p class="r-place-date" style="([^"]+)">Hoàng Kim, ngày', html)
    assert place and "font-style:italic" in place[1] and "font-size:13pt" in place[1]
    assert re.search(r'class="r-item-title" style="[^"]*text-indent:1.27cm[^"]*">1\. <b>Mục đích</b>', html)
    assert "padding:20mm 15mm 20mm 30mm" in html  # the decree's margins, as the writer sets them
    assert re.search(r'class="r-signer-name" style="[^"]*font-weight:bold[^"]*">Lê Quang Thành</p>', html)


def test_vbhc_serve_starts_and_prints_its_address() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen([sys.executable, "-m", "vbhc", "serve", "--port", str(port)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        assert process.stdout.readline().startswith(f"vbhc serve: http://127.0.0.1:{port}/")
        deadline = time.monotonic() + 20
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
                    assert "Loại văn bản" in response.read().decode("utf-8")
                    break
            except OSError:
                assert time.monotonic() < deadline
                time.sleep(0.2)
    finally:
        process.terminate()
        process.wait(10)


@pytest.mark.parametrize("command", ["serve", "mcp"])
def test_without_the_extra_the_command_says_what_to_install(command: str) -> None:
    probe = ("import sys\nfor name in ('starlette', 'uvicorn', 'mcp'):\n    sys.modules[name] = None\n"
             f"from vbhc.cli import main\nsys.exit(main([{command!r}]))\n")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    expected = f"vbhc {command}: error: needs the serve extra: pip install 'vbhc[serve]'"
    assert result.stderr.startswith(expected)
    assert "Traceback" not in result.stderr
