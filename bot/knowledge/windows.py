"""An entry's body past its lead, in windows of a few lines, and the one a question is about.

A question that restates one detail of an entry ("why must the strategy be told
inside the administration first?") is near one of its paragraphs, not its title,
phrasings or lead. The search embeds each window to find such an entry
(:class:`bot.knowledge.hybrid.DenseIndex`), and the reply shows the window
closest to the question under the lead: on a phone, the fact asked for is then
on the first screen instead of behind "📖 Ver completo".
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from bot.knowledge.store import Entry
from bot.knowledge.text import content_words

WINDOW_WORDS = 25  # a window of the body: a few lines, about what a paraphrase restates
# How much the question's own words found in a window add to its cosine when choosing the
# one to show: meaning finds the passage, a shared rare word settles near ties.
WORDS_WEIGHT = 0.1
# A passage is shown unless the lead is clearly nearer the question (a definition asked
# for, the lead gives it): within this much, the lines may hold the detail asked about.
SHOW_MARGIN = 0.01
SHOWN_CHARACTERS = 400
SHOWN_WORDS = 8  # fewer, and a window is a heading, not a passage to show


def window_lines(entry: Entry, limit: int = WINDOW_WORDS) -> list[list[str]]:
    """The body after its lead as groups of whole lines of about ``limit`` words."""
    rest = entry.body[len(entry.summary):]
    windows: list[list[str]] = []
    current: list[str] = []
    size = 0
    for line in rest.splitlines():
        words = _words(line)
        if current and size + len(words) > limit:
            windows.append(current)
            current, size = [], 0
        if words:
            current.append(line.rstrip())
            size += min(len(words), 2 * limit)
    if current:
        windows.append(current)
    return windows


def window_text(title: str, lines: Sequence[str], limit: int = WINDOW_WORDS) -> str:
    """A window as embedded: the title (it says what a bare bullet is about) and words."""
    words = [w for line in lines for w in _words(line)[: 2 * limit]]
    return f"{title}. {' '.join(words)}"


def _words(line: str) -> list[str]:
    """A line's words without Markdown's bold, bullet and heading marks."""
    return line.replace("**", "").strip(" -*#>").split()


def body_windows(entry: Entry, limit: int = WINDOW_WORDS) -> list[str]:
    """Each window of ``entry`` as embedded."""
    return [window_text(entry.title, lines, limit) for lines in window_lines(entry, limit)]


def closest_passage(windows: Sequence[Sequence[str]], question: str,
                    window_cosines: Sequence[float], lead_cosine: float) -> str | None:
    """The window (of :func:`window_lines`) nearest ``question``, unless the lead is
    clearly nearer.

    ``window_cosines`` are the question's cosines with those windows and
    ``lead_cosine`` with the entry's title and lead.
    """
    if not windows:
        return None
    asked = set(content_words(question))

    def shared(text: str) -> float:
        return len(asked & set(content_words(text))) / len(asked) if asked else 0.0

    cosines = np.asarray(window_cosines, dtype=float)
    joined = [" ".join(lines) for lines in windows]
    # A window of a heading alone is near anything about the entry (its title does it).
    sizes = np.array([len(text.split()) for text in joined])
    near = (cosines >= lead_cosine - SHOW_MARGIN) & (sizes >= SHOWN_WORDS)
    if not near.any():
        return None
    scores = cosines + WORDS_WEIGHT * np.array([shared(text) for text in joined])
    best = int(np.argmax(np.where(near, scores, -np.inf)))
    text = "\n".join(windows[best]).strip()
    if len(text) > SHOWN_CHARACTERS:
        text = text[:SHOWN_CHARACTERS].rsplit(" ", 1)[0] + "…"
    return text
