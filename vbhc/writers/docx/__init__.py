"""The DOCX writer: layout regions written through an office template by ``writer``.

Owns: the template (``template.build`` makes one from role records, ``template.load`` reads and holds
one to the decree's ranges) and the writer. Imports ``nd30``, ``model``, ``layout`` and ``ooxml``; it
must not import the readers, recognise, the checker or the CLI.
"""

from vbhc.writers.docx.writer import (
    render,
    render_bytes,
)

__all__ = [
    "render",
    "render_bytes",
]
