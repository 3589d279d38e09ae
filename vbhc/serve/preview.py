"""The preview: a document's layout (:func:`vbhc.layout.lay_out`) as HTML pages close to the printed
ones. Every line is printed in its role's size, weight, slant, case and alignment (:mod:`vbhc.nd30`'s
role records, at the built-in template's sizes: :class:`~vbhc.model.formatting.Formatting`), the body
with its first-line indent and spacing, the header in its two columns at the widths the writer uses
(:func:`vbhc.layout.header.header_columns`), the lines under the Tiêu ngữ, the issuer and the trích
yếu, the signatures beside Nơi nhận. The page's script cuts the flow into A4 pages. Text is escaped
by Jinja's autoescape: user text is never markup.
"""

from __future__ import annotations

import functools
from typing import Any

from vbhc import model as m
from vbhc.layout import Layout, Line, lay_out
from vbhc.layout.regions import TableRegion
from vbhc.nd30 import Role
from vbhc.nd30.typography import Case

__all__ = ["line_style", "preview_html"]

PT_PER_MM = 72 / 25.4


@functools.cache
def line_style(role: Role) -> str:
    """The CSS of a role's line: size, weight, slant, case, alignment, and the body's paragraph look."""
    from vbhc.model.formatting import Formatting

    fmt = Formatting()
    t = role.typography
    css = [f"font-size:{fmt.size(role):g}pt", f"text-align:{t.align.value}",
           f"font-weight:{'bold' if t.bold else 'normal'}",
           f"font-style:{'italic' if t.italic else 'normal'}"]
    if t.case is Case.UPPER:
        css.append("text-transform:uppercase")
    if role.record.body_paragraph is not None:
        css += [f"text-indent:{fmt.first_line_indent_cm:g}cm", f"line-height:{fmt.line_spacing:g}",
                f"margin:{fmt.paragraph_spacing_pt:g}pt 0 0"]
    return ";".join(css)


def _line(line: Line) -> dict[str, Any]:
    return {"role": line.role.value, "style": line_style(line.role),
            "spans": [(s.text, s.bold, s.italic) for s in line.text.spans]}


def _lines(items: Any) -> list[dict[str, Any]]:
    out = []
    for x in items:
        if isinstance(x, TableRegion):
            out.append({"table": [[{"colspan": c.colspan, "rowspan": c.rowspan, "align": c.align,
                                    "lines": [_line(y) for y in c.lines]} for c in row]
                                  for row in x.all_rows()]})
        elif x is not None:
            out.append(_line(x))
    return out


@functools.cache
def _environment() -> Any:
    from jinja2 import Environment, PackageLoader, select_autoescape

    return Environment(loader=PackageLoader("vbhc.serve", "templates"), autoescape=select_autoescape(
        default=True, default_for_string=True), trim_blocks=True, lstrip_blocks=True)


def _columns() -> tuple[float, float]:
    from vbhc.layout.header import header_columns
    from vbhc.model.formatting import Formatting

    fmt = Formatting()
    look = lambda role: (fmt.size(role), role.typography.bold, role.typography.italic)  # noqa: E731
    left, right = header_columns(fmt.text_width_mm * PT_PER_MM, look)
    return left / PT_PER_MM, right / PT_PER_MM


def preview_html(document: m.Document) -> str:
    """The document's pages as HTML (one ``div.sheet`` per section: the document, each appendix)."""
    from vbhc.model.formatting import Formatting

    layout: Layout = lay_out(document)
    fmt = Formatting()
    left, right = _columns()
    one = lambda x: [_line(x)] if x is not None else []  # noqa: E731
    context = {
        "margins": (fmt.margin_top_mm, fmt.margin_right_mm, fmt.margin_bottom_mm, fmt.margin_left_mm),
        "left_mm": left, "right_mm": right, "form": layout.form,
        "top": one(layout.draft) + one(layout.circulation),
        "header_left": [*_lines(layout.parent_body), *_lines(layout.issuer)],
        "number": one(layout.number) + one(layout.letter_summary) + _lines(layout.marks),
        "header_right": one(layout.national_title) + one(layout.motto),
        "place_date": one(layout.place_date),
        "title": one(layout.type_name) + _lines(layout.summary),
        "opening": [*_lines(layout.addressees), *one(layout.enacting_authority), *_lines(layout.legal_bases),
                    *one(layout.enactment)],
        "body": _lines(layout.body),
        "signatures": [{"titles": _lines(s.titles), "name": one(s.name)} for s in layout.signatures],
        "recipients": _lines(layout.recipients),
        "after": one(layout.confirmation) + one(layout.issuance_note) + _lines(layout.contact),
        "appendices": [{"head": one(a.label) + one(a.title) + one(a.note), "body": _lines(a.body),
                        "landscape": a.landscape} for a in layout.appendices],
        "copy": _lines(layout.copy.items()) if layout.copy is not None else [],
    }
    return _environment().get_template("preview.html").render(**context)
