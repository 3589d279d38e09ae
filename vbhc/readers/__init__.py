"""Readers: what turns input into the typed model.

``spec`` reads specs (JSON, YAML, .py) and commune profiles; a later ``docx`` reader imports Word
files through ``vbhc.recognise``. Readers import ``nd30``, ``model``, ``ooxml`` and ``recognise``; never
``layout``, ``writers`` or ``check``.
"""
