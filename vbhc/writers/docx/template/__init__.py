"""The Word template that defines the look: page set-up, styles, page-number header.

``templates/nd30/base.docx`` is built by :func:`build_template` from
:class:`~vbhc.model.formatting.Formatting`
(``python scripts/build_templates.py``); an office may build its own with other values within the
decree's ranges (``vbhc template``), or edit one in Word. :class:`Template` loads any of them and
tells the writer which style to use for each role and how wide each style's text is.

Building one is :mod:`.build`, loading one is :mod:`.load`; this package exports both sides.
"""

from vbhc.writers.docx.template.build import (
    PAGE_NUMBER_STYLE,
    ROLE_STYLE,
    RULE_STYLE,
    STYLES,
    StyleSpec,
    build_template,
    core_properties,
    section_properties,
)
from vbhc.writers.docx.template.load import (
    TEMPLATE_NAME,
    StyleLook,
    Template,
    decree_problems,
    default_template,
    default_template_path,
)

__all__ = ["PAGE_NUMBER_STYLE", "ROLE_STYLE", "RULE_STYLE", "STYLES", "TEMPLATE_NAME", "StyleLook",
           "StyleSpec", "Template", "build_template", "core_properties", "decree_problems",
           "default_template", "default_template_path", "section_properties"]
