"""Errors vbhc raises on bad input. Each names the field it is about."""

from __future__ import annotations


class VbhcError(Exception):
    """Base class of every error vbhc raises on purpose."""


class FieldError(VbhcError, ValueError):
    """A value that does not fit its field: ``path`` says where, ``expected`` what would fit.

    ``path`` starts as the attribute name; loaders prefix it with the enclosing fields so the message
    reads ``body[3].children[1].text: expected ..., found ...``.
    """

    def __init__(self, path: str, expected: str, found: str | None = None) -> None:
        self.path = path
        self.expected = expected
        self.found = found
        super().__init__(self.message)

    @property
    def message(self) -> str:
        found = f"; found {self.found}" if self.found is not None else ""
        return f"{self.path}: expected {self.expected}{found}"

    def __str__(self) -> str:
        return self.message

    def at(self, prefix: str) -> FieldError:
        """The same error with ``prefix`` put before its path."""
        joined = prefix if not self.path else (
            f"{prefix}{self.path}" if self.path.startswith("[") else f"{prefix}.{self.path}"
        )
        return FieldError(joined, self.expected, self.found)


class SpecError(VbhcError):
    """A spec file that cannot be loaded: unreadable, malformed, or with invalid fields.

    ``errors`` holds every field error found, so a user can fix them all in one pass.
    """

    def __init__(self, source: str, errors: list[FieldError] | None = None, message: str = "") -> None:
        self.source = source
        self.errors = errors or []
        self.detail = message
        super().__init__(str(self))

    def __str__(self) -> str:
        if self.detail:
            return f"{self.source}: {self.detail}"
        return "\n".join(f"{self.source}: {e}" for e in self.errors)


class TemplateError(VbhcError):
    """A Word template that vbhc cannot use (missing, unreadable, or outside the decree's ranges)."""


class DocxReadError(VbhcError):
    """A file that cannot be read as a .docx: not a zip, unsafe, malformed, or missing its document."""


class StarterError(VbhcError):
    """No starter spec (``vbhc new``) for the type asked for."""


class FileError(VbhcError):
    """A file vbhc will not read or cannot write: missing, not a regular file, too large, or refused by
    the operating system. ``problem`` says which, in words for the command line; ``missing`` is true
    when the file does not exist."""

    def __init__(self, path: object, problem: str, *, missing: bool = False) -> None:
        self.path = str(path)
        self.problem = problem
        self.missing = missing
        super().__init__(str(self))

    def __str__(self) -> str:
        return f"{self.path}: {self.problem}"


class ConverterMissing(VbhcError):
    """A PDF, a page image or a .doc's conversion was asked for, but the program that makes it is not
    installed.

    ``program`` is what is missing (``LibreOffice`` or ``pdftoppm``), ``purpose`` what cannot be done
    without it; the message names the packages to install (``packages``: what they are for, and the
    apt-get arguments; default: everything a PDF needs)."""

    PACKAGES = ("libreoffice-writer (the converter), fonts-liberation2 (Liberation Serif: Times New Roman's "
                "metrics with Vietnamese glyphs) and poppler-utils (pdftoppm, for page images)")

    def __init__(self, program: str, purpose: str = "no PDF or page image can be made",
                 packages: tuple[str, str] | None = None) -> None:
        self.program = program
        self.purpose = purpose
        self.packages = packages or (self.PACKAGES, "libreoffice-writer fonts-liberation2 poppler-utils")
        super().__init__(str(self))

    def __str__(self) -> str:
        return (f"{self.program} is not installed, so {self.purpose}; install {self.packages[0]} (Debian, "
                f"Ubuntu: apt-get install {self.packages[1]})")
