"""``vbhc mcp``: a Model Context Protocol server (the official ``mcp`` SDK) for AI assistants.

Four tools, each the operation of :class:`~vbhc.serve.service.Service` the HTTP API calls:

- ``validate`` and ``render``: their input schema is vbhc's spec schema (``vbhc schema``), so an
  assistant drafts a spec against it, gets every error back with its field path, and ends with a
  conformant .docx (``render`` writes it to ``output``, a path, or returns it as an embedded resource);
- ``check``: the report of ``vbhc check`` on a .docx (a path, or its bytes in base64), with the fixed
  copy on request;
- ``import``: the spec a .docx gives.

A spec names a profile by the name of one the server holds, and no file: as over HTTP.
"""

from __future__ import annotations

import base64
import copy
import json
from pathlib import Path
from typing import Any

import anyio
from mcp import types
from mcp.server import Server

from vbhc.serve.service import MAX_DOCX_BYTES, Problem, Service

__all__ = ["build_server", "serve_stdio", "tool_definitions"]

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
INSTRUCTIONS = (
    "vbhc renders Vietnamese administrative documents (Decree 30/2020/NĐ-CP) from a spec. Draft a spec "
    "against the render tool's input schema (type, date, summary, body as outline text: 'I. PART', "
    "'1. Item', 'a) point', '- dash', '+ plus'), call validate until it has no errors, then render. "
    "vbhc numbers, capitalises and punctuates: never type the header, the Quốc hiệu or 'Nơi nhận' "
    "yourself. A profile gives a commune's issuer, place and signers.")
_DOCX_INPUT = {
    "path": {"type": "string", "description": "the .docx on this machine (a .doc, .rtf or .odt is "
                                              "converted by LibreOffice)"},
    "docx_base64": {"type": "string", "contentEncoding": "base64", "description": "or its bytes, in base64"},
    "name": {"type": "string", "description": "the file's name in the report"},
}


def _spec_input(service: Service, output: bool) -> dict[str, Any]:
    schema = copy.deepcopy(Service.schema())
    schema.pop("$id", None)
    names = list(service.profiles)
    schema["properties"]["profile"] = {
        "type": "string", "enum": names,
        "description": "a commune profile of this server (its issuer, place, signers, Nơi nhận)"}
    if output:
        schema["properties"]["output"] = {
            "type": "string", "description": "where to write the .docx (a path ending in .docx); "
                                            "without it the file comes back as an embedded resource"}
    return schema


def tool_definitions(service: Service) -> list[types.Tool]:
    """The tools, with their input schemas."""
    return [
        types.Tool(name="validate", description="Validate a spec: every error and warning with its field "
                   "path, the same messages as `vbhc validate`.", inputSchema=_spec_input(service, False)),
        types.Tool(name="render", description="Render a spec to a .docx laid out as Decree 30 requires "
                   "(byte-identical to `vbhc render`).", inputSchema=_spec_input(service, True)),
        types.Tool(name="check", description="Check any .docx against Decree 30 (`vbhc check`): findings "
                   "with the rule, clause, expected and found; fix=true also returns a corrected copy.",
                   inputSchema={"type": "object", "properties": {
                       **_DOCX_INPUT, "fix": {"type": "boolean", "default": False}}}),
        types.Tool(name="import", description="Read a .docx into a vbhc spec (YAML and JSON), to edit and "
                   "render again.", inputSchema={"type": "object", "properties": _DOCX_INPUT}),
    ]


def _text(value: Any) -> types.TextContent:
    return types.TextContent(type="text", text=value if isinstance(value, str)
                             else json.dumps(value, ensure_ascii=False, indent=2))


def _docx_resource(data: bytes, name: str) -> types.EmbeddedResource:
    return types.EmbeddedResource(type="resource", resource=types.BlobResourceContents(
        uri=f"vbhc://{name}", mimeType=DOCX, blob=base64.b64encode(data).decode("ascii")))


def _docx_bytes(args: dict[str, Any]) -> tuple[bytes, str]:
    from vbhc.errors import FileError
    from vbhc.fileio import read_bytes

    if isinstance(args.get("path"), str):
        try:
            data = read_bytes(Path(args["path"]), MAX_DOCX_BYTES, ".docx file")
        except FileError as exc:
            raise Problem(422, str(exc)) from None
        return data, args.get("name") or Path(args["path"]).name
    if isinstance(args.get("docx_base64"), str):
        try:
            data = base64.b64decode(args["docx_base64"], validate=True)
        except ValueError:
            raise Problem(400, "docx_base64: expected the file's bytes in base64") from None
        if len(data) > MAX_DOCX_BYTES:
            raise Problem(413, f"the .docx is larger than the limit of {MAX_DOCX_BYTES:,} bytes")
        return data, args.get("name") or "document.docx"
    raise Problem(400, "expected path (a .docx on this machine) or docx_base64")


def call(service: Service, name: str, args: dict[str, Any]) -> list[Any]:
    """Run tool ``name`` with ``args``; a :class:`Problem` for a refusal."""
    if name == "validate":
        return [_text(service.validate(args))]
    if name == "render":
        from vbhc.fileio import check_output, write_file

        spec = {k: v for k, v in args.items() if k != "output"}
        data = service.render(spec)
        output = args.get("output")
        if isinstance(output, str):
            check_output(Path(output), (".docx",))
            write_file(Path(output), data)
            return [_text(f"written: {output} ({len(data):,} bytes)")]
        return [_text(f"rendered ({len(data):,} bytes)"), _docx_resource(data, "document.docx")]
    if name == "check":
        data, file_name = _docx_bytes(args)
        report, fixed = service.check(data, file_name, bool(args.get("fix")))
        out: list[Any] = [_text(report)]
        if fixed is not None:
            out.append(_docx_resource(fixed, "fixed-" + file_name))
        return out
    if name == "import":
        data, file_name = _docx_bytes(args)
        result = service.import_docx(data, file_name)
        return [_text(result["yaml"]), _text({"spec": result["spec"], "diagnostics": result["diagnostics"]})]
    raise Problem(400, f"unknown tool {name!r}; the tools are validate, render, check, import")


def build_server(profiles: Path | None = None) -> Server[Any]:
    """The MCP server over the profiles in ``profiles`` (None: the bundled ones)."""
    from vbhc.errors import VbhcError
    from vbhc.serve.service import version

    service = Service(profiles)
    tools = tool_definitions(service)

    async def list_tools(ctx: Any, params: Any) -> types.ListToolsResult:
        return types.ListToolsResult(tools=tools)

    async def call_tool(ctx: Any, params: types.CallToolRequestParams) -> types.CallToolResult:
        args = dict(params.arguments or {})
        try:
            content = await anyio.to_thread.run_sync(call, service, params.name, args)
        except Problem as exc:
            return types.CallToolResult(content=[_text(exc.as_dict())], isError=True)
        except VbhcError as exc:
            return types.CallToolResult(content=[_text({"error": str(exc)})], isError=True)
        return types.CallToolResult(content=content)

    return Server("vbhc", version=version(), instructions=INSTRUCTIONS, on_list_tools=list_tools,
                  on_call_tool=call_tool)


def serve_stdio(profiles: Path | None = None) -> None:
    """Serve on standard input and output until the client closes them."""
    from mcp.server.stdio import stdio_server

    server = build_server(profiles)

    async def main() -> None:
        async with stdio_server() as (read, write):
            await server.run(read, write, server.create_initialization_options())

    anyio.run(main)
