"""Long replies are split for Telegram without losing a character."""

from hypothesis import given
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
