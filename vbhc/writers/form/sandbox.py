"""The Jinja environment a form runs in: sandboxed, autoescaped, strict, and bounded.

- :class:`~jinja2.sandbox.SandboxedEnvironment`: no ``_``-attributes (``''.__class__.__mro__``), no
  unsafe methods; ``StrictUndefined``: an unknown variable is an error, never an empty blank.
- autoescape, and every value passes :func:`_finalize`, so user text (``{{``, ``<``, ``&``, ``]]>``)
  prints literally and is never evaluated; ``None`` prints as nothing.
- Only what a form needs: the filters and tests in :data:`FILTERS` and :data:`TESTS`, the global
  ``range`` and the ``loop`` object. No ``include``, ``import``, ``extends``, macros, ``call`` blocks
  or recursive loops (:func:`policy_problems`): a form is one file that cannot call itself.
- A list or a mapping is never printed as text (:func:`guarded`): a Python repr is never what a form
  means, and a repr of repeated data could be huge.
- Bounded work: ``*``, ``**`` and ``%`` cannot build huge values (:meth:`FormEnvironment.call_binop`);
  at most :data:`MAX_STEPS` template lines run (a line counter on the template's own frames, so nested
  loops stop with an error instead of hanging), and a part's output stops at :data:`MAX_OUTPUT_CHARS`.

Imports jinja2 at module level: :mod:`vbhc.writers.form.fill` imports this module only to fill a form.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Collection, Iterator
from types import FrameType
from typing import Any

from jinja2 import StrictUndefined, meta, nodes
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup, escape

from vbhc import limits
from vbhc.writers.form.tags import FormError

MAX_STEPS = 2_000_000  # template lines run while filling one part (a real form runs a few thousand)
MAX_OUTPUT_CHARS = 10 * limits.MB  # a filled part (a real form fills a few hundred kB)
MAX_EXPONENT = 64  # a ** b: at most 2**64 ** 64, a number of 1,233 digits
MAX_VALUE_CHARS = 4 * limits.MAX_TEXT_CHARS  # one value built with *, or printed
TEMPLATE_FILE = "<template>"  # the file name Jinja gives the code of a template made from a string

# Filters that cannot grow a value beyond the data (no center, indent, wordwrap, format, replace, batch,
# slice: widths and counts the form chooses) nor mark text safe (safe) nor vary (random).
FILTERS = frozenset({
    "abs", "capitalize", "count", "d", "default", "dictsort", "e", "escape", "first", "float", "groupby",
    "int", "items", "join", "last", "length", "list", "lower", "map", "max", "min", "reject", "rejectattr",
    "reverse", "round", "select", "selectattr", "sort", "string", "sum", "title", "trim", "truncate",
    "unique", "upper", "wordcount"})
TESTS = frozenset({
    "!=", "<", "<=", "==", ">", ">=", "boolean", "defined", "divisibleby", "eq", "equalto", "even", "false",
    "float", "ge", "greaterthan", "gt", "in", "integer", "iterable", "le", "lessthan", "lower", "lt",
    "mapping", "ne", "none", "number", "odd", "sameas", "sequence", "string", "true", "undefined", "upper"})
GLOBALS = frozenset({"range"})
# Methods of str that build a value as wide as an argument says, or format: never called by a form.
WIDENING_METHODS = frozenset({"center", "ljust", "rjust", "zfill", "expandtabs", "format", "format_map",
                              "replace", "join", "encode", "translate"})

# Statements a form may not use, and why (policy_problems).
_REFUSED_NODES: dict[type[nodes.Node], str] = {
    nodes.Include: "include (a form is one file)",
    nodes.Import: "import (a form is one file)",
    nodes.FromImport: "import (a form is one file)",
    nodes.Extends: "extends (a form is one file)",
    nodes.Macro: "macro (a form cannot call itself)",
    nodes.CallBlock: "call (a form cannot call itself)",
}


class FormLimitError(FormError):
    """A form did more work or printed more than a form may."""


def _finalize(value: Any) -> Any:
    """What ``{{ value }}`` prints: nothing for None; text escaped for XML, with docxtpl's own brace
    marks ("{_{" ...) kept literal (docxtpl turns them into "{{" after rendering)."""
    if value is None:
        return ""
    if isinstance(value, Markup):
        return value
    text = str(value)
    if len(text) > MAX_VALUE_CHARS:
        raise FormLimitError(f"a value of {len(text):,} characters (at most {MAX_VALUE_CHARS:,})")
    escaped = str(escape(text))
    if "_" in escaped and any(mark in escaped for mark in ("{_", "_}", "%_")):
        escaped = escaped.replace("_", "&#95;")
    return Markup(escaped)


CONTAINER_PRINTED = ("a list or a mapping is not text: print its items (a {% for %} loop, or the join "
                     "filter for a list of texts)")


class _List(list):  # type: ignore[type-arg]
    """A list of the form's variables: its items can be printed, the list itself cannot (a Python repr
    is never what a form means, and a repr of repeated data could be huge)."""

    def __str__(self) -> str:
        raise FormLimitError(CONTAINER_PRINTED)

    __repr__ = __str__


class _Map(dict):  # type: ignore[type-arg]
    """A mapping of the form's variables, likewise."""

    def __str__(self) -> str:
        raise FormLimitError(CONTAINER_PRINTED)

    __repr__ = __str__


def guarded(value: Any) -> Any:
    """``value`` with every list and dict (and a string's list parts) made unprintable: _List, _Map."""
    if isinstance(value, dict):
        return _Map({k: guarded(v) for k, v in value.items()})
    if isinstance(value, (list, tuple)):
        return _List(guarded(v) for v in value)
    if isinstance(value, str) and getattr(value, "__dict__", None):
        copy = type(value).__new__(type(value), str(value))
        copy.__dict__.update({k: guarded(v) for k, v in value.__dict__.items()})
        return copy
    return value


def _bounded(size: int) -> None:
    if size > MAX_VALUE_CHARS:
        raise FormLimitError(f"a value of {size:,} items or characters (at most {MAX_VALUE_CHARS:,})")


class FormEnvironment(SandboxedEnvironment):
    """The sandbox of a form (module docstring)."""

    intercepted_binops = frozenset({"*", "**", "%"})

    def __init__(self) -> None:
        super().__init__(autoescape=True, undefined=StrictUndefined, finalize=_finalize,
                         keep_trailing_newline=True)
        self.filters = {k: v for k, v in self.filters.items() if k in FILTERS}
        self.tests = {k: v for k, v in self.tests.items() if k in TESTS}
        self.globals = {k: v for k, v in self.globals.items() if k in GLOBALS}

    def is_safe_callable(self, obj: Any) -> bool:
        if isinstance(getattr(obj, "__self__", None), str) and getattr(obj, "__name__", "") in (
                WIDENING_METHODS):
            return False
        return bool(super().is_safe_callable(obj))

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**":
            if (isinstance(right, int) and abs(right) > MAX_EXPONENT) or (
                    isinstance(left, int) and abs(left) > 2 ** MAX_EXPONENT):
                raise FormLimitError(f"{left!r} ** {right!r} is too large for a form")
        elif operator == "*":
            for seq, n in ((left, right), (right, left)):
                if isinstance(seq, (list, tuple, dict)):
                    raise FormLimitError("repeating a list with * is not available in forms")
                if isinstance(seq, str) and isinstance(n, int):
                    _bounded(len(seq) * max(n, 0))
        elif operator == "%" and isinstance(left, str):
            raise FormLimitError("string formatting with % is not available in forms")
        return super().call_binop(context, operator, left, right)


def policy_problems(tree: nodes.Template, variables: Collection[str]
                    ) -> Iterator[tuple[int, str, str | None]]:
    """``(line, problem, name)`` for each statement, filter, test or name a form may not use, and each
    variable that is neither one of ``variables`` nor set in the form (an unknown variable, in any branch)."""
    unknown = meta.find_undeclared_variables(tree) - set(variables) - GLOBALS
    for node in tree.find_all(nodes.Name):
        if node.name in unknown:
            yield node.lineno, f"unknown variable '{node.name}' (docs/forms.md lists them)", node.name
            unknown.discard(node.name)
    for node in tree.find_all(nodes.Node):
        refused = _REFUSED_NODES.get(type(node))
        if refused is not None:
            yield node.lineno, f"{refused} is not allowed in a form", None
        elif isinstance(node, nodes.For) and node.recursive:
            yield node.lineno, "a recursive loop is not allowed in a form", None
        elif isinstance(node, nodes.Filter) and node.name not in FILTERS:
            yield node.lineno, f"the filter '{node.name}' is not available in forms", None
        elif isinstance(node, nodes.Test) and node.name not in TESTS:
            yield node.lineno, f"the test '{node.name}' is not available in forms", None


class _StepCounter:
    """Counts the lines run in template code (frames of :data:`TEMPLATE_FILE`), through sys.settrace
    for the current thread only, and raises :class:`FormLimitError` past ``limit``."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.steps = 0
        self.previous: Callable[..., Any] | None = None

    def _local(self, frame: FrameType, event: str, arg: Any) -> Callable[..., Any] | None:
        if event == "line":
            self.steps += 1
            if self.steps > self.limit:
                raise FormLimitError(f"the form runs more than {self.limit:,} template steps (a loop in a "
                                     "loop?)")
        return self._local

    def _global(self, frame: FrameType, event: str, arg: Any) -> Callable[..., Any] | None:
        return self._local if frame.f_code.co_filename == TEMPLATE_FILE else None

    def __enter__(self) -> _StepCounter:
        self.previous = sys.gettrace()
        sys.settrace(self._global)
        return self

    def __exit__(self, *exc: object) -> None:
        sys.settrace(self.previous)


def render_bounded(template: Any, context: dict[str, Any]) -> str:
    """``template`` rendered with ``context``, stopping at :data:`MAX_STEPS` lines of template code or
    :data:`MAX_OUTPUT_CHARS` characters of output."""
    out: list[str] = []
    size = 0
    with _StepCounter(MAX_STEPS):
        for chunk in template.root_render_func(template.new_context(guarded(context))):
            size += len(chunk)
            if size > MAX_OUTPUT_CHARS:
                raise FormLimitError(f"the filled form is larger than {MAX_OUTPUT_CHARS // limits.MB} MB")
            out.append(chunk)
    return "".join(out)
