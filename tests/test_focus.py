"""Finding the question in a long message: greetings and introductions do not drown it."""

from bot.knowledge.focus import asked, embedding_text, focus, head, strip_preamble


def test_greeting_and_self_introduction_are_cut():
    assert strip_preamble("Buenas tardes, soy enlace de la Secretaría de Salud.") == ""
    assert strip_preamble("Hola, escribo del INVISBU.") == ""
    assert strip_preamble("Hi, I'm a consultant with a foundation.") == ""


def test_the_asking_sentence_comes_first_and_context_stays():
    text = ("Buenos días, soy enlace de la Secretaría de Hacienda. Nos llegó una invitación "
            "de la embajada de Japón. ¿Cómo funciona esa convocatoria?")
    focused = focus(text)
    assert focused.startswith("¿Cómo funciona esa convocatoria?")
    assert "embajada de Japón" in focused
    assert "Hacienda" not in focused and "Buenos" not in focused


def test_short_questions_are_left_alone():
    assert focus("que es aod") == "que es aod"
    assert focus("¿Qué es un hermanamiento?") == "¿Qué es un hermanamiento?"


def test_thanks_at_the_end_is_dropped_and_head_bounds_the_length():
    focused = focus("Hola. ¿Qué es la APC y qué hace? Mil gracias por la ayuda.")
    assert "gracias" not in focused.lower()
    assert len(head(" ".join(["palabra"] * 100)).split()) == 32


def test_the_asking_sentences_alone_are_a_second_reading_of_a_long_message():
    text = ("Hola, soy de la Secretaría de Movilidad. Nos piden evaluar las bicicletas "
            "públicas con el C40. ¿Qué es KUSANONE?")
    assert asked(text) == "¿Qué es KUSANONE?"
    assert asked("¿Qué es KUSANONE?") is None  # nothing around the question: one reading


def test_what_is_embedded_keeps_the_question_whole_and_the_context_short():
    text = ("Buenos días, soy enlace de la Secretaría de Hacienda. Nos llegó una invitación "
            "de la embajada de Japón para unos proyectos comunitarios en los barrios. "
            "¿Cómo funciona esa convocatoria?")
    embedded = embedding_text(text)
    assert embedded.startswith("¿Cómo funciona esa convocatoria?")
    # The context brings its subject, not its function words (each one a token to embed).
    assert "embajada Japón" in embedded and " de la " not in embedded
    assert embedding_text("¿Qué es un hermanamiento?") == "¿Qué es un hermanamiento?"
    assert len(embedding_text(". ".join(["¿Qué es la AOD?"] * 20)).split()) <= 24


def test_what_a_self_introduction_names_is_kept_for_meaning_only():
    text = ("Hola, soy de la Oficina de la Bicicleta. Otras ciudades nos preguntan por el "
            "programa. ¿Cómo lo podemos contar?")
    embedded = embedding_text(text)
    assert embedded.startswith("¿Cómo lo podemos contar?") and embedded.endswith("bicicleta")
    # The words search what is asked and its context, not the writer's office.
    assert "icicleta" not in focus(text) and "Oficina" not in focus(text)
    # An introduction that names only who writes adds nothing.
    assert embedding_text("Buenos días, soy enlace de la Secretaría. ¿Qué es la AOD?") == \
        "¿Qué es la AOD?"


def test_a_long_question_leaves_room_for_the_subject_its_context_names():
    text = ("Les escribo porque estamos revisando el programa de becas de la cooperación "
            "coreana. ¿En qué fecha abrieron la última convocatoria de ese programa, quiénes "
            "podían presentarse, cuántos cupos dieron y qué documentos les pidieron a los "
            "aspirantes que se inscribieron?")
    embedded = embedding_text(text)
    # The question points at "ese programa"; only the context says which one.
    assert "coreana" in embedded and len(embedded.split()) <= 24
    # The question keeps how it asks and what it asks about, without its function words.
    assert embedded.startswith("¿En qué fecha") and "aspirantes" in embedded
    assert " de los " not in embedded


def test_what_the_writer_is_doing_is_context_not_an_introduction():
    # "Estamos revisando…" names the subject; only where one works is cut.
    text = ("Buenas, estamos revisando el convenio de residuos con la embajada de Suiza. "
            "¿Quién lo firmó?")
    assert "residuos" in focus(text) and "Suiza" in focus(text)
    assert "Suiza" in focus("Estoy por viajar a Suiza con el alcalde. ¿Qué hay pendiente?")
    assert strip_preamble("Estoy en la Secretaría de Salud.") == ""
    assert "Suiza" in focus("Les escribo porque nos visita Suiza. ¿Qué preparamos?")


def test_an_office_named_with_y_stays_in_the_introduction():
    text = "Soy de la Oficina de Cultura y Deporte. ¿Qué becas hay para artistas?"
    assert "Deporte" not in focus(text)
    # A "y" that goes on with what the writer wants is context, as before.
    assert "becas" in focus("Soy de Cultura y queremos saber de becas. ¿Cómo aplicar?")


def test_a_role_given_in_the_introduction_is_part_of_it():
    """"…y me nombraron enlace ante la OFAI" says who writes: the steps are asked, not
    the liaisons' role. Alone, being named liaison is the subject of the question."""
    text = ("Buenos días. Soy nueva en la Secretaría de Educación y me nombraron enlace ante la "
            "OFAI. ¿Cuál es el primer paso de la guía?")
    assert focus(text) == "¿Cuál es el primer paso de la guía?"
    alone = "Me acaban de nombrar enlace de mi secretaría, ¿qué funciones tengo?"
    assert "enlace" in focus(alone)
