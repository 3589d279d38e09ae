"""PDF and page images of a rendered .docx, through LibreOffice (and poppler's ``pdftoppm`` for images).

:class:`Converter` owns one LibreOffice profile (``-env:UserInstallation``, a private folder, so it
never collides with a desktop LibreOffice or another converter) and converts many files with one
``soffice`` process: a batch stages all its files in one folder and converts them at once, so
LibreOffice starts once per batch, not once per file. (unoserver keeps one LibreOffice running
between calls, but it runs under a Python with LibreOffice's ``uno`` module, Debian's python3-uno,
which a project's virtual environment does not have; converting a folder at once needs only
``soffice`` and was faster per file for a batch: README › Speed.)

The title and author are written into the .docx's core properties before conversion; LibreOffice
carries them into the PDF's Title and Author, and embeds (subsets of) every font it uses. PDF bytes
are not reproducible (LibreOffice stamps the time and an ID); the .docx is.

:func:`docx_to_pdf` and :func:`page_png` are the one-file API (a web server calls them); each starts
its own converter. Imports only the standard library and vbhc's base (errors, fileio, limits, and
libreoffice, which runs ``soffice``): it never looks inside a document beyond its core properties.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Sequence
from html import escape
from pathlib import Path

from vbhc.errors import ConverterMissing
from vbhc.fileio import write_atomically
from vbhc.libreoffice import ConversionError, LibreOffice, find_program
from vbhc.limits import CONVERT_TIMEOUT_S

__all__ = ["DEFAULT_DPI", "ConversionError", "Converter", "docx_to_pdf", "page_png"]

DEFAULT_DPI = 96  # a screen's page 1 (A4 is 794 x 1123 pixels): enough to read, small to send
TIMEOUT_S = CONVERT_TIMEOUT_S  # one file; a batch gets this per file, plus a minute to start
_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def core_xml(title: str, author: str) -> bytes:
    """docProps/core.xml naming ``title`` and ``author`` (what LibreOffice writes as the PDF's)."""
    def text(value: str) -> str:
        return escape(_NOT_XML.sub("", value), quote=False)
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://'
            'schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/'
            f'elements/1.1/"><dc:title>{text(title)}</dc:title><dc:creator>{text(author)}</dc:creator>'
            '</cp:coreProperties>').encode()


def with_properties(docx: bytes, title: str, author: str) -> bytes:
    """``docx`` with its core properties replaced by ``title`` and ``author`` (added when missing)."""
    out = io.BytesIO()
    try:
        with zipfile.ZipFile(io.BytesIO(docx)) as source, \
                zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dest:
            names = source.namelist()
            for info in source.infolist():
                data = source.read(info)
                if info.filename == "docProps/core.xml":
                    data = core_xml(title, author)
                dest.writestr(info, data)
            if "docProps/core.xml" not in names:  # LibreOffice reads it by name, related or not
                dest.writestr("docProps/core.xml", core_xml(title, author))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ConversionError(f"not a .docx: {exc}") from None
    return out.getvalue()


class Converter(LibreOffice):
    """One LibreOffice profile for many PDFs; LibreOffice runs once per :meth:`convert` call, however
    many files it is given. Use it as a context manager (the profile is removed on exit).

    Raises :class:`~vbhc.errors.ConverterMissing` at once when ``soffice`` is not installed."""

    def convert(self, documents: Sequence[tuple[bytes, str, str]]) -> list[bytes]:
        """The PDF of each ``(docx, title, author)``, in order, from one LibreOffice run."""
        if not documents:
            return []
        work = self.workspace()
        source, target = work / "in", work / "out"
        source.mkdir(parents=True)
        names = []
        for i, (docx, title, author) in enumerate(documents, 1):
            name = f"{i:06}.docx"
            (source / name).write_bytes(with_properties(docx, title, author))
            names.append(name)
        try:
            self.convert_folder([source / n for n in names], "pdf:writer_pdf_Export", target,
                                60 + TIMEOUT_S * len(names))
            out = []
            for name in names:
                pdf = target / name.replace(".docx", ".pdf")
                if not pdf.is_file():
                    raise ConversionError(f"LibreOffice gave no PDF for document {int(name[:6])}")
                out.append(pdf.read_bytes())
            return out
        finally:
            shutil.rmtree(work, ignore_errors=True)

    def convert_files(self, files: Sequence[tuple[Path, str, str]]) -> list[Path]:
        """Write ``NAME.pdf`` beside each ``(NAME.docx, title, author)`` (atomically); the PDFs."""
        pdfs = self.convert([(path.read_bytes(), title, author) for path, title, author in files])
        written = []
        for (path, _, _), pdf in zip(files, pdfs, strict=True):
            write_atomically(path.with_suffix(".pdf"), pdf)
            written.append(path.with_suffix(".pdf"))
        return written

    def pdf(self, docx: bytes, *, title: str, author: str) -> bytes:
        return self.convert([(docx, title, author)])[0]

    def page_png(self, docx: bytes, page: int = 1, dpi: int = DEFAULT_DPI) -> bytes:
        """Page ``page`` (from 1) of ``docx`` as LibreOffice lays it out, a PNG at ``dpi``."""
        return pdf_page_png(self.pdf(docx, title="", author=""), page, dpi)


def pdf_page_png(pdf: bytes, page: int = 1, dpi: int = DEFAULT_DPI) -> bytes:
    """Page ``page`` of a PDF as a PNG, drawn by poppler's ``pdftoppm``."""
    pdftoppm = find_program("pdftoppm")
    if pdftoppm is None:
        raise ConverterMissing("pdftoppm")
    if page < 1 or dpi < 1:
        raise ValueError(f"expected a page and a dpi of 1 or more; found page {page}, dpi {dpi}")
    with tempfile.TemporaryDirectory(prefix="vbhc-png-") as folder:
        source = Path(folder) / "in.pdf"
        source.write_bytes(pdf)
        result = subprocess.run([pdftoppm, "-png", "-r", str(dpi), "-f", str(page), "-l", str(page),
                                 "-singlefile", str(source), str(Path(folder) / "page")],
                                capture_output=True, timeout=TIMEOUT_S, check=False, stdin=subprocess.DEVNULL)
        png = Path(folder) / "page.png"
        if result.returncode != 0 or not png.is_file():
            raise ConversionError(f"no page {page} in the PDF (pdftoppm: "
                                  f"{result.stderr.decode(errors='replace').strip() or result.returncode})")
        return png.read_bytes()


def docx_to_pdf(docx: bytes, *, title: str, author: str) -> bytes:
    """The PDF of ``docx`` (fonts embedded, ``title`` and ``author`` in its properties)."""
    with Converter() as converter:
        return converter.pdf(docx, title=title, author=author)


def page_png(docx: bytes, page: int = 1, dpi: int = DEFAULT_DPI) -> bytes:
    """Page ``page`` of ``docx`` as a PNG, laid out by LibreOffice."""
    if find_program("pdftoppm") is None:
        raise ConverterMissing("pdftoppm")
    with Converter() as converter:
        return converter.page_png(docx, page, dpi)
