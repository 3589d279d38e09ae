"""OOXML: one layer for reading and writing WordprocessingML packages.

Owns: the safe package reader with its limits (``package``), namespaces and XML helpers (``xml``), one
Word-faithful style resolver (``styles``), list numbering (``numbering``), drawn lines (``drawing``),
the resolved document that check and import read (``resolve``), and the builders that write runs,
paragraphs and sections with the schema's child order (``build``). Imports ``nd30``, ``errors`` and
``fileio`` only: it knows WordprocessingML, not the model, readers, writers or the checker.
"""
