"""The DOCX writer: layout regions written through an office template (``template``) by ``writer``."""

from vbhc.writers.docx.writer import (
    render,
    render_bytes,
)

__all__ = [
    "render",
    "render_bytes",
]
