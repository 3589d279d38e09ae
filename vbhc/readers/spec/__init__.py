"""Specs: JSON, YAML or .py files (and commune profiles) read into a ``model.Document``.

``source`` reads and parses files with positions, ``outline`` reads the outline body, ``profile``
merges a commune profile, ``reader`` structures and validates with a field path in every error,
``schema`` generates the JSON Schema, and ``starters`` are the commented specs of ``vbhc new``.
"""

from vbhc.readers.spec.reader import (
    load,
    read,
    structure,
    unstructure,
    validate,
)

__all__ = [
    "load",
    "read",
    "structure",
    "unstructure",
    "validate",
]
