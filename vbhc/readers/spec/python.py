"""Python specs: a ``.py`` file is code the user chose to run; it must define ``document``."""

from __future__ import annotations

import runpy
from pathlib import Path as FilePath

from vbhc.errors import FieldError, SpecError
from vbhc.model import Document


def load_python(path: FilePath) -> Document:
    """Run a .py spec and return its ``document``; a SpecError says where the spec failed, in one line."""
    source = str(path)
    try:
        namespace = runpy.run_path(str(path), run_name="__vbhc_spec__")
    except FieldError as exc:
        raise SpecError(source, [exc]) from None
    except SpecError:
        raise
    except (Exception, SystemExit) as exc:  # the user's code: report where it failed, in one line
        tb = exc.__traceback__
        line = None
        while tb is not None:
            if tb.tb_frame.f_code.co_filename == str(path):
                line = tb.tb_lineno
            tb = tb.tb_next
        where = f"{source}:{line}" if line else source
        if isinstance(exc, SystemExit):  # sys.exit() must not end vbhc, let alone with status 0
            raise SpecError(where, message=f"the spec called sys.exit({exc.code!r}); a .py spec defines "
                                           "`document` and does not exit") from None
        raise SpecError(where, message=f"{type(exc).__name__}: {exc}") from None
    document = namespace.get("document")
    if not isinstance(document, Document):
        found = "nothing" if document is None else type(document).__name__
        raise SpecError(source, [FieldError("document", "a vbhc.Document named `document`", found)])
    return document
