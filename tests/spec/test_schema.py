"""The JSON Schema is generated from the model, committed for editors, and agrees with the loader."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from tests.conftest import EXAMPLES, ROOT
from vbhc.nd30 import DocumentType
from vbhc.readers.spec.reader import read
from vbhc.readers.spec.schema import PROFILE_SCHEMA_FILE, SCHEMA_FILE, profile_schema, spec_schema
from vbhc.readers.spec.starters import starter

SCHEMA_DIR = ROOT / "schema"
SPECS = sorted(p for p in EXAMPLES.glob("*") if p.suffix in (".json", ".yaml", ".yml"))
PROFILES = sorted((EXAMPLES / "profiles").glob("*.yaml"))


def validator(schema: dict[str, Any]) -> jsonschema.Draft202012Validator:
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


SPEC = validator(spec_schema())
PROFILE = validator(profile_schema())


def data_of(path: Path) -> Any:
    text = path.read_text(encoding="utf-8")
    # editors read YAML 1.2 (dates stay text); PyYAML would make 2024-03-05 a date
    return json.loads(text) if path.suffix == ".json" else yaml.load(text, Loader=_Yaml12)


class _Yaml12(yaml.SafeLoader):
    pass


_Yaml12.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


@pytest.mark.parametrize(("name", "make"), [(SCHEMA_FILE, spec_schema),
                                            (PROFILE_SCHEMA_FILE, profile_schema)])
def test_committed_schema_is_the_generated_one(name: str, make: Any) -> None:
    committed = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
    option = "--profile " if "profile" in name else ""
    assert committed == make(), f"the model changed; run: vbhc schema {option}-o schema/{name}"


def test_every_example_carries_its_schema_link() -> None:
    assert SPECS and PROFILES
    for path in SPECS:
        if path.suffix == ".json":
            assert data_of(path)["$schema"] == "../schema/vbhc.schema.json"
        else:
            first = path.read_text(encoding="utf-8").splitlines()[0]
            assert first == "# yaml-language-server: $schema=../schema/vbhc.schema.json"
    for path in PROFILES:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../../schema/vbhc-profile.schema.json"
    for path in (*SPECS, *PROFILES):  # the links resolve to the committed files
        link = path.read_text(encoding="utf-8").split("$schema", 1)[1].split("json", 1)[0]
        target = link.lstrip('=": ') + "json"
        assert (path.parent / target).resolve().is_file(), target


@pytest.mark.parametrize("path", SPECS, ids=lambda p: p.name)
def test_every_example_validates(path: Path) -> None:
    errors = [f"{list(e.absolute_path)}: {e.message[:200]}" for e in SPEC.iter_errors(data_of(path))]
    assert errors == []
    assert read(path).errors == []


@pytest.mark.parametrize("path", PROFILES, ids=lambda p: p.name)
def test_every_profile_validates(path: Path) -> None:
    assert [e.message for e in PROFILE.iter_errors(data_of(path))] == []


@pytest.mark.parametrize("kind", [t.value for t in DocumentType])
def test_every_starter_validates(kind: str) -> None:
    assert list(SPEC.iter_errors(yaml.load(starter(kind), Loader=_Yaml12))) == []


def test_the_schema_describes_all_29_types() -> None:
    options = spec_schema()["properties"]["type"]["anyOf"]
    slugs = {o["const"]: o["description"] for o in options if not o["description"].startswith("=")}
    assert len(DocumentType) == 29 and set(slugs) == {t.value for t in DocumentType}
    assert slugs["ke-hoach"] == "Kế hoạch (KH)" and slugs["cong-van"] == "Công văn"
    assert spec_schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_blocks_are_one_of_by_kind_with_strings_for_paragraphs() -> None:
    schema = spec_schema()
    body = schema["properties"]["body"]["anyOf"]
    assert body[0]["type"] == "string"  # outline text
    kinds = body[1]["items"]["oneOf"]
    assert kinds[0]["description"] == "a paragraph"
    assert [k["$ref"] for k in kinds[1:]] == [f"#/$defs/{n}" for n in (
        "Division", "Chapter", "Section", "Article", "Part", "Item", "Point", "Dash", "Plus", "Paragraph",
        "Table")]
    assert schema["$defs"]["Part"]["properties"]["kind"] == {"const": "part"}
    assert schema["$defs"]["Part"]["description"].startswith("A top division")
    preamble = schema["properties"]["preamble"]["anyOf"][1]["items"]["oneOf"]
    assert [k.get("$ref") for k in preamble] == [None, "#/$defs/Paragraph"]


def minimal(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "type": "bao-cao", "issuer": {"name": ["Ủy ban nhân dân"], "abbreviation": "UBND"},
        "place": "Hoàng Kim", "date": "2024-03-05", "summary": "Kết quả", "body": "Nội dung.",
        "signatures": [{"position": "Chủ tịch", "name": "Lê A"}]}
    for key, value in changes.items():
        if value is ...:
            data.pop(key)
        else:
            data[key] = value
    return data


def test_a_minimal_spec_and_a_profile_spec_validate() -> None:
    assert list(SPEC.iter_errors(minimal())) == []
    with_profile = {"profile": "p.yaml", "type": "ke-hoach", "date": "2024-02", "summary": "S"}
    assert list(SPEC.iter_errors(with_profile)) == []


@pytest.mark.parametrize("changes", [
    {"type": "ke-hoch"}, {"type": 5}, {"number": 0}, {"number": "5"}, {"number": 2.5}, {"place": ""},
    {"place": "   "}, {"place": "a\u200fb"}, {"place": "a\nb"}, {"summary": ...}, {"issuer": ...},
    {"sumary": "x"}, {"issuer": {"nam": ["x"], "abbreviation": "UBND"}}, {"date": "ngày mai"},
    {"date": {"year": 2024, "mon": 2}}, {"body": 5}, {"body": [{"kind": "prt", "title": "A"}]},
    {"body": [{"title": "A"}]}, {"body": [{"kind": "item"}]},
    {"body": [{"kind": "article", "title": "A", "children": [{"kind": "plus", "text": "x"}]}]},
    {"preamble": [{"kind": "dash", "text": "x"}]}, {"signatures": [{"position": "Chủ tịch"}]},
    {"signatures": [{"position": "Chủ tịch", "name": "A", "mandates": ["XX. Foo"]}]},
    {"secrecy": "TOP"}, {"archive": {"copies": 0}}, {"recipients": [{"name": "X", "nota": "b/c"}]},
    {"summary": [{"txt": "x"}]}, {"signatures": ...},
])
def test_the_schema_rejects_bad_specs(changes: dict[str, Any]) -> None:
    assert list(SPEC.iter_errors(minimal(**changes))), f"accepted: {changes}"


def test_the_schema_rejects_a_bad_profile() -> None:
    assert list(PROFILE.iter_errors({"summary": "x"}))
    assert list(PROFILE.iter_errors({"signers": {"ct": {"position": "Chủ tịch"}}}))
    assert list(PROFILE.iter_errors({"template": "mau.dotx"}))
