"""Decree 30 conformance checks of .docx files (issue: vbhc check)."""
