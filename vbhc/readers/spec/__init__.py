"""Specs: JSON, YAML or .py files (and commune profiles) read into a ``model.Document``.

``source`` reads and parses files with positions, ``outline`` reads the outline body, ``markup`` the
inline markup, ``structure`` builds the model with a field path in every error, ``profile`` reads and
merges a commune profile, ``python`` runs a .py spec, ``warnings`` warns about a structured document,
``reader`` ties them into read/validate/load, ``schema`` generates the JSON Schema, and ``starters``
are the commented specs of ``vbhc new``. This package must not import layout, the writers, the
checker or the CLI.
"""

from vbhc.readers.spec.reader import load, read, structure, unstructure, validate

__all__ = [
    "load",
    "read",
    "structure",
    "unstructure",
    "validate",
]
