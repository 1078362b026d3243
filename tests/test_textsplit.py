"""Long replies are split for Telegram without losing a character or breaking its HTML."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.textsplit import split_message


def test_short_text_is_one_message():
    assert split_message("hola") == ["hola"]


def test_splits_at_paragraph_breaks():
    paragraphs = [f"Párrafo {i}: " + "palabra " * 100 for i in range(12)]
    pieces = split_message("\n\n".join(paragraphs), limit=2000)
    assert all(len(p) <= 2000 for p in pieces)
    assert all(p.startswith("Párrafo") for p in pieces)


@given(st.text(alphabet=st.sampled_from("ab \n"), min_size=0, max_size=3000),
       st.integers(min_value=20, max_value=500))
def test_every_piece_fits_and_no_word_is_lost(text, limit):
    pieces = split_message(text, limit=limit)
    assert all(len(p) <= limit for p in pieces)
    assert "".join(text.split()) == "".join("".join(pieces).split())


# -- Telegram HTML: never cut inside a tag or an entity; tags balanced in every piece ------

_TAG = re.compile(r"</?([a-z]+)(?:\s[^<>]*)?>")
_ENTITY = re.compile(r"&(?:#[0-9]+|[a-z]+);")
LINK = '<a href="https://ejemplo.org/?a=1&amp;b=2">'

words = st.text(alphabet=st.sampled_from("abcé \n"), min_size=1, max_size=60)
entities = st.sampled_from(["&amp;", "&lt;", "&gt;", "&quot;", "&#128512;"])
html_text = st.recursive(
    st.one_of(words, entities),
    lambda inner: st.one_of(
        st.lists(inner, min_size=1, max_size=6).map("".join),
        st.tuples(st.sampled_from(["b", "i", "code", "a"]), inner).map(
            lambda t: (LINK if t[0] == "a" else f"<{t[0]}>") + t[1] + f"</{t[0]}>")),
    max_leaves=60,
)


def balanced(piece: str) -> bool:
    stack: list[str] = []
    for match in _TAG.finditer(piece):
        name = match.group(1)
        if match.group(0).startswith("</"):
            if not stack or stack.pop() != name:
                return False
        else:
            stack.append(name)
    return not stack


def visible(text: str) -> str:
    """What a person reads, entities kept whole, whitespace ignored."""
    return "".join(_TAG.sub("", text).split())


@settings(max_examples=150, deadline=None)
@given(html_text, st.integers(min_value=60, max_value=400))
def test_html_pieces_fit_are_balanced_and_lose_nothing(text, limit):
    pieces = split_message(text, limit=limit)
    assert all(len(p) <= limit for p in pieces)
    for piece in pieces:
        assert balanced(piece), piece
        leftovers = _ENTITY.sub("", _TAG.sub("", piece))
        assert "<" not in leftovers and ">" not in leftovers and "&" not in leftovers, piece
    assert visible("".join(pieces)) == visible(text)


def test_a_long_bold_card_is_closed_and_reopened_at_the_cut():
    text = "<b>" + "Convocatoria KUSANONE &amp; APC " * 300 + "</b>"
    pieces = split_message(text, limit=500)
    assert len(pieces) > 1
    assert all(p.startswith("<b>") and p.endswith("</b>") for p in pieces)
    assert all(len(p) <= 500 for p in pieces)
    assert not any(p.removesuffix("</b>").endswith("&amp") for p in pieces)
