"""What a template passes on to the documents made with it: its look, and nothing that runs or fetches.

:func:`template_parts` takes a package read by :func:`~vbhc.ooxml.package.open_docx` and keeps its styles,
numbering, theme, font table and settings, the page set-up of its last section, and the text of the
headers and footers that section uses, with at most the PAGE field. Everything else stays behind: the
body, macros (``vbaProject.bin``), the glossary, comments, notes, images, embedded objects and fonts,
custom XML, every other member, every external relationship, every field other than PAGE (DDEAUTO,
INCLUDEPICTURE, INCLUDETEXT ...) and the settings that attach or fetch (``attachedTemplate``,
``mailMerge`` ...). Kept parts are renamed by kind (:data:`~vbhc.ooxml.build.LOOK_PARTS`), so no member
name of the template reaches a rendered file.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from lxml import etree

from vbhc.ooxml.build import LOOK_PARTS, SECTPR_ORDER, to_bytes
from vbhc.ooxml.package import DocxPackage, DocxReadError
from vbhc.ooxml.xml import A_NS, PPR, R_ID, R_NS, SDT, SDT_CONTENT, SECTPR, P, R, w

_ROOTS = {"styles": w("styles"), "numbering": w("numbering"), "theme": f"{{{A_NS}}}theme",
          "fontTable": w("fonts"), "settings": w("settings"), "header": w("hdr"), "footer": w("ftr")}
_REFERENCES = {w("headerReference"): "header", w("footerReference"): "footer"}
# Elements dropped from each kind of part, besides any element that points at another part (r:id ...).
_DROPPED: dict[str, frozenset[str]] = {
    # attach another template, run a mail merge query, point at notes and schemas that are not carried
    "settings": frozenset(w(x) for x in ("attachedTemplate", "linkStyles", "mailMerge", "attachedSchema",
                                         "saveThroughXslt", "footnotePr", "endnotePr")),
    "numbering": frozenset(w(x) for x in ("numPicBullet", "lvlPicBulletId")),  # picture bullets
}
_SECTION_DROPPED = frozenset({"printerSettings", "sectPrChange"})
_R_ATTR = f"{{{R_NS}}}"  # r:id, r:embed, r:link ...: a relationship to another part
_O_RELID = "{urn:schemas-microsoft-com:office:office}relid"  # VML's name for the same
_FLD_CHAR, _INSTR, _FLD_SIMPLE = w("fldChar"), w("instrText"), w("fldSimple")
# What a header or footer run may hold: its properties, text, tabs, hyphens and PAGE field characters.
_RUN_CHILDREN = frozenset(w(x) for x in ("rPr", "t", "tab", "ptab", "noBreakHyphen", "softHyphen",
                                         "fldChar", "instrText"))
_RID = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]{0,63}$")
_STRICT = b"http://purl.oclc.org/ooxml/"


@dataclass
class TemplateParts:
    """A template's look: its section, its parsed styles and theme, and the parts to copy as
    ``(relationship id, kind, bytes)`` in the template's relationship order."""

    section: etree._Element
    styles: etree._Element | None = None
    theme: etree._Element | None = None
    related: list[tuple[str, str, bytes]] = field(default_factory=list)


def _points_elsewhere(node: etree._Element) -> bool:
    return any(key.startswith(_R_ATTR) or key == _O_RELID for key in node.attrib)


def _remove(nodes: Iterable[etree._Element]) -> bool:
    removed = False
    for node in list(nodes):
        parent = node.getparent()
        if parent is not None:
            parent.remove(node)
            removed = True
    return removed


def _strip(root: etree._Element, dropped: frozenset[str] = frozenset()) -> bool:
    """Remove the elements named in ``dropped`` and those that point at another part; True if any."""
    return _remove([node for node in root.iter() if isinstance(node.tag, str) and node is not root
                    and (node.tag in dropped or _points_elsewhere(node))])


def _unwrap(parent: etree._Element) -> bool:
    """Replace each content control (``w:sdt``) child of ``parent`` by what it holds; True if any."""
    found = False
    for sdt in parent.findall(SDT):
        content = sdt.find(SDT_CONTENT)
        for node in list(content) if content is not None else []:
            sdt.addprevious(node)
        parent.remove(sdt)
        found = True
    return found


def _is_page(instruction: str | None) -> bool:
    words = (instruction or "").split()
    return bool(words) and words[0].upper() == "PAGE"


def _clean_run(run: etree._Element, field_chars: bool) -> bool:
    allowed = _RUN_CHILDREN if field_chars else _RUN_CHILDREN - {_FLD_CHAR, _INSTR}
    return _remove(child for child in run if child.tag not in allowed)


def _clean_paragraph(p: etree._Element) -> bool:
    """Keep the paragraph's properties, its text runs and complete PAGE fields; drop everything else."""
    changed = _unwrap(p)
    field_runs: list[etree._Element] = []  # the runs of the field that is open
    depth, nested = 0, False
    instruction: list[str] = []
    for node in list(p):
        if node.tag == PPR:
            continue
        if node.tag == _FLD_SIMPLE and depth == 0 and _is_page(node.get(w("instr"))):
            changed |= _remove(x for x in node if x.tag != R)
            for run in node:
                changed |= _clean_run(run, field_chars=False)
            continue
        if node.tag != R:
            changed |= _remove([node])
            continue
        if depth == 0 and node.find(_FLD_CHAR) is None:
            changed |= _clean_run(node, field_chars=False)
            continue
        field_runs.append(node)
        for part in node:
            if part.tag == _INSTR and depth == 1:
                instruction.append(part.text or "")
            elif part.tag == _FLD_CHAR:
                kind = part.get(w("fldCharType"))
                if kind == "begin":
                    depth += 1
                    nested |= depth > 1
                elif kind == "end":
                    depth -= 1
        if depth <= 0:  # the field closed (or a stray end): keep it only if it is a plain PAGE field
            if depth == 0 and not nested and _is_page("".join(instruction)):
                for run in field_runs:
                    changed |= _clean_run(run, field_chars=True)
            else:
                changed |= _remove(field_runs)
            field_runs, depth, instruction, nested = [], 0, [], False
    return _remove(field_runs) or changed  # a field left open at the paragraph's end


def _clean_header(root: etree._Element) -> bool:
    """A header or footer keeps its paragraphs' text and PAGE fields (:func:`_clean_paragraph`)."""
    changed = _unwrap(root)
    changed |= _remove(node for node in root if node.tag != P)
    for p in root:
        changed |= _clean_paragraph(p)
    return _strip(root) or changed


def _section(sect: etree._Element, references: dict[str, str]) -> etree._Element:
    """A copy of ``sect`` with the page set-up only, referring to the kept headers and footers by their
    new relationship ids (``references``)."""
    node = copy.deepcopy(sect)
    for child in list(node):
        local = etree.QName(child).localname if isinstance(child.tag, str) else ""
        if child.tag in _REFERENCES:
            rid = references.get(child.get(R_ID) or "")
            if rid is None:
                node.remove(child)
            else:
                child.set(R_ID, rid)
        elif child.tag != w(local) or local not in SECTPR_ORDER or local in _SECTION_DROPPED:
            node.remove(child)
    return node


def _part(pkg: DocxPackage, target: str, kind: str) -> etree._Element | None:
    tree = pkg.part(target)
    if tree is not None and tree.tag != _ROOTS[kind]:
        raise DocxReadError(f"{target} is named as the {kind} part but is not one (its root is "
                            f"{etree.QName(tree).localname!r})")
    return tree


def template_parts(pkg: DocxPackage) -> TemplateParts:
    """The look of ``pkg`` (see the module's docstring); :class:`DocxReadError` when it has no section or
    a part is not what its relationship says."""
    body = pkg.document.find(w("body"))
    sect = body.find(SECTPR) if body is not None else None
    if sect is None:
        raise DocxReadError(f"{pkg.main_part} has no section properties (w:body/w:sectPr)")
    wanted = {ref.get(R_ID): kind for ref in sect if (kind := _REFERENCES.get(ref.tag)) is not None}
    out = TemplateParts(section=sect)
    singles: set[str] = set()
    references: dict[str, str] = {}  # header and footer relationship ids: the template's -> the copy's
    for rel in pkg.relationships(pkg.main_part).values():
        kind = rel.kind
        if rel.external or kind not in LOOK_PARTS or kind in singles:
            continue
        if kind in ("header", "footer") and wanted.get(rel.id) != kind:
            continue
        tree = _part(pkg, rel.target, kind)
        if tree is None:
            continue
        if kind in ("header", "footer"):
            changed = _clean_header(tree)
        else:
            singles.add(kind)
            changed = _strip(tree, _DROPPED.get(kind, frozenset()))
        raw = pkg.raw(rel.target) or b""
        data = to_bytes(tree) if changed or _STRICT in raw else raw
        rid = rel.id if _RID.match(rel.id) else f"rIdVbhc{len(out.related) + 1}"
        out.related.append((rid, kind, data))
        if kind in ("header", "footer"):
            references[rel.id] = rid
        elif kind in ("styles", "theme"):
            setattr(out, kind, tree)
    out.section = _section(sect, references)
    return out
