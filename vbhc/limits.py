"""Size limits, named once: what the safe .docx reader accepts, and what one document may hold.

The reader (:mod:`vbhc.ooxml.package`: ``vbhc check``, templates) refuses a package beyond the first
group. The model (:mod:`vbhc.model`) keeps every document within them, so that what ``vbhc validate``
accepts, ``vbhc render`` writes and ``vbhc check`` reads. None of these is a decree fact: they bound
work and memory, far above any real document. Imports nothing of vbhc.
"""

from __future__ import annotations

MB = 1024 * 1024

# --------------------------------------------------------------------------------------------
# The safe .docx reader (the defaults of vbhc.ooxml.package.Limits)

MAX_ARCHIVE_BYTES = 256 * MB  # the .docx file itself
MAX_MEMBER_BYTES = 50 * MB  # one member of the zip, decompressed
MAX_TOTAL_BYTES = 200 * MB  # every member together, decompressed
MAX_MEMBERS = 2000
# A member larger than RATIO_MIN_BYTES that decompresses more than MAX_RATIO times is taken for a
# zip bomb; ordinary Word XML compresses about 10:1.
MAX_RATIO = 200.0
RATIO_MIN_BYTES = 1 * MB
MAX_PARAGRAPH_CHARS = 200_000  # the checker refuses longer paragraphs (no real document has one)

# A legacy document (.doc, .rtf, .odt) converted to .docx by LibreOffice (vbhc.libreoffice): the file
# read, and one LibreOffice run's time (a damaged or hostile file is stopped, never left to hang).
MAX_LEGACY_BYTES = 64 * MB
CONVERT_TIMEOUT_S = 120


# --------------------------------------------------------------------------------------------
# What one document may hold (vbhc.model refuses more, naming the field)

# One text field, and a list the layout prints on one line (issuer.name in an appendix's note,
# archive.units in "Lưu:"). A printed line joins at most three fields, or prints one in capitals
# (upper case can triple a character: "ﬃ" → "FFI"), so every paragraph stays under
# MAX_PARAGRAPH_CHARS with room for its label and punctuation.
MAX_TEXT_CHARS = MAX_PARAGRAPH_CHARS // 4
# A document's Word XML is estimated from its text: each text framed in PARAGRAPH_FRAME_BYTES and each
# span in RUN_FRAME_BYTES of constant markup, at least what the writer puts around them (w:p, w:pPr,
# style; w:r, w:rPr, w:t), so that the estimate is no smaller and no less repetitive than the real
# thing (tests/test_limits.py holds the writer to it). A document is refused at half the reader's
# limits: an estimate over MAX_ESTIMATED_BYTES, or over ESTIMATED_RATIO_MIN_BYTES that compresses
# more than MAX_ESTIMATED_RATIO times.
PARAGRAPH_FRAME_BYTES = 80
RUN_FRAME_BYTES = 50
MAX_ESTIMATED_BYTES = MAX_MEMBER_BYTES // 2
ESTIMATED_RATIO_MIN_BYTES = RATIO_MIN_BYTES // 2
MAX_ESTIMATED_RATIO = MAX_RATIO / 2

# A signature image (PNG, PL I, II.7.d): the file read for it, and its size in pixels. A scanned
# signature is a few hundred pixels across and a few kilobytes.
MAX_IMAGE_BYTES = 2 * MB
MAX_IMAGE_PIXELS = 10_000  # on either side
