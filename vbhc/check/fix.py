"""``vbhc check --fix``: a corrected copy for what can be fixed without touching a word.

Fixed: the page size and orientation, margins (moved to the nearest end of the decree's range), Times
New Roman in all four font slots (document defaults, styles, runs), black text, the size, weight and
slant of recognised components, and page numbers (a centred PAGE field in the header, none on page 1).
Text typed in decomposed letters (NFD) is composed (NFC): the same letters, the same words; a quyền hạn
typed "T/M", "TM" or "KT:" is written as the decree abbreviates it ("TM.", "KT.") where the typed form is
in one text node.
Everything else (wording, numbering, punctuation, lines typed as underscores, column widths) is left
for a person and listed. No word is ever changed. The copy is written atomically, and the same
input always gives the same bytes (members keep their order; timestamps are fixed).
"""

from __future__ import annotations

import io
import posixpath
import unicodedata
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import unquote

from lxml import etree

from vbhc import nd30
from vbhc.check.marks import inked_elements
from vbhc.check.report import Finding, Report
from vbhc.check.rules import PAGE_NUMBER_ID, RULES
from vbhc.nd30 import Level, Role, numbering
from vbhc.ooxml import build as ooxml
from vbhc.ooxml.build import twips_from_mm, twips_to_mm, write_package
from vbhc.ooxml.legacy_text import decode, encoding_of_font
from vbhc.ooxml.package import DocxPackage, DocxReadError, rels_part_name
from vbhc.ooxml.resolve import ResolvedDocument, ResolvedParagraph
from vbhc.ooxml.xml import CT_NS, PR_NS, R_NS, W_NS, w
from vbhc.recognise.components import recognise

_THEME_ATTRS = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")
_SLOTS = ("ascii", "hAnsi", "eastAsia", "cs")
_SYMBOL_FONTS = frozenset({"symbol", "wingdings", "wingdings 2", "wingdings 3", "webdings"})
_OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_HEADER_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
_STYLES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"
_DOCUMENT_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
# What makes a package macro-enabled (.docm, .dotm): parts a .docx must not have ([MS-OFFMACRO2]).
_MACRO_KINDS = frozenset({"vbaProject", "wordVbaData", "keyMapCustomizations", "attachedToolbars"})
_MACRO_CTS = frozenset({"application/vnd.ms-office.vbaProject", "application/vnd.ms-word.vbaData+xml",
                        "application/vnd.ms-word.keyMapCustomizations+xml",
                        "application/vnd.ms-word.attachedToolbars"})
FIXABLE = frozenset({"page.size", "page.orientation", "page.margins", "font.family", "font.slots",
                     "font.color", "text.nfc", "text.encoding", "signature.authority", "page-number.present",
                     "page-number.first-page"}
                    | {f"{c}.{p}" for c in (*(r.value for r in Role if not r.record.size_only),
                                             PAGE_NUMBER_ID)
                       for p in ("size", "bold", "italic")})


def _typography_of(component: str) -> nd30.Typography | None:
    """The typography a component's rules hold it to: its role's, or the page number's."""
    if component == PAGE_NUMBER_ID:
        return nd30.PAGE_NUMBER
    try:
        return Role(component).typography
    except ValueError:
        return None


@dataclass
class FixResult:
    """The fixed package's bytes, what was changed (in words) and the rule ids left for a person."""

    data: bytes
    changed: list[str] = field(default_factory=list)
    left: list[str] = field(default_factory=list)


def _serialize(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _runs(p: etree._Element) -> Iterator[etree._Element]:
    """The ``w:r`` of a paragraph, not those of text boxes or deleted text inside it."""
    skip = {w("txbxContent"), w("del"), w("moveFrom")}
    stack = list(p)[::-1]
    while stack:
        node = stack.pop()
        if node.tag == w("r"):
            yield node
        elif node.tag not in skip and node.tag != w("p"):
            stack.extend(list(node)[::-1])


def _rpr(run: etree._Element) -> etree._Element:
    rpr = run.find(w("rPr"))
    if rpr is None:
        rpr = etree.Element(w("rPr"))
        run.insert(0, rpr)
    return rpr


def _set_rpr(rpr: etree._Element, local: str, **attrs: str) -> None:
    node = ooxml.child(rpr, local)
    for key in list(node.attrib):
        del node.attrib[key]
    for key, value in attrs.items():
        node.set(w(key), value)


def _times_new_roman(fonts: etree._Element) -> None:
    for attr in _THEME_ATTRS:
        fonts.attrib.pop(w(attr), None)
    for slot in _SLOTS:
        fonts.set(w(slot), nd30.FONT_NAME)


class _Fixer:
    def __init__(self, pkg: DocxPackage, doc: ResolvedDocument, report: Report) -> None:
        self.pkg = pkg
        self.doc = doc
        self.report = report
        self.touched: dict[str, etree._Element] = {}
        self.new_parts: list[tuple[str, bytes]] = []
        self.changed: list[str] = []
        self.fired = report.rule_ids()
        self.unfixed: set[str] = set()  # fixable rules left for a person where a fix would do harm

    def touch(self, name: str) -> etree._Element:
        tree = self.pkg.part(name)
        if tree is None:
            raise DocxReadError(f"{name} cannot be read back for fixing")
        self.touched[name] = tree
        return tree

    def xml_parts(self) -> list[str]:
        """The main document, styles, headers, footers, numbering and footnotes: where run properties
        live."""
        names = [self.pkg.main_part]
        for kind in ("styles", "numbering", "footnotes"):
            names += [r.target for r in self.pkg.related(self.pkg.main_part, kind)]
        names += [name for name, _ in (*self.pkg.headers.values(), *self.pkg.footers.values())]
        return [n for n in dict.fromkeys(names) if self.pkg.part(n) is not None]

    # ---- page set-up --------------------------------------------------------------------------

    def sections(self) -> list[etree._Element]:
        """Every ``w:sectPr`` in document order; a body without one gets one (Word's defaults apply)."""
        found = [s for s in self.pkg.document.iter(w("sectPr")) if s.getparent().tag != w("sectPrChange")]
        body = self.pkg.document.find(w("body"))
        if body is not None and body.find(w("sectPr")) is None:
            found.append(etree.SubElement(body, w("sectPr")))
        return found

    def page(self) -> None:
        fix_size = bool({"page.size", "page.orientation"} & self.fired)
        fix_margins = "page.margins" in self.fired
        if not fix_size and not fix_margins:
            return
        self.touch(self.pkg.main_part)
        width, height = twips_from_mm(nd30.PAPER_WIDTH_MM), twips_from_mm(nd30.PAPER_HEIGHT_MM)
        margins = RULES["page.margins"].allowed
        sizes = margin_moves = 0
        for n, sect in enumerate(self.sections()):
            if fix_size:
                size = ooxml.child(sect, "pgSz")
                landscape = n > 0 and (size.get(w("orient")) == "landscape" or
                                       int(size.get(w("w")) or 0) > int(size.get(w("h")) or 1))
                size.attrib.clear()
                size.set(w("w"), str(height if landscape else width))
                size.set(w("h"), str(width if landscape else height))
                if landscape:
                    size.set(w("orient"), "landscape")
                sizes += 1
            if fix_margins:
                mar = ooxml.child(sect, "pgMar")
                for side, allowed in margins.items():
                    raw = mar.get(w(side))
                    mm = twips_to_mm(int(raw)) if raw and raw.lstrip("-").isdigit() else None
                    if mm is None or mm < allowed.low - 0.1 or mm > allowed.high + 0.1:
                        target = allowed.low if mm is None or mm < allowed.low else allowed.high
                        mar.set(w(side), str(twips_from_mm(target)))
                        margin_moves += 1
                for attr, default in (("header", 567), ("footer", 567), ("gutter", 0)):
                    if mar.get(w(attr)) is None:
                        mar.set(w(attr), str(default))
        if sizes:
            self.changed.append(f"page size: A4 {nd30.PAPER_WIDTH_MM} × {nd30.PAPER_HEIGHT_MM} mm in {sizes} "
                                "section(s), portrait on the first")
        if margin_moves:
            self.changed.append(f"margins: {margin_moves} margin(s) moved to the nearest end of the decree's "
                                f"range ({RULES['page.margins'].expected})")

    # ---- fonts -------------------------------------------------------------------------------

    def fonts(self) -> None:
        if not {"font.family", "font.slots"} & self.fired:
            return
        count = 0
        styles = self.pkg.styles
        if styles is None:  # no styles part: add one whose document defaults are Times New Roman
            slots = " ".join(f'w:{slot}="{nd30.FONT_NAME}"' for slot in _SLOTS)
            xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="{W_NS}">'
                   f"<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts {slots}/></w:rPr></w:rPrDefault>"
                   "</w:docDefaults></w:styles>")
            self._add_part(self._free_name("styles"), "styles", _STYLES_CT, xml.encode())
            count += 1
        else:
            name = next(r.target for r in self.pkg.related(self.pkg.main_part, "styles"))
            self.touch(name)
            defaults = styles.find(w("docDefaults"))
            if defaults is None:
                defaults = etree.Element(w("docDefaults"))
                styles.insert(0, defaults)
            rpr_default = ooxml.child(defaults, "rPrDefault")
            rpr = rpr_default.find(w("rPr"))
            if rpr is None:
                rpr = etree.SubElement(rpr_default, w("rPr"))
            _set_rpr(rpr, "rFonts")
            _times_new_roman(rpr.find(w("rFonts")))
            count += 1
        for name in self.xml_parts():
            tree = self.pkg.part(name)
            assert tree is not None
            touched = False
            for fonts in tree.iter(w("rFonts")):
                lvl = next((a for a in fonts.iterancestors(w("lvl"))), None)
                if lvl is not None:
                    fmt = lvl.find(w("numFmt"))
                    faces = {(fonts.get(w(s)) or "").lower() for s in _SLOTS}
                    if (fmt is not None and fmt.get(w("val")) == "bullet") or faces & _SYMBOL_FONTS:
                        continue  # a bullet drawn from a symbol font
                _times_new_roman(fonts)
                touched = True
                count += 1
            if touched:
                self.touch(name)
        settings = count - 1
        self.changed.append(f"fonts: {nd30.FONT_NAME} in all four slots (ascii, hAnsi, eastAsia, cs) of the "
                            f"document defaults and {settings} other font settings")

    def compose(self) -> None:
        """Decomposed letters (NFD) composed (NFC) in every text node: canonically the same text."""
        if "text.nfc" not in self.fired:
            return
        count = 0
        for name in self.xml_parts():
            tree = self.pkg.part(name)
            assert tree is not None
            touched = False
            for t in tree.iter(w("t")):
                if t.text and (composed := unicodedata.normalize("NFC", t.text)) != t.text:
                    t.text = composed
                    touched = True
                    count += 1
            if touched:
                self.touch(name)
        self.changed.append(f"text: decomposed letters composed (Unicode NFC) in {count} runs")

    def legacy_text(self) -> None:
        """Text typed in TCVN3 or VNI rewritten in Unicode (NFC), run by run as the checker read it, and
        every font that named such an encoding replaced by Times New Roman (TCVN 6909:2001)."""
        legacy = self.doc.legacy
        if legacy is None or "text.encoding" not in self.fired:
            return
        parts = {id(self.pkg.part(name)): name for name in self.xml_parts()}
        done: set[int] = set()
        for r, encoding, capitals in legacy.runs:
            if id(r) in done:  # a run read twice is converted once
                continue
            done.add(id(r))
            for soft in r.findall(w("softHyphen")):  # TCVN3's ư (0xAD), as LibreOffice reads a .doc
                t = etree.Element(w("t"))
                t.text = "\xad"
                r.replace(soft, t)
            for t in r.findall(w("t")):  # its own text, not that of a text box it anchors
                if t.text:
                    t.text = decode(t.text, encoding, capitals)
            _times_new_roman(ooxml.child(ooxml.child(r, "rPr"), "rFonts"))
            root = r.getroottree().getroot()
            name = parts.get(id(root)) or next(n for n in self.pkg.names if self.pkg.part(n) is root)
            self.touch(name)
        settings = 0
        for name in self.xml_parts():
            tree = self.pkg.part(name)
            assert tree is not None
            named = [f for f in tree.iter(w("rFonts")) if any(encoding_of_font(f.get(w(s))) for s in _SLOTS)]
            for fonts in named:
                _times_new_roman(fonts)
            if named:
                settings += len(named)
                self.touch(name)
        more = f" and {settings} other font settings" if settings else ""
        self.changed.append(f"text: {legacy.describe()} converted to Unicode (TCVN 6909:2001) in "
                            f"{len(done)} runs, set in {nd30.FONT_NAME}{more}")

    def authority(self) -> None:
        """"T/M" typed for "TM." (signature.authority) rewritten where the typed form is in one text node."""
        count = 0
        for finding in self.report.findings:
            if finding.rule.id != "signature.authority":
                continue
            typed, wanted = finding.found.strip('"'), finding.expected.strip('"')
            for ref in finding.paragraphs:
                para = self.paragraph(ref.location, ref.number)
                node = None if para is None or para.element is None else next(
                    (t for run in _runs(para.element) for t in run.iter(w("t")) if t.text and t.text.strip()),
                    None)
                if node is None or not node.text.lstrip().startswith(typed):
                    self.unfixed.add(finding.rule.id)  # split over runs: left for a person
                    continue
                lead = len(node.text) - len(node.text.lstrip())
                node.text = node.text[:lead] + wanted + node.text[lead + len(typed):]
                if ref.location == "body":
                    self.touch(self.pkg.main_part)
                count += 1
        if count:
            self.changed.append(f"signature.authority: the quyền hạn as the decree abbreviates it in {count} "
                                "line(s)")

    def colors(self) -> None:
        if "font.color" not in self.fired:
            return
        count = 0
        inked = inked_elements(recognise(self.doc))  # the urgency stamp keeps its red (PL I, III.2.b)
        for name in self.xml_parts():
            tree = self.pkg.part(name)
            assert tree is not None
            for color in tree.iter(w("color")):
                if color.getparent().tag != w("rPr"):
                    continue
                value = (color.get(w("val")) or "").upper()
                if value in ("AUTO", nd30.FONT_COLOR) and color.get(w("themeColor")) is None:
                    continue
                p = next(color.iterancestors(w("p")), None)
                if p is not None and inked.get(p) == value:
                    continue
                color.attrib.clear()
                color.set(w("val"), nd30.FONT_COLOR)
                count += 1
                self.touch(name)
        if count:
            self.changed.append(f"colour: {count} coloured text setting(s) set to black")

    # ---- typography of recognised components ---------------------------------------------------

    def paragraph(self, location: str, number: int) -> ResolvedParagraph | None:
        if location == "body":
            return self.doc.paragraphs[number - 1] if 0 < number <= len(self.doc.paragraphs) else None
        for part_name, paras in (*self.doc.headers.items(), *self.doc.footers.items()):
            if posixpath.basename(part_name) == location and 0 < number <= len(paras):
                self.touch(part_name)
                return paras[number - 1]
        return None

    def typography(self) -> None:
        done: Counter[str] = Counter()
        shared: set[tuple[str, int]] | None = None  # lines holding two components (laid out with tabs)
        for finding in self.report.findings:
            component, _, prop = finding.rule.id.rpartition(".")
            typography = _typography_of(component)
            if prop not in ("size", "bold", "italic") or typography is None:
                continue
            if shared is None:
                shared = {(x.paragraph.location, x.paragraph.index + 1) for x in recognise(self.doc).all()
                          if x.span is not None}
            for ref in finding.paragraphs:
                if (ref.location, ref.number) in shared:  # one run set would change the other component
                    self.unfixed.add(finding.rule.id)
                    continue
                para = self.paragraph(ref.location, ref.number)
                if para is None or para.element is None:
                    continue
                if component == Role.ARTICLE.value and prop != "size" and para.numbering_label:
                    self.unfixed.add(finding.rule.id)  # "Điều %1." of a Word list: its look is the list's
                    continue
                if ref.location == "body":
                    self.touch(self.pkg.main_part)
                self.apply(para, prop, typography, component)
                done[finding.rule.id] += 1
        for rule_id, n in sorted(done.items()):
            self.changed.append(f"{rule_id}: {RULES[rule_id].expected} in {n} paragraph(s)")

    def apply(self, para: ResolvedParagraph, prop: str, t: nd30.Typography, component: str) -> None:
        assert para.element is not None
        runs = list(_runs(para.element))
        if prop == "size":
            weights: Counter[float] = Counter()
            for run in para.visible_runs:
                weights[run.size_pt] += len(run.text)
            common = weights.most_common(1)[0][0] if weights else t.default_size
            target = min(max(common, t.size.low), t.size.high)
            half = str(round(target * 2))
            for run in runs:
                rpr = _rpr(run)
                _set_rpr(rpr, "sz", val=half)
                _set_rpr(rpr, "szCs", val=half)
            return
        wanted: bool = getattr(t, prop)
        tag = "b" if prop == "bold" else "i"
        targets = runs
        lead = len(para.text) - len(para.text.lstrip())
        label = numbering.read_label(para.text[lead:])
        if (wanted and component == Role.ARTICLE.value and label is not None and label.level is Level.ARTICLE
                and label.rest.endswith((".", ";", ":"))):
            label_len = lead + len(label.label)  # an article with content: only "Điều N." must be bold
            targets, at = [], 0
            for run in runs:
                if at >= label_len:
                    break
                targets.append(run)
                at += sum(len(t.text or "") for t in run.iter(w("t")))
        for run in targets:
            rpr = _rpr(run)
            if wanted:
                _set_rpr(rpr, tag)
                _set_rpr(rpr, tag + "Cs")
            else:
                _set_rpr(rpr, tag, val="0")
                _set_rpr(rpr, tag + "Cs", val="0")

    # ---- page numbers ------------------------------------------------------------------------

    def _free_name(self, stem: str) -> str:
        """A part name beside the main document that no member has yet: ``word/header3.xml``."""
        folder = posixpath.dirname(self.pkg.main_part)
        taken = {name.lower() for name in self.pkg.names} | {name.lower() for name, _ in self.new_parts}
        n = 1
        while posixpath.join(folder, f"{stem}{n}.xml").lower() in taken:
            n += 1
        return posixpath.join(folder, f"{stem}{n}.xml")

    def _header_part(self, with_number: bool) -> str:
        """Add a header part (a centred PAGE field, or empty) and its relationship; return the rId."""
        name = self._free_name("header")
        paragraph = ooxml.el("p", None, ooxml.ppr(jc="center"))
        if with_number:  # the same PAGE field vbhc renders, in the decree's font and size (PL I, I.7)
            for run in ooxml.page_field_runs():
                run.insert(0, ooxml.rpr(fonts=nd30.FONT_NAME, size_pt=nd30.PAGE_NUMBER.default_size))
                paragraph.append(run)
        return self._add_part(name, "header", _HEADER_CT, ooxml.to_bytes(ooxml.el("hdr", None, paragraph)))

    def _add_part(self, name: str, kind: str, content_type: str, data: bytes) -> str:
        """Add a part related to the main document (relationship and content type); return its rId."""
        self.new_parts.append((name, data))
        rels_name = rels_part_name(self.pkg.main_part)
        rels = self.pkg.part(rels_name)
        if rels is None:
            rels = etree.Element(f"{{{PR_NS}}}Relationships", nsmap={None: PR_NS})
            self.pkg.set_part(rels_name, rels)
        self.touched[rels_name] = rels
        ids = {r.get("Id") for r in rels}
        n = 1
        while f"rIdVbhc{n}" in ids:
            n += 1
        rid = f"rIdVbhc{n}"
        target = posixpath.relpath(name, posixpath.dirname(self.pkg.main_part) or ".")
        etree.SubElement(rels, f"{{{PR_NS}}}Relationship", Id=rid, Type=_OFFICE + kind, Target=target)
        types = self.pkg.part("[Content_Types].xml")
        assert types is not None
        self.touched[next(n for n in self.pkg.names if n.lower() == "[content_types].xml")] = types
        etree.SubElement(types, f"{{{CT_NS}}}Override", PartName="/" + name, ContentType=content_type)
        return rid

    def _reference(self, sect: etree._Element, kind: str, rid: str) -> None:
        for old in sect.findall(w("headerReference")):
            if (old.get(w("type")) or "default") == kind:
                sect.remove(old)
        ref = ooxml.place(sect, etree.Element(w("headerReference")))
        ref.set(w("type"), kind)
        ref.set(f"{{{R_NS}}}id", rid)

    def _title_page(self, sect: etree._Element) -> None:
        node = ooxml.child(sect, "titlePg")
        node.attrib.pop(w("val"), None)

    def page_numbers(self) -> str | None:
        """Add the page-number header; return why it was left alone, if it was."""
        present = "page-number.present" in self.fired
        first_page = "page-number.first-page" in self.fired
        if not present and not first_page:
            return None
        sections = self.sections()
        if not sections:
            return "the document has no section properties"
        first = self.doc.sections[0] if self.doc.sections else None
        if present and first is not None and first.headers.get("default"):
            existing = self.doc.headers.get(first.headers["default"], [])
            if any(p.text.strip() for p in existing):
                return "the first section's header already holds text; add the page number by hand"
        self.touch(self.pkg.main_part)
        sect = sections[0]  # the first section's: a w:pPr/w:sectPr, or the body's when there is one
        if present:
            self._reference(sect, "default", self._header_part(with_number=True))
        self._reference(sect, "first", self._header_part(with_number=False))
        self._title_page(sect)
        what = "a centred PAGE field in the header, " if present else ""
        self.changed.append(f"page numbers: {what}none on page 1 (different first page, empty first header)")
        return None

    # ---- macros ------------------------------------------------------------------------------

    def macros(self) -> set[str]:
        """Make the copy a .docx: drop the macro parts, their relationships and content types, and give
        the main part a document's content type. Return the member names dropped (lower case)."""
        pkg = self.pkg
        dropped = {n.lower() for n, ct in pkg.content_types.items() if ct in _MACRO_CTS}
        for source in ("", pkg.main_part, *sorted(dropped)):
            dropped |= {r.target.lower() for r in pkg.relationships(source).values()
                        if r.kind in _MACRO_KINDS and not r.external}
        dropped.discard(pkg.main_part.lower())
        dropped |= {rels_part_name(n) for n in dropped}
        for source in ("", pkg.main_part):
            gone = {r.id for r in pkg.relationships(source).values()
                    if r.kind in _MACRO_KINDS or (not r.external and r.target.lower() in dropped)}
            rels = pkg.part(rels_part_name(source))
            for node in rels.findall(f"{{{PR_NS}}}Relationship") if gone and rels is not None else ():
                if node.get("Id") in gone:
                    rels.remove(node)
                    self.touched[rels_part_name(source)] = rels
        types_name = next(n for n in pkg.names if n.lower() == "[content_types].xml")
        types = pkg.part(types_name)
        assert types is not None
        changed = False
        for node in list(types):
            part = unquote(node.get("PartName") or "").lstrip("/").lower()
            if part in dropped or (node.get("Extension") and node.get("ContentType") in _MACRO_CTS):
                types.remove(node)
                changed = True
            elif part == pkg.main_part.lower() and node.get("ContentType") != _DOCUMENT_CT:
                node.set("ContentType", _DOCUMENT_CT)
                changed = True
        if changed:
            self.touched[types_name] = types
        present = [n for n in pkg.names if n.lower() in dropped]
        if present:
            self.changed.append("macros removed (a .docx cannot hold them): " + ", ".join(present))
        return {n.lower() for n in present}

    # ---- output ------------------------------------------------------------------------------

    def run(self, source: bytes) -> FixResult:
        self.page()
        self.legacy_text()
        self.fonts()
        self.compose()
        self.authority()
        self.colors()
        self.typography()
        left_reason = self.page_numbers()
        dropped = self.macros()
        modified = {name: _serialize(tree) for name, tree in self.touched.items()}
        parts: list[tuple[str, bytes]] = []
        with zipfile.ZipFile(io.BytesIO(source)) as zf:
            for info in zf.infolist():
                if info.is_dir() or info.filename.lstrip("/").lower() in dropped:
                    continue
                name = info.filename.lstrip("/")
                parts.append((info.filename, modified.pop(name, None) or zf.read(info)))
        parts += [(name, data) for name, data in modified.items()]  # a .rels part that was missing
        parts += self.new_parts
        out = io.BytesIO()
        write_package(parts, out)
        left = sorted({f.rule.id for f in self.report.findings if f.rule.id not in FIXABLE} | self.unfixed)
        if left_reason is not None:
            left = sorted({*left, *(r for r in ("page-number.present", "page-number.first-page")
                                    if r in self.fired)})
        return FixResult(out.getvalue(), self.changed, left)


def fixable(finding: Finding) -> bool:
    """Whether ``--fix`` corrects this finding."""
    return finding.rule.id in FIXABLE


def fix_package(pkg: DocxPackage, doc: ResolvedDocument, report: Report, source: bytes) -> FixResult:
    """The corrected copy of a package already read (``doc`` resolved from ``pkg``, ``report`` its check)."""
    if any(b"http://purl.oclc.org/ooxml/" in (pkg.raw(n) or b"") for n in pkg.names if n.endswith(".xml")):
        raise DocxReadError("--fix does not write Strict OOXML files; save the file as a Word document first")
    return _Fixer(pkg, doc, report).run(source)


def check_and_fix(data: bytes, name: str, fix_to: str | None = None) -> tuple[Report, bytes | None]:
    """``vbhc check`` of a .docx's bytes named ``name``: the report and, when ``fix_to`` names the fixed
    copy, its bytes (the report then says what changed and what the copy still has). A Word 97–2003
    .doc, an .rtf or an .odt (known by its bytes) is first converted to .docx by LibreOffice, and the
    report says so; the fixed copy is then that .docx, corrected. Raises
    :class:`~vbhc.ooxml.package.DocxReadError` for a file that is no .docx vbhc can read,
    :class:`~vbhc.libreoffice.ConversionError` for a legacy file LibreOffice cannot convert and
    :class:`~vbhc.errors.ConverterMissing` when LibreOffice is not installed."""
    from vbhc.check.checks import check, check_document, guard
    from vbhc.check.report import FixSummary
    from vbhc.libreoffice import as_docx
    from vbhc.ooxml.package import open_docx
    from vbhc.ooxml.resolve import read_document

    data, converted = as_docx(data)
    package = open_docx(data)
    doc = read_document(package)
    guard(doc)
    report = check_document(doc, name)
    report.converted_from = converted.describe() if converted is not None else None
    if fix_to is None:
        return report, None
    result = fix_package(package, doc, report, data)
    after = check(result.data, name=fix_to)
    report.fix = FixSummary(fix_to, tuple(result.changed), tuple(result.left),
                            {"errors": after.errors, "warnings": after.warnings})
    return report, result.data
