"""Templates made by an earlier vbhc: the styles of roles added since are added when they load.

An office's template (``vbhc template``, or one edited in Word) made by vbhc 0.1.0 has none of the
styles of the roles added since (the draft mark, the giấy nghỉ phép confirmation, tables, the urgency
stamp, boxes 11-13, the copy's block, the lead-in and receivers of Mẫu 1.6 and 1.8). Rather than
refusing it, :func:`add_later_styles` adds the
missing ones with the decree's default look (:class:`~vbhc.model.formatting.Formatting`), to the styles
the template is read with and to the styles part copied into every render.
"""

from __future__ import annotations

from vbhc.model.formatting import Formatting
from vbhc.nd30 import Role
from vbhc.ooxml.build import to_bytes, w
from vbhc.ooxml.sanitise import TemplateParts

# The styles of roles added after templates were first made (vbhc 0.1.0). A role added later is
# listed here, so that offices' templates keep working.
LATER_ROLES = (Role.DRAFT, Role.CONFIRMATION, Role.TABLE_HEADER, Role.TABLE_CELL, Role.URGENCY,
               Role.CIRCULATION, Role.ISSUANCE_NOTE, Role.CONTACT, Role.COPY_KIND, Role.LEAD_IN,
               Role.RECEIVER)
LATER_STYLES = frozenset(role.record.style.id for role in LATER_ROLES)


def add_later_styles(look: TemplateParts) -> None:
    """Give ``look`` the :data:`LATER_STYLES` its styles lack, in the default look."""
    from vbhc.writers.docx.template.build import STYLES, _style  # the template builder's own style

    assert look.styles is not None
    have = {s.get(w("styleId")) for s in look.styles.iter(w("style"))}
    missing = [spec for spec in STYLES if spec.style_id in LATER_STYLES - have]
    if not missing:
        return
    for spec in missing:
        look.styles.append(_style(spec, Formatting()))
    look.related[:] = [(rid, kind, to_bytes(look.styles) if kind == "styles" else data)
                       for rid, kind, data in look.related]
