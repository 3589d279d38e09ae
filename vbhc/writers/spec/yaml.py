"""Plain spec data as YAML text: deterministic, NFC, literal blocks for multi-line text."""

from __future__ import annotations

import unicodedata
from typing import Any

import yaml

__all__ = ["dump_yaml"]


class _Block(str):
    """A multi-line text, written as a literal block."""


class _Dumper(yaml.SafeDumper):
    def increase_indent(self, flow: bool = False, indentless: bool = False) -> Any:
        return super().increase_indent(flow, False)  # list items indented under their key, as typed


def _block(dumper: yaml.SafeDumper, value: _Block) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(value), style="|")


_Dumper.add_representer(_Block, _block)


def _prepared(value: Any) -> Any:
    if isinstance(value, str):
        text = unicodedata.normalize("NFC", value)
        return _Block(text.rstrip("\n") + "\n") if "\n" in text else text
    if isinstance(value, dict):
        return {k: _prepared(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_prepared(v) for v in value]
    return value


def dump_yaml(data: dict[str, Any], comment: str = "") -> str:
    """``data`` as YAML, its keys in their order, each top-level field after a blank line when it is
    a block; ``comment`` (lines) goes first, each line as a ``#`` comment."""
    head = "".join(f"# {line}".rstrip() + "\n" for line in comment.splitlines())
    parts = []
    for key, value in data.items():
        text = yaml.dump({key: _prepared(value)}, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                         width=1_000_000, default_flow_style=False)
        parts.append(text)
    out = ""
    for n, part in enumerate(parts):
        if n and (part.count("\n") > 1 or parts[n - 1].count("\n") > 1):
            out += "\n"
        out += part
    return head + out
