"""The schema order of ``w:rPr``, ``w:pPr`` and ``w:sectPr`` children, declared once and kept everywhere."""

from __future__ import annotations

import io
import zipfile

import pytest
from documents import BUILDERS, Docx
from lxml import etree

from vbhc.check import check_document, open_docx, read_document
from vbhc.check.fix import fix_package
from vbhc.ooxml.build import SCHEMA_ORDER, child, el, place, ppr, rpr, w
from vbhc.ooxml.xml import W_NS
from vbhc.writers.docx.writer import render_bytes


def ranks(node: etree._Element) -> list[int]:
    order = SCHEMA_ORDER[etree.QName(node).localname]
    return [order[etree.QName(c).localname] for c in node if etree.QName(c).namespace == W_NS]


def in_order(node: etree._Element) -> bool:
    found = ranks(node)
    return found == sorted(found)


def test_place_puts_a_child_where_the_schema_does_whatever_the_call_order() -> None:
    sect = el("sectPr")
    for tag in ("docGrid", "pgMar", "titlePg", "headerReference", "pgSz", "cols"):
        place(sect, el(tag))
    assert [etree.QName(c).localname for c in sect] == ["headerReference", "pgSz", "pgMar", "cols", "titlePg",
                                                        "docGrid"]
    place(sect, el("pgNumType"))
    assert [etree.QName(c).localname for c in sect][3] == "pgNumType"  # after pgMar, before cols


def test_child_finds_or_makes_one_and_steps_over_foreign_children() -> None:
    props = el("rPr", None, el("b"), etree.Element("{urn:other}x"), el("lang"))
    size = child(props, "sz")
    assert child(props, "sz") is size
    assert [etree.QName(c).localname for c in props] == ["b", "x", "sz", "lang"]


def test_builders_emit_the_declared_order() -> None:
    run = rpr(fonts="Times New Roman", bold=True, italic=False, color="000000", size_pt=14, boxed=True,
              lang="vi-VN")
    para = ppr(style="S", keep_next=True, keep_lines=True, page_break_before=True, widow_control=False,
               before_pt=6, after_pt=0, line=1.2, left=10, right=10, first_line=720, jc="both", run=el("rPr"),
               section=el("sectPr"))
    assert run is not None and len(run) == 10 and in_order(run)
    assert len(para) == 10 and in_order(para)


@pytest.mark.parametrize("name", ["plan", "report"])
def test_rendered_and_fixed_files_keep_the_order(name: str) -> None:
    """Every rPr, pPr and sectPr vbhc writes, and every one ``--fix`` touches, is in schema order."""
    data = render_bytes(BUILDERS[name]())
    broken = Docx(data)
    body = broken.tree()
    for sect in body.iter(w("sectPr")):  # Letter-size, margins off, no title page: fix puts them back
        for tag in ("pgSz", "pgMar", "titlePg"):
            sect.remove(sect.find(w(tag)))
    for run in body.iter(w("r")):
        props = run.find(w("rPr"))
        if props is not None:
            run.remove(props)
    source = broken.data()
    pkg = open_docx(source)
    doc = read_document(pkg)
    fixed = fix_package(pkg, doc, check_document(doc), source).data
    for output in (data, fixed):
        with zipfile.ZipFile(io.BytesIO(output)) as archive:
            for member in archive.namelist():
                if member.endswith(".xml"):
                    root = etree.fromstring(archive.read(member))
                    for node in root.iter(w("rPr"), w("pPr"), w("sectPr")):
                        assert in_order(node), (member, [etree.QName(c).localname for c in node])
    sections = list(etree.fromstring(zipfile.ZipFile(io.BytesIO(fixed)).read("word/document.xml"))
                    .iter(w("sectPr")))
    assert all(s.find(w("pgSz")) is not None and s.find(w("pgMar")) is not None for s in sections)


def test_set_part_replaces_and_adds_parts() -> None:
    pkg = open_docx(render_bytes(BUILDERS["letter"]()))
    styles = etree.Element(w("styles"))
    pkg.set_part("word/styles.xml", styles)
    assert pkg.part("word/styles.xml") is styles and pkg.part("/WORD/STYLES.XML") is styles
    rels = etree.Element("{http://schemas.openxmlformats.org/package/2006/relationships}Relationships")
    etree.SubElement(rels, "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship",
                     Id="rId1", Type="http://x/header", Target="header9.xml")
    assert pkg.relationships("word/header1.xml") == {}
    pkg.set_part("word/_rels/header1.xml.rels", rels)
    assert pkg.has("word/_rels/header1.xml.rels") and "word/_rels/header1.xml.rels" in pkg.names
    assert pkg.relationships("word/header1.xml")["rId1"].target == "word/header9.xml"
