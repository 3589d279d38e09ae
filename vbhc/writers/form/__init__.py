"""The form writer: an office's own Word form (a certificate, a register extract, any layout the decree
does not define) filled through docxtpl with the variables of a laid-out document.

Owns: the variables (``fields``: built once from :func:`vbhc.layout.lay_out`, listed in docs/forms.md),
the form's tags and their one-line problems (``tags``), the Jinja sandbox and its bounds (``sandbox``),
and the safe reading and filling of a form (``fill``). Imports ``nd30``, ``model``, ``layout`` and
``ooxml``; never the readers, recognise, the checker, the CLI or the DOCX writer. docxtpl, python-docx
and Jinja are imported only when a form is filled (``vbhc render`` without ``--form`` never loads them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from vbhc.writers.form.fill import OfficeForm, check_form, fill_form, read_form
    from vbhc.writers.form.tags import FormError

__all__ = ["FormError", "OfficeForm", "check_form", "fill_form", "read_form"]


def __getattr__(name: str) -> Any:
    if name in ("OfficeForm", "check_form", "fill_form", "read_form"):
        from vbhc.writers.form import fill

        return getattr(fill, name)
    if name == "FormError":
        from vbhc.writers.form.tags import FormError

        return FormError
    raise AttributeError(name)
