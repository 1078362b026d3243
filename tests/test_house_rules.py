"""The shape of the house (issue 8), checked on every run instead of by a review.

- No import circles among the modules of ``bot/`` and ``handlers/``.
- Layers point one way: no feature package imports ``bot.services`` (the layer above it
  that wires them together); ``bot/`` imports ``telegram`` only in ``bot/app.py`` and
  ``bot/sending.py``; nothing in ``bot/`` imports ``handlers``.
- No module of ``bot/`` or ``handlers/`` over 400 lines: past that a module holds more
  than one idea (split along its seams, as ``bot/dates/`` was).
- Every feature package has the same rooms, so a newcomer who knows one knows all.

Imports are read from the syntax tree, those inside functions too (a deferred import is
still an arrow); only ``if TYPE_CHECKING:`` blocks are left out.
"""

from __future__ import annotations

import ast
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("bot", "handlers")
MAX_LINES = 400
FEATURES = ("activities", "knowledge", "reminders")
#: The rooms of a feature package (a module each): what a thing is, reading it from
#: what a person writes (or a file), keeping it, showing it, the facade the front
#: ends call, and its buttons.
ROOMS = ("models", "parse", "store", "render", "service", "buttons")
#: Step-by-step conversations (on :mod:`bot.flows`), for the features that hold one;
#: knowledge answers in one message and has none.
FLOWS = {"activities": ("guided",), "reminders": ("deadline_flow", "agreement_flow")}
TELEGRAM_ALLOWED = {"bot.app", "bot.sending"}


def _modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


MODULES = _modules()


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imported(name: str, path: Path) -> set[str]:
    """Every module ``name`` imports (dotted names; ours resolved to a module file)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = {id(n) for node in ast.walk(tree) if isinstance(node, ast.If)
            and _is_type_checking(node) for n in ast.walk(node)}
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                found.add(sub if sub in MODULES else base)
    return found


def import_graph() -> dict[str, set[str]]:
    """Module -> what it imports (ours and others')."""
    return {name: _imported(name, path) for name, path in MODULES.items()}


GRAPH = import_graph()
EDGES = {(a, b) for a, targets in GRAPH.items() for b in targets}


def circle(graph: dict[str, set[str]]) -> list[str]:
    """One import circle among ``graph``'s own modules, or []."""
    inner = {a: {b for b in targets if b in graph} for a, targets in graph.items()}
    try:
        tuple(TopologicalSorter(inner).static_order())
    except CycleError as error:
        return list(error.args[1])
    return []


def test_no_import_circles():
    assert circle(GRAPH) == []


@pytest.mark.parametrize("feature", ["activities", "knowledge", "reminders", "delivery",
                                     "dates"])
def test_no_feature_reaches_up_to_the_services(feature):
    prefix = f"bot.{feature}"
    upward = sorted(f"{a} -> {b}" for a, b in EDGES
                    if a.startswith(prefix) and b in {"bot.services", "handlers"}
                    | {m for m in MODULES if m.startswith("handlers")})
    assert upward == []


def test_only_the_wiring_imports_telegram():
    speaking = sorted(a for a, b in EDGES
                      if a.startswith("bot") and b.split(".")[0] == "telegram")
    assert set(speaking) <= TELEGRAM_ALLOWED, speaking


def test_no_module_over_400_lines():
    sizes = {name: len(path.read_text(encoding="utf-8").splitlines())
             for name, path in MODULES.items()}
    assert {n: s for n, s in sizes.items() if s > MAX_LINES} == {}


@pytest.mark.parametrize("feature", FEATURES)
def test_every_feature_has_the_same_rooms(feature):
    missing = [room for room in (*ROOMS, *FLOWS.get(feature, ()))
               if f"bot.{feature}.{room}" not in MODULES]
    assert missing == []


def test_the_checker_sees_a_circle_and_the_arrows():
    """The rules above can fail: a made-up circle is caught, real arrows are seen."""
    assert circle({"bot.a": {"bot.b"}, "bot.b": {"bot.c"}, "bot.c": {"bot.a"}})
    assert circle({"bot.a": {"bot.b"}, "bot.b": set()}) == []
    assert ("bot.services", "bot.knowledge.store") in EDGES  # the arrow down is seen
    assert ("bot.app", "telegram") in EDGES
