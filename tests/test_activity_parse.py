"""The quick-log grammar: line, date, hashtags, known partners and departments."""

from datetime import date

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from bot.activities.lines import guess_line
from bot.activities.models import EntryError
from bot.activities.names import NameIndex, hashtags, key_of
from bot.activities.parse import TOPIC_ACRONYMS, Vocabulary, parse_entry
from bot.config import DEFAULT_ACTION_LINES, Settings
from tests.support.clock import NOW

LINES = DEFAULT_ACTION_LINES


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    config = Settings().activities
    return Vocabulary(LINES, NameIndex(config.partners),
                      NameIndex(config.departments, single_words=False))


def parse(text, vocab, **kw):
    return parse_entry(text, vocab=vocab, now=NOW, **kw)


# -- line ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "line"), [
    ("2 Reunión con ProColombia sobre el Investment Summit", 2),
    ("L4 visita al barrio", 4),
    ("línea 3: becas con la UPB", 3),
    ("Reunión con la APC (línea 4)", 4),
    ("5. Publicación en redes", 5),
])
def test_a_line_given_by_number(vocab, text, line):
    assert parse(text, vocab).line == line


@pytest.mark.parametrize(("text", "line"), [
    ("Reunión con ProColombia sobre el Investment Summit", 2),
    ("Convocatoria de becas para estudiantes", 3),
    ("Visita a la Embajada de Francia", 1),
    ("Taller con la ONG GOAL", 4),
    ("Publicación en redes sociales de la marca ciudad", 5),
    ("REUNION INVERSIONISTAS COREANOS", 2),  # no accents, capitals, plural
    ("coperacion con japon", 4),  # a typo
])
def test_a_line_guessed_from_keywords(vocab, text, line):
    draft = parse(text, vocab)
    assert draft.line == line and draft.candidates[0] == line


@pytest.mark.parametrize("text", ["Reunión de seguimiento", "Llamada con Ana",
                                  "Reunión sobre becas y cooperación"])  # none, or a tie
def test_when_the_line_cannot_be_told_it_is_left_to_ask(vocab, text):
    assert parse(text, vocab).line is None


@pytest.mark.parametrize("text", ["7 Reunión", "línea 9 taller", "99 visita"])
def test_an_unknown_line_number_is_refused_with_the_list_of_lines(vocab, text):
    with pytest.raises(EntryError) as error:
        parse(text, vocab)
    assert "No existe la línea" in str(error.value)
    assert "1. Diplomacia y relacionamiento estratégico" in str(error.value)


@pytest.mark.parametrize(("text", "day"), [
    ("15 de noviembre reunión con APC", date(2026, 11, 15)),  # a day, not line 15
    ("3 nov taller", date(2026, 11, 3)),
    ("15/11 Reunión", date(2026, 11, 15)),
    ("2026-11-15 Reunión", date(2026, 11, 15)),
])
def test_a_leading_date_is_not_a_line(vocab, text, day):
    draft = parse(text, vocab)
    assert draft.day == day and draft.line in (None, 4) and draft.day_given


@given(st.sampled_from(LINES), st.sampled_from(["", "l", "L", "línea ", "linea ", "Línea "]),
       st.sampled_from([" ", ": ", ". ", ") ", " - "]))
def test_any_way_to_write_the_line_number_is_read(line, prefix, sep):
    vocab = Vocabulary(LINES, NameIndex([]), NameIndex([]))
    draft = parse_entry(f"{prefix}{line.number}{sep}Reunión de trabajo", vocab=vocab, now=NOW)
    assert draft.line == line.number
    assert draft.text == "Reunión de trabajo"


@given(st.sampled_from(LINES), st.data())
def test_each_keyword_points_to_its_line_whatever_the_case_and_accents(line, data):
    keyword = data.draw(st.sampled_from(line.keywords))
    others = [other for other in LINES if other is not line
              and any(k == keyword for k in other.keywords)]
    assume(not others)
    variant = data.draw(st.sampled_from([keyword, keyword.upper(), keyword.title()]))
    guess = guess_line(f"Reunión sobre {variant}", LINES)
    assert guess.scores[line.number] == max(guess.scores.values())


# -- date ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("written", "day"), [
    ("ayer", date(2026, 11, 17)),
    ("lunes", date(2026, 11, 16)),  # the last Monday: activities look back
    ("el viernes", date(2026, 11, 13)),
    ("15/11", date(2026, 11, 15)),
    ("2026-11-15", date(2026, 11, 15)),
    ("20/12", date(2025, 12, 20)),  # last 20 December, not next
    ("mañana", date(2026, 11, 19)),  # tomorrow is still accepted
])
def test_dates_look_back(vocab, written, day):
    draft = parse(f"2 {written} Reunión con ProColombia", vocab)
    assert draft.day == day
    assert draft.text == "Reunión con ProColombia"


def test_without_a_date_it_is_today(vocab):
    draft = parse("2 Reunión", vocab)
    assert draft.day == NOW.date() and not draft.day_given


@pytest.mark.parametrize("written", ["2026-12-25", "pasado mañana", "en dos semanas"])
def test_a_date_after_tomorrow_is_refused(vocab, written):
    with pytest.raises(EntryError) as error:
        parse(f"2 {written} Feria", vocab)
    assert "en el futuro" in str(error.value) and "No guardé nada" in str(error.value)


@pytest.mark.parametrize(("text", "day"), [
    ("2 Visita del alcalde de Gumi 25-28 ago", date(2026, 8, 25)),
    ("2 Feria del 13 al 15 de noviembre con ProColombia", date(2026, 11, 13)),
])
def test_a_range_of_days_counts_from_its_first_day_and_stays_in_the_text(vocab, text, day):
    draft = parse(text, vocab)
    assert draft.day == day and draft.day_given
    assert draft.text == text[2:]


def test_a_future_date_inside_the_note_stays_in_the_text(vocab):
    draft = parse("4 Reunión con la APC, quedamos de enviar la propuesta la otra semana", vocab)
    assert draft.day == NOW.date() and not draft.day_given
    assert draft.text.endswith("enviar la propuesta la otra semana")
    assert draft.future_date == "la otra semana"


@pytest.mark.parametrize("written", ["31/02", "32/13", "30 de febrero"])
def test_an_impossible_date_is_refused_with_how_to_write_it(vocab, written):
    with pytest.raises(EntryError) as error:
        parse(f"2 {written} Feria", vocab)
    assert "«ayer», «lunes», «15/11»" in str(error.value)


@given(st.dates(min_value=date(2001, 1, 1), max_value=date(2026, 11, 19)))
def test_any_iso_date_up_to_tomorrow_is_stored_as_written(day):
    vocab = Vocabulary(LINES, NameIndex([]), NameIndex([]))
    draft = parse_entry(f"4 {day.isoformat()} Taller", vocab=vocab, now=NOW)
    assert draft.day == day and draft.text == "Taller"


@given(st.dates(min_value=date(2026, 11, 20), max_value=date(2199, 12, 31)))
def test_any_iso_date_after_tomorrow_is_refused(day):
    vocab = Vocabulary(LINES, NameIndex([]), NameIndex([]))
    with pytest.raises(EntryError):
        parse_entry(f"4 {day.isoformat()} Taller", vocab=vocab, now=NOW)


# -- partners and departments -----------------------------------------------------------------


def test_hashtags_are_partners_and_trailing_ones_leave_the_text():
    names, text = hashtags("Reunión con #APC sobre #ONU_Hábitat y becas #GOAL, #Procolombia.")
    assert names == ["APC", "ONU Hábitat", "GOAL", "Procolombia"]
    assert text == "Reunión con APC sobre ONU Hábitat y becas"


@pytest.mark.parametrize(("text", "clean"), [
    ("Charla de becas con la #UPB", "Charla de becas con la UPB"),
    ("Reunión con #APC y #GOAL", "Reunión con APC y GOAL"),
    ("Reunión de seguimiento #APC #GOAL", "Reunión de seguimiento"),
])
def test_trailing_hashtags_stay_when_the_sentence_needs_them(text, clean):
    assert hashtags(text)[1] == clean


def test_a_number_is_not_a_hashtag_partner():
    names, text = hashtags("Seguimiento a la #42 con #APC")
    assert names == ["APC"] and "#42" in text


def test_known_partners_are_found_in_plain_text_and_written_the_known_way(vocab):
    draft = parse("Reunión con la agencia presidencial de cooperacion y Procolmbia, "
                  "taller con onu habitat", vocab)
    assert draft.partners == ["APC", "ProColombia", "ONU-Hábitat"]


def test_a_hashtag_for_a_known_partner_takes_its_spelling(vocab):
    assert parse("2 Reunión #procolombia #onu_habitat", vocab).partners == \
        ["ProColombia", "ONU-Hábitat"]


def test_a_new_partner_is_kept_as_written(vocab):
    assert parse("1 Reunión #CámaraFrancoColombiana", vocab).partners == ["CámaraFrancoColombiana"]


def test_department_given_or_recognised(vocab):
    assert parse("4 Comixta dependencia: Planeación", vocab).department == \
        "Secretaría de Planeación"
    assert parse("4 Comixta con la secretaria de planeacion", vocab).department == \
        "Secretaría de Planeación"
    assert parse("4 Comixta dep: Oficina de Gestión del Riesgo", vocab).department == \
        "Oficina de Gestión del Riesgo"
    assert parse("4 Planeación del taller", vocab).department is None  # a word, not the office


acronyms = st.text(
    alphabet=st.characters(whitelist_categories=("Lu", "Nd"), max_codepoint=0x24F),
    min_size=2, max_size=10,
).filter(lambda s: not s.isdigit() and key_of(s) and s.isupper()
          and key_of(s) not in TOPIC_ACRONYMS)  # "#IED", "#ODS" tag the subject


@given(st.lists(acronyms, min_size=1, max_size=4, unique_by=key_of))
def test_every_hashtag_written_as_an_acronym_becomes_a_partner(names):
    vocab = Vocabulary(LINES, NameIndex([]), NameIndex([]))
    text = "4 Reunión de trabajo " + " ".join(f"#{n}" for n in names)
    draft = parse_entry(text, vocab=vocab, now=NOW)
    assert [key_of(p) for p in draft.partners] == [key_of(n) for n in names]
    assert draft.text == "Reunión de trabajo"


def test_a_hashtag_naming_a_topic_stays_in_the_text_and_is_no_partner(vocab):
    """"#convocatorias" tags the subject, not an organisation; a known partner, a name
    of several words and an organisation word still make a tagged partner."""
    draft = parse("4 enviamos el boletín a los enlaces #convocatorias #APC", vocab)
    assert draft.partners == ["APC"]
    assert "convocatorias" in draft.text
    draft = parse("4 reunión de seguimiento #Fundación_Mi_Barrio #EmbajadaSuiza #becas", vocab)
    assert [key_of(p) for p in draft.partners][:1] == [key_of("Fundación Mi Barrio")]
    assert len(draft.partners) == 2 and "becas" in draft.text


# -- text ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   ", "2", "2 ayer", "#APC #GOAL"])
def test_no_text_is_refused(vocab, text):
    with pytest.raises(EntryError):
        parse(text, vocab)


def test_text_over_2000_characters_is_refused_with_its_length(vocab):
    with pytest.raises(EntryError) as error:
        parse("2 " + "a" * 2001, vocab)
    assert "2003 caracteres" in str(error.value)
    assert parse("2 " + "a" * 1990, vocab).text.startswith("A")


@given(st.text(max_size=300))
def test_any_text_is_an_entry_or_a_spanish_refusal_never_a_crash(text):
    vocab = Vocabulary(LINES, NameIndex(Settings().activities.partners), NameIndex([]))
    try:
        draft = parse_entry(text, vocab=vocab, now=NOW)
    except EntryError as error:
        assert str(error)
    else:
        assert draft.text.strip() and len(draft.text) <= 2000
        assert draft.day <= date(2026, 11, 19)
        assert draft.line is None or draft.line in {1, 2, 3, 4, 5}


def test_a_weekly_schedule_in_the_note_is_not_taken_for_two_dates(vocab):
    """"clases martes y jueves" says when the classes recur: the note is saved (dated
    today, or the day written elsewhere) with the schedule kept in its text, not refused
    for naming two dates."""
    draft = parse("3 arrancaron las clases de inglés para funcionarios, martes y jueves", vocab)
    assert draft.day == NOW.date() and "martes y jueves" in draft.text
    draft = parse("3 ayer empezó el curso de lunes a viernes", vocab)
    assert draft.day == date.fromordinal(NOW.date().toordinal() - 1)
    assert "lunes a viernes" in draft.text
