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

A converted file may be hostile (an upload to ``vbhc serve``): a linked image, a linked section or an
INCLUDETEXT/INCLUDEPICTURE field could make LibreOffice fetch a URL (SSRF) or pull a local file into
the output. So the profile is written safe before LibreOffice's first run (:data:`SAFE_SETTINGS`:
macros off, links never updated on load, linked images from untrusted documents blocked), and where the
OS allows it LibreOffice runs without network (:func:`no_network_prefix`).
"""

from __future__ import annotations

import contextlib
import functools
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


# The settings every profile gets before LibreOffice first runs: (configuration path, property, value),
# written to <profile>/user/registrymodifications.xcu. Their schema is LibreOffice/core
# officecfg/registry/schema/org/openoffice/Office/Common.xcs (Security/Scripting) and Writer.xcs
# (Content/Update).
SAFE_SETTINGS: tuple[tuple[str, str, str], ...] = (
    # Common.xcs Security/Scripting/MacroSecurityLevel: 3 = "very high" (only signed macros from trusted
    # locations), and DisableMacrosExecution: no macro runs at all
    ("/org.openoffice.Office.Common/Security/Scripting", "MacroSecurityLevel", "3"),
    ("/org.openoffice.Office.Common/Security/Scripting", "DisableMacrosExecution", "true"),
    # Common.xcs Security/Scripting/BlockUntrustedRefererLinks: links (a linked image) from a document
    # outside the trusted locations are not loaded
    ("/org.openoffice.Office.Common/Security/Scripting", "BlockUntrustedRefererLinks", "true"),
    # Writer.xcs Content/Update/Link: 0 always, 1 on request, 2 never (linked sections, OLE links,
    # linked graphics are not updated on load); Content/Update/Field: fields are not updated on load
    ("/org.openoffice.Office.Writer/Content/Update", "Link", "2"),
    ("/org.openoffice.Office.Writer/Content/Update", "Field", "false"),
)
# Common.xcs Security/Scripting/DisableActiveContent (LibreOffice 24.2 and later): no macros, no OLE or
# DDE links, no linked content at all. Written only where the installed schema declares it.
ACTIVE_CONTENT = ("/org.openoffice.Office.Common/Security/Scripting", "DisableActiveContent", "true")


def _settings_xcu(settings: Sequence[tuple[str, str, str]]) -> str:
    items = "".join(f'<item oor:path="{path}"><prop oor:name="{name}" oor:op="fuse"><value>{value}</value>'
                    f"</prop></item>\n" for path, name, value in settings)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry"'
            ' xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"\n{items}</oor:items>\n")


@functools.cache
def _schema_declares(soffice: str, name: str) -> bool:
    """Whether the LibreOffice installed beside ``soffice`` declares the property ``name`` (its
    configuration schema, ``share/registry/main.xcd``, names it); False where it cannot be read."""
    program = Path(os.path.realpath(soffice)).parent
    schema = program.parent / "share" / "registry" / "main.xcd"
    try:
        return f'oor:name="{name}"'.encode() in schema.read_bytes()
    except OSError:
        return False


@functools.cache
def no_network_prefix() -> tuple[str, ...]:
    """The command that runs LibreOffice without network, where the OS allows it: ``unshare -rn``
    (a new user namespace, so no privilege is needed, and a new network namespace with only a loopback
    that is down). Probed once per process; ``()`` where it does not work (no ``unshare``, user
    namespaces disabled, not Linux, a container that forbids them): LibreOffice then runs with the
    network, and only the profile's settings (:data:`SAFE_SETTINGS`) keep it from fetching."""
    unshare = shutil.which("unshare")
    if unshare is None:
        return ()
    try:
        probe = subprocess.run([unshare, "-rn", "true"], stdin=subprocess.DEVNULL, capture_output=True,
                               timeout=10)
    except (OSError, subprocess.SubprocessError):
        return ()
    return (unshare, "-rn") if probe.returncode == 0 else ()


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
        self._write_settings()

    @property
    def profile(self) -> Path:
        """This converter's LibreOffice profile (``-env:UserInstallation``)."""
        return self._folder / "profile"

    def _write_settings(self) -> None:
        """The profile's safe settings (:data:`SAFE_SETTINGS`), before LibreOffice's first run: it
        keeps an existing ``registrymodifications.xcu`` and adds its own defaults around it."""
        settings = [*SAFE_SETTINGS]
        if _schema_declares(self.soffice, ACTIVE_CONTENT[1]):
            settings.append(ACTIVE_CONTENT)
        user = self.profile / "user"
        user.mkdir(parents=True)
        (user / "registrymodifications.xcu").write_text(_settings_xcu(settings), encoding="utf-8")

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
        ``infilter`` names the import filter (default: LibreOffice's guess). LibreOffice runs without
        network where the OS allows it (:func:`no_network_prefix`; ``unshare`` execs ``soffice``, so the
        session killed on a timeout is still LibreOffice's).

        Raises :class:`ConversionError` when LibreOffice does not finish within ``timeout`` seconds (it
        is killed with every process it started)."""
        command = [*no_network_prefix(), self.soffice, f"-env:UserInstallation={self.profile.as_uri()}",
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
