"""The Starlette app of ``vbhc serve``: the form (``/``), its script and style (``/static``), and the
HTTP API under ``/api`` (documented at ``/api/openapi.json``, :mod:`vbhc.serve.openapi`).

Every request body has a size limit (413 past it), every operation runs in a worker thread with a time
limit (503 past it) and at most :data:`WORKERS` at once, and every refusal is JSON: ``{"error": ...,
"errors": [{"path", "message", "severity", "line", "text"}], "warnings": [...]}`` with the field paths
``vbhc validate`` prints. Nothing is stored: no session, no file.
"""

from __future__ import annotations

import functools
import json
import logging
import os
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote

import anyio
import anyio.to_thread
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from vbhc.serve.service import MAX_DOCX_BYTES, MAX_SPEC_BYTES, Problem, Service

__all__ = ["TIMEOUT_S", "WORKERS", "app_from_environment", "create_app"]

TIMEOUT_S = float(os.environ.get("VBHC_SERVE_TIMEOUT", "30"))  # one request's work, in seconds
WORKERS = 4  # operations at once; the others wait their turn (within their time limit)
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
log = logging.getLogger("vbhc.serve")


class _Json(JSONResponse):
    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False).encode("utf-8")


def _problem(exc: Problem) -> Response:
    return _Json(exc.as_dict(), status_code=exc.status)


async def _body(request: Request, limit: int) -> bytes:
    """The request's body, refused (413) past ``limit`` bytes before more is read."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise Problem(413, f"the request is larger than the limit of {limit:,} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise Problem(413, f"the request is larger than the limit of {limit:,} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


async def _spec(request: Request) -> Any:
    data = await _body(request, MAX_SPEC_BYTES)
    try:
        return json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise Problem(400, f"expected the spec as JSON in UTF-8: {exc}") from None


def _attachment(data: bytes, media: str, name: str) -> Response:
    return Response(data, media_type=media, headers={
        "Content-Disposition": f"attachment; filename*=UTF-8''{quote(name)}", "Cache-Control": "no-store"})


def _file_name(spec: Any, suffix: str) -> str:
    kind = spec.get("type") if isinstance(spec, dict) else None
    return f"{kind if isinstance(kind, str) and kind.isascii() and kind.strip() else 'van-ban'}{suffix}"


Handler = Callable[[Request], Awaitable[Response]]


def _guarded(limiter: anyio.CapacityLimiter) -> Callable[[Callable[[Request], Awaitable[Response]]], Handler]:
    """A handler whose refusals are JSON and whose work stops answering after :data:`TIMEOUT_S`."""

    def wrap(handler: Callable[[Request], Awaitable[Response]]) -> Handler:
        @functools.wraps(handler)
        async def run(request: Request) -> Response:
            try:
                with anyio.fail_after(TIMEOUT_S):
                    return await handler(request)
            except Problem as exc:
                return _problem(exc)
            except TimeoutError:
                return _problem(Problem(503, f"the request took longer than {TIMEOUT_S:g} s; it was stopped"))
            except Exception:  # never a traceback to the client
                log.exception("internal error on %s", request.url.path)
                return _problem(Problem(500, "internal error (the server's log has the details)"))

        return run

    return wrap


def create_app(profiles: Path | None = None) -> Starlette:
    """The app, over the profiles in ``profiles`` (None: the bundled ones)."""
    from jinja2 import Environment, PackageLoader, select_autoescape

    from vbhc.serve.form import form_fields, split, type_choices
    from vbhc.serve.openapi import openapi
    from vbhc.serve.service import version

    service = Service(profiles)
    limiter = anyio.CapacityLimiter(WORKERS)
    guarded = _guarded(limiter)
    pages = Environment(loader=PackageLoader("vbhc.serve", "templates"), autoescape=select_autoescape(
        default=True, default_for_string=True))

    async def work(fn: Callable[..., Any], *args: Any) -> Any:
        return await anyio.to_thread.run_sync(functools.partial(fn, *args), limiter=limiter,
                                              abandon_on_cancel=True)

    def profile_of(request: Request) -> str | None:
        return request.query_params.get("profile") or None

    async def index(request: Request) -> Response:
        html = pages.get_template("index.html").render(
            fields=split(form_fields(Service.schema())), types=type_choices(),
            profiles=service.profiles.values(), version=version())
        return HTMLResponse(html)

    @guarded
    async def schema(request: Request) -> Response:
        return _Json(Service.schema())

    @guarded
    async def api_profiles(request: Request) -> Response:
        return _Json([{"name": p.name, "issuer": p.issuer, "signers": list(p.signers)}
                      for p in service.profiles.values()])

    @guarded
    async def validate(request: Request) -> Response:
        spec = await _spec(request)
        return _Json(await work(service.validate, spec, profile_of(request)))

    @guarded
    async def preview(request: Request) -> Response:
        spec = await _spec(request)
        return _Json(await work(service.preview, spec, profile_of(request)))

    @guarded
    async def render(request: Request) -> Response:
        spec = await _spec(request)
        fmt = request.query_params.get("format", "docx")
        data = await work(service.render, spec, profile_of(request), fmt)
        media = DOCX if fmt == "docx" else "application/pdf"
        return _attachment(data, media, _file_name(spec, "." + fmt))

    @guarded
    async def page(request: Request) -> Response:
        spec = await _spec(request)
        number = request.query_params.get("page", "1")
        if not number.isdigit() or not 1 <= int(number) <= 999:
            raise Problem(400, f"expected a page number from 1 to 999; found {number!r}")
        data = await work(service.page_png, spec, profile_of(request), int(number))
        return Response(data, media_type="image/png", headers={"Cache-Control": "no-store"})

    @guarded
    async def check(request: Request) -> Response:
        data = await _body(request, MAX_DOCX_BYTES)
        report, _ = await work(service.check, data, request.query_params.get("name", "document.docx"))
        return _Json(report)

    @guarded
    async def fix(request: Request) -> Response:
        data = await _body(request, MAX_DOCX_BYTES)
        name = request.query_params.get("name", "document.docx")
        report, fixed = await work(service.check, data, name, True)
        response = _attachment(fixed, DOCX, "fixed-" + Path(report["file"]).name)
        response.headers["X-Vbhc-Remaining-Errors"] = str(report["fix"]["remaining"].get("errors", 0))
        return response

    @guarded
    async def import_(request: Request) -> Response:
        data = await _body(request, MAX_DOCX_BYTES)
        name = request.query_params.get("name", "document.docx")
        return _Json(await work(service.import_docx, data, name, profile_of(request)))

    @guarded
    async def to_yaml(request: Request) -> Response:
        spec = await _spec(request)
        return PlainTextResponse(service.yaml_text(spec), media_type="application/yaml; charset=utf-8")

    @guarded
    async def from_yaml(request: Request) -> Response:
        data = await _body(request, MAX_SPEC_BYTES)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise Problem(400, "expected a spec file in UTF-8") from None
        return _Json(await work(service.parse_yaml, text))

    async def api_openapi(request: Request) -> Response:
        return _Json(openapi(version()))

    routes = [
        Route("/", index),
        Mount("/static", StaticFiles(packages=[("vbhc.serve", "static")]), name="static"),
        Route("/api/openapi.json", api_openapi),
        Route("/api/schema", schema),
        Route("/api/profiles", api_profiles),
        Route("/api/validate", validate, methods=["POST"]),
        Route("/api/preview", preview, methods=["POST"]),
        Route("/api/render", render, methods=["POST"]),
        Route("/api/page", page, methods=["POST"]),
        Route("/api/check", check, methods=["POST"]),
        Route("/api/fix", fix, methods=["POST"]),
        Route("/api/import", import_, methods=["POST"]),
        Route("/api/yaml", to_yaml, methods=["POST"]),
        Route("/api/open", from_yaml, methods=["POST"]),
    ]
    return Starlette(routes=routes)


def app_from_environment() -> Starlette:
    """The app of one worker process of ``vbhc serve --workers N`` (profiles from VBHC_SERVE_PROFILES)."""
    folder = os.environ.get("VBHC_SERVE_PROFILES")
    return create_app(Path(folder) if folder else None)
