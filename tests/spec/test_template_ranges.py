"""An office template edited in Word is held to the decree's ranges: refused, naming style and range."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES
from vbhc.cli import main
from vbhc.errors import TemplateError
from vbhc.model.formatting import Formatting
from vbhc.pipeline import read
from vbhc.writers.docx.template import Template, build_template


def edited(changes: dict[str, list[tuple[str, str]]], fmt: Formatting | None = None) -> bytes:
    """A template as if edited in Word: text replacements in its parts."""
    source = io.BytesIO(build_template(fmt))
    out = io.BytesIO()
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info).decode("utf-8")
            for old, new in changes.get(info.filename, []):
                assert old in data, old
                data = data.replace(old, new)
            zout.writestr(info, data)
    return out.getvalue()


def test_shipped_and_office_templates_pass() -> None:
    Template(build_template())
    Template(build_template(Formatting(body_pt=13, line_spacing=1.2, first_line_indent_cm=1.0,
                                       margin_left_mm=35, margin_right_mm=20)))
    shipped = EXAMPLES / "profiles" / "mau-quang-phu.docx"
    assert shipped.read_bytes() == build_template(Formatting(body_pt=13, line_spacing=1.2)), (
        "run: vbhc template -o examples/profiles/mau-quang-phu.docx --body-pt 13 --line-spacing 1.2")


def style_xml(style_id: str) -> str:
    with zipfile.ZipFile(io.BytesIO(build_template())) as z:
        styles = z.read("word/styles.xml").decode("utf-8")
    start = styles.index(f'w:styleId="{style_id}"')
    return styles[start:styles.index("</w:style>", start)]


@pytest.mark.parametrize(("style", "old", "new", "message"), [
    ("VbhcBody", '<w:sz w:val="28"/>', '<w:sz w:val="24"/>',
     "style VbhcBody (VBHC Body): font size 12 pt is outside 13–14 pt (Decree 30, PL I, II.6.e)"),
    ("VbhcBody", 'w:line="276"', 'w:line="480"',
     "style VbhcBody (VBHC Body): line spacing 2 lines is outside 1–1.5 lines (PL I, II.6.e)"),
    ("VbhcBody", 'w:firstLine="720"', 'w:firstLine="850"',
     "style VbhcBody (VBHC Body): first-line indent 1.50 cm; Decree 30 wants 1 or 1.27 cm"),
    ("VbhcBody", 'w:before="120"', 'w:before="40"',
     "style VbhcBody (VBHC Body): 2 pt between paragraphs; Decree 30 wants at least 6 pt"),
    ("VbhcNationalTitle", '<w:sz w:val="24"/>', '<w:sz w:val="30"/>',
     "style VbhcNationalTitle (VBHC National title): font size 15 pt is outside 12–13 pt"),
    ("VbhcNationalTitle", "<w:b/>", '<w:b w:val="0"/>',
     "style VbhcNationalTitle (VBHC National title): not bold, upright; Decree 30 wants bold, upright"),
])
def test_a_style_outside_the_ranges_is_refused(style: str, old: str, new: str, message: str) -> None:
    own = style_xml(style)
    assert old in own, own
    data = edited({"word/styles.xml": [(own, own.replace(old, new, 1))]})
    with pytest.raises(TemplateError) as info:
        Template(data, "office.docx")
    assert f"office.docx: {message}" in str(info.value)


def test_a_font_and_margins_outside_the_decree_are_refused() -> None:
    data = edited({"word/styles.xml": [("Times New Roman", "Arial")],
                   "word/document.xml": [('w:left="1701"', 'w:left="1134"')]})
    with pytest.raises(TemplateError) as info:
        Template(data, "office.docx")
    text = str(info.value)
    assert "font Arial; Decree 30 wants Times New Roman (PL I, I.4)" in text
    assert "office.docx: left margin 20.0 mm is outside 30–35 mm (Decree 30, PL I, I.3)" in text


def test_render_and_profiles_refuse_such_a_template(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    own = style_xml("VbhcBody")
    (tmp_path / "mau.docx").write_bytes(
        edited({"word/styles.xml": [(own, own.replace('<w:sz w:val="28"/>', '<w:sz w:val="24"/>'))]}))
    out = tmp_path / "o.docx"
    spec = EXAMPLES / "ke-hoach-hoang-kim.json"
    assert main(["render", str(spec), "--template", str(tmp_path / "mau.docx"), "-o", str(out)]) == 2
    assert "font size 12 pt is outside 13–14 pt" in capsys.readouterr().err
    assert not out.exists()
    profile = tmp_path / "p.yaml"
    profile.write_text("place: Hoàng Kim\ntemplate: mau.docx\n", encoding="utf-8")
    errors = [str(e) for e in read(spec, profile=profile).errors]
    assert errors and errors[0].startswith(f"{profile}:2: template: expected a template within the "
                                           "decree's ranges; found")
    assert "font size 12 pt" in errors[0]
