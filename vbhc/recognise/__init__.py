"""Recognise: any .docx (as an ``ooxml.resolve.ResolvedDocument``) turned into components.

Owns: which paragraph is the Quốc hiệu, the issuer, the number, the body's parts and items, the
signature, Nơi nhận ... — what ``vbhc check`` and the importer both need. Imports ``nd30``, ``ooxml``
and ``layout``; never writers, readers or check.
"""

from vbhc.recognise.components import Recognised, Recognition, recognise

__all__ = ["Recognised", "Recognition", "recognise"]
