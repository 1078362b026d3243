"""Notes read as a new office's bot reads them: the default partner directory, the
organisations the knowledge base names, the configured departments."""

from pathlib import Path

from bot.activities.names import NameIndex
from bot.activities.parse import Vocabulary, parse_entry
from bot.activities.partners import combine, seed_partners
from bot.config import DEFAULT_ACTION_LINES, Settings
from tests.support.clock import NOW

KNOWLEDGE = Path(__file__).resolve().parent.parent.parent / "knowledge"


def default_vocabulary() -> Vocabulary:
    config = Settings().activities
    partners = NameIndex(combine(config.partners, seed_partners(KNOWLEDGE)))
    return Vocabulary(DEFAULT_ACTION_LINES, partners,
                      NameIndex(config.departments, single_words=False))


def partners(text: str, vocab: Vocabulary) -> list[str]:
    """The partners the draft of ``text`` shows (the line is fixed: it is not asked)."""
    return parse_entry(text, vocab=vocab, now=NOW, line=1).partners
