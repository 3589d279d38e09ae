"""Regenerate the generated parts of docs/check.md (the office seed's report, the rule table, a
JSON example) and of README.md (the same report, and the office seed imported and rendered again).

Run ``python tests/check/update_docs.py`` from the repository root after changing the checker;
``tests/check/test_docs.py`` fails while either is out of date.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "check.md"
README = ROOT / "README.md"
sys.path.insert(0, str(ROOT))

from tests.fixtures.office_seed import build_office_seed  # noqa: E402
from vbhc.check import RULES, check  # noqa: E402
from vbhc.check.rules import COMPONENTS  # noqa: E402


def report_block() -> str:
    report = check(build_office_seed(), name="office-seed.docx")
    command = "$ vbhc check office-seed.docx\n"
    return f"```text\n{command}{report.to_text()}$ echo $?\n{report.exit_code}\n```"


def rules_block() -> str:
    lines = ["| rule | severity | clause | what it checks | allowed |", "|---|---|---|---|---|"]
    for rule in RULES.values():
        expected = rule.expected.replace("|", "\\|")
        lines.append(f"| `{rule.id}` | {rule.severity.value} | {rule.clause} | {rule.description} "
                     f"| {expected} |")
    counts = {c: sum(1 for r in RULES.values() if r.component == c) for c in COMPONENTS}
    groups = "; ".join(f"{COMPONENTS[c]} {n}" for c, n in counts.items() if n)
    return f"{len(RULES)} rules ({groups}).\n\n" + "\n".join(lines)


def json_block() -> str:
    """The seed's JSON report, abridged to the numbering finding and one rule of each other list."""
    data = check(build_office_seed(), name="office-seed.docx").as_dict()
    data["findings"] = [f for f in data["findings"] if f["rule"] == "numbering.sequence"]
    data["not_evaluated"] = data["not_evaluated"][:1]
    data["not_applicable"] = data["not_applicable"][:1]
    return "```json\n" + json.dumps(data, ensure_ascii=False, indent=2) + "\n```"


def import_block() -> str:
    """The office seed imported: the original's check summary, the warnings, the spec's first lines, and
    the check report of the spec's render (README, "From an existing document")."""
    from vbhc.pipeline import import_document, render_bytes

    original = check(build_office_seed(), name="office-seed.docx")
    result = import_document(build_office_seed(), name="office-seed.docx")
    again = check(render_bytes(result.document), name="plan.docx")
    head = "".join(result.yaml.splitlines(keepends=True)[:22])
    warnings = "".join(f"vbhc: warning: {d}\n" for d in result.diagnostics)
    summary = "".join(original.to_text().splitlines(keepends=True)[:2])
    return ("```text\n$ vbhc check office-seed.docx | head -n 2\n" + summary
            + "$ vbhc import office-seed.docx -o plan.yaml\n" + warnings + "plan.yaml\n"
            + "$ head -n 22 plan.yaml\n" + head
            + "$ vbhc render plan.yaml -o plan.docx && vbhc check plan.docx\nplan.docx\n" + again.to_text()
            + f"$ echo $?\n{again.exit_code}\n```")


BLOCKS = {"report": report_block, "rules": rules_block, "json": json_block, "import": import_block}
# Which generated blocks each page carries.
PAGES = {DOC: ("report", "rules", "json"), README: ("report", "import")}


def render(text: str, names: tuple[str, ...] = PAGES[DOC]) -> str:
    """``text`` with every generated block in ``names`` replaced by its current content."""
    for name in names:
        make = BLOCKS[name]
        pattern = re.compile(rf"(<!-- generated:{name} -->\n).*?(<!-- /generated:{name} -->)", re.DOTALL)
        if not pattern.search(text):
            raise ValueError(f"no generated:{name} block")
        content = make() + "\n"
        text = pattern.sub(lambda m, c=content: m.group(1) + c + m.group(2), text)
    return text


if __name__ == "__main__":
    for page, names in PAGES.items():
        page.write_text(render(page.read_text(encoding="utf-8"), names), encoding="utf-8")
        print(page)
