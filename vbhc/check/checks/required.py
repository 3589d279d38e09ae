"""The components every document needs: one finding for each one not recognised."""

from __future__ import annotations

from vbhc import nd30
from vbhc.check.checks.core import Context


def check_type(ctx: Context) -> bool:
    """Whether the document is one of the types of Art. 7: not an administrative document at all (one
    finding in place of every component missing), or one whose type was not recognised."""
    rec = ctx.rec
    if not rec.is_administrative:
        found = ", ".join(rec.anchors) or "none"
        ctx.add("document.type", f"not an administrative document (of its components only: {found})")
        ctx.na("components.required", "not an administrative document")
        return False
    if rec.document_type is None:
        ctx.add("document.type", "type not recognised: no tên loại of Art. 7 under the header, and no "
                                 '"V/v" of a công văn')
    ctx.ok("document.type")
    return True


def check_required(ctx: Context) -> None:
    if not check_type(ctx):
        return
    rec = ctx.rec
    missing: list[str] = []
    if rec.national_title is None:
        missing.append("Quốc hiệu")
    if rec.motto is None:
        missing.append("Tiêu ngữ")
    if not rec.issuer:
        missing.append("tên cơ quan ban hành")
    if rec.number is None:
        missing.append('số, ký hiệu ("Số:")')
    if rec.place_date is None and rec.form.has_place_date:
        missing.append("địa danh, ngày tháng")
    if not rec.form.has_type_line:
        if rec.letter_summary is None:
            missing.append('trích yếu "V/v"')
    elif rec.type_name is None and rec.document_type is not None:
        missing.append("tên loại")
    elif not rec.summary and nd30.Region.SUMMARY in rec.form.regions:  # none in PL III, Mẫu 1.8, 1.10
        missing.append("trích yếu")
    if not rec.signatures:
        missing.append("chữ ký (quyền hạn, chức vụ)")
    elif any(s.name is None for s in rec.signatures):
        missing.append("họ tên người ký")
    if rec.recipients_heading is None and nd30.Region.RECIPIENTS in rec.form.regions:  # none in an agreement
        missing.append('"Nơi nhận:"')
    for what in missing:
        ctx.add("components.required", "missing", expected=what, merge=False)
    ctx.ok("components.required")
