"""``vbhc serve`` (the web form and the HTTP API) and ``vbhc mcp`` (the tools for AI assistants).

Both need the ``serve`` extra (Starlette, uvicorn, Jinja2, the MCP SDK); it is imported only when one of
these commands runs, so the other commands never load it. Without it, the command says what to install.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

EXIT_BAD_INPUT = 2
PROFILES_ENV = "VBHC_SERVE_PROFILES"
MISSING = "vbhc {command}: error: needs the serve extra: pip install 'vbhc[serve]' (missing: {module})"


def register(subparsers: Any) -> None:
    """Add ``serve`` and ``mcp`` to the ``vbhc`` command's subparsers."""
    serve = subparsers.add_parser("serve", help="start the web form and the HTTP API (default "
                                               "http://127.0.0.1:8000)")
    serve.add_argument("--host", default="127.0.0.1", help="the address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="the port (default 8000)")
    serve.add_argument("--profiles", help="a folder of commune profiles (default: the bundled ones)")
    serve.add_argument("--workers", type=int, default=1, help="processes serving requests (default 1; one "
                                                              "per core uses them all)")
    serve.set_defaults(run=run_serve)
    mcp = subparsers.add_parser("mcp", help="run the Model Context Protocol server on stdio (tools: "
                                           "validate, render, check, import)")
    mcp.add_argument("--profiles", help="a folder of commune profiles (default: the bundled ones)")
    mcp.set_defaults(run=run_mcp)


def _missing(command: str, exc: ImportError) -> int:
    print(MISSING.format(command=command, module=exc.name or exc), file=sys.stderr)
    return EXIT_BAD_INPUT


def run_serve(args: argparse.Namespace) -> int:
    from pathlib import Path

    try:
        import uvicorn

        from vbhc.serve.app import create_app
    except ImportError as exc:
        return _missing("serve", exc)
    import os

    if args.profiles and not Path(args.profiles).is_dir():
        print(f"vbhc serve: error: {args.profiles}: not a folder of profiles", file=sys.stderr)
        return EXIT_BAD_INPUT
    host = f"[{args.host}]" if ":" in args.host else args.host
    print(f"vbhc serve: http://{host}:{args.port}/ (Ctrl+C stops it)", flush=True)
    if args.workers > 1:  # each worker process builds the app from the environment
        if args.profiles:
            os.environ[PROFILES_ENV] = str(Path(args.profiles).resolve())
        uvicorn.run("vbhc.serve.app:app_from_environment", factory=True, host=args.host, port=args.port,
                    workers=args.workers, log_level="warning")
    else:
        uvicorn.run(create_app(Path(args.profiles) if args.profiles else None), host=args.host,
                    port=args.port, log_level="warning")
    return 0


def run_mcp(args: argparse.Namespace) -> int:
    from pathlib import Path

    try:
        from vbhc.serve.mcp import serve_stdio
    except ImportError as exc:
        return _missing("mcp", exc)
    serve_stdio(Path(args.profiles) if args.profiles else None)
    return 0
