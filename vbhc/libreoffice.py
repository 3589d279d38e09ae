"""LibreOffice, run headless with a private profile: the one place vbhc starts ``soffice``.

:class:`LibreOffice` owns one profile (``-env:UserInstallation``, a private temporary folder, so it
never collides with a desktop LibreOffice or another run) and converts a folder of files at once; a run
that outlives its time limit is killed with every process it started (``soffice`` starts
``soffice.bin``). The PDF writer (:mod:`vbhc.writers.pdf`) builds on it, and so does :func:`as_docx`,
which turns the files real offices still hold (Word 97–2003 ``.doc``, ``.rtf``, OpenDocument ``.odt``)
into a ``.docx`` for ``vbhc check`` and ``vbhc import``.

A legacy format is known by its bytes, never by its name alone (:func:`legacy_format`): the OLE2
compound-file signature (a ``.doc``; its directory names a ``WordDocument`` stream), ``{\\rtf``, or an
OpenDocument zip whose first member ``mimetype`` says ``application/vnd.oasis.opendocument.text``.
Conversion is bounded in size (:data:`vbhc.limits.MAX_LEGACY_BYTES` in, the .docx reader's limit out)
and in time (:data:`vbhc.limits.CONVERT_TIMEOUT_S`). Part of vbhc's base: imports only ``errors``,
``fileio`` and ``limits``, and never looks inside a .docx.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Self

from vbhc.errors import ConverterMissing, VbhcError
from vbhc.limits import CONVERT_TIMEOUT_S, MAX_ARCHIVE_BYTES, MAX_LEGACY_BYTES

__all__ = ["ConversionError", "LegacyFormat", "LibreOffice", "as_docx", "find_program", "legacy_format"]

OLE2_MAGIC = bytes.fromhex("d0cf11e0a1b11ae1")  # [MS-CFB] 2.2, the compound file header signature
ODF_TEXT = b"application/vnd.oasis.opendocument.text"  # ODF 1.2 part 3, 3.3 (the mimetype member)


# What converting a document to .docx needs (a PDF needs fonts and poppler too: vbhc.errors)
CONVERTER_PACKAGES = ("libreoffice-writer (LibreOffice's word processor, which converts the file)",
                      "libreoffice-writer")


class ConversionError(VbhcError):
    """LibreOffice (or pdftoppm) ran but gave no output: a damaged or unsupported file, a timeout."""


@dataclass(frozen=True, slots=True)
class LegacyFormat:
    """A document format LibreOffice converts to .docx: its name for people, its usual suffix and
    LibreOffice's import filter for it (named, so that a damaged file is refused rather than read as
    plain text)."""

    name: str
    suffix: str
    infilter: str

    def describe(self) -> str:
        return f"{self.name} ({self.suffix})"


DOC = LegacyFormat("Word 97–2003", ".doc", "MS Word 97")
DOC95 = LegacyFormat("Word 6.0/95", ".doc", "MS Word 95")
RTF = LegacyFormat("Rich Text Format", ".rtf", "Rich Text Format")
ODT = LegacyFormat("OpenDocument text", ".odt", "writer8")
# The first two bytes of a WordDocument stream (its FIB's wIdent, [MS-DOC] 2.5.2): Word 6.0/95 wrote
# 0xA5DC, Word 97 and later 0xA5EC. The stream starts on a sector boundary (512 bytes, [MS-CFB] 2.2).
WORD95_IDENT = b"\xdc\xa5"
SECTOR = 512


def _utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


def legacy_format(data: bytes) -> LegacyFormat | None:
    """The legacy format ``data`` is in, by its bytes; None for anything else (a .docx, text).

    Raises :class:`ConversionError` for an OLE2 file that is no Word document: a password-protected
    .docx (Office encrypts into an OLE2 ``EncryptedPackage``), an Excel or PowerPoint file."""
    if data.startswith(OLE2_MAGIC):
        if _utf16("EncryptedPackage") in data:
            raise ConversionError("the file is password-protected (encrypted): open it in Word, remove "
                                  "the password (File › Info › Protect Document) and save it again")
        if _utf16("WordDocument") not in data:
            kind = ("an Excel workbook" if _utf16("Workbook") in data or _utf16("Book") in data
                    else "a PowerPoint presentation" if _utf16("PowerPoint Document") in data
                    else "no Word document")
            raise ConversionError(f"an OLE2 (Office 97–2003) file, but {kind}: expected a Word document")
        older = any(data[at:at + 2] == WORD95_IDENT for at in range(SECTOR, len(data), SECTOR))
        newer = any(data[at:at + 2] == b"\xec\xa5" for at in range(SECTOR, len(data), SECTOR))
        return DOC95 if older and not newer else DOC
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf"):
        return RTF
    # An ODF package stores "mimetype" first and uncompressed (ODF 1.2 part 3, 3.3): its bytes sit at
    # offset 30 + 8 of the first local file header.
    if data.startswith(b"PK\x03\x04") and data[30:38] == b"mimetype" \
            and data[38:38 + len(ODF_TEXT)] == ODF_TEXT:
        return ODT
    return None


def find_program(*names: str) -> str | None:
    """The first of ``names`` found on the PATH."""
    return next((found for name in names if (found := shutil.which(name))), None)


class LibreOffice:
    """One LibreOffice profile for many conversions; LibreOffice runs once per :meth:`convert_folder`
    call, however many files it is given. Use it as a context manager (the profile is removed on exit).

    Raises :class:`~vbhc.errors.ConverterMissing` at once when ``soffice`` is not installed; ``purpose``
    says what could not be made without it."""

    def __init__(self, soffice: str | None = None, *, purpose: str | None = None) -> None:
        found = soffice or find_program("soffice", "libreoffice")
        if found is None:
            raise (ConverterMissing("LibreOffice", purpose, CONVERTER_PACKAGES) if purpose
                   else ConverterMissing("LibreOffice"))
        self.soffice = found
        self._folder = Path(tempfile.mkdtemp(prefix="vbhc-lo-"))
        self._runs = 0

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        shutil.rmtree(self._folder, ignore_errors=True)

    def workspace(self) -> Path:
        """A new empty folder of this converter's, for one run's files (removed by :meth:`close`)."""
        self._runs += 1
        work = self._folder / f"run-{self._runs}"
        work.mkdir(parents=True)
        return work

    def convert_folder(self, files: Sequence[Path], target: str, outdir: Path, timeout: float,
                       infilter: str | None = None) -> None:
        """Convert ``files`` to ``target`` (``--convert-to``'s argument) into ``outdir``, in one run;
        ``infilter`` names the import filter (default: LibreOffice's guess).

        Raises :class:`ConversionError` when LibreOffice does not finish within ``timeout`` seconds (it
        is killed with every process it started)."""
        command = [self.soffice, f"-env:UserInstallation={(self._folder / 'profile').as_uri()}",
                   "--headless", "--norestore", "--nolockcheck", "--nologo", "--nodefault",
                   *([f"--infilter={infilter}"] if infilter else []),
                   "--convert-to", target, "--outdir", str(outdir), *map(str, files)]
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL, start_new_session=True,
                                   env={**os.environ, "SAL_USE_VCLPLUGIN": "svp"})
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            raise ConversionError(f"LibreOffice did not finish in {timeout:g} s; it was stopped") from None
        finally:  # soffice.bin may outlive the launcher: end the whole session it started
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()

    def to_docx(self, data: bytes, kind: LegacyFormat, timeout: float = CONVERT_TIMEOUT_S) -> bytes:
        """``data`` (a document in ``kind``) as a .docx, converted by LibreOffice."""
        if len(data) > MAX_LEGACY_BYTES:
            raise ConversionError(f"the {kind.suffix} is larger than the limit of {MAX_LEGACY_BYTES:,} bytes")
        work = self.workspace()
        try:
            source, target = work / f"document{kind.suffix}", work / "out"
            source.write_bytes(data)
            self.convert_folder([source], "docx:MS Word 2007 XML", target, timeout, kind.infilter)
            out = target / "document.docx"
            if not out.is_file():
                raise ConversionError(f"LibreOffice could not convert this {kind.describe()} file (a damaged "
                                      "or unsupported one); open it in Word or LibreOffice, save it as .docx")
            if out.stat().st_size > MAX_ARCHIVE_BYTES:
                raise ConversionError(f"the converted .docx is larger than the limit of "
                                      f"{MAX_ARCHIVE_BYTES:,} bytes")
            return out.read_bytes()
        finally:
            shutil.rmtree(work, ignore_errors=True)


def as_docx(data: bytes) -> tuple[bytes, LegacyFormat | None]:
    """``data`` as a .docx: unchanged when it is none of the legacy formats, else converted by
    LibreOffice (and the format it was in). Raises :class:`~vbhc.errors.ConverterMissing` (naming what to
    install) when LibreOffice is not installed, :class:`ConversionError` when it cannot convert."""
    kind = legacy_format(data)
    if kind is None:
        return data, None
    with LibreOffice(purpose=f"this {kind.describe()} file cannot be converted to .docx") as office:
        return office.to_docx(data, kind), kind
