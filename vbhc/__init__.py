"""vbhc: Vietnamese administrative documents (văn bản hành chính) under Decree 30/2020/NĐ-CP."""

from vbhc.model import (
    Appendix,
    Archive,
    Article,
    Chapter,
    Dash,
    Document,
    DocumentType,
    IssueDate,
    Issuer,
    Item,
    Mandate,
    Paragraph,
    Part,
    Plus,
    Point,
    Recipient,
    Secrecy,
    Section,
    Signature,
    SigningAuthority,
    Span,
    Text,
    Urgency,
)

__version__ = "0.1.0"

__all__ = [
    "Appendix", "Archive", "Article", "Chapter", "Dash", "Document", "DocumentType", "IssueDate",
    "Issuer", "Item", "Mandate", "Paragraph", "Part", "Plus", "Point", "Recipient", "Secrecy",
    "Section", "Signature", "SigningAuthority", "Span", "Text", "Urgency",
]
