"""The form's Vietnamese labels and help, one per field of the spec (keyed by the schema's object and
property), with the decree's clause. ``tests/serve/test_form.py`` fails when the schema has a field
without one here, so a new model field is labelled before it reaches officers."""

from __future__ import annotations

from attrs import frozen

__all__ = ["LABELS", "Label"]


@frozen
class Label:
    text: str
    help: str = ""


_ = Label

# "" is the document itself; other keys are the schema's $defs.
LABELS: dict[str, dict[str, Label]] = {
    "": {
        "type": _("Loại văn bản", "Tên loại văn bản hành chính (Điều 7; PL III: mẫu trình bày)."),
        "issuer": _("Cơ quan ban hành", "Tên cơ quan, tổ chức ban hành văn bản, ô số 2 (PL I, II.2)."),
        "joint_issuers": _("Các cơ quan cùng ban hành",
                           "Văn bản liên tịch: mỗi cơ quan một đối tượng (nhập dạng JSON) (PL I, II.2.c)."),
        "place": _("Địa danh", "Địa danh nơi cơ quan đóng trụ sở, ô số 4 (PL I, II.4.a)."),
        "date": _("Ngày ban hành", "Ví dụ 2024-02-05 hoặc 05/02/2024; bỏ trống ngày (2024-02) để "
                                   "người ký điền (PL I, II.4.b)."),
        "summary": _("Trích yếu nội dung", "Một câu ngắn gọn phản ánh chủ đề văn bản, ô số 5b "
                                           "(PL I, II.5)."),
        "number": _("Số", "Để trống: văn thư điền số khi ban hành (PL I, II.3)."),
        "unit": _("Đơn vị soạn thảo", "Chữ viết tắt của đơn vị soạn thảo trong ký hiệu công văn, "
                                      "ví dụ VP (PL I, II.3.b)."),
        "secrecy": _("Độ mật", "Dấu chỉ độ mật, ô số 10a (PL I, III.2.a)."),
        "urgency": _("Độ khẩn", "Dấu chỉ mức độ khẩn, ô số 10b (PL I, III.2.b)."),
        "addressees": _("Kính gửi", "Nơi nhận của công văn, tờ trình: mỗi dòng một nơi (PL I, II.9.d)."),
        "enacting_authority": _("Thẩm quyền ban hành", "Của quyết định, nghị quyết: ví dụ \"Chủ tịch Ủy ban "
                                                       "nhân dân xã Hoàng Kim\" (PL III, Mẫu 1.1–1.3)."),
        "draft": _("Dự thảo", "Đánh dấu \"DỰ THẢO\" (hoặc \"DỰ THẢO LẦN 2\") trên đầu văn bản "
                              "(PL I, III.1)."),
        "circulation": _("Chỉ dẫn phạm vi lưu hành", "Ví dụ \"Lưu hành nội bộ\", ô số 11 (PL I, III.3)."),
        "issuance": _("Ký hiệu người đánh máy, số bản", "Ô số 12 (PL I, III.4)."),
        "legal_bases": _("Căn cứ ban hành", "Mỗi dòng một căn cứ, kết thúc bằng \";\" hoặc \".\" "
                                            "(PL I, II.6.b)."),
        "preamble": _("Mở đầu", "Các đoạn trước nội dung chính, mỗi dòng một đoạn (PL I, II.6)."),
        "body": _("Nội dung", "Gõ như trong Word: \"I.\" phần, \"1.\" khoản, \"a)\" điểm, \"-\" và \"+\", "
                              "\"Điều 1.\"; số thứ tự do vbhc tính theo vị trí (PL I, II.6.đ)."),
        "signatures": _("Người ký", "Quyền hạn, chức vụ và họ tên người ký, ô số 7 (PL I, II.7)."),
        "recipients": _("Nơi nhận", "Mỗi dòng một nơi nhận, ghi chú trong ngoặc: \"Phòng Tư pháp (b/c)\"; "
                                    "vbhc viết dấu \"-\", \";\", \".\" (PL I, II.9)."),
        "archive": _("Lưu", "Dòng \"Lưu: VT, đơn vị soạn thảo, số bản\" (PL I, II.9.b)."),
        "appendices": _("Phụ lục", "Các phụ lục kèm theo (nhập dạng JSON) (PL I, II.10)."),
        "telegram": _("Công điện", "Nơi gửi và nơi nhận của công điện (PL III, Mẫu 1.5)."),
        "invitation": _("Giấy mời", "Người được mời, nội dung, thời gian, địa điểm (PL III, Mẫu 1.7)."),
        "introduction": _("Giấy giới thiệu", "Người được giới thiệu và việc liên hệ (PL III, Mẫu 1.8)."),
        "minutes": _("Biên bản", "Thời gian, địa điểm, thành phần của cuộc họp (PL III, Mẫu 1.9)."),
        "leave": _("Giấy nghỉ phép", "Người nghỉ, số ngày, từ ngày, đến ngày (PL III, Mẫu 1.10)."),
        "copy": _("Bản sao", "SAO Y, SAO LỤC hoặc TRÍCH SAO kèm theo văn bản (PL III, Mẫu 3.1)."),
        "attachment": _("Văn bản ban hành kèm theo", "Quy chế, quy định … mà quyết định ban hành, trình bày "
                                                     "trên các trang sau phần ký (PL III, Mẫu 1.3)."),
        "agreement": _("Các bên", "Các bên của hợp đồng, bản ghi nhớ, bản thỏa thuận "
                                  "(thực tiễn; PL III không có mẫu)."),
    },
    "Attachment": {
        "type": _("Tên loại", "Ví dụ \"Quy chế\", \"Quy định\", \"Điều lệ\" (PL III, Mẫu 1.3)."),
        "summary": _("Trích yếu", "(PL III, Mẫu 1.3)."),
        "children": _("Nội dung", "Chương, mục, điều gõ như phần nội dung; số điều bắt đầu lại từ "
                                  "\"Điều 1.\" (PL III, Mẫu 1.3)."),
        "of": _("Cơ quan ban hành quyết định", "Khi khác cơ quan ban hành văn bản (PL III, Mẫu 1.3)."),
    },
    "Agreement": {
        "parties": _("Các bên", "Mỗi bên một đối tượng: name, role, representative, position … (nhập dạng "
                                "JSON) (thực tiễn; PL III không có mẫu)."),
    },
    "Issuer": {
        "name": _("Tên cơ quan", "Mỗi dòng một dòng in: \"Ủy ban nhân dân\" / \"xã Hoàng Kim\" "
                                 "(PL I, II.2.b)."),
        "abbreviation": _("Chữ viết tắt", "Trong ký hiệu văn bản, ví dụ UBND (PL I, II.3.b)."),
        "parent": _("Cơ quan chủ quản", "Cơ quan cấp trên trực tiếp, nếu có, mỗi dòng một dòng "
                                        "(PL I, II.2.a)."),
        "address": _("Địa chỉ", "In ở chân trang đầu của công văn, ô số 13 (PL I, III.5)."),
        "phone": _("Điện thoại", "Ô số 13 (PL I, III.5)."),
        "fax": _("Fax", "Ô số 13 (PL I, III.5)."),
        "email": _("Thư điện tử", "Ô số 13 (PL I, III.5)."),
        "website": _("Trang thông tin điện tử", "Ô số 13 (PL I, III.5)."),
    },
    "Signature": {
        "position": _("Chức vụ", "Ví dụ \"Chủ tịch\", \"Phó Chủ tịch\" (PL I, II.7.b)."),
        "name": _("Họ và tên", "Họ tên người ký, không ghi học hàm, học vị (PL I, II.7.c)."),
        "mandates": _("Quyền hạn", "Mỗi dòng một: \"TM. Ủy ban nhân dân\", \"KT. Chủ tịch\" "
                                   "(PL I, II.7.a; Điều 13)."),
        "image": _("Ảnh chữ ký", "Không dùng được qua trình duyệt: dùng vbhc render với tệp PNG "
                                 "(PL I, II.7.d)."),
    },
    "Archive": {
        "units": _("Đơn vị lưu", "Viết tắt đơn vị soạn thảo, sau \"VT\" (PL I, II.9.b)."),
        "copies": _("Số bản lưu", "(PL I, II.9.b)."),
    },
    "IssuanceNote": {
        "initials": _("Ký hiệu người đánh máy", "Chữ viết tắt tên người đánh máy (PL I, III.4)."),
        "copies": _("Số lượng bản phát hành", "(PL I, III.4)."),
    },
    "Telegram": {
        "sender": _("Cơ quan gửi điện", "(PL III, Mẫu 1.5)."),
        "receivers": _("Nơi nhận điện", "Mỗi dòng một nơi (PL III, Mẫu 1.5)."),
    },
    "Invitation": {
        "invitees": _("Người được mời", "(PL III, Mẫu 1.7)."),
        "event": _("Tới dự", "Nội dung cuộc họp, hội nghị (PL III, Mẫu 1.7)."),
        "chair": _("Chủ trì", "(PL III, Mẫu 1.7)."),
        "time": _("Thời gian", "(PL III, Mẫu 1.7)."),
        "venue": _("Địa điểm", "(PL III, Mẫu 1.7)."),
        "note": _("Ghi chú", "(PL III, Mẫu 1.7)."),
    },
    "Introduction": {
        "person": _("Người được giới thiệu", "(PL III, Mẫu 1.8)."),
        "position": _("Chức vụ", "(PL III, Mẫu 1.8)."),
        "sent_to": _("Được cử đến", "(PL III, Mẫu 1.8)."),
        "purpose": _("Về việc", "(PL III, Mẫu 1.8)."),
        "valid_until": _("Có giá trị đến hết ngày", "(PL III, Mẫu 1.8)."),
    },
    "Minutes": {
        "start": _("Thời gian bắt đầu", "(PL III, Mẫu 1.9)."),
        "venue": _("Địa điểm", "(PL III, Mẫu 1.9)."),
        "participants": _("Thành phần tham dự", "Mỗi dòng một người (PL III, Mẫu 1.9)."),
        "chair": _("Chủ trì", "(PL III, Mẫu 1.9)."),
        "secretary": _("Thư ký", "(PL III, Mẫu 1.9)."),
        "end": _("Thời gian kết thúc", "(PL III, Mẫu 1.9)."),
    },
    "Leave": {
        "request_date": _("Ngày đề nghị", "Ngày của đơn đề nghị nghỉ (PL III, Mẫu 1.10)."),
        "person": _("Người được nghỉ", "(PL III, Mẫu 1.10)."),
        "position": _("Chức vụ", "(PL III, Mẫu 1.10)."),
        "days": _("Số ngày nghỉ", "(PL III, Mẫu 1.10)."),
        "start": _("Từ ngày", "(PL III, Mẫu 1.10)."),
        "end": _("Đến ngày", "(PL III, Mẫu 1.10)."),
        "place": _("Nơi nghỉ", "(PL III, Mẫu 1.10)."),
        "counted_as": _("Tính vào", "Ví dụ \"nghỉ phép năm 2024\" (PL III, Mẫu 1.10)."),
        "confirmation": _("Xác nhận của cơ quan nơi nghỉ", "Thêm ô xác nhận (PL III, Mẫu 1.10)."),
    },
    "Copy": {
        "kind": _("Hình thức sao", "SAO Y, SAO LỤC hoặc TRÍCH SAO (PL I, Mục IV)."),
        "date": _("Ngày sao", "(PL III, Mẫu 3.1)."),
        "signature": _("Người ký bản sao", "(PL III, Mẫu 3.1)."),
        "number": _("Số bản sao", "(PL III, Mẫu 3.1)."),
        "issuer": _("Cơ quan sao", "Để trống: cơ quan ban hành (PL III, Mẫu 3.1)."),
        "place": _("Địa danh", "(PL III, Mẫu 3.1)."),
        "recipients": _("Nơi nhận bản sao", "Mỗi dòng một nơi (PL III, Mẫu 3.1)."),
    },
}
