"""Snapshots of the rendered example's XML parts, pretty-printed so a change reads as a diff.

A change to the template, the writer or the layout shows up here. Review the diff, then accept it
with ``pytest tests/test_snapshots.py --snapshot-update``.
"""

from __future__ import annotations

import io
import zipfile

import pytest
from lxml import etree
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode


class XmlSnapshot(SingleFileSnapshotExtension):
    file_extension = "xml"
    _write_mode = WriteMode.TEXT


def pretty(data: bytes) -> str:
    """Indented XML with one attribute set per element, stable across lxml versions."""
    parser = etree.XMLParser(remove_blank_text=True)
    root = etree.fromstring(data, parser)
    return etree.tostring(root, pretty_print=True, encoding="unicode")


PARTS = ["word/document.xml", "word/styles.xml", "word/header1.xml", "word/header2.xml",
         "word/settings.xml", "[Content_Types].xml", "word/_rels/document.xml.rels",
         "docProps/core.xml"]


@pytest.mark.parametrize("name", PARTS, ids=lambda n: n.replace("/", "-").replace("[", "").replace("]", ""))
def test_part_matches_snapshot(plan_docx: bytes, name: str, snapshot) -> None:
    with zipfile.ZipFile(io.BytesIO(plan_docx)) as archive:
        data = archive.read(name)
    assert pretty(data) == snapshot(extension_class=XmlSnapshot)


def test_package_members_and_order(plan_docx: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(plan_docx)) as archive:
        names = archive.namelist()
    assert names[0] == "[Content_Types].xml"
    assert sorted(names) == sorted([*PARTS, "_rels/.rels", "docProps/app.xml", "word/fontTable.xml"])
