"""The confidence fit's example weights (bot.knowledge.calibrate)."""

import numpy as np

from bot.knowledge.calibrate import CURATED_SHARE, MISSING_SHARE, prior_weights


def test_people_style_questions_are_not_outweighed_by_the_many_phrasings():
    """90 held-out phrasings and 10 curators' questions: the curators' ones carry
    CURATED_SHARE of the answerable weight, and questions without an answer MISSING_SHARE
    of the whole, whatever the raw counts."""
    rows = ([{"source": "held"}] * 90 + [{"source": "curated"}] * 10
            + [{"source": "removed"}] * 70 + [{"source": "out"}] * 5)
    weights = prior_weights(rows)
    source = np.array([r["source"] for r in rows])
    answerable = weights[np.isin(source, ["held", "curated"])].sum()
    assert np.isclose(weights[source == "curated"].sum() / answerable, CURATED_SHARE)
    missing = weights[np.isin(source, ["removed", "out"])].sum()
    assert np.isclose(missing / weights.sum(), MISSING_SHARE)
