"""Fill an office's Word form with a document's variables, through docxtpl in a sandbox.

:func:`read_form` reads the form through the safe reader (a regular file within the size limit; the
package limits, no DTDs or entities in any part: a zip bomb or XXE is refused) and refuses what a
filled form must not carry on: macros, external links other than hyperlinks, fields that run or fetch
(INCLUDEPICTURE, DDEAUTO ...). :func:`fill_form` checks the form's tags (:mod:`.tags`), then renders it
with docxtpl in the sandbox of :mod:`.sandbox` with the variables of :func:`.fields.form_fields`. The
output is zipped with fixed timestamps and order: the same spec and form give the same bytes.

docxtpl, python-docx and Jinja are imported here, when a form is filled, never by ``vbhc render``.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lxml import etree

from vbhc.errors import DocxReadError, FileError
from vbhc.fileio import read_bytes
from vbhc.limits import MAX_ARCHIVE_BYTES
from vbhc.model import Document
from vbhc.ooxml.build import write_package
from vbhc.ooxml.package import DocxPackage, open_docx
from vbhc.ooxml.xml import w
from vbhc.writers.form.fields import VARIABLES, form_fields
from vbhc.writers.form.tags import (
    FormError,
    Paragraph,
    locate,
    paragraphs,
    problem,
    tag_problems,
    tag_text,
    unjoined,
)

# Fields a form may keep: they number pages or show a date, and neither run nor fetch anything.
FIELDS_KEPT = frozenset({"PAGE", "NUMPAGES", "SECTIONPAGES", "SECTION", "DATE", "TIME", "SEQ", "REF",
                         "PAGEREF", "NOTEREF", "TOC"})
_HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
_FIELD_WORD = re.compile(r"^\s*([A-Za-z]+)")
_UNDEFINED = re.compile(r"'(\w+)' is undefined|has no attribute '(\w+)'")
_PARTS_FILLED = re.compile(r"^word/(document|header\d*|footer\d*|footnotes)\.xml$")
_METHOD = re.compile(r"<built-in method (\w+) of \w+ object at 0x[0-9a-f]+>")
_OBJECT = re.compile(r"'[\w.]+ object'")
MAX_PROBLEMS = 5  # reported at once; the rest follow when these are mended


def _field_words(root: etree._Element) -> Iterator[str]:
    """The first word of every field's instruction in ``root`` (complex and simple fields)."""
    for simple in root.iter(w("fldSimple")):
        match = _FIELD_WORD.match(simple.get(w("instr")) or "")
        if match:
            yield match[1].upper()
    instruction: list[str] | None = None
    for node in root.iter(w("fldChar"), w("instrText")):
        if node.tag == w("instrText"):
            if instruction is not None:
                instruction.append(node.text or "")
            continue
        kind = node.get(w("fldCharType"))
        if kind == "begin":
            instruction = []
        elif kind in ("separate", "end") and instruction is not None:
            match = _FIELD_WORD.match("".join(instruction))
            if match:
                yield match[1].upper()
            instruction = None


def check_form(data: bytes, name: str) -> DocxPackage:
    """The form's package read safely, or a :class:`FormError` saying why it is refused."""
    try:
        pkg = open_docx(data)
        for member in pkg.names:
            if member.lower().endswith((".xml", ".rels")):
                pkg.part(member)  # every XML part parsed safely: no DTD, no entities
    except DocxReadError as exc:
        raise FormError(f"{name}: {exc}") from None
    refused = []
    if any("vbaproject" in m.lower() for m in pkg.names) or "macroEnabled" in pkg.content_types.get(
            pkg.main_part, ""):
        refused.append("it holds macros (save it as a .docx without macros)")
    for member in pkg.names:
        if member.lower().endswith(".rels"):
            source = re.sub(r"(^|/)_rels/(.*)\.rels$", r"\1\2", member)
            for rel in pkg.relationships("" if member == "_rels/.rels" else source).values():
                if rel.external and rel.type != _HYPERLINK:
                    refused.append(f"it links to an outside file ({rel.kind}: {rel.target[:80]})")
        elif member.lower().endswith(".xml") and (root := pkg.part(member)) is not None:
            refused += [f"it has a {word} field, which runs or fetches ({member})"
                        for word in _field_words(root) if word not in FIELDS_KEPT]
    if refused:
        raise FormError(f"{name}: this form is not accepted: {refused[0]}")
    return pkg


@dataclass(frozen=True, eq=False)
class OfficeForm:
    """A form read safely and accepted (:func:`check_form`): its name, its bytes, its parsed package."""

    name: str
    data: bytes
    package: DocxPackage


def read_form(path: str | os.PathLike[str]) -> OfficeForm:
    """The form at ``path``, read safely and checked (:func:`check_form`)."""
    try:
        data = read_bytes(path, MAX_ARCHIVE_BYTES, "form")
    except FileError as exc:
        raise FormError(str(exc)) from None
    return OfficeForm(str(path), data, check_form(data, str(path)))


def _form_paragraphs(pkg: DocxPackage) -> dict[str, list[Paragraph]]:
    """The paragraphs of every part docxtpl fills (body, headers, footers, footnotes), by part name."""
    out: dict[str, list[Paragraph]] = {}
    for member in pkg.names:
        if _PARTS_FILLED.match(member) and (root := pkg.part(member)) is not None:
            out[member] = paragraphs(member, root)
    return out


def _template_line(template: Any, exc: BaseException) -> int | None:
    """The line of ``template``'s source where ``exc`` was raised (in Jinja's code, named "<template>")."""
    from vbhc.writers.form.sandbox import TEMPLATE_FILE

    line = getattr(exc, "lineno", None)
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == TEMPLATE_FILE:
            line = template.get_corresponding_lineno(tb.tb_lineno)
        tb = tb.tb_next
    return line


def _said(exc: BaseException) -> str:
    """An error of Jinja or Python in a form's words: one line, no memory addresses or class paths."""
    text = (str(exc).splitlines() or [""])[0] or type(exc).__name__
    text = _METHOD.sub(r"the method '\1'", text)
    return _OBJECT.sub("this value", text)


def _renderer(name: str, found: dict[str, list[Paragraph]]) -> Any:
    """The docxtpl template class and the Jinja environment that report problems in ``name``'s words."""
    from docxtpl import DocxTemplate
    from jinja2 import TemplateError, TemplateSyntaxError
    from jinja2.environment import Template

    from vbhc.writers.form.sandbox import FormEnvironment, FormLimitError, policy_problems, render_bounded

    class Environment(FormEnvironment):
        part = "word/document.xml"

        def here(self) -> list[Paragraph]:
            return found.get(self.part, [])

        def fail(self, source: str, line: int | None, message: str, variable: str | None = None
                 ) -> FormError:
            para, tag = locate(self.here(), source, line, variable)
            return problem(name, para, tag, message)

        def from_string(self, source: Any, globals: Any = None, template_class: Any = None) -> Template:
            split = unjoined(source)
            if split is not None:
                tag = tag_text(split)
                para = next((p for p in self.here() if tag[:12] in p.text), None)
                raise problem(name, para, tag[:40], "the tag is split where it cannot be joined (across a "
                                                    "field, a tracked change or a text box): retype it")
            try:
                tree = self.parse(source)
            except TemplateSyntaxError as exc:
                raise self.fail(source, exc.lineno, exc.message or "a tag Jinja cannot read") from None
            for line, message, variable in policy_problems(tree, VARIABLES):
                raise self.fail(source, line, message, variable)
            template = super().from_string(tree, globals, template_class)
            template.vbhc_source = source  # type: ignore[attr-defined]
            return template

    class Bounded(Template):
        def render(self, *args: Any, **kwargs: Any) -> str:
            env: Environment = self.environment  # type: ignore[assignment]
            source: str = self.vbhc_source  # type: ignore[attr-defined]
            try:
                out = render_bounded(self, dict(*args, **kwargs))
            except FormLimitError as exc:
                raise env.fail(source, _template_line(self, exc), str(exc)) from None
            except (TemplateError, ArithmeticError, TypeError, ValueError, RecursionError, LookupError,
                    AttributeError) as exc:
                undefined = _UNDEFINED.search(str(exc))
                missing = (undefined[1] or undefined[2]) if undefined else None
                raise env.fail(source, _template_line(self, exc), _said(exc), missing) from None
            try:
                etree.fromstring(out.encode(), etree.XMLParser(resolve_entities=False, no_network=True,
                                                              load_dtd=False, huge_tree=False))
            except etree.XMLSyntaxError:
                raise problem(name, None, None, f"{env.part}: the filled form is not a well-formed Word "
                                                "part (does a {% if %} or {% for %} cut through a paragraph "
                                                "or table? use {%p …%} or {%tr …%})") from None
            return out

    Environment.template_class = Bounded

    class Form(DocxTemplate):  # type: ignore[misc]
        def render_properties(self, context: Any, jinja_env: Any = None) -> None:
            """The form's document properties are kept as they are (never filled)."""

        def render_xml_part(self, src_xml: str, part: Any, context: Any, jinja_env: Any = None) -> str:
            jinja_env.part = str(part.partname).lstrip("/")
            return super().render_xml_part(src_xml, part, context, jinja_env)

    return Form, Environment


def fill_form(document: Document, form: OfficeForm | bytes | str | os.PathLike[str], name: str | None = None
              ) -> bytes:
    """The .docx bytes of ``form`` (read by :func:`read_form`, a path, or a .docx's bytes called
    ``name``) filled with the variables of ``document``; a :class:`FormError` (one line a problem)
    when it cannot be."""
    if isinstance(form, bytes):
        form = OfficeForm(name or "form", form, check_form(form, name or "form"))
    elif not isinstance(form, OfficeForm):
        form = read_form(form)
    name, data = form.name, form.data
    found = _form_paragraphs(form.package)
    problems = [p for part in found.values() for p in tag_problems(name, part)]
    if problems:
        raise FormError("\n".join(str(p) for p in problems[:MAX_PROBLEMS]))
    template_class, environment = _renderer(name, found)
    template = template_class(io.BytesIO(data))
    try:
        template.render(form_fields(document), jinja_env=environment(), autoescape=True)
        out = io.BytesIO()
        template.save(out)
    except FormError:
        raise
    except Exception as exc:  # docxtpl and python-docx on a form the safe reader let through: one line
        raise FormError(f"{name}: docxtpl cannot fill this form: {_said(exc)}") from None
    return _deterministic(out.getvalue())


def _deterministic(data: bytes) -> bytes:
    """The package with fixed timestamps and attributes, in python-docx's member order."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = [(info.filename, archive.read(info)) for info in archive.infolist()]
    out = io.BytesIO()
    write_package(parts, out)
    return out.getvalue()
