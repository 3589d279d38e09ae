"""Safe reading of .docx packages: hostile and broken files fail fast with a clear DocxReadError."""

from __future__ import annotations

import io
import os
import random
import time
import zipfile
from pathlib import Path

import pytest
from docx_fixtures import NS, build_docx, para, rels_xml, zip_members

from vbhc.errors import VbhcError
from vbhc.ooxml.package import DocxReadError, Limits, open_docx
from vbhc.ooxml.resolve import read_document

MB = 1024 * 1024


@pytest.fixture(scope="session")
def zip_bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A valid .docx plus a 1 GiB member of zeros, streamed through ZIP_DEFLATED (~1 MB on disk)."""
    path = tmp_path_factory.mktemp("bomb") / "bomb.docx"
    path.write_bytes(build_docx(para("hello")))
    chunk = bytes(MB)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as zf, zf.open("word/media/zeros.bin", "w") as fh:
        for _ in range(1024):
            fh.write(chunk)
    return path


def test_error_is_a_vbhc_error() -> None:
    assert issubclass(DocxReadError, VbhcError)


def test_reads_a_minimal_package_from_path_bytes_and_file(tmp_path: Path) -> None:
    data = build_docx(para("hello"))
    path = tmp_path / "a.docx"
    path.write_bytes(data)
    for source in (data, path, str(path), io.BytesIO(data)):
        pkg = open_docx(source)
        assert pkg.main_part == "word/document.xml"
        assert pkg.document.tag.endswith("}document")


def test_not_a_zip() -> None:
    with pytest.raises(DocxReadError, match=r"^not a \.docx file \(not a zip archive\)$"):
        open_docx(b"%PDF-1.7 this is not a zip file at all")


def test_missing_file_gives_one_line_message(tmp_path: Path) -> None:
    with pytest.raises(DocxReadError, match="cannot open"):
        open_docx(tmp_path / "nope.docx")


def test_missing_content_types() -> None:
    data = build_docx(para("x"), omit=("[Content_Types].xml",))
    with pytest.raises(DocxReadError, match=r"missing \[Content_Types\]\.xml"):
        open_docx(data)


def test_no_main_document_part() -> None:
    data = build_docx(para("x"), omit=("word/document.xml",))
    with pytest.raises(DocxReadError, match="no main document part"):
        open_docx(data)


def test_xlsx_is_not_a_word_document() -> None:
    ct = (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>'
    )
    data = zip_members({
        "[Content_Types].xml": ct.encode(),
        "_rels/.rels": rels_xml([("rId1", "officeDocument", "xl/workbook.xml")]).encode(),
        "xl/workbook.xml": b"<workbook/>",
    })
    with pytest.raises(DocxReadError, match="not a Word document"):
        open_docx(data)


def test_main_part_found_through_relationships_not_a_fixed_name() -> None:
    data = build_docx(para("elsewhere"), main="content/main.xml", styles="")
    pkg = open_docx(data)
    assert pkg.main_part == "content/main.xml"
    assert pkg.styles is not None
    assert read_document(data).paragraphs[0].text == "elsewhere"


def test_zip_bomb_is_rejected_quickly(zip_bomb: Path) -> None:
    assert zip_bomb.stat().st_size < 5 * MB
    started = time.perf_counter()
    with pytest.raises(DocxReadError, match=r"'word/media/zeros\.bin' has a suspicious compression ratio"):
        open_docx(zip_bomb)
    assert time.perf_counter() - started < 2.0


def _patch_central_entry(data: bytes, name: str, offset: int, value: int) -> bytes:
    """Overwrite a 4-byte field of ``name``'s central directory entry (20: compressed, 24: real size)."""
    out = bytearray(data)
    at = out.rfind(name.encode())
    central = out.rfind(b"PK\x01\x02", 0, at)
    out[central + offset: central + offset + 4] = value.to_bytes(4, "little")
    return bytes(out)


def test_bomb_whose_header_understates_its_size_is_caught(zip_bomb: Path) -> None:
    data = _patch_central_entry(zip_bomb.read_bytes(), "word/media/zeros.bin", 24, 1024)
    started = time.perf_counter()
    with pytest.raises(DocxReadError, match=r"'word/media/zeros\.bin' is corrupt"):
        open_docx(data)
    assert time.perf_counter() - started < 2.0


def test_bomb_whose_header_overstates_its_compressed_size_is_stopped_at_50_mb(
    zip_bomb: Path, tmp_path: Path,
) -> None:
    """The header ratio looks harmless (~170:1), so only the streamed byte count can stop it."""
    path = tmp_path / "padded.docx"
    path.write_bytes(zip_bomb.read_bytes())
    with zipfile.ZipFile(path, "a", zipfile.ZIP_STORED) as zf:  # real bytes for the lie to cover
        zf.writestr("word/media/pad.bin", os.urandom(6 * MB))
    data = _patch_central_entry(path.read_bytes(), "word/media/zeros.bin", 20, 6 * MB)
    started = time.perf_counter()
    with pytest.raises(DocxReadError, match=r"'word/media/zeros\.bin' is larger than 50 MB when decomp"):
        open_docx(data)
    assert time.perf_counter() - started < 2.0


def test_member_over_50_mb_is_rejected_on_its_streamed_size(tmp_path: Path) -> None:
    path = tmp_path / "big.docx"
    path.write_bytes(build_docx(para("x")))
    with zipfile.ZipFile(path, "a", zipfile.ZIP_STORED) as zf, zf.open("word/media/big.bin", "w") as fh:
        for _ in range(51):
            fh.write(bytes(MB))
    started = time.perf_counter()
    with pytest.raises(DocxReadError, match=r"'word/media/big\.bin' is larger than 50 MB when decompressed"):
        open_docx(path)
    assert time.perf_counter() - started < 2.0


def test_total_decompressed_size_is_bounded() -> None:
    members = {f"word/media/{i}.bin": os.urandom(300_000) for i in range(4)}
    data = build_docx(para("x"), extra=members)
    limits = Limits(max_total_bytes=1 * MB)
    with pytest.raises(DocxReadError, match="larger than 1 MB when decompressed"):
        open_docx(data, limits=limits)
    open_docx(data)  # fine under the default limits


def test_too_many_members() -> None:
    data = build_docx(para("x"), extra={f"word/media/{i}.txt": b"" for i in range(2001)})
    with pytest.raises(DocxReadError, match=r"has 200\d members \(limit 2000\)"):
        open_docx(data)


def test_encrypted_member() -> None:
    data = bytearray(build_docx(para("x")))
    at = 0
    while (at := data.find(b"PK\x01\x02", at)) >= 0:  # set bit 0 of every central directory entry's flags
        data[at + 8] |= 0x01
        at += 4
    with pytest.raises(DocxReadError, match="encrypted"):
        open_docx(bytes(data))


def test_corrupt_member() -> None:
    data = bytearray(build_docx(para("hello world " * 50)))
    name = b"word/document.xml"
    local = data.find(b"PK\x03\x04" + b"")
    while data[local + 30: local + 30 + len(name)] != name:
        local = data.find(b"PK\x03\x04", local + 4)
    start = local + 30 + len(name) + int.from_bytes(data[local + 28: local + 30], "little")
    data[start + 5: start + 15] = b"\xff" * 10
    with pytest.raises(DocxReadError, match=r"'word/document\.xml' is corrupt"):
        open_docx(bytes(data))


def test_xxe_is_rejected_without_touching_the_file_system() -> None:
    document = (
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        f"<w:document {NS}><w:body><w:p><w:r><w:t>&e;</w:t></w:r></w:p></w:body></w:document>"
    )
    with pytest.raises(DocxReadError, match=r"document\.xml: XML with a DTD or entities is not accepted"):
        open_docx(build_docx(document=document))


def test_billion_laughs_is_rejected_quickly() -> None:
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)
    )
    document = (
        f'<?xml version="1.0"?><!DOCTYPE lolz [{entities}]>'
        f"<w:document {NS}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
    )
    started = time.perf_counter()
    with pytest.raises(DocxReadError, match="XML with a DTD or entities is not accepted"):
        open_docx(build_docx(document=document))
    assert time.perf_counter() - started < 1.0


def test_dtd_in_styles_part_is_rejected_too() -> None:
    data = build_docx(para("x"), extra={"word/styles.xml": '<!DOCTYPE s [<!ENTITY a "b">]><w:styles/>'},
                      styles="")
    with pytest.raises(DocxReadError, match=r"word/styles\.xml: XML with a DTD"):
        open_docx(data)


def test_malformed_xml() -> None:
    document = f"<w:document {NS}><w:body><w:p><w:r><w:t>oops</w:r></w:p></w:body></w:document>"
    with pytest.raises(DocxReadError, match=r"^word/document\.xml is not well-formed XML: .*mismatch"):
        open_docx(build_docx(document=document))


def test_root_must_be_a_wordprocessingml_document() -> None:
    with pytest.raises(DocxReadError, match="not a WordprocessingML document"):
        open_docx(build_docx(document="<html><body/></html>"))


def test_ten_megabyte_paragraph_resolves_in_a_few_seconds() -> None:
    rng = random.Random(30)
    words = ["quyết", "định", "ủy", "ban", "nhân", "dân", "tỉnh", "về", "việc", "ban", "hành", "kế", "hoạch"]
    runs = []
    size = 0
    while size < 10 * MB:
        text = " ".join(rng.choice(words) for _ in range(2000))
        runs.append(f'<w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:t xml:space="preserve">{text} </w:t></w:r>')
        size += len(text.encode()) + 1
    data = build_docx("<w:p>" + "".join(runs) + "</w:p>")
    started = time.perf_counter()
    doc = read_document(data)
    elapsed = time.perf_counter() - started
    (paragraph,) = doc.paragraphs
    assert len(paragraph.text.encode()) >= 10 * MB
    assert paragraph.sizes == {14.0}
    assert elapsed < 5.0


def test_single_text_node_over_parser_limit_gets_a_clear_message() -> None:
    """libxml2 refuses one text node over 10,000,000 bytes unless huge_tree is on; we keep it off."""
    letters = (b"abcdefghijklmnopqrstuvwxyz " * 10)[:256]
    text = random.Random(7).randbytes(10_100_000).translate(letters).decode("ascii")
    data = build_docx(para(text))
    with pytest.raises(DocxReadError, match=r"word/document\.xml exceeds the XML parser's safety limits"):
        open_docx(data)


def test_non_seekable_stream() -> None:
    class Pipe(io.RawIOBase):
        def __init__(self, data: bytes) -> None:
            self._inner = io.BytesIO(data)

        def readable(self) -> bool:
            return True

        def readinto(self, b: bytearray) -> int:  # type: ignore[override]
            chunk = self._inner.read(len(b))
            b[: len(chunk)] = chunk
            return len(chunk)

    pkg = open_docx(Pipe(build_docx(para("piped"))))  # type: ignore[arg-type]
    assert pkg.document is not None


def test_headers_and_parts_are_located_through_relationships() -> None:
    data = build_docx(para("x"), styles="", numbering="", settings="", headers={"rIdH": para("head")},
                      footers={"rIdF": para("foot")})
    pkg = open_docx(data)
    assert pkg.headers["rIdH"][0] == "word/header1.xml"
    assert pkg.footers["rIdF"][0] == "word/footer1.xml"
    assert pkg.numbering is not None and pkg.settings is not None and pkg.theme is None
    assert pkg.part("word/header1.xml") is pkg.headers["rIdH"][1]
    assert pkg.part("word/missing.xml") is None


def test_deeply_nested_tables_and_content_controls_resolve() -> None:
    inner = para("deep")
    grid = '<w:tblGrid><w:gridCol w:w="100"/></w:tblGrid>'
    for _ in range(70):  # 3 XML levels each: within libxml2's depth limit of 256
        inner = f"<w:tbl>{grid}<w:tr><w:tc>{inner}</w:tc></w:tr></w:tbl>"
    for _ in range(5):
        inner = f"<w:sdt><w:sdtContent>{inner}</w:sdtContent></w:sdt>"
    doc = read_document(build_docx(inner))
    assert len(doc.tables) == 70 and doc.paragraphs[0].table == (69, 0, 0)
    assert doc.tables[69].parent == 68


def test_excessive_xml_depth_is_refused_by_the_parser_limits() -> None:
    inner = para("deep")
    for _ in range(400):
        inner = f"<w:sdt><w:sdtContent>{inner}</w:sdtContent></w:sdt>"
    with pytest.raises(DocxReadError, match="exceeds the XML parser's safety limits: Excessive depth"):
        open_docx(build_docx(inner))


def test_strict_ooxml_namespaces_are_read() -> None:
    document = (
        '<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:body>'
        '<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>strict</w:t></w:r></w:p></w:body></w:document>'
    )
    (p,) = read_document(build_docx(document=document)).paragraphs
    assert p.text == "strict" and p.runs[0].bold
