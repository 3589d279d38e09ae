"""Read a .docx package safely: bounded sizes, no DTDs, no network, parts found through relationships.

:func:`open_docx` checks every member of the zip before anything is parsed: member count, encryption,
compression ratio, and the *actual* decompressed size (streamed in chunks; the header's declared size
is never trusted). XML is parsed with entity resolution, DTD loading and network access off, and any
document that carries a DTD is rejected, so XXE and "billion laughs" files fail with a clear message.
"""

from __future__ import annotations

import io
import os
import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO
from urllib.parse import unquote

from lxml import etree

from vbhc import limits as base
from vbhc.errors import DocxReadError, FileError
from vbhc.fileio import read_bytes
from vbhc.limits import MB
from vbhc.ooxml.xml import CT_NS, PR_NS, STRICT_NAMESPACES, W_NS

_CHUNK = 1 * MB

_MAIN_CONTENT_TYPES = frozenset({
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
})

# Kinds (last segment of the relationship type) parsed eagerly from the main document's rels.
_SINGLE_PARTS = ("styles", "numbering", "theme", "settings", "footnotes")


@dataclass(frozen=True, slots=True)
class Limits:
    """Resource bounds applied while reading a package. The defaults suit any real document."""

    max_member_bytes: int = base.MAX_MEMBER_BYTES
    max_total_bytes: int = base.MAX_TOTAL_BYTES
    max_members: int = base.MAX_MEMBERS
    max_ratio: float = base.MAX_RATIO
    ratio_min_bytes: int = base.RATIO_MIN_BYTES
    max_archive_bytes: int = base.MAX_ARCHIVE_BYTES
    max_paragraph_chars: int = base.MAX_PARAGRAPH_CHARS


DEFAULT_LIMITS = Limits()


@dataclass(frozen=True, slots=True)
class Relationship:
    """One ``<Relationship>``: ``target`` is a part name (no leading slash) unless ``external``."""

    id: str
    type: str
    target: str
    external: bool = False

    @property
    def kind(self) -> str:
        """Last segment of the type URI: "styles", "header", "officeDocument"..."""
        return self.type.rstrip("/").rsplit("/", 1)[-1]


@dataclass(eq=False)
class DocxPackage:
    """A checked, parsed .docx. Trees are lxml root elements; part names have no leading slash."""

    main_part: str
    document: etree._Element
    styles: etree._Element | None = None
    numbering: etree._Element | None = None
    theme: etree._Element | None = None
    settings: etree._Element | None = None
    footnotes: etree._Element | None = None
    headers: dict[str, tuple[str, etree._Element]] = field(default_factory=dict)
    footers: dict[str, tuple[str, etree._Element]] = field(default_factory=dict)
    content_types: dict[str, str] = field(default_factory=dict)
    _raw: dict[str, bytes] = field(default_factory=dict, repr=False)
    _names: dict[str, str] = field(default_factory=dict, repr=False)
    _trees: dict[str, etree._Element] = field(default_factory=dict, repr=False)
    _rels: dict[str, dict[str, Relationship]] = field(default_factory=dict, repr=False)

    @property
    def names(self) -> tuple[str, ...]:
        """Every member name of the zip, in archive order."""
        return tuple(self._names.values())

    def has(self, name: str) -> bool:
        """Whether the package has a member ``name`` (compared case-insensitively, as OPC says)."""
        return name.lstrip("/").lower() in self._names

    def raw(self, name: str) -> bytes | None:
        """Bytes of an XML or .rels member, or of a PNG of at most ``limits.MAX_IMAGE_BYTES`` (other
        members are size-checked but not kept)."""
        actual = self._names.get(name.lstrip("/").lower())
        return None if actual is None else self._raw.get(actual)

    def part(self, name: str) -> etree._Element | None:
        """Parsed root of the XML part ``name`` (cached), or None when there is no such part."""
        actual = self._names.get(name.lstrip("/").lower())
        if actual is None:
            return None
        tree = self._trees.get(actual)
        if tree is None:
            data = self._raw.get(actual)
            if data is None:
                return None
            tree = parse_xml(actual, data)
            self._trees[actual] = tree
        return tree

    def set_part(self, name: str, tree: etree._Element) -> None:
        """Make ``tree`` the XML part ``name`` (a new member when the package has none by that name);
        :meth:`part` and :meth:`relationships` read it from now on."""
        actual = self._names.setdefault(name.lstrip("/").lower(), name.lstrip("/"))
        self._trees[actual] = tree
        self._rels.clear()

    def relationships(self, source: str) -> dict[str, Relationship]:
        """Relationships of part ``source`` ("" for the package) keyed by id; empty when it has none."""
        cached = self._rels.get(source)
        if cached is not None:
            return cached
        rels_name = rels_part_name(source)
        tree = self.part(rels_name)
        found: dict[str, Relationship] = {}
        if tree is not None:
            for rel in tree.iter(f"{{{PR_NS}}}Relationship"):
                rid, rtype, target = rel.get("Id"), rel.get("Type"), rel.get("Target")
                if not rid or not rtype or target is None:
                    continue
                external = (rel.get("TargetMode") or "").lower() == "external"
                resolved = target if external else resolve_target(source, target)
                found[rid] = Relationship(rid, rtype, resolved, external)
        self._rels[source] = found
        return found

    def related(self, source: str, kind: str) -> list[Relationship]:
        """Internal relationships of ``source`` whose type ends with ``kind``, in file order."""
        return [r for r in self.relationships(source).values() if r.kind == kind and not r.external]


def rels_part_name(source: str) -> str:
    """Name of the .rels part describing ``source`` ("" means the package itself)."""
    if not source:
        return "_rels/.rels"
    folder, base = posixpath.split(source)
    return posixpath.join(folder, "_rels", base + ".rels")


def resolve_target(source: str, target: str) -> str:
    """Part name a relationship target points to, relative to the folder of ``source``."""
    target = unquote(target.split("#", 1)[0])
    path = target[1:] if target.startswith("/") else posixpath.join(posixpath.dirname(source), target)
    path = posixpath.normpath(path) if path else path
    return path.lstrip("/")


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_blank_text=False,
    )


_ELEMENT_START = re.compile(rb"<[A-Za-z_:]")
_UTF16_DOCTYPE = ("<!DOCTYPE".encode("utf-16-le"), "<!DOCTYPE".encode("utf-16-be"))


def _declares_dtd(data: bytes) -> bool:
    """Whether a DOCTYPE or entity declaration comes before the root element (a cheap pre-parse check)."""
    for marker in (b"<!DOCTYPE", b"<!ENTITY"):
        at = data.find(marker)
        if at >= 0 and not _ELEMENT_START.search(data, 0, at):
            return True
    return any(marker in data for marker in _UTF16_DOCTYPE)


def parse_xml(name: str, data: bytes) -> etree._Element:
    """Parse one part safely; raise :class:`DocxReadError` for DTDs and malformed XML."""
    if b"http://purl.oclc.org/ooxml/" in data:
        for strict, transitional in STRICT_NAMESPACES.items():
            data = data.replace(strict, transitional)
    dtd_message = f"{name}: XML with a DTD or entities is not accepted"
    if _declares_dtd(data):
        raise DocxReadError(dtd_message)
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        message = (getattr(exc, "msg", None) or str(exc)).strip()
        if "entit" in message.lower() and b"<!" in data:
            raise DocxReadError(dtd_message) from None
        if "limit" in message.lower() or "huge" in message.lower():
            raise DocxReadError(f"{name} exceeds the XML parser's safety limits: {message}") from None
        raise DocxReadError(f"{name} is not well-formed XML: {message}") from None
    if root is None:
        raise DocxReadError(f"{name} is not well-formed XML: empty document")
    docinfo = root.getroottree().docinfo
    if docinfo.internalDTD is not None or docinfo.externalDTD is not None or docinfo.doctype:
        raise DocxReadError(dtd_message)
    return root


def _as_binary(source: str | Path | bytes | bytearray | memoryview | BinaryIO, limits: Limits) -> BinaryIO:
    """A seekable binary file over ``source``, refusing archives beyond ``limits.max_archive_bytes``."""
    too_big = f"file is larger than {limits.max_archive_bytes // MB} MB"
    if isinstance(source, (bytes, bytearray, memoryview)):
        if len(source) > limits.max_archive_bytes:
            raise DocxReadError(too_big)
        return io.BytesIO(bytes(source))
    if isinstance(source, (str, Path, os.PathLike)):
        return io.BytesIO(read_docx_file(source, limits))
    try:
        seekable = source.seekable()
    except (AttributeError, OSError, ValueError):
        seekable = False
    if seekable:
        return source
    data = source.read(limits.max_archive_bytes + 1)
    if len(data) > limits.max_archive_bytes:
        raise DocxReadError(too_big)
    return io.BytesIO(data)


def read_docx_file(path: str | os.PathLike[str], limits: Limits = DEFAULT_LIMITS) -> bytes:
    """The bytes of the .docx at ``path``: a regular file, read with a bounded read (``fileio``)."""
    try:
        return read_bytes(path, limits.max_archive_bytes, ".docx file")
    except FileError as exc:
        raise DocxReadError(f"cannot open {exc}") from None


def _is_xml_member(name: str) -> bool:
    lowered = name.lower()
    return lowered.endswith((".xml", ".rels")) or lowered == "[content_types].xml"


def _is_small_png(info: zipfile.ZipInfo) -> bool:
    """A PNG picture no larger than a signature's image may be (``vbhc import`` carries one over)."""
    return info.filename.lower().endswith(".png") and info.file_size <= base.MAX_IMAGE_BYTES


def _read_member(
    zf: zipfile.ZipFile, info: zipfile.ZipInfo, limits: Limits, budget: int, keep: bool,
) -> tuple[bytes, int]:
    """Stream-decompress one member, bounding the bytes actually produced; return (kept bytes, size)."""
    name = info.filename
    compressed = max(info.compress_size, 1)
    size = 0
    chunks: list[bytes] = []
    try:
        with zf.open(info) as fh:
            while True:
                chunk = fh.read(_CHUNK)
                if not chunk:
                    break
                size += len(chunk)
                if size > limits.max_member_bytes:
                    raise DocxReadError(
                        f"member {name!r} is larger than {limits.max_member_bytes // MB} MB when decompressed"
                    )
                if size > budget:
                    raise DocxReadError(
                        f"the package is larger than {limits.max_total_bytes // MB} MB when decompressed"
                    )
                if size > limits.ratio_min_bytes and size / compressed > limits.max_ratio:
                    raise DocxReadError(_ratio_message(name, size / compressed))
                if keep:
                    chunks.append(chunk)
    except DocxReadError:
        raise
    except NotImplementedError:
        raise DocxReadError(f"member {name!r} uses an unsupported compression method") from None
    except RuntimeError as exc:  # zipfile raises RuntimeError for encrypted members
        raise DocxReadError(f"member {name!r} cannot be read: {exc}") from None
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as exc:
        raise DocxReadError(f"member {name!r} is corrupt: {exc}") from None
    return b"".join(chunks), size


def _ratio_message(name: str, ratio: float) -> str:
    return f"member {name!r} has a suspicious compression ratio ({ratio:.0f}:1), possibly a zip bomb"


def _content_types(root: etree._Element, names: dict[str, str]) -> dict[str, str]:
    """Content type of every member: Overrides first, then Defaults by extension."""
    defaults: dict[str, str] = {}
    overrides: dict[str, str] = {}
    for el in root.iter(f"{{{CT_NS}}}Default"):
        ext, ctype = el.get("Extension"), el.get("ContentType")
        if ext and ctype:
            defaults[ext.lower()] = ctype
    for el in root.iter(f"{{{CT_NS}}}Override"):
        part, ctype = el.get("PartName"), el.get("ContentType")
        if part and ctype:
            overrides[unquote(part).lstrip("/").lower()] = ctype
    result: dict[str, str] = {}
    for lowered, actual in names.items():
        ctype = overrides.get(lowered) or defaults.get(posixpath.splitext(lowered)[1].lstrip("."))
        if ctype:
            result[actual] = ctype
    return result


def open_docx(
    source: str | Path | bytes | BinaryIO, *, limits: Limits = DEFAULT_LIMITS,
) -> DocxPackage:
    """Open and check a .docx from a path, bytes or a binary file; raise :class:`DocxReadError` if unfit.

    Every member is decompressed once, in bounded chunks; XML and .rels members are kept and the main
    document, styles, numbering, theme, settings, headers and footers are parsed eagerly.
    """
    fh = _as_binary(source, limits)
    try:
        try:
            zf = zipfile.ZipFile(fh)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError):
            raise DocxReadError("not a .docx file (not a zip archive)") from None
        with zf:
            return _load(zf, limits)
    finally:
        if fh is not source:
            fh.close()


def _load(zf: zipfile.ZipFile, limits: Limits) -> DocxPackage:
    infos = zf.infolist()
    if len(infos) > limits.max_members:
        raise DocxReadError(f"the package has {len(infos)} members (limit {limits.max_members})")
    names: dict[str, str] = {}
    for info in infos:
        if info.flag_bits & 0x1:
            raise DocxReadError(f"member {info.filename!r} is encrypted; encrypted files are not supported")
        name = info.filename.lstrip("/")
        if name.lower() in names:
            raise DocxReadError(f"the package has two members named {name!r}")
        if info.is_dir():
            continue
        names[name.lower()] = name
        declared_ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > limits.ratio_min_bytes and declared_ratio > limits.max_ratio:
            raise DocxReadError(_ratio_message(name, declared_ratio))
    raw: dict[str, bytes] = {}
    total = 0
    for info in infos:
        if info.is_dir():
            continue
        name = info.filename.lstrip("/")
        keep = _is_xml_member(name) or _is_small_png(info)
        data, size = _read_member(zf, info, limits, limits.max_total_bytes - total, keep)
        total += size
        if keep:
            raw[name] = data

    if "[content_types].xml" not in names:
        raise DocxReadError("not a .docx file (missing [Content_Types].xml)")
    ct_name = names["[content_types].xml"]
    content_types = _content_types(parse_xml(ct_name, raw[ct_name]), names)

    pkg = DocxPackage(main_part="", document=etree.Element("placeholder"), content_types=content_types)
    pkg._raw = raw
    pkg._names = names
    pkg.main_part = _find_main_part(pkg)
    document = pkg.part(pkg.main_part)
    if document is None:
        raise DocxReadError(f"not a .docx file (main document part {pkg.main_part!r} is not XML)")
    if document.tag != f"{{{W_NS}}}document":
        raise DocxReadError(f"{pkg.main_part} is not a WordprocessingML document (root is {document.tag})")
    pkg.document = document
    for kind in _SINGLE_PARTS:
        for rel in pkg.related(pkg.main_part, kind):
            tree = pkg.part(rel.target)
            if tree is not None:
                setattr(pkg, kind, tree)
                break
    for kind, store in (("header", pkg.headers), ("footer", pkg.footers)):
        for rel in pkg.related(pkg.main_part, kind):
            tree = pkg.part(rel.target)
            if tree is not None:
                store[rel.id] = (names[rel.target.lower()], tree)
    return pkg


def _find_main_part(pkg: DocxPackage) -> str:
    """The main document part: the package's officeDocument relationship, else the content-type override."""
    for rel in pkg.related("", "officeDocument"):
        if pkg.has(rel.target):
            actual = pkg._names[rel.target.lower()]
            ctype = pkg.content_types.get(actual)
            if ctype and ctype not in _MAIN_CONTENT_TYPES and "wordprocessingml" not in ctype:
                raise DocxReadError(f"not a Word document (main part {actual!r} is {ctype})")
            return actual
    for actual, ctype in pkg.content_types.items():
        if ctype in _MAIN_CONTENT_TYPES:
            return actual
    raise DocxReadError("not a .docx file (no main document part)")
