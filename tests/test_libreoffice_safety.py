"""A hostile .odt or .rtf converted by vbhc (``as_docx``, as on a server: ``vbhc serve``'s upload) must
not make LibreOffice fetch a URL (SSRF: a linked image, an INCLUDEPICTURE field) nor pull a local file
into the .docx (a linked section, an INCLUDETEXT field), and the .docx vbhc reads back carries no
external relationship onward.

The hostile files are built here: an ODT is a zip (``mimetype`` stored first, ``content.xml``, the
manifest); the RTF is text. A local HTTP server started by the test counts requests; a local "secret"
file holds a marker that must not reach the output. Skipped where ``soffice`` is not installed.
"""

from __future__ import annotations

import http.server
import io
import re
import shutil
import threading
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from vbhc import libreoffice
from vbhc.libreoffice import LibreOffice, as_docx
from vbhc.ooxml.package import open_docx
from vbhc.ooxml.resolve import read_document

pytestmark = pytest.mark.skipif(shutil.which("soffice") is None and shutil.which("libreoffice") is None,
                                reason="LibreOffice (soffice) is not installed")

SECRET = "VBHC-SECRET-7f3a91"


class Server:
    """A local HTTP server on 127.0.0.1 that records every path asked of it and serves a small PNG."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        seen = self.requests

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                seen.append(self.path)
                body = PNG if self.path.endswith(".png") else f"{SECRET} fetched".encode()
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_HEAD(self) -> None:
                seen.append(self.path)
                self.send_response(200)
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.port}/{name}"


# A 1×1 PNG
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360000002000100ffff03000006000557bfabd40000000049454e44ae426082")


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    serving = Server()
    yield serving
    serving.httpd.shutdown()


@pytest.fixture(scope="module")
def secret(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("secret") / "secret.txt"
    path.write_text(f"{SECRET} from a local file\n", encoding="utf-8")
    return path


def odt(body: str) -> bytes:
    """An OpenDocument text whose body is ``body`` (office:text content)."""
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
        'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
        'xmlns:xlink="http://www.w3.org/1999/xlink" office:version="1.2">'
        f'<office:body><office:text>{body}</office:text></office:body></office:document-content>')
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        '</manifest:manifest>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")  # stored, first
        z.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        z.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def rtf_path(path: Path) -> str:
    return str(path).replace("\\", "\\\\")


def hostile_files(server: Server, secret: Path) -> dict[str, bytes]:
    """Each way a document can reach out: by name."""
    return {
        "odt linked section (local file)": odt(
            '<text:p>Before</text:p><text:section text:name="S1">'
            f'<text:section-source xlink:href="{secret.as_uri()}" xlink:type="simple"/>'
            '<text:p>placeholder</text:p></text:section><text:p>After</text:p>'),
        "odt linked section (URL)": odt(
            '<text:p>Before</text:p><text:section text:name="S1">'
            f'<text:section-source xlink:href="{server.url("section.txt")}" xlink:type="simple"/>'
            '<text:p>placeholder</text:p></text:section>'),
        "odt linked image (URL)": odt(
            '<text:p>Image: <draw:frame draw:name="I1" text:anchor-type="as-char" svg:width="1cm" '
            f'svg:height="1cm"><draw:image xlink:href="{server.url("odt.png")}" xlink:type="simple" '
            'xlink:show="embed" xlink:actuate="onLoad"/></draw:frame></text:p>'),
        "rtf INCLUDETEXT (local file)": (
            "{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Times New Roman;}}\\pard Before "
            f'{{\\field{{\\*\\fldinst INCLUDETEXT "{rtf_path(secret)}"}}{{\\fldrslt placeholder}}}}'
            "\\par After\\par}").encode(),
        "rtf INCLUDETEXT (URL)": (
            "{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Times New Roman;}}\\pard Before "
            f'{{\\field{{\\*\\fldinst INCLUDETEXT "{server.url("include.txt")}"}}{{\\fldrslt placeholder}}}}'
            "\\par}").encode(),
        "rtf INCLUDEPICTURE (URL)": (
            "{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Times New Roman;}}\\pard Image "
            f'{{\\field{{\\*\\fldinst INCLUDEPICTURE "{server.url("rtf.png")}" \\\\d}}{{\\fldrslt }}}}'
            "\\par}").encode(),
    }


CASES = ["odt linked section (local file)", "odt linked section (URL)", "odt linked image (URL)",
         "rtf INCLUDETEXT (local file)", "rtf INCLUDETEXT (URL)", "rtf INCLUDEPICTURE (URL)"]


def members(docx: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        return {name: z.read(name) for name in z.namelist()}


def assert_safe(docx: bytes, server: Server, named: set[str]) -> None:
    """The server got no request; no part carries the secret; an external relationship is at most one
    the hostile file itself named (nothing fetched, nothing new), and vbhc's reader follows none."""
    assert server.requests == [], f"LibreOffice asked the local server for {server.requests}"
    for name, data in members(docx).items():
        assert SECRET.encode() not in data, f"{name} carries the local file's or the server's text"
    package = open_docx(docx)
    for source in ("", package.main_part):
        for rel in package.relationships(source).values():
            assert not rel.external or rel.target in named, rel
    assert package.related(package.main_part, "image") == []  # the linked image is no part to read
    # what check and import read: the text, with a field's result and never its instruction
    text = read_document(package).body_text()
    assert "127.0.0.1" not in text and "secret" not in text and SECRET not in text


@pytest.mark.parametrize("case", CASES)
def test_a_hostile_file_fetches_nothing_and_carries_nothing_out(case: str, server: Server,
                                                                secret: Path) -> None:
    server.requests.clear()
    docx, kind = as_docx(hostile_files(server, secret)[case])
    assert kind is not None
    assert_safe(docx, server, {server.url("odt.png")})


def test_the_profile_alone_keeps_a_linked_image_unfetched(server: Server, secret: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Where the OS gives no network namespace, the profile's settings still block the fetch."""
    monkeypatch.setattr(libreoffice, "no_network_prefix", lambda: ())
    server.requests.clear()
    docx, _ = as_docx(hostile_files(server, secret)["odt linked image (URL)"])
    assert_safe(docx, server, {server.url("odt.png")})


def test_the_network_cut_alone_keeps_a_linked_image_unfetched(server: Server, secret: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the profile's settings, LibreOffice fetches the linked image (the control), unless it
    runs without network."""
    if not libreoffice.no_network_prefix():
        pytest.skip("this OS gives no unprivileged network namespace (unshare -rn)")
    monkeypatch.setattr(libreoffice, "SAFE_SETTINGS", ())
    monkeypatch.setattr(libreoffice, "_schema_declares", lambda soffice, name: False)
    hostile = hostile_files(server, secret)["odt linked image (URL)"]
    with monkeypatch.context() as bare:
        bare.setattr(libreoffice, "no_network_prefix", lambda: ())
        server.requests.clear()
        as_docx(hostile)
        assert server.requests == ["/odt.png"]  # the control: an unhardened LibreOffice fetches it
    server.requests.clear()
    docx, _ = as_docx(hostile)
    assert_safe(docx, server, {server.url("odt.png")})


def test_the_profile_is_hardened_before_the_first_run() -> None:
    with LibreOffice() as office:
        settings = (office.profile / "user" / "registrymodifications.xcu").read_text(encoding="utf-8")
    for path, prop, value in libreoffice.SAFE_SETTINGS:
        assert f'oor:path="{path}"' in settings and f'oor:name="{prop}"' in settings, (path, prop)
        assert f"<value>{value}</value>" in settings
    assert re.search(r'MacroSecurityLevel".*?<value>3</value>', settings, re.S)
    assert re.search(r'BlockUntrustedRefererLinks".*?<value>true</value>', settings, re.S)


def test_the_network_is_cut_where_the_os_allows_it() -> None:
    prefix = libreoffice.no_network_prefix()
    assert prefix == libreoffice.no_network_prefix()  # probed once, cached
    if prefix:
        assert prefix[0].endswith("unshare")


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads process states from /proc")
def test_a_timeout_still_ends_every_process_under_the_network_wrapper(tmp_path: Path) -> None:
    """``unshare`` execs the program, so the session killed on a timeout is still the converter's: a
    child it started (as ``soffice`` starts ``soffice.bin``) ends with it."""
    pidfile = tmp_path / "child.pid"
    fake = tmp_path / "soffice"
    fake.write_text(f"#!/bin/sh\nsleep 60 &\necho $! > {pidfile}\nwait\n", encoding="utf-8")
    fake.chmod(0o755)
    started = time.monotonic()
    with LibreOffice(str(fake)) as office, pytest.raises(libreoffice.ConversionError, match="did not finish"):
        office.convert_folder([tmp_path / "x.odt"], "docx", tmp_path / "out", timeout=1.0)
    assert time.monotonic() - started < 30  # not left waiting for the child
    child = int(pidfile.read_text())
    for _ in range(50):  # the orphan is reaped by init soon after it is killed
        state = Path(f"/proc/{child}/stat")
        if not state.exists() or state.read_text().split(") ")[1].startswith("Z"):
            break
        time.sleep(0.1)
    else:
        pytest.fail(f"the converter's child {child} outlived the timeout")
