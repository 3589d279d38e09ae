"""The typed document: frozen, validated attrs classes for every part Decree 30 defines.

Owns: ``Document`` and its parts (issuer, date, body blocks, signatures, recipients, appendices),
``Text``/``Span`` (text with bold and italic, NFC, no markup parsing) and ``Formatting`` (an office's
typographic choices within the decree's ranges). Imports only ``vbhc.nd30`` and ``vbhc.errors``.
"""

from vbhc.model.document import (
    BLOCK_TYPES,
    TOP_LEVEL_BLOCKS,
    Appendix,
    Archive,
    Article,
    Chapter,
    Dash,
    Document,
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
from vbhc.model.text import (
    Span,
    Text,
)

__all__ = [
    "BLOCK_TYPES",
    "TOP_LEVEL_BLOCKS",
    "Appendix",
    "Archive",
    "Article",
    "Chapter",
    "Dash",
    "Document",
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
    "Span",
    "Text",
    "text_field",
]
