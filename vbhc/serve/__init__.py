"""``vbhc serve`` and ``vbhc mcp``: the web form, the HTTP API and the tools for AI assistants.

Owns: what a spec sent over the network may do (:mod:`.service`: a bundled profile by name, no file of
the server's, size and time limits, errors as JSON with field paths), the form generated from the JSON
Schema with Vietnamese labels (:mod:`.form`, :mod:`.labels`), the HTML preview of a layout
(:mod:`.preview`), the Starlette app (:mod:`.app`) and the MCP server (:mod:`.mcp`). It sits above the
pipeline, beside the CLI, and may import any layer; nothing but the CLI imports it. Starlette, uvicorn,
Jinja2 and the MCP SDK are the ``serve`` extra, imported only by the modules that need them, so the
other commands never load them.
"""
