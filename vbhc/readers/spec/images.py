"""A signature's image in a spec: the path of a PNG, resolved relative to the spec (or profile) file.

``image: chu-ky/chu-tich.png`` in a signature. The file is read through
:func:`vbhc.fileio.read_bytes` with :data:`vbhc.limits.MAX_IMAGE_BYTES` as its limit and checked to be
a PNG by :class:`vbhc.model.SignatureImage`; each problem is an error on the field, never a traceback.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from vbhc import limits
from vbhc.diagnostics import Path
from vbhc.errors import FieldError, FileError
from vbhc.fileio import read_bytes
from vbhc.model import SignatureImage

if TYPE_CHECKING:
    from vbhc.readers.spec.structure import Structurer


def signature_image(structurer: Structurer, value: Any, path: Path) -> Any:
    """The :class:`SignatureImage` a spec's ``image`` path names, or the reader's FAILED."""
    from vbhc.readers.spec.structure import FAILED, describe

    if not isinstance(value, str) or not value.strip():
        structurer.error(path, "the path of a PNG file, relative to the spec", describe(value))
        return FAILED
    target = structurer.file(path, value.strip(), "signature image")
    if target is None:
        return FAILED
    try:
        data = read_bytes(target, limits.MAX_IMAGE_BYTES, "signature image")
    except FileError as exc:
        structurer.error(path, "a readable PNG file, relative to the spec", str(exc))
        return FAILED
    try:
        return SignatureImage(data, value.strip())
    except FieldError as exc:
        structurer.error(path, exc.expected, f"{value.strip()}: {exc.found}")
        return FAILED
