"""What vbhc tells the author about a spec: errors and warnings, each with its file, line and field.

A diagnostic prints like a compiler message, so editors and terminals can jump to it::

    plan.yaml:14: body[3].children[1].text: expected non-empty text; found ''
    plan.yaml:131: body[3].children[4]: typed "8." but this is item 5 here; vbhc numbers it "5."
"""

from __future__ import annotations

import re

from attrs import frozen

from vbhc.errors import SpecError

__all__ = ["Diagnostic", "SpecProblems", "diagnostics_of", "format_path", "split_path"]

Path = tuple[int | str, ...]


@frozen
class Diagnostic:
    """One error or warning. ``message`` reads "expected ...; found ..." for errors."""

    message: str
    path: str = ""
    source: str = ""
    line: int | None = None
    note: str = ""  # where inside a value, e.g. "line 5 of the text" for a JSON string
    warning: bool = False

    @property
    def where(self) -> str:
        """``plan.yaml:14`` (or the file alone when the line is unknown)."""
        return f"{self.source}:{self.line}" if self.line is not None and self.source else self.source

    def __str__(self) -> str:
        parts = [p for p in (self.where, self.path) if p]
        note = f" ({self.note})" if self.note else ""
        return ": ".join([*parts, self.message]) + note


class SpecProblems(SpecError):
    """A spec with errors: every error found (not only the first) and the warnings beside them."""

    def __init__(self, source: str, errors: list[Diagnostic], warnings: list[Diagnostic] | None = None
                 ) -> None:
        self.diagnostics = errors
        self.warnings = warnings or []
        super().__init__(source)
        self.errors = errors  # type: ignore[assignment]

    def __str__(self) -> str:
        return "\n".join(str(e) for e in self.diagnostics)


def format_path(path: Path) -> str:
    """``("body", 3, "children", 1, "text")`` → ``body[3].children[1].text``."""
    out = ""
    for step in path:
        if isinstance(step, int):
            out += f"[{step}]"
        else:
            out += f".{step}" if out else str(step)
    return out


def split_path(path: str) -> Path:
    """The inverse of :func:`format_path`: ``"signatures[0].name"`` → ``("signatures", 0, "name")``."""
    return tuple(int(index) if index else name
                 for name, index in re.findall(r"([^.\[\]]+)|\[(\d+)\]", path))


def diagnostics_of(exc: SpecError) -> list[Diagnostic]:
    """The diagnostics a SpecError carries: its own list, its one message, or one per field error."""
    if isinstance(exc, SpecProblems):
        return list(exc.diagnostics)
    if exc.detail:
        return [Diagnostic(exc.detail, "", exc.source)]
    return [Diagnostic(f"expected {e.expected}" + (f"; found {e.found}" if e.found is not None else ""),
                       e.path, exc.source) for e in exc.errors]
