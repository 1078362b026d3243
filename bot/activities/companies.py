"""Companies written with their legal form: "Kessler GmbH", "andina textiles sas",
"Nippon Koei Co. Ltd.". No directory knows every firm an office meets; the legal form
says a company is named, and the words before it are its name."""

from __future__ import annotations

import re

from bot.activities.names import typed
from bot.activities.organisations import (
    LINK_WORDS,
    NOTE_WORDS,
    Organisation,
    names_capitalised,
    punctuated,
    tidy_org,
)
from bot.knowledge.text import stopwords

# Legal forms that close a company's name, folded into tokens, and how the report writes
# them: "Kessler GmbH", "Andina Textiles S.A.S.", "Nippon Koei Co. Ltd.".
_LEGAL_FORMS = {("s", "a", "s"): "S.A.S.", ("sas",): "S.A.S.", ("s", "a"): "S.A.",
                ("gmbh",): "GmbH", ("ltda",): "Ltda.", ("co", "ltd"): "Co. Ltd.",
                ("ltd",): "Ltd.", ("inc",): "Inc.", ("llc",): "LLC", ("plc",): "PLC",
                ("corp",): "Corp.", ("s", "l"): "S.L.", ("s", "p", "a"): "S.p.A.",
                ("e", "s", "p"): "E.S.P.", ("bv",): "B.V.", ("ag",): "AG", ("sa",): "S.A."}
# Forms that are also short words or initials: they close a name only typed in capitals
# ("Siemens AG", "Grupo Éxito SA"), or, for the lettered ones, with their full stops.
_CASED_FORMS = {("ag",), ("sa",), ("s", "a"), ("s", "l"), ("bv",)}
# Words before a company's name that say what it is, not what it is called.
_COMPANY_WORDS = {"empresa", "empresas", "compania", "firma", "multinacional", "grupo"}


def companies(text: str) -> list[Organisation]:
    """Companies written with their legal form: "Kessler GmbH", "andina textiles sas". The
    name is the words before the form: capitalised ones when the note uses capitals, else
    the words back to a function word ("reunión con ... "), at most four."""
    note = typed(text)
    if note is None:
        return []
    plain, found, folded, caps = note.plain, note.found, note.folded, note.caps
    says_case = names_capitalised(found, caps, plain)
    out: list[Organisation] = []
    i = 0
    while i < len(folded):
        form = next((f for f in sorted(_LEGAL_FORMS, key=len, reverse=True)
                     if tuple(folded[i:i + len(f)]) == f), None)
        if form is None or not _typed_as_form(plain, found[i:i + len(form)], form):
            i += 1
            continue
        start = _company_start(folded, found, plain, caps if says_case else None, i)
        end = i + len(form)
        if start < i:
            name = tidy_org(found[start:i], folded[start:i], text, plain)
            out.append(Organisation(start, start, end, f"{name} {_LEGAL_FORMS[form]}"))
        i = end
    return out


def _typed_as_form(plain: str, matches: list[re.Match[str]], form: tuple[str, ...]) -> bool:
    """Whether the words are written as a legal form: an ambiguous one (:data:`_CASED_FORMS`)
    in capitals, with full stops when it is lettered ("S.A."), not "sa" or "a"."""
    if form not in _CASED_FORMS:
        return True
    typed = [m.group(0) for m in matches]
    if not all(t.isupper() for t in typed):
        return False
    if len(form) > 1:
        return plain[matches[0].end():matches[0].end() + 1] == "."
    return True


def _company_start(words: list[str], found: list[re.Match[str]], plain: str,
                   caps: list[bool] | None, at: int) -> int:
    """Where the company's name before its legal form (at ``at``) begins."""
    start = at
    while start > 0 and at - start < 4:
        j = start - 1
        word = words[j]
        if punctuated(plain, found, j, j + 1) and not _stop_in_form(plain, found, j):
            break
        if (word in _COMPANY_WORDS and not (caps and caps[j])) or word in NOTE_WORDS:
            break
        if caps is not None and not caps[j]:
            if word in LINK_WORDS and j > 0 and caps[j - 1] and start < at:
                start = j  # "Banco de Bogotá S.A.": a link inside the name
                continue
            break
        if caps is None and (word in stopwords() or word in LINK_WORDS):
            break
        start = j
    while start < at and words[start] in LINK_WORDS:
        start += 1
    return start


def _stop_in_form(plain: str, found: list[re.Match[str]], j: int) -> bool:
    """A full stop that belongs to an abbreviation in the name ("Co." in "Co. Ltd.")."""
    gap = plain[found[j].end():found[j + 1].start()]
    return gap.strip() == "." and len(found[j].group(0)) <= 3


def without_form(name: str) -> str:
    """A company's name without its legal form: "Ecopetrol S.A." is "Ecopetrol"."""
    return next((name[:-len(form)].strip() for form in _LEGAL_FORMS.values()
                 if name.endswith(" " + form)), name)
