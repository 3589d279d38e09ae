"""Readers: what turns input into the typed model.

``spec`` reads specs (JSON, YAML, .py) and commune profiles, and writes a document back as spec
data (``spec.unparse``); ``docx`` imports Word files and pasted text through ``vbhc.recognise``
(``vbhc import``), into spec data that ``spec`` reads. Readers import ``nd30``, ``model``, ``ooxml``
and ``recognise``; never ``layout``, ``writers`` or ``check``.
"""
