"""ActivityService: storing once, drafts that survive, evidence, undo, edit, permissions."""

from datetime import date, timedelta

import pytest

from bot.access import Person
from bot.activities.models import Attached, EntryError, Evidence, Logged, Step
from bot.activities.service import ActivityService, NotAllowed
from bot.db import open_database
from tests.conftest import ADMIN_ID, STAFF_ID

ANA = Person(STAFF_ID, "Ana Pérez")
ADMIN = Person(ADMIN_ID, "Admin")
CHAT = STAFF_ID


@pytest.fixture
def service(services) -> ActivityService:
    return services.activities


def count(service: ActivityService) -> int:
    return service.store.db["activities"].count


def test_quick_log_is_stored_with_everything_it_said(service):
    logged = service.log("2 ayer Reunión con #ProColombia sobre el Investment Summit "
                         "dependencia: Planeación", person=ANA, chat_id=CHAT, message_id=10)
    assert isinstance(logged, Logged) and logged.created
    a = logged.activity
    assert (a.line, a.day, a.text) == (2, date(2026, 11, 17),
                                       "Reunión con ProColombia sobre el Investment Summit")
    assert a.partners == ("ProColombia",) and a.department == "Secretaría de Planeación"
    assert (a.user_id, a.user_name, a.chat_id, a.message_id) == (STAFF_ID, "Ana Pérez", CHAT, 10)


def test_the_same_message_twice_is_one_entry(service):
    first = service.log("2 Reunión con ProColombia", person=ANA, chat_id=CHAT, message_id=11)
    again = service.log("2 Reunión con ProColombia", person=ANA, chat_id=CHAT, message_id=11)
    assert first.created and not again.created
    assert again.activity.id == first.activity.id and count(service) == 1


def test_the_entry_is_on_disk_when_log_returns(service, settings):
    service.log("2 Reunión con ProColombia", person=ANA, chat_id=CHAT, message_id=12)
    other = open_database(settings.storage.database)  # another connection, as after a crash
    assert other["activities"].count == 1


def test_a_rejected_log_stores_nothing_and_touches_nothing(service):
    service.log("2 Reunión con ProColombia", person=ANA, chat_id=CHAT, message_id=13)
    before = list(service.store.db["activities"].rows)
    for bad in ["9 Reunión", "2 2026-12-25 Feria", "2 31/02 Feria", "2 " + "x" * 2001, "2 ayer"]:
        with pytest.raises(EntryError):
            service.log(bad, person=ANA, chat_id=CHAT, message_id=14)
    assert list(service.store.db["activities"].rows) == before


def test_record_is_the_door_for_other_features(service):
    activity = service.record(line=1, text="Seguimiento al convenio con GOAL", user_id=ADMIN_ID,
                              user_name="Enlace", partners=["GOAL", "goal"], chat_id=-5,
                              message_id=7)
    again = service.record(line=1, text="Seguimiento al convenio con GOAL", user_id=ADMIN_ID,
                           chat_id=-5, message_id=7)
    assert activity.id == again.id and activity.partners == ("GOAL",)
    assert activity.source == "service" and activity.day == date(2026, 11, 18)
    with pytest.raises(EntryError):
        service.record(line=8, text="x", user_id=ADMIN_ID)


# -- guided log -------------------------------------------------------------------------------


def test_guided_log_line_text_evidence_confirm(service):
    step = service.log("", person=ANA, chat_id=CHAT, message_id=20)
    assert isinstance(step, Step) and step.name == "line"
    step = service.guided.choose_line(person=ANA, chat_id=CHAT, origin=20, line=4)
    assert step.name == "text"
    step = service.guided.give_text("ayer visita al barrio con #GOAL", person=ANA, chat_id=CHAT,
                             message_id=21)
    assert step.name == "evidence" and step.draft.partners == ["GOAL"]
    step = service.guided.give_evidence(Evidence("photo", "PH", 22), person=ANA, chat_id=CHAT)
    assert step.name == "confirm"
    assert count(service) == 0  # nothing is stored before "Guardar"
    logged = service.guided.confirm(person=ANA, chat_id=CHAT, origin=20)
    assert logged.created and logged.activity.evidence == (Evidence("photo", "PH", 22),)
    assert logged.activity.day == date(2026, 11, 17) and logged.activity.source == "guided"
    again = service.guided.confirm(person=ANA, chat_id=CHAT, origin=20)  # "Guardar" pressed twice
    assert not again.created and count(service) == 1


def test_guided_log_survives_a_restart(service, settings, clock):
    service.log("", person=ANA, chat_id=CHAT, message_id=30)
    service.guided.choose_line(person=ANA, chat_id=CHAT, origin=30, line=3)
    # A new process: new connection, new service.
    reborn = ActivityService(settings, open_database(settings.storage.database),
                             now=lambda: clock[0])
    step = reborn.guided.give_text("Charla de becas", person=ANA, chat_id=CHAT, message_id=31)
    assert step.name == "evidence" and step.draft.line == 3
    reborn.guided.skip_evidence(person=ANA, chat_id=CHAT, origin=30)
    saved = reborn.guided.confirm(person=ANA, chat_id=CHAT, origin=30)
    assert saved.activity.text == "Charla de becas"


def test_a_redelivered_step_message_is_not_applied_twice(service):
    service.log("1", person=ANA, chat_id=CHAT, message_id=40)  # "/registrar 1": line given
    service.guided.give_text("Reunión con la embajada", person=ANA, chat_id=CHAT, message_id=41)
    repeated = service.guided.give_text("Reunión con la embajada", person=ANA, chat_id=CHAT,
                                 message_id=41)
    assert repeated.repeated and repeated.name == "evidence"


def test_a_bad_text_in_the_guided_log_keeps_the_step(service):
    service.log("4", person=ANA, chat_id=CHAT, message_id=50)
    with pytest.raises(EntryError):
        service.guided.give_text("2026-12-30 taller", person=ANA, chat_id=CHAT, message_id=51)
    assert service.guided.draft_of(CHAT, STAFF_ID).step == "text"


def test_cancel_leaves_nothing(service):
    service.log("", person=ANA, chat_id=CHAT, message_id=60)
    assert service.guided.cancel(chat_id=CHAT, user_id=STAFF_ID)
    assert service.guided.draft_of(CHAT, STAFF_ID) is None and count(service) == 0
    with pytest.raises(EntryError):
        service.guided.choose_line(person=ANA, chat_id=CHAT, origin=60, line=2)


def test_an_abandoned_draft_expires(service, clock):
    service.log("", person=ANA, chat_id=CHAT, message_id=70)
    clock[0] += timedelta(hours=25)
    assert service.guided.draft_of(CHAT, STAFF_ID) is None


def test_quick_log_without_a_clear_line_waits_for_the_button(service):
    step = service.log("ayer Reunión de seguimiento #GOAL", person=ANA, chat_id=CHAT,
                       message_id=80, evidence=[Evidence("photo", "P", 80)])
    assert isinstance(step, Step) and step.name == "line" and step.draft.mode == "quick"
    logged = service.guided.choose_line(person=ANA, chat_id=CHAT, origin=80, line=4)
    assert isinstance(logged, Logged)
    assert logged.activity.message_id == 80 and logged.activity.partners == ("GOAL",)
    assert logged.activity.evidence[0].file_id == "P"


# -- evidence right after ------------------------------------------------------------------------


def test_evidence_right_after_attaches_to_the_last_entry_once(service, clock):
    logged = service.log("2 Reunión con ProColombia", person=ANA, chat_id=CHAT, message_id=90)
    clock[0] += timedelta(minutes=3)
    photo = Evidence("photo", "PH1", 91)
    attached = service.attach(photo, person=ANA, chat_id=CHAT)
    assert isinstance(attached, Attached) and attached.added
    assert attached.activity.id == logged.activity.id
    again = service.attach(photo, person=ANA, chat_id=CHAT)  # redelivered
    assert not again.added and len(again.activity.evidence) == 1
    where = Evidence("location", None, 92, latitude=7.1, longitude=-73.1)
    assert len(service.attach(where, person=ANA, chat_id=CHAT).activity.evidence) == 2


def test_evidence_too_late_or_after_a_rejected_command_goes_nowhere(service, clock):
    service.log("2 Reunión con ProColombia", person=ANA, chat_id=CHAT, message_id=100)
    clock[0] += timedelta(minutes=11)
    assert service.attach(Evidence("photo", "late", 101), person=ANA, chat_id=CHAT) is None
    service.log("2 Reunión", person=ANA, chat_id=CHAT, message_id=102)
    with pytest.raises(EntryError):
        service.log("9 Reunión", person=ANA, chat_id=CHAT, message_id=103)
    assert service.attach(Evidence("photo", "x", 104), person=ANA, chat_id=CHAT) is None


# -- own records ----------------------------------------------------------------------------------


def test_undo_marks_deleted_and_an_admin_restores(service):
    logged = service.log("2 Reunión con ProColombia", person=ANA, chat_id=CHAT, message_id=110)
    deleted = service.undo_last(ANA)
    assert deleted.id == logged.activity.id and deleted.deleted_by == STAFF_ID
    assert count(service) == 1  # kept
    with pytest.raises(EntryError):
        service.undo_last(ANA)  # nothing left
    with pytest.raises(NotAllowed):
        service.restore(deleted.id, ANA)
    restored, changed = service.restore(deleted.id, ADMIN)
    assert changed and not restored.deleted
    assert [h["action"] for h in service.store.history(deleted.id)] == ["delete", "restore"]


def test_staff_edit_only_their_own_admins_everyones(service):
    mine = service.log("2 Reunión", person=ANA, chat_id=CHAT, message_id=120).activity
    theirs = service.record(line=1, text="Visita oficial", user_id=ADMIN_ID, user_name="Admin")
    with pytest.raises(NotAllowed):
        service.edit(f"{theirs.id} línea 3", ANA)
    edited = service.edit(f"{mine.id} línea 3 fecha ayer aliados #APC #GOAL", ANA)
    assert (edited.line, edited.day, edited.partners) == (3, date(2026, 11, 17), ("APC", "GOAL"))
    edited = service.edit(f"#{mine.id} texto Charla sobre becas con la UPB", ANA)
    assert edited.text == "Charla sobre becas con la UPB" and edited.line == 3
    assert service.edit(f"{theirs.id} dependencia INVISBU", ADMIN).department == "INVISBU"
    assert service.edit("aliados ninguno", ANA).partners == ()  # without id: the last one
    history = service.store.history(mine.id)
    assert history[0]["before"]["line"] == 2  # every earlier version is kept


def test_a_rejected_edit_changes_nothing(service):
    mine = service.log("2 Reunión", person=ANA, chat_id=CHAT, message_id=130).activity
    for bad in [f"{mine.id} línea 9", f"{mine.id} fecha 2027-01-01", f"{mine.id} fecha mañanita",
                f"{mine.id} texto ", "999 línea 2"]:
        with pytest.raises(EntryError):
            service.edit(bad, ANA)
    assert service.store.get(mine.id) == mine


def test_listing_staff_see_their_own_admins_everyone(service):
    service.log("2 Reunión con ProColombia", person=ANA, chat_id=CHAT, message_id=140)
    service.record(line=1, text="Visita oficial", user_id=ADMIN_ID, user_name="Admin")
    assert [a.user_id for a in service.recent("", ANA).activities] == [STAFF_ID]
    assert len(service.recent("", ADMIN).activities) == 2
    assert [a.line for a in service.recent("línea 1", ADMIN).activities] == [1]
    assert [a.user_name for a in service.recent("@ana este mes", ADMIN).activities] == \
        ["Ana Pérez"]
    with pytest.raises(NotAllowed):
        service.recent("borradas", ANA)


def test_a_new_log_replacing_an_unsaved_one_says_so(service):
    service.log("Reunión de seguimiento", person=ANA, chat_id=CHAT, message_id=150)
    step = service.log("", person=ANA, chat_id=CHAT, message_id=151)
    assert step.dropped == "Reunión de seguimiento"


def test_a_typed_line_number_redelivered_is_not_taken_as_the_text(service):
    service.log("", person=ANA, chat_id=CHAT, message_id=160)
    service.guided.choose_line(person=ANA, chat_id=CHAT, origin=160, line=4, message_id=161)
    again = service.guided.choose_line(person=ANA, chat_id=CHAT, origin=160, line=4,
                                       message_id=161)
    assert again.repeated and again.name == "text"
    repeated = service.guided.give_text("4", person=ANA, chat_id=CHAT, message_id=161)
    assert repeated.repeated and repeated.draft.text is None
