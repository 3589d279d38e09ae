"""Layout: the decree applied to a model ``Document``, as regions of printed lines (no OOXML).

``regions.Regions`` is the shape of a page's regions, generic over what a region holds; a
``Layout`` is ``Regions[Line]`` laid out in the document's form (``nd30.forms``).

Owns: numbering computed from the document's tree, capitals, the punctuation of căn cứ, Kính gửi and
Nơi nhận, the closing "./.", the header's two columns (``header``), and Times New Roman metrics for
measuring text. Imports ``nd30`` and ``model``; never readers, writers, recognise or check.
"""

from vbhc.layout.document import (
    BLANK_NUMBER,
    Layout,
    addressee_lines,
    archive_text,
    draft_text,
    lay_out,
    legal_basis_lines,
    number_text,
    place_date_text,
    recipient_lines,
    reference_text,
    signature_lines,
)
from vbhc.layout.line import BLANK_DATE_PART, Line, date_text, end_with
from vbhc.layout.regions import AppendixRegion, Regions, SignatureRegion

__all__ = [
    "BLANK_DATE_PART",
    "BLANK_NUMBER",
    "AppendixRegion",
    "Layout",
    "Line",
    "Regions",
    "SignatureRegion",
    "addressee_lines",
    "archive_text",
    "date_text",
    "draft_text",
    "end_with",
    "lay_out",
    "legal_basis_lines",
    "number_text",
    "place_date_text",
    "recipient_lines",
    "reference_text",
    "signature_lines",
]
