"""Every Spanish sentence a person reads lives in ``bot/texts/`` (issue 8).

A reviewer or translator finds all the wording in one place only if no module keeps a
sentence of its own. This test walks the syntax tree of every module under ``bot/`` and
``handlers/`` and fails on a string constant that reads like a Spanish sentence.

Not scanned, on purpose:

- ``bot/texts/``: that is where the texts belong.
- docstrings: they are for programmers, not read by a person using Enlace.

Not texts, so never flagged: regular expressions (arguments of ``re.*`` calls, or
strings with regex syntax such as ``\\s``, ``\\b``, ``(?``), word lists split with
``.split()`` (stopwords, generic words), and the configuration's default *data*
(``CONFIG_DATA``: action-line names, purposes and examples, partner and department names),
which an office changes in its TOML file rather than in a translation.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCANNED = ("bot", "handlers")
NOT_SCANNED = (Path("bot/texts"),)

#: Default values (bot/defaults.py, bot/config.py): data an office edits in its TOML, not
#: sentences.
CONFIG_DATA = {
    ("bot/defaults.py", "ACTION_LINES"),
    ("bot/defaults.py", "PARTNERS"),
    ("bot/defaults.py", "DEPARTMENTS"),
    ("bot/activities/directory.py", "DIRECTORY"),  # names of organisations, not sentences
}

_WORD = re.compile(r"[^\W\d_]+")
_SPANISH_MARK = re.compile(r"[áéíóúñÁÉÍÓÚÑ¿¡«»]")
_SPANISH_WORDS = frozenset(
    "el la los las lo de del que en un una por para con se su sus es al hay sin como más "
    "ya le pero este esta no".split())
_ENGLISH_WORDS = frozenset(
    "the is are was of and to for with this that it be on from by or an in not its as at "
    "when which".split())
_REGEX_SYNTAX = re.compile(r"\\[sbdwSBDW]|\(\?")
MIN_WORDS = 4


def looks_like_spanish_sentence(text: str) -> bool:
    """At least four words, no English function word, and a Spanish accent, ¿, ¡, «
    or two Spanish function words: what a message shown to a person looks like."""
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < MIN_WORDS or _ENGLISH_WORDS.intersection(words):
        return False
    spanish = sum(1 for w in words if w in _SPANISH_WORDS)
    return bool(_SPANISH_MARK.search(text)) or spanish >= 2


def _literal(node: ast.AST) -> str | None:
    """The text of a string constant, or of an f-string with ``{}`` for each value."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
    return None


def _not_texts(tree: ast.AST, where: str) -> set[int]:
    """ids of nodes that are not texts: docstrings, f-string parts, regexes, word lists,
    configuration data."""
    skip: set[int] = set()

    def skip_all(node: ast.AST) -> None:
        skip.update(id(n) for n in ast.walk(node))

    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if (isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
                and body and isinstance(body[0], ast.Expr)):
            skip.add(id(body[0].value))
        if isinstance(node, ast.JoinedStr):
            skip.update(id(v) for v in node.values)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            func = node.func
            if isinstance(func.value, ast.Name) and func.value.id == "re":
                for arg in node.args:
                    skip_all(arg)
            if func.attr == "split" and not node.args:
                skip_all(func.value)
        if isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names = {t.id for t in targets if isinstance(t, ast.Name)}
            if any((where, name) in CONFIG_DATA for name in names) and node.value is not None:
                skip_all(node.value)
    return skip


def spanish_literals(source: str, where: str = "<source>") -> list[tuple[int, str]]:
    """(line, text) of every string in ``source`` that reads like a Spanish sentence."""
    tree = ast.parse(source)
    skip = _not_texts(tree, where)
    found = []
    for node in ast.walk(tree):
        text = _literal(node)
        if text is None or id(node) in skip or _REGEX_SYNTAX.search(text):
            continue
        if looks_like_spanish_sentence(text):
            found.append((node.lineno, text))
    return sorted(found)


def _modules() -> list[Path]:
    paths = []
    for top in SCANNED:
        for path in sorted((ROOT / top).rglob("*.py")):
            relative = path.relative_to(ROOT)
            if not any(relative.is_relative_to(skipped) for skipped in NOT_SCANNED):
                paths.append(relative)
    return paths


def test_no_spanish_sentence_outside_bot_texts() -> None:
    offenders = [
        f"{path}:{line}: {text!r}"
        for path in _modules()
        for line, text in spanish_literals((ROOT / path).read_text(encoding="utf-8"),
                                           path.as_posix())
    ]
    assert not offenders, (
        "Spanish texts outside bot/texts/ (move each into its topic's module there and "
        "import it):\n" + "\n".join(offenders))


def test_the_scan_covers_handlers_and_core_but_not_texts() -> None:
    modules = {p.as_posix() for p in _modules()}
    assert {"bot/cli.py", "bot/config.py", "handlers/common.py",
            "bot/activities/report.py"} <= modules
    assert not any(m.startswith("bot/texts/") for m in modules)


@pytest.mark.parametrize("text", [
    "No encontré una fecha en el texto.",
    "Escriba la pregunta, ej.: enlace ask \"qué es una comixta\"",
    "hay números de línea de acción repetidos",
    "Cancelar lo que esté en curso",
    "La fecha es demasiado antigua",
])
def test_detector_flags_spanish_sentences(text: str) -> None:
    assert looks_like_spanish_sentence(text)


@pytest.mark.parametrize("text", [
    "Could not tell the user about the error",  # an English log line
    "Sending the reminder to the group again",
    "permiso denegado",  # too short to tell from a word or a label
    "registrar",
    "%(asctime)s %(levelname)s %(name)s",
])
def test_detector_leaves_code_and_logs_alone(text: str) -> None:
    assert not looks_like_spanish_sentence(text)


def test_an_inline_spanish_reply_is_caught() -> None:
    source = '''
"""Module docstring: ya no se usa aquí, y no cuenta como texto."""
import re

LINE = re.compile(r"(?:^|\\s)(?:l[ií]nea|linea)\\s*(?P<n>\\d{1,2})\\b")
STOP = frozenset("de la el los las que por para con".split())


def reply(count):
    """Los docstrings no son textos para una persona."""
    if count:
        return f"Guardé {count} actividades en la base de datos."
    return "No encontré ninguna actividad para ese periodo."
'''
    assert spanish_literals(source) == [
        (12, "Guardé {} actividades en la base de datos."),
        (13, "No encontré ninguna actividad para ese periodo."),
    ]


def test_config_data_is_allowed_only_where_it_is_declared() -> None:
    source = 'PARTNERS = ["Cámara de Comercio de Bucaramanga"]\n'
    assert spanish_literals(source, "bot/defaults.py") == []
    assert spanish_literals(source, "bot/other.py") == [
        (1, "Cámara de Comercio de Bucaramanga")]
