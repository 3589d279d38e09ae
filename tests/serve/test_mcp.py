"""``vbhc mcp`` through the official SDK's client: in memory (the tools, their schemas, the example
rendered byte for byte, errors with field paths, a check with its fixed copy) and over stdio (the
command a client such as Claude Desktop starts)."""

from __future__ import annotations

import base64
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import EXAMPLES

pytest.importorskip("mcp", reason="the serve extra (the mcp SDK) is not installed")

import anyio
from mcp import Client, StdioServerParameters

from vbhc.serve.mcp import build_server


def plan() -> dict[str, Any]:
    spec = yaml.safe_load((EXAMPLES / "ke-hoach-hoang-kim.yaml").read_text(encoding="utf-8"))
    spec["profile"] = "xa-hoang-kim"
    return spec


def cli_render(tmp_path: Path) -> bytes:
    out = tmp_path / "cli.docx"
    subprocess.run([sys.executable, "-m", "vbhc", "render", str(EXAMPLES / "ke-hoach-hoang-kim.yaml"), "-o",
                    str(out)], check=True, capture_output=True)
    return out.read_bytes()


def test_lists_the_tools_and_renders_the_example(tmp_path: Path) -> None:
    async def go() -> None:
        async with Client(build_server()) as client:
            tools = {t.name: t for t in (await client.list_tools()).tools}
            assert sorted(tools) == ["check", "import", "render", "validate"]
            schema = tools["render"].input_schema
            assert schema["properties"]["body"] and "$defs" in schema and "Signature" in schema["$defs"]
            assert schema["properties"]["profile"]["enum"] == ["xa-hoang-kim", "xa-quang-phu"]
            result = await client.call_tool("render", plan())
            assert not result.is_error
            docx = base64.b64decode(result.content[1].resource.blob)
            assert docx == cli_render(tmp_path)
            out = tmp_path / "assistant.docx"
            written = await client.call_tool("render", {**plan(), "output": str(out)})
            assert not written.is_error and out.read_bytes() == docx

    anyio.run(go)


def test_errors_come_back_with_their_field_paths() -> None:
    async def go() -> None:
        async with Client(build_server()) as client:
            spec = {**plan(), "date": "2024-02-30", "summary": ""}
            result = await client.call_tool("validate", spec)
            report = json.loads(result.content[0].text)
            assert report["valid"] is False
            assert {e["path"] for e in report["errors"]} == {"date.day", "summary"}
            refused = await client.call_tool("render", spec)
            assert refused.is_error and "summary" in refused.content[0].text

    anyio.run(go)


def test_check_with_the_fixed_copy(tmp_path: Path, seed_errors: int) -> None:
    from tests.fixtures.office_seed import build_office_seed

    seed = tmp_path / "office-seed.docx"
    seed.write_bytes(build_office_seed())

    async def go() -> None:
        async with Client(build_server()) as client:
            result = await client.call_tool("check", {"path": str(seed), "fix": True})
            report = json.loads(result.content[0].text)
            assert report["summary"]["errors"] == seed_errors
            fixed = base64.b64decode(result.content[1].resource.blob)
            inline = await client.call_tool("check", {"docx_base64": base64.b64encode(fixed).decode()})
            assert json.loads(inline.content[0].text)["summary"]["errors"] < seed_errors

    anyio.run(go)


def test_over_stdio_as_a_client_starts_it() -> None:
    async def go() -> None:
        params = StdioServerParameters(command=sys.executable, args=["-m", "vbhc", "mcp"])
        with anyio.fail_after(60):
            async with Client(params) as client:
                names = sorted(t.name for t in (await client.list_tools()).tools)
                assert names == ["check", "import", "render", "validate"]
                result = await client.call_tool("validate", plan())
                assert json.loads(result.content[0].text)["valid"] is True

    anyio.run(go)
