"""The real embedding model (no mock): meaning, not shared words, brings texts together."""

import numpy as np
import pytest

from bot.embeddings import load_embedder

embedder = load_embedder()
pytestmark = pytest.mark.skipif(embedder is None, reason="embedding model not installable here")


def test_vectors_are_unit_length_and_shaped():
    vectors = embedder.passages(["Memorando de entendimiento con GOAL", "Hermanamiento"])
    assert vectors.shape == (2, embedder.dim)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)


def test_an_english_question_lands_on_the_spanish_passage_it_means():
    passages = embedder.passages([
        "Un hermanamiento es un acuerdo de amistad y cooperación entre dos ciudades",
        "La convocatoria de la Embajada de Japón financia proyectos comunitarios",
        "Receta tradicional de arepas santandereanas",
    ])
    query = embedder.queries(["what is a sister city agreement?"])[0]
    assert int(np.argmax(passages @ query)) == 0
