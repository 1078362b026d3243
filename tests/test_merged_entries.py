"""Entries merged into another keep working: what pointed at the old id reaches the new one."""

from bot.cli import main
from bot.knowledge.render import entry_key, find_by_key
from bot.knowledge.store import KnowledgeBase, load_knowledge
from tests.test_kb_check import GOOD, make_kb
from tests.test_prepared_index import entry, knowledge, service

MERGED = GOOD.replace("related: [{related}]", "related: [{related}]\nreplaces: [{replaces}]")


def test_an_old_id_and_its_buttons_reach_the_entry_it_was_merged_into(tmp_path):
    root = make_kb(tmp_path, {
        "b.md": MERGED.format(id="b", related="", replaces="a, a-vieja", body="Todo junto."),
    })
    kb = load_knowledge(root)
    assert not kb.problems
    assert kb.get("a").id == "b" and kb.get("a-vieja").id == "b" and kb.get("zzz") is None
    # a "Ver completo" pressed on a message sent before the merge
    assert find_by_key(kb, entry_key("a")).id == "b"


def test_replacing_an_entry_that_still_exists_is_a_problem(tmp_path, capsys):
    root = make_kb(tmp_path, {
        "a.md": GOOD.format(id="a", related="", body="Sigue aquí."),
        "b.md": MERGED.format(id="b", related="", replaces="a", body="Todo junto."),
    })
    assert main(["kb", "check", "--path", str(root)]) == 1
    out = capsys.readouterr().out
    assert f"{root / 'conceptos' / 'b.md'}:11:" in out and "«a», que todavía es una guía" in out


def test_a_phrasing_an_admin_attached_follows_its_entry_into_a_merge(tmp_path):
    before = service(tmp_path, knowledge())
    question = before.ask("convenio de amistad entre municipios")
    before.attach(question.question_id, "hermanamiento", admin_id=1)
    merged = entry("ciudades-hermanas", "Ciudades hermanas", "que es una ciudad hermana",
                   "Dos ciudades que firman un acuerdo de cooperación.")
    merged = merged.model_copy(update={"replaces": ["hermanamiento"]})
    after = KnowledgeBase(entries={merged.id: merged}, replaced={"hermanamiento": merged.id})
    best = service(tmp_path, after).index.lexical.search("convenio de amistad").best
    assert best is not None and best.entry.id == "ciudades-hermanas"
