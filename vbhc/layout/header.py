"""The header's two columns, and the issuer lines too wide for theirs. Writer-neutral: lengths in points.

The split is a page-geometry choice, not a decree rule: the left column (cơ quan chủ quản and ban hành,
ô 2) takes about 40 % of the text width, enough for "ỦY BAN NHÂN DÂN"; the right one (Quốc hiệu, ô 1)
at least fits the Quốc hiệu on one line (PL I, II.1.a). A writer lays the header out with
:func:`header_columns`; a spec reader warns with :func:`fit_warnings` about a line the left column
cannot hold, which a renderer would break where it chooses (PL I, II.2.b: the author breaks a long name).
"""

from __future__ import annotations

from collections.abc import Callable

from vbhc import nd30
from vbhc.diagnostics import Diagnostic, format_path
from vbhc.layout.document import Layout
from vbhc.layout.line import Line
from vbhc.layout.metrics import fits, text_width_pt
from vbhc.model.text import literal
from vbhc.nd30 import Role

HEADER_LEFT_FRACTION = 0.4
HEADER_FIT_MARGIN_MM = 2  # slack left beside the Quốc hiệu so a renderer's rounding cannot wrap it
PT_PER_MM = 72 / 25.4

# How a role is printed: its size (pt), bold and italic (a template's style, or a Formatting's).
Look = Callable[[Role], tuple[float, bool, bool]]


def line_width_pt(line: Line, look: Look) -> float:
    """The width of ``line`` on one line, in its role's look."""
    size, bold, italic = look(line.role)
    return text_width_pt(line.plain, size, bold=bold, italic=italic)


def header_columns(text_width_pt: float, look: Look) -> tuple[float, float]:
    """Widths (pt) of the header's left and right columns on a text block ``text_width_pt`` wide."""
    title = line_width_pt(Line(Role.NATIONAL_TITLE, literal(nd30.NATIONAL_TITLE_TEXT)), look)
    right = max(text_width_pt * (1 - HEADER_LEFT_FRACTION), title + HEADER_FIT_MARGIN_MM * PT_PER_MM)
    return text_width_pt - right, right


def fit_warnings(layout: Layout, text_width_pt: float, look: Look) -> list[Diagnostic]:
    """A warning for each cơ quan chủ quản or ban hành line wider than the header's left column, with
    its field path (``issuer.name[1]``) and both widths in cm."""
    column = header_columns(text_width_pt, look)[0]
    out = []
    paths = [("issuer", "parent", i) for i in range(len(layout.parent_body))]
    paths += layout.issuer_paths or [("issuer", "name", i) for i in range(len(layout.issuer))]
    for path, line in zip(paths, (*layout.parent_body, *layout.issuer), strict=True):
        width = line_width_pt(line, look)
        if not fits(width, column):
            field = format_path(path[:-1])
            out.append(Diagnostic(
                f"{width / PT_PER_MM / 10:.2f} cm of text in a {column / PT_PER_MM / 10:.2f} cm header "
                f"column: it wraps where Word breaks it; split it into two entries of {field} or break it "
                "with a line break (PL I, II.2.b: a long name stands on several lines)", format_path(path),
                warning=True))
    return out
