"""`enlace kb check`: the real knowledge base passes; every kind of problem is reported with
its file and line; no entry copies a source document."""

from pathlib import Path

import pytest

from bot.cli import main
from bot.knowledge.originality import check_tree

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT.parent / "shared" / "sources"

GOOD = """---
id: {id}
title: Título
category: conceptos
questions: [que es]
tags: [a]
sources:
  - document: Doc
    section: 1
related: [{related}]
reviewed: 2026-11-21
---
{body}
"""


def make_kb(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "knowledge"
    (root / "conceptos").mkdir(parents=True)
    (root / "categorias.yml").write_text("conceptos: Conceptos\n", encoding="utf-8")
    (root / "sinonimos.yml").write_text("- [aod, ayuda oficial al desarrollo]\n",
                                        encoding="utf-8")
    for name, text in files.items():
        (root / "conceptos" / name).write_text(text, encoding="utf-8")
    return root


def test_the_shipped_knowledge_base_passes(capsys):
    assert main(["kb", "check"]) == 0
    out = capsys.readouterr().out
    assert "0 problemas" in out and "aviso" not in out  # no lead is too long


def test_a_lead_too_long_for_a_phone_is_a_warning(tmp_path, capsys):
    long_lead = "Una respuesta que no termina. " * 30
    root = make_kb(tmp_path, {
        "a.md": GOOD.format(id="a", related="", body=long_lead + "\n\nDetalle."),
        "b.md": GOOD.format(id="b", related="", body="Corta.\n\nDetalle."),
    })
    assert main(["kb", "check", "--path", str(root)]) == 0  # a warning, not a failure
    out = capsys.readouterr().out
    assert f"aviso: {root / 'conceptos' / 'a.md'}:13: el primer párrafo tiene" in out
    assert "b.md" not in out and "1 avisos" in out


def test_every_problem_is_reported_with_file_and_line(tmp_path, capsys):
    root = make_kb(tmp_path, {
        "a.md": GOOD.format(id="a", related="b", body="Respuesta."),
        "b.md": GOOD.format(id="b", related="fantasma", body="Otra."),
        "dup.md": GOOD.format(id="a", related="", body="Repetida."),
        "empty.md": GOOD.format(id="empty", related="", body="   "),
        "missing.md": "---\nid: missing\ntitle: Sin nada\n---\nTexto.\n",
    })
    assert main(["kb", "check", "--path", str(root)]) == 1
    out = capsys.readouterr().out
    assert "dup.md:2: id repetido «a»" in out
    assert "b.md:10: «related» apunta a «fantasma»" in out
    assert "empty.md:13: la respuesta está vacía" in out
    assert "missing.md:1: campo «category»: falta" in out
    assert "missing.md:1: campo «sources»: falta" in out


def test_broken_yaml_is_reported_not_raised(tmp_path, capsys):
    root = make_kb(tmp_path, {"bad.md": "---\nid: bad\ntitle: [sin cerrar\n---\nTexto\n"})
    assert main(["kb", "check", "--path", str(root)]) == 1
    assert "bad.md" in capsys.readouterr().out


@pytest.mark.skipif(not SOURCES.is_dir(), reason="shared/sources is not beside the checkout")
def test_no_entry_shares_twelve_words_in_a_row_with_a_source():
    copies = check_tree(ROOT / "knowledge", SOURCES)
    assert copies == [], "\n".join(f"{c.entry}: «{c.text}»" for c in copies)


@pytest.mark.skipif(not SOURCES.is_dir(), reason="shared/sources is not beside the checkout")
def test_the_copy_check_catches_a_copied_sentence(tmp_path, capsys):
    source = next(SOURCES.glob("*.txt")).read_text(encoding="utf-8").split()
    copied = " ".join(source[200:215])
    root = make_kb(tmp_path, {"a.md": GOOD.format(id="a", related="", body=copied)})
    assert main(["kb", "check", "--path", str(root), "--sources", str(SOURCES)]) == 1
    assert "copia un fragmento" in capsys.readouterr().out
