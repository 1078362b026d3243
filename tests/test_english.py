"""English questions: the glossary is found through the forms questions use."""

from bot.knowledge.english import base_forms, spanish_words


def test_verb_forms_and_british_spelling_find_the_glossary_word():
    assert "crear" in spanish_words("created")
    assert "gestionar" in spanish_words("managing")
    assert spanish_words("submitted") == spanish_words("submit") != ()
    assert "identificar" in spanish_words("identified")
    assert "organizacion" in spanish_words("organisation")
    assert spanish_words("zebras") == ()


def test_base_forms_keep_the_word_itself_first():
    assert base_forms("signed")[0] == "signed"
    assert "sign" in base_forms("signed")
