"""Inputs that grow, built by code: for the hostile-input tests and ``benchmarks/scaling.py``.

Each generator takes a size and returns bytes or text; nothing is stored on disk here. Sizes in the
comments are what issue 9 measured.
"""

from __future__ import annotations

import json
import random
import string

from tests.check.docx_fixtures import build_docx, para

# A body paragraph of each numbered kind in turn, so recognition, numbering and typography all run.
_BODY_CYCLE = ("I. PHẦN {}", "1. Khoản {};", "a) điểm {};", "- gạch {};", "Nội dung {}.")
_HEADER = ("ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
           "Số: 05/KH-UBND", "Hoàng Kim, ngày 05 tháng 3 năm 2024", "KẾ HOẠCH", "Tóm tắt")
_CLOSING = ("Nơi nhận:", "- A;", "- Lưu: VT.", "CHỦ TỊCH", "Lê Văn A")


def many_paragraphs_docx(n: int) -> bytes:
    """A .docx with ``n`` short body paragraphs and no fonts set, so most of them are findings.

    200,000 of them make a file of about 0.5 MB (issue 9: more than 300 s before the fix).
    """
    body = [para(_BODY_CYCLE[i % len(_BODY_CYCLE)].format(i)) for i in range(n)]  # numbers: no zip-bomb ratio
    return build_docx("".join(para(t) for t in _HEADER) + "".join(body) + "".join(para(t) for t in _CLOSING))


def numbering_start_docx(fmt: str, start: int, paragraphs: int = 3) -> bytes:
    """A .docx whose Word list (``w:numFmt`` ``fmt``) starts at ``start``, e.g. 2,000,000,000.

    Before the fix, lowerLetter at that start built a 77-million-letter label per paragraph (54 s, then
    MemoryError) and upperRoman a 2-million-"M" one (22 s).
    """
    numbering = (f'<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="{start}"/>'
                 f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')
    numbered = "".join(para(f"điểm {i};", '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>')
                       for i in range(paragraphs))
    return build_docx("".join(para(t) for t in _HEADER) + para("1. Khoản:") + numbered
                      + "".join(para(t) for t in _CLOSING), numbering=numbering)


def outline_items(n: int) -> str:
    """Outline text of ``n`` typed items under one part, numbered right, with a few letters drawn from a
    seeded generator each (so that the document is no zip bomb).

    200,000 items are 4.1 MB (issue 9: more than 300 s before the fix; 10,000 took 4.4 s).
    """
    draw = random.Random(n)
    lines = ["I. PHẦN MỘT"]
    lines += [f"{i}. Việc {''.join(draw.choices(string.ascii_lowercase, k=4))};" for i in range(1, n + 1)]
    return "\n".join(lines) + "\n"


def continuation_lines(n: int, per_paragraph: int = 0) -> str:
    """Outline text of ``n`` indented continuation lines (a letter each, drawn from a seeded generator so
    the text is no zip bomb): all under one paragraph, or a new paragraph every ``per_paragraph`` lines.

    1,500,000 of them are 4.5 MB (issue 9: more than 300 s before the fix). As one paragraph they are
    3 million characters, which the model refuses (vbhc.limits.MAX_TEXT_CHARS).
    """
    letters = random.Random(n).choices(string.ascii_lowercase[:16], k=n)
    out = []
    for i, letter in enumerate(letters):
        if i == 0 or (per_paragraph and i % per_paragraph == 0):
            out.append("Mở đầu\n")
        out.append(f" {letter}\n")
    return "".join(out)


def spec_json(body: str) -> str:
    """A complete JSON spec around an outline ``body``, ready for ``vbhc validate`` and ``render``."""
    spec = {
        "type": "ke-hoach",
        "issuer": {"name": ["Ủy ban nhân dân", "xã Hoàng Kim"], "abbreviation": "UBND"},
        "place": "Hoàng Kim",
        "date": {"year": 2024, "month": 3, "day": 5},
        "summary": "Tóm tắt",
        "body": body,
        "signatures": [{"position": "Chủ tịch", "name": "Lê Văn A"}],
    }
    return json.dumps(spec, ensure_ascii=False)
