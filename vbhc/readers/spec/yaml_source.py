"""YAML specs and profiles: parsed with PyYAML's safe loader, aliases refused, with the line of every key.

Split from :mod:`vbhc.readers.spec.source` so that a JSON spec never imports PyYAML (``vbhc render
plan.json`` starts faster); :func:`vbhc.readers.spec.source.parse_text` imports it for YAML only.
"""

from __future__ import annotations

from typing import Any

import yaml

from vbhc.diagnostics import Path
from vbhc.errors import SpecError
from vbhc.readers.spec.source import Parsed

__all__ = ["parse_yaml"]


class _NoAliasLoader(yaml.SafeLoader):
    """Safe YAML that refuses aliases (``*name``) and keeps impossible dates as text.

    ``2024-02-30`` stays the string it is, so the spec's date check can say what is wrong with it.
    """

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> Any:  # type: ignore[override]
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise SpecError("", message=f"{event.start_mark.line + 1}: YAML aliases (*name) are not "
                                        "accepted in specs; write the value out (and quote text that "
                                        "starts with '*')")
        return super().compose_node(parent, index)


_NoAliasLoader.add_constructor("tag:yaml.org,2002:timestamp", _NoAliasLoader.construct_yaml_timestamp)


def _yaml_hint(exc: yaml.MarkedYAMLError) -> str:
    problem = exc.problem or ""
    if "unhashable" in problem or "flow mapping" in (exc.context or ""):
        return " (text that starts with '{' or '[' must be in quotes)"
    if "could not determine a constructor" in problem:
        return " (YAML tags such as !!python/... are not accepted: a spec is data)"
    if "mapping values are not allowed" in problem:
        return " (check the indentation, or quote text that contains ': ')"
    return ""


def parse_yaml(text: str, source: str) -> Parsed:
    loader = _NoAliasLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except SpecError as exc:
        line, _, message = exc.detail.partition(": ")
        raise SpecError(f"{source}:{line}", message=message) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{source}:{mark.line + 1}:{mark.column + 1}" if mark else source
        problem = exc.problem or exc.context or "unreadable"
        context = exc.context_mark
        if exc.problem and exc.context and context is not None and mark is not None \
                and context.line != mark.line:
            problem += f" ({exc.context} started on line {context.line + 1})"
        raise SpecError(where, message=f"malformed YAML: {problem}{_yaml_hint(exc)}") from None
    except (yaml.YAMLError, ValueError, TypeError) as exc:
        raise SpecError(source, message=f"malformed YAML: {exc}") from None
    finally:
        loader.dispose()
    parsed = Parsed(source, data)
    if node is not None:
        _yaml_positions(node, (), parsed)
    return parsed


def _yaml_positions(node: yaml.Node, path: Path, parsed: Parsed) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else "?"
            child = (*path, key)
            line = key_node.start_mark.line + 1
            if key in seen:
                parsed.duplicates.append((child, line, seen[key]))
            seen[key] = line
            parsed.lines[child] = line
            _yaml_value(value_node, child, parsed)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            child = (*path, index)
            parsed.lines[child] = item.start_mark.line + 1
            _yaml_value(item, child, parsed)


def _yaml_value(node: yaml.Node, path: Path, parsed: Parsed) -> None:
    if isinstance(node, yaml.ScalarNode):
        if node.style == "|":
            parsed.text_starts[path] = node.start_mark.line + 2  # the text starts under the "|"
    else:
        _yaml_positions(node, path, parsed)
