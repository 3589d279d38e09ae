"""The text of the forms of labelled fields (PL III, Mẫu 1.6-1.10, and the agreements of practice): one
module per form.

Each module lays out its form's blanks (``vbhc.model.particulars``) in the words of its form record
(``nd30.Form.words``) as body lines: the lines before the document's own body and those after it.
:func:`vbhc.layout.lay_out` wraps the body in them, so the writer prints them as any body line. A new
form of fields is a record in ``nd30.forms`` and a module here, registered in :data:`FORM_TEXTS`.
"""

from __future__ import annotations

from collections.abc import Callable

from vbhc import nd30
from vbhc.layout.forms import bien_ban, cong_dien, giay_gioi_thieu, giay_moi, giay_nghi_phep, thoa_thuan
from vbhc.layout.forms.common import FormText
from vbhc.model import Document

__all__ = ["FORM_TEXTS", "FormText", "form_text"]

# The layout of each form of labelled fields, by its Mẫu.
FORM_TEXTS: dict[str, Callable[[Document, nd30.Form], FormText]] = {
    "1.6": cong_dien.text,
    "1.7": giay_moi.text,
    "1.8": giay_gioi_thieu.text,
    "1.9": bien_ban.text,
    "1.10": giay_nghi_phep.text,
    "practice": thoa_thuan.text,  # hợp đồng, bản ghi nhớ, bản thỏa thuận
}


def form_text(document: Document, form: nd30.Form) -> FormText:
    """The lines ``form`` prints before and after the body of ``document``: none for other forms; a
    form's module prints none of its fields when the document leaves its particulars out (its body then
    holds the whole text)."""
    lay = FORM_TEXTS.get(form.id)
    return FormText() if lay is None else lay(document, form)
