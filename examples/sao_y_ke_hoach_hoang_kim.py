"""A sao y of the Hoàng Kim plan (PL III, Mẫu 3.1), made from the plan's own spec.

Run ``vbhc render examples/sao_y_ke_hoach_hoang_kim.py -o sao-y.docx``. The plan is read from
``ke-hoach-hoang-kim.yaml`` (with its profile), given the number and date it was issued with, and
copied: after its last line, below a full-width line, the commune's "SAO Y", its copy number
``Số: 05/SY-UBND``, the place and date of the copy, the deputy chairwoman's signature and a Nơi nhận
ending "- Lưu: VT." (PL I, Phần II, II).
"""

from pathlib import Path

import attrs

from vbhc import IssueDate, Mandate, Recipient, Signature, load
from vbhc.model import Copy

plan = load(Path(__file__).with_name("ke-hoach-hoang-kim.yaml"))

document = attrs.evolve(
    plan, number=5, date=IssueDate(2024, 3, 5),
    copy=Copy(
        kind="sao-y", number=5, date=IssueDate(2024, 3, 7),
        signature=Signature(position="Phó Chủ tịch", name="Nguyễn Thị Hồng",
                            mandates=[Mandate("TM.", "Ủy ban nhân dân"), Mandate("KT.", "Chủ tịch")]),
        recipients=[Recipient("Các thôn"), Recipient("Trạm Y tế xã")],
    ),
)
