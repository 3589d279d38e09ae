"""Roles: what a printed line is, each with the decree's typography for it."""

from __future__ import annotations

import enum

from vbhc.nd30 import typography as t


class Role(enum.Enum):
    """What a printed line is. Each role has the decree's typography for it."""

    typography: t.Typography

    def __new__(cls, value: str, typography: t.Typography) -> Role:
        member = object.__new__(cls)
        member._value_ = value
        member.typography = typography
        return member

    PARENT_BODY = ("parent-body", t.PARENT_BODY)
    ISSUER = ("issuer", t.ISSUER)
    NUMBER = ("number", t.NUMBER)
    LETTER_SUMMARY = ("letter-summary", t.LETTER_SUMMARY)
    SECRECY = ("secrecy", t.MARK)
    URGENCY = ("urgency", t.MARK)
    NATIONAL_TITLE = ("national-title", t.NATIONAL_TITLE)
    MOTTO = ("motto", t.MOTTO)
    PLACE_DATE = ("place-date", t.PLACE_DATE)
    DOCUMENT_TYPE_NAME = ("document-type-name", t.DOCUMENT_TYPE_NAME)
    SUMMARY = ("summary", t.SUMMARY)
    ENACTING_AUTHORITY = ("enacting-authority", t.ENACTING_AUTHORITY)
    ENACTMENT = ("enactment", t.ENACTMENT)
    ADDRESSEES = ("addressees", t.ADDRESSEES)
    LEGAL_BASIS = ("legal-basis", t.LEGAL_BASIS)
    PARAGRAPH = ("paragraph", t.BODY)
    HEADING = ("heading", t.HEADING)
    ITEM_TITLE = ("item-title", t.ITEM_TITLE)
    ITEM = ("item", t.BODY)
    POINT = ("point", t.BODY)
    DASH = ("dash", t.BODY)
    PLUS = ("plus", t.BODY)
    ARTICLE = ("article", t.ARTICLE)
    DIVISION_LABEL = ("division-label", t.DIVISION_LABEL)
    DIVISION_TITLE = ("division-title", t.DIVISION_TITLE)
    SIGNATURE_TITLE = ("signature-title", t.SIGNATURE_TITLE)
    SIGNER_NAME = ("signer-name", t.SIGNER_NAME)
    RECIPIENTS_HEADING = ("recipients-heading", t.RECIPIENTS_HEADING)
    RECIPIENT = ("recipient", t.RECIPIENT)
    APPENDIX_LABEL = ("appendix-label", t.APPENDIX_LABEL)
    APPENDIX_TITLE = ("appendix-title", t.APPENDIX_TITLE)
    APPENDIX_NOTE = ("appendix-note", t.APPENDIX_NOTE)
