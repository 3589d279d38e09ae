"""``vbhc check`` end to end: exit status, text and JSON output, and hostile files (exit 2, fast, offline)."""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import socket
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import jsonschema
import pytest
from docx_fixtures import NS, build_docx, para, zip_members

import vbhc
from tests.fixtures.office_seed import build_office_seed
from tests.unprivileged import as_user, open_folder, warm
from vbhc.check.report import JSON_SCHEMA
from vbhc.cli import check as cli

MB = 1024 * 1024
ROOT = Path(__file__).resolve().parents[2]


def run(*argv: str) -> int:
    """``vbhc check`` through a parser that only knows :func:`cli.register`, as vbhc's own will."""
    parser = argparse.ArgumentParser(prog="vbhc")
    cli.register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["check", *argv])
    return int(args.run(args))


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("cli")
    out = {"office": folder / "office-seed.docx", "plan": folder / "plan.docx"}
    out["office"].write_bytes(build_office_seed())
    out["plan"].write_bytes(vbhc.render_bytes(vbhc.load(ROOT / "examples" / "ke-hoach-hoang-kim.json")))
    return out


def test_clean_file_exits_0_even_with_warnings(files: dict[str, Path],
                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert run(str(files["plan"])) == 0
    out = capsys.readouterr().out
    assert "0 error(s), 2 warning(s)" in out and "number.blank" in out


def test_errors_exit_1_with_a_report_grouped_by_component(files: dict[str, Path],
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert run(str(files["office"])) == 1
    out = capsys.readouterr().out
    assert out.index("Page set-up") < out.index("Quốc hiệu") < out.index("Numbering") < out.index("Số trang")
    assert 'at ¶69 "8. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam xã"' in out
    assert 'expected "5."; found "8."' in out
    assert "Not evaluated (not passed)" in out


def test_json_follows_its_schema(files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert run(str(files["office"]), "--format", "json") == 1
    data = json.loads(capsys.readouterr().out)
    jsonschema.validate(data, JSON_SCHEMA)
    assert data["schema"] == "vbhc-check/1" and data["document_type"] == "ke-hoach"
    gap = next(f for f in data["findings"] if f["rule"] == "numbering.sequence")
    assert gap["paragraphs"] == [{"location": "body", "number": 69,
                                  "text": "8. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam xã"}]
    assert (gap["expected"], gap["found"], gap["clause"]) == ('"5."', '"8."', "PL I, II.6.đ")
    summary = data["summary"]
    assert summary["status"] == "errors"
    assert summary["errors"] + summary["warnings"] == len(data["findings"])
    assert summary["failed"] + summary["passed"] + summary["not_evaluated"] + summary["not_applicable"] == \
        summary["rules"]
    assert {s["rule"] for s in data["not_evaluated"]} >= {"motto.rule-length", "page-number.first-page"}


def test_main_and_python_dash_m(files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main([str(files["plan"]), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["summary"]["status"] == "warnings"
    done = subprocess.run([sys.executable, "-m", "vbhc.check", str(files["office"])], capture_output=True,
                          text=True, timeout=60, cwd=ROOT)
    assert done.returncode == 1 and "numbering.sequence" in done.stdout


def test_fix_writes_a_copy_and_reports_it(files: dict[str, Path], tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "fixed.docx"
    assert run(str(files["office"]), "--fix", str(target), "--format", "json") == 1  # the status is FILE's
    data = json.loads(capsys.readouterr().out)
    jsonschema.validate(data, JSON_SCHEMA)
    assert data["fix"]["output"] == str(target) and target.is_file()
    assert "numbering.sequence" in data["fix"]["left"]
    assert data["fix"]["remaining"]["errors"] < data["summary"]["errors"]
    assert [p.name for p in tmp_path.iterdir()] == ["fixed.docx"]  # no temporary file left behind


@pytest.mark.parametrize(("target", "message"), [
    ("fixed.txt", "must end in .docx"), ("missing/fixed.docx", "does not exist"), ("SAME", "overwrite")])
def test_fix_refuses_bad_targets(files: dict[str, Path], tmp_path: Path, target: str, message: str,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    path = files["office"] if target == "SAME" else tmp_path / target
    before = files["office"].read_bytes()
    assert run(str(files["office"]), "--fix", str(path)) == 2
    assert message in capsys.readouterr().err
    assert files["office"].read_bytes() == before
    assert not list(tmp_path.iterdir())


# --------------------------------------------------------------------------------------------
# Hostile and broken files: exit 2, one clear line, quickly, without the network


def _with_member(data: bytes, name: str, size: int, method: int) -> bytes:
    buf = io.BytesIO(data)
    with zipfile.ZipFile(buf, "a", method) as zf, zf.open(name, "w", force_zip64=True) as fh:
        chunk = bytes(MB)
        for _ in range(size // MB):
            fh.write(chunk)
    return buf.getvalue()


def _document(body: str) -> bytes:
    return build_docx(document=body)


EMPTY_TYPES = b"<Types xmlns='http://schemas.openxmlformats.org/package/2006/content-types'/>"
XXE = ('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "http://127.0.0.1:9/steal">]>'
       f"<w:document {NS}><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>")
LAUGHS = ('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "hahahahahaha">'
          + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
          + f"]><w:document {NS}><w:body><w:p><w:r><w:t>&j;</w:t></w:r></w:p></w:body></w:document>")


WORDS = ["bình", "đẳng", "giới", "ủy", "ban", "nhân", "dân", "xã", "kế", "hoạch", "thực", "hiện", "năm"]


def _words(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(count))


def _long_paragraph() -> bytes:
    """About 10 MB of text in one paragraph, in runs of 100 kB (random words: no zip-bomb ratio)."""
    rng = random.Random(30)
    runs = [f'<w:r><w:t xml:space="preserve">{_words(rng, 20000)} </w:t></w:r>' for _ in range(100)]
    return build_docx("<w:p>" + "".join(runs) + "</w:p>")


def _huge_text_node() -> bytes:
    letters = (b"abcdefghijklmnopqrstuvwxyz " * 10)[:256]
    text = random.Random(7).randbytes(10 * MB + 100).translate(letters).decode("ascii")
    return build_docx(para(text))


HOSTILE = {
    "not-a-zip": (lambda: b"%PDF-1.7 not a word file", "not a .docx file (not a zip archive)"),
    "zip-bomb": (lambda: _with_member(build_docx(para("x")), "word/media/zeros.bin", 200 * MB,
                                      zipfile.ZIP_DEFLATED), "suspicious compression ratio"),
    "member-over-50-mb": (lambda: _with_member(build_docx(para("x")), "word/media/big.bin", 51 * MB,
                                               zipfile.ZIP_STORED), "larger than 50 MB when decompressed"),
    "xxe": (lambda: _document(XXE), "XML with a DTD or entities is not accepted"),
    "billion-laughs": (lambda: _document(LAUGHS), "XML with a DTD or entities is not accepted"),
    "ten-mb-text-node": (_huge_text_node, "exceeds the XML parser's safety limits"),
    "ten-mb-paragraph": (_long_paragraph, "characters (the checker's limit is 200,000)"),
    "no-body": (lambda: _document(f"<w:document {NS}/>"), "has no body"),
    "empty-body": (lambda: build_docx("<w:p/><w:p><w:r><w:t> </w:t></w:r></w:p>"), "has no text"),
    "not-word": (lambda: zip_members({"[Content_Types].xml": EMPTY_TYPES}), "no main document part"),
}


@pytest.mark.parametrize("kind", list(HOSTILE))
def test_hostile_file_exits_2_quickly_and_offline(kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    make, message = HOSTILE[kind]
    path = tmp_path / f"{kind}.docx"
    path.write_bytes(make())

    def no_network(*args: object, **kwargs: object) -> socket.socket:
        raise AssertionError("the checker tried to open a network connection")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    started = time.perf_counter()
    status = run(str(path), "--fix", str(tmp_path / "out.docx"))
    elapsed = time.perf_counter() - started
    captured = capsys.readouterr()
    assert status == 2
    assert captured.out == ""
    (line,) = captured.err.splitlines()
    assert line.startswith(f"vbhc check: error: {path}: ") and message in line
    assert not (tmp_path / "out.docx").exists()
    assert elapsed < 3.0


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(str(tmp_path / "nowhere.docx")) == 2
    assert capsys.readouterr().err == (f"vbhc check: error: {tmp_path / 'nowhere.docx'}: no such file "
                                       "(the .docx file was not found)\n")


def test_a_directory_is_not_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(str(tmp_path)) == 2
    assert capsys.readouterr().err.startswith("vbhc check: error:")


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork to run as another user")
def test_unreadable_file(files: dict[str, Path]) -> None:
    """An ordinary user (root is dropped to nobody) cannot read a mode-000 file: one line, exit 2."""
    warm(lambda: run(str(files["plan"])))
    with open_folder() as folder:
        path = folder / "locked.docx"
        path.write_bytes(files["plan"].read_bytes())
        path.chmod(0)
        status, err = as_user(lambda: run(str(path)))
    assert status == 2, err
    assert err == f"vbhc check: error: {path}: cannot read it (Permission denied)\n"
