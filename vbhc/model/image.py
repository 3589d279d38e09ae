"""A signature image (PL I, II.7.d): the PNG printed between the signer's position and name.

The model holds the image's bytes, checked to be a PNG by its signature and its IHDR chunk (which gives
its size in pixels); reading the file is the spec reader's (through :func:`vbhc.fileio.read_bytes`),
placing it the writer's.
"""

from __future__ import annotations

import struct
import zlib
from typing import Any

import attrs
from attrs import field, frozen

from vbhc import limits
from vbhc.errors import FieldError

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_IHDR_LENGTH = 13
# A signature is a few times wider than tall; a thin strip would print as a line, not a signature.
MAX_ASPECT = 8


def png_size(data: bytes) -> tuple[int, int]:
    """(width, height) in pixels of the PNG ``data``; ValueError for what is not one.

    The file must open with the PNG signature and an IHDR chunk of 13 bytes with a correct CRC and a
    size of 1 to :data:`vbhc.limits.MAX_IMAGE_PIXELS` pixels each way (PNG, ISO/IEC 15948, 11.2.2).
    """
    if not data.startswith(PNG_SIGNATURE):
        raise ValueError("not a PNG file (its first bytes are not the PNG signature)")
    head = data[len(PNG_SIGNATURE):len(PNG_SIGNATURE) + 8 + _IHDR_LENGTH + 4]
    if len(head) < 8 + _IHDR_LENGTH + 4:
        raise ValueError("a PNG file cut short before the end of its IHDR chunk")
    length, kind = struct.unpack(">I4s", head[:8])
    if kind != b"IHDR" or length != _IHDR_LENGTH:
        raise ValueError("a PNG file whose first chunk is not a 13-byte IHDR")
    body, crc = head[8:8 + _IHDR_LENGTH], struct.unpack(">I", head[8 + _IHDR_LENGTH:])[0]
    if zlib.crc32(kind + body) != crc:
        raise ValueError("a PNG file whose IHDR chunk fails its CRC")
    width, height = struct.unpack(">II", body[:8])
    if not (1 <= width <= limits.MAX_IMAGE_PIXELS and 1 <= height <= limits.MAX_IMAGE_PIXELS):
        raise ValueError(f"a PNG of {width} x {height} pixels (1 to {limits.MAX_IMAGE_PIXELS:,} each way)")
    if max(width, height) > MAX_ASPECT * min(width, height):
        raise ValueError(f"a PNG of {width} x {height} pixels: a signature at most {MAX_ASPECT} times as "
                         "wide as it is tall (or tall as wide)")
    return width, height


def _png(_: Any, attribute: attrs.Attribute, value: bytes) -> None:
    if not isinstance(value, bytes):
        raise FieldError(attribute.name, "the bytes of a PNG file", type(value).__name__)
    if len(value) > limits.MAX_IMAGE_BYTES:
        raise FieldError(attribute.name, f"a PNG of at most {limits.MAX_IMAGE_BYTES // limits.MB} MB",
                         f"{len(value):,} bytes")
    try:
        png_size(value)
    except ValueError as exc:
        raise FieldError(attribute.name, "a PNG file (PL I, II.7.d)", str(exc)) from None


@frozen
class SignatureImage:
    """The image of a signature, a PNG (PL I, II.7.d: blue, on a transparent background).

    ``data``: the file's bytes, carried into the .docx unchanged. ``source``: where it was read from,
    as the spec wrote it (kept so a spec can be written back); not printed.
    """

    data: bytes = field(validator=_png, repr=lambda d: f"<{len(d):,} bytes>", eq=True)
    source: str = ""

    @property
    def size_px(self) -> tuple[int, int]:
        """(width, height) in pixels, from the PNG's IHDR chunk."""
        return png_size(self.data)
