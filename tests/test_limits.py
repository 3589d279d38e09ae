"""Limits agree: what the model (and so ``vbhc validate``) accepts, ``vbhc render`` writes and
``vbhc check`` reads; what the checker would refuse, the model refuses first, naming the field.

The limits are named once in ``vbhc.limits``; the package reader's defaults are the same values.
"""

from __future__ import annotations

import io
import random
import zipfile
import zlib
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import make_document
from vbhc import limits
from vbhc.check import check
from vbhc.errors import FieldError, SpecError
from vbhc.model import (
    Appendix,
    Archive,
    Article,
    Chapter,
    Dash,
    Document,
    IssueDate,
    Issuer,
    Item,
    Mandate,
    Paragraph,
    Part,
    Plus,
    Point,
    Recipient,
    Section,
    Signature,
    Span,
    Text,
)
from vbhc.model.document import word_xml_estimate
from vbhc.nd30 import form_of
from vbhc.ooxml.package import DEFAULT_LIMITS, open_docx
from vbhc.readers.spec.reader import structure
from vbhc.writers.docx.writer import render_bytes

N = limits.MAX_TEXT_CHARS
# The model refuses at half the reader's limits: safe while the writer's XML stays within these factors
# of the estimate.
SIZE_MARGIN = limits.RATIO_MIN_BYTES / limits.ESTIMATED_RATIO_MIN_BYTES
RATIO_MARGIN = limits.MAX_RATIO / limits.MAX_ESTIMATED_RATIO
WORDS = ["các", "phòng", "ban", "ngành", "đoàn thể", "triển khai", "thực hiện", "bình đẳng", "giới", "năm",
         "2024", "xã", "Hoàng Kim", "kế hoạch", "báo cáo", "kết quả", "tuyên truyền", "phụ nữ", "trẻ em",
         "lao động", "việc làm"]


def prose(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def document_xml(docx: bytes) -> tuple[int, float]:
    """Size and compression ratio of word/document.xml, as the package reader measures them."""
    info = zipfile.ZipFile(io.BytesIO(docx)).getinfo("word/document.xml")
    return info.file_size, info.file_size / info.compress_size


def estimate(document: Document) -> tuple[int, float]:
    data = b"".join(word_xml_estimate(document).values())
    return len(data), len(data) / len(zlib.compress(data, 6))


def test_the_reader_limits_are_the_shared_ones() -> None:
    assert DEFAULT_LIMITS.max_paragraph_chars == limits.MAX_PARAGRAPH_CHARS
    assert DEFAULT_LIMITS.max_ratio == limits.MAX_RATIO
    assert DEFAULT_LIMITS.ratio_min_bytes == limits.RATIO_MIN_BYTES
    assert DEFAULT_LIMITS.max_member_bytes == limits.MAX_MEMBER_BYTES


# --------------------------------------------------------------------------------------------
# Length of one text


@pytest.mark.parametrize("make", [
    lambda t: Paragraph(t), lambda t: Dash(t), lambda t: Item(title=t), lambda t: Article(t),
    lambda t: make_document(place=t), lambda t: make_document(summary=t),
    lambda t: make_document(legal_bases=[t]), lambda t: Recipient(t),
    lambda t: Signature(position=t, name="A"),
    lambda t: Mandate("TM.", t), lambda t: Issuer(name=[t], abbreviation="UBND"),
    lambda t: Archive(units=[t]), lambda t: make_document(addressees=[t]),
])
def test_a_text_longer_than_the_limit_is_refused(make: Callable[[str], object]) -> None:
    make("x" * N)
    with pytest.raises(FieldError) as caught:
        make("x" * (N + 1))
    assert caught.value.expected == f"text of at most {N:,} characters"
    assert caught.value.found == f"{N + 1:,}"


def test_lists_printed_on_one_line_are_limited_in_all() -> None:
    half = "x" * (N // 2)
    Issuer(name=[half[:-1], half], abbreviation="UBND")  # joined by one space
    with pytest.raises(FieldError, match=r"^name: expected at most 50,000 characters in all"):
        Issuer(name=[half, half], abbreviation="UBND")
    with pytest.raises(FieldError, match=r"^units: expected at most 50,000 characters in all .*found 50,002"):
        Archive(units=[half, half])


def test_the_longest_document_the_model_accepts_is_read_by_the_checker() -> None:
    """Every field at the limit, in letters that triple in upper case: each printed line still fits."""
    rng = random.Random(5)
    triple = [c for c in map(chr, range(0x10000)) if len(c.upper()) == 3]
    full = lambda n=N: "".join(rng.choice(triple) for _ in range(n))  # noqa: E731
    half = N // 2 - 1
    document = Document(
        type="quyet-dinh", issuer=Issuer(name=[full(half), full(half)], abbreviation=full(), parent=[full()]),
        unit=full(), place=full(), date=IssueDate(2024, 3, 5), summary=full(), enacting_authority=full(),
        addressees=[full()], legal_bases=[full()],
        body=[Part(full(), [Item(full(), text=full(),
                                 children=[Point(full(), [Dash(full(), [Plus(full())])])])]),
              Chapter(full(), [Section(full(), [Article(full())])])],
        signatures=[Signature(position=full(), name=full(), mandates=[Mandate("TM.", full())])] * 2,
        recipients=[Recipient(full(), note=full())], archive=Archive(units=[full(half), full(half)]),
        appendices=[Appendix(full(), [Paragraph(full())])])
    paragraphs = open_docx(render_bytes(document)).document.iter("{*}p")
    longest = max(len("".join(p.itertext())) for p in paragraphs)  # what the checker's guard measures
    assert 3 * N <= longest <= limits.MAX_PARAGRAPH_CHARS


# --------------------------------------------------------------------------------------------
# The document as a whole: size and repetition


def _shape(blocks: Callable[[random.Random], list[Any]], **fields: Any) -> Callable[[], Document]:
    return lambda: make_document(body=blocks(random.Random(1)), **fields)


REFUSED = {
    "6,000 paragraphs of one letter": _shape(lambda r: [Paragraph("a")] * 6_000),
    "2,000 copies of one sentence": _shape(lambda r: [Paragraph(prose(r, 40))] * 2_000),
    "600 lines of x": _shape(lambda r: [Dash("x" * 1000)] * 600),
    "12 paragraphs at the length limit": _shape(lambda r: [Paragraph("ab" * (N // 2))] * 12),
    "alternating bold": _shape(lambda r: [Paragraph(Text([Span("a", bold=i % 2 == 0) for i in range(2000)]))]
                               * 8),
    "6,000 recipients": _shape(lambda r: [], recipients=[Recipient("Phòng Tư pháp")] * 6_000),
}
ACCEPTED = {
    "a long report of prose": _shape(lambda r: [Paragraph(prose(r, 40)) for _ in range(3_500)]),
    "12,000 numbered tasks": _shape(lambda r: [Dash(f"Việc số {i}: {prose(r, 2)}") for i in range(12_000)]),
}


@pytest.mark.parametrize("name", REFUSED)
def test_a_document_the_checker_would_refuse_is_refused_at_its_largest_field(name: str) -> None:
    with pytest.raises(FieldError) as caught:
        REFUSED[name]()
    assert caught.value.path == ("recipients" if "recipients" in name else "body")
    assert "possible zip bomb" in caught.value.expected


@pytest.mark.parametrize("name", ACCEPTED)
def test_a_large_document_the_model_accepts_is_read_by_the_checker(name: str) -> None:
    document = ACCEPTED[name]()
    docx = render_bytes(document)
    size, ratio = document_xml(docx)
    assert size > limits.RATIO_MIN_BYTES  # large enough for the zip-bomb rule to look at it
    assert ratio < limits.MAX_RATIO
    open_docx(docx)
    est_size, est_ratio = estimate(document)
    assert size <= est_size * SIZE_MARGIN and ratio <= est_ratio * RATIO_MARGIN


def test_a_document_over_the_size_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_ESTIMATED_BYTES", 2 * limits.MB)  # the rule, at a size a test can build
    rng = random.Random(2)
    with pytest.raises(FieldError, match=r"^body: expected a document of at most 2 MB of Word XML .*about"):
        make_document(body=[Paragraph(prose(rng, 60)) for _ in range(6_000)])


@pytest.mark.parametrize("name", REFUSED)
def test_the_estimate_is_no_smaller_and_no_less_repetitive_than_the_writer(
        name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_ESTIMATED_RATIO", float("inf"))  # build it, to compare
    document = REFUSED[name]()
    real_size, real_ratio = document_xml(render_bytes(document))
    est_size, est_ratio = estimate(document)
    assert real_size <= est_size * SIZE_MARGIN and real_ratio <= est_ratio * RATIO_MARGIN
    assert real_size <= est_size * 1.1 and real_ratio <= est_ratio * 1.1  # in fact much closer


# --------------------------------------------------------------------------------------------
# What validate accepts, render renders and check reads


CLEAN = "aăđêơư ễộ*\\<&;.-–+:()1IVXabc😀"
DIRTY = "\u200f\u061c\u2028\u200b\t\n"


def _mostly(good: st.SearchStrategy[Any], bad: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """``good`` about 19 times in 20, so that about half the specs are valid and the rest are not."""
    return st.sampled_from([True] * 19 + [False]).flatmap(lambda ok: good if ok else bad)


TEXT = _mostly(st.text(CLEAN, min_size=1, max_size=30).filter(str.strip), st.text(CLEAN + DIRTY, max_size=30))
MARKERS = st.sampled_from(["I. A", "1. B", "a) c", "- d", "+ e", "Điều 1. F", "Chương I. G", "Mục 1. H",
                           "  tiếp"])
LINES = st.lists(st.one_of(TEXT, MARKERS), min_size=1, max_size=8)
SIGNATURE = st.fixed_dictionaries({"position": TEXT, "name": TEXT})
SPECS = st.fixed_dictionaries({
    "type": st.sampled_from(["ke-hoach", "quyet-dinh", "cong-van", "Kế hoạch", "Ke\u0302\u0301 hoạch", "TB"]),
    "issuer": st.fixed_dictionaries({"name": st.lists(TEXT, min_size=1, max_size=2),
                                     "abbreviation": _mostly(st.just("UBND"), st.just("UB ND"))}),
    "place": TEXT, "date": _mostly(st.just("2024-03-05"), st.sampled_from(["2024-02-30", "03/2024"])),
    "summary": TEXT, "body": LINES.map("\n".join), "unit": st.just("VX"),
    "signatures": _mostly(st.lists(SIGNATURE, min_size=1, max_size=2),
                          st.lists(SIGNATURE, min_size=3, max_size=4)),
}, optional={"recipients": st.lists(TEXT, max_size=3), "archive": st.just({"copies": 2}),
             "secrecy": st.sampled_from(["MẬT", "MA\u0302\u0323T", "TỐI MẬT"])})


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(SPECS)
def test_what_validate_accepts_render_writes_and_check_reads(data: dict[str, Any]) -> None:
    try:
        document = structure(data)
    except SpecError as exc:
        assert exc.errors and all(str(e).count(": expected ") == 1 for e in exc.errors), exc
        return
    assert len(document.signatures) in form_of(document.type).signatures
    check(render_bytes(document))  # DocxReadError if the checker refused what the model accepted
