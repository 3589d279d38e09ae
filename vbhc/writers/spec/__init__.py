"""The spec writer: spec data (what :func:`vbhc.readers.spec.unparse.spec_data` makes of a document) as
the YAML an officer would have typed, for ``vbhc import``.

Owns the YAML's look: fields in the order given, outline text and other multi-line text as literal
blocks (``body: |``), long lines never folded, Unicode as it is (NFC), nothing sorted or timestamped, so
the same data always gives the same bytes. Imports nothing of vbhc but the base (it is handed plain data);
never the readers, the layout or the checker.
"""

from vbhc.writers.spec.yaml import dump_yaml

__all__ = ["dump_yaml"]
