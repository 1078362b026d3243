"""The word index of the knowledge base, kept on disk between starts.

Building :class:`~bot.knowledge.search.SearchIndex` splits, stems and
re-spells every entry and phrasing (typo correction against the whole
vocabulary): about 0.4 s of every start, always with the same result while
the knowledge text does not change. So the built index is saved next to the
embedding cache, under a hash of everything it is made from (the entries'
searched fields, the synonyms, the phrasings added from Telegram, and the
source of the modules that build it), and read back in a few milliseconds
when that hash still matches. Any edit to an entry, a synonym or the code
gives a new hash, and the index is built again and saved.

The file holds one index (the last one built): a pickle that Enlace itself
wrote in its own data folder, trusted like the database beside it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

import rapidfuzz
import sqlite_utils
import Stemmer
import stop_words

from bot.knowledge.search import SearchIndex
from bot.knowledge.store import Entry

log = logging.getLogger(__name__)

VERSION = 1
SUFFIX = ".search-index"
# The modules whose code decides what the index holds: a change to any of them
# (a new stopword, another stemmer rule) must rebuild it.
_PACKAGE = Path(__file__).resolve().parent
_CODE = [_PACKAGE / name for name in ("search.py", "text.py", "spelling.py", "english.py",
                                      "english.txt")] + [_PACKAGE.parent / "folding.py"]


def index_key(entries: Sequence[Entry], synonyms: Iterable[list[str]],
              extra_phrasings: dict[str, list[str]]) -> str:
    """A hash of everything the word index is built from."""
    digest = hashlib.sha256(f"v{VERSION}".encode())
    # And the libraries that analyse the words (stems, stopwords, nearest spellings).
    digest.update(f"{Stemmer.version()} {stop_words.get_version()} {rapidfuzz.__version__}"
                  .encode())
    for path in _CODE:
        digest.update(path.read_bytes())
    content = {
        "entries": [[e.id, e.title, e.questions, e.tags, e.body,
                     [[s.document, s.section] for s in e.sources]] for e in entries],
        "synonyms": [list(group) for group in synonyms],
        "extra": {k: list(v) for k, v in sorted(extra_phrasings.items())},
    }
    digest.update(json.dumps(content, ensure_ascii=False, sort_keys=True).encode())
    return digest.hexdigest()


def database_file(db: sqlite_utils.Database | None) -> Path | None:
    """The file of ``db``'s main database, or None (in memory, temporary)."""
    if db is None:
        return None
    for _, name, file in db.execute("pragma database_list").fetchall():
        if name == "main" and file:
            return Path(file)
    return None


def prepared_index(entries: Iterable[Entry], synonyms: Iterable[list[str]] = (),
                   extra_phrasings: dict[str, list[str]] | None = None,
                   beside: Path | None = None) -> SearchIndex:
    """The word index of ``entries``: read from beside ``beside`` when still current,
    otherwise built (and saved there)."""
    entries, synonyms, extra = list(entries), [list(g) for g in synonyms], extra_phrasings or {}
    if beside is None:
        return SearchIndex(entries, synonyms, extra)
    path = beside.with_name(beside.name + SUFFIX)
    key = index_key(entries, synonyms, extra)
    index = _read(path, key, entries)
    if index is None:
        index = SearchIndex(entries, synonyms, extra)
        _write(path, key, index)
    return index


def _read(path: Path, key: str, entries: list[Entry]) -> SearchIndex | None:
    try:
        with path.open("rb") as file:
            stored_key, state = pickle.load(file)
    except FileNotFoundError:
        return None
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError,
            AttributeError, ImportError) as error:
        log.warning("Search index cache %s unreadable (%s): building it again", path, error)
        return None
    if stored_key != key:
        return None
    index = SearchIndex.__new__(SearchIndex)
    index.__dict__.update(state)
    index.entries = entries
    return index


def _write(path: Path, key: str, index: SearchIndex) -> None:
    """Saved whole or not at all (a temporary file renamed), so a crash leaves no half file."""
    state = {name: value for name, value in index.__dict__.items() if name != "entries"}
    try:
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    except OSError as error:
        log.warning("Search index cache %s not saved (%s)", path, error)
        return
    try:
        with os.fdopen(fd, "wb") as file:
            pickle.dump((key, state), file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except (OSError, pickle.PicklingError) as error:
        log.warning("Search index cache %s not saved (%s)", path, error)
        Path(temporary).unlink(missing_ok=True)
