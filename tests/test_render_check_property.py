"""What vbhc renders, vbhc check passes: a property test over generated specs of every form.

Hypothesis builds spec data (the dicts a YAML or JSON spec holds) for every :class:`vbhc.nd30.Form`,
with the variety the model allows: căn cứ, bodies of several levels (as explicit nodes or as outline
text), tables with header rows and merged cells, appendices (portrait or landscape, with and without a
title), marks (urgency, secrecy, draft, circulation), signature stacks (TM., KT., Q., TL., TUQ.), joint
issuers and one to six signers, Kính gửi, Nơi nhận, the issuance note, the issuer's contacts, and
Vietnamese text with its diacritics (and ``&``, ``<``, ``{{ }}``, which are data). Each spec goes
through the spec reader (what ``vbhc validate`` accepts), the writer (``vbhc render``) and the checker
(``vbhc check``), which must find no error.

One strategy per form, in :data:`FORM_SPECS` keyed by the form: a new form is a row there (the first
test fails until it has one). Runs are derandomized, so CI sees the same examples every time; a deeper
local run: ``VBHC_PROPERTY_PROFILE=deep pytest tests/test_render_check_property.py``.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import FORMATS
from vbhc import nd30
from vbhc.check import check
from vbhc.check.rules import Severity
from vbhc.nd30 import CopyKind, DocumentType, Form, Secrecy, Urgency, numbering
from vbhc.readers.spec.reader import structure
from vbhc.readers.spec.structure import BLOCKS_BY_KIND
from vbhc.writers.docx.template import Template, build_template
from vbhc.writers.docx.writer import render_bytes

settings.register_profile("ci", max_examples=25, deadline=None, derandomize=True, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("deep", max_examples=400, deadline=None, derandomize=False, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
# Applied to the test alone (settings.load_profile would change every other property test's defaults).
SETTINGS = settings.get_profile(os.environ.get("VBHC_PROPERTY_PROFILE", "ci"))

Spec = dict[str, Any]
Draw = Callable[[st.SearchStrategy[Any]], Any]

# --------------------------------------------------------------------------------------------
# Text: Vietnamese words with their diacritics, and characters that mean something elsewhere

# Words that may open a sentence: none is a marker of the outline; some open a label or a component
# elsewhere (a căn cứ, a type name, Nơi nhận), which in running text they do not.
OPENERS = ("Ủy ban", "Các thôn", "Phòng", "Hội", "Trạm Y tế", "Đoàn viên", "Người dân", "Tổ chức",
           "Đẩy mạnh", "Tăng cường", "Bảo đảm", "Nâng cao", "Triển khai", "Huy động", "Phối hợp", "Ưu tiên",
           "Kinh phí", "Mỗi thôn", "Ông", "Bà", "Lồng ghép", "Tuyên truyền",
           # words that open labels elsewhere, in running text
           "Chương trình", "Mục tiêu", "Phần lớn", "Điều chỉnh", "Số liệu", "Quyết định này", "Kế hoạch",
           "Phụ lục kèm theo", "Nơi nhận hồ sơ", "Thực hiện", "Theo đề nghị của thôn", "Căn cứ vào",
           "Lưu ý", "Thời gian", "Địa điểm", "Về việc", "Xem xong", "Dự thảo", "Sao y",
           "Khẩn trương", "Mật khẩu", "V/v", "TM.", "KT. Chủ tịch", "Chủ tịch", "CHỦ TỊCH", "UBND", "Độc lập")
WORDS = ("công tác", "bình đẳng giới", "xã Hoàng Kim", "thực hiện", "kế hoạch", "năm 2024", "phụ nữ",
         "trẻ em", "an toàn", "thôn Đông", "hiệu quả", "đồng bộ", "lao động", "việc làm", "ứng phó",
         "bạo lực", "cơ sở", "ngân sách", "tháng 6", "đúng hạn", "kịp thời", "“Địa chỉ tin cậy”",
         "(thôn Tây)", "Nghị định số 30/2020/NĐ-CP", "50%", "1.234,5", "A & B", "<b>", "{{ ten }}",
         "Quyết định số 12/QĐ-UBND", "huyện Hoằng Hóa", "tỉnh Thanh Hóa", "Mặt trận", "Đảng ủy", "đ",
         "ư", "ơ", "ỹ", "ặ", "ổ")
# Names and positions
NAMES = ("Lê Quang Thành", "Nguyễn Thị Hồng", "Trần Văn Đức", "Phạm Thị Ánh", "Hoàng Văn Ước",
         "Đặng Thị Yến", "Vũ Đình Khôi")
COLLECTIVES = ("Ủy ban nhân dân", "Hội đồng nhân dân", "Ban Thường trực", "Ban Chấp hành")
HEADS = ("Chủ tịch", "Giám đốc", "Trưởng ban")


@st.composite
def sentence(draw: Draw, *, end: str = ".", words: tuple[int, int] = (2, 10)) -> str:
    """A sentence that opens with a capital, in Vietnamese, ending with ``end`` ("" for a title)."""
    rest = draw(st.lists(st.sampled_from(WORDS), min_size=words[0], max_size=words[1]))
    text = " ".join((draw(st.sampled_from(OPENERS)), *rest))
    if draw(st.integers(0, 5)) == 0:  # some markup: a word in italics or bold
        mark = draw(st.sampled_from(("*", "**")))
        text = f"{text} {mark}{draw(st.sampled_from(('lưu ý', 'quan trọng', 'khẩn')))}{mark}"
    return text + end


TEXT = sentence()
TITLE = sentence(end="", words=(1, 6))
LINE = sentence(end="", words=(0, 4))  # a short one-line value (a venue, a sender)


def date(draw: Draw, *, blanks: bool = False) -> str:
    """A date as specs write it; ``blanks``: the day or month may be left for the signer."""
    day, month = draw(st.integers(1, 28)), draw(st.integers(1, 12))
    if blanks and draw(st.integers(0, 4)) == 0:
        return draw(st.sampled_from((f"2024-{month:02d}", "2024")))
    return draw(st.sampled_from((f"2024-{month:02d}-{day:02d}", f"{day:02d}/{month:02d}/2024")))


# --------------------------------------------------------------------------------------------
# Tables: header rows, merged cells, numbers, a total row


CELLS = st.one_of(st.sampled_from(("Thôn Đông", "Tuyên truyền", "Hội trường", "", "Ghi chú", "Đ/c Lan",
                                   "1.234,5", "12,5", "45%", "-3", "x & y", "Thuê hội trường\n*(02 buổi)*",
                                   "- Thôn Đông;\n- Thôn Tây.")), st.integers(0, 99999))


@st.composite
def table(draw: Draw) -> Spec:
    n = draw(st.integers(2, 6))
    spec: Spec = {"kind": "table"}
    header = draw(st.sampled_from(("none", "one", "two")))
    if header == "one":
        spec["header"] = [[draw(CELLS) for _ in range(n)]]
    elif header == "two":  # "STT" over two rows, a merged title over the other columns
        spec["header"] = [[{"text": "STT", "rowspan": 2}, {"text": "Kết quả", "colspan": n - 1}],
                          [draw(CELLS) for _ in range(n - 1)]]
    rows: list[list[Any]] = []
    while len(rows) < draw(st.integers(1, 5)):
        shape = draw(st.sampled_from(("plain", "plain", "colspan", "rowspan")))
        if shape == "colspan":
            k = draw(st.integers(2, n))
            rows.append([{"text": draw(CELLS), "colspan": k}, *(draw(CELLS) for _ in range(n - k))])
        elif shape == "rowspan":
            rows.append([{"text": draw(CELLS), "rowspan": 2}, *(draw(CELLS) for _ in range(n - 1))])
            rows.append([draw(CELLS) for _ in range(n - 1)])
        else:
            rows.append([draw(CELLS) for _ in range(n)])
    spec["rows"] = rows
    if draw(st.booleans()):
        spec["total"] = [{"text": "**Tổng cộng**", "colspan": n - 1}, draw(CELLS)]
    if draw(st.booleans()):
        spec["columns"] = [draw(st.sampled_from(({}, {"width_cm": 1.4, "align": "center"}, {"share": 0.15},
                                                 {"align": "right"}))) for _ in range(n)]
    return spec


# --------------------------------------------------------------------------------------------
# Bodies: a tree of blocks (parts, items, points, dashes, plus; or chapters, sections, articles)


def _node(kind: str, children: list[Spec] | None = None, **fields: Any) -> Spec:
    return {"kind": kind, **fields, **({"children": children} if children else {})}


@st.composite
def plus(draw: Draw) -> Spec:
    return _node("plus", text=draw(TEXT))


@st.composite
def dash(draw: Draw) -> Spec:
    return _node("dash", draw(st.lists(st.one_of(plus(), plus(), TEXT), max_size=2)), text=draw(TEXT))


@st.composite
def point(draw: Draw) -> Spec:
    return _node("point", draw(st.lists(st.one_of(dash(), dash(), TEXT), max_size=2)), text=draw(TEXT))


@st.composite
def item(draw: Draw, tables: bool) -> Spec:
    below = st.one_of(point(), dash(), st.just("paragraph"), *([table()] if tables else []))
    children = [_paragraph(draw) if c == "paragraph" else c for c in draw(st.lists(below, max_size=3))]
    if children and draw(st.booleans()):
        return _node("item", children, title=draw(TITLE))
    return _node("item", children, text=draw(TEXT))


def _paragraph(draw: Draw) -> str:
    return draw(TEXT)


def _no_point_after_item(children: list[Any]) -> list[Any]:
    """The model refuses a điểm after a khoản among the same children (it would read as the khoản's)."""
    out: list[Any] = []
    for child in children:
        if not (isinstance(child, dict) and child["kind"] == "point"
                and any(isinstance(c, dict) and c["kind"] == "item" for c in out)):
            out.append(child)
    return out


@st.composite
def part(draw: Draw, tables: bool) -> Spec:
    below = st.one_of(item(tables), point(), dash(), st.just("paragraph"), *([table()] if tables else []))
    children = _no_point_after_item([_paragraph(draw) if c == "paragraph" else c
                                     for c in draw(st.lists(below, min_size=1, max_size=4))])
    return _node("part", children, title=draw(TITLE))


@st.composite
def outline_body(draw: Draw, tables: bool = True) -> list[Any]:
    """A body of parts (alone or in phần, under each of which they start again from I.), or of items and
    paragraphs, as explicit nodes."""
    if draw(st.booleans()):
        if draw(st.integers(0, 3)) == 0:
            return [_node("division", draw(st.lists(part(tables), min_size=1, max_size=2)), title=draw(TITLE))
                    for _ in range(draw(st.integers(1, 2)))]
        return draw(st.lists(part(tables), min_size=1, max_size=3))
    below = st.one_of(item(tables), dash(), st.just("paragraph"))
    return [_paragraph(draw) if c == "paragraph" else c
            for c in draw(st.lists(below, min_size=1, max_size=4))]


@st.composite
def article(draw: Draw) -> Spec:
    below = st.one_of(item(tables=True), point(), dash(), st.just("paragraph"))
    children = _no_point_after_item([_paragraph(draw) if c == "paragraph" else c
                                     for c in draw(st.lists(below, max_size=3))])
    if children and draw(st.booleans()):
        return _node("article", children, title=draw(TITLE))
    if draw(st.booleans()):
        return _node("article", children, title=draw(TITLE), text=draw(TEXT))
    return _node("article", children, text=draw(TEXT))


@st.composite
def article_body(draw: Draw) -> list[Any]:
    """A body of articles, alone or in chapters (with or without sections)."""
    shape = draw(st.sampled_from(("articles", "chapters", "sections")))
    if shape == "articles":
        return draw(st.lists(article(), min_size=1, max_size=4))
    if shape == "chapters":
        return [_node("chapter", draw(st.lists(article(), min_size=1, max_size=3)), title=draw(TITLE))
                for _ in range(draw(st.integers(1, 2)))]
    return [_node("chapter", [_node("section", draw(st.lists(article(), min_size=1, max_size=2)),
                                    title=draw(TITLE)) for _ in range(draw(st.integers(1, 2)))],
                  title=draw(TITLE))]


def as_outline(blocks: list[Any]) -> str | None:
    """``blocks`` typed as outline text (vbhc.readers.spec.outline), or None when they hold what the
    outline cannot write (a table; a paragraph after a nested block, which the outline gives to it)."""
    lines: list[str] = []
    articles = [0]

    def write(nodes: list[Any], host: bool) -> bool:
        counts: dict[str, int] = {}
        nested = False
        for node in nodes:
            if isinstance(node, str):
                if nested or not host:
                    return False
                lines.append(node)
                continue
            kind = node["kind"]
            if kind == "table" or ("title" in node and "text" in node):
                return False
            counts[kind] = counts.get(kind, 0) + 1
            level = BLOCKS_BY_KIND[kind].level
            if level is numbering.Level.ARTICLE:  # numbered through the document
                articles[0] += 1
            marker = numbering.label(level, articles[0] if level is numbering.Level.ARTICLE else counts[kind])
            if kind in ("division", "chapter", "section"):  # the title on the next line
                lines.extend((marker, node["title"]))
            else:
                lines.append(f"{marker} {node.get('title') or node.get('text')}")
            hosts = ("part", "item", "article", "division", "chapter", "section")
            if not write(node.get("children", []), kind in hosts):
                return False
            nested = True
        return True

    return "\n".join(lines) if write(blocks, True) else None


@st.composite
def body(draw: Draw, articles: bool = False) -> Any:
    """A body as explicit nodes or, where it can be, as the outline text an officer types."""
    blocks = draw(article_body() if articles else outline_body())
    text = as_outline(blocks)
    return text if text is not None and draw(st.booleans()) else blocks


# --------------------------------------------------------------------------------------------
# The parts every form shares: header, marks, signatures, Nơi nhận, appendices, a copy


ISSUERS = (
    {"name": ["Ủy ban nhân dân", "xã Hoàng Kim"], "abbreviation": "UBND"},
    {"name": ["Hội đồng nhân dân", "xã Quảng Phú"], "abbreviation": "HĐND"},
    {"name": ["Phòng Giáo dục và Đào tạo"], "abbreviation": "PGDĐT",
     "parent": ["Ủy ban nhân dân", "huyện Hoằng Hóa"]},
)
JOINT = ({"name": ["Ủy ban Mặt trận Tổ quốc", "Việt Nam xã Hoàng Kim"], "abbreviation": "MTTQ"},
         {"name": ["Hội Liên hiệp Phụ nữ", "xã Hoàng Kim"], "abbreviation": "HPN"})
ADDRESSEES = ("Ủy ban nhân dân huyện Hoằng Hóa", "Các thôn", "Trạm Y tế xã", "Công an xã")
CONTACTS = {"address": "Thôn Trung, xã Hoàng Kim, huyện Hoằng Hóa", "phone": "0237 3868 001",
            "email": "ubnd@hoangkim.gov.vn", "website": "hoangkim.gov.vn"}


@st.composite
def signature(draw: Draw) -> Spec:
    """A signature with a quyền hạn stack the decree allows (nd30.signing), or none."""
    head, name = draw(st.sampled_from(HEADS)), draw(st.sampled_from(NAMES))
    collective = f"TM. {draw(st.sampled_from(COLLECTIVES))}"
    stacks = (
        ([], head), ([collective], head), ([collective, f"KT. {head}"], f"Phó {head}"),
        ([f"KT. {head}"], f"Phó {head}"), ([f"Q. {head}"], head), ([collective, f"Q. {head}"], head),
        ([f"TL. {head}"], "Chánh Văn phòng"), ([f"TL. {head}", "KT. Chánh Văn phòng"], "Phó Chánh Văn phòng"),
        ([f"TUQ. {head}"], "Trưởng phòng Nội vụ"), ([collective, f"TUQ. {head}"], "Trưởng phòng Nội vụ"),
    )
    mandates, position = draw(st.sampled_from(stacks))
    return {"position": position, "name": name, **({"mandates": mandates} if mandates else {})}


@st.composite
def recipients(draw: Draw) -> list[str]:
    names = ("Thường trực Đảng ủy xã", "Phòng Nội vụ huyện", "Các thôn", "Trạm Y tế xã", "Như trên",
             "Hội LHPN xã", "Ủy ban MTTQ xã")
    chosen = draw(st.lists(st.sampled_from(names), max_size=4, unique=True))
    return [n + draw(st.sampled_from(("", " (b/c)", " (t/h)"))) for n in chosen]


@st.composite
def appendix(draw: Draw, n: int) -> Spec:
    spec: Spec = {"children": draw(outline_body())}
    if draw(st.booleans()):
        spec["title"] = draw(TITLE)
    if draw(st.booleans()):
        spec["landscape"] = True
    if draw(st.integers(0, 3)) == 0:
        spec["of"] = "Chủ tịch Ủy ban nhân dân tỉnh Thanh Hóa"
    if draw(st.booleans()):
        spec["id"] = f"phu-luc-{n}"
    return spec


def legal_bases(draw: Draw) -> list[str]:
    bases = ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015",
             "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư",
             "Căn cứ Kế hoạch số 40/KH-UBND ngày 23/02/2024 của UBND huyện",
             "Theo đề nghị của Công chức Văn phòng - Thống kê", "Xét đề nghị của Trưởng thôn Đông")
    chosen = draw(st.lists(st.sampled_from(bases), min_size=1, max_size=4, unique=True))
    # typed with their punctuation, or without (vbhc writes ";" and "." and warns)
    if draw(st.booleans()):
        chosen = [b + (";" if i < len(chosen) - 1 else ".") for i, b in enumerate(chosen)]
    return chosen


@st.composite
def common(draw: Draw, form: Form, kind: DocumentType) -> Spec:
    """The fields every form takes: header, marks, signers, Nơi nhận, appendices, a copy."""
    issuer = dict(draw(st.sampled_from(ISSUERS)))
    if draw(st.booleans()):
        issuer.update(CONTACTS)
    spec: Spec = {"type": draw(st.sampled_from((kind.value, kind.type_name))), "issuer": issuer,
                  "place": "Hoàng Kim", "date": date(draw, blanks=True)}
    if draw(st.booleans()):
        spec["number"] = draw(st.integers(1, 999))
    joint = draw(st.integers(0, 2)) if form.signatures.high > 1 else 0
    if joint:
        spec["joint_issuers"] = list(JOINT[:joint])
    low, high = max(form.signatures.low, min(joint + 1, form.signatures.high)), form.signatures.high
    spec["signatures"] = [draw(signature()) for _ in range(draw(st.integers(low, high)))]
    if draw(st.integers(0, 2)) == 0:
        spec["urgency"] = draw(st.sampled_from([u.value for u in Urgency]))
    if draw(st.integers(0, 2)) == 0:
        spec["secrecy"] = draw(st.sampled_from([s.value for s in Secrecy]))
    if draw(st.integers(0, 3)) == 0:
        spec["draft"] = draw(st.sampled_from((True, 2)))
    if draw(st.integers(0, 3)) == 0:
        spec["circulation"] = draw(st.sampled_from(nd30.CIRCULATION_NOTES))
    if draw(st.integers(0, 2)) == 0:
        spec["issuance"] = {"initials": "VP", **({"copies": 30} if draw(st.booleans()) else {})}
    spec["recipients"] = draw(recipients())
    spec["archive"] = draw(st.sampled_from(({}, {"units": ["VP"]}, {"units": ["VHXH"], "copies": 3})))
    if draw(st.integers(0, 2)) == 0:
        spec["appendices"] = [draw(appendix(n)) for n in range(1, draw(st.integers(1, 2)) + 1)]
    if draw(st.integers(0, 5)) == 0:
        spec["copy"] = {"kind": draw(st.sampled_from([k.value for k in CopyKind])), "number": 5,
                        "date": "2024-12-07", "signature": draw(signature()),
                        "recipients": draw(recipients())}
    return spec


def titled(draw: Draw, spec: Spec, form: Form) -> None:
    if form.has_summary:
        spec["summary"] = draw(sentence(end="", words=(2, 12)))


# --------------------------------------------------------------------------------------------
# One strategy per form


@st.composite
def decision(draw: Draw, form: Form) -> Spec:
    """Mẫu 1.1, 1.2: the enacting authority, căn cứ and articles (Điều)."""
    spec = draw(common(form, draw(st.sampled_from(form.types))))
    titled(draw, spec, form)
    if draw(st.booleans()):
        spec["enacting_authority"] = "Chủ tịch Ủy ban nhân dân xã Hoàng Kim"
    if draw(st.integers(0, 3)):
        spec["legal_bases"] = legal_bases(draw)
    spec["body"] = draw(body(articles=True))
    return finish(draw, spec)


def finish(draw: Draw, spec: Spec) -> Spec:
    """What every form's text may end with: căn cứ typed at its head, a reference to an appendix."""
    typed_bases(draw, spec)
    ids = [a["id"] for a in spec.get("appendices", ()) if "id" in a]
    if ids and "body" in spec and draw(st.booleans()):
        line = f"Chi tiết tại {{appendix:{draw(st.sampled_from(ids))}}}."
        spec["body"] = (f"{spec['body']}\n{line}" if isinstance(spec["body"], str)
                        else [*spec["body"], line])
    return spec


def typed_bases(draw: Draw, spec: Spec) -> None:
    """Căn cứ typed at the head of the preamble or the body, as officers do (the reader moves them)."""
    if "body" not in spec:
        return
    where = draw(st.sampled_from(("none", "none", "preamble", "body")))
    if where == "none" or (where == "body" and spec.get("preamble")):
        return
    lines = legal_bases(draw)
    if where == "preamble":
        spec["preamble"] = "\n".join([*lines, *([spec["preamble"]] if spec.get("preamble") else [])])
    elif isinstance(spec["body"], str):
        spec["body"] = "\n".join([*lines, spec["body"]])
    else:
        spec["body"] = [*lines, *spec["body"]]


@st.composite
def named(draw: Draw, form: Form) -> Spec:
    """Mẫu 1.4: kế hoạch, báo cáo, tờ trình ...: a preamble, căn cứ, parts and items, tables."""
    spec = draw(common(form, draw(st.sampled_from(form.types))))
    titled(draw, spec, form)
    if draw(st.integers(0, 3)) == 0:
        spec["legal_bases"] = legal_bases(draw)
    if draw(st.booleans()):
        spec["preamble"] = "\n".join(draw(st.lists(TEXT, min_size=1, max_size=2)))
    if draw(st.integers(0, 3)) == 0:
        spec["addressees"] = draw(st.lists(st.sampled_from(ADDRESSEES), min_size=1, max_size=3, unique=True))
    spec["body"] = draw(body())
    return finish(draw, spec)


@st.composite
def letter(draw: Draw, form: Form) -> Spec:
    """Mẫu 1.5: a công văn: V/v, Kính gửi (one or several), the drafting unit."""
    spec = draw(common(form, DocumentType.CONG_VAN))
    titled(draw, spec, form)
    spec["unit"] = draw(st.sampled_from(("VP", "VHXH", "ĐC")))
    spec["addressees"] = draw(st.lists(st.sampled_from(ADDRESSEES), max_size=3, unique=True))
    spec["body"] = draw(body())
    return finish(draw, spec)


def particulars(make: Callable[[Draw], Spec]) -> Callable[[Form], st.SearchStrategy[Spec]]:
    """A strategy for a form of labelled fields (Mẫu 1.6-1.10): its particulars, or the whole text in
    the body (the model allows either)."""

    @st.composite
    def strategy(draw: Draw, form: Form) -> Spec:
        spec = draw(common(form, draw(st.sampled_from(form.types))))
        titled(draw, spec, form)
        assert form.particulars is not None
        if draw(st.integers(0, 4)):
            spec[form.particulars] = make(draw)
            if draw(st.booleans()):
                spec["body"] = draw(body())
        else:
            spec["body"] = draw(body())
        return finish(draw, spec)

    return strategy


def _telegram(draw: Draw) -> Spec:
    return {"sender": "Chủ tịch Ủy ban nhân dân xã Hoàng Kim",
            "receivers": draw(st.lists(st.sampled_from(("Trưởng các thôn", "Công an xã", "Trạm Y tế xã")),
                                       min_size=1, max_size=3, unique=True))}


def _invitation(draw: Draw) -> Spec:
    spec = {"invitees": draw(LINE), "event": draw(TEXT), "venue": draw(LINE),
            "time": "08 giờ 00, thứ Hai, ngày 10 tháng 6 năm 2024"}
    if draw(st.booleans()):
        spec["chair"] = "Ông Lê Quang Thành, Chủ tịch UBND xã"
    if draw(st.booleans()):
        spec["note"] = draw(TEXT)
    return spec


def _introduction(draw: Draw) -> Spec:
    spec = {"person": draw(st.sampled_from(NAMES)), "sent_to": draw(LINE), "purpose": draw(TEXT),
            "valid_until": date(draw)}
    if draw(st.booleans()):
        spec["position"] = "Công chức Văn hóa - Xã hội"
    return spec


def _minutes(draw: Draw) -> Spec:
    return {"start": "08 giờ 00, ngày 10 tháng 6 năm 2024", "venue": draw(LINE),
            "participants": draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=4, unique=True)),
            "chair": "Ông Lê Quang Thành, Chủ tịch UBND xã", "secretary": "Bà Nguyễn Thị Lan",
            "end": "10 giờ 30, ngày 10 tháng 6 năm 2024"}


def _leave(draw: Draw) -> Spec:
    spec = {"request_date": date(draw), "person": draw(st.sampled_from(NAMES)), "place": draw(LINE),
            "days": draw(st.integers(1, 30)), "start": "2024-07-08", "end": "2024-07-12",
            "counted_as": "nghỉ phép năm 2024", "confirmation": draw(st.booleans())}
    if draw(st.booleans()):
        spec["position"] = "Công chức Văn hóa - Xã hội"
    return spec


@st.composite
def minutes_form(draw: Draw, form: Form) -> Spec:
    """Mẫu 1.9: a biên bản, signed in person by its secretary and chair."""
    spec = draw(particulars(_minutes)(form))
    spec["signatures"] = [{"position": "Thư ký", "name": draw(st.sampled_from(NAMES))},
                          {"position": "Chủ tọa", "name": draw(st.sampled_from(NAMES))}]
    return spec


@st.composite
def attached(draw: Draw, form: Form) -> Spec:
    """Mẫu 1.3: a quyết định that issues a text (Quy chế, Quy định …) with its own title and articles."""
    spec = draw(decision(form))
    name = draw(st.sampled_from(nd30.ATTACHED_TEXT_NAMES))
    spec["summary"] = f"Ban hành {name} {draw(TITLE)}"
    spec["body"] = (f"Điều 1. Ban hành kèm theo Quyết định này {name} làm việc.\n"
                    "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.")
    blocks = draw(article_body())
    text = as_outline(blocks)
    spec["attachment"] = {"type": name, "summary": draw(TITLE),
                          "children": text if text is not None and draw(st.booleans()) else blocks}
    if draw(st.booleans()):
        spec["attachment"]["of"] = "Chủ tịch Ủy ban nhân dân xã Hoàng Kim"
    return finish(draw, spec)


def _agreement(draw: Draw) -> Spec:
    def party(name: str) -> Spec:
        spec = {"name": name, "representative": draw(st.sampled_from(NAMES))}
        for key, value in (("role", "Bên giao thầu"), ("position", "Chủ tịch"),
                           ("address", CONTACTS["address"]), ("phone", CONTACTS["phone"]),
                           ("tax_code", "2801234567"), ("account", "3700201")):
            if draw(st.booleans()):
                spec[key] = value
        return spec

    return {"parties": [party("Ủy ban nhân dân xã Hoàng Kim"), party("Hợp tác xã Dịch vụ nông nghiệp")]}


@st.composite
def agreement_form(draw: Draw, form: Form) -> Spec:
    """Hợp đồng, bản ghi nhớ, bản thỏa thuận (practice): two parties, each signing in person; no Nơi
    nhận nor ô 12 under it."""
    spec = draw(particulars(_agreement)(form))
    spec.pop("issuance", None)
    spec["recipients"] = []
    spec["signatures"] = [{"position": draw(st.sampled_from(HEADS)), "name": draw(st.sampled_from(NAMES))}
                          for _ in range(2)]
    if draw(st.booleans()):
        spec["legal_bases"] = legal_bases(draw)
    return spec


FORM_SPECS: dict[Form, Callable[[Form], st.SearchStrategy[Spec]]] = {
    nd30.forms.MAU_1_1: decision,
    nd30.forms.MAU_1_2: decision,
    nd30.forms.MAU_1_3: attached,
    nd30.forms.MAU_1_4: named,
    nd30.forms.MAU_1_5: letter,
    nd30.forms.MAU_1_6: particulars(_telegram),
    nd30.forms.MAU_1_7: particulars(_invitation),
    nd30.forms.MAU_1_8: particulars(_introduction),
    nd30.forms.MAU_1_9: minutes_form,
    nd30.forms.MAU_1_10: particulars(_leave),
    nd30.forms.AGREEMENT: agreement_form,
}


# --------------------------------------------------------------------------------------------
# The property


def test_every_form_has_a_strategy() -> None:
    assert set(FORM_SPECS) == set(nd30.FORMS), "add a strategy for the new form to FORM_SPECS"




@functools.cache
def template(name: str) -> Template | None:
    fmt = FORMATS[name]
    return Template(build_template(fmt)) if fmt is not None else None


def render_and_check(spec: Spec, template_name: str = "built-in") -> None:
    """Read ``spec`` as ``vbhc validate`` does, render it, and check the bytes: no error."""
    document = structure(spec)  # raises SpecProblems listing every error: validate must accept it
    report = check(render_bytes(document, template(template_name)), name="generated")
    errors = [f for f in report.findings if f.severity is Severity.ERROR]
    assert not errors, report.to_text()
    assert report.document_type == document.type.value


@pytest.mark.parametrize("form", nd30.FORMS, ids=lambda f: f"mau-{f.id}")
def test_what_vbhc_renders_vbhc_check_passes(form: Form) -> None:
    @SETTINGS
    @given(FORM_SPECS[form](form), st.sampled_from(list(FORMATS)))
    def run(spec: Spec, template_name: str) -> None:
        render_and_check(spec, template_name)

    run()
