"""Questions through the real python-telegram-bot Application, Telegram replaced by a recorder."""

from telegram.ext import CommandHandler

from bot.knowledge.render import entry_key, find_by_key
from tests.conftest import ADMIN_ID, LIAISON_ID, STAFF_ID, STRANGER_ID, send
from tests.support.updates import GROUP_ID, callback, message


def last_message(fake):
    return fake.sent("sendMessage")[-1]


async def test_private_question_gets_title_text_source_and_buttons(app, fake):
    await send(app, message("que es aod", user_id=LIAISON_ID))
    call = last_message(fake)
    assert call.chat_id == LIAISON_ID
    assert "<b>Qué es la AOD" in call.text
    assert "Ayuda Oficial al Desarrollo" in call.text
    assert "Fuente: Estrategia de Cooperación Internacional de Bogotá 2012–2016" in call.text
    labels = [label for label, _ in call.buttons()]
    assert "👍 Me sirvió" in labels and "👎 No me sirvió" in labels
    assert any(label.startswith("📄") for label in labels)


async def test_the_answer_is_the_lead_and_ver_completo_opens_the_rest(app, fake, services):
    await send(app, message("que es aod", user_id=LIAISON_ID))
    call = last_message(fake)
    entry = services.knowledge.entries["bogota-aod"]
    rest = entry.body[len(entry.lead):].strip().splitlines()[0]
    assert len(call.text) < len(entry.body)
    assert rest[:40] not in call.text
    buttons = dict(call.buttons())
    assert buttons["📖 Ver completo"] == "kb:full:" + entry_key(entry.id)
    await send(app, callback(buttons["📖 Ver completo"], user_id=LIAISON_ID))
    full = last_message(fake).text
    assert "Ayuda Oficial al Desarrollo" in full and "Fuente:" in full
    assert "📖 Ver completo" not in dict(last_message(fake).buttons())


async def test_a_fact_the_guides_lack_is_said_plainly_and_the_guide_offered(app, fake):
    await send(app, message("cual es el telefono de la apc", user_id=LIAISON_ID))
    call = last_message(fake)
    assert "no está en lo que sé" in call.text and "teléfono" in call.text
    labels = [label for label, _ in call.buttons()]
    assert any("APC" in label for label in labels) and "❌ Ninguna de estas" in labels


def add_registry(services):
    now = "2026-11-01T09:00:00-05:00"
    services.db["agreements"].insert({
        "partner": "GOAL (ONG irlandesa)", "kind": "mou", "object": "Barrios Resilientes",
        "signed_on": "2026-03-01", "ends_on": "2028-03-01", "cadence": "trimestral",
        "owner_name": "Laura Gómez", "status": "vigente", "created_at": now, "armed_at": now,
        "source": "import", "origin": "test:goal"})
    services.db["agreements"].insert({
        "partner": "Universidad Pontificia Bolivariana (UPB)", "kind": "mou", "object": "",
        "cadence": "semestral", "status": "negociacion", "created_at": now, "armed_at": now,
        "source": "import", "origin": "test:upb"})
    services.db["deadlines"].insert({
        "title": "Informe trimestral al concejo", "due_date": "2026-11-20", "status": "open",
        "owner_name": "Pedro", "created_at": now, "armed_at": now, "origin": "test:d1"})
    services.db["deadlines"].insert({
        "title": "Cierre de la beca Fulbright", "due_date": "2027-02-20", "status": "open",
        "created_at": now, "armed_at": now, "origin": "test:d2"})


async def test_staff_get_live_answers_from_the_registry(app, fake, services):
    add_registry(services)
    await send(app, message("¿cuándo vence el convenio con GOAL?", user_id=STAFF_ID))
    text = last_message(fake).text
    assert "GOAL" in text and "vigente" in text and "1 de marzo de 2028" in text
    assert "Laura Gómez" in text and "Próximo seguimiento: martes 1 de diciembre de 2026" in text
    assert "Contexto:" in text  # the knowledge entry about the GOAL memorandum

    await send(app, message("¿cómo va el convenio con GOAL?", user_id=STAFF_ID))
    text = last_message(fake).text
    assert "vigente" in text and "Laura Gómez" in text
    assert "GOAL" in text.split("<b>Contexto:</b>", 1)[1].splitlines()[0]  # the GOAL entry

    await send(app, message("ya se firmó con la UPB?", user_id=ADMIN_ID))
    text = last_message(fake).text
    assert "UPB" in text and "en negociación" in text and "Aún no está firmado" in text

    await send(app, message("¿qué plazos hay esta semana?", user_id=STAFF_ID))
    text = last_message(fake).text
    assert "Informe trimestral al concejo" in text and "Fulbright" not in text


async def test_registry_data_only_for_people_who_may_read_the_registry(app, fake, services):
    """Configured liaisons read /convenios, so they get live answers too; when anyone may
    ask (``access.liaisons = []``), a person with no role gets the guide, never the registry."""
    add_registry(services)
    await send(app, message("¿cuándo vence el convenio con GOAL?", user_id=LIAISON_ID))
    assert "Laura Gómez" in last_message(fake).text

    services.settings.access.liaisons = []
    anyone = 4242
    await send(app, message("¿cuándo vence el convenio con GOAL?", user_id=anyone))
    text = last_message(fake).text
    assert "Laura Gómez" not in text and "según /convenios" not in text
    await send(app, message("¿qué plazos hay esta semana?", user_id=anyone))
    assert "Informe trimestral al concejo" not in last_message(fake).text


async def test_unknown_user_is_refused_politely_with_their_id(app, fake, services):
    await send(app, message("que es aod", user_id=STRANGER_ID))
    call = last_message(fake)
    assert str(STRANGER_ID) in call.text and "oficina" in call.text
    assert services.db["questions"].count == 0


async def test_user_text_is_escaped_in_replies(app, fake):
    await send(app, message("/pregunta", user_id=LIAISON_ID))
    assert "/pregunta qué es una comixta" in last_message(fake).text
    await send(app, message("<b>zzzz</b> qqqq", user_id=ADMIN_ID))
    await send(app, message("/pendientes", user_id=ADMIN_ID))
    assert "&lt;b&gt;zzzz&lt;/b&gt;" in last_message(fake).text


async def test_unanswerable_question_is_recorded_and_admin_can_attach_it(app, fake, services):
    await send(app, message("como saco el pasaporte", user_id=LIAISON_ID))
    call = last_message(fake)
    assert "No encontré" in call.text
    assert any(data.startswith("kb:cat:") for _, data in call.buttons())
    row = next(services.db["questions"].rows_where("outcome = 'none'"))
    assert row["user_id"] == LIAISON_ID and row["asked_at"]

    await send(app, message("/pendientes", user_id=LIAISON_ID))
    assert "solo para quienes administran" in last_message(fake).text

    await send(app, message("/pendientes", user_id=ADMIN_ID))
    pending = last_message(fake)
    assert "como saco el pasaporte" in pending.text and "1 vez" in pending.text
    await send(app, callback(pending.buttons()[0][1], user_id=ADMIN_ID))
    offer = last_message(fake)
    assert "¿A qué guía corresponde" in offer.text
    chosen_title, chosen_data = offer.buttons()[0]
    await send(app, callback(chosen_data, user_id=ADMIN_ID))
    assert "Listo" in last_message(fake).text

    await send(app, message("como saco el pasaporte", user_id=LIAISON_ID))
    assert chosen_title.rstrip("…") in last_message(fake).text
    await send(app, message("/pendientes", user_id=ADMIN_ID))
    assert "No hay preguntas pendientes" in last_message(fake).text


async def test_feedback_is_stored_with_question_and_entry(app, fake, services):
    await send(app, message("que es una comixta", user_id=LIAISON_ID))
    thumbs_down = dict((label, data) for label, data in last_message(fake).buttons())
    await send(app, callback(thumbs_down["👎 No me sirvió"], user_id=LIAISON_ID))
    vote = next(services.db["feedback"].rows)
    assert vote["vote"] == -1 and vote["entry_id"] == "ofai-comixta-colombia-mexico"
    assert "Gracias" in fake.sent("answerCallbackQuery")[-1].params["text"]


async def test_guides_browse_categories_then_entries(app, fake):
    await send(app, message("/guias", user_id=LIAISON_ID))
    categories = last_message(fake).buttons()
    assert ("La oficina (OFAI)", "kb:cat:oficina") in categories
    await send(app, callback("kb:cat:oficina", user_id=LIAISON_ID))
    entries = last_message(fake).buttons()
    assert any("líneas de acción" in label for label, _ in entries)
    await send(app, callback(entries[0][1], user_id=LIAISON_ID))
    assert "Fuente:" in last_message(fake).text


async def test_vague_question_offers_choices_and_remembers_the_pick(app, fake, services):
    await send(app, message("memorando", user_id=LIAISON_ID))
    call = last_message(fake)
    assert "¿Te refieres a" in call.text
    choices = call.buttons()
    assert 3 <= len(choices) <= 4 and choices[-1][0] == "❌ Ninguna de estas"
    assert len({data for _, data in choices}) == len(choices)
    label, data = choices[1]
    await send(app, callback(data, user_id=LIAISON_ID))
    shown = last_message(fake).text
    assert label.rstrip("…") in shown and "Fuente:" in shown
    picked = find_by_key(services.knowledge, data.rsplit(":", 1)[1])
    asked = next(services.db["questions"].rows)
    assert asked["outcome"] == "clarify" and asked["entry_id"] == picked.id


async def test_in_groups_only_mentions_replies_and_commands_are_questions(app, fake):
    await send(app, message("que es aod", user_id=LIAISON_ID, chat_id=GROUP_ID))
    assert fake.sent("sendMessage") == []
    await send(app, message("@enlace_ofai_bot que es aod", user_id=LIAISON_ID, chat_id=GROUP_ID))
    assert "AOD" in last_message(fake).text
    await send(app, message("/pregunta que es una comixta", user_id=LIAISON_ID,
                            chat_id=GROUP_ID))
    assert "Comixta" in last_message(fake).text


async def test_greeting_and_thanks_get_a_short_reply(app, fake, services):
    await send(app, message("hola", user_id=LIAISON_ID))
    assert "Hola" in last_message(fake).text
    await send(app, message("mil gracias", user_id=LIAISON_ID))
    assert "Con gusto" in last_message(fake).text
    assert services.db["questions"].count == 0


async def test_start_is_fitted_to_the_role(app, fake):
    await send(app, message("/start", user_id=LIAISON_ID))
    assert "/registrar" not in last_message(fake).text
    await send(app, message("/start", user_id=ADMIN_ID))
    assert "/registrar" in last_message(fake).text and "/pendientes" in last_message(fake).text


async def test_a_failure_is_logged_and_the_user_told_in_spanish(app, fake, caplog):
    async def broken(update, context):
        raise RuntimeError("internal detail")

    app.add_handler(CommandHandler("roto", broken), group=-2)
    await send(app, message("/roto", user_id=LIAISON_ID))
    text = fake.sent("sendMessage")[0].text
    assert "Algo falló" in text and "internal detail" not in text
    assert "internal detail" in caplog.text


async def test_long_answers_are_split_below_telegram_limit(app, fake, services):
    entry = max(services.knowledge.entries.values(), key=lambda e: len(e.body))
    entry.body = (entry.body + "\n\n") * 4
    await send(app, callback("kb:full:" + entry_key(entry.id), user_id=LIAISON_ID))
    pieces = fake.sent("sendMessage")
    assert len(pieces) >= 2 and all(len(p.text) <= 4096 for p in pieces)
    assert pieces[-1].buttons() and not pieces[0].buttons()


async def test_cancel_with_nothing_in_progress_and_unknown_commands(app, fake):
    await send(app, message("/cancelar", user_id=LIAISON_ID))
    assert "No hay nada en curso" in last_message(fake).text
    await send(app, message("/registar <b>", user_id=LIAISON_ID))
    text = last_message(fake).text
    assert "/registar" in text and "/ayuda" in text
