"""The HTTP API's OpenAPI document (served at ``/api/openapi.json``), kept by hand beside the routes:
``tests/serve/test_api.py`` fails when a route of :func:`vbhc.serve.app.create_app` is missing here or
this names a route the app does not have."""

from __future__ import annotations

from typing import Any

__all__ = ["openapi"]

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

_DIAGNOSTIC = {"type": "object", "properties": {
    "path": {"type": "string", "description": "the field, e.g. body[3].children[1].text"},
    "message": {"type": "string", "description": "expected ...; found ..."},
    "severity": {"enum": ["error", "warning"]},
    "line": {"type": ["integer", "null"]},
    "text": {"type": "string", "description": "the line vbhc validate prints"}}}
_ERROR = {"type": "object", "properties": {
    "error": {"type": "string"},
    "errors": {"type": "array", "items": {"$ref": "#/components/schemas/Diagnostic"}},
    "warnings": {"type": "array", "items": {"$ref": "#/components/schemas/Diagnostic"}}}}


def _json(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _errors(*codes: int) -> dict[str, Any]:
    words = {400: "not JSON, or not an object", 413: "the body is over the size limit",
             422: "the spec (or the file) has errors: every one with its field path",
             501: "needs what this installation lacks (LibreOffice, or the import)",
             502: "LibreOffice ran and gave nothing (a page past the last, a damaged file)",
             503: "the time limit ran out"}
    return {str(c): _json({"$ref": "#/components/schemas/Error"}, words[c]) for c in codes}


_SPEC_BODY = {"required": True, "content": {"application/json": {"schema": {"$ref": "/api/schema"}}},
              "description": "a spec, as vbhc render reads it (the JSON Schema at /api/schema); "
                             "'profile' names one of /api/profiles; no field may name a file"}
_DOCX_BODY = {"required": True, "content": {DOCX: {"schema": {"type": "string", "format": "binary"}},
                                            "application/octet-stream": {"schema": {"type": "string",
                                                                                    "format": "binary"}}},
              "description": "the .docx itself as the request body (at most 20 MB)"}
_PROFILE = {"name": "profile", "in": "query", "required": False, "schema": {"type": "string"},
            "description": "a profile of /api/profiles (overrides the spec's own 'profile')"}
_NAME = {"name": "name", "in": "query", "required": False, "schema": {"type": "string"},
         "description": "the file's name, shown in the report"}


def openapi(version: str) -> dict[str, Any]:
    """The OpenAPI 3.1 document of the API."""
    validation = {"type": "object", "properties": {
        "valid": {"type": "boolean"},
        "errors": {"type": "array", "items": {"$ref": "#/components/schemas/Diagnostic"}},
        "warnings": {"type": "array", "items": {"$ref": "#/components/schemas/Diagnostic"}},
        "numbers": {"type": "array", "items": {"type": "string"},
                    "description": "the number vbhc prints for each line of the body's outline text"}}}
    return {
        "openapi": "3.1.0",
        "info": {"title": "vbhc", "version": version,
                 "description": "Vietnamese administrative documents under Decree 30/2020/NĐ-CP: render a "
                                "spec to .docx or .pdf, validate it, check any .docx, import a .docx."},
        "paths": {
            "/api/schema": {"get": {"summary": "the JSON Schema of specs (vbhc schema)",
                                    "responses": {"200": _json({"type": "object"}, "the schema")}}},
            "/api/profiles": {"get": {"summary": "the commune profiles this server holds",
                                      "responses": {"200": _json({"type": "array"},
                                                                 "name, issuer, signers")}}},
            "/api/validate": {"post": {
                "summary": "validate a spec (vbhc validate): errors and warnings with field paths",
                "parameters": [_PROFILE], "requestBody": _SPEC_BODY,
                "responses": {"200": _json(validation, "the validation (valid or not)"),
                              **_errors(400, 413, 503)}}},
            "/api/preview": {"post": {
                "summary": "the validation and an HTML rendering of the layout (the form's preview)",
                "parameters": [_PROFILE], "requestBody": _SPEC_BODY,
                "responses": {"200": _json({"type": "object"}, "the validation, and html when valid"),
                              **_errors(400, 413, 503)}}},
            "/api/render": {"post": {
                "summary": "render a spec: the .docx vbhc render writes (byte for byte), or a .pdf",
                "parameters": [_PROFILE, {"name": "format", "in": "query", "required": False,
                                          "schema": {"enum": ["docx", "pdf"], "default": "docx"}}],
                "requestBody": _SPEC_BODY,
                "responses": {"200": {"description": "the file", "content": {
                    DOCX: {"schema": {"type": "string", "format": "binary"}},
                    "application/pdf": {"schema": {"type": "string", "format": "binary"}}}},
                    **_errors(400, 413, 422, 501, 502, 503)}}},
            "/api/page": {"post": {
                "summary": "one page of the rendered spec as a PNG (LibreOffice)",
                "parameters": [_PROFILE, {"name": "page", "in": "query", "required": False,
                                          "schema": {"type": "integer", "minimum": 1, "default": 1}}],
                "requestBody": _SPEC_BODY,
                "responses": {"200": {"description": "the page", "content": {"image/png": {}}},
                              **_errors(400, 413, 422, 501, 502, 503)}}},
            "/api/check": {"post": {
                "summary": "check a .docx (vbhc check --format json), findings also grouped by component",
                "parameters": [_NAME], "requestBody": _DOCX_BODY,
                "responses": {"200": _json({"type": "object"}, "the report"), **_errors(413, 422, 503)}}},
            "/api/fix": {"post": {
                "summary": "the fixed copy of a .docx (vbhc check --fix)",
                "parameters": [_NAME], "requestBody": _DOCX_BODY,
                "responses": {"200": {"description": "the fixed .docx", "content": {DOCX: {}}},
                              **_errors(413, 422, 503)}}},
            "/api/import": {"post": {
                "summary": "the spec a .docx gives (vbhc import)",
                "parameters": [_NAME, _PROFILE], "requestBody": _DOCX_BODY,
                "responses": {"200": _json({"type": "object"}, "spec, yaml, diagnostics"),
                              **_errors(413, 422, 501, 503)}}},
            "/api/yaml": {"post": {
                "summary": "a spec as YAML (the form's Save)", "requestBody": _SPEC_BODY,
                "responses": {"200": {"description": "YAML", "content": {"application/yaml": {}}},
                              **_errors(400, 413)}}},
            "/api/open": {"post": {
                "summary": "a spec file's text (YAML or JSON) as JSON (the form's Open)",
                "requestBody": {"required": True,
                                "content": {"application/yaml": {"schema": {"type": "string"}}}},
                "responses": {"200": _json({"type": "object"}, "the spec"), **_errors(400, 413, 422)}}},
            "/api/openapi.json": {"get": {"summary": "this document",
                                          "responses": {"200": _json({"type": "object"}, "OpenAPI 3.1")}}},
        },
        "components": {"schemas": {"Diagnostic": _DIAGNOSTIC, "Error": _ERROR}},
    }
