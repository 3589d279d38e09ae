"""Forms as data (vbhc/nd30/forms.py) and the regions a layout fills from them."""

from __future__ import annotations

import dataclasses

import attrs
import pytest

from tests.conftest import make_document
from vbhc import Appendix, Document, Issuer, Paragraph, Signature
from vbhc.errors import FieldError
from vbhc.layout import Layout, Regions, lay_out
from vbhc.model import Attachment, Copy, IssuanceNote, IssueDate
from vbhc.model.particulars import Agreement, Introduction, Invitation, Leave, Minutes, Party, Telegram
from vbhc.nd30 import DEFAULT_FORM, FORMS, DocumentType, Form, Region, Role, form_of, forms
from vbhc.writers.docx.writer import render_bytes

ISSUER = Issuer(name=["Ủy ban nhân dân", "xã Hoàng Kim"], abbreviation="UBND",
                parent=["UBND huyện Hoằng Hóa"], address="Thôn Trung, xã Hoàng Kim")
SIGNERS = [Signature(position="Thư ký", name="Lê Văn B"), Signature(position="Chủ tọa", name="Lê Văn A")]


# The particulars of each form of labelled fields, with every option on (Leave's confirmation box).
PARTICULARS = {
    "telegram": Telegram(sender="Chủ tịch", receivers=["Các thôn"]),
    "invitation": Invitation(invitees="Các thôn.", event="Hội nghị.", time="8 giờ.", venue="Hội trường."),
    "introduction": Introduction(person="Lê Văn C", sent_to="Huyện", purpose="Công tác.",
                                 valid_until=IssueDate(2024, 3, 31)),
    "minutes": Minutes(start="8 giờ", venue="Hội trường", participants=["Các thôn"], chair="Lê Văn A",
                       secretary="Lê Văn B", end="10 giờ"),
    "leave": Leave(request_date=IssueDate(2024, 3, 1), person="Lê Văn C", days=2,
                   start=IssueDate(2024, 3, 11), end=IssueDate(2024, 3, 12), place="Xã A",
                   counted_as="phép năm", confirmation=True),
    "agreement": Agreement(parties=[Party(name="Xã A", representative="Ông Lê Văn A"),
                                    Party(name="Hợp tác xã B", representative="Ông Lê Văn B")]),
}


def full(kind: DocumentType, attached: bool = False) -> Document:
    """A document of ``kind`` with something for every region any form has; ``attached``: with the
    text a quyết định issues (PL III, Mẫu 1.3)."""
    form = form_of(kind, attached=attached)
    particulars: dict[str, object] = ({form.particulars: PARTICULARS[form.particulars]} if form.particulars
                                      else {})
    if Region.ISSUANCE_NOTE in form.regions:
        particulars["issuance"] = IssuanceNote("PL", 300)
    if attached:
        particulars["attachment"] = Attachment("Quy chế", "Làm việc", [Paragraph("Một.")])
    return make_document(
        type=kind.value, unit="VP", issuer=ISSUER, secrecy="MẬT", urgency="KHẨN", draft=True,
        circulation="Lưu hành nội bộ",
        copy=Copy(kind="sao-y", number=5, date=IssueDate(2024, 3, 7), signature=SIGNERS[1]),
        addressees=["Các thôn"],
        enacting_authority="Chủ tịch Ủy ban nhân dân xã", legal_bases=["Căn cứ A"], signatures=SIGNERS,
        appendices=[Appendix("Danh sách", [Paragraph("Một.")])], **particulars)


def filled(layout: Layout) -> set[Region]:
    return {r for r in Region if getattr(layout, r.value) not in (None, ())}


def test_the_regions_type_has_one_field_per_region_in_reading_order() -> None:
    assert [f.name for f in attrs.fields(Regions)] == [r.value for r in Region]
    assert {f.name for f in attrs.fields(Layout)} == {r.value for r in Region} | {
        "form", "signature_images", "issuer_paths"}


def test_every_type_has_exactly_one_form() -> None:
    """One form per type; a quyết định that issues an attached text has a second (PL III, Mẫu 1.3)."""
    listed = [kind for form in FORMS if not form.has_attachment for kind in form.types]
    assert sorted(listed, key=list(DocumentType).index) == list(DocumentType)
    assert [(f.id, f.types) for f in FORMS if f.has_attachment] == [("1.3", (DocumentType.QUYET_DINH,))]
    assert DEFAULT_FORM in FORMS
    assert len({f.id for f in FORMS}) == len(FORMS)


def test_the_forms_state_what_the_decree_says() -> None:
    assert not form_of(DocumentType.CONG_VAN).has_type_line  # PL I, II.5.b: "V/v" instead
    assert Region.LETTER_SUMMARY in form_of(DocumentType.CONG_VAN).regions
    assert not form_of(DocumentType.BIEN_BAN).has_place_date  # PL III, Mẫu 1.9
    assert form_of(DocumentType.NGHI_QUYET).enacting_words == "QUYẾT NGHỊ:"  # PL III, Mẫu 1.1
    assert form_of(DocumentType.QUYET_DINH).enacting_words == "QUYẾT ĐỊNH:"  # PL III, Mẫu 1.2
    others = [f for f in FORMS if f.types[0] not in (DocumentType.NGHI_QUYET, DocumentType.QUYET_DINH)]
    assert all(f.enacting_words is None and Region.ENACTMENT not in f.regions for f in others)
    for form in FORMS:  # hợp đồng, bản ghi nhớ, bản thỏa thuận have no sample: their form is practice
        assert form.clause.startswith("PL III, Mẫu " + form.id if form.id != "practice" else "practice")
        assert (Role.PLACE_DATE in form.required_roles) == form.has_place_date
        assert (Role.LETTER_SUMMARY in form.required_roles) == (not form.has_type_line)
        assert (Role.DOCUMENT_TYPE_NAME in form.required_roles) == form.has_type_line


def test_a_form_is_checked_for_consistency() -> None:
    with pytest.raises(ValueError, match="enacting words"):
        dataclasses.replace(DEFAULT_FORM, enacting_words="QUYẾT ĐỊNH:")
    with pytest.raises(ValueError, match="V/v"):
        dataclasses.replace(DEFAULT_FORM, regions=DEFAULT_FORM.regions | {Region.LETTER_SUMMARY})


@pytest.mark.parametrize("form", FORMS, ids=lambda f: f.id)
def test_lay_out_fills_exactly_the_regions_of_the_form(form: Form) -> None:
    layout = lay_out(full(form.types[0], form.has_attachment))
    assert layout.form is form
    assert filled(layout) == form.regions


def test_lay_out_reads_the_form_not_the_type(monkeypatch: pytest.MonkeyPatch) -> None:
    """A kế hoạch given a form without a place and date, with enacting words, lays out that form."""
    changed = dataclasses.replace(DEFAULT_FORM, regions=DEFAULT_FORM.regions - {Region.PLACE_DATE}
                                  | {Region.ENACTMENT}, enacting_words="QUYẾT NGHỊ:")
    monkeypatch.setitem(forms._BY_TYPE, DocumentType.KE_HOACH, changed)
    layout = lay_out(full(DocumentType.KE_HOACH))
    assert layout.place_date is None
    assert layout.enactment is not None and layout.enactment.plain == "QUYẾT NGHỊ:"


def test_the_writer_lays_out_the_signatures_its_form_allows() -> None:
    seven = [Signature(position="Chủ tịch", name=f"Lê Văn {x}") for x in "ABCDEFG"]
    with pytest.raises(FieldError, match=r"^signatures: expected 1–6 signatures, as vbhc lays out PL III, "):
        make_document(signatures=seven)  # the model refuses first, naming the field
    document = make_document(signatures=seven[:6])
    object.__setattr__(document, "signatures", tuple(seven))  # past the model's validation
    with pytest.raises(Exception, match="at most 6 signatures; this document has 7"):
        render_bytes(document)
    assert 7 not in form_of(DocumentType.KE_HOACH).signatures


def _lines_in(value: object) -> int:
    if value is None:
        return 0
    if isinstance(value, tuple):
        return sum(_lines_in(x) for x in value)
    return len(list(value.items())) if hasattr(value, "items") else 1


def test_regions_map_and_items_cover_every_region() -> None:
    layout = lay_out(full(DocumentType.QUYET_DINH, attached=True))
    assert layout.attachment is not None
    texts = layout.map(lambda line: line.plain)
    assert type(texts) is Regions
    assert texts.items() == [line.plain for line in layout.all_lines()]
    assert len(layout.all_lines()) == sum(_lines_in(getattr(layout, r.value)) for r in Region)
    # The draft's mark first; the copy's block last, its Nơi nhận ending "- Lưu: VT." (PL III, Mẫu 3.1).
    assert layout.all_lines()[0].role is Role.DRAFT and layout.all_lines()[-1].plain == "- Lưu: VT."



def test_each_form_of_fields_names_a_document_field_and_has_a_layout_module() -> None:
    """A form's particulars are a Document field of their own class, laid out by one module."""
    from vbhc.layout.forms import FORM_TEXTS
    from vbhc.model.particulars import PARTICULARS as CLASSES

    with_fields = {f.particulars: f for f in FORMS if f.particulars}
    assert set(with_fields) == set(CLASSES) == set(PARTICULARS)
    document_fields = {a.name: a for a in attrs.fields(Document)}
    for name, form in with_fields.items():
        assert isinstance(PARTICULARS[name], CLASSES[name]) and name in document_fields
        assert form.id in FORM_TEXTS and form.words
    assert set(FORM_TEXTS) == {f.id for f in with_fields.values()}
    with pytest.raises(ValueError, match="particulars and words"):
        dataclasses.replace(DEFAULT_FORM, particulars="invitation")


@pytest.mark.parametrize("form", FORMS, ids=lambda f: f.id)
def test_what_vbhc_renders_of_each_form_vbhc_check_passes(form: Form) -> None:
    """Every region of the form filled (marks, boxes, appendix, copy, the attached text of Mẫu 1.3, an
    agreement's parties): the render has no error, and the checker holds it to the same form."""
    from vbhc.check import check, read_document
    from vbhc.recognise import recognise

    data = render_bytes(full(form.types[0], form.has_attachment))
    report = check(data)
    assert report.exit_code == 0, report.to_text()
    assert recognise(read_document(data)).form is form
