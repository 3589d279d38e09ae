"""End to end in a real browser: Playwright drives the distribution's Chromium (``apt-get install
chromium``; ``.ci/run`` installs it) against ``vbhc serve`` on 127.0.0.1. An officer fills the Hoàng Kim
plan through the form, sees an error appear beside its field and disappear, downloads the .docx (the
bytes ``vbhc render`` writes for the same spec) and ``vbhc check`` passes it; the draft survives a
reload; a .docx uploaded to check gives the grouped report and its fixed copy.

Skipped, saying why, where Playwright or Chromium is missing. With ``VBHC_SCREENSHOT=1`` the form with its
preview is saved to docs/serve.png (the README's picture), so a normal run changes no tracked file.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import EXAMPLES, ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

playwright = pytest.importorskip("playwright.sync_api", reason="Playwright (pip install playwright) is "
                                                                "not installed")
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Chromium is not installed "
                                "(apt-get install chromium; .ci/run installs it as root)")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """``vbhc serve``'s app on a free port of 127.0.0.1, in a thread of this process."""
    import uvicorn

    from vbhc.serve.app import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = uvicorn.Config(create_app(), host="127.0.0.1", port=port, log_level="warning")
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not instance.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Any]:
    context = browser.new_context(accept_downloads=True, viewport={"width": 1500, "height": 950})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(server + "/")
    yield page
    context.close()
    assert errors == []  # no script error on the page


def wait_status(page: Any, text: str) -> None:
    page.wait_for_function("t => document.getElementById('status').textContent.includes(t)", arg=text,
                           timeout=15000)


def fill_plan(page: Any) -> None:
    """What an officer types: the type, the commune, the trích yếu, the month, the opening, the body,
    Nơi nhận (the rest comes from the commune's profile)."""
    spec = yaml.safe_load((EXAMPLES / "ke-hoach-hoang-kim.yaml").read_text(encoding="utf-8"))
    page.select_option("#f-type", "ke-hoach")
    page.select_option("#f-profile", "xa-hoang-kim")
    page.fill("#f-summary", spec["summary"])
    page.fill("#f-date", "2024-02")
    page.fill("#f-preamble", spec["preamble"])
    page.fill("#f-body", spec["body"])
    page.fill("#f-recipients", "\n".join(spec["recipients"]))


def test_an_officer_makes_the_hoang_kim_plan(page: Any, tmp_path: Path) -> None:
    fill_plan(page)
    wait_status(page, "Hợp lệ")
    date_messages = page.locator('.field[data-path="date"] .messages li.error')
    page.fill("#f-date", "2024-02-30")
    date_messages.first.wait_for(timeout=15000)
    assert "expected a day that exists in 02/2024" in date_messages.first.text_content()
    wait_status(page, "lỗi")
    page.fill("#f-date", "2024-02")
    wait_status(page, "Hợp lệ")
    assert date_messages.count() == 0
    # the computed numbering beside the body, and the preview of the pages
    numbers = page.locator('.field[data-path="body"] .numbers').text_content().split("\n")
    assert numbers[:4] == ["I.", "1.", "", "2."]
    preview = page.locator("#preview .sheet")
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in preview.text_content()
    assert page.locator("#preview .page-break").count() >= 4  # the plan runs to about 8 pages
    if os.environ.get("VBHC_SCREENSHOT"):
        page.evaluate("document.getElementById('form').scrollTop = 0")
        page.screenshot(path=str(ROOT / "docs" / "serve.png"))
    with page.expect_download() as download:
        page.click("#download-docx")
    got = tmp_path / "from-the-form.docx"
    download.value.save_as(got)
    expected = tmp_path / "from-the-cli.docx"
    subprocess.run([sys.executable, "-m", "vbhc", "render", str(EXAMPLES / "ke-hoach-hoang-kim.yaml"), "-o",
                    str(expected)], check=True, capture_output=True)
    assert got.read_bytes() == expected.read_bytes()
    check = subprocess.run([sys.executable, "-m", "vbhc", "check", str(got)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout
    assert "0 error(s)" in check.stdout


def test_the_draft_survives_a_closed_tab(page: Any, server: str) -> None:
    page.select_option("#f-profile", "xa-hoang-kim")
    page.fill("#f-summary", "Tổ chức Tháng hành động vì bình đẳng giới")
    page.wait_for_function("() => (localStorage.getItem('vbhc-draft-v1') || '').includes('Tháng hành động')")
    page.goto("about:blank")
    page.goto(server + "/")
    assert page.input_value("#f-summary") == "Tổ chức Tháng hành động vì bình đẳng giới"
    assert page.input_value("#f-profile") == "xa-hoang-kim"
    assert page.get_attribute("#f-place", "placeholder") == "Theo hồ sơ: Hoàng Kim"  # what the profile gives


def test_a_docx_is_checked_and_fixed(page: Any, tmp_path: Path, seed_errors: int) -> None:
    from tests.fixtures.office_seed import build_office_seed

    seed = tmp_path / "office-seed.docx"
    seed.write_bytes(build_office_seed())
    page.set_input_files("#check-docx", str(seed))
    report = page.locator("#report")
    page.locator("#download-fixed").wait_for(timeout=20000)
    assert f"{seed_errors} lỗi" in report.text_content()
    assert "Page set-up (khổ giấy, lề trang)" in report.locator("h3").all_text_contents()
    with page.expect_download() as download:
        page.click("#download-fixed")
    fixed = tmp_path / "fixed.docx"
    download.value.save_as(fixed)
    check = subprocess.run([sys.executable, "-m", "vbhc", "check", str(fixed), "--format", "json"],
                           capture_output=True, text=True)
    import json

    assert json.loads(check.stdout)["summary"]["errors"] < seed_errors


def test_saved_yaml_renders_the_same_file_and_opens_again(page: Any, tmp_path: Path) -> None:
    """Save gives a spec that `vbhc render` turns into the downloaded file; Open fills the form again."""
    fill_plan(page)
    wait_status(page, "Hợp lệ")
    with page.expect_download() as saved:
        page.click("#save-yaml")
    spec = tmp_path / "ke-hoach.yaml"
    saved.value.save_as(spec)
    shutil.copytree(EXAMPLES / "profiles", tmp_path / "profiles")  # where the saved spec's profile is
    cli = tmp_path / "cli.docx"
    subprocess.run([sys.executable, "-m", "vbhc", "render", str(spec), "-o", str(cli)], check=True,
                   capture_output=True)
    page.click("#clear")
    assert page.input_value("#f-body") == ""
    page.set_input_files("#open-yaml", str(spec))
    page.wait_for_function("() => document.getElementById('f-body').value.startsWith('I. MỤC ĐÍCH')")
    wait_status(page, "Hợp lệ")
    with page.expect_download() as download:
        page.click("#download-docx")
    got = tmp_path / "form.docx"
    download.value.save_as(got)
    assert got.read_bytes() == cli.read_bytes()
