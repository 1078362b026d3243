"""Synonym groups (``knowledge/sinonimos.yml``) as shared index tokens.

Every form of a group ("aod", "ayuda oficial al desarrollo") adds the same token on
both sides, the entries' text and the question, so either form finds the other.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from bot.knowledge.text import analyze, content_words

SYNONYM_PREFIX = "§"


class SynonymMatcher:
    """Adds a shared token wherever any form of a synonym group occurs."""

    def __init__(self, groups: Iterable[list[str]]) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
        self.terms_of: dict[str, set[str]] = {}
        self.words: set[str] = set()
        for index, group in enumerate(groups):
            token = f"{SYNONYM_PREFIX}{index}"
            for form in group:
                terms = tuple(analyze(form))
                self.words.update(content_words(form))
                if terms:
                    self._by_first[terms[0]].append((terms, token))
                    self.terms_of.setdefault(token, set()).update(terms)

    def expand(self, terms: list[str]) -> list[str]:
        """``terms`` plus one synonym token per phrase occurrence."""
        extra: list[str] = []
        for i, term in enumerate(terms):
            for form, token in self._by_first.get(term, ()):
                if tuple(terms[i : i + len(form)]) == form:
                    extra.append(token)
        return terms + extra
