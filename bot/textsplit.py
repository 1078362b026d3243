"""Split long replies so each piece fits in one Telegram message and is valid HTML.

Replies are Telegram HTML (``<b>``, ``<i>``, ``<a href>``, ``<code>``, ``&amp;``…).
A piece is never cut inside a tag or an entity, and tags open at a cut are
closed at the end of the piece and opened again at the start of the next, so
Telegram never answers 400 "Can't find end tag". Cuts fall at paragraph breaks
where possible, else at line breaks, else at spaces, and only as a last resort
inside a word; whitespace at a cut is dropped, no other character is lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

TELEGRAM_LIMIT = 4096

_TOKEN = re.compile(
    r"(?P<tag></?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?>)"
    r"|(?P<entity>&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});)"
)
_NAME = re.compile(r"</?([a-zA-Z][a-zA-Z0-9-]*)")

# How good a cut just before an atom is: after a blank line, a line break, a space.
_PARAGRAPH, _LINE, _SPACE, _ANYWHERE = 3, 2, 1, 0


@dataclass(frozen=True)
class _Atom:
    text: str
    kind: str  # "open" | "close" | "entity" | "char"
    name: str = ""


def split_message(text: str, limit: int = TELEGRAM_LIMIT) -> list[str]:
    """Pieces of at most ``limit`` characters, each with balanced tags and whole entities."""
    if len(text) <= limit:
        return [text]
    pieces = _split_atoms(_atoms(text), limit)
    if pieces is None:  # tags too long to ever fit with any text: send it without them
        pieces = _split_atoms([a for a in _atoms(text) if a.kind in ("char", "entity")], limit)
    return pieces or []


def _atoms(text: str) -> list[_Atom]:
    atoms: list[_Atom] = []
    position = 0
    for match in _TOKEN.finditer(text):
        atoms.extend(_Atom(c, "char") for c in text[position:match.start()])
        token = match.group(0)
        if match.group("entity"):
            atoms.append(_Atom(token, "entity"))
        else:
            name = _NAME.match(token).group(1).lower()  # type: ignore[union-attr]
            atoms.append(_Atom(token, "close" if token.startswith("</") else "open", name))
        position = match.end()
    atoms.extend(_Atom(c, "char") for c in text[position:])
    return atoms


def _quality(atoms: list[_Atom], i: int) -> int:
    """How good a cut before ``atoms[i]`` is (whitespace around it is dropped)."""
    before = atoms[i - 1].text if i > 0 else ""
    here = atoms[i].text if i < len(atoms) else ""
    if here == "\n" and before == "\n":
        return _PARAGRAPH
    if here == "\n" or before == "\n":
        return _LINE
    if here.isspace() or before.isspace():
        return _SPACE
    return _ANYWHERE


def _split_atoms(atoms: list[_Atom], limit: int) -> list[str] | None:
    pieces: list[str] = []
    stack: list[_Atom] = []  # tags open where the current piece starts
    start = 0
    while start < len(atoms):
        prefix = "".join(a.text for a in stack)
        open_tags = list(stack)
        closers = sum(len(f"</{a.name}>") for a in open_tags)
        length = len(prefix)
        best: dict[int, tuple[int, list[_Atom]]] = {}  # quality -> (cut, tags open there)
        i = start
        while i < len(atoms):
            atom = atoms[i]
            length += len(atom.text)
            if atom.kind == "open":
                open_tags.append(atom)
                closers += len(f"</{atom.name}>")
            elif atom.kind == "close" and open_tags and open_tags[-1].name == atom.name:
                closers -= len(f"</{open_tags.pop().name}>")
            if length + closers > limit:
                break
            i += 1
            best[_quality(atoms, i)] = (i, list(open_tags))
        if i >= len(atoms):
            cut, tags_at_cut = len(atoms), open_tags
        elif not best:
            return None
        else:
            cut, tags_at_cut = best[max(best)]
        body = "".join(a.text for a in atoms[start:cut])
        piece = prefix + body + "".join(f"</{a.name}>" for a in reversed(tags_at_cut))
        if _visible(piece).strip():
            pieces.append(_trim(piece))
        stack = tags_at_cut
        start = cut
        while start < len(atoms) and atoms[start].kind == "char" and atoms[start].text.isspace():
            start += 1
    return pieces


def _visible(piece: str) -> str:
    return _TOKEN.sub(lambda m: "x" if m.group("entity") else "", piece)


def _trim(piece: str) -> str:
    """Drop the whitespace a cut leaves at a piece's end (before any closing tags)."""
    match = re.search(r"\s+((?:</[a-zA-Z][a-zA-Z0-9-]*>)*)$", piece)
    if match and match.start() > 0:
        return piece[:match.start()] + match.group(1)
    return piece
