"""A role is one record in vbhc/nd30/roles.py: the record is complete, and every table derived from
the records (template styles, formatting sizes, checker rules, fixes) covers exactly the roles."""

from __future__ import annotations

import io
import zipfile

import attrs
import pytest
from lxml import etree

from vbhc import nd30
from vbhc.check.fix import FIXABLE
from vbhc.check.rules import COMPONENTS, RULES, Severity
from vbhc.errors import FieldError
from vbhc.model.formatting import Formatting
from vbhc.nd30 import Role
from vbhc.nd30.roles import WORD_STYLES
from vbhc.ooxml.xml import w
from vbhc.writers.docx.template import ROLE_STYLE, STYLES, build_template

ROLES = list(Role)
SOURCES = ("PL I", "PL III", "practice:")


def _sourced(value: str | None) -> bool:
    return value is None or value.startswith(SOURCES)


@pytest.mark.parametrize("role", ROLES, ids=lambda r: r.value)
def test_every_record_is_complete(role: Role) -> None:
    record = role.record
    assert record.id == role.value
    assert record.typography is role.typography and record.typography.clause.startswith(SOURCES)
    assert record.vietnamese_name.strip() and record.group in COMPONENTS
    assert record.style in WORD_STYLES
    for flag in (record.body_paragraph, record.emphasis_allowed, record.align_warning, record.keep_with_next):
        assert _sourced(flag)
    if record.lower_case is not None:
        assert record.lower_case.min_letters > 0 and _sourced(record.lower_case.source)
        assert record.typography.case is nd30.Case.AS_TYPED


def test_role_ids_and_styles_are_unique() -> None:
    assert len({r.value for r in ROLES}) == len(ROLES)
    assert len({s.id for s in WORD_STYLES}) == len(WORD_STYLES)
    assert len({s.name for s in WORD_STYLES}) == len(WORD_STYLES)


def test_the_template_has_one_style_for_every_role_and_no_other() -> None:
    assert set(ROLE_STYLE) == set(ROLES)
    assert [spec.style for spec in STYLES] == list(WORD_STYLES)
    printed = [role for spec in STYLES for role in spec.roles]
    assert sorted(printed, key=ROLES.index) == ROLES  # each role in exactly one style
    assert all(spec.roles for spec in STYLES)  # no style without a role
    with zipfile.ZipFile(io.BytesIO(build_template())) as archive:
        styles = etree.fromstring(archive.read("word/styles.xml"))
    names = {s.get(w("styleId")): s.find(w("name")).get(w("val")) for s in styles.iter(w("style"))}
    for role in ROLES:
        assert names[ROLE_STYLE[role]] == role.record.style.name


def test_formatting_sets_the_size_of_every_role_with_a_range() -> None:
    fields = {f.name for f in attrs.fields(Formatting)}
    named = {r.record.size_field for r in ROLES} - {None}
    assert named <= fields
    # Every size of the formatting but the page number's belongs to some role.
    assert {f for f in fields if f.endswith("_pt")} - named == {"page_number_pt", "paragraph_spacing_pt"}
    default = Formatting()
    for role in ROLES:
        field = role.record.size_field
        assert default.size(role) == role.typography.default_size
        if field is None:
            assert role.typography.size.low == role.typography.size.high
            continue
        high = role.typography.size.high
        assert Formatting(**{field: high}).size(role) == high
        with pytest.raises(FieldError):
            Formatting(**{field: high + 1})


def test_the_checker_has_the_typography_rules_of_every_role_and_no_other() -> None:
    role_ids = {r.value for r in ROLES}
    typography_components = {rule_id.rpartition(".")[0] for rule_id in RULES
                             if rule_id.endswith((".bold", ".italic"))}
    size_only = {r.value for r in ROLES if r.record.size_only}  # a table's cells: only their size
    assert typography_components == role_ids - size_only | {"page-number"}
    assert {f"{r}.size" for r in size_only} <= set(RULES)
    for role in ROLES:
        record, t = role.record, role.typography
        if record.size_only:
            assert [x for x in RULES if x.startswith(f"{role.value}.")] == [f"{role.value}.size"]
            continue
        for prop in ("size", "bold", "italic", "align"):
            rule = RULES[f"{role.value}.{prop}"]
            assert rule.component == record.group
            assert rule.description.startswith(f"{record.vietnamese_name}: ")
            assert rule.clause == t.clause
        align = RULES[f"{role.value}.align"].severity
        assert (align is Severity.WARNING) == bool(record.align_warning)
        has_case = f"{role.value}.case" in RULES
        assert has_case == (t.case is nd30.Case.UPPER or record.lower_case is not None)


def test_the_fixer_fixes_the_type_of_every_role() -> None:
    for role in ROLES:
        if role.record.size_only:  # a table's cells: --fix leaves them as the author set them
            assert not {x for x in FIXABLE if x.startswith(f"{role.value}.")}
            continue
        assert {f"{role.value}.{p}" for p in ("size", "bold", "italic")} <= FIXABLE


HEADINGS = (Role.HEADING, Role.ITEM_TITLE, Role.ARTICLE, Role.DIVISION_LABEL, Role.DIVISION_TITLE,
            Role.APPENDIX_LABEL, Role.APPENDIX_TITLE, Role.ENACTMENT)


def test_headings_keep_with_the_next_line_in_their_template_style() -> None:
    with zipfile.ZipFile(io.BytesIO(build_template())) as archive:
        styles = etree.fromstring(archive.read("word/styles.xml"))
    kept = {s.get(w("styleId")) for s in styles.iter(w("style"))
            if s.find(f"{w('pPr')}/{w('keepNext')}") is not None}
    for role in ROLES:
        assert (role.record.keep_with_next is not None) == (ROLE_STYLE[role] in kept), role
    assert all(role.record.keep_with_next for role in HEADINGS)
    assert nd30.LAST_LINE_WITH_SIGNATURE is None or _sourced(nd30.LAST_LINE_WITH_SIGNATURE)
