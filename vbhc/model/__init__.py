"""The typed document: frozen, validated attrs classes for every part Decree 30 defines.

Owns: ``Document`` and its parts (issuer, date, body blocks, signatures, recipients, appendices),
``Text``/``Span`` (text with bold and italic, NFC, no markup parsing: a string is literal text), the
table of refused characters (``characters``) and ``Formatting`` (an office's typographic choices within
the decree's ranges). A document is refused when its .docx would be beyond what the checker reads
(:mod:`vbhc.limits`). Imports only ``vbhc.nd30``, ``vbhc.errors`` and ``vbhc.limits``.
"""

from vbhc.model.document import (
    BLOCK_TYPES,
    TOP_LEVEL_BLOCKS,
    Appendix,
    Archive,
    Article,
    Attachment,
    Chapter,
    Copy,
    Dash,
    Division,
    Document,
    IssuanceNote,
    IssueDate,
    Issuer,
    Item,
    Mandate,
    Paragraph,
    Part,
    Plus,
    Point,
    Recipient,
    Section,
    Signature,
    text_field,
)
from vbhc.model.image import SignatureImage
from vbhc.model.table import Align, Cell, Column, Table
from vbhc.model.text import (
    Span,
    Text,
)

__all__ = [
    "BLOCK_TYPES",
    "TOP_LEVEL_BLOCKS",
    "Align",
    "Appendix",
    "Archive",
    "Article",
    "Attachment",
    "Cell",
    "Chapter",
    "Column",
    "Copy",
    "Dash",
    "Division",
    "Document",
    "IssuanceNote",
    "IssueDate",
    "Issuer",
    "Item",
    "Mandate",
    "Paragraph",
    "Part",
    "Plus",
    "Point",
    "Recipient",
    "Section",
    "Signature",
    "SignatureImage",
    "Span",
    "Table",
    "Text",
    "text_field",
]
