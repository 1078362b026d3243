"""The confidence fit's example weights (bot.knowledge.calibrate)."""

import numpy as np

from bot.knowledge.calibrate import CURATED_SHARE, EVAL_SHARE, MISSING_SHARE, prior_weights


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


def test_independent_questions_carry_their_share_and_their_unanswerable_ones_count_as_missing():
    """Questions from the independent sets (written from the sources by others) weigh
    EVAL_SHARE of the answerable examples however few they are; theirs that no entry
    answers count with the out-of-scope ones."""
    rows = ([{"source": "held"}] * 90 + [{"source": "curated"}] * 10
            + [{"source": "eval"}] * 5 + [{"source": "removed"}] * 70
            + [{"source": "eval-out"}] * 3)
    weights = prior_weights(rows)
    source = np.array([r["source"] for r in rows])
    answerable = weights[np.isin(source, ["held", "curated", "eval"])].sum()
    assert np.isclose(weights[source == "eval"].sum() / answerable, EVAL_SHARE)
    missing = weights[np.isin(source, ["removed", "eval-out"])].sum()
    assert np.isclose(missing / weights.sum(), MISSING_SHARE)
