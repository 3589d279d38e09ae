"""README › Examples indexes every example spec (scripts/previews.py writes it, with page 1 of each
through LibreOffice): a spec added to examples/ or examples/copies/ without rerunning the script fails
here. The pictures' bytes are not compared (they are LibreOffice's); their names are."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


def previews() -> ModuleType:
    spec = importlib.util.spec_from_file_location("previews", ROOT / "scripts" / "previews.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def index_rows() -> dict[str, tuple[str, str]]:
    """spec path -> (form, picture path), read from the README's generated section."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("<!-- generated:examples -->", 1)[1].split("<!-- /generated:examples -->", 1)[0]
    rows = {}
    for line in section.splitlines():
        found = re.fullmatch(r'\| (.+?) \| \[[^]]+\]\(([^)]+)\) \| <a href="([^"]+)"><img src="\3" '
                             r'width="\d+" alt="page 1 of [^"]+"></a> \|', line)
        if found:
            rows[found.group(2)] = (found.group(1), found.group(3))
    return rows


def test_the_readme_indexes_every_example_spec() -> None:
    module = previews()
    expected = [p.relative_to(ROOT).as_posix() for p in module.specs()]
    assert len(expected) >= 10 and any("copies/" in p for p in expected)
    assert list(index_rows()) == expected


def test_each_row_names_its_form_and_its_picture() -> None:
    module = previews()
    rows = index_rows()
    for spec in module.specs():
        form, picture = rows[spec.relative_to(ROOT).as_posix()]
        assert re.match(r"Mẫu \d\.\d+ \(|.+ \(no Mẫu in PL III: ", form), form
        assert picture == f"docs/examples/{module.picture_name(spec)}"
    assert len({picture for _, picture in rows.values()}) == len(rows)  # one picture per example
