"""The HTTP API (``vbhc serve``) through Starlette's TestClient: the same bytes as ``vbhc render``, the
same diagnostics as ``vbhc validate`` with their field paths, size and time limits, JSON errors,
nothing left on disk, and the OpenAPI document matching the routes."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import EXAMPLES

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def cli_render(spec: Path, out: Path) -> bytes:
    subprocess.run([sys.executable, "-m", "vbhc", "render", str(spec), "-o", str(out)], check=True,
                   capture_output=True)
    return out.read_bytes()


def test_render_is_byte_identical_to_the_cli(client: Any, plan_spec: dict, tmp_path: Path) -> None:
    response = client.post("/api/render", json=plan_spec)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == DOCX
    assert "attachment" in response.headers["content-disposition"]
    assert response.content == cli_render(EXAMPLES / "ke-hoach-hoang-kim.yaml", tmp_path / "plan.docx")


def test_the_json_example_and_a_profile_by_name(client: Any, tmp_path: Path) -> None:
    spec = json.loads((EXAMPLES / "ke-hoach-hoang-kim.json").read_text(encoding="utf-8"))
    response = client.post("/api/render", json=spec)
    assert response.content == cli_render(EXAMPLES / "ke-hoach-hoang-kim.json", tmp_path / "p.docx")


def test_another_profile_with_its_template(client: Any, plan_spec: dict, tmp_path: Path) -> None:
    """xa-quang-phu names an office template (13 pt body): the API renders with it, as the CLI does."""
    response = client.post("/api/render?profile=xa-quang-phu", json=plan_spec)
    assert response.status_code == 200, response.text
    out = tmp_path / "qp.docx"
    subprocess.run([sys.executable, "-m", "vbhc", "render", str(EXAMPLES / "ke-hoach-hoang-kim.yaml"),
                    "--profile", str(EXAMPLES / "profiles" / "xa-quang-phu.yaml"), "-o", str(out)],
                   check=True)
    assert response.content == out.read_bytes()


def test_validate_gives_the_cli_messages_with_field_paths(client: Any, plan_spec: dict, tmp_path: Path
                                                         ) -> None:
    plan_spec["date"] = "2024-02-30"
    plan_spec["body"] = plan_spec["body"].replace("\n2. Yêu cầu", "\n8. Yêu cầu", 1)
    result = client.post("/api/validate", json=plan_spec).json()
    assert result["valid"] is False
    paths = {d["path"]: d for d in result["errors"]}
    assert "date.day" in paths
    spec_file = tmp_path / "bad.yaml"
    import yaml

    plan_spec["profile"] = str(EXAMPLES / "profiles" / "xa-hoang-kim.yaml")
    spec_file.write_text(yaml.safe_dump(plan_spec, allow_unicode=True), encoding="utf-8")
    cli = subprocess.run([sys.executable, "-m", "vbhc", "validate", str(spec_file)], capture_output=True,
                         text=True)
    for d in result["errors"]:
        assert f"{d['path']}: {d['message']}" in cli.stderr  # the same message, the file's line aside


def test_validate_numbers_the_outline_beside_its_lines(client: Any, plan_spec: dict) -> None:
    body = ("I. MỤC ĐÍCH\n1. Mục đích\nNội dung.\n8. Yêu cầu\n- Một.\n+ Hai.\nII. NHIỆM VỤ\n3. Việc\n"
            "a) Một;\nb) Hai.\n")
    plan_spec["body"] = body
    result = client.post("/api/validate", json=plan_spec).json()
    assert result["valid"], result
    assert result["numbers"] == ["I.", "1.", "", "2.", "-", "+", "II.", "1.", "a)", "b)", ""]
    assert any(w["path"] == "body[0].children[1]" and '"2."' in w["message"]
               for w in result["warnings"])


def test_errors_are_json_with_a_status(client: Any, plan_spec: dict) -> None:
    bad = client.post("/api/render", content=b"{not json", headers={"content-type": "application/json"})
    assert bad.status_code == 400 and "JSON" in bad.json()["error"]
    plan_spec["summary"] = ""
    invalid = client.post("/api/render", json=plan_spec)
    assert invalid.status_code == 422
    assert [e["path"] for e in invalid.json()["errors"]] == ["summary"]
    unknown = client.post("/api/render", json={**plan_spec, "profile": "../../etc/passwd"})
    assert unknown.status_code == 422 and unknown.json()["errors"][0]["path"] == "profile"
    assert client.post("/api/validate", json=[1, 2]).status_code == 400


def test_a_spec_may_name_no_file_of_the_server(client: Any, plan_spec: dict) -> None:
    plan_spec["body"] = [{"kind": "table", "csv": "/etc/passwd"}]
    plan_spec["signatures"] = {"position": "Chủ tịch", "name": "A", "image": "/etc/hostname"}
    errors = client.post("/api/validate", json=plan_spec).json()["errors"]
    assert {e["path"] for e in errors} >= {"body[0].csv", "signatures[0].image"}
    assert all("/etc/passwd" not in e["message"] or "no file name" in e["message"] for e in errors)


def test_size_limits(client: Any) -> None:
    from vbhc.serve.service import MAX_DOCX_BYTES, MAX_SPEC_BYTES

    big = client.post("/api/validate", content=b" " * (MAX_SPEC_BYTES + 1),
                      headers={"content-type": "application/json"})
    assert big.status_code == 413 and "limit" in big.json()["error"]
    upload = client.post("/api/check", content=b"\0" * (MAX_DOCX_BYTES + 1))
    assert upload.status_code == 413


def test_the_time_limit(client: Any, plan_spec: dict, monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    from vbhc.serve import app as app_module
    from vbhc.serve.service import Service

    monkeypatch.setattr(app_module, "TIMEOUT_S", 0.2)
    monkeypatch.setattr(Service, "render", lambda self, *a: time.sleep(1.5) or b"")
    response = client.post("/api/render", json=plan_spec)
    assert response.status_code == 503 and "0.2 s" in response.json()["error"]


def test_check_groups_the_report_and_fixes(client: Any, seed_errors: int) -> None:
    from tests.fixtures.office_seed import build_office_seed as build

    data = build()
    report = client.post("/api/check?name=office-seed.docx", content=data).json()
    assert report["file"] == "office-seed.docx"
    assert report["summary"]["errors"] == seed_errors
    titles = [g["title"] for g in report["groups"]]
    assert titles[0].startswith("Page set-up") and len(titles) == len(set(titles))
    assert sum(len(g["findings"]) for g in report["groups"]) == len(report["findings"])
    fixed = client.post("/api/fix?name=office-seed.docx", content=data)
    assert fixed.status_code == 200 and fixed.headers["content-type"] == DOCX
    zipfile.ZipFile(io.BytesIO(fixed.content)).testzip()
    after = client.post("/api/check", content=fixed.content).json()
    assert after["summary"]["errors"] < seed_errors
    assert int(fixed.headers["x-vbhc-remaining-errors"]) == after["summary"]["errors"]


def test_check_refuses_what_is_no_docx(client: Any) -> None:
    response = client.post("/api/check", content=b"PK\x03\x04 not a zip")
    assert response.status_code == 422 and "not a .docx" in response.json()["error"]


def test_save_and_open_yaml(client: Any, plan_spec: dict) -> None:
    text = client.post("/api/yaml", json=plan_spec).text
    assert text.startswith("# yaml-language-server: $schema=")
    assert client.post("/api/open", content=text.encode()).json() == plan_spec


def test_schema_profiles_and_preview(client: Any, plan_spec: dict) -> None:
    from vbhc.readers.spec.schema import spec_schema

    assert client.get("/api/schema").json() == json.loads(json.dumps(spec_schema()))
    names = [p["name"] for p in client.get("/api/profiles").json()]
    assert names == ["xa-hoang-kim", "xa-quang-phu"]
    preview = client.post("/api/preview", json=plan_spec).json()
    assert preview["valid"] and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in preview["html"]


def test_user_text_is_escaped_in_the_preview(client: Any, plan_spec: dict) -> None:
    plan_spec["summary"] = "Về <script>alert(1)</script> & {{ 7*7 }}"
    html = client.post("/api/preview", json=plan_spec).json()["html"]
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; {{ 7*7 }}" in html


def test_openapi_documents_every_route(client: Any, app: Any) -> None:
    document = client.get("/api/openapi.json").json()
    assert document["openapi"].startswith("3.1")
    routes = {r.path: set(r.methods or ()) - {"HEAD"} for r in app.routes if r.path.startswith("/api/")}
    documented = {path: {m.upper() for m in ops} for path, ops in document["paths"].items()}
    assert documented == routes


def test_the_form_page(client: Any) -> None:
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    html = page.text
    assert 'lang="vi"' in html and "Trích yếu nội dung" in html and 'data-path="leave.person"' in html
    assert html.count("<option value=") >= 29
    assert client.get("/static/app.js").status_code == 200


def test_nothing_is_written_to_disk(client: Any, plan_spec: dict, tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Render, check, fix and validate (and a PDF, where LibreOffice is installed) leave no file in the
    temporary folder or the working one."""
    import tempfile

    from tests.fixtures.office_seed import build_office_seed as build

    scratch = tmp_path / "tmp"
    work = tmp_path / "cwd"
    scratch.mkdir()
    work.mkdir()
    monkeypatch.setenv("TMPDIR", str(scratch))
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    monkeypatch.chdir(work)
    client.post("/api/render", json=plan_spec)
    client.post("/api/validate", json=plan_spec)
    client.post("/api/preview", json=plan_spec)
    client.post("/api/check", content=build())
    client.post("/api/fix", content=build())
    import importlib.util
    import shutil

    if importlib.util.find_spec("vbhc.writers.pdf") is not None and shutil.which("soffice"):
        assert client.post("/api/render?format=pdf", json=plan_spec).content.startswith(b"%PDF")
    assert os.listdir(scratch) == [] and os.listdir(work) == []


def test_pdf_and_page_images_or_a_clear_501(client: Any, plan_spec: dict) -> None:
    """With vbhc.writers.pdf and LibreOffice: a PDF and PNG pages; without: 501 naming what is missing."""
    import importlib.util
    import shutil

    response = client.post("/api/render?format=pdf", json=plan_spec)
    page = client.post("/api/page?page=1", json=plan_spec)
    if importlib.util.find_spec("vbhc.writers.pdf") is None:
        for r in (response, page):
            assert r.status_code == 501 and "vbhc.writers.pdf is missing" in r.json()["error"]
    elif shutil.which("soffice") is None:
        assert response.status_code == 501 and page.status_code == 501
    else:
        assert response.status_code == 200 and response.content.startswith(b"%PDF")
        assert page.status_code == 200 and page.content.startswith(b"\x89PNG")


def test_import_or_a_clear_501(client: Any, tmp_path: Path) -> None:
    import importlib

    pipeline = importlib.import_module("vbhc.pipeline")
    docx = cli_render(EXAMPLES / "ke-hoach-hoang-kim.yaml", tmp_path / "plan.docx")
    response = client.post("/api/import?name=plan.docx", content=docx)
    if not hasattr(pipeline, "import_document"):
        assert response.status_code == 501 and "import_document is missing" in response.json()["error"]
        return
    assert response.status_code == 200, response.text
    result = response.json()
    assert result["spec"]["type"] == "ke-hoach" and result["yaml"]
    again = client.post("/api/validate", json=result["spec"]).json()
    assert again["valid"], again["errors"]
